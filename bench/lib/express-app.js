'use strict';
// One Express server for bench/express.js, run as a child process:
//   node bench/lib/express-app.js <kind> <backend> <redis url>
// kind: constant | cached | handcache | session; backend: none | redlite | node-redis.
// Listens on a free loopback port, warms its route once (the cache filled, a session created)
// and sends { port, cookie } to the parent over IPC; exits on SIGTERM.
const express = require('express');
const session = require('express-session');
const redlite = require('../..');
const nodeRedis = require('redis');

const [kind, backend, redisUrl] = process.argv.slice(2);

// The route's data: a product as a JSON API would return it (~1 KB).
const ITEM = {
  id: 7,
  name: 'Product 7',
  price: 70,
  tags: ['books', 'games', 'music'],
  description: 'x'.repeat(800),
  stock: { warehouse: 'A1', count: 42 }
};

async function client() {
  if (backend === 'none') return null;
  const c = backend === 'redlite' ? redlite.createClient() : nodeRedis.createClient({ url: redisUrl });
  c.on('error', (err) => console.error('client error', err));
  await c.connect();
  await c.flushAll();
  return c;
}

// A cache as apps wrote it for node-redis before cache middlewares: get, else run the route
// and set with EX. (Serves the stored JSON text on a hit.)
function handCache(c, ttl) {
  return async (req, res, next) => {
    const key = 'hc:' + req.originalUrl;
    const hit = await c.get(key);
    if (hit) return res.set('X-Cache', 'HIT').type('json').send(hit);
    const json = res.json.bind(res);
    res.json = (body) => {
      c.set(key, JSON.stringify(body), { expiration: { type: 'EX', value: ttl } }).catch(() => {});
      return json(body);
    };
    next();
  };
}

async function main() {
  const c = await client();
  const app = express();
  app.set('etag', false); // the cache middleware sets its own; keep the constant route comparable
  if (kind === 'cached') app.use('/item', redlite.cacheMiddleware({ client: c, ttl: 3600 }));
  if (kind === 'handcache') app.use('/item', handCache(c, 3600));
  if (kind === 'session') {
    const Store = backend === 'redlite' ? require('../../session').RedisStore : require('connect-redis').RedisStore;
    app.use(session({ store: new Store({ client: c }), secret: 'bench', resave: false, saveUninitialized: false }));
    app.post('/login', (req, res) => {
      req.session.user = 'alice';
      req.session.n = 1;
      res.json({ ok: true });
    });
    app.get('/me', (req, res) => res.json({ user: req.session.user, n: req.session.n, item: ITEM }));
  } else {
    app.get('/item', (req, res) => res.json(ITEM));
  }
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  let cookie = null;
  if (kind === 'session') {
    const r = await fetch(`${base}/login`, { method: 'POST' });
    cookie = r.headers.get('set-cookie').split(';')[0];
    const me = await (await fetch(`${base}/me`, { headers: { cookie } })).json();
    if (me.user !== 'alice') throw new Error('session not kept');
  } else {
    for (let i = 0; i < 2; i++) await (await fetch(`${base}/item`)).text();
  }
  process.send({ port: server.address().port, cookie });
  process.on('SIGTERM', () => {
    server.close();
    if (server.closeAllConnections) server.closeAllConnections();
    Promise.resolve(c && c.close()).finally(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
