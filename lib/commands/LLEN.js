'use strict';

// LLEN key
module.exports = {
  parseCommand(parser, key) {
    parser.push('LLEN');
    parser.pushKey(key);
  },
  transformReply: undefined
};
