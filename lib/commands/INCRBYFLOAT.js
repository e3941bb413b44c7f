'use strict';

// INCRBYFLOAT key increment
module.exports = {
  parseCommand(parser, key, increment) {
    parser.push('INCRBYFLOAT');
    parser.pushKey(key);
    parser.push(increment.toString());
  },
  transformReply: undefined
};
