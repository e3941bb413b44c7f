'use strict';

// GETRANGE key start end
module.exports = {
  parseCommand(parser, key, start, end) {
    parser.push('GETRANGE');
    parser.pushKey(key);
    parser.push(start.toString(), end.toString());
  },
  transformReply: undefined
};
