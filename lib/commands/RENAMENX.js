'use strict';

// RENAMENX key newkey
module.exports = {
  parseCommand(parser, key, newKey) {
    parser.push('RENAMENX');
    parser.pushKeys([key, newKey]);
  },
  transformReply: undefined
};
