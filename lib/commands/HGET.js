'use strict';

// HGET key field
module.exports = {
  parseCommand(parser, key, field) {
    parser.push('HGET');
    parser.pushKey(key);
    parser.push(field);
  },
  transformReply: undefined
};
