'use strict';

// KEYS pattern (the pattern is an argument, not a key)
module.exports = {
  parseCommand(parser, pattern) {
    parser.push('KEYS', pattern);
  },
  transformReply: undefined
};
