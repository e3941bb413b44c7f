'use strict';

// HMGET key field [field ...]
module.exports = {
  parseCommand(parser, key, fields) {
    parser.push('HMGET');
    parser.pushKey(key);
    parser.pushVariadic(fields);
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
