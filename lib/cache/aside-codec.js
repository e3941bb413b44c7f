'use strict';

// How the cache-aside helpers turn values into keyspace strings and back.
//
// A serializer is { stringify(value) → string, parse(string) → value }. The default is
// JSON, which refuses (with a TypeError naming the key) what JSON cannot represent:
// BigInt, circular structures, and top-level functions, symbols or undefined. JSON is
// lossy for Date, Map, Set, Buffer and class instances; pass a serializer for those.
//
// A cache entry is one string: 'c1|' kind '|' freshUntil '|' ttlMs '|' payload, where kind
// is 'v' (a value, payload = serialized value) or 'n' (a negative entry: the fetch found
// nothing; empty payload), freshUntil is the wall-clock ms (Date.now()) until which the
// entry is fresh and ttlMs the fresh lifetime it was written with (refresh-ahead measures
// against it). The keyspace TTL may be longer than the fresh lifetime
// (stale-while-revalidate keeps the entry for the stale window too).

const ENTRY_TAG = 'c1|';

const jsonSerializer = Object.freeze({
  stringify(value) {
    let text;
    try {
      text = JSON.stringify(value);
    } catch (err) {
      throw new TypeError(`cannot be represented as JSON (${err.message})`);
    }
    if (text === undefined) throw new TypeError(`cannot be represented as JSON (a ${typeof value})`);
    return text;
  },
  parse: (text) => JSON.parse(text)
});

// The serializer option checked: undefined → JSON; otherwise both functions are required.
function checkSerializer(serializer) {
  if (serializer === undefined) return jsonSerializer;
  if (!serializer || typeof serializer.stringify !== 'function' || typeof serializer.parse !== 'function') {
    throw new TypeError('serializer must be an object with stringify(value) and parse(text) functions');
  }
  return serializer;
}

// serializer.stringify(value) as a string, or a TypeError with code ERR_CACHE_SERIALIZE
// whose message names 'key' (the caller sees why its value cannot be cached).
function serialize(serializer, key, value) {
  let text;
  try {
    text = serializer.stringify(value);
  } catch (err) {
    throw serializeError(key, err.message, err);
  }
  if (typeof text !== 'string') throw serializeError(key, `stringify returned a ${typeof text}, not a string`);
  return text;
}

function serializeError(key, why, cause) {
  const err = new TypeError(`cache: the value for key "${key}" cannot be stored: ${why}`, cause ? { cause } : undefined);
  err.code = 'ERR_CACHE_SERIALIZE';
  return err;
}

// The entry string for a value (payload = its serialized text) or, when 'payload' is null,
// a negative entry.
function encodeEntry(payload, freshUntil, ttlMs) {
  const kind = payload === null ? 'n' : 'v';
  return `${ENTRY_TAG}${kind}|${freshUntil}|${ttlMs}|${payload === null ? '' : payload}`;
}

// { negative, freshUntil, ttlMs, payload } from an entry string, or null when 'raw' is not
// an entry (written by something else, or an older format): the caller treats it as a miss.
function decodeEntry(raw) {
  if (typeof raw !== 'string' || !raw.startsWith(ENTRY_TAG)) return null;
  const a = ENTRY_TAG.length + 2; // after 'v|'
  const b = raw.indexOf('|', a);
  const c = b < 0 ? -1 : raw.indexOf('|', b + 1);
  const kind = raw[ENTRY_TAG.length];
  if (c < 0 || raw[a - 1] !== '|' || (kind !== 'v' && kind !== 'n')) return null;
  const freshUntil = Number(raw.slice(a, b));
  const ttlMs = Number(raw.slice(b + 1, c));
  if (!Number.isFinite(freshUntil) || !Number.isFinite(ttlMs)) return null;
  return { negative: kind === 'n', freshUntil, ttlMs, payload: kind === 'n' ? null : raw.slice(c + 1) };
}

// 's' with Redis glob metacharacters (* ? [ ] \) escaped, so that it matches itself only.
function escapeGlob(s) {
  return String(s).replace(/[*?[\]\\]/g, '\\$&');
}

module.exports = { jsonSerializer, checkSerializer, serialize, encodeEntry, decodeEntry, escapeGlob };
