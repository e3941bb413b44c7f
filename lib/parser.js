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

class CommandParser {
  #args = [];
  #keys = [];
  #prefix;

  // `keyPrefix` (string|Buffer) is applied to every pushed key; '' or undefined means none.
  constructor(keyPrefix) {
    this.#prefix = keyPrefix === undefined || keyPrefix.length === 0 ? undefined : keyPrefix;
  }

  get redisArgs() {
    return this.#args;
  }

  get keys() {
    return this.#keys;
  }

  get firstKey() {
    return this.#keys[0];
  }

  push(...args) {
    this.#args.push(...args);
  }

  pushKey(key, applyPrefix = true) {
    const k = applyPrefix ? prefixKey(this.#prefix, key) : key;
    this.#keys.push(k);
    this.#args.push(k);
  }

  pushKeys(keys) {
    if (Array.isArray(keys)) {
      for (const key of keys) this.pushKey(key);
    } else {
      this.pushKey(keys);
    }
  }

  pushKeysLength(keys) {
    this.#args.push(Array.isArray(keys) ? keys.length.toString() : '1');
    this.pushKeys(keys);
  }

  pushVariadic(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.#args.push(val);
    } else {
      this.#args.push(vals);
    }
  }

  pushVariadicWithLength(vals) {
    this.#args.push(Array.isArray(vals) ? vals.length.toString() : '1');
    this.pushVariadic(vals);
  }

  pushVariadicNumber(vals) {
    if (Array.isArray(vals)) {
      for (const val of vals) this.#args.push(val.toString());
    } else {
      this.#args.push(vals.toString());
    }
  }
}

module.exports = { CommandParser, prefixKey, prefixKeys };
