'use strict';

// ZDIFF numkeys key [key ...] WITHSCORES
const ZDIFF = require('./ZDIFF');
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, keys) {
    ZDIFF.parseCommand(parser, keys);
    parser.push('WITHSCORES');
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
