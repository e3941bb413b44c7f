'use strict';

// ZSCORE key member (a double, or null)
module.exports = {
  parseCommand(parser, key, member) {
    parser.push('ZSCORE');
    parser.pushKey(key);
    parser.push(member);
  },
  transformReply: undefined
};
