'use strict';

// MSET key value [key value ...]

// Accepts [[k, v], ...], [k, v, k, v, ...] or a record; anything that is not an array goes
// through Object.entries (so, like node-redis, mSet('ab', x) sends MSET 0 a 1 b).
function parseMSetArguments(parser, toSet) {
  if (Array.isArray(toSet)) {
    if (toSet.length == 0) throw new Error('empty toSet Argument');
    if (Array.isArray(toSet[0])) {
      for (const pair of toSet) {
        parser.pushKey(pair[0]);
        parser.push(pair[1]);
      }
    } else {
      for (let i = 0; i < toSet.length; i += 2) {
        parser.pushKey(toSet[i]);
        parser.push(toSet[i + 1]);
      }
    }
  } else {
    for (const pair of Object.entries(toSet)) {
      parser.pushKey(pair[0]);
      parser.push(pair[1]);
    }
  }
}

module.exports = {
  parseCommand(parser, toSet) {
    parser.push('MSET');
    parseMSetArguments(parser, toSet);
  },
  transformReply: undefined,
  parseMSetArguments
};
