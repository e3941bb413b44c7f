'use strict';

// BRPOP key [key ...] timeout -> { key, element }, or null when the timeout passes
module.exports = {
  parseCommand(parser, key, timeout) {
    parser.push('BRPOP');
    parser.pushKeys(key);
    parser.push(timeout.toString());
  },
  transformReply: require('./BLPOP').transformReply
};
