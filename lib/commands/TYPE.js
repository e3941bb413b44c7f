'use strict';

// TYPE key
module.exports = {
  parseCommand(parser, key) {
    parser.push('TYPE');
    parser.pushKey(key);
  },
  transformReply: undefined
};
