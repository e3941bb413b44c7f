'use strict';

// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] (null, or [key, [element, ...]])
module.exports = {
  parseCommand(parser, keys, side, options) {
    parser.push('LMPOP');
    parser.pushKeysLength(keys);
    parser.push(side);
    if (options?.COUNT !== undefined) parser.push('COUNT', options.COUNT.toString());
  },
  transformReply: undefined
};
