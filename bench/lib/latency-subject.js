'use strict';
// Child process of latency.js: loads N keys into one store, then runs a mixed GET/SET load at
// a fixed rate while measuring the event loop, and prints its measurements as one JSON line
// on stdout (progress goes to stderr).
//   node --expose-gc --max-old-space-size=12288 bench/lib/latency-subject.js <subject> <keys> <seconds> <rate> <readRatio>
// subject: redlite | redlite-sync | lru-cache | map | noop. Keys are key(0..N-1) of lib/data.js, 100-byte
// values; the JS stores (Map, lru-cache) hold flat strings, one real string per key and value.
//
// The load: each op picks a resident key uniformly at random (seeded: every subject sees the
// same sequence); READ_RATIO of the ops GET it, the others SET it to a new 100-byte flat
// string (so the JS stores promote values and make old-generation garbage, as a real cache
// does). A scheduler works out each tick how many ops are owed (rate x elapsed - done) and
// issues them, stopping after TICK_BUDGET_MS of work; it then yields with setImmediate if
// ops are still owed, or sleeps on a 1 ms timer if it has caught up. redlite and the noop
// control are called the way an app calls them (await on every call); lru-cache and Map
// synchronously.
const { constants, monitorEventLoopDelay, performance, PerformanceObserver } = require('node:perf_hooks');
const { LRUCache } = require('lru-cache');
const { key, value, flat } = require('./data');
const { gc, gcSettled, watchGc } = require('./gc');
const { rng } = require('./zipf');

const [subject, KEYS, SECONDS, RATE, READ_RATIO] = [process.argv[2], ...process.argv.slice(3, 7).map(Number)];
const LOAD_BATCH = 1000; // redlite loading: awaited Promise.all of this many SETs
const LRU_HEADROOM = 1000; // lru-cache max = keys + this: the load never evicts
const TICK_BUDGET_MS = 2;
const SEED = 20240607;
const PROGRESS_EVERY = 1e6;
// A store kept up with the rate if its backlog at the end is under this many seconds of ops:
// a stall of the machine just before the end (tens of ms on this shared VM) leaves a backlog
// that says nothing about the store; a store too slow for the rate piles one up all run long.
const KEPT_UP_SLACK_S = 0.25;

const progress = (msg) => process.stderr.write(`${subject}: ${msg}\n`);

// The subject behind one shape: { sync, load(), get(k), set(k, v), size(), close() }.
// load() stores KEYS keys (a promise); get/set return promises when !sync; size() is a
// promise of the number of keys held. Only 'redlite' loads the addon.
function makeStore(name) {
  if (name === 'redlite-sync') {
    // The same keyspace through client.sync: no promise per call, so no garbage but the
    // values read.
    const c = require('../..').createClient();
    return {
      sync: true,
      async load() {
        await c.connect();
        for (let i = 0; i < KEYS; i++) {
          c.sync.set(key(i), value(i));
          if ((i + 1) % PROGRESS_EVERY === 0) progress(`${i + 1} keys loaded`);
        }
      },
      get: (k) => c.sync.get(k),
      set: (k, v) => {
        c.sync.set(k, v);
      },
      size: () => c.dbSize(),
      close: () => c.close()
    };
  }
  if (name === 'redlite') {
    const c = require('../..').createClient();
    return {
      sync: false,
      async load() {
        await c.connect();
        for (let i = 0; i < KEYS; i += LOAD_BATCH) {
          const pending = [];
          for (let j = i; j < Math.min(i + LOAD_BATCH, KEYS); j++) pending.push(c.set(key(j), value(j)));
          await Promise.all(pending);
          if ((i + LOAD_BATCH) % PROGRESS_EVERY === 0) progress(`${i + LOAD_BATCH} keys loaded`);
        }
      },
      get: (k) => c.get(k),
      set: (k, v) => c.set(k, v),
      size: () => c.dbSize(),
      close: () => c.close()
    };
  }
  if (name === 'lru-cache' || name === 'map') {
    const m = name === 'map' ? new Map() : new LRUCache({ max: KEYS + LRU_HEADROOM });
    return {
      sync: true,
      async load() {
        for (let i = 0; i < KEYS; i++) {
          m.set(flat(key(i)), flat(value(i)));
          if ((i + 1) % PROGRESS_EVERY === 0) progress(`${i + 1} keys loaded`);
        }
      },
      get: (k) => m.get(k),
      set: (k, v) => {
        m.set(k, v);
      },
      size: async () => m.size,
      close: async () => {}
    };
  }
  if (name === 'noop') {
    // The control: the same awaited calls as redlite's, nothing stored.
    return {
      sync: false,
      load: async () => {},
      get: async () => 'v',
      set: async () => 'OK',
      size: async () => 0,
      close: async () => {}
    };
  }
  throw new Error(`unknown subject '${name}'`);
}

// Collects the start times (performance.now() ms) of V8's full mark-compact pauses until
// stop(): { starts, stop() }. (lib/gc.js watchGc records every pause, whatever its kind.)
function watchMajorGc() {
  const starts = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) starts.push(e.startTime);
  });
  obs.observe({ entryTypes: ['gc'] });
  return { starts, stop: () => obs.disconnect() };
}

// process.memoryUsage() after two full collections.
function memory() {
  gc();
  gc();
  return process.memoryUsage();
}

// Runs the load against store for SECONDS at RATE ops/s (see the header). Resolves
// { opsDone, opsOwed, secs, misses, ticks, cappedTicks }: opsOwed is RATE x secs, the ops a
// store that kept up would have done; misses counts GETs answered null/undefined (there
// should be none: every key is resident); cappedTicks counts ticks stopped by the budget.
async function runLoad(store) {
  const random = rng(SEED);
  const { sync } = store;
  const perMs = RATE / 1000;
  let done = 0;
  let misses = 0;
  let sets = 0;
  let ticks = 0;
  let cappedTicks = 0;
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  for (;;) {
    const tickStart = performance.now();
    if (tickStart >= end) break;
    const owed = Math.floor((tickStart - t0) * perMs) - done;
    let n = 0;
    while (n < owed) {
      const k = key(Math.floor(random() * KEYS));
      if (random() < READ_RATIO) {
        const v = sync ? store.get(k) : await store.get(k);
        if (v == null) misses++;
      } else {
        const v = flat(value(KEYS + sets++)); // a value no key held before
        if (sync) store.set(k, v);
        else await store.set(k, v);
      }
      n++;
      if ((n & 15) === 0 && performance.now() - tickStart >= TICK_BUDGET_MS) break;
    }
    done += n;
    ticks++;
    if (n < owed) {
      cappedTicks++;
      await new Promise(setImmediate);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  const secs = (performance.now() - t0) / 1000;
  return { opsDone: done, opsOwed: Math.floor(RATE * secs), secs, misses, ticks, cappedTicks };
}

async function main() {
  const store = makeStore(subject);
  const l0 = performance.now();
  await store.load();
  const loadSeconds = (performance.now() - l0) / 1000;
  const dbsize = await store.size();
  const mem = memory();
  progress(`loaded ${dbsize} keys in ${loadSeconds.toFixed(1)} s, rss ${(mem.rss / 1048576).toFixed(0)} MB, ` +
    `heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB; running the load for ${SECONDS} s`);
  await gcSettled();

  const gcs = watchGc();
  const majors = watchMajorGc();
  const eld = monitorEventLoopDelay({ resolution: 1 });
  const w0 = performance.now();
  eld.enable();
  const load = await runLoad(store);
  eld.disable();
  const w1 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the last GC entries arrive
  gcs.stop();
  majors.stop();
  const pauses = gcs.pauses.filter(([a]) => a >= w0 && a < w1).map(([a, b]) => b - a);
  // What a full collection costs with this store resident: gc() is a forced, stop-the-world
  // mark-compact (V8's own major GCs mark concurrently and pause less, but they trace the same
  // heap). None may happen in the window: this is the pause the window did not see.
  await gcSettled();
  const g0 = performance.now();
  gc();
  const forcedFullGcMs = performance.now() - g0;
  const dbsizeAfter = await store.size();
  await store.close();

  const ms = (ns) => +(ns / 1e6).toFixed(3);
  console.log(JSON.stringify({
    name: subject,
    opsDone: load.opsDone,
    opsOwed: load.opsOwed,
    opsPerSec: Math.round(load.opsDone / load.secs),
    seconds: +load.secs.toFixed(3),
    keptUp: load.opsOwed - load.opsDone <= RATE * KEPT_UP_SLACK_S,
    p50Ms: ms(eld.percentile(50)),
    p99Ms: ms(eld.percentile(99)),
    p999Ms: ms(eld.percentile(99.9)),
    maxMs: ms(eld.max),
    eldSamples: eld.count,
    gcPauses: {
      count: pauses.length,
      maxMs: +pauses.reduce((m, d) => Math.max(m, d), 0).toFixed(3),
      totalMs: +pauses.reduce((s, d) => s + d, 0).toFixed(3),
      major: majors.starts.filter((a) => a >= w0 && a < w1).length
    },
    forcedFullGcMs: +forcedFullGcMs.toFixed(2),
    rssMB: +(mem.rss / 1048576).toFixed(1),
    heapUsedMB: +(mem.heapUsed / 1048576).toFixed(1),
    peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    loadSeconds: +loadSeconds.toFixed(2),
    dbsize,
    dbsizeAfter,
    misses: load.misses,
    ticks: load.ticks,
    cappedTicks: load.cappedTicks
  }));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
