'use strict';

// SDIFF key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('SDIFF');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
