'use strict';
// Child process of bench/expiry.js: one subject of the expiry storm, alone in its process.
//   node --expose-gc bench/lib/expiry-subject.js SUBJECT KEYS SPREAD_MS CAP_MS [--idle]
// SUBJECT: redlite | redis-server | node-cache | lru-cache; CAP_MS: how long after T the keys
// may take to be reclaimed before the run counts as failed.
//
// Loads KEYS keys (lib/data.js: 16-byte keys, 100-byte values) with an absolute expiry: key i
// expires at T + floor(i * SPREAD_MS / KEYS), T a whole second chosen a few seconds after the
// loading ends (SPREAD_MS 0: every key at the same millisecond T). One more key, 'probe', never
// expires. From the end of the loading on, a 1 ms setInterval records its own tick times and
// (unless --idle) GETs 'probe' once a tick: a light background load; a 10 ms setInterval polls
// how many keys are left. From T it measures, until the keys are reclaimed (or CAP_MS have
// passed) plus WINDOW_AFTER_MS:
//   - reclaimMs: T to the first poll that sees no expiring key left (and, for redlite and
//     redis-server, INFO stats expired_keys grown by KEYS); progressMs: T to the first poll
//     that saw the first key, 10%, 50%... of them gone (halfReclaimMs: 50%);
//   - for the in-process stores (not redis-server, whose event loop is another process's):
//     monitorEventLoopDelay({ resolution: 1 }) p99 / p99.9 / max, enabled by the first tick
//     ELD_EARLY_MS before T; the largest gap between two consecutive ticks overlapping the
//     window, the number of gaps over 2 ms, the largest gap less the time the main thread
//     waited for a CPU inside it ('own' gap: the stall not due to other processes; Linux
//     schedstat), and the longest V8 GC pause in it; and, as a control, the same tick-gap
//     figures for the second before T;
//   - memory just before the storm (keys loaded) and after the window, each after two full
//     GCs: used_memory and allocator_allocated (redlite, redis-server), RSS (redis-server: its
//     used_memory_rss) and the V8 heap (JS stores), plus the same before loading ('empty').
// The result goes to the parent over IPC ({ type: 'result', result }) or, run by hand, to
// stdout as one JSON line; progress goes to stderr. Messages to the parent: { type: 'armed',
// expiryAt } once loaded (T, in Date.now() ms), then the result.
const fs = require('node:fs');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const { gc, watchGc } = require('./gc');
const { key, value, flat } = require('./data');
const { int } = require('./stats');

const [NAME, KEYS_ARG, SPREAD_ARG, CAP_ARG] = process.argv.slice(2);
const KEYS = Number(KEYS_ARG);
const SPREAD_MS = Number(SPREAD_ARG || 0);
const CAP_MS = Number(CAP_ARG || 120000); // not reclaimed within this long after T: failed
const IDLE = process.argv.includes('--idle');

const PROBE = 'probe';
const BATCH = 1000; // keys set between two event-loop turns (Promise.all for the async stores)
const LEAD_MS = 3000; // at least this long between the estimated end of loading and T
const LOAD_FACTOR = 3; // the loading estimated from the pilot, times this
const MIN_LEAD_MS = 1000; // a loading that ends later than T - MIN_LEAD_MS is a failed run
const TICK_MS = 1;
const POLL_MS = 10;
const WINDOW_AFTER_MS = 1000; // the window goes on this long after the keys are reclaimed
const CONTROL_MS = 1000; // the control: the last second before T
const ELD_EARLY_MS = 10; // the delay histogram starts this long before T (a stall may begin at T)
const SLOW_GAP_MS = 2;
// Shares of the keys (%) whose reclaim time is recorded (progressMs); 0: the first key gone.
const PROGRESS = [0, 10, 50, 90, 99, 100];

const MB = 1048576;
const toMB = (bytes) => (bytes == null ? undefined : +(bytes / MB).toFixed(1));
const round2 = (x) => +x.toFixed(2);
const yieldLoop = () => new Promise(setImmediate);
const log = (msg) => console.error(`  ${NAME}: ${msg}`);

// The integer field 'name' of an INFO reply.
function infoField(info, name) {
  const m = info.match(new RegExp(`^${name}:(\\d+)`, 'm'));
  if (!m) throw new Error(`INFO has no ${name}`);
  return Number(m[1]);
}

// A reader of the main thread's time spent waiting for a CPU (ns on a run queue, from
// /proc/thread-self/schedstat), or null where that file cannot be read. A tick gap minus the
// wait inside it is the time the thread was kept from the loop by its own work (or blocked).
function schedWait() {
  let fd;
  try {
    fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buf = Buffer.alloc(64);
  return () => {
    const n = fs.readSync(fd, buf, 0, 64, 0);
    return Number(buf.toString('latin1', 0, n).split(' ')[1]);
  };
}

// The stores behind one shape:
//   { inProcess, open(), put(i, at) -> value | promise, reset(), probe(), count(), memory(),
//     close() }
// put sets key i with absolute expiry 'at' (Date.now() ms); reset empties the store and sets
// the non-expiring probe key; probe() is one background GET of it (never awaited); count()
// resolves { left: expiring keys still held, expired: the store's expired counter or null };
// memory() resolves { usedMemory?, allocator?, rss, heapUsed? } (call after gc; allocator: INFO
// memory allocator_allocated, what the allocator holds for the keyspace).

// A subject behind the node-redis 6 API: redlite in this process, or redis-server over TCP
// (then inProcess is false and RSS is the server's used_memory_rss).
function redisApiSubject(client, inProcess, onClose) {
  let probeErrors = 0;
  return {
    inProcess,
    probeErrors: () => probeErrors,
    open: () => client.connect(),
    put: (i, at) => client.set(key(i), value(i), { PXAT: at }),
    async reset() {
      await client.flushAll();
      await client.set(PROBE, 'p');
    },
    probe() {
      client.get(PROBE).then((v) => {
        if (v !== 'p') probeErrors++;
      }, () => probeErrors++);
    },
    async count() {
      const [stats, size] = await Promise.all([client.info('stats'), client.dbSize()]);
      return { left: size - 1, expired: infoField(stats, 'expired_keys') };
    },
    async memory() {
      const info = await client.info('memory');
      const m = process.memoryUsage();
      return { usedMemory: infoField(info, 'used_memory'), allocator: infoField(info, 'allocator_allocated'),
        rss: inProcess ? m.rss : infoField(info, 'used_memory_rss'), heapUsed: inProcess ? m.heapUsed : undefined };
    },
    async close() {
      await client.close().catch(() => {});
      if (onClose) await onClose();
    }
  };
}

function redliteSubject() {
  const { createClient } = require('../..');
  return redisApiSubject(createClient(), true, null);
}

async function redisServerSubject() {
  const { startRedisServer } = require('../../test/helpers/redis-server');
  const server = await startRedisServer();
  const client = require('redis').createClient({ url: server.url });
  client.on('error', (err) => console.error('node-redis:', err.message));
  return redisApiSubject(client, false, () => server.stop());
}

// node-cache as the issue has it: stdTTL 0 (no default TTL), its expiry check every second.
// Its TTLs are relative seconds (fractions allowed): the remaining time to 'at' at the set.
function nodeCacheSubject() {
  const NodeCache = require('node-cache');
  const cache = new NodeCache({ stdTTL: 0, checkperiod: 1 });
  let probeErrors = 0;
  return {
    inProcess: true,
    probeErrors: () => probeErrors,
    open: async () => {},
    put: (i, at) => cache.set(flat(key(i)), flat(value(i)), (at - Date.now()) / 1000),
    reset() {
      cache.flushAll();
      cache.set(PROBE, 'p', 0);
    },
    probe() {
      if (cache.get(PROBE) !== 'p') probeErrors++;
    },
    count: async () => ({ left: cache.getStats().keys - 1, expired: null }),
    memory: async () => ({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }),
    close: async () => cache.close()
  };
}

// lru-cache v11 with ttlAutopurge (one unref'd setTimeout per key); per-key TTLs are the
// remaining ms to 'at' at the set; the probe has ttl 0 (none).
function lruCacheSubject() {
  const { LRUCache } = require('lru-cache');
  const cache = new LRUCache({ max: Math.max(2e6, 2 * KEYS), ttl: LEAD_MS, ttlAutopurge: true });
  let probeErrors = 0;
  return {
    inProcess: true,
    probeErrors: () => probeErrors,
    open: async () => {},
    put: (i, at) => cache.set(flat(key(i)), flat(value(i)), { ttl: Math.max(1, Math.round(at - Date.now())) }),
    reset() {
      cache.clear();
      cache.set(PROBE, 'p', { ttl: 0 });
    },
    probe() {
      if (cache.get(PROBE) !== 'p') probeErrors++;
    },
    count: async () => ({ left: cache.size - 1, expired: null }),
    memory: async () => ({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }),
    close: async () => cache.clear()
  };
}

const SUBJECTS = { redlite: redliteSubject, 'redis-server': redisServerSubject, 'node-cache': nodeCacheSubject,
  'lru-cache': lruCacheSubject };

// Sets keys [from, to) with expiry at(i), BATCH at a time, yielding to the event loop after
// each batch (so timers, the stores' own included, run as in a server).
async function load(s, from, to, at) {
  for (let i = from; i < to; i += BATCH) {
    const end = Math.min(i + BATCH, to);
    const pending = [];
    for (let j = i; j < end; j++) pending.push(s.put(j, at(j)));
    await Promise.all(pending);
    await yieldLoop();
  }
}

// Memory after two full GCs.
async function memory(s) {
  gc();
  gc();
  return s.memory();
}

// A pilot load of a few keys (expiring in an hour, then removed by reset()), twice (the first
// warms the code up), to estimate the loading time; returns ms per key of the faster round.
async function pilot(s) {
  const n = Math.min(KEYS, Math.max(2000, Math.min(10000, Math.floor(KEYS / 100))));
  const far = Date.now() + 3600e3;
  let best = Infinity;
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    await load(s, 0, n, () => far);
    best = Math.min(best, (performance.now() - t0) / n);
    await s.reset();
  }
  return best;
}

// The storm: from now until the keys are reclaimed (or T + CAP_MS) plus WINDOW_AFTER_MS, with
// T = expiryAt (Date.now() ms). Resolves the measurements (perf ms relative to T).
function storm(s, expiryAt, expiredBase) {
  return new Promise((resolve) => {
    const t0 = expiryAt + performance.now() - Date.now(); // T on the performance.now() clock
    const eld = monitorEventLoopDelay({ resolution: 1 });
    const gcs = watchGc();
    let eldOn = false;
    let prev = performance.now();
    let end = Infinity; // window end, once reclaimed
    let maxGap = 0;
    let maxGapAt = null;
    let slowGaps = 0;
    let controlGap = 0;
    let controlSlowGaps = 0;
    const sched = schedWait();
    let prevWait = sched ? sched() : 0;
    let ownGap = 0;
    let controlOwnGap = 0;
    let earlyLoss = 0; // keys gone before T
    const marks = PROGRESS.map(() => null); // when each share of PROGRESS was first seen gone
    let reclaimedAt = null;
    let polling = false;
    let last = { left: KEYS, expired: null };
    let done = false;

    const tick = () => {
      const now = performance.now();
      const wait = sched ? sched() : 0;
      if (!eldOn && now >= t0 - ELD_EARLY_MS) {
        eld.enable();
        eldOn = true;
      }
      const gap = now - prev;
      if (now > t0 && prev < end) {
        if (gap > maxGap) {
          maxGap = gap;
          maxGapAt = prev - t0;
        }
        if (gap > SLOW_GAP_MS) slowGaps++;
        if (sched) ownGap = Math.max(ownGap, gap - (wait - prevWait) / 1e6);
      } else if (now <= t0 && now > t0 - CONTROL_MS) {
        controlGap = Math.max(controlGap, gap);
        if (gap > SLOW_GAP_MS) controlSlowGaps++;
        if (sched) controlOwnGap = Math.max(controlOwnGap, gap - (wait - prevWait) / 1e6);
      }
      prev = now;
      prevWait = wait;
      if (!IDLE) s.probe();
    };

    const finish = (failed) => {
      if (done) return;
      done = true;
      clearInterval(ticker);
      clearInterval(poller);
      if (eldOn) eld.disable();
      gcs.stop();
      const lo = t0;
      const hi = Math.min(end, performance.now());
      const gcMax = gcs.pauses.filter(([a, b]) => b > lo && a < hi).reduce((m, [a, b]) => Math.max(m, b - a), 0);
      const ns = (x) => round2(x / 1e6);
      resolve({
        failed,
        reclaimMs: reclaimedAt === null ? undefined : Math.round(reclaimedAt - t0),
        halfReclaimMs: marks[PROGRESS.indexOf(50)] === null ? undefined : Math.round(marks[PROGRESS.indexOf(50)] - t0),
        progressMs: Object.fromEntries(PROGRESS.map((p, i) => [p, marks[i] === null ? null : Math.round(marks[i] - t0)])),
        keysLeft: last.left,
        expiredCounted: last.expired === null ? undefined : last.expired - expiredBase,
        earlyLoss,
        maxStallMs: eldOn ? ns(eld.max) : undefined,
        p99Ms: eldOn ? ns(eld.percentile(99)) : undefined,
        p999Ms: eldOn ? ns(eld.percentile(99.9)) : undefined,
        eldSamples: eldOn ? eld.count : 0,
        maxTickGapMs: round2(maxGap),
        maxTickGapAtMs: maxGapAt === null ? undefined : Math.round(maxGapAt),
        tickGapsOver2Ms: slowGaps,
        maxOwnTickGapMs: sched ? round2(ownGap) : undefined,
        controlMaxTickGapMs: round2(controlGap),
        controlTickGapsOver2Ms: controlSlowGaps,
        controlMaxOwnTickGapMs: sched ? round2(controlOwnGap) : undefined,
        maxGcPauseMs: round2(gcMax)
      });
    };

    const poll = async () => {
      if (polling || done) return;
      polling = true;
      try {
        last = await s.count();
      } catch (err) {
        polling = false;
        return finish(`poll failed: ${err.message}`);
      }
      polling = false;
      const now = performance.now();
      if (now < t0) {
        earlyLoss = Math.max(earlyLoss, KEYS - last.left);
        return;
      }
      if (reclaimedAt !== null) return;
      PROGRESS.forEach((p, i) => {
        if (marks[i] === null && KEYS - last.left >= Math.max(1, Math.ceil(KEYS * p / 100))) marks[i] = now;
      });
      const counted = last.expired === null || last.expired - expiredBase >= KEYS;
      if (last.left <= 0 && counted) {
        reclaimedAt = now;
        end = now + WINDOW_AFTER_MS;
        setTimeout(() => finish(undefined), WINDOW_AFTER_MS);
      } else if (now - t0 > CAP_MS) {
        finish(`not reclaimed within ${CAP_MS / 1000} s (${int(last.left)} of ${int(KEYS)} keys left)`);
      }
    };

    const ticker = setInterval(tick, TICK_MS);
    const poller = setInterval(poll, POLL_MS);
  });
}

// One whole run of the subject; resolves the result record (see bench/expiry.js).
async function run() {
  const make = SUBJECTS[NAME];
  if (!make) throw new Error(`unknown subject ${NAME}`);
  const s = await make();
  try {
    await s.open();
    await s.reset();
    const msPerKey = await pilot(s);
    const empty = await memory(s);
    const estimate = msPerKey * KEYS * LOAD_FACTOR;
    const expiryAt = Math.ceil((Date.now() + estimate + LEAD_MS) / 1000) * 1000;
    const loadStart = performance.now();
    await load(s, 0, KEYS, SPREAD_MS > 0 ? (i) => expiryAt + Math.floor(i * SPREAD_MS / KEYS) : () => expiryAt);
    const loadMs = performance.now() - loadStart;
    const loaded = await s.count();
    const before = await memory(s);
    const leadMs = expiryAt - Date.now();
    log(`loaded ${int(KEYS)} keys in ${(loadMs / 1000).toFixed(1)} s; expiry instant in ${(leadMs / 1000).toFixed(1)} s`);
    const base = { name: NAME, loadMs: Math.round(loadMs), leadMs };
    if (loaded.left !== KEYS) return { ...base, failed: `holds ${int(loaded.left)} expiring keys after loading, not ${int(KEYS)}` };
    if (leadMs < MIN_LEAD_MS) {
      return { ...base, failed: `loading ended ${leadMs} ms before the expiry instant (under ${MIN_LEAD_MS} ms): not a storm` };
    }
    if (process.send) process.send({ type: 'armed', expiryAt });
    const r = await storm(s, expiryAt, loaded.expired || 0);
    const after = r.failed ? null : await memory(s);
    const mem = (m, field) => (m && m[field] !== undefined ? toMB(m[field]) : undefined);
    const result = { ...base, ...r, probeErrors: s.probeErrors(),
      usedMemoryEmptyMB: mem(empty, 'usedMemory'), usedMemoryBeforeMB: mem(before, 'usedMemory'),
      usedMemoryAfterMB: mem(after, 'usedMemory'),
      rssEmptyMB: mem(empty, 'rss'), rssBeforeMB: mem(before, 'rss'), rssAfterMB: mem(after, 'rss'),
      allocatorBeforeMB: mem(before, 'allocator'), allocatorAfterMB: mem(after, 'allocator'),
      heapUsedBeforeMB: mem(before, 'heapUsed'), heapUsedAfterMB: mem(after, 'heapUsed') };
    if (!s.inProcess) {
      for (const k of ['maxStallMs', 'p99Ms', 'p999Ms', 'eldSamples', 'maxTickGapMs', 'maxTickGapAtMs', 'tickGapsOver2Ms',
        'maxOwnTickGapMs', 'controlMaxTickGapMs', 'controlTickGapsOver2Ms', 'controlMaxOwnTickGapMs', 'maxGcPauseMs',
        'heapUsedBeforeMB', 'heapUsedAfterMB']) delete result[k];
      result.note = "no stall figure: redis-server's event loop is another process's; RSS is its used_memory_rss";
    }
    return result;
  } finally {
    await s.close();
  }
}

// Sends the result to the parent (or prints it) and exits.
function report(result, code) {
  const out = JSON.parse(JSON.stringify(result)); // drops the undefined fields
  if (process.send) {
    process.send({ type: 'result', result: out }, () => process.exit(code));
  } else {
    console.log(JSON.stringify(out));
    process.exit(code);
  }
}

run().then((r) => report(r, 0), (err) => {
  console.error(err);
  report({ name: NAME, failed: `error: ${err.message}` }, 1);
});
