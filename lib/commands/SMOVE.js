'use strict';

// SMOVE source destination member
module.exports = {
  parseCommand(parser, source, destination, member) {
    parser.push('SMOVE');
    parser.pushKeys([source, destination]);
    parser.push(member);
  },
  transformReply: undefined
};
