'use strict';

// EXISTS key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('EXISTS');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
