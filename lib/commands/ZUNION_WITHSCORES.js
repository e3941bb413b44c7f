'use strict';

// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] WITHSCORES
const ZUNION = require('./ZUNION');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, keys, options) {
    ZUNION.parseCommand(parser, keys, options);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
