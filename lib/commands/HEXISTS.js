'use strict';

// HEXISTS key field
module.exports = {
  parseCommand(parser, key, field) {
    parser.push('HEXISTS');
    parser.pushKey(key);
    parser.push(field);
  },
  transformReply: undefined
};
