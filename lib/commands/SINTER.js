'use strict';

// SINTER key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('SINTER');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
