'use strict';

// LMOVE source destination LEFT|RIGHT LEFT|RIGHT
module.exports = {
  parseCommand(parser, source, destination, sourceSide, destinationSide) {
    parser.push('LMOVE');
    parser.pushKeys([source, destination]);
    parser.push(sourceSide, destinationSide);
  },
  transformReply: undefined
};
