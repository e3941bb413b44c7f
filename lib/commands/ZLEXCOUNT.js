'use strict';

// ZLEXCOUNT key min max (bounds as given: numbers are not stringified)
module.exports = {
  parseCommand(parser, key, min, max) {
    parser.push('ZLEXCOUNT');
    parser.pushKey(key);
    parser.push(min, max);
  },
  transformReply: undefined
};
