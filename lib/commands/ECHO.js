'use strict';

// ECHO message
module.exports = {
  parseCommand(parser, message) {
    parser.push('ECHO', message);
  },
  transformReply: undefined
};
