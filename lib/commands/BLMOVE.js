'use strict';

// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout -> the element, or null
module.exports = {
  parseCommand(parser, source, destination, sourceSide, destinationSide, timeout) {
    parser.push('BLMOVE');
    parser.pushKeys([source, destination]);
    parser.push(sourceSide, destinationSide, timeout.toString());
  },
  transformReply: undefined
};
