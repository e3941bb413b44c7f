'use strict';

// GETDEL key
module.exports = {
  parseCommand(parser, key) {
    parser.push('GETDEL');
    parser.pushKey(key);
  },
  transformReply: undefined
};
