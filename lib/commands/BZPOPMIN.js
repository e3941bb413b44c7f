'use strict';

// BZPOPMIN key [key ...] timeout -> { key, value, score }, or null when the timeout passes
module.exports = {
  parseCommand(parser, keys, timeout) {
    parser.push('BZPOPMIN');
    parser.pushKeys(keys);
    parser.push(timeout.toString());
  },
  transformReply(reply) {
    return reply === null ? null : { key: reply[0], value: reply[1], score: reply[2] };
  }
};
