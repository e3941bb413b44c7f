'use strict';

// HDEL key field [field ...]
module.exports = {
  parseCommand(parser, key, fields) {
    parser.push('HDEL');
    parser.pushKey(key);
    parser.pushVariadic(fields);
  },
  transformReply: undefined
};
