'use strict';

// SETEX key seconds value
module.exports = {
  parseCommand(parser, key, seconds, value) {
    parser.push('SETEX');
    parser.pushKey(key);
    parser.push(seconds.toString(), value);
  },
  transformReply: undefined
};
