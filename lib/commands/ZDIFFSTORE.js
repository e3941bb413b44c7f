'use strict';

// ZDIFFSTORE destination numkeys key [key ...]
module.exports = {
  parseCommand(parser, destination, keys) {
    parser.push('ZDIFFSTORE');
    parser.pushKey(destination);
    parser.pushKeysLength(keys);
  },
  transformReply: undefined
};
