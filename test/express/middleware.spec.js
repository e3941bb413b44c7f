'use strict';

// The route cache middleware (lib/cache/middleware.js) in real express 5 apps over real
// HTTP (Node's fetch), run twice: on a redlite client and on node-redis against a real
// redis-server. Each test uses its own key prefix, its own app and counts how often the
// route really ran.
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { Buffer } = require('node:buffer');
const express = require('express');
const etag = require('etag');
const redis = require('redis');
const redlite = require('../..');
const { cacheMiddleware } = require('../../lib/cache/middleware');
const { startRedisServer } = require('../helpers/redis-server');

const OOM = /^OOM command not allowed/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

let seq = 0;
const freshPrefix = () => `mwspec:${process.pid}:${seq++}:`;

// One backend per run: a connected client, and what the tests need to open others.
const backends = [
  {
    name: 'redlite',
    RESP_TYPES: redlite.RESP_TYPES,
    async start() {
      this.client = redlite.createClient();
      await this.client.connect();
    },
    async stop() {
      await this.client.close();
    },
    openClient() {
      return redlite.createClient();
    },
    // A client whose keyspace refuses writes with OOM (maxmemory + noeviction).
    async oomClient() {
      const client = redlite.createClient({
        url: `redis://mw-oom-spec:${6400 + seq++}`, maxmemory: '1mb', maxmemoryPolicy: 'noeviction'
      });
      await client.connect();
      await fillUntilOom(client);
      return {
        client,
        restore: async () => {
          await client.flushAll(); // allowed under OOM; this keyspace is the test's own
          await client.close();
        }
      };
    }
  },
  {
    name: 'node-redis + redis-server',
    RESP_TYPES: redis.RESP_TYPES,
    async start() {
      this.server = await startRedisServer();
      this.client = redis.createClient({ url: this.server.url });
      await this.client.connect();
    },
    async stop() {
      if (this.client) await this.client.close();
      if (this.server) await this.server.stop();
    },
    openClient() {
      return redis.createClient({ url: this.server.url });
    },
    async oomClient() {
      const client = this.client;
      const saved = await client.configGet('maxmemory*');
      await client.configSet({ maxmemory: '1', 'maxmemory-policy': 'noeviction' });
      const written = await fillUntilOom(client);
      return {
        client,
        restore: async () => {
          if (written.length) await client.del(written);
          await client.configSet({ maxmemory: saved.maxmemory, 'maxmemory-policy': saved['maxmemory-policy'] });
        }
      };
    },
    // Cut every connection to the server but the test's own client.
    killOthers() {
      return this.client.sendCommand(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']);
    },
    // Stall every command of every connection for 'ms' (a network that stops answering).
    pause(ms) {
      return this.client.sendCommand(['CLIENT', 'PAUSE', String(ms), 'ALL']);
    }
  }
];

// Writes 10 kB values until the keyspace refuses one with OOM; resolves the keys written.
// Fails if no OOM comes.
async function fillUntilOom(client) {
  const written = [];
  for (let i = 0; i < 1000; i++) {
    const key = `mwspec:fill:${i}`;
    try {
      await client.set(key, 'x'.repeat(10000));
      written.push(key);
    } catch (err) {
      assert.match(err.message, OOM);
      return written; // left in place: the keyspace stays over its limit
    }
  }
  assert.fail('the keyspace never answered OOM');
}

// GET (or 'init') 'url'; the response with its body as a Buffer.
async function request(url, init = {}) {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(res.headers);
  return { status: res.status, headers, body, text: body.toString('utf8'), cache: headers['x-cache'] };
}

// Headers that must be the same on a MISS and on its HIT (not the per-response ones).
function comparable(headers) {
  const out = { ...headers };
  for (const name of ['x-cache', 'date', 'connection', 'keep-alive']) delete out[name];
  return out;
}

// A promise the test opens: 'wait()' resolves once 'open(why)' was called ('why' kept).
function gate() {
  let open;
  const opened = new Promise((resolve) => {
    open = resolve;
  });
  const g = { wait: () => opened, open: (why) => {
    if (!g.why) g.why = why;
    open();
  } };
  return g;
}

// Middleware that opens 'g' when 'n' requests have reached the app (or after 5 s, so that a
// client that cannot send them all at once fails the test instead of hanging it).
function openAfter(g, n) {
  let arrived = 0;
  const timer = setTimeout(() => g.open('timeout'), 5000).unref();
  return (req, res, next) => {
    if (++arrived === n) {
      clearTimeout(timer);
      g.open('all arrived');
    }
    next();
  };
}

// fetch sends Cache-Control: no-cache with conditional headers unless told otherwise; a
// browser revalidating sends max-age=0.
const conditional = (headers) => ({ headers: { 'cache-control': 'max-age=0', ...headers } });

for (const backend of backends) {
  describe(`cacheMiddleware on ${backend.name}`, function () {
    let client;
    let servers = [];
    let middlewares = [];

    before(async function () {
      await backend.start();
      client = backend.client;
    });

    after(async function () {
      await backend.stop();
    });

    afterEach(async function () {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
      servers = [];
      await Promise.all(middlewares.map((mw) => mw.close()));
      middlewares = [];
    });

    // A middleware on this backend's client with a prefix of its own (options override).
    function cache(options = {}) {
      const mw = cacheMiddleware({ client, prefix: freshPrefix(), jitter: 0, ...options });
      middlewares.push(mw);
      return mw;
    }

    // An express app built by 'build', listening on loopback; resolves its base URL.
    async function serve(build) {
      const app = express();
      build(app);
      const server = app.listen(0, '127.0.0.1');
      servers.push(server);
      await once(server, 'listening');
      return `http://127.0.0.1:${server.address().port}`;
    }

    // A route that counts its runs: handler(req, res, run number).
    function counted(handler) {
      const route = (req, res, next) => {
        route.runs++;
        return handler(req, res, route.runs, next);
      };
      route.runs = 0;
      return route;
    }

    describe('responses are stored and replayed byte for byte', function () {
      async function missThenHit(route, path = '/r', options = {}) {
        const base = await serve((app) => app.get(path, cache(options), route));
        const miss = await request(base + path);
        const hit = await request(base + path);
        assert.equal(miss.cache, 'MISS');
        assert.equal(hit.cache, 'HIT');
        assert.equal(hit.status, miss.status);
        assert.deepEqual(comparable(hit.headers), comparable(miss.headers));
        assert.deepEqual(hit.body, miss.body);
        assert.equal(route.runs, 1);
        return miss;
      }

      it('res.json: MISS then HIT with the same status, headers and body', async function () {
        const route = counted((req, res) => res.json({ id: 1, name: 'café ☕' }));
        const miss = await missThenHit(route);
        assert.equal(miss.status, 200);
        assert.deepEqual(JSON.parse(miss.text), { id: 1, name: 'café ☕' });
        assert.match(miss.headers['content-type'], /^application\/json/);
        assert.equal(miss.headers['x-powered-by'], 'Express');
      });

      it('res.send with a string', async function () {
        const route = counted((req, res) => res.type('html').send('<p>héllo</p>'));
        const miss = await missThenHit(route);
        assert.equal(miss.text, '<p>héllo</p>');
        assert.match(miss.headers['content-type'], /^text\/html/);
      });

      it('res.send with a Buffer holding every byte 0-255', async function () {
        const prefix = freshPrefix();
        const route = counted((req, res) => res.type('application/octet-stream').send(ALL_BYTES));
        const miss = await missThenHit(route, '/r', { prefix });
        assert.deepEqual(miss.body, ALL_BYTES);
        assert.equal(miss.headers['content-length'], '256');
        // Stored as raw bytes after the entry's head (no base64, no text round trip).
        const stored = await client.withTypeMapping({ [backend.RESP_TYPES.BLOB_STRING]: Buffer }).get(`${prefix}/r`);
        assert.deepEqual(stored.subarray(0, 4), Buffer.from('RLC1'));
        assert.deepEqual(stored.subarray(stored.length - 256), ALL_BYTES);
      });

      it('res.write + res.end with strings and Buffers (no Content-Length from the route)', async function () {
        const route = counted((req, res) => {
          res.setHeader('Content-Type', 'application/x-mixed');
          res.write('début ');
          res.write(ALL_BYTES);
          res.write(Buffer.from('ff00', 'hex'), () => {});
          res.end(' fin', 'utf8');
        });
        const miss = await missThenHit(route);
        const expected = Buffer.concat([Buffer.from('début '), ALL_BYTES, Buffer.from([0xff, 0]), Buffer.from(' fin')]);
        assert.deepEqual(miss.body, expected);
        assert.equal(miss.headers['content-length'], String(expected.length));
        assert.equal(miss.headers.etag, etag(expected, { weak: true }));
        assert.equal(miss.headers['transfer-encoding'], undefined);
      });

      it('writeHead with headers, and a 0-byte body', async function () {
        const route = counted((req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Custom': 'yes' });
          res.end();
        });
        const miss = await missThenHit(route);
        assert.equal(miss.headers['x-custom'], 'yes');
        assert.equal(miss.body.length, 0);
      });
    });

    describe('keys', function () {
      it('the query string is part of the key', async function () {
        const route = counted((req, res) => res.send(`a=${req.query.a}`));
        const base = await serve((app) => app.get('/q', cache(), route));
        assert.equal((await request(`${base}/q?a=1`)).cache, 'MISS');
        assert.equal((await request(`${base}/q?a=2`)).cache, 'MISS');
        const one = await request(`${base}/q?a=1`);
        const two = await request(`${base}/q?a=2`);
        assert.deepEqual([one.cache, one.text, two.cache, two.text], ['HIT', 'a=1', 'HIT', 'a=2']);
        assert.equal(route.runs, 2);
      });

      it('Vary: one entry per value of the header; Vary: * is never stored', async function () {
        const route = counted((req, res) => res.vary('Accept-Language').send(`lang=${req.headers['accept-language']}`));
        const star = counted((req, res) => res.set('Vary', '*').send('any'));
        const base = await serve((app) => {
          app.get('/v', cache(), route);
          app.get('/star', cache(), star);
        });
        const en = { headers: { 'accept-language': 'en' } };
        const fr = { headers: { 'accept-language': 'fr' } };
        assert.equal((await request(`${base}/v`, en)).cache, 'MISS');
        assert.equal((await request(`${base}/v`, fr)).cache, 'MISS');
        const [hitEn, hitFr] = [await request(`${base}/v`, en), await request(`${base}/v`, fr)];
        assert.deepEqual([hitEn.cache, hitEn.text, hitFr.cache, hitFr.text], ['HIT', 'lang=en', 'HIT', 'lang=fr']);
        assert.equal(hitEn.headers.vary, 'Accept-Language');
        assert.equal(route.runs, 2);

        const a = await request(`${base}/star`);
        const b = await request(`${base}/star`);
        assert.deepEqual([a.cache, b.cache, star.runs], ['MISS', 'MISS', 2]);
      });

      it('a value at the key that the cache did not write is a miss, never served', async function () {
        const prefix = freshPrefix();
        const errors = [];
        const route = counted((req, res, n) => res.send(`real ${n}`));
        const base = await serve((app) => app.get('/k', cache({ prefix, onError: (e) => errors.push(e) }), route));
        await request(`${base}/k`);
        await client.set(`${prefix}/k`, 'garbage that is not an entry');
        const after = await request(`${base}/k`);
        assert.deepEqual([after.cache, after.text], ['MISS', 'real 2']);
        assert.deepEqual([(await request(`${base}/k`)).text, errors.length], ['real 2', 0]);
        // A value of another type: the read fails (WRONGTYPE), the route serves, the write
        // replaces it.
        await client.del(`${prefix}/k`);
        await client.rPush(`${prefix}/k`, ['a', 'list']);
        const wrongType = await request(`${base}/k`);
        assert.deepEqual([wrongType.status, wrongType.text], [200, 'real 3']);
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /^WRONGTYPE/);
      });
    });

    describe('methods and statuses', function () {
      it('HEAD is answered from the GET entry and never fills it', async function () {
        const route = counted((req, res) => res.send('body of the GET'));
        const base = await serve((app) => app.get('/h', cache(), route));
        const coldHead = await request(`${base}/h`, { method: 'HEAD' });
        assert.deepEqual([coldHead.status, coldHead.cache, coldHead.body.length], [200, 'MISS', 0]);
        const get = await request(`${base}/h`);
        assert.equal(get.cache, 'MISS'); // the HEAD stored nothing
        const head = await request(`${base}/h`, { method: 'HEAD' });
        assert.deepEqual([head.status, head.cache, head.body.length], [200, 'HIT', 0]);
        assert.equal(head.headers['content-length'], String('body of the GET'.length));
        assert.equal(head.headers.etag, get.headers.etag);
        assert.equal(route.runs, 2);
      });

      it('only 200 is stored by default; the statuses option adds others', async function () {
        const created = counted((req, res) => res.status(201).send('made'));
        const missing = counted((req, res) => res.status(404).send('no such thing'));
        const missingCached = counted((req, res) => res.status(404).send('no such thing'));
        const base = await serve((app) => {
          app.get('/201', cache(), created);
          app.get('/404', cache(), missing);
          app.get('/404c', cache({ statuses: [200, 404] }), missingCached);
        });
        for (let i = 0; i < 2; i++) {
          const r = await request(`${base}/201`);
          assert.deepEqual([r.status, r.cache], [201, 'MISS']);
          assert.equal((await request(`${base}/404`)).cache, 'MISS');
        }
        assert.deepEqual([created.runs, missing.runs], [2, 2]);
        assert.equal((await request(`${base}/404c`)).cache, 'MISS');
        const hit = await request(`${base}/404c`);
        assert.deepEqual([hit.status, hit.cache, hit.text, missingCached.runs], [404, 'HIT', 'no such thing', 1]);
      });

      it('POST is not cached by default', async function () {
        const route = counted((req, res) => res.send('posted'));
        const base = await serve((app) => app.post('/p', cache(), route));
        await request(`${base}/p`, { method: 'POST' });
        const second = await request(`${base}/p`, { method: 'POST' });
        assert.equal(second.cache, undefined);
        assert.equal(route.runs, 2);
      });
    });

    describe('HTTP validators and Cache-Control', function () {
      it("keeps the route's ETag and answers 304 to a matching If-None-Match", async function () {
        const route = counted((req, res) => res.set('ETag', '"v1"').send('versioned'));
        const base = await serve((app) => app.get('/e', cache(), route));
        // A conditional request on a cold key: the route runs for the full response (stored),
        // the client gets 304.
        const cold = await request(`${base}/e`, conditional({ 'if-none-match': '"v1"' }));
        assert.deepEqual([cold.status, cold.cache, cold.body.length], [304, 'MISS', 0]);
        assert.equal(cold.headers.etag, '"v1"');
        const full = await request(`${base}/e`);
        assert.deepEqual([full.status, full.cache, full.text, full.headers.etag], [200, 'HIT', 'versioned', '"v1"']);
        const notModified = await request(`${base}/e`, conditional({ 'if-none-match': 'W/"other", "v1"' }));
        assert.deepEqual([notModified.status, notModified.cache, notModified.body.length], [304, 'HIT', 0]);
        assert.equal(notModified.headers['content-type'], undefined);
        const changed = await request(`${base}/e`, conditional({ 'if-none-match': '"v0"' }));
        assert.deepEqual([changed.status, changed.text], [200, 'versioned']);
        assert.equal(route.runs, 1);
      });

      it('a malformed If-None-Match gets the full response', async function () {
        const route = counted((req, res) => res.set('ETag', '"v1"').send('versioned'));
        const base = await serve((app) => app.get('/m', cache(), route));
        await request(`${base}/m`);
        for (const bad of ['"v1', 'v1"', ',,,', 'W/', '"v1" "v1"', '\t']) {
          const r = await request(`${base}/m`, conditional({ 'if-none-match': bad }));
          assert.deepEqual([r.status, r.text, r.cache], [200, 'versioned', 'HIT'], `If-None-Match: ${bad}`);
        }
        assert.equal(route.runs, 1);
      });

      it('an ETag computed from the body when the route sets none; If-Modified-Since works too', async function () {
        const lastModified = 'Wed, 01 Jan 2025 00:00:00 GMT';
        const route = counted((req, res) => {
          res.setHeader('Last-Modified', lastModified);
          res.end('streamed');
        });
        const base = await serve((app) => app.get('/c', cache(), route));
        const miss = await request(`${base}/c`);
        assert.equal(miss.headers.etag, etag(Buffer.from('streamed'), { weak: true }));
        const byEtag = await request(`${base}/c`, conditional({ 'if-none-match': miss.headers.etag }));
        const byDate = await request(`${base}/c`, conditional({ 'if-modified-since': 'Thu, 02 Jan 2025 00:00:00 GMT' }));
        const older = await request(`${base}/c`, conditional({ 'if-modified-since': 'Tue, 31 Dec 2024 00:00:00 GMT' }));
        assert.deepEqual([byEtag.status, byDate.status, older.status, older.text], [304, 304, 200, 'streamed']);
        assert.equal(route.runs, 1);
      });

      it('Cache-Control: set when the route set none, kept when it did', async function () {
        const plain = counted((req, res) => res.send('plain'));
        const own = counted((req, res) => res.set('Cache-Control', 'public, max-age=5').send('own'));
        const base = await serve((app) => {
          const mw = cache({ cacheControl: 'public, max-age=300' });
          app.get('/plain', mw, plain);
          app.get('/own', mw, own);
        });
        for (let i = 0; i < 2; i++) {
          assert.equal((await request(`${base}/plain`)).headers['cache-control'], 'public, max-age=300');
          assert.equal((await request(`${base}/own`)).headers['cache-control'], 'public, max-age=5');
        }
        assert.deepEqual([plain.runs, own.runs], [1, 1]);
      });

      it('responses with Cache-Control no-store, private or no-cache are not stored', async function () {
        const routes = {};
        const base = await serve((app) => {
          for (const cc of ['no-store', 'private', 'private, max-age=60', 'no-cache']) {
            const path = `/${cc.replace(/\W+/g, '-')}`;
            routes[path] = counted((req, res) => res.set('Cache-Control', cc).send(cc));
            app.get(path, cache(), routes[path]);
          }
        });
        for (const path of Object.keys(routes)) {
          const a = await request(base + path);
          const b = await request(base + path);
          assert.deepEqual([a.cache, b.cache, routes[path].runs], ['MISS', 'MISS', 2], path);
        }
      });

      it('a request with Cache-Control: no-cache runs the route and replaces the entry', async function () {
        const route = counted((req, res, n) => res.send(`version ${n}`));
        const base = await serve((app) => app.get('/n', cache(), route));
        assert.equal((await request(`${base}/n`)).text, 'version 1');
        assert.equal((await request(`${base}/n`)).cache, 'HIT');
        const reload = await request(`${base}/n`, { headers: { 'cache-control': 'no-cache' } });
        assert.deepEqual([reload.cache, reload.text], ['MISS', 'version 2']);
        const pragma = await request(`${base}/n`, { headers: { pragma: 'no-cache' } });
        assert.deepEqual([pragma.cache, pragma.text], ['MISS', 'version 3']);
        const after = await request(`${base}/n`);
        assert.deepEqual([after.cache, after.text], ['HIT', 'version 3']);
      });

      it('a no-cache request never gets the response of a run begun before it arrived', async function () {
        const first = gate();
        const running = gate();
        const route = counted(async (req, res, n) => {
          if (n === 1) {
            running.open();
            await first.wait();
          }
          res.send(`version ${n}`);
        });
        const bothIn = gate();
        const base = await serve((app) => app.get('/nc', openAfter(bothIn, 2), cache(), route));
        const plain = request(`${base}/nc`);
        await running.wait(); // the first run has begun (and waits)
        const reload = request(`${base}/nc`, { headers: { 'cache-control': 'no-cache' } });
        await bothIn.wait();
        assert.equal(bothIn.why, 'all arrived');
        first.open();
        const [a, b] = await Promise.all([plain, reload]);
        assert.deepEqual([a.cache, a.text, b.cache, b.text], ['MISS', 'version 1', 'MISS', 'version 2']);
        assert.equal((await request(`${base}/nc`)).text, 'version 2');
      });
    });

    describe('safety', function () {
      it('a response with Set-Cookie is never stored, nor a cookie replayed', async function () {
        const route = counted((req, res, n) => {
          if (n === 1) res.cookie('session', 'secret-of-user-1');
          res.send(`page ${n}`);
        });
        const base = await serve((app) => app.get('/sc', cache(), route));
        const first = await request(`${base}/sc`);
        assert.match(first.headers['set-cookie'], /secret-of-user-1/);
        const second = await request(`${base}/sc`);
        assert.deepEqual([second.cache, second.text, second.headers['set-cookie']], ['MISS', 'page 2', undefined]);
        const third = await request(`${base}/sc`);
        assert.deepEqual([third.cache, third.text, third.headers['set-cookie']], ['HIT', 'page 2', undefined]);
      });

      it('Authorization and the session cookie bypass the cache', async function () {
        const route = counted((req, res, n) => res.send(`page ${n}`));
        const custom = counted((req, res, n) => res.send(`page ${n}`));
        const base = await serve((app) => {
          app.get('/a', cache(), route);
          app.get('/custom', cache({ sessionCookie: 'sid' }), custom);
        });
        await request(`${base}/a`); // stored, anonymous
        for (const headers of [{ authorization: 'Bearer user-1' }, { cookie: 'theme=dark; connect.sid=s%3Aabc' }]) {
          const r = await request(`${base}/a`, { headers });
          assert.equal(r.cache, undefined);
          assert.notEqual(r.text, 'page 1');
        }
        assert.equal(route.runs, 3);
        const other = await request(`${base}/a`, { headers: { cookie: 'theme=dark' } });
        assert.deepEqual([other.cache, other.text], ['HIT', 'page 1']);

        await request(`${base}/custom`, { headers: { cookie: 'connect.sid=not-ours' } });
        assert.equal((await request(`${base}/custom`, { headers: { cookie: 'connect.sid=not-ours' } })).cache, 'HIT');
        assert.equal((await request(`${base}/custom`, { headers: { cookie: 'sid=ours' } })).cache, undefined);
        assert.equal(custom.runs, 2);
      });

      it('cacheAuthenticated caches per user with a key that includes the user', async function () {
        assert.throws(() => cacheMiddleware({ client, cacheAuthenticated: true }), TypeError);
        const route = counted((req, res, n) => res.send(`${req.headers.authorization} ${n}`));
        const mw = cache({ cacheAuthenticated: true, key: (req) => `${req.headers.authorization || 'anon'}|${req.originalUrl}` });
        const base = await serve((app) => app.get('/me', mw, route));
        const alice = { headers: { authorization: 'alice' } };
        const bob = { headers: { authorization: 'bob' } };
        assert.equal((await request(`${base}/me`, alice)).cache, 'MISS');
        const bobFirst = await request(`${base}/me`, bob);
        assert.deepEqual([bobFirst.cache, bobFirst.text], ['MISS', 'bob 2']);
        const aliceAgain = await request(`${base}/me`, alice);
        const bobAgain = await request(`${base}/me`, bob);
        assert.deepEqual([aliceAgain.cache, aliceAgain.text, bobAgain.cache, bobAgain.text], ['HIT', 'alice 1', 'HIT', 'bob 2']);
      });

      it('rejects bad options', function () {
        assert.throws(() => cacheMiddleware({}), TypeError);
        assert.throws(() => cacheMiddleware({ client, ttl: 0 }), TypeError);
        assert.throws(() => cacheMiddleware({ client, statuses: '200' }), TypeError);
        assert.throws(() => cacheMiddleware({ client, lockTtl: 1.5 }), TypeError);
      });
    });

    describe('expiry', function () {
      it('an entry expires after ttl', async function () {
        const prefix = freshPrefix();
        const route = counted((req, res, n) => res.send(`v${n}`));
        const base = await serve((app) => app.get('/t', cache({ prefix, ttl: 0.5 }), route));
        await request(`${base}/t`);
        assert.equal((await request(`${base}/t`)).cache, 'HIT');
        const pttl = await client.pTTL(`${prefix}/t`);
        assert.ok(pttl > 0 && pttl <= 500, `pTTL ${pttl}`);
        await sleep(550);
        const after = await request(`${base}/t`);
        assert.deepEqual([after.cache, after.text], ['MISS', 'v2']);
      });

      it('jitter spreads TTLs within ttl .. ttl + jitter (fraction and seconds)', async function () {
        for (const [jitter, max] of [[0.5, 150000], [20, 120000]]) {
          const prefix = freshPrefix();
          const mw = cache({ prefix, ttl: 100, jitter });
          const base = await serve((app) => app.get('/j/:n', mw, (req, res) => res.send(req.params.n)));
          const before = Date.now();
          await Promise.all(Array.from({ length: 30 }, (_, i) => request(`${base}/j/${i}`)));
          const elapsed = Date.now() - before;
          const ttls = await Promise.all(Array.from({ length: 30 }, (_, i) => client.pTTL(`${prefix}/j/${i}`)));
          for (const pttl of ttls) assert.ok(pttl >= 100000 - elapsed - 1000 && pttl <= max, `pTTL ${pttl}`);
          assert.ok(Math.max(...ttls) - Math.min(...ttls) > 1000, `spread of ${ttls}`);
        }
      });

      it('stale-while-revalidate: serves STALE and refreshes once in the background', async function () {
        const refreshing = gate();
        const route = counted(async (req, res, n) => {
          if (n > 1) await refreshing.wait();
          res.send(`version ${n}`);
        });
        const mw = cache({ ttl: 0.2, staleWhileRevalidate: 30 });
        // Mounted sub-app: the refresh is dispatched through the top application.
        const base = await serve((app) => {
          const sub = express();
          sub.get('/s', mw, route);
          app.use('/api', sub);
        });
        assert.equal((await request(`${base}/api/s`)).text, 'version 1');
        await sleep(250);
        const burst = await Promise.all(Array.from({ length: 20 }, () => request(`${base}/api/s`)));
        try {
          for (const r of burst) assert.deepEqual([r.status, r.cache, r.text], [200, 'STALE', 'version 1']);
          for (let i = 0; i < 80 && route.runs < 2; i++) await sleep(25);
          await sleep(50);
          assert.equal(route.runs, 2); // one refresh, waiting on the gate
        } finally {
          refreshing.open();
        }
        let fresh;
        for (let i = 0; i < 100 && !(fresh && fresh.cache === 'HIT'); i++) {
          await sleep(50);
          fresh = await request(`${base}/api/s`);
        }
        assert.deepEqual([fresh.cache, fresh.text], ['HIT', 'version 2']);
        assert.equal(route.runs, 2);
      });
    });

    describe('size', function () {
      it('a body over maxSize is served whole but not stored', async function () {
        const big = Buffer.alloc(5000, 'b');
        const sent = counted((req, res) => res.send(big));
        const streamed = counted((req, res) => {
          for (let i = 0; i < 5; i++) res.write(big.subarray(i * 1000, (i + 1) * 1000));
          res.end();
        });
        const small = counted((req, res) => res.send('small'));
        const base = await serve((app) => {
          const mw = cache({ maxSize: 2500 });
          app.get('/sent', mw, sent);
          app.get('/streamed', mw, streamed);
          app.get('/small', mw, small);
        });
        for (let i = 0; i < 2; i++) {
          for (const path of ['/sent', '/streamed']) {
            const r = await request(base + path);
            assert.deepEqual([r.status, r.cache], [200, 'MISS']);
            assert.deepEqual(r.body, big);
          }
          await request(`${base}/small`);
        }
        assert.deepEqual([sent.runs, streamed.runs, small.runs], [2, 2, 1]);
      });
    });

    describe('invalidation', function () {
      it('invalidate({ tags }) drops every entry tagged so', async function () {
        const prefix = freshPrefix();
        const route = counted((req, res, n) => res.send(`product ${req.params.id} #${n}`));
        const mw = cache({ prefix, ttl: 60, tags: (req) => [`product:${req.params.id}`, 'products'] });
        const base = await serve((app) => app.get('/p/:id', mw, route));
        await request(`${base}/p/1`);
        await request(`${base}/p/2`);
        assert.ok((await client.pTTL(`${prefix}tag product:1`)) > 0, 'tag sets expire');
        assert.equal(await mw.invalidate({ tags: ['product:1'] }), 1);
        assert.equal((await request(`${base}/p/1`)).cache, 'MISS');
        assert.equal((await request(`${base}/p/2`)).cache, 'HIT');
        assert.equal(await mw.invalidate({ tags: ['products'] }), 2);
        assert.equal((await request(`${base}/p/1`)).cache, 'MISS');
        assert.equal((await request(`${base}/p/2`)).cache, 'MISS');
        assert.equal(route.runs, 5);
      });

      it('invalidate(pattern) and { keys } with glob characters in the prefix and the URL', async function () {
        const prefix = `mwspec:[glob]*?:${seq++}:`;
        const route = counted((req, res) => res.send(req.originalUrl));
        const mw = cache({ prefix, tags: () => ['all'] });
        const base = await serve((app) => app.use('/g', mw, route));
        const paths = ['/g/[a]*?q=1', '/g/ab', '/g/a'];
        for (const path of paths) assert.equal((await request(base + path)).text, path);
        // Literal key with glob characters: '/g/[a]*' as a pattern would also match '/g/ab'.
        assert.equal(await mw.invalidate({ keys: ['/g/[a]*?q=1'] }), 1);
        const states = [];
        for (const path of paths) states.push((await request(base + path)).cache);
        assert.deepEqual(states, ['MISS', 'HIT', 'HIT']);
        assert.equal(await mw.invalidate('/g/a*'), 2); // '/g/ab' and '/g/a'
        assert.equal(await mw.invalidate('/g/*'), 1);
        for (const path of paths) assert.equal((await request(base + path)).cache, 'MISS');
        assert.equal(await mw.invalidate('*'), 3);
        assert.ok((await client.sMembers(`${prefix}tag all`)).length > 0, 'tag sets are not entries');
        // Another prefix that the unescaped glob would match is left alone.
        const otherKey = `mwspec:gXlob]:${seq++}:/g/ab`;
        await client.set(otherKey, 'not ours');
        await mw.invalidate('*');
        assert.equal(await client.get(otherKey), 'not ours');
        await client.del(otherKey);
      });
    });

    describe('fail open', function () {
      it('a closed client: the route serves every request, onError hears of it', async function () {
        const closed = backend.openClient();
        await closed.connect();
        await closed.close();
        const errors = [];
        const mw = cacheMiddleware({ client: closed, prefix: freshPrefix(), onError: (err) => errors.push(err) });
        middlewares.push(mw);
        const route = counted((req, res, n) => res.send(`served ${n}`));
        const base = await serve((app) => app.get('/f', mw, route));
        for (let n = 1; n <= 3; n++) {
          const r = await request(`${base}/f`);
          assert.deepEqual([r.status, r.text], [200, `served ${n}`]);
        }
        assert.equal(errors.length, 3); // one failed lookup per request
        for (const err of errors) assert.equal(err.message, 'The client is closed');
        await assert.rejects(mw.invalidate('*'), { message: 'The client is closed' });
      });

      it('writes refused with OOM (maxmemory, noeviction): served, not stored', async function () {
        const { client: full, restore } = await backend.oomClient();
        try {
          const errors = [];
          const mw = cacheMiddleware({ client: full, prefix: freshPrefix(), onError: (err) => errors.push(err) });
          middlewares.push(mw);
          const route = counted((req, res, n) => res.send(`served ${n}`));
          const base = await serve((app) => app.get('/o', mw, route));
          for (let n = 1; n <= 2; n++) {
            const r = await request(`${base}/o`);
            assert.deepEqual([r.status, r.cache, r.text], [200, 'MISS', `served ${n}`]);
            // Per request: the lock (SET NX PX) and the store (MULTI) are refused. The store
            // runs once the response is sent: give it a moment.
            for (let i = 0; i < 40 && errors.length < 2 * n; i++) await sleep(25);
            assert.equal(errors.length, 2 * n, errors.map((e) => e.message).join('\n'));
          }
          for (const err of errors) assert.match(err.message, OOM);
        } finally {
          await restore();
        }
      });

      if (backend.killOthers) {
        it("the lock's release connection is cut: onError hears of it, the process lives on", async function () {
          const errors = [];
          const prefix = freshPrefix();
          const mw = cache({ prefix, onError: (err) => errors.push(err) });
          const route = counted((req, res, n) => res.send(`run ${n}`));
          const base = await serve((app) => app.get('/l', mw, route));
          await request(`${base}/l`); // takes and releases the lock: opens the release connection
          for (let i = 0; i < 40 && await client.exists(`${prefix}lock /l`); i++) await sleep(25);
          await backend.killOthers();
          for (let i = 0; i < 40 && !errors.length; i++) await sleep(25);
          assert.equal(errors[0].message, 'Socket closed unexpectedly');
          const again = await request(`${base}/l`, { headers: { 'cache-control': 'no-cache' } });
          assert.deepEqual([again.status, again.text], [200, 'run 2']);
        });
      }

      if (backend.pause) {
        it('a connection that stops answering: fails open after timeout', async function () {
          const errors = [];
          const mw = cache({ timeout: 200, onError: (err) => errors.push(err) });
          const route = counted((req, res) => res.send('served'));
          const base = await serve((app) => app.get('/slow', mw, route));
          await backend.pause(1000);
          const started = Date.now();
          const r = await request(`${base}/slow`);
          assert.deepEqual([r.status, r.text], [200, 'served']);
          assert.ok(Date.now() - started < 900, 'served before the pause ended');
          assert.equal(errors[0].code, 'ETIMEDOUT');
          await sleep(1000 - (Date.now() - started) + 100);
        });
      }
    });

    describe('stampede', function () {
      it('200 concurrent requests on a cold key run the route once', async function () {
        const allIn = gate();
        const route = counted(async (req, res, n) => {
          await allIn.wait();
          res.json({ run: n });
        });
        const base = await serve((app) => app.get('/hot', openAfter(allIn, 200), cache(), route));
        const replies = await Promise.all(Array.from({ length: 200 }, () => request(`${base}/hot`)));
        assert.equal(allIn.why, 'all arrived');
        assert.equal(route.runs, 1);
        for (const r of replies) assert.deepEqual([r.status, r.text], [200, '{"run":1}']);
        assert.equal(replies.filter((r) => r.cache === 'MISS').length, 1);
      });

      it('two instances (two processes) sharing the store rebuild a key once with the lock', async function () {
        const prefix = freshPrefix();
        const allIn = gate();
        const arrivals = openAfter(allIn, 100);
        const route = counted(async (req, res, n) => {
          await allIn.wait();
          res.send(`run ${n}`);
        });
        const bases = [];
        for (let i = 0; i < 2; i++) {
          bases.push(await serve((app) => app.get('/shared', arrivals, cache({ prefix }), route)));
        }
        const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => request(`${bases[i % 2]}/shared`)));
        assert.equal(allIn.why, 'all arrived');
        assert.equal(route.runs, 1);
        for (const r of replies) assert.deepEqual([r.status, r.text], [200, 'run 1']);
        let held = 1;
        for (let i = 0; i < 40 && held; i++) {
          await sleep(25);
          held = await client.exists(`${prefix}lock /shared`);
        }
        assert.equal(held, 0, 'lock released');
      });
    });
  });
}
