'use strict';

// HVALS key
module.exports = {
  parseCommand(parser, key) {
    parser.push('HVALS');
    parser.pushKey(key);
  },
  transformReply: undefined
};
