'use strict';
// Collection commands of redlite against its peers, in one process.
//   node --expose-gc bench/collections.js [--quick]
// Each workload runs N awaited calls one at a time ('seq') and in batches of 100
// concurrent calls ('batch100'; node-redis pipelines these), for redlite, node-redis over
// TCP to a local redis-server (N/10 calls) and ioredis-mock. After a warm-up round, ROUNDS
// rounds run with the peer order rotated. Within a round the peers take turns workload by
// workload (each on its own keyspace), so that the runs compared are seconds apart; the
// median ops/s is reported, and redlite/peer is the median over the rounds of the ratio of
// the two runs of the same round (paired: a slow phase of this shared machine hits both).
// The JSON also keeps the ratio of the medians.
//
// Workloads (keys spread so every collection stays small, as typical app data is), run in
// this order on one flushed keyspace per mode:
//   HSET       N calls over N/100 hashes of 100 fields (10-byte values), starting empty
//   HGET       the same fields read back
//   LPUSH      N calls over N/100 lists (100 elements each)
//   LPOP       every element popped back
//   SADD       N calls over N/100 sets of 100 members
//   SISMEMBER  the same members tested
//   ZADD       N calls over N/100 sorted sets of 100 members (scores 0..N)
//   ZRANGE     N calls of ZRANGE key 0 9 over those sorted sets
const fs = require('node:fs');
const path = require('node:path');
const IORedisMock = require('ioredis-mock');
const nodeRedis = require('redis');
const redlite = require('..');
const { startRedisServer } = require('../test/helpers/redis-server');
const { runners, timed } = require('./lib/runners');
const { median, int, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 20000 : 200000;
const N_TCP = N / 10;
const ROUNDS = QUICK ? 2 : 5;
const FIELDS = 100;
const OUT = path.join(__dirname, QUICK ? 'results-collections.quick.json' : 'results-collections.json');

// Arguments of call i, precomputed so the timed loops only call the store.
function makeData(n) {
  const keys = new Array(n);
  const lists = new Array(n);
  const sets = new Array(n);
  const zsets = new Array(n);
  const fields = new Array(n);
  const values = new Array(n);
  const nkeys = Math.max(1, Math.floor(n / FIELDS));
  for (let i = 0; i < n; i++) {
    const k = String(i % nkeys).padStart(8, '0');
    keys[i] = 'hash:' + k;
    lists[i] = 'list:' + k;
    sets[i] = 'set:' + k;
    zsets[i] = 'zset:' + k;
    fields[i] = 'field:' + String(Math.floor(i / nkeys)).padStart(4, '0');
    values[i] = 'v' + String(i).padStart(9, '0');
  }
  return { keys, lists, sets, zsets, fields, values };
}

// Each peer: { name, open, flush, close, ops: { WORKLOAD(i) } } over data d. Keys of each
// type get their own prefix so the workloads never collide.
function nodeRedisApiPeer(name, c, d) {
  return {
    name,
    open: () => c.connect(),
    flush: () => c.flushAll(),
    close: () => c.close(),
    ops: {
      HSET: (i) => c.hSet(d.keys[i], d.fields[i], d.values[i]),
      HGET: (i) => c.hGet(d.keys[i], d.fields[i]),
      LPUSH: (i) => c.lPush(d.lists[i], d.values[i]),
      LPOP: (i) => c.lPop(d.lists[i]),
      SADD: (i) => c.sAdd(d.sets[i], d.fields[i]),
      SISMEMBER: (i) => c.sIsMember(d.sets[i], d.fields[i]),
      ZADD: (i) => c.zAdd(d.zsets[i], { score: i, value: d.fields[i] }),
      ZRANGE: (i) => c.zRange(d.zsets[i], 0, 9)
    }
  };
}

function ioredisMockPeer(d) {
  const c = new IORedisMock();
  return {
    name: 'ioredis-mock',
    open: async () => {},
    flush: () => c.flushall(),
    close: async () => c.disconnect(),
    ops: {
      HSET: (i) => c.hset(d.keys[i], d.fields[i], d.values[i]),
      HGET: (i) => c.hget(d.keys[i], d.fields[i]),
      LPUSH: (i) => c.lpush(d.lists[i], d.values[i]),
      LPOP: (i) => c.lpop(d.lists[i]),
      SADD: (i) => c.sadd(d.sets[i], d.fields[i]),
      SISMEMBER: (i) => c.sismember(d.sets[i], d.fields[i]),
      ZADD: (i) => c.zadd(d.zsets[i], i, d.fields[i]),
      ZRANGE: (i) => c.zrange(d.zsets[i], 0, 9)
    }
  };
}


// In this order, on one flushed keyspace per mode.
const WORKLOADS = ['HSET', 'HGET', 'LPUSH', 'LPOP', 'SADD', 'SISMEMBER', 'ZADD', 'ZRANGE'];
const MODES = ['seq', 'batch100'];

async function main() {
  const server = await startRedisServer();
  const data = makeData(N);
  const dataTcp = makeData(N_TCP);
  const peers = [
    nodeRedisApiPeer('redlite', redlite.createClient(), data),
    nodeRedisApiPeer('node-redis+redis-server', nodeRedis.createClient({ url: server.url }), dataTcp),
    ioredisMockPeer(data)
  ];
  peers[1].n = N_TCP;
  console.log(`node ${process.version}; N=${int(N)} calls (node-redis over TCP: ${int(N_TCP)}), ` +
    `${FIELDS} elements per collection, ${ROUNDS} rounds + 1 warm-up${QUICK ? ' (--quick)' : ''}`);
  const samples = new Map();
  try {
    for (const p of peers) await p.open();
    for (let round = 0; round <= ROUNDS; round++) {
      const order = peers.map((_, i) => peers[(i + round) % peers.length]);
      for (const mode of MODES) {
        for (const p of order) await p.flush();
        for (const w of WORKLOADS) {
          for (const p of order) {
            const r = await timed(runners[mode], p.ops[w], p.n || N);
            if (round === 0) continue;
            const k = `${p.name}|${w}|${mode}`;
            if (!samples.has(k)) samples.set(k, { ops: [], nulls: 0 });
            samples.get(k).ops.push(r.opsPerSec);
            samples.get(k).nulls += r.nulls;
          }
        }
      }
      console.log(round === 0 ? 'warm-up done' : `round ${round} done`);
    }
  } finally {
    for (const p of peers) await p.close().catch(() => {});
    await server.stop();
  }
  const rows = [['peer', 'op', 'mode', 'ops/s (median)', 'redlite/peer']];
  const results = [];
  for (const p of peers) {
    for (const w of WORKLOADS) {
      for (const mode of MODES) {
        const s = samples.get(`${p.name}|${w}|${mode}`);
        const ops = median(s.ops);
        const own = samples.get(`redlite|${w}|${mode}`).ops;
        const ratio = median(own.map((x, r) => x / s.ops[r])); // paired by round
        rows.push([p.name, w, mode, int(ops), ratio.toFixed(2) + 'x']);
        results.push({ peer: p.name, op: w, mode, opsPerSec: Math.round(ops), redliteRatio: +ratio.toFixed(3),
          ratioOfMedians: +(median(own) / ops).toFixed(3), samples: s.ops.map(Math.round), nulls: s.nulls });
      }
    }
  }
  console.log('\n' + table(rows));
  for (const r of results) {
    if (['HGET', 'LPOP'].includes(r.op) && r.nulls) console.log(`warning: ${r.peer} ${r.op} ${r.mode}: ${r.nulls} nulls`);
  }
  const out = { bench: 'collections', quick: QUICK, date: new Date().toISOString(), node: process.version,
    n: N, nTcp: N_TCP, rounds: ROUNDS, elementsPerCollection: FIELDS, results };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
