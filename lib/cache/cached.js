'use strict';

// Cache-aside over a redlite or node-redis client: createCache(options) → cache.
//
//   const cache = createCache({ client, prefix: 'cache:', ttl: 60 });
//   const user = await cache.get(`user:${id}`, () => db.users.find(id), { ttl: 300, tags: ['users'] });
//
// options (durations in seconds may be fractional; lock durations are ms):
//   client                 required; connected. The cache never closes it.
//   prefix = 'cache:'      every keyspace key of the cache starts with it (layout: aside-core.js).
//   ttl = 60               fresh lifetime of an entry.
//   jitter = 0             fraction in [0, 1]: each entry lives ttl × (1 − jitter × random()),
//                          so ttl stays the upper bound and entries filled together expire apart.
//   negativeTtl = 0        lifetime of a negative entry (fetch resolved null); 0: not cached.
//   refreshAhead = 0       fraction in [0, 1): on a hit whose remaining fresh time is below
//                          refreshAhead × its ttl, serve it and refresh it once in the background.
//   staleWhileRevalidate = 0  seconds an entry is kept after its ttl; a get in that window
//                          serves the stale value and refreshes once in the background.
//   serializer = JSON      { stringify(value) → string, parse(string) → value }. JSON refuses
//                          BigInt, circular values, functions and symbols with a TypeError
//                          (code 'ERR_CACHE_SERIALIZE'); Dates etc. come back as JSON gives them.
//   lockTtl = 5000         ms the fill lock of a missing entry is held at most (0: no lock).
//   lockWait = lockTtl     ms an instance waits for another instance's fill before fetching itself.
//   lockPoll = 25          ms between two looks at the keyspace while waiting.
//   onError(err, { op, key })  receives the client errors the cache fails open on, and the
//                          failures of background refreshes. Default: ignore them.
//   local                  false (default), true, or { max = 1000, ttl = 5 }: keep an in-process
//                          copy of fresh entries (LRU, at most max entries, each at most ttl
//                          seconds and never past its fresh time) in front of the client.
//   broadcast = false      publish every write and invalidation on `channel` (default
//                          prefix + '__invalidate') and, with `local`, drop other instances'
//                          writes from the local copy. Giving `channel` turns it on.
//
// Per-call options of get/set: ttl, jitter, tags (string or array), negativeTtl, refreshAhead,
// staleWhileRevalidate (the cache-wide values are the defaults). When several callers share
// one fill (single flight), the first caller's options are used and they all receive the
// same value object; every hit (keyspace or local copy) parses a private copy.
//
// Methods: get (aliases wrap, cached), set, del, invalidate, namespace, stats, ready, close;
// namespaces have get/wrap/cached/set/del/invalidate/stats plus version and bump.
// escapeGlob(s) (exported too) makes a literal part of an invalidate() pattern.
const { CacheCore, INTERNAL } = require('./aside-core');
const { checkSerializer, escapeGlob } = require('./aside-codec');
const check = require('./aside-options');

const DEFAULTS = {
  prefix: 'cache:', ttl: 60, lockTtl: 5000, lockPoll: 25, localMax: 1000, localTtl: 5
};

// The per-call options merged over the cache's defaults 'd'.
function callOptions(d, opts = {}) {
  if (opts === null || typeof opts !== 'object') throw new TypeError('options must be an object');
  return {
    ttlMs: check.secondsToMs('ttl', opts.ttl, d.ttlMs),
    jitter: check.fraction('jitter', opts.jitter, d.jitter),
    negativeMs: check.secondsToMs('negativeTtl', opts.negativeTtl, d.negativeMs, 'zero'),
    refreshAhead: check.fraction('refreshAhead', opts.refreshAhead, d.refreshAhead, true),
    swrMs: check.secondsToMs('staleWhileRevalidate', opts.staleWhileRevalidate, d.swrMs, 'zero'),
    tags: check.tags('tags', opts.tags)
  };
}

function checkKey(key) {
  if (typeof key !== 'string') throw new TypeError('cache key must be a string');
  if (key.startsWith(INTERNAL)) throw new TypeError(`cache keys starting with "${INTERNAL}" are reserved`);
}

// The options of createCache checked and resolved for CacheCore.
function configure(options) {
  if (!options || typeof options !== 'object') throw new TypeError('createCache(options): options.client is required');
  const o = options;
  const prefix = check.string('prefix', o.prefix, DEFAULTS.prefix);
  const lockTtl = check.ms('lockTtl', o.lockTtl, DEFAULTS.lockTtl);
  let local = o.local === true ? {} : o.local;
  if (local !== undefined && local !== false && (local === null || typeof local !== 'object')) {
    throw new TypeError('local must be true, false or { max, ttl }');
  }
  local = local || null;
  const broadcast = o.channel !== undefined || o.broadcast === true;
  return {
    client: check.client('client', o.client),
    prefix,
    defaults: callOptions({
      ttlMs: check.secondsToMs('ttl', o.ttl, DEFAULTS.ttl * 1000),
      jitter: 0, negativeMs: 0, refreshAhead: 0, swrMs: 0
    }, { jitter: o.jitter, negativeTtl: o.negativeTtl, refreshAhead: o.refreshAhead, staleWhileRevalidate: o.staleWhileRevalidate }),
    serializer: checkSerializer(o.serializer),
    lockTtl,
    lockWait: check.ms('lockWait', o.lockWait, lockTtl),
    lockPoll: check.ms('lockPoll', o.lockPoll, DEFAULTS.lockPoll, 1),
    onError: check.func('onError', o.onError, () => {}),
    localMax: local ? check.count('local.max', local.max, DEFAULTS.localMax) : 0,
    localTtlMs: local ? check.secondsToMs('local.ttl', local.ttl, DEFAULTS.localTtl * 1000) : 0,
    channel: broadcast ? check.string('channel', o.channel, prefix + INTERNAL + 'invalidate') : null
  };
}

// What every cache view has. A view maps the caller's keys to full keys through _base().
class CacheView {
  constructor(core) {
    this._core = core;
  }

  // The cached value of 'key', or on a miss what fetch(key) resolves, stored for the next
  // callers (fetch may return a Promise). Resolves null for a negative entry; undefined
  // from fetch is returned and not stored. Without 'fetch', resolves the cached value or
  // undefined on a miss. A null from fetch is cached only with negativeTtl (otherwise the
  // entry is deleted). Concurrent misses in the process share one fetch; across
  // processes the fill lock makes the others wait for it (see lockWait). Client errors fail
  // open (fetch is called directly, the error goes to onError); fetch errors reject and
  // are not cached.
  async get(key, fetch, opts) {
    const core = this._core;
    core.checkOpen();
    checkKey(key);
    if (fetch !== undefined && typeof fetch !== 'function') throw new TypeError('fetch must be a function');
    const o = callOptions(core.defaults, opts);
    let full;
    try {
      full = (await this._base()) + key;
      const hit = await core.lookup(full, key, fetch, o);
      if (hit) return hit.value;
    } catch (err) {
      core.report(err, 'get', key);
      return fetch ? core.fetchDirect(full || this._label(key), key, fetch) : undefined;
    }
    if (!fetch) return undefined;
    core.counters.misses++;
    return core.fill(full, key, fetch, o);
  }

  wrap(key, fetch, opts) {
    return this.get(key, fetch, opts);
  }

  cached(key, fetch, opts) {
    return this.get(key, fetch, opts);
  }

  // Store 'value' (null: a negative entry, kept negativeTtl or else ttl seconds) with the
  // per-call options. Rejects with the client's error or a serializer error.
  async set(key, value, opts) {
    const core = this._core;
    core.checkOpen();
    checkKey(key);
    if (value === undefined) throw new TypeError('cache.set: undefined cannot be cached');
    const o = callOptions(core.defaults, opts);
    if (value === null && !(o.negativeMs > 0)) o.negativeMs = o.ttlMs;
    await core.store((await this._base()) + key, key, value, o, true);
  }

  // Delete 'key'. Resolves 1 if an entry was deleted, else 0.
  del(key) {
    return this.invalidate({ keys: [key] });
  }

  // Delete entries by key (an array), by tag (an array of tag names) and by glob pattern
  // over this view's keys (SCAN MATCH, page by page; the prefix is escaped, the pattern is
  // the caller's glob: use escapeGlob for literal parts). Resolves the number deleted.
  async invalidate({ keys = [], tags = [], pattern } = {}) {
    const core = this._core;
    core.checkOpen();
    if (!Array.isArray(keys)) throw new TypeError('keys must be an array');
    keys.forEach(checkKey);
    const tagList = check.tags('tags', tags);
    if (pattern !== undefined && typeof pattern !== 'string') throw new TypeError('pattern must be a string');
    const base = await this._base();
    let n = await core.remove(keys.map((k) => base + k));
    n += await core.removeTags(tagList);
    if (pattern !== undefined) n += await core.removePattern(base, pattern);
    return n;
  }

  // { hits, localHits, misses, stale, fetches, errors, localSize } since creation (shared by
  // the cache and its namespaces).
  stats() {
    const core = this._core;
    return { ...core.counters, localSize: core.local ? core.local.size : 0 };
  }
}

// The cache createCache returns.
class Cache extends CacheView {
  async _base() {
    return this._core.prefix;
  }

  _label(key) {
    return this._core.prefix + key;
  }

  // A view whose keys live under a version number kept in the keyspace; bump() moves to a
  // new version, so every entry of the namespace is invalidated at once (the old ones age
  // out by their TTL). 'name' must not contain ':' or start with '__'.
  namespace(name) {
    if (typeof name !== 'string' || name === '' || name.includes(':') || name.startsWith(INTERNAL)) {
      throw new TypeError('namespace name must be a non-empty string without ":" that does not start with "__"');
    }
    return new Namespace(this._core, name);
  }

  // Resolves once the broadcast subscription listens (at once without one).
  ready() {
    return this._core.ready();
  }

  // Waits for running fills and background refreshes, then unsubscribes and closes the
  // connections the cache opened. Later calls reject. The client stays open.
  close() {
    return this._core.close();
  }
}

// A versioned namespace of a cache (cache.namespace(name)).
class Namespace extends CacheView {
  constructor(core, name) {
    super(core);
    this.name = name;
    this._versionKey = core.prefix + INTERNAL + 'ver:' + name;
  }

  async _base() {
    return `${this._core.prefix}${INTERNAL}ns:${this.name}:${await this.version()}:`;
  }

  _label(key) {
    return `${this._core.prefix}${INTERNAL}ns:${this.name}::${key}`;
  }

  // The current version number (0 until the first bump).
  async version() {
    return Number(await this._core.client.get(this._versionKey)) || 0;
  }

  // Invalidate the whole namespace in O(1): INCR its version. Resolves the new version.
  async bump() {
    this._core.checkOpen();
    return this._core.client.incr(this._versionKey);
  }
}

// A cache over options.client (see the top of this file for the options).
function createCache(options) {
  const core = new CacheCore(configure(options));
  core.ready().catch((err) => core.report(err, 'subscribe'));
  return new Cache(core);
}

module.exports = { createCache, escapeGlob };
