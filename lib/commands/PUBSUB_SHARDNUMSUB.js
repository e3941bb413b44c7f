'use strict';

// PUBSUB SHARDNUMSUB [channel ...] -> { channel: count, ... } (from Redis's flat array)
module.exports = {
  parseCommand(parser, channels) {
    parser.push('PUBSUB', 'SHARDNUMSUB');
    if (channels) parser.pushVariadic(channels);
  },
  transformReply(reply) {
    const out = {};
    for (let i = 0; i < reply.length; i += 2) out[reply[i].toString()] = reply[i + 1];
    return out;
  }
};
