'use strict';

// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] -> { key, members }, or null
const ZMPOP = require('./ZMPOP');

module.exports = {
  parseCommand(parser, timeout, keys, side, options) {
    parser.push('BZMPOP', timeout.toString());
    parser.pushKeysLength(keys);
    parser.push(side);
    if (options?.COUNT) parser.push('COUNT', options.COUNT.toString());
  },
  transformReply: ZMPOP.transformReply
};
