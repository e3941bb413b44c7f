'use strict';

// HKEYS key
module.exports = {
  parseCommand(parser, key) {
    parser.push('HKEYS');
    parser.pushKey(key);
  },
  transformReply: undefined
};
