'use strict';

// HSETNX key field value
module.exports = {
  parseCommand(parser, key, field, value) {
    parser.push('HSETNX');
    parser.pushKey(key);
    parser.push(field, value);
  },
  transformReply: undefined
};
