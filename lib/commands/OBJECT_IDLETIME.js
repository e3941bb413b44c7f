'use strict';

// OBJECT IDLETIME key
module.exports = {
  parseCommand(parser, key) {
    parser.push('OBJECT', 'IDLETIME');
    parser.pushKey(key);
  },
  transformReply: undefined
};
