'use strict';

// HINCRBYFLOAT key field increment
module.exports = {
  parseCommand(parser, key, field, increment) {
    parser.push('HINCRBYFLOAT');
    parser.pushKey(key);
    parser.push(field, increment.toString());
  },
  transformReply: undefined
};
