'use strict';

// The example app (npm run demo) serves its routes over real HTTP on redlite.
const assert = require('node:assert');
const { createClient } = require('../../index');
const { createApp, db } = require('../../examples/app');

describe('example app', () => {
  let redis;
  let server;
  let app;
  let base;

  before(async () => {
    redis = createClient({ url: 'redis://demo-test.local:1' });
    await redis.connect();
    app = createApp(redis);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  after(async () => {
    server.close();
    await app.locals.close();
    await redis.close();
  });

  const post = (path, body, headers = {}) => fetch(`${base}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body)
  });

  it('counts page views', async () => {
    const first = await (await fetch(`${base}/`)).text();
    const second = await (await fetch(`${base}/`)).text();
    assert.match(first, /viewed 1 times/);
    assert.match(second, /viewed 2 times/);
  });

  it('caches a product page: MISS, HIT with the same body, 304 on its ETag, dropped by tag', async () => {
    const loads = db.loads;
    const a = await fetch(`${base}/products/3`);
    const b = await fetch(`${base}/products/3`);
    assert.strictEqual(a.headers.get('x-cache'), 'MISS');
    assert.strictEqual(b.headers.get('x-cache'), 'HIT');
    assert.strictEqual(a.headers.get('cache-control'), 'public, max-age=60');
    assert.deepStrictEqual(await b.json(), await a.json());
    assert.strictEqual(db.loads, loads + 1);
    const etag = b.headers.get('etag');
    assert.ok(etag);
    // (fetch adds Cache-Control: no-cache to a conditional request unless one is given)
    const c = await fetch(`${base}/products/3`, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    assert.strictEqual(c.status, 304);
    assert.deepStrictEqual(await (await post('/products/3/price', {})).json(), { dropped: 1 });
    assert.strictEqual((await fetch(`${base}/products/3`)).headers.get('x-cache'), 'MISS');
  });

  it('runs 50 concurrent cold product requests once', async () => {
    const loads = db.loads;
    const all = await Promise.all(Array.from({ length: 50 }, () => fetch(`${base}/products/42`)));
    assert.ok(all.every((r) => r.status === 200));
    assert.strictEqual(db.loads, loads + 1);
  });

  it('keeps a session: login, me, logout', async () => {
    const login = await post('/login', { user: 'alice' });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const sid = decodeURIComponent(cookie.split('=')[1]).slice(2).split('.')[0];
    assert.ok((await redis.ttl(`sess:${sid}`)) > 3500);
    assert.deepStrictEqual(await (await fetch(`${base}/me`, { headers: { cookie } })).json(), { user: 'alice' });
    await post('/logout', {}, { cookie });
    assert.strictEqual(await redis.exists(`sess:${sid}`), 0);
    assert.deepStrictEqual(await (await fetch(`${base}/me`, { headers: { cookie } })).json(), { user: null });
  });

  it('ranks players on the leaderboard', async () => {
    await post('/scores/ann', { points: 5 });
    await post('/scores/bob', { points: 9 });
    await post('/scores/ann', { points: 7 });
    assert.deepStrictEqual(await (await fetch(`${base}/leaderboard`)).json(), [
      { rank: 1, player: 'ann', score: 12 }, { rank: 2, player: 'bob', score: 9 }
    ]);
  });

  it('caches data: categories load once', async () => {
    const loads = db.loads;
    const a = await (await fetch(`${base}/categories`)).json();
    const b = await (await fetch(`${base}/categories`)).json();
    assert.deepStrictEqual(a, ['books', 'games', 'music']);
    assert.deepStrictEqual(b, a);
    assert.strictEqual(db.loads, loads + 1);
  });
});
