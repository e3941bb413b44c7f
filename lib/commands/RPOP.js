'use strict';

// RPOP key (one element, or null; rPopCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('RPOP');
    parser.pushKey(key);
  },
  transformReply: undefined
};
