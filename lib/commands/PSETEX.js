'use strict';

// PSETEX key milliseconds value
module.exports = {
  parseCommand(parser, key, ms, value) {
    parser.push('PSETEX');
    parser.pushKey(key);
    parser.push(ms.toString(), value);
  },
  transformReply: undefined
};
