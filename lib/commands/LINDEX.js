'use strict';

// LINDEX key index
module.exports = {
  parseCommand(parser, key, index) {
    parser.push('LINDEX');
    parser.pushKey(key);
    parser.push(index.toString());
  },
  transformReply: undefined
};
