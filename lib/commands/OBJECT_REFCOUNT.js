'use strict';

// OBJECT REFCOUNT key
module.exports = {
  parseCommand(parser, key) {
    parser.push('OBJECT', 'REFCOUNT');
    parser.pushKey(key);
  },
  transformReply: undefined
};
