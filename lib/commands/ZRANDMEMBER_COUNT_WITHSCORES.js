'use strict';

// ZRANDMEMBER key count WITHSCORES
const ZRANDMEMBER_COUNT = require('./ZRANDMEMBER_COUNT');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, key, count) {
    ZRANDMEMBER_COUNT.parseCommand(parser, key, count);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
