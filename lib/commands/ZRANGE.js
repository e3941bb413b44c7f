'use strict';

// ZRANGE key min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
const { transformStringDoubleArgument } = require('../transformers');

// min max, then the options: { BY: 'SCORE' | 'LEX', REV, LIMIT: { offset, count } }
function zRangeArgument(min, max, options) {
  const args = [transformStringDoubleArgument(min), transformStringDoubleArgument(max)];
  switch (options?.BY) {
    case 'SCORE':
      args.push('BYSCORE');
      break;
    case 'LEX':
      args.push('BYLEX');
      break;
  }
  if (options?.REV) args.push('REV');
  if (options?.LIMIT) args.push('LIMIT', options.LIMIT.offset.toString(), options.LIMIT.count.toString());
  return args;
}

module.exports = {
  parseCommand(parser, key, min, max, options) {
    parser.push('ZRANGE');
    parser.pushKey(key);
    parser.pushVariadic(zRangeArgument(min, max, options));
  },
  // zRange(key, min, max) without options, as a whole argv (the client sends it without the
  // parser); undefined when options are given.
  fastArgs(key, min, max, options) {
    if (options !== undefined) return undefined;
    return ['ZRANGE', key, transformStringDoubleArgument(min), transformStringDoubleArgument(max)];
  },
  // The reply is an array, never a plain string: it may come packed (lib/packed.js).
  packReply: true,
  transformReply: undefined,
  zRangeArgument
};
