'use strict';

// LPOP key (one element, or null; lPopCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('LPOP');
    parser.pushKey(key);
  },
  transformReply: undefined
};
