'use strict';

// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
const { parseZKeysArguments } = require('../transformers');

// The keys (with their weights) and AGGREGATE; shared with ZINTERSTORE.
function parseZInterArguments(parser, keys, options) {
  parseZKeysArguments(parser, keys);
  if (options?.AGGREGATE) parser.push('AGGREGATE', options.AGGREGATE);
}

module.exports = {
  // keys: a key, { key, weight } or an array of either; options: { AGGREGATE }
  parseCommand(parser, keys, options) {
    parser.push('ZINTER');
    parseZInterArguments(parser, keys, options);
  },
  transformReply: undefined,
  parseZInterArguments
};
