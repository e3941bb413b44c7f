'use strict';

// SPOP key (one random member, or null; sPopCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('SPOP');
    parser.pushKey(key);
  },
  transformReply: undefined
};
