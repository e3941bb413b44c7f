'use strict';

// RPUSHX key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('RPUSHX');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  transformReply: undefined
};
