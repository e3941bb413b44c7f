'use strict';

// SUNIONSTORE destination key [key ...]
module.exports = {
  parseCommand(parser, destination, keys) {
    parser.push('SUNIONSTORE');
    parser.pushKey(destination);
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
