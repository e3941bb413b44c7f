'use strict';

// Option checking shared by the cache-aside helpers: each function returns the option's
// value (or its default when undefined) and throws a TypeError/RangeError naming 'name'
// otherwise. Durations given in seconds may be fractional and come back in whole ms.

// A duration in seconds ('min' 'positive' → > 0, 'zero' → >= 0), returned in ms (at least
// 1 ms when positive).
function secondsToMs(name, value, dflt, min = 'positive') {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} must be a number of seconds`);
  if (min === 'positive' ? value <= 0 : value < 0) {
    throw new RangeError(`${name} must be ${min === 'positive' ? 'greater than 0' : '0 or more'} (seconds)`);
  }
  return value === 0 ? 0 : Math.max(1, Math.round(value * 1000));
}

// An integer number of milliseconds >= 'min'.
function ms(name, value, dflt, min = 0) {
  if (value === undefined) return dflt;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min} (ms)`);
  return value;
}

// An integer count >= 'min'.
function count(name, value, dflt, min = 1) {
  if (value === undefined) return dflt;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}`);
  return value;
}

// A number in [0, 1] ('open' → [0, 1)).
function fraction(name, value, dflt, open = false) {
  if (value === undefined) return dflt;
  if (typeof value !== 'number' || !(value >= 0) || (open ? value >= 1 : value > 1)) {
    throw new RangeError(`${name} must be a number from 0 to ${open ? 'below ' : ''}1`);
  }
  return value;
}

function string(name, value, dflt) {
  if (value === undefined) return dflt;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
}

function func(name, value, dflt) {
  if (value === undefined) return dflt;
  if (typeof value !== 'function') throw new TypeError(`${name} must be a function`);
  return value;
}

// A connected client: anything with node-redis's get/set methods.
function client(name, value) {
  if (!value || typeof value.get !== 'function' || typeof value.set !== 'function') {
    throw new TypeError(`${name} is required: a redlite or node-redis client`);
  }
  return value;
}

// Tags: undefined → [], a string → [it], or an array of strings.
function tags(name, value) {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) {
    throw new TypeError(`${name} must be a string or an array of strings`);
  }
  return list;
}

module.exports = { secondsToMs, ms, count, fraction, string, func, client, tags };
