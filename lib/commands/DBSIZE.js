'use strict';

// DBSIZE
module.exports = {
  parseCommand(parser) {
    parser.push('DBSIZE');
  },
  transformReply: undefined
};
