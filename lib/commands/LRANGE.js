'use strict';

// LRANGE key start stop
module.exports = {
  parseCommand(parser, key, start, stop) {
    parser.push('LRANGE');
    parser.pushKey(key);
    parser.push(start.toString(), stop.toString());
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
