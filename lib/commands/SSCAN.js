'use strict';

// SSCAN key cursor [MATCH pattern] [COUNT count]
const { parseScanArguments } = require('./SCAN');

module.exports = {
  parseCommand(parser, key, cursor, options) {
    parser.push('SSCAN');
    parser.pushKey(key);
    parseScanArguments(parser, cursor, options);
  },
  // [cursor, members] -> { cursor, members }
  transformReply([cursor, members]) {
    return { cursor, members };
  }
};
