'use strict';

// LTRIM key start stop
module.exports = {
  parseCommand(parser, key, start, stop) {
    parser.push('LTRIM');
    parser.pushKey(key);
    parser.push(start.toString(), stop.toString());
  },
  transformReply: undefined
};
