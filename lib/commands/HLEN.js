'use strict';

// HLEN key
module.exports = {
  parseCommand(parser, key) {
    parser.push('HLEN');
    parser.pushKey(key);
  },
  transformReply: undefined
};
