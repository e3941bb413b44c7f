'use strict';

// GET key
module.exports = {
  parseCommand(parser, key) {
    parser.push('GET');
    parser.pushKey(key);
  },
  transformReply: undefined
};
