'use strict';

// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] -> [key, [element, ...]], or null
const LMPOP = require('./LMPOP');

module.exports = {
  parseCommand(parser, timeout, keys, side, options) {
    parser.push('BLMPOP', timeout.toString());
    parser.pushKeysLength(keys);
    parser.push(side);
    if (options?.COUNT !== undefined) parser.push('COUNT', options.COUNT.toString());
  },
  transformReply: LMPOP.transformReply
};
