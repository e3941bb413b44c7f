'use strict';
// PUBLISH to one subscriber: messages delivered per second, redlite beside node-redis
// against a local redis-server, in one process run.
//   node bench/pubsub.js [--quick]
// A publisher client sends N messages of 100 bytes on one channel that one subscriber
// client listens to; a round ends when the subscriber has received all N. Two modes:
// 'seq' awaits each publish before the next, 'batch100' keeps 100 publishes in flight
// (node-redis pipelines them). ROUNDS rounds after a warm-up, peers alternated; the median
// messages/s is reported with redlite's ratio.
const { startRedisServer } = require('../test/helpers/redis-server');
const nodeRedis = require('redis');
const redlite = require('..');
const { median, int, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 20000 : 200000;
const N_TCP = N / 10;
const ROUNDS = QUICK ? 2 : 5;
const BATCH = 100;
const PAYLOAD = 'm'.repeat(100);

async function peer(name, createClient, url, n) {
  const pub = createClient({ url });
  const sub = createClient({ url });
  for (const c of [pub, sub]) c.on('error', (e) => console.error(`${name}:`, e.message));
  await pub.connect();
  await sub.connect();
  let received = 0;
  let wake = null;
  await sub.subscribe('bench', () => {
    if (++received === n && wake) wake();
  });
  return {
    name,
    n,
    async run(mode) {
      received = 0;
      const done = new Promise((resolve) => { wake = resolve; });
      const t0 = process.hrtime.bigint();
      if (mode === 'seq') {
        for (let i = 0; i < n; i++) await pub.publish('bench', PAYLOAD);
      } else {
        for (let i = 0; i < n; i += BATCH) {
          const pending = [];
          for (let j = i; j < Math.min(i + BATCH, n); j++) pending.push(pub.publish('bench', PAYLOAD));
          await Promise.all(pending);
        }
      }
      if (received < n) await done;
      return n / (Number(process.hrtime.bigint() - t0) / 1e9);
    },
    close: () => Promise.all([pub.close(), sub.close()])
  };
}

async function main() {
  const server = await startRedisServer();
  const peers = [
    await peer('redlite', redlite.createClient, 'redis://bench-pubsub:6379', N),
    await peer('node-redis+redis-server', nodeRedis.createClient, server.url, N_TCP)
  ];
  const modes = ['seq', 'batch100'];
  const samples = new Map();
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 ? [...peers].reverse() : peers;
    for (const p of order) {
      for (const mode of modes) {
        const rate = await p.run(mode);
        if (round === 0) continue; // warm-up
        const key = `${p.name}|${mode}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push(rate);
      }
    }
  }
  const rows = [['peer', 'mode', 'messages', 'messages/s (median)', 'redlite/peer']];
  for (const p of peers) {
    for (const mode of modes) {
      const rate = median(samples.get(`${p.name}|${mode}`));
      const ref = median(samples.get(`redlite|${mode}`));
      rows.push([p.name, mode, int(p.n), int(rate), (ref / rate).toFixed(1) + 'x']);
    }
  }
  console.log(`PUBLISH to one subscriber, ${PAYLOAD.length}-byte messages, ${ROUNDS} rounds + 1 warm-up` +
    `${QUICK ? ' (--quick)' : ''}`);
  console.log(table(rows));
  for (const p of peers) await p.close();
  await server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
