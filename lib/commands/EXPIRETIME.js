'use strict';

// EXPIRETIME key
module.exports = {
  parseCommand(parser, key) {
    parser.push('EXPIRETIME');
    parser.pushKey(key);
  },
  transformReply: undefined
};
