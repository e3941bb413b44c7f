'use strict';

// MSETNX key value [key value ...] (same argument shapes as MSET)
const { parseMSetArguments } = require('./MSET');

module.exports = {
  parseCommand(parser, toSet) {
    parser.push('MSETNX');
    parseMSetArguments(parser, toSet);
  },
  transformReply: undefined
};
