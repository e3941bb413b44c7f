'use strict';

// ZCOUNT key min max
const { transformStringDoubleArgument } = require('../transformers');

module.exports = {
  parseCommand(parser, key, min, max) {
    parser.push('ZCOUNT');
    parser.pushKey(key);
    parser.push(transformStringDoubleArgument(min), transformStringDoubleArgument(max));
  },
  transformReply: undefined
};
