'use strict';

// KEYS pattern (the pattern is an argument, not a key)
module.exports = {
  parseCommand(parser, pattern) {
    parser.push('KEYS', pattern);
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
