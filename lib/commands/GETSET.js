'use strict';

// GETSET key value
module.exports = {
  parseCommand(parser, key, value) {
    parser.push('GETSET');
    parser.pushKey(key);
    parser.push(value);
  },
  transformReply: undefined
};
