'use strict';

// ZRANK key member WITHSCORE (Redis 7.2+; redis-server 7.0 rejects it)
const ZRANK = require('./ZRANK');

function transformRankWithScore(reply) {
  if (reply === null) return null;
  return { rank: reply[0], score: reply[1] };
}

module.exports = {
  parseCommand(parser, key, member) {
    ZRANK.parseCommand(parser, key, member);
    parser.push('WITHSCORE');
  },
  // [rank, score] -> { rank, score }; null stays null
  transformReply: transformRankWithScore,
  transformRankWithScore
};
