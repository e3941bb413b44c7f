'use strict';

// ZADD key [NX | XX] [GT | LT] [CH] score member [score member ...]
const { transformDoubleArgument } = require('../transformers');

// { score, value } or an array of them.
function pushMembers(parser, members) {
  if (Array.isArray(members)) {
    for (const member of members) parser.push(transformDoubleArgument(member.score), member.value);
  } else {
    parser.push(transformDoubleArgument(members.score), members.value);
  }
}

module.exports = {
  // options: { condition: 'NX' | 'XX', comparison: 'GT' | 'LT', CH } or the deprecated flat
  // { NX, XX, GT, LT } (the new shape wins; INCR is not read: zAddIncr sends it)
  parseCommand(parser, key, members, options) {
    parser.push('ZADD');
    parser.pushKey(key);
    if (options?.condition) {
      parser.push(options.condition);
    } else if (options?.NX) {
      parser.push('NX');
    } else if (options?.XX) {
      parser.push('XX');
    }
    if (options?.comparison) {
      parser.push(options.comparison);
    } else if (options?.LT) {
      parser.push('LT');
    } else if (options?.GT) {
      parser.push('GT');
    }
    if (options?.CH) parser.push('CH');
    pushMembers(parser, members);
  },
  // zAdd(key, { score, value }) without options, as a whole argv (the client sends it
  // without the parser); undefined for every other form. `score` and `value` are read once
  // each, in parseCommand's order, so a getter or a Proxy sees what node-redis does.
  fastArgs(key, members, options) {
    if (options !== undefined || members === null || typeof members !== 'object' || Array.isArray(members)) {
      return undefined;
    }
    return ['ZADD', key, transformDoubleArgument(members.score), members.value];
  },
  transformReply: undefined,
  pushMembers
};
