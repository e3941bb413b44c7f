'use strict';

// The example app (npm run demo) serves its routes over real HTTP on redlite.
const assert = require('node:assert');
const { createClient } = require('../../index');
const { createApp } = require('../../examples/app');

describe('example app', () => {
  let redis;
  let server;
  let base;

  before(async () => {
    redis = createClient({ url: 'redis://demo-test.local:1' });
    await redis.connect();
    server = createApp(redis).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  after(async () => {
    server.close();
    await redis.close();
  });

  it('counts page views', async () => {
    const first = await (await fetch(`${base}/`)).text();
    const second = await (await fetch(`${base}/`)).text();
    assert.match(first, /viewed 1 times/);
    assert.match(second, /viewed 2 times/);
  });

  it('caches a product: MISS then HIT with the same body', async () => {
    const a = await fetch(`${base}/products/3`);
    const b = await fetch(`${base}/products/3`);
    assert.strictEqual(a.headers.get('x-cache'), 'MISS');
    assert.strictEqual(b.headers.get('x-cache'), 'HIT');
    assert.deepStrictEqual(await b.json(), await a.json());
    assert.ok((await redis.ttl('product:3')) > 0);
  });
});
