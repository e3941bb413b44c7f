'use strict';

// SETNX key value
module.exports = {
  parseCommand(parser, key, value) {
    parser.push('SETNX');
    parser.pushKey(key);
    parser.push(value);
  },
  transformReply: undefined
};
