'use strict';

// RANDOMKEY
module.exports = {
  parseCommand(parser) {
    parser.push('RANDOMKEY');
  },
  transformReply: undefined
};
