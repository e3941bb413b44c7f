'use strict';

// PEXPIRETIME key
module.exports = {
  parseCommand(parser, key) {
    parser.push('PEXPIRETIME');
    parser.pushKey(key);
  },
  transformReply: undefined
};
