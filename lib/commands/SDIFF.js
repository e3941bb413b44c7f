'use strict';

// SDIFF key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('SDIFF');
    parser.pushKeys(keys);
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
