'use strict';

// Argument and reply helpers shared by several lib/commands modules, as node-redis keeps them
// in its generic-transformers.js (same names, same semantics).

// A score or weight: Infinity and -Infinity as '+inf' / '-inf', anything else toString()ed.
function transformDoubleArgument(num) {
  switch (num) {
    case Infinity:
      return '+inf';
    case -Infinity:
      return '-inf';
    default:
      return num.toString();
  }
}

// A range bound: numbers as transformDoubleArgument, anything else ('(1', '[a', '-') as given.
function transformStringDoubleArgument(num) {
  if (typeof num !== 'number') return num;
  return transformDoubleArgument(num);
}

// A double sent as a blob string (RESP2, or ZSCAN's scores) -> a number: 'inf'/'+inf',
// '-inf' and 'nan' by name, anything else through Number().
function transformDoubleReply(reply) {
  switch (reply.toString()) {
    case 'inf':
    case '+inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    case 'nan':
      return NaN;
    default:
      return Number(reply);
  }
}

// RESP3 [[value, score], ...] -> [{ value, score }, ...]
function transformSortedSetReply(reply) {
  return reply.map(([value, score]) => ({ value, score }));
}

// A flat RESP2-style [value, score, value, score, ...] (ZSCAN) -> [{ value, score }, ...],
// the scores parsed by transformDoubleReply.
function transformSortedSetFlatReply(reply) {
  const members = [];
  for (let i = 0; i < reply.length; i += 2) {
    members.push({ value: reply[i], score: transformDoubleReply(reply[i + 1]) });
  }
  return members;
}

const isPlainKey = (key) => typeof key === 'string' || key instanceof Buffer;

// numkeys key [key ...] [WEIGHTS w ...] for ZUNION/ZINTER(STORE): keys are a key, an array of
// keys, a { key, weight } or an array of them (the first element decides which).
function parseZKeysArguments(parser, keys) {
  if (Array.isArray(keys)) {
    parser.push(keys.length.toString());
    if (keys.length) {
      if (isPlainKey(keys[0])) {
        parser.pushKeys(keys);
      } else {
        for (let i = 0; i < keys.length; i++) parser.pushKey(keys[i].key);
        parser.push('WEIGHTS');
        for (let i = 0; i < keys.length; i++) parser.push(transformDoubleArgument(keys[i].weight));
      }
    }
  } else {
    parser.push('1');
    if (isPlainKey(keys)) {
      parser.pushKey(keys);
    } else {
      parser.pushKey(keys.key);
      parser.push('WEIGHTS', transformDoubleArgument(keys.weight));
    }
  }
}

module.exports = {
  transformDoubleArgument,
  transformStringDoubleArgument,
  transformDoubleReply,
  transformSortedSetReply,
  transformSortedSetFlatReply,
  parseZKeysArguments
};
