'use strict';

// LPUSHX key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('LPUSHX');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  transformReply: undefined
};
