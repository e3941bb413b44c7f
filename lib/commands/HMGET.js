'use strict';

// HMGET key field [field ...]
module.exports = {
  parseCommand(parser, key, fields) {
    parser.push('HMGET');
    parser.pushKey(key);
    parser.pushVariadic(fields);
  },
  transformReply: undefined
};
