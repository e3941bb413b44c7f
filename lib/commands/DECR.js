'use strict';

// DECR key
module.exports = {
  parseCommand(parser, key) {
    parser.push('DECR');
    parser.pushKey(key);
  },
  transformReply: undefined
};
