'use strict';

// SPOP key count
module.exports = {
  parseCommand(parser, key, count) {
    parser.push('SPOP');
    parser.pushKey(key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
