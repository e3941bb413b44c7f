'use strict';

// CONFIG RESETSTAT
module.exports = {
  parseCommand(parser) {
    parser.push('CONFIG', 'RESETSTAT');
  },
  transformReply: undefined
};
