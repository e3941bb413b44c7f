'use strict';

// ZCARD key
module.exports = {
  parseCommand(parser, key) {
    parser.push('ZCARD');
    parser.pushKey(key);
  },
  transformReply: undefined
};
