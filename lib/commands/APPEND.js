'use strict';

// APPEND key value
module.exports = {
  parseCommand(parser, key, value) {
    parser.push('APPEND');
    parser.pushKey(key);
    parser.push(value);
  },
  transformReply: undefined
};
