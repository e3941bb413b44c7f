'use strict';

// SISMEMBER key member
module.exports = {
  parseCommand(parser, key, member) {
    parser.push('SISMEMBER');
    parser.pushKey(key);
    parser.push(member);
  },
  transformReply: undefined
};
