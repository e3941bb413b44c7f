'use strict';

// PEXPIRE key milliseconds [NX | XX | GT | LT]
module.exports = {
  parseCommand(parser, key, ms, mode) {
    parser.push('PEXPIRE');
    parser.pushKey(key);
    parser.push(ms.toString());
    if (mode) parser.push(mode);
  },
  transformReply: undefined
};
