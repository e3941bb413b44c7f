'use strict';

// Options of cacheMiddleware (lib/cache/middleware.js), their defaults and their checks.
//
//   client            required. A connected redlite or node-redis client.
//   prefix            'rc:'. Prepended to every key the cache writes (see http-keys.js).
//   ttl               60. Seconds an entry is fresh (fractions allowed). Per middleware
//                     instance: give each route its own instance for its own TTL.
//   jitter            0.1. Random extra freshness so that entries made together do not
//                     expire together: below 1 a fraction of ttl (0.1 = up to +10 %),
//                     from 1 up a number of seconds (5 = up to +5 s). 0 for none.
//   staleWhileRevalidate  0. Seconds after freshness during which the stale entry is
//                     served (X-Cache: STALE) while one background refresh runs the route
//                     again, on a copy of the request dispatched through the express app
//                     (needs express; without it a stale entry is a miss).
//   maxSize           1048576. Largest body stored, in bytes; larger ones are served
//                     (streamed through) but not stored. Infinity for no limit.
//   statuses          [200]. Statuses that may be stored.
//   methods           ['GET', 'HEAD']. Methods that use the cache. HEAD is answered from
//                     the GET entry and never fills it; other methods fill entries keyed
//                     by '<METHOD> <url>' unless 'key' says otherwise.
//   key(req)          The key part of a request (the prefix is added): a string, or
//                     null/undefined to bypass the cache for this request. Default
//                     req.originalUrl (query included). Vary'd request headers are added by
//                     the cache itself. Must not start with 'tag ' or 'lock '.
//   cacheControl      undefined. Cache-Control value set on stored responses whose route
//                     set none (e.g. 'public, max-age=300').
//   tags(req, res)    undefined. Tags of the response being stored (array of strings), for
//                     invalidate({ tags }).
//   cacheAuthenticated  false. Requests with an Authorization header or the session cookie
//                     bypass the cache (never read, never written) unless this is true;
//                     then 'key' is required and MUST make the key unique per user (e.g.
//                     `${req.user.id}:${req.originalUrl}`), or one user's page is served to
//                     another.
//   sessionCookie     'connect.sid'. The session cookie's name (false: no cookie check).
//   onError(err)      no-op. Called once per failing cache operation (closed client, OOM,
//                     timeout, network error), and with errors of background refreshes;
//                     the request is then served by the route as if there were no cache.
//   lock              true. Stampede lock in Redis (SET NX PX, lib/cache/lock.js) so that
//                     one process rebuilds a missing entry while the others wait for it.
//                     Within one process concurrent misses always share one route run.
//   lockTtl           10000. Lock lifetime in ms; also the longest a rebuild or refresh
//                     is waited for. Keep it above the route's run time.
//   lockWait          5000. Ms a request waits for another's rebuild before running the
//                     route itself.
//   timeout           1000. Ms a cache read, lock or write may take before it counts as a
//                     failure (fail open rather than hang on a stalled connection).
const DEFAULTS = Object.freeze({
  prefix: 'rc:', ttl: 60, jitter: 0.1, staleWhileRevalidate: 0, maxSize: 1048576,
  statuses: [200], methods: ['GET', 'HEAD'], key: null, cacheControl: undefined, tags: null,
  cacheAuthenticated: false, sessionCookie: 'connect.sid', onError: null, lock: true,
  lockTtl: 10000, lockWait: 5000, timeout: 1000
});

function check(ok, what) {
  if (!ok) throw new TypeError(`cacheMiddleware: ${what}`);
}

const isNumber = (v, min) => typeof v === 'number' && !Number.isNaN(v) && v >= min;
const isFunction = (v) => v === null || v === undefined || typeof v === 'function';

// 'options' merged over DEFAULTS and checked. Throws TypeError on a bad option.
function normalize(options) {
  const o = { ...DEFAULTS, ...options };
  check(o.client && typeof o.client.get === 'function' && typeof o.client.withTypeMapping === 'function',
    'options.client must be a redlite or node-redis client');
  check(typeof o.prefix === 'string', 'prefix must be a string');
  check(isNumber(o.ttl, 0) && o.ttl > 0 && Number.isFinite(o.ttl), 'ttl must be a positive number of seconds');
  for (const name of ['jitter', 'staleWhileRevalidate', 'lockWait']) {
    check(isNumber(o[name], 0) && Number.isFinite(o[name]), `${name} must be a number >= 0`);
  }
  check(isNumber(o.maxSize, 0), 'maxSize must be a number of bytes >= 0');
  check(Number.isInteger(o.lockTtl) && o.lockTtl > 0, 'lockTtl must be a positive integer (ms)');
  check(isNumber(o.timeout, 0) && o.timeout > 0, 'timeout must be a positive number (ms)');
  check(Array.isArray(o.statuses) && o.statuses.every(Number.isInteger), 'statuses must be an array of integers');
  check(Array.isArray(o.methods) && o.methods.every((m) => typeof m === 'string'), 'methods must be an array of strings');
  for (const name of ['key', 'tags', 'onError']) check(isFunction(o[name]), `${name} must be a function`);
  check(o.cacheControl === undefined || typeof o.cacheControl === 'string', 'cacheControl must be a string');
  check(!o.cacheAuthenticated || typeof o.key === 'function',
    'cacheAuthenticated needs a key(req) function that includes the user in the key');
  return o;
}

module.exports = { DEFAULTS, normalize };
