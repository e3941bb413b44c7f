'use strict';

// LINSERT key BEFORE|AFTER pivot element
module.exports = {
  parseCommand(parser, key, position, pivot, element) {
    parser.push('LINSERT');
    parser.pushKey(key);
    parser.push(position, pivot, element);
  },
  transformReply: undefined
};
