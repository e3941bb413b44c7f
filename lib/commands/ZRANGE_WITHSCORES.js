'use strict';

// ZRANGE key min max [BYSCORE | BYLEX] [REV] [LIMIT offset count] WITHSCORES
const ZRANGE = require('./ZRANGE');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, key, min, max, options) {
    ZRANGE.parseCommand(parser, key, min, max, options);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
