'use strict';

// ZREMRANGEBYSCORE key min max
const { transformStringDoubleArgument } = require('../transformers');

module.exports = {
  parseCommand(parser, key, min, max) {
    parser.push('ZREMRANGEBYSCORE');
    parser.pushKey(key);
    parser.push(transformStringDoubleArgument(min), transformStringDoubleArgument(max));
  },
  transformReply: undefined
};
