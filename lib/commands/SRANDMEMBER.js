'use strict';

// SRANDMEMBER key (one random member, or null; sRandMemberCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('SRANDMEMBER');
    parser.pushKey(key);
  },
  transformReply: undefined
};
