'use strict';

// HGETALL key (RESP3 map: a plain object, or what the MAP type mapping makes of it)
module.exports = {
  parseCommand(parser, key) {
    parser.push('HGETALL');
    parser.pushKey(key);
  },
  transformReply: undefined
};
