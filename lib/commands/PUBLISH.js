'use strict';

// PUBLISH channel message -> the number of receivers
module.exports = {
  parseCommand(parser, channel, message) {
    parser.push('PUBLISH', channel, message);
  },
  transformReply: undefined
};
