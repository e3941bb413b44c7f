'use strict';
// Eviction: hit ratio of a size-limited cache on a Zipf trace, and SET throughput and
// latency while every SET evicts.
//   node --expose-gc bench/eviction.js [--quick] [--only=exact,redis,redlite,redlite-maxmemory,throughput]
// Needs redis-server (found as in test/helpers/redis-server.js); a missing one is an error.
//
// Hit ratio: a Zipf(0.99) trace of 10M requests over 1M keys ('k:' + 14 digits, 16 bytes;
// 100-byte values), a cache with room for C = 100k keys (--quick: 1M requests, 100k keys,
// C = 10k). Every contestant gets the same schedule: chunks of 256 requests, all GETs of a
// chunk issued at once, then one SET (awaited together) for each distinct key that missed
// in the chunk. Hit ratio = GETs answered non-null / requests, over the whole trace and over
// its second half ('warm'). Contestants:
//   exact LRU          a JS simulation of a true LRU of at most C keys (the reference);
//   redis-server       allkeys-lru, default maxmemory-samples, maxmemory = the used_memory
//                      of C such keys (measured first on the same server);
//   redlite maxkeys    createClient({ maxkeys: C }) (allkeys-lru by default);
//   redlite maxmemory  createClient({ maxmemory }) sized like redis-server's, from redlite's
//                      own INFO memory used_memory.
// Targets (issue): redlite >= redis-server, and >= exact LRU - 2 points.
//
// Both redlite contestants first check, through CONFIG GET, that the build honours the
// option, and fail with 'redlite build lacks <option>' otherwise.
//
// Throughput: 1M awaited SETs of new keys (--quick: 200k; 16-byte keys from lib/data.js)
// into createClient({ maxkeys: 100000 }) prefilled to the limit (so every SET evicts) versus
// createClient() prefilled the same way; one warm-up and 5 rounds (--quick: 3) alternate the
// order; median ops/s and their ratio (target >= 0.70). Every call is timed (hrtime):
// p50/p99/p99.9/max and the calls over 1 ms (target: none while evicting; the unlimited
// keyspace is the control for the machine's own noise), with how many overlapped a GC pause.
//
// Takes ~7 min (redis-server through node-redis is most of it), --quick ~40 s.
// --only=... runs a subset (results are then printed but not written). Results go to
// bench/results-eviction.json (results-eviction.quick.json with --quick).
const fs = require('node:fs');
const path = require('node:path');
const { createHistogram, performance } = require('node:perf_hooks');
const nodeRedis = require('redis');
const { startRedisServer } = require('../test/helpers/redis-server');
const { gc, gcSettled, watchGc } = require('./lib/gc');
const { machine } = require('./lib/machine');
const { flat, key, KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { median, int, mb, table } = require('./lib/stats');
const { zipfTrace } = require('./lib/zipf');
const { createClient } = require('..');

const QUICK = process.argv.includes('--quick');
const PARTS = ['exact', 'redis', 'redlite', 'redlite-maxmemory', 'throughput'];
const ONLY = onlyParts();

// Hit-ratio trace.
const KEYS = QUICK ? 100000 : 1000000;
const REQUESTS = QUICK ? 1000000 : 10000000;
const CAPACITY = QUICK ? 10000 : 100000;
const ZIPF_S = 0.99;
const SEED = 20240601;
const CHUNK = 256;

// Eviction throughput.
const EVICT_LIMIT = 100000;
const EVICT_OPS = QUICK ? 200000 : 1000000;
const EVICT_ROUNDS = QUICK ? 3 : 5; // plus one warm-up round
const YIELD_EVERY = 1000; // awaited SETs between two event-loop turns (the keyspace cron runs)
const SLOW_NS = 1000000; // 1 ms

const VALUE = flat('v'.repeat(VALUE_BYTES));
const OUT = path.join(__dirname, QUICK ? 'results-eviction.quick.json' : 'results-eviction.json');

// One redlite keyspace per use: clients of one address share a keyspace, so a limit given to
// one contestant can never apply to another.
const REDLITE = {
  maxkeys: 'redis://localhost:16401',
  sizing: 'redis://localhost:16402',
  maxmemory: 'redis://localhost:16403',
  limited: 'redis://localhost:16404',
  unlimited: 'redis://localhost:16405'
};

const yieldLoop = () => new Promise(setImmediate);
const pct = (x) => (100 * x).toFixed(2) + '%';
const pts = (x) => (x >= 0 ? '+' : '') + (100 * x).toFixed(2) + ' pts';
const us = (ns) => (ns / 1000).toFixed(1);
const met = (ok) => (ok ? 'met' : 'NOT met');

// The parts named by --only=a,b (all of PARTS without it); exits with a usage error on an
// unknown name.
function onlyParts() {
  const arg = process.argv.find((a) => a.startsWith('--only='));
  if (!arg) return PARTS;
  const names = arg.slice('--only='.length).split(',').filter(Boolean);
  const unknown = names.filter((n) => !PARTS.includes(n));
  if (unknown.length || !names.length) {
    console.error(`--only: unknown or missing part(s) '${unknown.join(',')}'; parts: ${PARTS.join(', ')}`);
    process.exit(2);
  }
  return names;
}

// The 16-byte key name of key id i: 'k:' + i zero-padded to 14 digits.
const keyName = (i) => flat('k:' + String(i).padStart(KEY_BYTES - 2, '0'));

// ---------------------------------------------------------------------------------------
// Hit ratio

// Replays `trace` (Uint32Array of key ids) against `cache` on the chunked schedule:
//   cache.gets(ids) -> hit flags (array of booleans, or a promise of one), one per id;
//   cache.sets(ids) -> void or a promise: store every id (distinct ids).
// Resolves { requests, hits, warmHits, warmRequests, secs }; 'warm' is the second half.
async function replay(trace, cache) {
  const half = trace.length >> 1;
  let hits = 0;
  let warmHits = 0;
  const t0 = process.hrtime.bigint();
  for (let from = 0; from < trace.length; from += CHUNK) {
    const ids = trace.subarray(from, Math.min(from + CHUNK, trace.length));
    const found = await cache.gets(ids);
    const missed = new Set();
    for (let j = 0; j < ids.length; j++) {
      if (!found[j]) {
        missed.add(ids[j]);
        continue;
      }
      hits++;
      if (from + j >= half) warmHits++;
    }
    if (missed.size) await cache.sets([...missed]);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { requests: trace.length, hits, warmHits, warmRequests: trace.length - half, secs };
}

// Exact LRU of at most `capacity` of the key ids 0..keys-1: a circular doubly linked list in
// recency order through a sentinel (next[SENTINEL] is the oldest key, prev[SENTINEL] the
// newest); a hit moves the key to the newest end, an insert into a full cache drops the
// oldest. (A Map used as an LRU gives the same answers, but V8 leaves deleted entries at
// its front, so finding the oldest key gets slow: 100 s on the full trace.)
function exactLru(capacity, keys) {
  const SENTINEL = keys;
  const prev = new Int32Array(keys + 1).fill(SENTINEL);
  const next = new Int32Array(keys + 1).fill(SENTINEL);
  const cached = new Uint8Array(keys);
  let size = 0;
  const unlink = (id) => {
    next[prev[id]] = next[id];
    prev[next[id]] = prev[id];
  };
  const pushNewest = (id) => {
    prev[id] = prev[SENTINEL];
    next[id] = SENTINEL;
    next[prev[SENTINEL]] = id;
    prev[SENTINEL] = id;
  };
  return {
    gets: (ids) => Array.from(ids, (id) => {
      if (!cached[id]) return false;
      unlink(id);
      pushNewest(id);
      return true;
    }),
    sets(ids) {
      for (const id of ids) {
        if (size >= capacity) {
          const oldest = next[SENTINEL];
          unlink(oldest);
          cached[oldest] = 0;
          size--;
        }
        pushNewest(id);
        cached[id] = 1;
        size++;
      }
    },
    size: () => size
  };
}

// The schedule's cache over a node-redis-API client (redis-server or redlite).
function clientCache(client, names) {
  return {
    gets: async (ids) => (await Promise.all(Array.from(ids, (id) => client.get(names[id])))).map((v) => v !== null),
    sets: (ids) => Promise.all(ids.map((id) => client.set(names[id], VALUE)))
  };
}

// A numeric field of INFO `section`; throws naming `who` when the field is absent.
async function infoField(client, section, field, who) {
  const m = new RegExp(`^${field}:(\\d+)\\r?$`, 'm').exec(await client.info(section));
  if (!m) throw new Error(`${who}: INFO ${section} has no ${field} field`);
  return Number(m[1]);
}

// Sizes a byte limit for `count` keys of the trace's shape: FLUSHALL, used_memory (base),
// SET keys 0..count-1 (CHUNK at a time), used_memory (full), FLUSHALL. Resolves
// { base, full }; `full` is the maxmemory that holds about `count` keys.
async function measureFull(client, names, count, who) {
  await client.flushAll();
  const base = await infoField(client, 'memory', 'used_memory', who);
  for (let i = 0; i < count; i += CHUNK) {
    const pending = [];
    for (let j = i; j < Math.min(i + CHUNK, count); j++) pending.push(client.set(names[j], VALUE));
    await Promise.all(pending);
  }
  const full = await infoField(client, 'memory', 'used_memory', who);
  await client.flushAll();
  return { base, full };
}

// One contestant's result row from replay()'s numbers.
function hitResult(name, limit, r, resident, extra) {
  const res = { contestant: name, limit, requests: r.requests, hits: r.hits, hitRatio: r.hits / r.requests,
    warmHitRatio: r.warmHits / r.warmRequests, resident, requestsPerSec: Math.round(r.requests / r.secs),
    secs: +r.secs.toFixed(2), ...extra };
  console.log(`${name}: hit ratio ${pct(res.hitRatio)} (warm half ${pct(res.warmHitRatio)}), ` +
    `${int(resident)} keys resident, ${int(res.requestsPerSec)} requests/s (${res.secs} s)`);
  return res;
}

async function runExact(trace) {
  const lru = exactLru(CAPACITY, KEYS);
  const r = await replay(trace, lru);
  return hitResult('exact LRU', `max ${int(CAPACITY)} keys`, r, lru.size());
}

async function runRedis(trace, names) {
  const server = await startRedisServer();
  const client = nodeRedis.createClient({ url: server.url });
  client.on('error', (err) => console.error('node-redis:', err.message));
  try {
    await client.connect();
    const { base, full } = await measureFull(client, names, CAPACITY, 'redis-server');
    await client.configSet({ maxmemory: String(full), 'maxmemory-policy': 'allkeys-lru' });
    const samples = (await client.configGet('maxmemory-samples'))['maxmemory-samples'];
    console.log(`redis-server: used_memory ${int(base)} empty, ${int(full)} with ${int(CAPACITY)} keys ` +
      `(${((full - base) / CAPACITY).toFixed(1)} bytes/key): maxmemory ${int(full)} (${mb(full)}), ` +
      `allkeys-lru, maxmemory-samples ${samples}`);
    gc();
    const r = await replay(trace, clientCache(client, names));
    const resident = await client.dbSize();
    const evicted = await infoField(client, 'stats', 'evicted_keys', 'redis-server');
    return hitResult('redis-server', `maxmemory ${mb(full)}`, r, resident,
      { maxmemory: full, usedMemoryEmpty: base, maxmemorySamples: Number(samples), evicted });
  } finally {
    await client.close().catch(() => {});
    await server.stop();
  }
}

// A connected redlite client at `url` created with the options `limits` (e.g.
// { maxkeys: 100 }); throws 'redlite build lacks <option>' unless CONFIG GET reports each
// limit back.
async function openRedlite(url, limits) {
  const client = createClient({ url, ...limits });
  await client.connect();
  for (const [name, v] of Object.entries(limits)) {
    const got = await client.configGet(name);
    if (got[name] !== String(v)) {
      await client.close();
      throw new Error(`redlite build lacks ${name}: createClient({ ${name}: ${v} }) then CONFIG GET ${name} ` +
        `returned ${JSON.stringify(got)}, expected ${JSON.stringify({ [name]: String(v) })}`);
    }
  }
  await client.flushAll();
  return client;
}

// Replays the trace into a redlite client opened with `limits`; `limitText` labels the row.
async function runRedlite(name, url, limits, limitText, trace, names, extra) {
  const client = await openRedlite(url, limits);
  try {
    const policy = (await client.configGet('maxmemory-policy'))['maxmemory-policy'];
    console.log(`${name}: maxmemory-policy ${policy}`);
    gc();
    const r = await replay(trace, clientCache(client, names));
    const resident = await client.dbSize();
    const evicted = await infoField(client, 'stats', 'evicted_keys', name);
    await client.flushAll();
    return hitResult(name, limitText, r, resident, { policy, evicted, ...extra });
  } finally {
    await client.close();
  }
}

async function runRedliteMaxmemory(trace, names) {
  const sizing = await createClient({ url: REDLITE.sizing }).connect();
  let base;
  let full;
  try {
    ({ base, full } = await measureFull(sizing, names, CAPACITY, 'redlite'));
  } finally {
    await sizing.close();
  }
  console.log(`redlite: used_memory ${int(base)} empty, ${int(full)} with ${int(CAPACITY)} keys ` +
    `(${((full - base) / CAPACITY).toFixed(1)} bytes/key): maxmemory ${int(full)} (${mb(full)})`);
  return runRedlite('redlite maxmemory', REDLITE.maxmemory, { maxmemory: full }, `maxmemory ${mb(full)}`,
    trace, names, { maxmemory: full, usedMemoryEmpty: base });
}

// Runs the selected hit-ratio contestants in order, printing each as it finishes, then the
// comparison table. Resolves the result rows.
async function hitRatios() {
  const t0 = Date.now();
  const trace = zipfTrace({ keys: KEYS, s: ZIPF_S, requests: REQUESTS, seed: SEED });
  const names = Array.from({ length: KEYS }, (_, i) => keyName(i));
  console.log(`trace: ${int(REQUESTS)} requests, Zipf(${ZIPF_S}) over ${int(KEYS)} keys, room for ` +
    `${int(CAPACITY)}, chunks of ${CHUNK}, seed ${SEED} (${((Date.now() - t0) / 1000).toFixed(1)} s to build)`);
  const runs = [
    ['exact', () => runExact(trace)],
    ['redis', () => runRedis(trace, names)],
    ['redlite', () => runRedlite('redlite maxkeys', REDLITE.maxkeys, { maxkeys: CAPACITY },
      `maxkeys ${int(CAPACITY)}`, trace, names, { maxkeys: CAPACITY })],
    ['redlite-maxmemory', () => runRedliteMaxmemory(trace, names)]
  ];
  const results = [];
  for (const [part, run] of runs) {
    if (!ONLY.includes(part)) continue;
    gc();
    results.push(await run());
  }
  if (!results.length) return results;

  const rows = [['contestant', 'limit', 'hit ratio', 'warm half', 'keys at end', 'requests/s']];
  for (const r of results) {
    rows.push([r.contestant, r.limit, pct(r.hitRatio), pct(r.warmHitRatio), int(r.resident), int(r.requestsPerSec)]);
  }
  console.log('\n' + table(rows));
  const exact = results.find((r) => r.contestant === 'exact LRU');
  const redis = results.find((r) => r.contestant === 'redis-server');
  for (const r of results.filter((x) => x.contestant.startsWith('redlite'))) {
    if (exact) {
      r.vsExact = +(r.hitRatio - exact.hitRatio).toFixed(6);
      console.log(`${r.contestant} vs exact LRU: ${pts(r.vsExact)} (target >= -2 pts: ${met(r.vsExact >= -0.02)})`);
    }
    if (redis) {
      r.vsRedis = +(r.hitRatio - redis.hitRatio).toFixed(6);
      console.log(`${r.contestant} vs redis-server: ${pts(r.vsRedis)} (target >= 0: ${met(r.vsRedis >= 0)})`);
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// Throughput and latency under constant eviction

// One measured run: FLUSHALL, prefill keys 0..EVICT_LIMIT-1, then one awaited SET for each
// later key, each timed into `subject.hist` (calls over 1 ms also go to `subject.slow` as
// [start, end] hrtime ns). Resolves { opsPerSec, dbsize, evicted }.
async function setRun(subject, keys) {
  const { client, hist, slow } = subject;
  await client.flushAll();
  for (let i = 0; i < EVICT_LIMIT; i += CHUNK) {
    const pending = [];
    for (let j = i; j < i + CHUNK && j < EVICT_LIMIT; j++) pending.push(client.set(keys[j], VALUE));
    await Promise.all(pending);
  }
  const evictedBefore = await infoField(client, 'stats', 'evicted_keys', 'redlite');
  await gcSettled();
  const t0 = process.hrtime.bigint();
  for (let i = EVICT_LIMIT; i < keys.length; i++) {
    const s = process.hrtime.bigint();
    await client.set(keys[i], VALUE);
    const ns = Number(process.hrtime.bigint() - s);
    if (hist) hist.record(ns > 0 ? ns : 1);
    if (slow && ns > SLOW_NS) slow.push([s, s + BigInt(ns)]);
    if ((i + 1) % YIELD_EVERY === 0) await yieldLoop();
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const evicted = (await infoField(client, 'stats', 'evicted_keys', 'redlite')) - evictedBefore;
  return { opsPerSec: EVICT_OPS / secs, dbsize: await client.dbSize(), evicted };
}

// Alternates the limited and the unlimited keyspace for a warm-up round and EVICT_ROUNDS
// measured rounds; prints and resolves the medians, latencies and their ratio.
async function evictionThroughput() {
  const keys = Array.from({ length: EVICT_LIMIT + EVICT_OPS }, (_, i) => flat(key(i)));
  const subjects = [];
  try {
    subjects.push({ name: `maxkeys ${EVICT_LIMIT}`, client: await openRedlite(REDLITE.limited, { maxkeys: EVICT_LIMIT }) });
    subjects.push({ name: 'no limit', client: await openRedlite(REDLITE.unlimited, {}) });
    console.log(`\nthroughput: ${int(EVICT_OPS)} awaited SETs of new keys after ${int(EVICT_LIMIT)} prefilled, ` +
      `${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values, yield every ${YIELD_EVERY}; ` +
      `${EVICT_ROUNDS} rounds + 1 warm-up`);
    for (const s of subjects) {
      Object.assign(s, { ops: [], dbsize: 0, evicted: 0, slow: [],
        hist: createHistogram({ lowest: 1, highest: 60e9, figures: 3 }) });
    }
    const hrOffset = performance.now() - Number(process.hrtime.bigint()) / 1e6; // hrtime ns -> perf ms
    const gcs = watchGc();
    for (let round = 0; round <= EVICT_ROUNDS; round++) {
      const order = round % 2 ? [...subjects].reverse() : subjects;
      const line = [];
      for (const s of order) {
        const r = await setRun(round ? s : { client: s.client }, keys); // the warm-up is not recorded
        if (round) Object.assign(s, { ops: [...s.ops, r.opsPerSec], dbsize: r.dbsize, evicted: r.evicted });
        line.push(`${s.name} ${int(r.opsPerSec)} ops/s`);
      }
      console.log(`${round ? 'round ' + round : 'warm-up'}: ${line.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the last GC entries arrive
    gcs.stop();
    const toPerf = (ns) => Number(ns) / 1e6 + hrOffset;
    const duringGc = ([a, b]) => gcs.pauses.some(([x, y]) => x < toPerf(b) && y > toPerf(a));

    const rows = [['subject', 'ops/s (median)', 'p50 us', 'p99 us', 'p99.9 us', 'max us', 'calls > 1 ms',
      'of which in GC', 'evicted/run', 'keys at end']];
    const out = subjects.map((s) => {
      const p = (q) => s.hist.percentile(q);
      const row = { subject: s.name, opsPerSec: Math.round(median(s.ops)), samples: s.ops.map(Math.round),
        p50Us: +us(p(50)), p99Us: +us(p(99)), p999Us: +us(p(99.9)), maxUs: +us(s.hist.max),
        over1ms: s.slow.length, over1msInGc: s.slow.filter(duringGc).length, evictedPerRun: s.evicted, dbsize: s.dbsize };
      rows.push([row.subject, int(row.opsPerSec), row.p50Us, row.p99Us, row.p999Us, row.maxUs, row.over1ms,
        row.over1msInGc, int(row.evictedPerRun), int(row.dbsize)]);
      return row;
    });
    console.log('\n' + table(rows));
    const [limited, unlimited] = out;
    const ratio = limited.opsPerSec / unlimited.opsPerSec;
    console.log(`throughput while evicting / without a limit: ${ratio.toFixed(3)} (target >= 0.70: ${met(ratio >= 0.7)})`);
    console.log(`slowest SET while evicting: ${limited.maxUs} us, p99.9 ${limited.p999Us} us, ` +
      `${limited.over1ms} over 1 ms (target: none over 1 ms: ${met(limited.over1ms === 0)})`);
    return { limit: EVICT_LIMIT, ops: EVICT_OPS, rounds: EVICT_ROUNDS, yieldEvery: YIELD_EVERY,
      ratio: +ratio.toFixed(3), results: out };
  } finally {
    for (const s of subjects) {
      await s.client.flushAll();
      await s.client.close();
    }
  }
}

// ---------------------------------------------------------------------------------------

async function main() {
  const info = machine(['redis']); // fails loudly without redis-server, before any work
  console.log(`node ${info.node}, ${info.cpu} x${info.cpus}, redis-server ${info.redisServer}` +
    `${QUICK ? ' (--quick)' : ''}${ONLY === PARTS ? '' : ', parts: ' + ONLY.join(', ')}`);
  const t0 = Date.now();
  const hitRatio = await hitRatios();
  const throughput = ONLY.includes('throughput') ? await evictionThroughput() : null;
  const out = { bench: 'eviction', quick: QUICK, date: new Date().toISOString(), ...info,
    keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, parts: ONLY,
    trace: { keys: KEYS, requests: REQUESTS, capacity: CAPACITY, zipf: ZIPF_S, seed: SEED, chunk: CHUNK },
    hitRatio, throughput, secs: Math.round((Date.now() - t0) / 1000) };
  console.log(`\ndone in ${out.secs} s`);
  if (ONLY === PARTS) {
    fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  } else {
    console.log(`not written to ${path.relative(process.cwd(), OUT)} (--only)`);
  }
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
