'use strict';

// STRLEN key
module.exports = {
  parseCommand(parser, key) {
    parser.push('STRLEN');
    parser.pushKey(key);
  },
  transformReply: undefined
};
