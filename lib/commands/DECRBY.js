'use strict';

// DECRBY key decrement
module.exports = {
  parseCommand(parser, key, decrement) {
    parser.push('DECRBY');
    parser.pushKey(key);
    parser.push(decrement.toString());
  },
  transformReply: undefined
};
