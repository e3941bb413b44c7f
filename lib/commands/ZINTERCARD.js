'use strict';

// ZINTERCARD numkeys key [key ...] [LIMIT limit]
module.exports = {
  // options: { LIMIT } or, as node-redis still accepts, the limit as a number (a LIMIT of 0
  // in the object is not sent)
  parseCommand(parser, keys, options) {
    parser.push('ZINTERCARD');
    parser.pushKeysLength(keys);
    if (typeof options === 'number') {
      parser.push('LIMIT', options.toString());
    } else if (options?.LIMIT) {
      parser.push('LIMIT', options.LIMIT.toString());
    }
  },
  transformReply: undefined
};
