'use strict';

// DEL key [key ...]
module.exports = {
  parseCommand(parser, keys) {
    parser.push('DEL');
    parser.pushKeys(keys);
  },
  transformReply: undefined
};
