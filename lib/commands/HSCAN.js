'use strict';

// HSCAN key cursor [MATCH pattern] [COUNT count]
const { parseScanArguments } = require('./SCAN');

module.exports = {
  parseCommand(parser, key, cursor, options) {
    parser.push('HSCAN');
    parser.pushKey(key);
    parseScanArguments(parser, cursor, options);
  },
  // [cursor, [field, value, ...]] -> { cursor, entries: [{ field, value }, ...] }
  transformReply([cursor, rawEntries]) {
    const entries = [];
    let i = 0;
    while (i < rawEntries.length) {
      entries.push({ field: rawEntries[i++], value: rawEntries[i++] });
    }
    return { cursor, entries };
  }
};
