'use strict';
// Soak: a mixed workload on one keyspace for a set time, reporting RSS and used_memory over
// time, so that a leak (RSS growing after warm-up) or a drift of the memory account shows.
//   node bench/soak.js [--seconds 600] [--maxmemory 64mb] [--warmup 0.5]
// (it runs itself again with --expose-gc and V8's young generation fixed in size: V8_FLAGS)
// Workload, from 4 clients in turns (a step is 1 to 3 commands): strings with and without TTLs (SET EX of 1-5 s, so
// expiry runs all the time), hashes, lists, sets, sorted sets (writes, reads, deletes, pops),
// MULTI/EXEC blocks, PUBLISH to a subscriber, with allkeys-lru eviction holding the keyspace at
// --maxmemory. Every second: RSS, JS heap, used_memory, keys, evicted and expired keys. Every
// 5 seconds the core recounts its memory and checks its invariants (debugCheck): any mismatch
// ends the run with exit code 1. Every minute, a full GC and then RSS and V8's heap, so that
// growth can be told from V8's garbage (which swings the per-second RSS by tens of MB). At the
// end: RSS growth after warm-up (the first half of the run: --warmup) as % per hour, from a least-squares
// line through the samples, split into the keyspace allocator, V8's heap and the rest of the
// process, and the same through the after-GC samples.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { createClient } = require('..');
const { binding } = require('../lib/native');
const { gc } = require('./lib/gc');

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
}
// V8 resizes its young generation as the allocation rate changes, which moves RSS by tens of
// MB either way; the soak runs with it fixed at V8's default maximum (two 16 MB semi-spaces),
// so that RSS shows the process's growth, not V8's resizing. Started without those flags, the
// script runs itself again with them.
const V8_FLAGS = ['--expose-gc', '--min-semi-space-size=16', '--max-semi-space-size=16'];
if (!V8_FLAGS.every((f) => process.execArgv.includes(f))) {
  const child = childProcess.spawnSync(process.execPath, [...V8_FLAGS, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' });
  process.exit(child.status === null ? 1 : child.status);
}

const SECONDS = Number(arg('--seconds', 600));
// Fraction of the run left out as warm-up. In the one-hour run at 792bc1f, after-GC RSS
// climbed to its plateau until 17 minutes in and was flat (184.2-185.8 MB) after; the
// fraction was 0.2 then, which left two low early samples in the fit (3.13 %/h after GC,
// 0.52 %/h over the second half).
const WARMUP = Number(arg('--warmup', 0.5));
const MAXMEMORY = arg('--maxmemory', '64mb');
const OUT = path.join(__dirname, 'results-soak.json');
const SETTLED_EVERY_MS = 60000; // a full GC, then RSS and V8's heap (see 'settled')
const KEYS = 200000; // key names per type: more than fit under the limit, so eviction runs

// mulberry32: a seeded generator whose every output bit is usable (so `% n` spreads well).
let seed = 12345;
function rand(n) {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
}

// The per-second samples, one Float64Array per field: an hour of them as JS objects would be
// 0.7 MB of live heap, growing all run long, that the soak would then measure as growth.
class SampleLog {
  constructor(fields, capacity) {
    this.fields = fields;
    this.length = 0;
    this.cols = Object.fromEntries(fields.map((f) => [f, new Float64Array(capacity)]));
  }

  push(sample) {
    if (this.length === this.cols[this.fields[0]].length) {
      for (const f of this.fields) {
        const grown = new Float64Array(this.length * 2);
        grown.set(this.cols[f]);
        this.cols[f] = grown;
      }
    }
    for (const f of this.fields) this.cols[f][this.length] = sample[f];
    this.length++;
  }

  // Every sample as an object (for the report at the end).
  toObjects() {
    return Array.from({ length: this.length }, (_, i) => Object.fromEntries(this.fields.map((f) => [f, this.cols[f][i]])));
  }
}

function info(text, field) {
  const m = new RegExp(`^${field}:(\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

// One step of the workload on client 'c': a handful of commands of every type.
async function step(c, received) {
  const k = rand(KEYS);
  const v = 'v'.repeat(10 + rand(200));
  switch (rand(10)) {
    case 0: await c.set(`str:${k}`, v, { expiration: { type: 'EX', value: 1 + rand(5) } }); await c.get(`str:${rand(KEYS)}`); break;
    case 1: await c.set(`str:${k}`, v); await c.incr(`cnt:${rand(1000)}`); await c.del(`str:${rand(KEYS)}`); break;
    case 2: await c.hSet(`hash:${k % 20000}`, { [`f${rand(200)}`]: v, n: String(k) }); await c.hGetAll(`hash:${rand(20000)}`); break;
    case 3: await c.lPush(`list:${k % 5000}`, [v, v]); await c.rPop(`list:${rand(5000)}`); await c.lRange(`list:${rand(5000)}`, 0, 9); break;
    case 4: await c.sAdd(`set:${k % 10000}`, [`m${rand(300)}`, String(rand(1000))]); await c.sRem(`set:${rand(10000)}`, `m${rand(300)}`); break;
    case 5: await c.zAdd(`zset:${k % 10000}`, { score: rand(1e6), value: `m${rand(500)}` }); await c.zRange(`zset:${rand(10000)}`, 0, 4); break;
    case 6: await c.zPopMin(`zset:${rand(10000)}`); await c.expire(`hash:${rand(20000)}`, 1 + rand(10)); break;
    case 7: await c.multi().set(`tx:${k}`, v).incr(`cnt:${rand(1000)}`).hSet(`hash:${rand(20000)}`, 'tx', v).exec(); break;
    case 8: await c.publish('soak', v); break;
    default: await c.unlink([`list:${rand(5000)}`, `set:${rand(10000)}`]); await c.mGet([`str:${rand(KEYS)}`, `str:${k}`]);
  }
  void received;
}

// RSS growth in % per hour from a slope in MB per hour and a mean RSS in bytes (null when
// there were too few samples).
function rssPercentPerHour(mbPerHour, meanRss) {
  return mbPerHour === null || !meanRss ? null : +((mbPerHour * 1048576) / meanRss * 100).toFixed(3);
}

// Least-squares slope of y over x.
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

async function main() {
  const url = 'redis://soak.local:1';
  const clients = [];
  for (let i = 0; i < 4; i++) clients.push(await createClient({ url, maxmemory: MAXMEMORY }).connect());
  const sub = await createClient({ url }).connect();
  let received = 0;
  await sub.subscribe('soak', () => received++);
  const server = clients[0]._state.keyspace.server;
  const log = new SampleLog(['t', 'rss', 'heap', 'heapTotal', 'used', 'allocator', 'keys', 'evicted', 'expired', 'stepsPerSec'],
    SECONDS + 60);
  const t0 = Date.now();
  let ops = 0;
  let nextSample = t0 + 1000;
  let nextCheck = t0 + 5000;
  let nextSettled = t0 + SETTLED_EVERY_MS;
  const settled = []; // RSS and V8 heap right after a full GC, every SETTLED_EVERY_MS
  console.log(`soak: ${SECONDS} s, maxmemory ${MAXMEMORY}, node ${process.version}`);
  console.log('   t(s)   RSS(MB)  heap(MB)  used_memory(MB)  allocator(MB)      keys   evicted   expired  steps/s');
  let lastOps = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    for (let i = 0; i < 200; i++) await step(clients[ops++ % clients.length], received);
    const now = Date.now();
    if (now >= nextSample) {
      nextSample += 1000;
      const text = await clients[0].info();
      const mem = process.memoryUsage();
      const s = {
        t: (now - t0) / 1000,
        rss: mem.rss,
        heap: mem.heapUsed,
        heapTotal: mem.heapTotal,
        used: info(text, 'used_memory'),
        allocator: info(text, 'allocator_allocated'),
        keys: await clients[0].dbSize(),
        evicted: info(text, 'evicted_keys'),
        expired: info(text, 'expired_keys'),
        stepsPerSec: ops - lastOps
      };
      lastOps = ops;
      log.push(s);
      if (log.length % 10 === 1) {
        console.log(`${s.t.toFixed(0).padStart(7)} ${(s.rss / 1048576).toFixed(1).padStart(9)} ${(s.heap / 1048576).toFixed(1).padStart(9)} ` +
          `${(s.used / 1048576).toFixed(1).padStart(16)} ${(s.allocator / 1048576).toFixed(1).padStart(14)} ${String(s.keys).padStart(9)} ${String(s.evicted).padStart(9)} ` +
          `${String(s.expired).padStart(9)} ${String(s.stepsPerSec).padStart(8)}`);
      }
    }
    if (now >= nextSettled) {
      nextSettled += SETTLED_EVERY_MS;
      gc();
      const mem = process.memoryUsage();
      settled.push({ t: (Date.now() - t0) / 1000, rss: mem.rss, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal });
    }
    if (now >= nextCheck) {
      nextCheck += 5000;
      const ok = binding.debugCheck(server);
      if (ok !== true) {
        console.error(`invariant check failed at ${((now - t0) / 1000).toFixed(0)} s: ${ok}`);
        process.exitCode = 1;
        break;
      }
    }
  }
  gc();
  const samples = log.toObjects();
  const after = samples.filter((s) => s.t >= SECONDS * WARMUP);
  const rssSlope = slope(after.map((s) => s.t), after.map((s) => s.rss)); // bytes per second
  const meanRss = after.reduce((a, s) => a + s.rss, 0) / after.length;
  const growthPerHour = (rssSlope * 3600) / meanRss * 100;
  const usedSlope = slope(after.map((s) => s.t), after.map((s) => s.used));
  // Where RSS growth comes from: the keyspace's allocator (slab pages + large objects, INFO's
  // allocator_allocated), V8's heap (heapTotal) and the rest of the process (RSS minus both),
  // each as MB per hour after warm-up.
  for (const s of after) s.other = s.rss - s.heapTotal - s.allocator;
  const mbPerHour = (key) => +(slope(after.map((s) => s.t), after.map((s) => s[key])) * 3600 / 1048576).toFixed(2);
  const parts = { rss: mbPerHour('rss'), allocator: mbPerHour('allocator'), heapTotal: mbPerHour('heapTotal'),
    other: mbPerHour('other') };
  console.log(`after warm-up, MB per hour: RSS ${parts.rss} = keyspace allocator ${parts.allocator} + V8 heapTotal ` +
    `${parts.heapTotal} + the rest ${parts.other}`);
  // The same after a full GC each time (V8's heap swings by tens of MB between collections,
  // which the per-second samples see as noise): live JS growth shows in heapUsed here.
  const settledAfter = settled.filter((s) => s.t >= SECONDS * WARMUP);
  const settledSlope = (key) => settledAfter.length > 1
    ? +(slope(settledAfter.map((s) => s.t), settledAfter.map((s) => s[key])) * 3600 / 1048576).toFixed(2) : null;
  const settledMeanRss = settledAfter.reduce((a, s) => a + s.rss, 0) / (settledAfter.length || 1);
  const settledParts = { rss: settledSlope('rss'), heapUsed: settledSlope('heapUsed'), heapTotal: settledSlope('heapTotal'),
    rssGrowthPercentPerHour: rssPercentPerHour(settledSlope('rss'), settledMeanRss) };
  console.log(`after a full GC (${settledAfter.length} samples, every ${SETTLED_EVERY_MS / 1000} s), MB per hour: RSS ${settledParts.rss}, ` +
    `V8 heapUsed ${settledParts.heapUsed}, heapTotal ${settledParts.heapTotal}; RSS growth ${settledParts.rssGrowthPercentPerHour} % per hour`);
  console.log(`\nafter warm-up (${after.length} samples): RSS ${(meanRss / 1048576).toFixed(1)} MB on average, ` +
    `growth ${growthPerHour.toFixed(2)} % per hour; used_memory slope ${(usedSlope * 3600 / 1048576).toFixed(2)} MB per hour; ` +
    `${received} messages received; invariant checks ${process.exitCode ? 'FAILED' : 'passed'}`);
  fs.writeFileSync(OUT, JSON.stringify({ bench: 'soak', date: new Date().toISOString(), node: process.version,
    seconds: SECONDS, maxmemory: MAXMEMORY, warmupFraction: WARMUP, rssGrowthPercentPerHour: +growthPerHour.toFixed(3),
    usedMemorySlopeMBPerHour: +(usedSlope * 3600 / 1048576).toFixed(3), growthMBPerHour: parts,
    afterFullGc: { everySeconds: SETTLED_EVERY_MS / 1000, growthMBPerHour: settledParts, samples: settled }, invariantChecks: process.exitCode ? 'failed' : 'passed',
    samplesEvery10s: samples.filter((_, i) => i % 10 === 0) }, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  await sub.close();
  for (const c of clients) await c.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
