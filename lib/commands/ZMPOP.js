'use strict';

// ZMPOP numkeys key [key ...] MIN | MAX [COUNT count] (null, or { key, members })
const { transformSortedSetReply } = require('../transformers');

module.exports = {
  // options: { COUNT } (a COUNT of 0 is not sent, as node-redis)
  parseCommand(parser, keys, side, options) {
    parser.push('ZMPOP');
    parser.pushKeysLength(keys);
    parser.push(side);
    if (options?.COUNT) parser.push('COUNT', options.COUNT.toString());
  },
  // [key, [[value, score], ...]] -> { key, members: [{ value, score }, ...] }
  transformReply(reply) {
    return reply === null ? null : { key: reply[0], members: transformSortedSetReply(reply[1]) };
  }
};
