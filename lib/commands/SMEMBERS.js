'use strict';

// SMEMBERS key (RESP3 set: an Array, or a Set with the SET type mapping)
module.exports = {
  parseCommand(parser, key) {
    parser.push('SMEMBERS');
    parser.pushKey(key);
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
