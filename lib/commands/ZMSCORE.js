'use strict';

// ZMSCORE key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('ZMSCORE');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  transformReply: undefined
};
