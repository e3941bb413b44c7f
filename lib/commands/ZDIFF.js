'use strict';

// ZDIFF numkeys key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('ZDIFF');
    parser.pushKeysLength(keys);
  },
  transformReply: undefined
};
