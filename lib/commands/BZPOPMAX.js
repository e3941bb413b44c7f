'use strict';

// BZPOPMAX key [key ...] timeout -> { key, value, score }, or null when the timeout passes
module.exports = {
  parseCommand(parser, keys, timeout) {
    parser.push('BZPOPMAX');
    parser.pushKeys(keys);
    parser.push(timeout.toString());
  },
  transformReply: require('./BZPOPMIN').transformReply
};
