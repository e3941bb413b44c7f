'use strict';

// RPOP key count (null for a missing key)
const RPOP = require('./RPOP');

module.exports = {
  parseCommand(parser, key, count) {
    RPOP.parseCommand(parser, key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
