'use strict';

// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]
const { parseZInterArguments } = require('./ZINTER');

module.exports = {
  parseCommand(parser, destination, keys, options) {
    parser.push('ZINTERSTORE');
    parser.pushKey(destination);
    parseZInterArguments(parser, keys, options);
  },
  transformReply: undefined
};
