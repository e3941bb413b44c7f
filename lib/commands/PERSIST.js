'use strict';

// PERSIST key
module.exports = {
  parseCommand(parser, key) {
    parser.push('PERSIST');
    parser.pushKey(key);
  },
  transformReply: undefined
};
