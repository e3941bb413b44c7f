'use strict';

// ZPOPMAX key count
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  parseCommand(parser, key, count) {
    parser.push('ZPOPMAX');
    parser.pushKey(key);
    parser.push(count.toString());
  },
  // [[value, score], ...] -> [{ value, score }, ...]
  transformReply: transformSortedSetReply
};
