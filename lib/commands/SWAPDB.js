'use strict';

// SWAPDB index1 index2
module.exports = {
  parseCommand(parser, index1, index2) {
    parser.push('SWAPDB', index1.toString(), index2.toString());
  },
  transformReply: undefined
};
