'use strict';

// LSET key index element
module.exports = {
  parseCommand(parser, key, index, element) {
    parser.push('LSET');
    parser.pushKey(key);
    parser.push(index.toString(), element);
  },
  transformReply: undefined
};
