'use strict';

// ZSCAN key cursor [MATCH pattern] [COUNT count]
const { parseScanArguments } = require('./SCAN');
const { transformSortedSetFlatReply } = require('../transformers');

module.exports = {
  parseCommand(parser, key, cursor, options) {
    parser.push('ZSCAN');
    parser.pushKey(key);
    parseScanArguments(parser, cursor, options);
  },
  // [cursor, [value, score, ...]] -> { cursor, members: [{ value, score }, ...] }; the scores
  // come as blob strings and are parsed to numbers (as node-redis does, whatever the mapping)
  transformReply([cursor, rawMembers]) {
    return { cursor, members: transformSortedSetFlatReply(rawMembers) };
  }
};
