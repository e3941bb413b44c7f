'use strict';

// PTTL key
module.exports = {
  parseCommand(parser, key) {
    parser.push('PTTL');
    parser.pushKey(key);
  },
  transformReply: undefined
};
