'use strict';

// OBJECT ENCODING key
module.exports = {
  parseCommand(parser, key) {
    parser.push('OBJECT', 'ENCODING');
    parser.pushKey(key);
  },
  transformReply: undefined
};
