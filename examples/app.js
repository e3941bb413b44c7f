'use strict';

// Example Express app on redlite: sessions, a cached product route with ETags, a leaderboard
// on a sorted set, a data cache and a rate limit. The same code runs on node-redis + a Redis
// server by swapping the require below for require('redis').
//   npm run demo            then open http://localhost:3000/
const express = require('express');
const session = require('express-session');
const { createClient, cacheMiddleware, createCache } = require('..');
const { RedisStore } = require('../session');

const PORT = Number(process.env.PORT) || 3000;

// A slow "database" to show the caches at work.
const db = {
  loads: 0,
  product(id) {
    this.loads++;
    return new Promise((resolve) => setTimeout(() => resolve({ id, name: `Product ${id}`, price: id * 10 }), 50));
  },
  categories() {
    this.loads++;
    return new Promise((resolve) => setTimeout(() => resolve(['books', 'games', 'music']), 50));
  }
};

// The app, given a connected client (redlite or node-redis). Returns the app; app.locals.close()
// releases what the caches opened.
function createApp(redis) {
  const app = express();
  app.use(express.json());

  // Rate limit: 100 requests per 10 s window per client address.
  app.use(async (req, res, next) => {
    const key = `rate:${req.ip}`;
    const n = await redis.incr(key);
    if (n === 1) await redis.expire(key, 10);
    if (n > 100) return res.status(429).json({ error: 'too many requests', retryIn: await redis.ttl(key) });
    next();
  });

  // Sessions in the keyspace, as connect-redis keeps them (keys sess:<id>, TTL = cookie age).
  app.use(session({
    store: new RedisStore({ client: redis }),
    secret: process.env.SESSION_SECRET || 'redlite demo secret',
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 3600 * 1000 }
  }));

  // Page-view counter and the session's user.
  app.get('/', async (req, res) => {
    const views = await redis.incr('views:home');
    const who = req.session.user ? `Signed in as ${req.session.user}.` : 'POST /login {"user":"alice"} to sign in.';
    res.type('text').send(`Hello from redlite. This page was viewed ${views} times.\n${who}\n` +
      'Try /products/7, /leaderboard, /categories\n');
  });

  app.post('/login', (req, res, next) => {
    const user = String((req.body && req.body.user) || '').slice(0, 64);
    if (!user) return res.status(400).json({ error: 'user required' });
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = user;
      req.session.save((err2) => (err2 ? next(err2) : res.json({ user })));
    });
  });

  app.get('/me', (req, res) => res.json({ user: req.session.user || null }));

  app.post('/logout', (req, res, next) => req.session.destroy((err) => (err ? next(err) : res.json({ ok: true }))));

  // Whole responses cached for 60 s, with ETag/304 and X-Cache: MISS/HIT; 200 concurrent
  // misses run the route once. Signed-in requests (session cookie) bypass the cache.
  const productCache = cacheMiddleware({
    client: redis, prefix: 'page:', ttl: 60, cacheControl: 'public, max-age=60',
    tags: (req) => [`product:${Number(req.params.id)}`]
  });
  app.get('/products/:id', productCache, async (req, res) => {
    res.json(await db.product(Number(req.params.id)));
  });
  // Changing a product drops its cached pages.
  app.post('/products/:id/price', async (req, res) => {
    const dropped = await productCache.invalidate({ tags: [`product:${Number(req.params.id)}`] });
    res.json({ dropped });
  });

  // A data cache (cache-aside with single flight), rather than a page cache.
  const data = createCache({ client: redis, prefix: 'data:', ttl: 30 });
  app.get('/categories', async (req, res) => {
    res.json(await data.get('categories', () => db.categories()));
  });

  // Leaderboard on a sorted set.
  app.post('/scores/:player', async (req, res) => {
    const points = Number(req.body && req.body.points) || 1;
    const score = await redis.zIncrBy('leaderboard', points, req.params.player);
    res.json({ player: req.params.player, score });
  });
  app.get('/leaderboard', async (req, res) => {
    const top = await redis.zRangeWithScores('leaderboard', 0, 9, { REV: true });
    res.json(top.map(({ value, score }, i) => ({ rank: i + 1, player: value, score })));
  });

  app.get('/stats', async (req, res) => {
    res.type('text').send(await redis.info('stats'));
  });

  app.locals.close = async () => {
    await productCache.close();
    await data.close();
  };
  return app;
}

async function main() {
  const redis = createClient({ url: 'redis://localhost:6379' });
  redis.on('error', (err) => console.error('redis error', err));
  await redis.connect();
  const app = createApp(redis);

  const server = app.listen(PORT, () => console.log(`redlite demo listening on http://localhost:${PORT}/`));
  const stop = async () => {
    server.close();
    await app.locals.close();
    await redis.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { createApp, db };
