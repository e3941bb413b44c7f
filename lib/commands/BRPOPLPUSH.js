'use strict';

// BRPOPLPUSH source destination timeout -> the element, or null
module.exports = {
  parseCommand(parser, source, destination, timeout) {
    parser.push('BRPOPLPUSH');
    parser.pushKeys([source, destination]);
    parser.push(timeout.toString());
  },
  transformReply: undefined
};
