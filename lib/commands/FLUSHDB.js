'use strict';

// FLUSHDB [ASYNC | SYNC]
module.exports = {
  parseCommand(parser, mode) {
    parser.push('FLUSHDB');
    if (mode) parser.push(mode);
  },
  transformReply: undefined
};
