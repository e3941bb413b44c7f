'use strict';

// MGET key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('MGET');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
