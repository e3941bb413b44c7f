'use strict';

// PUBSUB CHANNELS [pattern]
module.exports = {
  parseCommand(parser, pattern) {
    parser.push('PUBSUB', 'CHANNELS');
    if (pattern) parser.push(pattern);
  },
  transformReply: undefined
};
