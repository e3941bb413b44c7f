'use strict';

// RPUSH key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('RPUSH');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  transformReply: undefined
};
