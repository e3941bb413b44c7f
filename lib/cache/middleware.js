'use strict';

// Route cache: an express middleware that stores whole responses in a Redis keyspace
// (redlite's, or a real Redis server's through node-redis) and replays them byte for byte.
//
//   const products = cacheMiddleware({ client, prefix: 'rc:', ttl: 60, tags: (req) => [...] });
//   app.get('/products/:id', products, handler);
//   await products.invalidate({ tags: ['product:1'] });   // or products.invalidate('/products/*')
//   await products.close();                               // at shutdown (lock connection)
//
// Options and defaults: http-options.js. Key layout: http-keys.js. Entry layout, what is
// stored and how it is replayed: http-entry.js. Response capture: http-capture.js.
//
// A request goes: bypass (method not cached, credentials, key(req) null) -> lookup -> HIT
// (fresh entry) | STALE (within staleWhileRevalidate: served, one background refresh) |
// fill. A fill runs the route once for all concurrent requests of the key in this process
// (SingleFlight) and, with the lock, in every process sharing the store; the captured
// response is sent (X-Cache: MISS), replayed to the requests that waited (X-Cache: HIT) and
// stored when it may be. Any client failure is reported to onError and the request is
// served by the route as if there were no cache.
const { Buffer } = require('node:buffer');
const { SingleFlight } = require('./singleflight');
const { LockManager } = require('./lock');
const { RESP_TYPES } = require('../resp-types');
const { capture } = require('./http-capture');
const entries = require('./http-entry');
const keys = require('./http-keys');
const { normalize } = require('./http-options');
const { invalidate } = require('./http-invalidate');
const { REFRESH, rootApp, redispatch } = require('./http-refresh');

const POLL_MS = 25; // how often a request waiting on another process's rebuild looks again
// Hidden from the route while it fills the cache: the stored copy must be the full
// response (the cache answers conditional requests itself).
const CONDITIONAL = ['if-none-match', 'if-modified-since', 'if-range', 'range'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const noop = () => {};

// 'promise', rejected with an ETIMEDOUT error if it has not settled after 'ms'.
function withTimeout(promise, ms) {
  if (!Number.isFinite(ms)) return promise;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(
      new Error(`cache operation timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function defaultKey(req) {
  const url = req.originalUrl || req.url;
  return req.method === 'GET' || req.method === 'HEAD' ? url : `${req.method} ${url}`;
}

// A captured response that may not be stored, replayed as it was (Set-Cookie included).
function rawEntry({ status, headers, body }) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'x-cache') out[name] = value;
  }
  return { status, headers: out, body };
}

class RouteCache {
  constructor(options) {
    const o = normalize(options);
    this.client = o.client;
    this.bin = o.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }); // reads Buffers
    this.prefix = o.prefix;
    this.ttlMs = o.ttl * 1000;
    this.jitterMs = o.jitter < 1 ? o.jitter * this.ttlMs : o.jitter * 1000;
    this.swrMs = o.staleWhileRevalidate * 1000;
    this.maxSize = o.maxSize;
    this.statuses = o.statuses.slice();
    this.methods = new Set(o.methods.map((m) => m.toUpperCase()));
    this.key = o.key || defaultKey;
    this.cacheControl = o.cacheControl;
    this.tags = o.tags || null;
    this.cacheAuthenticated = Boolean(o.cacheAuthenticated);
    this.sessionCookie = o.sessionCookie;
    this.onError = o.onError || noop;
    this.locks = o.lock ? new LockManager(o.client, { onError: (err) => this._report(err) }) : null;
    this.lockTtl = o.lockTtl;
    this.lockWait = o.lockWait;
    this.timeout = o.timeout;
    this.flight = new SingleFlight();
    this.epoch = 0; // bumped by invalidate(): fills begun before it are not stored
    this.holding = new Set(); // settle when a lock taken (or being taken) is released
    this.seq = 0; // numbers requests and runs, in order
    this.runs = new Map(); // flight key -> number of its pending run
  }

  _report(err) {
    try {
      this.onError(err);
    } catch {
      // a throwing hook must not break the request
    }
  }

  _op(promise) {
    return withTimeout(promise, this.timeout);
  }

  // The express middleware. Never throws or rejects: cache failures are reported and
  // the route serves the request.
  handle(req, res, next) {
    let called = false;
    const once = (err) => {
      if (called) return;
      called = true;
      next(err);
    };
    this._handle(req, res, once).catch((err) => {
      this._report(err);
      if (!res.headersSent) once();
    });
  }

  async _handle(req, res, next) {
    const mark = req[REFRESH];
    if (mark) return mark.owner === this ? this._refreshRun(req, res, next, mark) : next();
    if (!this.methods.has(req.method)) return next();
    if (!this.cacheAuthenticated && keys.isAuthenticated(req.headers, this.sessionCookie)) return next();
    let part;
    try {
      part = this.key(req);
    } catch (err) {
      this._report(err);
      return next();
    }
    if (typeof part !== 'string') return next();
    const noCache = keys.wantsNoCache(req.headers);
    const ctx = {
      part, baseKey: this.prefix + part, method: req.method, reqHeaders: { ...req.headers }, noCache,
      arrival: ++this.seq
    };
    const started = Date.now();
    let found = { key: ctx.baseKey, entry: null };
    if (!noCache) {
      try {
        found = await this._lookup(part, ctx.baseKey, req.headers);
      } catch (err) {
        this._report(err);
        return next(); // fail open: as if there were no cache
      }
    }
    ctx.flightKey = found.key;
    const entry = found.entry;
    const now = Date.now();
    if (entry && now < entry.fresh) return this._send(res, entry, ctx, 'HIT');
    if (entry && now < entry.fresh + this.swrMs && rootApp(req)) {
      this._send(res, entry, ctx, 'STALE');
      return this._refreshLater(req, ctx);
    }
    res.setHeader('X-Cache', 'MISS');
    if (req.method === 'HEAD') return next();
    // Another process's rebuild is served instead only if it began after the entry found
    // here, or after this no-cache request arrived (epoch ms).
    ctx.after = entry ? entry.began : noCache ? started : -Infinity;
    return this._fill(req, res, next, ctx);
  }

  // The entry of a route run ('run' resolves its captured response or null), stored unless an
  // invalidation happened since 'epoch'; null when the run fails, yields nothing or takes
  // longer than lockTtl.
  async _storeRun(run, ctx, epoch) {
    const made = await withTimeout(run.then(async (m) => {
      if (m && epoch === this.epoch) await this._store(m, ctx);
      return m;
    }), this.lockTtl).catch(() => null);
    return made ? made.entry : null;
  }

  _send(res, entry, ctx, xcache) {
    entries.sendEntry(res, entry, { method: ctx.method, reqHeaders: ctx.reqHeaders, xcache });
  }

  // { key, entry }: the entry for this request (null if none, malformed or made for
  // another request) and the key it lives (or would live) at. Rejects on client errors.
  async _lookup(part, baseKey, headers) {
    const first = entries.decode(await this._op(this.bin.get(baseKey)));
    if (first && first.kind === 'vary') {
      const { key } = keys.variantKey(baseKey, first.vary, headers);
      const found = entries.decode(await this._op(this.bin.get(key)));
      return { key, entry: entries.entryMatches(found, part, headers) ? found : null };
    }
    return { key: baseKey, entry: entries.entryMatches(first, part, headers) ? first : null };
  }

  // The pending run (fill or refresh) of 'key', or a new one from fn(). Each run is
  // numbered from the request counter so that a request can tell whether it started
  // after the request arrived.
  _flight(key, fn) {
    const run = this.flight.do(key, () => {
      const n = ++this.seq;
      this.runs.set(key, n);
      const work = (async () => fn())(); // fn starts now (synchronously)
      work.finally(() => {
        if (this.runs.get(key) === n) this.runs.delete(key);
      }).catch(noop);
      return work;
    });
    run.catch(noop);
    return run;
  }

  // A miss: the first request for the key runs the route (the leader); the others wait for
  // its response and replay it, or run the route themselves if it cannot be shared. A
  // no-cache request only shares a run that began after it arrived: it first waits for
  // the end of an older one.
  async _fill(req, res, next, ctx) {
    const key = ctx.flightKey;
    while (ctx.noCache && this.flight.has(key) && this.runs.get(key) < ctx.arrival) {
      await withTimeout(this.flight.do(key, noop), this.lockWait).catch(noop);
      if (this.flight.has(key) && this.runs.get(key) < ctx.arrival) return next(); // a hung run
    }
    let leader = false;
    const flight = this._flight(key, () => {
      leader = true;
      return this._lead(req, res, next, ctx);
    });
    if (leader) {
      flight.catch((err) => { // a bug, not a cache failure: still answer the request
        this._report(err);
        next();
      });
      return;
    }
    const entry = await withTimeout(flight, this.lockWait).catch(() => null);
    if (entry && entries.entryMatches(entry, ctx.part, req.headers)) return this._send(res, entry, ctx, 'HIT');
    return next();
  }

  // Take the stampede lock of 'flightKey'. Resolves a function that releases it, null when
  // another holder has it, undefined when locking is off or failed (reported): go on
  // without it. close() waits until every lock taken is released.
  async _lock(flightKey) {
    const locks = this.locks;
    if (!locks) return undefined;
    const lock = keys.lockKey(this.prefix, flightKey);
    let settle;
    const pending = new Promise((resolve) => {
      settle = resolve;
    });
    this.holding.add(pending);
    const done = () => {
      this.holding.delete(pending);
      settle();
    };
    let token;
    try {
      token = await this._op(locks.acquire(lock, this.lockTtl));
    } catch (err) {
      done();
      this._report(err);
      return undefined;
    }
    if (token === null) {
      done();
      return null;
    }
    return () => locks.release(lock, token).catch((err) => this._report(err)).finally(done);
  }

  // The leader of a fill: take the lock (or wait for the process holding it), run the route
  // capturing its response, store it. Resolves the entry (for the waiting requests) or null.
  async _lead(req, res, next, ctx) {
    const release = await this._lock(ctx.flightKey);
    if (release === null) {
      const entry = await this._awaitOther(ctx, req.headers);
      if (entry) {
        this._send(res, entry, ctx, 'HIT');
        return entry;
      }
    }
    const epoch = this.epoch;
    try {
      return await this._storeRun(this._capture(req, res, next, ctx), ctx, epoch);
    } finally {
      if (release) release(); // in the background: the run is over once stored
    }
  }

  // Wait for the process holding the lock to store a fresh entry (its run begun after
  // ctx.after). Resolves it, or null once the lock is gone without one, on an error,
  // or after lockWait.
  async _awaitOther(ctx, headers) {
    const lock = keys.lockKey(this.prefix, ctx.flightKey);
    const deadline = Date.now() + this.lockWait;
    try {
      while (Date.now() < deadline) {
        await sleep(POLL_MS);
        const held = (await this._op(this.client.exists(lock))) > 0;
        const { entry } = await this._lookup(ctx.part, ctx.baseKey, headers);
        if (entry && entry.began > ctx.after && Date.now() < entry.fresh) return entry;
        if (!held) return null;
      }
    } catch (err) {
      this._report(err);
    }
    return null;
  }

  // Run the route on req/res, holding its response back (http-capture.js), and send it
  // as captured (X-Cache: MISS). Resolves { entry, key, names } when it may be stored, else
  // null (also when the client went away before the route ended).
  _capture(req, res, next, ctx) {
    return new Promise((resolve) => {
      for (const name of CONDITIONAL) delete req.headers[name];
      capture(res, {
        maxSize: this.maxSize,
        decide: (status, headers) => this._storable(status, headers),
        done: (captured) => {
          if (!captured) return resolve(null);
          const made = this._make(req, res, captured, ctx);
          this._send(res, made ? made.entry : rawEntry(captured), ctx, 'MISS');
          resolve(made);
        }
      });
      res.once('close', () => resolve(null));
      ctx.began = Date.now();
      next();
    });
  }

  _storable(status, headers) {
    if (entries.unstorableReason(status, headers, this.statuses) !== null) return false;
    const length = Number(headers['content-length']);
    return !(Number.isFinite(length) && length > this.maxSize);
  }

  // The entry to store for a captured response: { entry, key, names } (its Redis key and
  // the header names it varies on), or null when it may not be stored.
  _make(req, res, captured, ctx) {
    const { status, headers, body } = captured;
    if (!this._storable(status, headers) || body.length > this.maxSize) return null;
    let tags = [];
    if (this.tags) {
      try {
        tags = [].concat(this.tags(req, res) || []).map(String);
      } catch (err) {
        this._report(err);
        return null;
      }
    }
    const names = entries.varyNames(headers.vary);
    const variant = names.length ? keys.variantKey(ctx.baseKey, names, ctx.reqHeaders) : null;
    const created = Date.now();
    const entry = entries.makeEntry({
      key: ctx.part, vary: variant ? variant.values : {}, status,
      headers: entries.storedHeaders(headers, body, this.cacheControl), body, began: ctx.began, created,
      fresh: created + this.ttlMs + Math.random() * this.jitterMs, tags
    });
    return { entry, key: variant ? variant.key : ctx.baseKey, names };
  }

  // Write an entry (and its Vary marker and tag sets) in one MULTI, all expiring with it
  // (fresh time + staleWhileRevalidate). Failures are reported.
  async _store({ entry, key, names }, ctx) {
    const px = Math.max(1, Math.ceil(entry.fresh - Date.now() + this.swrMs));
    const expiry = { expiration: { type: 'PX', value: px } };
    const multi = this.client.multi().set(key, entries.encodeEntry(entry), expiry);
    if (names.length) multi.set(ctx.baseKey, entries.encodeMarker(names), expiry);
    for (const tag of entry.tags) {
      const set = keys.tagKey(this.prefix, tag);
      multi.sAdd(set, key).pExpire(set, px, 'NX').pExpire(set, px, 'GT');
    }
    try {
      await this._op(multi.exec());
    } catch (err) {
      this._report(err);
    }
  }

  // Start one background refresh of a stale entry, unless one is running in this process
  // (or, with the lock, in another).
  _refreshLater(req, ctx) {
    if (this.flight.has(ctx.flightKey)) return;
    this._flight(ctx.flightKey, () => this._refresh(req, ctx));
  }

  async _refresh(req, ctx) {
    const release = await this._lock(ctx.flightKey);
    if (release === null) return null; // another process is refreshing it
    const epoch = this.epoch;
    try {
      const run = new Promise((resolve) => {
        const dispatched = redispatch(req, { owner: this, ctx: { ...ctx }, resolve }, (err) => {
          if (err) this._report(err);
          resolve(null);
        });
        if (!dispatched) resolve(null);
      });
      return await this._storeRun(run, ctx, epoch);
    } finally {
      if (release) release(); // in the background: the run is over once stored
    }
  }

  // The copy of a request dispatched by _refresh() reached this middleware: run the route
  // on it and hand the captured entry back (nothing is sent: the copy has no client).
  _refreshRun(req, res, next, mark) {
    capture(res, {
      maxSize: this.maxSize,
      decide: (status, headers) => this._storable(status, headers),
      done: (captured) => mark.resolve(captured ? this._make(req, res, captured, mark.ctx) : null)
    });
    mark.ctx.began = Date.now();
    next();
  }

  // See http-invalidate.js. Fills begun before the call ends are not stored.
  async invalidate(what) {
    this.epoch++;
    try {
      return await invalidate(this.client, this.prefix, what);
    } finally {
      this.epoch++;
    }
  }

  // Stop using the lock, wait until the locks taken are released and close the lock's
  // release connection (a duplicate of the client), if one was opened. The middleware
  // keeps serving, without the cross-process lock. The client itself is the caller's.
  async close() {
    const locks = this.locks;
    this.locks = null;
    while (this.holding.size) await Promise.all([...this.holding]);
    if (locks) await locks.close();
  }
}

// cacheMiddleware(options) -> express middleware (req, res, next), with
//   .invalidate(what) -> Promise<number>: drop entries by pattern, tags or keys
//                        (http-invalidate.js); resolves the number of entries deleted;
//   .close() -> Promise<void>: release what the middleware holds (see RouteCache#close).
// Options: http-options.js. Throws TypeError on bad options.
function cacheMiddleware(options) {
  const cache = new RouteCache(options);
  const middleware = (req, res, next) => cache.handle(req, res, next);
  middleware.invalidate = (what) => cache.invalidate(what);
  middleware.close = () => cache.close();
  return middleware;
}

module.exports = { cacheMiddleware };
