'use strict';

// BLPOP key [key ...] timeout -> { key, element }, or null when the timeout passes
module.exports = {
  parseCommand(parser, key, timeout) {
    parser.push('BLPOP');
    parser.pushKeys(key);
    parser.push(timeout.toString());
  },
  transformReply(reply) {
    return reply === null ? null : { key: reply[0], element: reply[1] };
  }
};
