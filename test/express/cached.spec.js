'use strict';

// createCache (lib/cache/cached.js): cache-aside over a client, run against a redlite
// client and against node-redis talking to a real redis-server.
const assert = require('node:assert/strict');
const redlite = require('../..');
const nodeRedis = require('redis');
const { startRedisServer } = require('../helpers/redis-server');
const { createCache, escapeGlob } = require('../../lib/cache/cached');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Poll 'pred' every 10 ms until it resolves truthy; fail after 'ms'.
async function waitFor(pred, what, ms = 3000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await pred()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

// A fetch that counts its calls and resolves 'value' (or value(n) for the nth call) after 'delay' ms.
function counter(value, delay = 0) {
  const f = async (key) => {
    f.calls++;
    f.keys.push(key);
    if (delay) await sleep(delay);
    return typeof value === 'function' ? value(f.calls) : value;
  };
  f.calls = 0;
  f.keys = [];
  return f;
}

const BACKENDS = [
  {
    name: 'redlite',
    async start() {
      return { create: () => redlite.createClient({ url: 'redis://cached-spec:6379' }), stop: async () => {}, lib: redlite };
    }
  },
  {
    name: 'node-redis + redis-server',
    async start() {
      const server = await startRedisServer();
      return { create: () => nodeRedis.createClient({ url: server.url }), stop: () => server.stop(), lib: nodeRedis };
    }
  }
];

for (const backend of BACKENDS) {
  describe(`createCache against ${backend.name}`, function () {
    let env;
    let client;
    let seq = 0;
    const clients = [];
    const caches = [];
    const clientErrors = [];

    async function newClient() {
      const c = env.create();
      c.on('error', (err) => clientErrors.push(err));
      await c.connect();
      clients.push(c);
      return c;
    }

    // A cache with a prefix of its own, closed after the suite.
    function newCache(options = {}) {
      const cache = createCache({ client, prefix: `cached${++seq}:`, ...options });
      caches.push(cache);
      return cache;
    }

    before(async function () {
      env = await backend.start();
      client = await newClient();
    });

    after(async function () {
      for (const cache of caches) await cache.close();
      for (const c of clients) if (c.isOpen) await c.close();
      await env.stop();
      assert.deepEqual(clientErrors, []);
    });

    it('get: a miss calls fetch and stores the value; the next get is a hit', async function () {
      const cache = newCache({ ttl: 60 });
      const fetch = counter({ id: 7, name: 'Ada', tags: ['x'] });
      assert.deepEqual(await cache.get('user:7', fetch), { id: 7, name: 'Ada', tags: ['x'] });
      assert.equal(fetch.calls, 1);
      assert.deepEqual(fetch.keys, ['user:7']);
      assert.deepEqual(await cache.get('user:7', fetch), { id: 7, name: 'Ada', tags: ['x'] });
      assert.deepEqual(await cache.wrap('user:7', fetch), { id: 7, name: 'Ada', tags: ['x'] });
      assert.deepEqual(await cache.cached('user:7', fetch), { id: 7, name: 'Ada', tags: ['x'] });
      assert.equal(fetch.calls, 1);
      assert.deepEqual(await cache.get('user:7'), { id: 7, name: 'Ada', tags: ['x'] });
      assert.equal(await cache.get('user:8'), undefined); // no fetch: a miss is undefined
      const stats = cache.stats();
      assert.equal(stats.fetches, 1);
      assert.equal(stats.misses, 1);
      assert.equal(stats.hits, 4);
      assert.equal(await client.exists(`cached${seq}:user:7`), 1);
    });

    it('ttl sets the PTTL of an entry; jitter draws it from [ttl × (1 − jitter), ttl]', async function () {
      const cache = newCache({ ttl: 60 });
      const p = `cached${seq}:`;
      await cache.get('plain', counter('v'));
      const plain = await client.pTTL(p + 'plain');
      assert.ok(plain > 59000 && plain <= 60000, `PTTL ${plain}`);
      await cache.get('short', counter('v'), { ttl: 2.5 });
      const short = await client.pTTL(p + 'short');
      assert.ok(short > 1500 && short <= 2500, `PTTL ${short}`);

      const ttls = [];
      for (let i = 0; i < 30; i++) {
        await cache.get(`j${i}`, counter(i), { ttl: 100, jitter: 0.5 });
        ttls.push(await client.pTTL(`${p}j${i}`));
      }
      for (const t of ttls) assert.ok(t > 50000 - 1000 && t <= 100000, `PTTL ${t} outside [50 s, 100 s]`);
      assert.ok(new Set(ttls).size > 1, 'jitter spreads the TTLs');
    });

    it('undefined from fetch is returned and not cached', async function () {
      const cache = newCache();
      const fetch = counter(undefined);
      assert.equal(await cache.get('nothing', fetch), undefined);
      assert.equal(await cache.get('nothing', fetch), undefined);
      assert.equal(fetch.calls, 2);
      assert.equal(await client.exists(`cached${seq}:nothing`), 0);
    });

    it('negativeTtl caches a not-found (null) as a short-lived entry, distinct from a miss', async function () {
      const cache = newCache({ ttl: 60 });
      const p = `cached${seq}:`;
      const fetch = counter(null);
      assert.equal(await cache.get('gone', fetch, { negativeTtl: 0.3 }), null);
      assert.equal(await cache.get('gone', fetch, { negativeTtl: 0.3 }), null);
      assert.equal(fetch.calls, 1);
      assert.equal(await cache.get('gone'), null); // a negative entry
      assert.equal(await cache.get('never'), undefined); // a miss
      const pttl = await client.pTTL(p + 'gone');
      assert.ok(pttl > 0 && pttl <= 300, `PTTL ${pttl}`);
      await waitFor(async () => (await client.exists(p + 'gone')) === 0, 'the negative entry to expire');
      assert.equal(await cache.get('gone', fetch, { negativeTtl: 0.3 }), null);
      assert.equal(fetch.calls, 2);

      // Without negativeTtl a null is returned and not cached.
      const plain = counter(null);
      assert.equal(await cache.get('gone2', plain), null);
      assert.equal(await cache.get('gone2', plain), null);
      assert.equal(plain.calls, 2);
      assert.equal(await client.exists(p + 'gone2'), 0);
    });

    it('JSON refuses BigInt and circular values with a clear error; a custom serializer is used', async function () {
      const cache = newCache();
      const p = `cached${seq}:`;
      await assert.rejects(cache.get('big', async () => 10n), (err) => {
        assert.ok(err instanceof TypeError);
        assert.equal(err.code, 'ERR_CACHE_SERIALIZE');
        assert.match(err.message, /key "big" cannot be stored: .*BigInt/);
        return true;
      });
      const circular = { a: 1 };
      circular.self = circular;
      await assert.rejects(cache.get('loop', async () => circular), /key "loop" cannot be stored: .*circular/i);
      await assert.rejects(cache.set('loop', circular), /key "loop" cannot be stored/);
      await assert.rejects(cache.set('fn', () => 1), /key "fn" cannot be stored: cannot be represented as JSON \(a function\)/);
      assert.equal(await client.exists([p + 'big', p + 'loop', p + 'fn']), 0);

      const bigints = {
        stringify: (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? { $big: x.toString() } : x)),
        parse: (s) => JSON.parse(s, (_k, x) => (x && typeof x === 'object' && '$big' in x ? BigInt(x.$big) : x))
      };
      const custom = newCache({ serializer: bigints });
      const fetch = counter({ n: 12345678901234567890n });
      assert.deepEqual(await custom.get('big', fetch), { n: 12345678901234567890n });
      assert.deepEqual(await custom.get('big', fetch), { n: 12345678901234567890n });
      assert.equal(fetch.calls, 1);
      assert.match(await client.get(`cached${seq}:big`), /\{"n":\{"\$big":"12345678901234567890"\}\}$/);
      assert.throws(() => newCache({ serializer: { stringify: JSON.stringify } }), /serializer must be an object/);
    });

    it('single flight: 200 concurrent gets on a cold key call fetch once', async function () {
      const cache = newCache();
      const fetch = counter({ v: 'shared' }, 30);
      const results = await Promise.all(Array.from({ length: 200 }, () => cache.get('cold', fetch)));
      assert.equal(fetch.calls, 1);
      for (const r of results) assert.deepEqual(r, { v: 'shared' });
      assert.equal(cache.stats().misses, 200);
    });

    it('fill lock: two caches on two clients fetch once for concurrent misses', async function () {
      const other = await newClient();
      const prefix = `cached${++seq}:`;
      const a = createCache({ client, prefix, lockPoll: 5 });
      const b = createCache({ client: other, prefix, lockPoll: 5 });
      caches.push(a, b);
      const fetch = counter('filled once', 80);
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).get('hot', fetch)));
      assert.equal(fetch.calls, 1);
      for (const r of results) assert.equal(r, 'filled once');
      assert.equal(await client.exists(`${prefix}__lock:hot`), 0, 'the lock is released');

      // A waiter that sees no value within lockWait fetches itself.
      const slow = counter('slow', 300);
      const c = createCache({ client, prefix, lockWait: 50, lockPoll: 5 });
      const d = createCache({ client: other, prefix, lockWait: 50, lockPoll: 5 });
      caches.push(c, d);
      const first = c.get('slow', slow);
      await waitFor(async () => (await client.exists(`${prefix}__lock:slow`)) === 1, 'the lock');
      assert.equal(await d.get('slow', slow), 'slow');
      assert.equal(await first, 'slow');
      assert.equal(slow.calls, 2);
    });

    it('refreshAhead serves the value and refreshes it once in the background', async function () {
      const cache = newCache();
      const fetch = counter((n) => `v${n}`, 20);
      const opts = { ttl: 1, refreshAhead: 0.5 };
      assert.equal(await cache.get('ra', fetch, opts), 'v1');
      assert.equal(await cache.get('ra', fetch, opts), 'v1');
      assert.equal(fetch.calls, 1, 'no refresh while more than half of the ttl is left');
      await sleep(550);
      const served = await Promise.all(Array.from({ length: 20 }, () => cache.get('ra', fetch, opts)));
      assert.deepEqual(served, Array(20).fill('v1'));
      await waitFor(async () => (await cache.get('ra')) === 'v2', 'the refreshed value');
      assert.equal(fetch.calls, 2);
    });

    it('staleWhileRevalidate serves a stale value and refreshes it once in the background', async function () {
      const cache = newCache();
      const p = `cached${seq}:`;
      const fetch = counter((n) => `v${n}`, 20);
      const opts = { ttl: 0.5, staleWhileRevalidate: 30 };
      assert.equal(await cache.get('swr', fetch, opts), 'v1');
      const pttl = await client.pTTL(p + 'swr');
      assert.ok(pttl > 29500 && pttl <= 30500, `the entry is kept for the window (PTTL ${pttl})`);
      await sleep(550);
      assert.equal(await cache.get('swr'), undefined, 'stale is not served without a fetch');
      const served = await Promise.all(Array.from({ length: 20 }, () => cache.get('swr', fetch, opts)));
      assert.deepEqual(served, Array(20).fill('v1'));
      assert.ok(cache.stats().stale >= 1);
      await waitFor(async () => (await cache.get('swr')) === 'v2', 'the refreshed value');
      assert.equal(fetch.calls, 2);

      // Past the window (a caller without staleWhileRevalidate) a stale entry is a miss.
      await sleep(550);
      assert.equal(await cache.get('swr', fetch), 'v3');
      assert.equal(fetch.calls, 3);
    });

    it('fetch errors reject every waiting caller and are not cached', async function () {
      const cache = newCache();
      let calls = 0;
      const failing = async () => {
        calls++;
        await sleep(20);
        throw new Error('database down');
      };
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => cache.get('err', failing)));
      for (const r of results) {
        assert.equal(r.status, 'rejected');
        assert.equal(r.reason.message, 'database down');
      }
      assert.equal(calls, 1);
      assert.equal(await client.exists(`cached${seq}:err`), 0);
      assert.equal(await client.exists(`cached${seq}:__lock:err`), 0);
      assert.equal(await cache.get('err', counter('recovered')), 'recovered');
    });

    it('client errors fail open: fetch is called and onError gets the error', async function () {
      const broken = await newClient();
      const errors = [];
      const cache = createCache({ client: broken, prefix: `cached${++seq}:`, onError: (err, info) => errors.push({ err, info }) });
      caches.push(cache);
      await broken.close();
      const fetch = counter({ ok: true });
      assert.deepEqual(await cache.get('k', fetch), { ok: true });
      assert.equal(fetch.calls, 1);
      assert.equal(errors.length, 1);
      assert.ok(errors[0].err instanceof env.lib.ClientClosedError);
      assert.equal(errors[0].err.message, 'The client is closed');
      assert.deepEqual(errors[0].info, { op: 'get', key: 'k' });
      assert.equal(await cache.get('k'), undefined); // no fetch: reported, a miss
      assert.equal(errors.length, 2);
      await assert.rejects(cache.set('k', 1), /The client is closed/); // explicit writes reject
    });

    it('invalidate by key, by tag and by pattern (the prefix\'s glob characters escaped)', async function () {
      const prefix = `cached${++seq}[x]*:`;
      const cache = createCache({ client, prefix, ttl: 60 });
      const lookalike = createCache({ client, prefix: `cached${seq}x-other:`, ttl: 60 });
      caches.push(cache, lookalike);
      const k = (key) => prefix + key;

      await cache.set('a', 1);
      assert.equal(await cache.del('a'), 1);
      assert.equal(await cache.del('a'), 0);
      assert.equal(await client.exists(k('a')), 0);

      await cache.set('u1', 'one', { tags: ['users'] });
      await cache.get('u2', counter('two'), { tags: ['users', 'all'], ttl: 120 });
      await cache.set('p1', 'post', { tags: 'posts' });
      const tagTtl = await client.pTTL(k('__tag:users'));
      assert.ok(tagTtl > 119000 && tagTtl <= 120000, `the tag set lives as long as its longest entry (${tagTtl})`);
      assert.deepEqual((await client.sMembers(k('__tag:users'))).sort(), [k('u1'), k('u2')]);
      assert.equal(await cache.invalidate({ tags: ['users'] }), 2);
      assert.equal(await client.exists([k('u1'), k('u2'), k('__tag:users')]), 0);
      assert.equal(await cache.get('p1'), 'post');

      for (const key of ['user:1', 'user:2', 'post:1', 'a*b', 'aXb']) await cache.set(key, key);
      await lookalike.set('user:1', 'not mine');
      assert.equal(await cache.invalidate({ pattern: 'user:*' }), 2);
      assert.equal(await cache.get('user:1'), undefined);
      assert.equal(await cache.get('post:1'), 'post:1');
      assert.equal(await lookalike.get('user:1'), 'not mine');
      assert.equal(await cache.invalidate({ pattern: escapeGlob('a*') + '*' }), 1);
      assert.equal(await cache.get('a*b'), undefined);
      assert.equal(await cache.get('aXb'), 'aXb');

      // '*' deletes every entry of the cache and none of its own keys (the 'posts' tag set).
      assert.equal(await cache.invalidate({ pattern: '*' }), 3);
      assert.equal(await client.exists(k('__tag:posts')), 1);
      assert.equal(await lookalike.get('user:1'), 'not mine');
      await assert.rejects(cache.get('__x', counter(1)), /reserved/);
    });

    it('namespace: bump() invalidates every entry of the namespace at once', async function () {
      const cache = newCache();
      const p = `cached${seq}:`;
      const users = cache.namespace('users');
      const posts = cache.namespace('posts');
      const fetch = counter((n) => `u${n}`);
      assert.equal(await users.version(), 0);
      assert.equal(await users.get('1', fetch), 'u1');
      assert.equal(await users.get('1', fetch), 'u1');
      await posts.set('1', 'post');
      await cache.set('1', 'root');
      assert.equal(await client.get(`${p}__ns:users:0:1`) !== null, true);

      assert.equal(await users.bump(), 1);
      assert.equal(await users.version(), 1);
      assert.equal(await users.get('1', fetch), 'u2');
      assert.equal(fetch.calls, 2);
      assert.equal(await posts.get('1'), 'post');
      assert.equal(await cache.get('1'), 'root');
      assert.equal(await client.exists(`${p}__ns:users:1:1`), 1);
      assert.ok((await client.pTTL(`${p}__ns:users:0:1`)) > 0, 'the old entry ages out by its TTL');
      assert.throws(() => cache.namespace('a:b'), /namespace name/);
    });

    it('local copies: an LRU of at most max entries in front of the client', async function () {
      const cache = newCache({ local: { max: 2, ttl: 60 } });
      const p = `cached${seq}:`;
      for (const key of ['a', 'b']) await cache.get(key, counter(key));
      assert.equal(cache.stats().localSize, 2);
      assert.equal(await cache.get('a'), 'a'); // 'a' becomes the most recently used
      await cache.get('c', counter('c')); // evicts 'b'
      assert.equal(cache.stats().localSize, 2);
      await client.del([p + 'a', p + 'b', p + 'c']); // behind the cache's back
      assert.equal(await cache.get('a'), 'a');
      assert.equal(await cache.get('c'), 'c');
      assert.equal(await cache.get('b'), undefined);
      // Every local hit parses a private copy.
      await cache.get('o', counter({ n: 1 }));
      const o1 = await cache.get('o');
      o1.n = 2;
      assert.deepEqual(await cache.get('o'), { n: 1 });
    });

    it('broadcast: a write or invalidation on one instance drops the other\'s local copy', async function () {
      const other = await newClient();
      const prefix = `cached${++seq}:`;
      const a = createCache({ client, prefix, local: { max: 100, ttl: 60 }, broadcast: true });
      const b = createCache({ client: other, prefix, local: { max: 100, ttl: 60 }, broadcast: true });
      caches.push(a, b);
      await Promise.all([a.ready(), b.ready()]);

      assert.equal(await a.get('k', counter('v1')), 'v1');
      const fetchB = counter('from b');
      assert.equal(await b.get('k', fetchB), 'v1');
      assert.equal(fetchB.calls, 0);
      assert.equal(b.stats().localSize, 1);
      await other.del(prefix + 'k'); // not through a cache: b keeps serving its copy
      assert.equal(await b.get('k'), 'v1');
      assert.equal(b.stats().localHits, 1);

      await a.set('k', 'v2');
      await waitFor(() => b.stats().localSize === 0, 'b to drop its copy after a.set');
      assert.equal(await b.get('k'), 'v2');
      assert.equal(b.stats().localSize, 1);

      await a.invalidate({ keys: ['k'] });
      await waitFor(() => b.stats().localSize === 0, 'b to drop its copy after a.invalidate');
      assert.equal(await b.get('k', fetchB), 'from b');
      assert.equal(fetchB.calls, 1);
      await waitFor(() => a.stats().localSize === 0, 'a to drop its copy after b filled the key');
    });

    it('close() unsubscribes and closes what the cache opened', async function () {
      const own = await newClient();
      const connected = async () => Number(/connected_clients:(\d+)/.exec(await client.info('clients'))[1]);
      const before = await connected();
      const cache = createCache({ client: own, prefix: `cached${++seq}:`, local: true, channel: `chan${seq}` });
      await cache.ready();
      assert.deepEqual(await client.pubSubNumSub(`chan${seq}`), { [`chan${seq}`]: 1 });
      await cache.get('k', counter('v')); // opens the lock's release connection
      assert.equal(await connected(), before + 2);
      await cache.close();
      await cache.close(); // idempotent
      assert.equal(await connected(), before);
      assert.deepEqual(await client.pubSubNumSub(`chan${seq}`), { [`chan${seq}`]: 0 });
      assert.equal(cache.stats().localSize, 0);
      await assert.rejects(cache.get('k', counter('v')), /cache is closed/);
      assert.equal(own.isOpen, true, 'the client is the caller\'s');
    });
  });
}
