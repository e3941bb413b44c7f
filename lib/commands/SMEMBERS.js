'use strict';

// SMEMBERS key (RESP3 set: an Array, or a Set with the SET type mapping)
module.exports = {
  parseCommand(parser, key) {
    parser.push('SMEMBERS');
    parser.pushKey(key);
  },
  transformReply: undefined
};
