'use strict';

// Example Express app on redlite: the same code runs on node-redis + a Redis server by
// swapping the require below for require('redis').
//   npm run demo            then open http://localhost:3000/
const express = require('express');
const { createClient } = require('..');

const PORT = Number(process.env.PORT) || 3000;

// A slow "database" to show the cache at work.
function loadProduct(id) {
  return new Promise((resolve) => setTimeout(() => resolve({ id, name: `Product ${id}`, price: id * 10 }), 50));
}

// The app, given a connected client (redlite or node-redis).
function createApp(redis) {
  const app = express();

  // Rate limit: 20 requests per 10 s window per client address.
  app.use(async (req, res, next) => {
    const key = `rate:${req.ip}`;
    const n = await redis.incr(key);
    if (n === 1) await redis.expire(key, 10);
    if (n > 20) return res.status(429).json({ error: 'too many requests', retryIn: await redis.ttl(key) });
    next();
  });

  // Page-view counter.
  app.get('/', async (req, res) => {
    const views = await redis.incr('views:home');
    res.type('text').send(`Hello from redlite. This page was viewed ${views} times.\nTry /products/7\n`);
  });

  // Cache-aside with a TTL: the first request takes 50 ms, later ones microseconds.
  app.get('/products/:id', async (req, res) => {
    const key = `product:${Number(req.params.id)}`;
    const cached = await redis.get(key);
    if (cached) return res.set('X-Cache', 'HIT').type('json').send(cached);
    const product = await loadProduct(Number(req.params.id));
    await redis.set(key, JSON.stringify(product), { expiration: { type: 'EX', value: 60 } });
    res.set('X-Cache', 'MISS').json(product);
  });

  app.get('/stats', async (req, res) => {
    res.type('text').send(await redis.info('stats'));
  });
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

module.exports = { createApp };
