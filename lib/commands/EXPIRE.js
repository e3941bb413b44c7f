'use strict';

// EXPIRE key seconds [NX | XX | GT | LT]
module.exports = {
  parseCommand(parser, key, seconds, mode) {
    parser.push('EXPIRE');
    parser.pushKey(key);
    parser.push(seconds.toString());
    if (mode) parser.push(mode);
  },
  transformReply: undefined
};
