'use strict';

// LPOS key element [RANK rank] [MAXLEN len] (an index, or null)
module.exports = {
  parseCommand(parser, key, element, options) {
    parser.push('LPOS');
    parser.pushKey(key);
    parser.push(element);
    if (options?.RANK !== undefined) parser.push('RANK', options.RANK.toString());
    if (options?.MAXLEN !== undefined) parser.push('MAXLEN', options.MAXLEN.toString());
  },
  transformReply: undefined
};
