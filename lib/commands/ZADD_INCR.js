'use strict';

// ZADD key [NX | XX] [GT | LT] [CH] INCR score member (the new score, or null when refused)
const { pushMembers } = require('./ZADD');

module.exports = {
  // options: { condition, comparison, CH } only (no deprecated flat flags)
  parseCommand(parser, key, members, options) {
    parser.push('ZADD');
    parser.pushKey(key);
    if (options?.condition) parser.push(options.condition);
    if (options?.comparison) parser.push(options.comparison);
    if (options?.CH) parser.push('CH');
    parser.push('INCR');
    pushMembers(parser, members);
  },
  transformReply: undefined
};
