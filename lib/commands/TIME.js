'use strict';

// TIME
module.exports = {
  parseCommand(parser) {
    parser.push('TIME');
  },
  transformReply: undefined
};
