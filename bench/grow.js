'use strict';
// Latency of growing one redlite keyspace to 5M keys, one awaited SET at a time.
//   node --expose-gc bench/grow.js [--keys N] [--yield-every K] [--sched] [--noop] [--hash]
// --hash grows one hash to N fields (default 1M) with awaited HSETs instead (dbsize then
// reports the hash's HLEN).
// Every SET is timed with process.hrtime.bigint() around the awaited call. Between calls
// the loop yields to the event loop every K calls (default 1, via setImmediate, outside
// the timed window) so timers run - the keyspace's cron included - and
// monitorEventLoopDelay sees how long the loop is ever kept busy. V8 GC pauses are
// recorded too, to tell which slow calls a GC pause overlapped. --sched also reads the
// main thread's /proc schedstat and the process's page-fault counts around every call
// (~10 us a call, outside the timed window) to tell which slow calls spent their time
// waiting for a CPU (preempted by other processes) or faulting pages in. --noop times an
// async function that stores nothing instead: a control for the machine's own noise.
const fs = require('node:fs');
const { monitorEventLoopDelay, createHistogram, performance } = require('node:perf_hooks');
const { gc, watchGc } = require('./lib/gc');
const { key, flat, KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { int, mb } = require('./lib/stats');
const { createClient } = require('..');

function argValue(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

const HASH = process.argv.includes('--hash');
const KEYS = argValue('--keys', HASH ? 1e6 : 5e6);
const HASH_KEY = 'bighash';
const YIELD_EVERY = argValue('--yield-every', 1);
const SCHED = process.argv.includes('--sched');
const NOOP = process.argv.includes('--noop');
const SLOW_NS = 1000000n; // 1 ms
const TOP = 10;

const yieldLoop = () => new Promise(setImmediate);
const us = (ns) => (Number(ns) / 1000).toFixed(1) + ' us';
const ms = (ns) => (Number(ns) / 1e6).toFixed(3) + ' ms';

// hrtime.bigint() ns -> performance.now() ms (both read the same monotonic clock).
const hrOffset = performance.now() - Number(process.hrtime.bigint()) / 1e6;
const toPerf = (ns) => Number(ns) / 1e6 + hrOffset;

// Reads, before (0) and after (1) a call, the main thread's schedstat ('ns on CPU'
// 'ns waiting on a run queue' 'timeslices') and the process's page faults.
function schedReader() {
  const fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  const bufs = [Buffer.alloc(64), Buffer.alloc(64)];
  const faults = [0, 0];
  const wait = (which) => Number(bufs[which].toString('latin1').split(' ')[1]);
  return {
    read(which) {
      fs.readSync(fd, bufs[which], 0, 64, 0);
      const ru = process.resourceUsage();
      faults[which] = ru.minorPageFault + ru.majorPageFault;
    },
    // { wait: ns on a run queue, faults: page faults } between read(0) and read(1)
    delta: () => ({ wait: wait(1) - wait(0), faults: faults[1] - faults[0] })
  };
}

function memory() {
  gc();
  gc();
  return process.memoryUsage();
}

// Insert KEYS keys, timing each awaited SET. Returns everything report() prints.
async function grow(client) {
  const value = flat('v'.repeat(VALUE_BYTES));
  const calls = createHistogram({ lowest: 1, highest: 60e9, figures: 3 });
  const top = []; // slowest calls: { i, ns }, sorted descending
  const slow = []; // calls over 1 ms: { i, start, ns, wait, faults }
  const sched = SCHED ? schedReader() : null;
  let topFloor = 0n;

  const before = memory();
  const gcs = watchGc();
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < KEYS; i++) {
    const k = key(i);
    if (sched) sched.read(0);
    const s = process.hrtime.bigint();
    if (HASH) await client.hSet(HASH_KEY, k, value);
    else await client.set(k, value);
    const ns = process.hrtime.bigint() - s;
    if (sched) sched.read(1);
    calls.record(ns > 0n ? ns : 1n);
    if (ns > SLOW_NS) slow.push({ i, start: s, ns, ...(sched ? sched.delta() : {}) });
    if (ns > topFloor || top.length < TOP) {
      top.push({ i, ns, ...(sched ? sched.delta() : {}) });
      top.sort((a, b) => (b.ns > a.ns ? 1 : -1));
      if (top.length > TOP) top.pop();
      topFloor = top[top.length - 1].ns;
    }
    if ((i + 1) % YIELD_EVERY === 0) await yieldLoop();
    if ((i + 1) % 1e6 === 0) {
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      console.error(`  ${int(i + 1)} keys, ${secs.toFixed(1)} s, rss ${mb(process.memoryUsage().rss)}`);
    }
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  eld.disable();
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the last GC entries arrive
  gcs.stop();
  const dbsize = HASH ? await client.hLen(HASH_KEY) : await client.dbSize();
  return { elapsed, dbsize, calls, top, slow, eld, gcPauses: gcs.pauses, before, after: memory() };
}

function report(r) {
  const { calls, slow, eld } = r;
  const p = (h, q) => h.percentile(q);
  console.log(`${NOOP ? 'CONTROL (--noop: no store)' : 'redlite'} grow: ${int(KEYS)} awaited ${HASH ? 'HSETs into one hash' : 'SETs'}, ${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values, ` +
    `yield every ${YIELD_EVERY} call(s); node ${process.version}`);
  console.log(`time: ${r.elapsed.toFixed(2)} s (${int(KEYS / r.elapsed)} SET/s incl. yields), dbsize ${int(r.dbsize)}`);
  console.log(`per-call latency: p50 ${us(p(calls, 50))}  p99 ${us(p(calls, 99))}  ` +
    `p99.9 ${us(p(calls, 99.9))}  max ${ms(calls.max)}  (mean ${us(calls.mean)})`);
  const duringGc = (c) => r.gcPauses.some(([a, b]) => a < toPerf(c.start + c.ns) && b > toPerf(c.start));
  const where = slow.slice(0, 20).map((c) => c.i).join(', ') + (slow.length > 20 ? ', ...' : '');
  console.log(`calls over 1 ms: ${slow.length}, of which ${slow.filter(duringGc).length} overlapped a V8 GC pause` +
    (slow.length ? ` (key #: ${where})` : ''));
  const detail = (c) => `${ms(c.ns)} @#${c.i}` + (SCHED ? ` (wait ${ms(c.wait)}, ${c.faults} faults)` : '');
  if (SCHED) {
    const preempted = slow.filter((c) => c.wait * 2 > Number(c.ns));
    const others = slow.filter((c) => c.wait * 2 <= Number(c.ns)).sort((a, b) => (b.ns > a.ns ? 1 : -1));
    console.log(`  --sched: ${preempted.length} of ${slow.length} waited for a CPU (run queue) over half their time` +
      (others.length ? `; the ${others.length} others, slowest first: ${others.slice(0, 10).map(detail).join(', ')}` : ''));
  }
  console.log(`longest calls: ${r.top.map(detail).join(', ')}`);
  console.log(`event-loop delay (resolution 1 ms): p50 ${ms(p(eld, 50))}  p99 ${ms(p(eld, 99))}  ` +
    `p99.9 ${ms(p(eld, 99.9))}  max ${ms(eld.max)}  (${int(eld.count)} samples; an idle loop reads ~1 ms)`);
  const gcMs = r.gcPauses.map(([a, b]) => b - a);
  console.log(`V8 GC pauses: ${int(gcMs.length)}, ${gcMs.filter((d) => d > 1).length} over 1 ms, ` +
    `max ${gcMs.reduce((m, d) => Math.max(m, d), 0).toFixed(3)} ms`);
  const { before, after } = r;
  console.log(`RSS: ${mb(before.rss)} -> ${mb(after.rss)}, +${((after.rss - before.rss) / KEYS).toFixed(1)} ` +
    `bytes/key (payload ${KEY_BYTES + VALUE_BYTES} bytes/key)`);
  console.log(`V8 heap used: ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, ` +
    `${((after.heapUsed - before.heapUsed) / KEYS).toFixed(2)} bytes/key`);
}

// The control: same calls, nothing stored.
function noopClient() {
  return {
    connect: async () => {},
    flushAll: async () => 'OK',
    set: async () => 'OK',
    dbSize: async () => 0,
    hSet: async () => 1,
    hLen: async () => 0,
    close: async () => {}
  };
}

async function main() {
  const client = NOOP ? noopClient() : createClient();
  await client.connect();
  await client.flushAll();
  report(await grow(client));
  await client.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
