'use strict';

// HINCRBY key field increment
module.exports = {
  parseCommand(parser, key, field, increment) {
    parser.push('HINCRBY');
    parser.pushKey(key);
    parser.push(field, increment.toString());
  },
  transformReply: undefined
};
