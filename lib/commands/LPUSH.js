'use strict';

// LPUSH key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('LPUSH');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  transformReply: undefined
};
