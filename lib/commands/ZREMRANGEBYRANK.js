'use strict';

// ZREMRANGEBYRANK key start stop
module.exports = {
  parseCommand(parser, key, start, stop) {
    parser.push('ZREMRANGEBYRANK');
    parser.pushKey(key);
    parser.push(start.toString(), stop.toString());
  },
  transformReply: undefined
};
