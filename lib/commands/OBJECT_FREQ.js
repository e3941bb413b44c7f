'use strict';

// OBJECT FREQ key
module.exports = {
  parseCommand(parser, key) {
    parser.push('OBJECT', 'FREQ');
    parser.pushKey(key);
  },
  transformReply: undefined
};
