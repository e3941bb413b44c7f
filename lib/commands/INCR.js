'use strict';

// INCR key
module.exports = {
  parseCommand(parser, key) {
    parser.push('INCR');
    parser.pushKey(key);
  },
  transformReply: undefined
};
