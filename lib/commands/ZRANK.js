'use strict';

// ZRANK key member (a rank, or null)
module.exports = {
  parseCommand(parser, key, member) {
    parser.push('ZRANK');
    parser.pushKey(key);
    parser.push(member);
  },
  transformReply: undefined
};
