'use strict';

// Builds a command's argv the way node-redis's BasicCommandParser does: arguments are
// stored as given (type checks happen later, when the argv is encoded), keys are also
// recorded in `keys`, and numbers are only stringified by the *Length/*Number helpers.

// Prepend `prefix` to `key` (string + string stays a string, anything else is a Buffer).
function prefixKey(prefix, key) {
  if (prefix === undefined) return key;
  if (typeof prefix === 'string' && typeof key === 'string') return prefix + key;
  return Buffer.concat([
    typeof prefix === 'string' ? Buffer.from(prefix) : prefix,
    typeof key === 'string' ? Buffer.from(key) : key
  ]);
}

// prefixKey over a variadic argument (string|Buffer or array); always returns an array.
function prefixKeys(prefix, keys) {
  return Array.isArray(keys) ? keys.map((k) => prefixKey(prefix, k)) : [prefixKey(prefix, keys)];
}

// Plain (not private) fields: this object is built for every command call, and plain
// fields are the cheapest for V8 to create and read.
class CommandParser {
  // `keyPrefix` (string|Buffer) is applied to every pushed key; '' or undefined means none.
  constructor(keyPrefix) {
    this.redisArgs = [];
    this.keys = [];
    this.prefix = keyPrefix === undefined || keyPrefix.length === 0 ? undefined : keyPrefix;
  }

  // Empty the parser for reuse (the client keeps one per connection: no allocation per call).
  // (Fresh arrays: `length = 0` is a slow runtime call in V8.)
  reset() {
    this.redisArgs = [];
    this.keys = [];
  }

  get firstKey() {
    return this.keys[0];
  }

  push(...args) {
    for (let i = 0; i < args.length; i++) this.redisArgs.push(args[i]);
  }

  pushKey(key, applyPrefix = true) {
    const k = applyPrefix && this.prefix !== undefined ? prefixKey(this.prefix, key) : key;
    this.keys.push(k);
    this.redisArgs.push(k);
  }

  pushKeys(keys) {
    if (Array.isArray(keys)) {
      for (const key of keys) this.pushKey(key);
    } else {
      this.pushKey(keys);
    }
  }

  pushKeysLength(keys) {
    this.redisArgs.push(Array.isArray(keys) ? keys.length.toString() : '1');
    this.pushKeys(keys);
  }

  pushVariadic(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.redisArgs.push(val);
    } else {
      this.redisArgs.push(vals);
    }
  }

  pushVariadicWithLength(vals) {
    this.redisArgs.push(Array.isArray(vals) ? vals.length.toString() : '1');
    this.pushVariadic(vals);
  }

  pushVariadicNumber(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.redisArgs.push(val.toString());
    } else {
      this.redisArgs.push(vals.toString());
    }
  }
}

module.exports = { CommandParser, prefixKey, prefixKeys };
