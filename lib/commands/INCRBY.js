'use strict';

// INCRBY key increment
module.exports = {
  parseCommand(parser, key, increment) {
    parser.push('INCRBY');
    parser.pushKey(key);
    parser.push(increment.toString());
  },
  transformReply: undefined
};
