'use strict';

// RENAME key newkey
module.exports = {
  parseCommand(parser, key, newKey) {
    parser.push('RENAME');
    parser.pushKeys([key, newKey]);
  },
  transformReply: undefined
};
