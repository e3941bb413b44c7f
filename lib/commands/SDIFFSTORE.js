'use strict';

// SDIFFSTORE destination key [key ...]
module.exports = {
  parseCommand(parser, destination, keys) {
    parser.push('SDIFFSTORE');
    parser.pushKey(destination);
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
