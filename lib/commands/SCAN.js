'use strict';

// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]

// Cursor (as given: a string, never stringified), then MATCH and COUNT; shared by *SCAN.
function parseScanArguments(parser, cursor, options) {
  parser.push(cursor);
  if (options?.MATCH !== undefined) parser.push('MATCH', options.MATCH);
  if (options?.COUNT) parser.push('COUNT', options.COUNT.toString());
}

module.exports = {
  parseCommand(parser, cursor, options) {
    parser.push('SCAN');
    parseScanArguments(parser, cursor, options);
    if (options?.TYPE) parser.push('TYPE', options.TYPE);
  },
  // [cursor, keys] -> { cursor, keys } (cursor stays a string)
  transformReply([cursor, keys]) {
    return { cursor, keys };
  },
  parseScanArguments
};
