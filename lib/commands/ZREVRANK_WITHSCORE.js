'use strict';

// ZREVRANK key member WITHSCORE (Redis 7.2+; redis-server 7.0 rejects it)
const ZREVRANK = require('./ZREVRANK');
const { transformRankWithScore } = require('./ZRANK_WITHSCORE');

module.exports = {
  parseCommand(parser, key, member) {
    ZREVRANK.parseCommand(parser, key, member);
    parser.push('WITHSCORE');
  },
  // [rank, score] -> { rank, score }; null stays null
  transformReply: transformRankWithScore
};
