'use strict';

// ZREM key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('ZREM');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  transformReply: undefined
};
