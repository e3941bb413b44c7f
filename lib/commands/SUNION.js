'use strict';

// SUNION key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('SUNION');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
