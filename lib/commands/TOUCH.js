'use strict';

// TOUCH key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('TOUCH');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
