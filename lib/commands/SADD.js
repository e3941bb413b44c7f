'use strict';

// SADD key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('SADD');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  transformReply: undefined
};
