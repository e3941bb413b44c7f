'use strict';

// An express-session store on a Redis client: a drop-in for connect-redis 9's RedisStore, with its
// options, defaults, keys, client calls and callback/promise contract. Any client with node-redis
// 6's get / set / expire / del / mGet / scanIterator works: a redlite client or a node-redis one
// (a node-redis cluster is scanned master by master, as connect-redis does).
// A session lives in one string key, prefix + sid, and expires by that key's TTL: the store keeps
// no timer and no state of its own.
const { Store } = require('express-session');

const DEFAULT_PREFIX = 'sess:';
const DEFAULT_TTL = 86400; // seconds (one day), connect-redis's default
const DEFAULT_SCAN_COUNT = 100;

/* Reports the outcome of 'promise' as connect-redis does. Without a 'cb' function the promise
 * is returned as is: it resolves the data or rejects the error. With one, cb(null, data) or
 * cb(err, null) is called once and the returned promise resolves to cb's return value, so a
 * store error never becomes an unhandled rejection. An exception thrown by cb itself rejects the
 * returned promise (cb is never called twice). */
function settle(promise, cb) {
  if (typeof cb !== 'function') return promise;
  return promise.then((data) => cb(null, data), (err) => cb(err, null));
}

/* The SCAN pattern of the keys that start with 'prefix': glob characters in the prefix are
 * escaped, so a prefix such as 'a*:' never matches another application's keys. */
function prefixPattern(prefix) {
  return prefix.replace(/[*?[\]\\]/g, '\\$&') + '*';
}

/* Yields the pages of a SCAN on every master of a node-redis cluster client. */
async function* scanMasters(cluster, options) {
  for (const master of cluster.masters) {
    const node = await cluster.nodeClient(master);
    yield* node.scanIterator(options);
  }
}

/* An express-session Store keeping each session in the key prefix + sid.
 * Options (connect-redis's, same defaults):
 *   client       required: a connected redlite or node-redis client.
 *   prefix       key prefix, 'sess:' ('' is honoured; null/undefined mean the default).
 *   ttl          seconds (86400; 0 means the default), or a function (session) => seconds that
 *                then always decides. Otherwise the cookie's expiry wins when it has one.
 *   disableTouch touch() does nothing.
 *   disableTTL   sessions are written without a TTL and touch() does nothing.
 *   serializer   { stringify(session) => string, parse(string) => session or a promise of it }
 *                (JSON).
 *   scanCount    COUNT hint for the SCAN behind clear/length/ids/all (100).
 * Every method takes an optional node-style callback as its last argument and returns a
 * promise (see settle): set/touch/destroy/clear report null, get the session or null, length a
 * number, ids the session ids, all the sessions each with its 'id'. */
class RedisStore extends Store {
  constructor(options = {}) {
    super();
    if (options.client == null) throw new TypeError('RedisStore: the "client" option is required');
    this.client = options.client;
    this.prefix = options.prefix == null ? DEFAULT_PREFIX : options.prefix;
    this.scanCount = options.scanCount || DEFAULT_SCAN_COUNT;
    this.serializer = options.serializer || JSON;
    this.ttl = options.ttl || DEFAULT_TTL;
    this.disableTTL = options.disableTTL || false;
    this.disableTouch = options.disableTouch || false;
  }

  /* The session stored for 'sid' (serializer.parse, awaited), or null when there is none. */
  get(sid, cb) {
    return settle(this.#get(sid), cb);
  }

  /* Writes 'session' with the TTL of getTTL(session); a TTL <= 0 destroys it instead. A session
   * the serializer rejects (a BigInt, a cycle) fails with "Cannot serialize the session: ..."
   * (the serializer's error as 'cause') before anything is written. */
  set(sid, session, cb) {
    return settle(this.#set(sid, session), cb);
  }

  /* Resets the key's TTL to getTTL(session) (EXPIRE), unless disableTouch or disableTTL. */
  touch(sid, session, cb) {
    return settle(this.#touch(sid, session), cb);
  }

  /* Deletes the session's key. */
  destroy(sid, cb) {
    return settle(this.#destroy(sid), cb);
  }

  /* Deletes every key with the prefix, and no other key. */
  clear(cb) {
    return settle(this.#clear(), cb);
  }

  /* The number of keys with the prefix. */
  length(cb) {
    return settle(this.#keys().then((keys) => keys.length), cb);
  }

  /* The session ids: the keys with the prefix, prefix removed. */
  ids(cb) {
    return settle(this.#keys().then((keys) => keys.map((key) => key.slice(this.prefix.length))), cb);
  }

  /* Every stored session (parsed, with its 'id' set), as an array. */
  all(cb) {
    return settle(this.#all(), cb);
  }

  /* The TTL in seconds for 'session': ttl(session) when ttl is a function; else the seconds left
   * until session.cookie.expires (rounded up) when the cookie has an expiry; else ttl. */
  getTTL(session) {
    if (typeof this.ttl === 'function') return this.ttl(session);
    const expires = session && session.cookie && session.cookie.expires;
    if (expires) return Math.ceil((new Date(expires).getTime() - Date.now()) / 1000);
    return this.ttl;
  }

  async #get(sid) {
    const data = await this.client.get(this.prefix + sid);
    if (!data) return null;
    return await this.serializer.parse(data);
  }

  async #set(sid, session) {
    const ttl = this.getTTL(session);
    if (!(ttl > 0)) return this.#destroy(sid);
    const value = this.#serialize(session);
    const key = this.prefix + sid;
    if (this.disableTTL) await this.client.set(key, value);
    else await this.client.set(key, value, { expiration: { type: 'EX', value: ttl } });
    return null;
  }

  async #touch(sid, session) {
    if (this.disableTouch || this.disableTTL) return null;
    await this.client.expire(this.prefix + sid, this.getTTL(session));
    return null;
  }

  async #destroy(sid) {
    await this.client.del([this.prefix + sid]);
    return null;
  }

  async #clear() {
    const keys = await this.#keys();
    if (keys.length > 0) await this.client.del(keys);
    return null;
  }

  async #all() {
    const keys = await this.#keys();
    if (keys.length === 0) return [];
    const values = await this.client.mGet(keys);
    const sessions = [];
    for (let i = 0; i < keys.length; i++) {
      if (!values[i]) continue; // expired between SCAN and MGET
      const session = await this.serializer.parse(values[i]);
      session.id = keys[i].slice(this.prefix.length);
      sessions.push(session);
    }
    return sessions;
  }

  #serialize(session) {
    try {
      return this.serializer.stringify(session);
    } catch (err) {
      throw new Error(`Cannot serialize the session: ${err && err.message}`, { cause: err });
    }
  }

  /* Every key with the prefix, each once (SCAN may return a key twice). */
  async #keys() {
    const options = { MATCH: prefixPattern(this.prefix), COUNT: this.scanCount };
    const pages = 'masters' in this.client
      ? scanMasters(this.client, options)
      : this.client.scanIterator(options);
    const keys = new Set();
    for await (const page of pages) {
      for (const key of page) keys.add(key);
    }
    return [...keys];
  }
}

module.exports = { RedisStore };
