'use strict';

// ZRANDMEMBER key (one random member, or null; zRandMemberCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('ZRANDMEMBER');
    parser.pushKey(key);
  },
  transformReply: undefined
};
