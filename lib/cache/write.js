'use strict';

// Write strategies over a redlite or node-redis client.
//
// writeThrough(options) → Promise: the database first, then the cache.
//   options: write(value) → Promise (the database write; required), key (required), value,
//   and either cache (a createCache cache or namespace: cache.set(key, value, { ttl, tags }))
//   or client (the value is stored with client.set(key, serializer.stringify(value)), with a
//   PX TTL when ttl is given); ttl (seconds), tags (with cache), serializer (with client;
//   default JSON).
//   Resolves what write resolved, once the cache holds the value. When write rejects, the
//   cache entry for key is deleted (nothing stale is left) and write's error is rethrown.
//   When the database write succeeded but the cache update failed, the entry is deleted
//   and the cache's error is rethrown with err.written = true (the database has the value).
//   Concurrent writeThrough calls for one key may update the cache in either order; order
//   them yourself when that matters.
//
// createWriteBehind(options) → the write-behind queue (aside-writebehind.js).
const { createWriteBehind } = require('./aside-writebehind');
const { checkSerializer, serialize } = require('./aside-codec');
const check = require('./aside-options');

async function writeThrough(options) {
  if (!options || typeof options !== 'object') throw new TypeError('writeThrough(options): options is required');
  const { cache, client, key, value, tags } = options;
  const write = check.func('write', options.write);
  if (!write) throw new TypeError('writeThrough: write(value) is required');
  if (typeof key !== 'string') throw new TypeError('writeThrough: key must be a string');
  if (!cache === !client) throw new TypeError('writeThrough: give either cache or client');
  const ttlMs = check.secondsToMs('ttl', options.ttl, 0);
  const serializer = checkSerializer(options.serializer);
  const drop = () => (cache ? cache.del(key) : client.del(key));

  let result;
  try {
    result = await write(value);
  } catch (err) {
    await drop().catch(() => {}); // the write error is what the caller needs to see
    throw err;
  }
  try {
    if (value === undefined) await drop();
    else if (cache) await cache.set(key, value, { ttl: ttlMs ? ttlMs / 1000 : undefined, tags });
    else await client.set(key, serialize(serializer, key, value), ttlMs ? { expiration: { type: 'PX', value: ttlMs } } : undefined);
  } catch (err) {
    await drop().catch(() => {});
    err.written = true;
    throw err;
  }
  return result;
}

module.exports = { writeThrough, createWriteBehind };
