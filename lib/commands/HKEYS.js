'use strict';

// HKEYS key
module.exports = {
  parseCommand(parser, key) {
    parser.push('HKEYS');
    parser.pushKey(key);
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
