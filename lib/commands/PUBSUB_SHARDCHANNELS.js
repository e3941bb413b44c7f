'use strict';

// PUBSUB SHARDCHANNELS [pattern]
module.exports = {
  parseCommand(parser, pattern) {
    parser.push('PUBSUB', 'SHARDCHANNELS');
    if (pattern) parser.push(pattern);
  },
  transformReply: undefined
};
