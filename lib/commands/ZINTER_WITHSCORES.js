'use strict';

// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] WITHSCORES
const ZINTER = require('./ZINTER');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, keys, options) {
    ZINTER.parseCommand(parser, keys, options);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
