'use strict';

// LPOS key element [RANK rank] [MAXLEN len] COUNT count (an array of indexes)
const LPOS = require('./LPOS');

module.exports = {
  parseCommand(parser, key, element, count, options) {
    LPOS.parseCommand(parser, key, element, options);
    parser.push('COUNT', count.toString());
  },
  transformReply: undefined
};
