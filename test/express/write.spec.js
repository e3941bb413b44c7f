'use strict';

// Write strategies (lib/cache/write.js): writeThrough and createWriteBehind, run against a
// redlite client and against node-redis talking to a real redis-server.
const assert = require('node:assert/strict');
const redlite = require('../..');
const nodeRedis = require('redis');
const { startRedisServer } = require('../helpers/redis-server');
const { createCache } = require('../../lib/cache/cached');
const { writeThrough, createWriteBehind } = require('../../lib/cache/write');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(pred, what, ms = 3000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await pred()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

// A fake database: write(batch) records each batch; failures(n) makes the next n calls reject.
function fakeDb() {
  const db = { rows: new Map(), batches: [], attempts: [], failNext: 0 };
  db.write = async (batch) => {
    db.attempts.push(Date.now());
    await sleep(1);
    if (db.failNext > 0) {
      db.failNext--;
      throw new Error('database unavailable');
    }
    db.batches.push(batch.map(({ key, value }) => [key, value]));
    for (const { key, value } of batch) db.rows.set(key, value);
  };
  return db;
}

const BACKENDS = [
  {
    name: 'redlite',
    async start() {
      return { create: () => redlite.createClient({ url: 'redis://write-spec:6379' }), stop: async () => {} };
    }
  },
  {
    name: 'node-redis + redis-server',
    async start() {
      const server = await startRedisServer();
      return { create: () => nodeRedis.createClient({ url: server.url }), stop: () => server.stop() };
    }
  }
];

for (const backend of BACKENDS) {
  describe(`write strategies against ${backend.name}`, function () {
    let env;
    let client;
    let seq = 0;
    const clients = [];
    const closers = [];
    const clientErrors = [];

    async function newClient() {
      const c = env.create();
      c.on('error', (err) => clientErrors.push(err));
      await c.connect();
      clients.push(c);
      return c;
    }

    // A write-behind queue with a prefix of its own; closed after the suite.
    function newQueue(options) {
      const wb = createWriteBehind({ client, prefix: `wb${++seq}:`, intervalMs: 60000, ...options });
      closers.push(() => wb.close());
      return wb;
    }

    before(async function () {
      env = await backend.start();
      client = await newClient();
    });

    after(async function () {
      for (const close of closers) await close();
      for (const c of clients) if (c.isOpen) await c.close();
      await env.stop();
      assert.deepEqual(clientErrors, []);
    });

    describe('writeThrough', function () {
      it('writes the database, then the cache; resolves what write resolved', async function () {
        const cache = createCache({ client, prefix: `wt${++seq}:` });
        closers.push(() => cache.close());
        const db = fakeDb();
        const order = [];
        const result = await writeThrough({
          cache,
          key: 'user:1',
          value: { name: 'Ada' },
          ttl: 30,
          write: async (value) => {
            order.push(await cache.get('user:1'));
            await db.write([{ key: 'user:1', value }]);
            return 'row-id-1';
          }
        });
        assert.equal(result, 'row-id-1');
        assert.deepEqual(order, [undefined], 'the cache is not updated before the write');
        assert.deepEqual(db.rows.get('user:1'), { name: 'Ada' });
        assert.deepEqual(await cache.get('user:1'), { name: 'Ada' });
        const pttl = await client.pTTL(`wt${seq}:user:1`);
        assert.ok(pttl > 29000 && pttl <= 30000, `PTTL ${pttl}`);

        const key = `wt${seq}:plain`;
        await writeThrough({ client, key, value: [1, 2], ttl: 10, write: (v) => db.write([{ key, value: v }]) });
        assert.equal(await client.get(key), '[1,2]');
        const plainTtl = await client.pTTL(key);
        assert.ok(plainTtl > 9000 && plainTtl <= 10000, `PTTL ${plainTtl}`);
      });

      it('a failed write deletes the cache entry and rethrows', async function () {
        const cache = createCache({ client, prefix: `wt${++seq}:` });
        closers.push(() => cache.close());
        await cache.set('user:1', { name: 'old' });
        const boom = new Error('constraint violated');
        await assert.rejects(writeThrough({ cache, key: 'user:1', value: { name: 'new' }, write: async () => { throw boom; } }),
          (err) => err === boom);
        assert.equal(await cache.get('user:1'), undefined);
        assert.equal(await client.exists(`wt${seq}:user:1`), 0);

        const key = `wt${seq}:plain`;
        await client.set(key, '"old"');
        await assert.rejects(writeThrough({ client, key, value: 'new', write: async () => { throw boom; } }), (err) => err === boom);
        assert.equal(await client.exists(key), 0);
      });

      it('a cache update that fails after the write rejects with err.written', async function () {
        const db = fakeDb();
        const key = `wt${++seq}:k`;
        await assert.rejects(writeThrough({ client, key, value: 10n, write: (v) => db.write([{ key, value: v }]) }), (err) => {
          assert.equal(err.code, 'ERR_CACHE_SERIALIZE');
          assert.equal(err.written, true);
          return true;
        });
        assert.equal(db.rows.get(key), 10n);
        assert.equal(await client.exists(key), 0);
        await assert.rejects(writeThrough({ key, value: 1, write: async () => {} }), /either cache or client/);
      });
    });

    describe('createWriteBehind', function () {
      it('set() writes the cache at once; 10 writes to one key coalesce into one database write', async function () {
        const db = fakeDb();
        const wb = newQueue({ write: db.write });
        const key = `wb${seq}:user:1`;
        for (let i = 1; i <= 10; i++) await wb.set(key, { v: i });
        assert.equal(await client.get(key), '{"v":10}');
        assert.equal(await wb.pending(), 1);
        assert.equal(db.batches.length, 0);
        assert.equal(await wb.flush(), 1);
        assert.deepEqual(db.batches, [[[key, { v: 10 }]]]);
        assert.equal(await wb.pending(), 0);
        assert.equal(await wb.flush(), 0);
        assert.equal(db.batches.length, 1);
      });

      it('writes in batches of batchSize, in the order keys were first queued', async function () {
        // Queued by one instance (batchSize 100: no flush yet), written by a second one on the
        // same queue with batchSize 3.
        const db = fakeDb();
        const producer = newQueue({ write: db.write, batchSize: 100 });
        const keys = ['c', 'a', 'f', 'b', 'e', 'g', 'd'];
        for (const k of keys.slice(0, 2)) await producer.set(k + seq, k);
        await producer.set('c' + seq, 'c again'); // coalesces, keeps its place
        for (const k of keys.slice(2)) await producer.set(k + seq, k);
        assert.equal(await producer.pending(), 7);
        const worker = createWriteBehind({ client, prefix: `wb${seq}:`, write: db.write, batchSize: 3, intervalMs: 60000 });
        closers.push(() => worker.close());
        assert.equal(await worker.flush(), 7);
        assert.deepEqual(db.batches.map((b) => b.map(([k]) => k[0])), [['c', 'a', 'f'], ['b', 'e', 'g'], ['d']]);
        assert.deepEqual(db.batches[0][0], ['c' + seq, 'c again']);
        assert.equal(await producer.pending(), 0);

        // On one instance, reaching batchSize starts flushes while set() goes on: the order holds.
        const db2 = fakeDb();
        const wb = newQueue({ write: db2.write, batchSize: 3 });
        for (const k of keys) await wb.set(`${k}${seq}`, k);
        await wb.flush();
        assert.deepEqual(db2.batches.flat().map(([k]) => k[0]), keys);
        assert.ok(db2.batches.every((b) => b.length <= 3));
      });

      it('reaching batchSize flushes without waiting for the interval; the interval flushes the rest', async function () {
        const db = fakeDb();
        const wb = newQueue({ write: db.write, batchSize: 4, intervalMs: 60000 });
        for (let i = 0; i < 4; i++) await wb.set(`b${seq}:${i}`, i);
        await waitFor(() => db.batches.length === 1, 'the full batch to be written');
        assert.equal(db.batches[0].length, 4);
        assert.equal(await wb.pending(), 0);

        const quick = newQueue({ write: db.write, intervalMs: 20 });
        await quick.set(`q${seq}`, 'soon');
        await waitFor(() => db.rows.get(`q${seq}`) === 'soon', 'the interval flush');
        assert.equal(await quick.pending(), 0);
      });

      it('retries a failed batch with exponential backoff, then succeeds', async function () {
        const db = fakeDb();
        const delays = [];
        const wb = newQueue({ write: db.write, backoff: (n, err) => { delays.push([n, err.message]); return 5; } });
        await wb.set(`r${seq}`, 'x');
        db.failNext = 2;
        assert.equal(await wb.flush(), 1);
        assert.deepEqual(delays, [[1, 'database unavailable'], [2, 'database unavailable']]);
        assert.equal(db.attempts.length, 3);
        assert.deepEqual(db.batches, [[[`r${seq}`, 'x']]]);
        assert.equal(await wb.pending(), 0);

        // The default backoff doubles from its base: waits of >= 20 then >= 40 ms.
        const db2 = fakeDb();
        const timed = newQueue({ write: db2.write, backoff: 20 });
        await timed.set(`t${seq}`, 'y');
        db2.failNext = 2;
        assert.equal(await timed.flush(), 1);
        const [t0, t1, t2] = db2.attempts;
        assert.ok(t1 - t0 >= 19, `first wait ${t1 - t0} ms`);
        assert.ok(t2 - t1 >= 39, `second wait ${t2 - t1} ms`);
      });

      it('a batch that fails past maxRetries stays queued and is written first next time', async function () {
        const db = fakeDb();
        const errors = [];
        const wb = newQueue({ write: db.write, maxRetries: 2, backoff: 1, onError: (err) => errors.push(err) });
        await wb.set(`first${seq}`, 1);
        db.failNext = 100;
        await assert.rejects(wb.flush(), /database unavailable/);
        assert.equal(db.attempts.length, 3);
        assert.equal(await wb.pending(), 1);
        await wb.set(`second${seq}`, 2);
        assert.equal(await wb.pending(), 2);

        // Another worker on the same queue (e.g. after a restart) picks it up, in order.
        db.failNext = 0;
        const next = createWriteBehind({ client, prefix: `wb${seq}:`, write: db.write, intervalMs: 60000 });
        closers.push(() => next.close());
        assert.equal(await next.flush(), 2);
        assert.deepEqual(db.batches, [[[`first${seq}`, 1]], [[`second${seq}`, 2]]]);
        assert.equal(await wb.pending(), 0);
        assert.deepEqual(errors, []);
      });

      it('a background flush that fails reports to onError and is retried later', async function () {
        const db = fakeDb();
        const errors = [];
        const wb = newQueue({ write: db.write, intervalMs: 20, maxRetries: 0, onError: (err, info) => errors.push([err.message, info]) });
        db.failNext = 1;
        await wb.set(`bg${seq}`, 'v');
        await waitFor(() => db.rows.get(`bg${seq}`) === 'v', 'the retried background flush');
        assert.deepEqual(errors, [['database unavailable', { op: 'flush' }]]);
        assert.equal(await wb.pending(), 0);
      });

      it('pending() counts distinct queued keys', async function () {
        const db = fakeDb();
        const wb = newQueue({ write: db.write });
        assert.equal(await wb.pending(), 0);
        await wb.set(`p${seq}:a`, 1);
        await wb.set(`p${seq}:b`, 1);
        await wb.set(`p${seq}:a`, 2);
        await wb.set(`p${seq}:c`, 1);
        assert.equal(await wb.pending(), 3);
        await wb.flush();
        assert.equal(await wb.pending(), 0);
      });

      it('close() drains everything still queued, then refuses writes', async function () {
        const db = fakeDb();
        const wb = newQueue({ write: db.write, batchSize: 2 });
        const writes = [];
        for (let i = 0; i < 5; i++) writes.push(wb.set(`d${seq}:${i}`, i));
        db.failNext = 1; // drained with retries too
        await Promise.all([wb.close(), ...writes]);
        assert.equal(await wb.pending(), 0);
        assert.deepEqual([...db.rows.keys()], [0, 1, 2, 3, 4].map((i) => `d${seq}:${i}`));
        assert.equal(db.batches.flat().length, 5, 'each key written once');
        assert.ok(db.batches.every((b) => b.length <= 2), 'in batches of at most batchSize');
        await assert.rejects(wb.set(`d${seq}:late`, 1), /closed/);
        await wb.close();
      });

      it('close() closes the connection it opened and leaves the client open', async function () {
        const connected = async () => Number(/connected_clients:(\d+)/.exec(await client.info('clients'))[1]);
        const before = await connected();
        const db = fakeDb();
        const wb = createWriteBehind({ client, prefix: `wb${++seq}:`, write: db.write, intervalMs: 60000 });
        await wb.set(`h${seq}`, 1);
        await wb.flush(); // the worker lock's release connection
        assert.equal(await connected(), before + 1);
        await wb.close();
        assert.equal(await connected(), before);
        assert.equal(client.isOpen, true);
      });

      it('with a cache, set() goes through cache.set and the queue keeps the value', async function () {
        const cache = createCache({ client, prefix: `wc${++seq}:` });
        closers.push(() => cache.close());
        const db = fakeDb();
        const wb = newQueue({ write: db.write, cache, ttl: 20 });
        await wb.set('user:9', { name: 'Grace' });
        assert.deepEqual(await cache.get('user:9'), { name: 'Grace' });
        const pttl = await client.pTTL(`wc${seq - 1}:user:9`);
        assert.ok(pttl > 19000 && pttl <= 20000, `PTTL ${pttl}`);
        await wb.close();
        assert.deepEqual(db.rows.get('user:9'), { name: 'Grace' });
      });
    });
  });
}
