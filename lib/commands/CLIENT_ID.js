'use strict';

// CLIENT ID
module.exports = {
  parseCommand(parser) {
    parser.push('CLIENT', 'ID');
  },
  transformReply: undefined
};
