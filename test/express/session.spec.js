'use strict';

// The express-session store (lib/session.js), as connect-redis 9 is specified in REFERENCE.md
// §17-18: express 5 + express-session over real HTTP, and the Store API called directly. Every
// test runs against a redlite client and against node-redis on a real redis-server; the real
// connect-redis is driven through the same HTTP flow on both.
const assert = require('node:assert');
const { once } = require('node:events');
const { setTimeout: sleep } = require('node:timers/promises');
const express = require('express');
const session = require('express-session');
const redis = require('redis');
const { RedisStore: ConnectRedisStore } = require('connect-redis');
const redlite = require('../..');
const { RedisStore } = require('../../lib/session');
const { startRedisServer } = require('../helpers/redis-server');

const SECRET = 'session-spec secret';
const DAY = 86400;

const BACKENDS = [
  {
    name: 'redlite',
    // A host of its own: this file's keyspace is not shared with the other spec files.
    start: async () => ({
      url: 'redis://session-spec.local:1',
      createClient: redlite.createClient,
      ClientClosedError: redlite.ClientClosedError,
      stop: async () => {}
    })
  },
  {
    name: 'node-redis on redis-server',
    start: async () => {
      const server = await startRedisServer();
      return {
        url: server.url,
        createClient: redis.createClient,
        ClientClosedError: redis.ClientClosedError,
        stop: server.stop
      };
    }
  }
];

/* A browser with a cookie jar of one: it sends back the session cookie it last received. */
class Browser {
  constructor(base) {
    this.base = base;
    this.cookie = null;
  }

  /* Resolves { status, body (parsed JSON), setCookie (the sid Set-Cookie header or null) }. */
  async request(method, path) {
    const headers = this.cookie ? { cookie: this.cookie } : {};
    const res = await fetch(this.base + path, { method, headers });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('sid=')) || null;
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return { status: res.status, body: await res.json(), setCookie };
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path) {
    return this.request('POST', path);
  }
}

/* The session id carried by a signed 'sid=s%3A<id>.<signature>' cookie. */
function sidOfCookie(cookie) {
  const value = decodeURIComponent(cookie.split(';')[0].slice('sid='.length));
  return value.slice(2, value.lastIndexOf('.'));
}

/* The test application: express 5 + express-session on 'store'. Resolves { base, errors,
 * close() }; 'errors' collects every error that reached the error handler. */
async function startApp(store, sessionOptions = {}) {
  const errors = [];
  const app = express();
  app.set('env', 'test');
  app.use(session({ store, secret: SECRET, name: 'sid', resave: false, saveUninitialized: false, ...sessionOptions }));
  const view = (req) => ({ id: req.sessionID, user: req.session.user ?? null, n: req.session.n ?? null });
  const saveThenReply = (req, res, next) => req.session.save((err) => (err ? next(err) : res.json(view(req))));

  app.get('/ping', (req, res) => res.json({ pong: true }));
  app.get('/me', (req, res) => res.json(view(req)));
  app.post('/login', (req, res) => {
    req.session.user = req.query.user || 'alice';
    req.session.n = 1;
    res.json(view(req));
  });
  app.post('/incr', async (req, res) => {
    const n = req.session.n;
    await sleep(Number(req.query.i || 0) % 5); // interleave concurrent requests
    req.session.n = n + 1;
    req.session.last = Number(req.query.i || 0);
    res.json({ ...view(req), last: req.session.last });
  });
  app.post('/regen', (req, res, next) => req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = 'bob';
    res.json(view(req));
  }));
  app.post('/logout', (req, res, next) => req.session.destroy((err) => (err ? next(err) : res.json({ bye: true }))));
  app.post('/bad', (req, res, next) => {
    if (req.query.kind === 'bigint') {
      req.session.big = 1n;
    } else {
      const cycle = {};
      cycle.self = cycle;
      req.session.cycle = cycle;
    }
    saveThenReply(req, res, next);
  });
  app.post('/blob', (req, res, next) => {
    req.session.blob = 'x'.repeat(Number(req.query.size));
    saveThenReply(req, res, next);
  });
  app.use((err, req, res, _next) => {
    errors.push(err);
    if (res.headersSent) return; // a save or touch that failed after the response was sent
    // A failed request commits no session change. express-session hashes req.session with
    // JSON.stringify again in res.end: with data JSON cannot encode it would throw a second
    // time, after marking the response ended, and the response would never be sent.
    req.session = null;
    res.status(500).json({ error: err.message });
  });

  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    errors,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    }
  };
}

/* Calls fn(cb) and resolves the arguments cb received. */
function viaCallback(fn) {
  return new Promise((resolve) => fn((...args) => resolve(args)));
}

/* A session as express-session hands it to the store (a cookie with no expiry) plus 'data'. */
const newSession = (data = {}) => ({
  cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' },
  ...data
});

describe('express-session store (lib/session.js)', () => {
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    assert.deepStrictEqual(unhandled, [], 'no unhandled rejection during the session tests');
  });

  for (const backend of BACKENDS) {
    describe(`session store on ${backend.name}`, () => {
      let env;
      let client; // the client every store uses, unless a test makes its own
      const cleanups = [];

      before(async () => {
        env = await backend.start();
        client = env.createClient({ url: env.url });
        await client.connect();
      });

      beforeEach(() => client.flushAll());

      afterEach(async () => {
        while (cleanups.length) await cleanups.pop()();
      });

      after(async () => {
        if (client) await client.close();
        if (env) await env.stop();
      });

      /* A store on 'client' (or options.client), an app on it and a browser for that app. */
      async function open(storeOptions = {}, sessionOptions = {}, Store = RedisStore) {
        const store = new Store({ client, ...storeOptions });
        const app = await startApp(store, sessionOptions);
        cleanups.push(app.close);
        return { store, app, browser: new Browser(app.base) };
      }

      async function newClient(url = env.url) {
        const c = env.createClient({ url });
        await c.connect();
        cleanups.push(async () => {
          if (c.isOpen) await c.close();
        });
        return c;
      }

      const stored = async (key) => JSON.parse(await client.get(key));

      /* The HTTP flow of REFERENCE.md §17: login, read (touch), modify, regenerate, logout, and
       * the store's length/ids/all/clear around it. */
      async function coreFlow(Store) {
        const { store, browser } = await open({ ttl: 100 }, {}, Store);
        const anonymous = await browser.get('/me');
        assert.deepStrictEqual([anonymous.status, anonymous.body.user, anonymous.setCookie], [200, null, null]);
        assert.strictEqual(await client.dbSize(), 0);

        const login = await browser.post('/login');
        const id = login.body.id;
        assert.strictEqual(sidOfCookie(login.setCookie), id);
        assert.deepStrictEqual(await stored(`sess:${id}`), newSession({ user: 'alice', n: 1 }));
        assert.strictEqual(await client.ttl(`sess:${id}`), 100);

        await client.expire(`sess:${id}`, 5);
        const me = await browser.get('/me');
        assert.deepStrictEqual(me.body, { id, user: 'alice', n: 1 });
        assert.strictEqual(me.setCookie, null);
        assert.strictEqual(await client.ttl(`sess:${id}`), 100, 'touched');

        assert.strictEqual((await browser.post('/incr')).body.n, 2);
        assert.strictEqual((await stored(`sess:${id}`)).n, 2);

        const other = new Browser(browser.base);
        const otherId = (await other.post('/login?user=carol')).body.id;
        assert.strictEqual(await store.length(), 2);
        assert.deepStrictEqual((await store.ids()).sort(), [id, otherId].sort());
        const all = await store.all();
        assert.deepStrictEqual(all.map((s) => [s.id, s.user]).sort(), [[id, 'alice'], [otherId, 'carol']].sort());

        const regen = await browser.post('/regen');
        assert.notStrictEqual(regen.body.id, id);
        assert.strictEqual(await client.exists(`sess:${id}`), 0);
        assert.strictEqual((await stored(`sess:${regen.body.id}`)).user, 'bob');

        assert.deepStrictEqual((await browser.post('/logout')).body, { bye: true });
        assert.strictEqual(await client.exists(`sess:${regen.body.id}`), 0);
        assert.deepStrictEqual((await browser.get('/me')).body.user, null);

        await client.set('unrelated', 'kept');
        assert.strictEqual(await store.clear(), null);
        assert.strictEqual(await store.length(), 0);
        assert.strictEqual((await other.get('/me')).body.user, null);
        assert.strictEqual(await client.get('unrelated'), 'kept');
      }

      describe('express-session over HTTP', () => {
        it('login creates a session: Set-Cookie, the key with the default TTL; later requests see it', async () => {
          const { browser } = await open();
          const anonymous = await browser.get('/me');
          assert.deepStrictEqual(anonymous.body, { id: anonymous.body.id, user: null, n: null });
          assert.strictEqual(anonymous.setCookie, null, 'saveUninitialized: false');
          assert.strictEqual(await client.dbSize(), 0);

          const login = await browser.post('/login');
          assert.match(login.setCookie, /^sid=s%3A[^;]+; Path=\/; HttpOnly$/);
          const id = sidOfCookie(login.setCookie);
          assert.strictEqual(login.body.id, id);
          assert.strictEqual(await client.get(`sess:${id}`),
            '{"cookie":{"originalMaxAge":null,"expires":null,"httpOnly":true,"path":"/"},"user":"alice","n":1}');
          assert.ok((await client.ttl(`sess:${id}`)) >= DAY - 1);

          const me = await browser.get('/me');
          assert.deepStrictEqual([me.status, me.body, me.setCookie], [200, { id, user: 'alice', n: 1 }, null]);
        });

        it('an unmodified request touches the session: TTL back to ttl, value unchanged', async () => {
          const { browser } = await open({ ttl: 100 });
          const { id } = (await browser.post('/login')).body;
          const key = `sess:${id}`;
          const value = await client.get(key);
          await client.expire(key, 3);
          assert.ok((await client.pTTL(key)) <= 3000);
          assert.strictEqual((await browser.get('/me')).body.user, 'alice');
          const pttl = await client.pTTL(key);
          assert.ok(pttl > 98000 && pttl <= 100000, `PTTL ${pttl}`);
          assert.strictEqual(await client.get(key), value);
        });

        it('a modified session is written again with a fresh TTL', async () => {
          const { browser } = await open({ ttl: 100 });
          const { id } = (await browser.post('/login')).body;
          await client.expire(`sess:${id}`, 3);
          assert.deepStrictEqual((await browser.post('/incr?i=7')).body, { id, user: 'alice', n: 2, last: 7 });
          assert.deepStrictEqual(await stored(`sess:${id}`), newSession({ user: 'alice', n: 2, last: 7 }));
          assert.strictEqual(await client.ttl(`sess:${id}`), 100);
        });

        it('regenerate gives a new id and removes the old key', async () => {
          const { browser } = await open();
          const { id } = (await browser.post('/login')).body;
          const regen = await browser.post('/regen');
          assert.notStrictEqual(regen.body.id, id);
          assert.strictEqual(sidOfCookie(regen.setCookie), regen.body.id);
          assert.strictEqual(await client.exists(`sess:${id}`), 0);
          assert.deepStrictEqual(await stored(`sess:${regen.body.id}`), newSession({ user: 'bob' }));
          assert.deepStrictEqual((await browser.get('/me')).body, { id: regen.body.id, user: 'bob', n: null });
        });

        it('logout (destroy) removes the key; the old cookie is then anonymous', async () => {
          const { browser } = await open();
          const { id } = (await browser.post('/login')).body;
          assert.deepStrictEqual((await browser.post('/logout')).body, { bye: true });
          assert.strictEqual(await client.exists(`sess:${id}`), 0);
          const after = await browser.get('/me');
          assert.deepStrictEqual([after.body.user, after.setCookie], [null, null]);
          assert.strictEqual(await client.dbSize(), 0);
        });

        it('a stale or forged cookie gets a fresh anonymous session', async () => {
          const { browser } = await open();
          const { id } = (await browser.post('/login')).body;
          await client.del(`sess:${id}`);
          const stale = await browser.get('/me');
          assert.deepStrictEqual([stale.body.user, stale.setCookie], [null, null]);
          assert.strictEqual(await client.dbSize(), 0, 'nothing written for an anonymous session');
          const relogin = await browser.post('/login?user=dave');
          assert.notStrictEqual(relogin.body.id, id);
          assert.strictEqual(sidOfCookie(relogin.setCookie), relogin.body.id);
          assert.strictEqual((await stored(`sess:${relogin.body.id}`)).user, 'dave');

          const forger = new Browser(browser.base);
          forger.cookie = `sid=s%3A${relogin.body.id}.forgedsignature`;
          const forged = await forger.get('/me');
          assert.deepStrictEqual([forged.body.user, forged.setCookie], [null, null]);
          assert.notStrictEqual(forged.body.id, relogin.body.id);
        });

        it('rolling: true re-sends the cookie on every request and refreshes the TTL', async () => {
          const { browser } = await open({}, { rolling: true, cookie: { maxAge: 60000 } });
          const login = await browser.post('/login');
          const key = `sess:${login.body.id}`;
          await client.expire(key, 3);
          const me = await browser.get('/me');
          assert.match(me.setCookie, /^sid=s%3A[^;]+; Path=\/; Expires=[^;]+; HttpOnly$/);
          assert.strictEqual(sidOfCookie(me.setCookie), login.body.id);
          const pttl = await client.pTTL(key);
          assert.ok(pttl > 58000 && pttl <= 60000, `PTTL ${pttl}`);

          const { browser: plain } = await open({}, { cookie: { maxAge: 60000 } });
          await plain.post('/login');
          assert.strictEqual((await plain.get('/me')).setCookie, null, 'without rolling no cookie is re-sent');
        });

        it('cookie.maxAge drives the TTL (the cookie expiry wins over ttl)', async () => {
          const { browser } = await open({ ttl: DAY }, { cookie: { maxAge: 30000 } });
          const { id } = (await browser.post('/login')).body;
          const pttl = await client.pTTL(`sess:${id}`);
          assert.ok(pttl > 28000 && pttl <= 30000, `PTTL ${pttl}`);
          // express-session computes originalMaxAge as expires - Date.now(), so a millisecond
          // that ticks between the two reads gives 29999.
          const { originalMaxAge } = (await stored(`sess:${id}`)).cookie;
          assert.ok(originalMaxAge >= 29990 && originalMaxAge <= 30000, `originalMaxAge ${originalMaxAge}`);
        });

        it('a ttl function decides the TTL, over the cookie expiry too', async () => {
          const ttl = (sess) => (sess.user === 'admin' ? 50 : 20);
          const { browser } = await open({ ttl }, { cookie: { maxAge: 60000 } });
          const admin = (await browser.post('/login?user=admin')).body.id;
          const bob = (await new Browser(browser.base).post('/login?user=bob')).body.id;
          assert.strictEqual(await client.ttl(`sess:${admin}`), 50);
          assert.strictEqual(await client.ttl(`sess:${bob}`), 20);
          await client.expire(`sess:${admin}`, 3);
          await browser.get('/me');
          assert.strictEqual(await client.ttl(`sess:${admin}`), 50, 'touch uses the function too');
        });

        it('disableTouch: an unmodified request leaves the TTL alone; a modification still sets it', async () => {
          const { browser } = await open({ ttl: 100, disableTouch: true });
          const { id } = (await browser.post('/login')).body;
          await client.expire(`sess:${id}`, 3);
          assert.strictEqual((await browser.get('/me')).body.user, 'alice');
          assert.ok((await client.pTTL(`sess:${id}`)) <= 3000, 'not touched');
          await browser.post('/incr');
          assert.strictEqual(await client.ttl(`sess:${id}`), 100);
        });

        it('disableTTL: sessions are stored without a TTL and touch does nothing', async () => {
          const { browser } = await open({ ttl: 100, disableTTL: true });
          const { id } = (await browser.post('/login')).body;
          assert.strictEqual(await client.ttl(`sess:${id}`), -1);
          assert.strictEqual((await browser.get('/me')).body.user, 'alice');
          assert.strictEqual(await client.ttl(`sess:${id}`), -1);
          assert.strictEqual((await browser.post('/incr')).body.n, 2);
          assert.deepStrictEqual([(await stored(`sess:${id}`)).n, await client.ttl(`sess:${id}`)], [2, -1]);
        });

        it('a custom serializer (asynchronous parse) is used for every read and write', async () => {
          const serializer = {
            stringify: (sess) => `b64:${Buffer.from(JSON.stringify(sess)).toString('base64')}`,
            parse: async (text) => JSON.parse(Buffer.from(text.slice(4), 'base64').toString())
          };
          const { store, browser } = await open({ serializer });
          const { id } = (await browser.post('/login')).body;
          const raw = await client.get(`sess:${id}`);
          assert.ok(raw.startsWith('b64:'), raw);
          assert.deepStrictEqual(await serializer.parse(raw), newSession({ user: 'alice', n: 1 }));
          assert.deepStrictEqual((await browser.get('/me')).body, { id, user: 'alice', n: 1 });
          assert.strictEqual((await browser.post('/incr')).body.n, 2);
          assert.deepStrictEqual(await store.all(), [{ ...newSession({ user: 'alice', n: 2, last: 0 }), id }]);
        });

        it("prefix '' keeps the session under the bare sid; another prefix is used as given", async () => {
          const { store, browser } = await open({ prefix: '' });
          const { id } = (await browser.post('/login')).body;
          assert.deepStrictEqual(await client.keys('*'), [id]);
          assert.strictEqual((await browser.get('/me')).body.user, 'alice');
          assert.deepStrictEqual(await store.ids(), [id]);
          await browser.post('/logout');
          assert.strictEqual(await client.dbSize(), 0);

          const { browser: other } = await open({ prefix: 'app2:' });
          const otherId = (await other.post('/login')).body.id;
          assert.deepStrictEqual(await client.keys('*'), [`app2:${otherId}`]);
        });

        it('20 concurrent requests on one session end in one of the written states', async () => {
          const { browser } = await open();
          const { id } = (await browser.post('/login')).body;
          const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => browser.post(`/incr?i=${i}`)));
          for (const r of replies) assert.strictEqual(r.status, 200);
          const written = replies.map((r) => ({ n: r.body.n, last: r.body.last }));
          const final = await stored(`sess:${id}`); // valid JSON, or this throws
          assert.deepStrictEqual(final.cookie, newSession().cookie);
          assert.strictEqual(final.user, 'alice');
          assert.ok(written.some((w) => w.n === final.n && w.last === final.last),
            `stored ${JSON.stringify(final)} is not one of the written states`);
          assert.deepStrictEqual((await browser.get('/me')).body, { id, user: 'alice', n: final.n });
          assert.strictEqual((await browser.post('/incr?i=99')).body.n, final.n + 1);
          assert.strictEqual((await stored(`sess:${id}`)).n, final.n + 1);
          assert.ok((await client.ttl(`sess:${id}`)) >= DAY - 1);
        });

        it('a session expires by its TTL: the next request is anonymous and the key is gone', async () => {
          const { browser } = await open({ ttl: 1 });
          const { id } = (await browser.post('/login')).body;
          assert.strictEqual(await client.exists(`sess:${id}`), 1);
          await sleep(1300);
          const me = await browser.get('/me');
          assert.deepStrictEqual([me.body.user, me.setCookie], [null, null]);
          assert.strictEqual(await client.exists(`sess:${id}`), 0);
          assert.strictEqual(await client.dbSize(), 0);
        });
      });

      describe('bad input over HTTP', () => {
        it('data JSON cannot encode (BigInt, cycle): 500, the stored session unchanged, the app serving', async () => {
          const { app, browser } = await open();
          const { id } = (await browser.post('/login')).body;
          const before = await client.get(`sess:${id}`);
          const big = await browser.post('/bad?kind=bigint');
          assert.deepStrictEqual([big.status, big.body], [500, { error: 'Do not know how to serialize a BigInt' }]);
          const cycle = await browser.post('/bad?kind=cycle');
          assert.strictEqual(cycle.status, 500);
          assert.match(cycle.body.error, /^Converting circular structure to JSON/);
          assert.strictEqual(await client.get(`sess:${id}`), before);
          assert.strictEqual(app.errors.length, 2);

          const fresh = new Browser(browser.base);
          assert.strictEqual((await fresh.post('/bad?kind=bigint')).status, 500);
          assert.strictEqual(fresh.cookie, null);
          assert.deepStrictEqual(await client.keys('*'), [`sess:${id}`], 'no partial write');
          assert.deepStrictEqual((await browser.get('/me')).body, { id, user: 'alice', n: 1 });
          assert.strictEqual((await fresh.post('/login')).status, 200);
        });

        it('a serializer error fails the save with a 500 and writes nothing', async () => {
          const serializer = {
            stringify(sess) {
              const text = JSON.stringify(sess);
              if (text.length > 1000) throw new RangeError('session too large');
              return text;
            },
            parse: JSON.parse
          };
          const { browser } = await open({ serializer });
          const anon = await browser.post('/blob?size=5000');
          assert.deepStrictEqual([anon.status, anon.body, anon.setCookie],
            [500, { error: 'Cannot serialize the session: session too large' }, null]);
          assert.strictEqual(await client.dbSize(), 0);

          const { id } = (await browser.post('/login')).body;
          const before = await client.get(`sess:${id}`);
          assert.strictEqual((await browser.post('/blob?size=5000')).status, 500);
          assert.strictEqual(await client.get(`sess:${id}`), before);
          assert.strictEqual((await browser.post('/blob?size=10')).status, 200);
          assert.strictEqual((await stored(`sess:${id}`)).blob, 'x'.repeat(10));
        });

        it('a closed client: 500 with the client error, no crash, no unhandled rejection', async () => {
          const own = await newClient();
          const { app, browser } = await open({ client: own });
          const { id } = (await browser.post('/login')).body;
          await own.close();

          const load = await browser.get('/me');
          assert.deepStrictEqual([load.status, load.body], [500, { error: 'The client is closed' }]);
          const anon = new Browser(browser.base);
          const save = await anon.post('/blob?size=1');
          assert.deepStrictEqual([save.status, save.body], [500, { error: 'The client is closed' }]);
          // express-session saves an implicitly modified session after sending the response:
          // the client's error then reaches next(err) once the 200 is out.
          assert.strictEqual((await new Browser(browser.base).post('/login')).status, 200);
          await sleep(20);
          assert.deepStrictEqual(app.errors.map((e) => [e.constructor.name, e.message]),
            Array(3).fill(['ClientClosedError', 'The client is closed']));
          assert.strictEqual((await anon.get('/ping')).status, 200);
          assert.strictEqual(await client.exists(`sess:${id}`), 1, 'the session itself is untouched');
          assert.deepStrictEqual(unhandled, []);
        });
      });

      describe('Store API called directly', () => {
        it('promises: set/get/touch/destroy resolve as connect-redis', async () => {
          const store = new RedisStore({ client, ttl: 100 });
          assert.strictEqual(await store.set('a', newSession({ user: 'x' })), null);
          assert.strictEqual(await client.get('sess:a'),
            '{"cookie":{"originalMaxAge":null,"expires":null,"httpOnly":true,"path":"/"},"user":"x"}');
          assert.strictEqual(await client.ttl('sess:a'), 100);
          assert.deepStrictEqual(await store.get('a'), newSession({ user: 'x' }));
          assert.strictEqual(await store.get('missing'), null);
          await client.expire('sess:a', 3);
          assert.strictEqual(await store.touch('a', newSession({ user: 'x' })), null);
          assert.strictEqual(await client.ttl('sess:a'), 100);
          assert.strictEqual(await store.destroy('a'), null);
          assert.strictEqual(await client.exists('sess:a'), 0);
          assert.strictEqual(await store.destroy('a'), null, 'destroying a missing session is fine');
        });

        it('callbacks: cb(err, data) as connect-redis', async () => {
          const store = new RedisStore({ client });
          const x = newSession({ user: 'x' });
          const y = newSession({ user: 'y' });
          assert.deepStrictEqual(await viaCallback((cb) => store.set('a', x, cb)), [null, null]);
          assert.deepStrictEqual(await viaCallback((cb) => store.set('b', y, cb)), [null, null]);
          assert.deepStrictEqual(await viaCallback((cb) => store.get('a', cb)), [null, newSession({ user: 'x' })]);
          assert.deepStrictEqual(await viaCallback((cb) => store.get('missing', cb)), [null, null]);
          await client.expire('sess:a', 3);
          assert.deepStrictEqual(await viaCallback((cb) => store.touch('a', newSession(), cb)), [null, null]);
          assert.ok((await client.ttl('sess:a')) >= DAY - 1);
          assert.deepStrictEqual(await viaCallback((cb) => store.length(cb)), [null, 2]);
          const [idsErr, ids] = await viaCallback((cb) => store.ids(cb));
          assert.deepStrictEqual([idsErr, ids.sort()], [null, ['a', 'b']]);
          const [allErr, all] = await viaCallback((cb) => store.all(cb));
          assert.deepStrictEqual([allErr, all.sort((p, q) => p.id.localeCompare(q.id))],
            [null, [{ ...newSession({ user: 'x' }), id: 'a' }, { ...newSession({ user: 'y' }), id: 'b' }]]);
          assert.deepStrictEqual(await viaCallback((cb) => store.destroy('a', cb)), [null, null]);
          assert.deepStrictEqual(await viaCallback((cb) => store.clear(cb)), [null, null]);
          assert.strictEqual(await client.dbSize(), 0);
          assert.deepStrictEqual(await viaCallback((cb) => store.clear(cb)), [null, null], 'clear on an empty store');
          assert.deepStrictEqual(await viaCallback((cb) => store.all(cb)), [null, []]);
          assert.deepStrictEqual(await viaCallback((cb) => store.ids(cb)), [null, []]);
        });

        it('with a callback the returned promise resolves to what the callback returns', async () => {
          const store = new RedisStore({ client });
          assert.strictEqual(await store.set('a', newSession(), () => 'cb result'), 'cb result');
          assert.strictEqual(await store.get('a', (err, sess) => sess.cookie.path), '/');
        });

        it('clear, length, ids and all only touch keys with the prefix', async () => {
          const others = {
            'other:1': 'o', sessx: 's', 'SESS:a': 'upper', sess: 'bare', 'app2:x': 'app', 'ab:1': 'glob'
          };
          for (const [key, value] of Object.entries(others)) await client.set(key, value);
          const store = new RedisStore({ client });
          const globby = new RedisStore({ client, prefix: 'a*:' });
          await store.set('s1', newSession());
          await store.set('s2', newSession());
          await globby.set('g1', newSession());
          assert.strictEqual(await store.length(), 2);
          assert.deepStrictEqual((await store.ids()).sort(), ['s1', 's2']);
          assert.deepStrictEqual((await store.all()).map((s) => s.id).sort(), ['s1', 's2']);
          assert.deepStrictEqual(await globby.ids(), ['g1'], "'a*:' matches itself only, not 'ab:1'");
          await store.clear();
          await globby.clear();
          assert.strictEqual(await store.length(), 0);
          for (const [key, value] of Object.entries(others)) assert.strictEqual(await client.get(key), value, key);
          assert.strictEqual(await client.dbSize(), Object.keys(others).length);
        });

        it('scanCount: sessions spread over many SCAN pages are each counted once', async () => {
          const store = new RedisStore({ client, scanCount: 3 });
          for (let i = 0; i < 25; i++) await store.set(`s${i}`, newSession({ i }));
          await client.set('unrelated', '1');
          assert.strictEqual(await store.length(), 25);
          const ids = await store.ids();
          assert.deepStrictEqual(ids.sort(), Array.from({ length: 25 }, (_, i) => `s${i}`).sort());
          const all = await store.all();
          assert.deepStrictEqual(all.map((s) => s.i).sort((p, q) => p - q), Array.from({ length: 25 }, (_, i) => i));
          await store.clear();
          assert.deepStrictEqual(await client.keys('*'), ['unrelated']);
        });

        it('a TTL <= 0 (an expired cookie, a ttl function returning 0) destroys the session', async () => {
          const store = new RedisStore({ client });
          await store.set('a', newSession({ user: 'x' }));
          const expired = newSession({ user: 'x' });
          expired.cookie.expires = new Date(Date.now() - 1000).toISOString();
          assert.deepStrictEqual(await viaCallback((cb) => store.set('a', expired, cb)), [null, null]);
          assert.strictEqual(await client.exists('sess:a'), 0);

          const zero = new RedisStore({ client, ttl: () => 0 });
          await store.set('b', newSession());
          assert.strictEqual(await zero.set('b', newSession()), null);
          assert.strictEqual(await client.exists('sess:b'), 0);
        });

        it('session data JSON cannot encode: a clear error, and the stored value is untouched', async () => {
          const store = new RedisStore({ client });
          await store.set('a', newSession({ user: 'x' }));
          const before = await client.get('sess:a');
          const cycle = newSession();
          cycle.self = cycle;
          for (const bad of [newSession({ n: 1n }), cycle]) {
            const [err, data] = await viaCallback((cb) => store.set('a', bad, cb));
            assert.ok(err.cause instanceof TypeError);
            assert.match(err.cause.message, /^(Do not know how to serialize a BigInt|Converting circular structure)/);
            assert.strictEqual(err.message, `Cannot serialize the session: ${err.cause.message}`);
            assert.strictEqual(data, null);
            await assert.rejects(store.set('b', bad), { message: err.message });
          }
          assert.strictEqual(await client.get('sess:a'), before);
          assert.deepStrictEqual(await client.keys('*'), ['sess:a']);
        });

        it('errors (closed client, corrupt value, throwing ttl function) reach cb and reject the promise', async () => {
          const own = await newClient();
          const store = new RedisStore({ client: own });
          await own.close();
          const calls = {
            get: (cb) => store.get('a', cb),
            set: (cb) => store.set('a', newSession(), cb),
            touch: (cb) => store.touch('a', newSession(), cb),
            destroy: (cb) => store.destroy('a', cb),
            clear: (cb) => store.clear(cb),
            length: (cb) => store.length(cb),
            ids: (cb) => store.ids(cb),
            all: (cb) => store.all(cb)
          };
          for (const [name, call] of Object.entries(calls)) {
            const [err, data] = await viaCallback(call);
            assert.deepStrictEqual([err && err.constructor.name, err && err.message, data],
              ['ClientClosedError', 'The client is closed', null], name);
            const closed = (e) => e instanceof env.ClientClosedError && e.message === 'The client is closed';
            await assert.rejects(call(), closed, name);
          }

          const live = new RedisStore({ client });
          await client.set('sess:corrupt', '{not json');
          const [parseErr] = await viaCallback((cb) => live.get('corrupt', cb));
          assert.ok(parseErr instanceof SyntaxError);
          await assert.rejects(live.all(), SyntaxError);

          const throwing = new RedisStore({ client, ttl: () => {
            throw new Error('no ttl today');
          } });
          const [ttlErr, ttlData] = await viaCallback((cb) => throwing.set('t', newSession(), cb));
          assert.deepStrictEqual([ttlErr.message, ttlData], ['no ttl today', null]);
          await assert.rejects(throwing.touch('t', newSession()), { message: 'no ttl today' });
          assert.strictEqual(await client.exists('sess:t'), 0);
        });

        it('a callback that throws is called once; the returned promise rejects with its error', async () => {
          const store = new RedisStore({ client });
          let calls = 0;
          const boom = new Error('callback bug');
          await assert.rejects(store.set('a', newSession(), () => {
            calls++;
            throw boom;
          }), (err) => err === boom);
          assert.strictEqual(calls, 1);
          assert.strictEqual(await client.exists('sess:a'), 1);
        });

        it('a cluster-shaped client (masters + nodeClient) is scanned master by master', async () => {
          const nodes = [await newClient(`${env.url}/1`), await newClient(`${env.url}/2`)];
          await nodes[0].set('sess:a', JSON.stringify(newSession()));
          await nodes[1].set('sess:b', JSON.stringify(newSession()));
          await nodes[1].set('other', '1');
          const cluster = { masters: [{ node: 0 }, { node: 1 }], nodeClient: async (m) => nodes[m.node] };
          const store = new RedisStore({ client: cluster });
          assert.deepStrictEqual((await store.ids()).sort(), ['a', 'b']);
          assert.strictEqual(await store.length(), 2);
          await nodes[0].flushDb();
          await nodes[1].flushDb();
        });

        it('options and defaults are connect-redis\'s', () => {
          const serializer = { stringify: String, parse: String };
          const ttl = () => 5;
          const optionSets = [
            {},
            { prefix: null, ttl: 0, scanCount: 0 },
            { prefix: '', ttl: 60, scanCount: 7, disableTouch: true, disableTTL: true, serializer },
            { prefix: 'p:', ttl }
          ];
          const fields = (store) => [store.client, store.prefix, store.ttl, store.scanCount, store.serializer,
            store.disableTTL, store.disableTouch];
          for (const options of optionSets) {
            const ours = new RedisStore({ client, ...options });
            const theirs = new ConnectRedisStore({ client, ...options });
            assert.deepStrictEqual(fields(ours), fields(theirs), JSON.stringify(options));
            assert.ok(ours instanceof session.Store);
          }
          assert.deepStrictEqual(fields(new RedisStore({ client })).slice(1), ['sess:', DAY, 100, JSON, false, false]);
          assert.throws(() => new RedisStore({}),
            { name: 'TypeError', message: 'RedisStore: the "client" option is required' });
        });

        it('writes the same keys, values and TTLs as connect-redis', async () => {
          const withExpiry = newSession({ user: 'x' });
          withExpiry.cookie.expires = new Date(Date.now() + 45000).toISOString();
          withExpiry.cookie.originalMaxAge = 45000;
          for (const options of [{}, { ttl: 77 }, { disableTTL: true }]) {
            const ours = new RedisStore({ client, prefix: 'ours:', ...options });
            const theirs = new ConnectRedisStore({ client, prefix: 'theirs:', ...options });
            for (const store of [ours, theirs]) {
              await store.set('a', newSession({ user: 'x', list: [1, 'two', null] }));
              await store.set('b', withExpiry);
            }
            for (const sid of ['a', 'b']) {
              assert.strictEqual(await client.get(`ours:${sid}`), await client.get(`theirs:${sid}`));
              const ttls = [await client.ttl(`ours:${sid}`), await client.ttl(`theirs:${sid}`)];
              assert.strictEqual(ttls[0], ttls[1], JSON.stringify(options));
            }
            assert.deepStrictEqual((await ours.all()).map(({ id, ...s }) => [id, s]).sort(),
              (await theirs.all()).map(({ id, ...s }) => [id, s]).sort());
            await client.flushDb();
          }
        });
      });

      describe('the same HTTP flow on both stores', () => {
        it('redlite\'s RedisStore: login, read, touch, modify, regenerate, logout, length/ids/all/clear',
          () => coreFlow(RedisStore));

        it(`connect-redis 9 with a ${backend.name} client: the same flow`, () => coreFlow(ConnectRedisStore));
      });
    });
  }
});
