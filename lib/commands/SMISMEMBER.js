'use strict';

// SMISMEMBER key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('SMISMEMBER');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  transformReply: undefined
};
