'use strict';

// ZRANGEBYLEX key min max [LIMIT offset count]
const { transformStringDoubleArgument } = require('../transformers');

module.exports = {
  // options: { LIMIT: { offset, count } }
  parseCommand(parser, key, min, max, options) {
    parser.push('ZRANGEBYLEX');
    parser.pushKey(key);
    parser.push(transformStringDoubleArgument(min), transformStringDoubleArgument(max));
    if (options?.LIMIT) parser.push('LIMIT', options.LIMIT.offset.toString(), options.LIMIT.count.toString());
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined
};
