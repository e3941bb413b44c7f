'use strict';
// SET then GET throughput of redlite against its peers, in one process.
//   node bench/throughput.js [--quick]
// Each peer stores N distinct keys (16-byte keys, 100-byte values), awaited one at a
// time ('seq') and in batches of 100 concurrent calls ('batch100'; node-redis pipelines
// these). lru-cache is synchronous and runs a plain loop ('sync'). After a warm-up round,
// ROUNDS rounds run with the peer order rotated each round; the median ops/s is reported.
const fs = require('node:fs');
const path = require('node:path');
const { startRedisServer } = require('../test/helpers/redis-server');
const { gcSettled } = require('./lib/gc');
const { machine } = require('./lib/machine');
const { makeData, KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { median, int, table } = require('./lib/stats');
const peers = require('./lib/peers');

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 20000 : 200000;
const N_TCP = N / 10; // node-redis over TCP is ~100x slower: fewer keys, same ops/s metric
const ROUNDS = QUICK ? 2 : 5;
const BATCH = 100;
const OUT = path.join(__dirname, QUICK ? 'results-throughput.quick.json' : 'results-throughput.json');

// Runners: call op(i) for i < n and count null/undefined replies (misses on GET).
const runners = {
  async seq(op, n) {
    let misses = 0;
    for (let i = 0; i < n; i++) {
      if ((await op(i)) == null) misses++;
    }
    return misses;
  },
  async batch100(op, n) {
    let misses = 0;
    for (let i = 0; i < n; i += BATCH) {
      const end = Math.min(i + BATCH, n);
      const pending = new Array(end - i);
      for (let j = i; j < end; j++) pending[j - i] = op(j);
      for (const r of await Promise.all(pending)) if (r == null) misses++;
    }
    return misses;
  },
  async sync(op, n) {
    let misses = 0;
    for (let i = 0; i < n; i++) {
      if (op(i) == null) misses++;
    }
    return misses;
  }
};

async function timed(runner, op, n) {
  await gcSettled();
  const t0 = process.hrtime.bigint();
  const misses = await runner(op, n);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { opsPerSec: n / secs, misses };
}

// A fixed pseudo-random permutation of 0..n-1 (the same for every peer and run).
function shuffled(n) {
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = 42;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

// One round for one peer: every mode, SET then GET (in insertion order, then in a random
// order: 'GETr') on a flushed keyspace.
async function runPeer(peer, data, record) {
  const { keys, values } = data;
  if (!data.orders) data.orders = new Map();
  if (!data.orders.has(peer.n)) data.orders.set(peer.n, shuffled(peer.n));
  const order = data.orders.get(peer.n);
  const set = (i) => peer.set(keys[i], values[i]);
  const get = (i) => peer.get(keys[i]);
  const getr = (i) => peer.get(keys[order[i]]);
  for (const mode of peer.modes) {
    await peer.flush();
    const s = await timed(runners[mode], set, peer.n);
    const g = await timed(runners[mode], get, peer.n);
    const r = await timed(runners[mode], getr, peer.n);
    await peer.flush();
    record(peer, 'SET', mode, s);
    record(peer, 'GET', mode, g);
    record(peer, 'GETr', mode, r);
  }
}

function report(list, samples, info) {
  const med = (name, op, mode) => median(samples.get(`${name}|${op}|${mode}`).ops);
  const results = [];
  for (const peer of list) {
    for (const op of ['SET', 'GET', 'GETr']) {
      for (const mode of peer.modes) {
        const s = samples.get(`${peer.name}|${op}|${mode}`);
        const ops = median(s.ops);
        const ref = med('redlite', op, mode === 'sync' ? 'batch100' : mode);
        results.push({ peer: peer.name, op, mode, n: peer.n, opsPerSec: Math.round(ops),
          redliteRatio: +(ref / ops).toFixed(3), samples: s.ops.map(Math.round), misses: s.misses });
      }
    }
  }
  const rows = [['peer', 'op', 'mode', 'N', 'ops/s (median)', 'redlite/peer']];
  for (const r of results) {
    rows.push([r.peer, r.op, r.mode, int(r.n), int(r.opsPerSec), r.redliteRatio.toFixed(2) + 'x']);
  }
  console.log('\n' + table(rows));
  console.log('\nlru-cache is synchronous (no await): its ratio is against redlite batch100.');
  const missed = results.filter((r) => r.misses > 0);
  for (const r of missed) console.log(`warning: ${r.peer} ${r.op} ${r.mode}: ${r.misses} null replies`);
  const out = { bench: 'throughput', quick: QUICK, date: new Date().toISOString(), ...info,
    keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, n: N, nTcp: N_TCP, rounds: ROUNDS, batch: BATCH, results };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  console.log(JSON.stringify(out));
}

async function main() {
  const info = machine(['redis', 'ioredis-mock', 'lru-cache']);
  console.log(`node ${info.node}, ${info.cpu} x${info.cpus}, redis-server ${info.redisServer}`);
  console.log(`N=${int(N)} keys (node-redis over TCP: N=${int(N_TCP)}), ${KEY_BYTES}-byte keys, ` +
    `${VALUE_BYTES}-byte values, ${ROUNDS} rounds + 1 warm-up, batch=${BATCH}${QUICK ? ' (--quick)' : ''}`);
  const data = makeData(N);
  const server = await startRedisServer();
  const list = [peers.redlitePeer(), peers.nodeRedisPeer(server.url), peers.ioredisMockPeer(),
    peers.lruCachePeer(), peers.asyncMapPeer()];
  for (const p of list) {
    p.n = p.name.startsWith('node-redis') ? N_TCP : N;
    p.modes = p.sync ? ['sync'] : ['seq', 'batch100'];
  }
  const samples = new Map();
  try {
    for (const p of list) await p.open();
    for (let round = 0; round <= ROUNDS; round++) {
      const warm = round === 0;
      const record = (peer, op, mode, r) => {
        if (warm) return;
        const k = `${peer.name}|${op}|${mode}`;
        if (!samples.has(k)) samples.set(k, { ops: [], misses: 0 });
        samples.get(k).ops.push(r.opsPerSec);
        samples.get(k).misses += r.misses;
      };
      const order = list.map((_, i) => list[(i + round) % list.length]);
      const t0 = Date.now();
      for (const p of order) await runPeer(p, data, record);
      console.log(`${warm ? 'warm-up' : 'round ' + round} done in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
        `(order: ${order.map((p) => p.name).join(', ')})`);
    }
  } finally {
    for (const p of list) await p.close().catch(() => {});
    await server.stop();
  }
  report(list, samples, info);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
