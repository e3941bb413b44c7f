'use strict';

// SPUBLISH shard-channel message -> the number of receivers (the channel is not prefixed:
// pub/sub channels are their own namespace, as in node-redis)
module.exports = {
  parseCommand(parser, channel, message) {
    parser.push('SPUBLISH');
    parser.pushKey(channel, false);
    parser.push(message);
  },
  transformReply: undefined
};
