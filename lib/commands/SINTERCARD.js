'use strict';

// SINTERCARD numkeys key [key ...] [LIMIT limit]
module.exports = {
  // options: { LIMIT } or, as node-redis still accepts, the limit as a number
  parseCommand(parser, keys, options) {
    parser.push('SINTERCARD');
    parser.pushKeysLength(keys);
    if (typeof options === 'number') {
      parser.push('LIMIT', options.toString());
    } else if (options?.LIMIT !== undefined) {
      parser.push('LIMIT', options.LIMIT.toString());
    }
  },
  transformReply: undefined
};
