'use strict';

// TTL key
module.exports = {
  parseCommand(parser, key) {
    parser.push('TTL');
    parser.pushKey(key);
  },
  transformReply: undefined
};
