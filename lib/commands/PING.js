'use strict';

// PING [message]
module.exports = {
  parseCommand(parser, message) {
    parser.push('PING');
    if (message !== undefined) parser.push(message);
  },
  transformReply: undefined
};
