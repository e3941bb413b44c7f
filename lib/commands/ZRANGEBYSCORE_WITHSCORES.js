'use strict';

// ZRANGEBYSCORE key min max [LIMIT offset count] WITHSCORES
const ZRANGEBYSCORE = require('./ZRANGEBYSCORE');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, key, min, max, options) {
    ZRANGEBYSCORE.parseCommand(parser, key, min, max, options);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
