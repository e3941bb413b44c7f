'use strict';

// PUBSUB NUMSUB [channel ...] -> { channel: count, ... } (from Redis's flat array)
module.exports = {
  parseCommand(parser, channels) {
    parser.push('PUBSUB', 'NUMSUB');
    if (channels) parser.pushVariadic(channels);
  },
  transformReply(rawReply) {
    const reply = {};
    let i = 0;
    while (i < rawReply.length) reply[rawReply[i++].toString()] = Number(rawReply[i++]);
    return reply;
  }
};
