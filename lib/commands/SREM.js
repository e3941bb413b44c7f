'use strict';

// SREM key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('SREM');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  transformReply: undefined
};
