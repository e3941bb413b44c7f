'use strict';

// ZPOPMAX key ({ value, score }, or null for a missing key; zPopMaxCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('ZPOPMAX');
    parser.pushKey(key);
  },
  // [value, score] -> { value, score }; [] -> null
  transformReply(reply) {
    if (reply.length === 0) return null;
    return { value: reply[0], score: reply[1] };
  }
};
