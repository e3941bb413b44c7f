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

// Plain (not private) fields, and buffers reused from call to call: the client keeps one
// parser per connection, so building a command allocates nothing. The first `n` slots of
// `args` (and `nkeys` of `keyList`) belong to the command being built; `redisArgs` and
// `keys` return copies of exactly those.
class CommandParser {
  // `keyPrefix` (string|Buffer) is applied to every pushed key; '' or undefined means none.
  constructor(keyPrefix) {
    this.args = [];
    this.n = 0;
    this.keyList = [];
    this.nkeys = 0;
    this.prefix = keyPrefix === undefined || keyPrefix.length === 0 ? undefined : keyPrefix;
  }

  // Start a new command (dropping whatever the last one left).
  reset() {
    if (this.n || this.nkeys) this.clear();
  }

  // Drop the references the last command left in the buffers (values can be large).
  clear() {
    const { args, keyList } = this;
    for (let i = 0; i < this.n; i++) args[i] = undefined;
    for (let i = 0; i < this.nkeys; i++) keyList[i] = undefined;
    this.n = 0;
    this.nkeys = 0;
  }

  get redisArgs() {
    return this.args.slice(0, this.n);
  }

  get keys() {
    return this.keyList.slice(0, this.nkeys);
  }

  get firstKey() {
    return this.nkeys ? this.keyList[0] : undefined;
  }

  push(...args) {
    for (let i = 0; i < args.length; i++) this.args[this.n++] = args[i];
  }

  pushKey(key, applyPrefix = true) {
    const k = applyPrefix && this.prefix !== undefined ? prefixKey(this.prefix, key) : key;
    this.keyList[this.nkeys++] = k;
    this.args[this.n++] = k;
  }

  pushKeys(keys) {
    if (Array.isArray(keys)) {
      for (const key of keys) this.pushKey(key);
    } else {
      this.pushKey(keys);
    }
  }

  pushKeysLength(keys) {
    this.args[this.n++] = Array.isArray(keys) ? keys.length.toString() : '1';
    this.pushKeys(keys);
  }

  pushVariadic(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.args[this.n++] = val;
    } else {
      this.args[this.n++] = vals;
    }
  }

  pushVariadicWithLength(vals) {
    this.args[this.n++] = Array.isArray(vals) ? vals.length.toString() : '1';
    this.pushVariadic(vals);
  }

  pushVariadicNumber(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.args[this.n++] = val.toString();
    } else {
      this.args[this.n++] = vals.toString();
    }
  }
}

module.exports = { CommandParser, prefixKey, prefixKeys };
