'use strict';

// LREM key count element
module.exports = {
  parseCommand(parser, key, count, element) {
    parser.push('LREM');
    parser.pushKey(key);
    parser.push(count.toString(), element);
  },
  transformReply: undefined
};
