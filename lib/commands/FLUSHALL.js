'use strict';

// FLUSHALL [ASYNC | SYNC]
const REDIS_FLUSH_MODES = { ASYNC: 'ASYNC', SYNC: 'SYNC' };

module.exports = {
  parseCommand(parser, mode) {
    parser.push('FLUSHALL');
    if (mode) parser.push(mode);
  },
  transformReply: undefined,
  REDIS_FLUSH_MODES
};
