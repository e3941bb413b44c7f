'use strict';

// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
const { parseZKeysArguments } = require('../transformers');

module.exports = {
  parseCommand(parser, destination, keys, options) {
    parser.push('ZUNIONSTORE');
    parser.pushKey(destination);
    parseZKeysArguments(parser, keys);
    if (options?.AGGREGATE) parser.push('AGGREGATE', options.AGGREGATE);
  },
  transformReply: undefined
};
