'use strict';

// ZREVRANK key member (a rank, or null)
module.exports = {
  parseCommand(parser, key, member) {
    parser.push('ZREVRANK');
    parser.pushKey(key);
    parser.push(member);
  },
  transformReply: undefined
};
