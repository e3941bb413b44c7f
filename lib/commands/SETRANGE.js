'use strict';

// SETRANGE key offset value
module.exports = {
  parseCommand(parser, key, offset, value) {
    parser.push('SETRANGE');
    parser.pushKey(key);
    parser.push(offset.toString(), value);
  },
  transformReply: undefined
};
