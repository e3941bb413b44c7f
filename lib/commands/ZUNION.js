'use strict';

// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
const { parseZKeysArguments } = require('../transformers');

module.exports = {
  // keys: a key, { key, weight } or an array of either; options: { AGGREGATE }
  parseCommand(parser, keys, options) {
    parser.push('ZUNION');
    parseZKeysArguments(parser, keys);
    if (options?.AGGREGATE) parser.push('AGGREGATE', options.AGGREGATE);
  },
  transformReply: undefined
};
