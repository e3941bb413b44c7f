'use strict';

// SCARD key
module.exports = {
  parseCommand(parser, key) {
    parser.push('SCARD');
    parser.pushKey(key);
  },
  transformReply: undefined
};
