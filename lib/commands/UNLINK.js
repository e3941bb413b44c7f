'use strict';

// UNLINK key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('UNLINK');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
