'use strict';

// LRANGE key start stop
module.exports = {
  parseCommand(parser, key, start, stop) {
    parser.push('LRANGE');
    parser.pushKey(key);
    parser.push(start.toString(), stop.toString());
  },
  transformReply: undefined
};
