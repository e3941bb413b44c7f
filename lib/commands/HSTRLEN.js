'use strict';

// HSTRLEN key field
module.exports = {
  parseCommand(parser, key, field) {
    parser.push('HSTRLEN');
    parser.pushKey(key);
    parser.push(field);
  },
  transformReply: undefined
};
