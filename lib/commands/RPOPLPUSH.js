'use strict';

// RPOPLPUSH source destination
module.exports = {
  parseCommand(parser, source, destination) {
    parser.push('RPOPLPUSH');
    parser.pushKeys([source, destination]);
  },
  transformReply: undefined
};
