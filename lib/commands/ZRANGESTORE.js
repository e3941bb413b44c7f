'use strict';

// ZRANGESTORE destination source min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
const { zRangeArgument } = require('./ZRANGE');

module.exports = {
  parseCommand(parser, destination, source, min, max, options) {
    parser.push('ZRANGESTORE');
    parser.pushKey(destination);
    parser.pushKey(source);
    parser.pushVariadic(zRangeArgument(min, max, options));
  },
  transformReply: undefined
};
