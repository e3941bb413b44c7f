'use strict';

// LPOP key count (null for a missing key)
const LPOP = require('./LPOP');

module.exports = {
  parseCommand(parser, key, count) {
    LPOP.parseCommand(parser, key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
