'use strict';

// ZINCRBY key increment member
const { transformDoubleArgument } = require('../transformers');

module.exports = {
  parseCommand(parser, key, increment, member) {
    parser.push('ZINCRBY');
    parser.pushKey(key);
    parser.push(transformDoubleArgument(increment), member);
  },
  transformReply: undefined
};
