'use strict';

// HSCAN key cursor [MATCH pattern] [COUNT count] NOVALUES (Redis 7.4+)
const HSCAN = require('./HSCAN');

module.exports = {
  parseCommand(parser, key, cursor, options) {
    HSCAN.parseCommand(parser, key, cursor, options);
    parser.push('NOVALUES');
  },
  // [cursor, [field, ...]] -> { cursor, fields }
  transformReply([cursor, fields]) {
    return { cursor, fields };
  }
};
