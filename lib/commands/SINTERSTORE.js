'use strict';

// SINTERSTORE destination key [key ...]
module.exports = {
  parseCommand(parser, destination, keys) {
    parser.push('SINTERSTORE');
    parser.pushKey(destination);
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
