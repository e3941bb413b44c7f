'use strict';
// Memory per key for 1M keys (16-byte keys, 100-byte values):
//   node bench/memory.js [--keys N] [--quick] [--hashes | --sets]
// --quick: 100,000 keys (unless --keys says otherwise).
// With --hashes: N small hashes of 5 fields each (bench/lib/data.js hashFields, ~60 bytes
// of fields and values), redlite against redis-server only. With --sets: N members in N/100
// sets of 100 10-byte members (Redis 7.0's hashtable encoding), figures per member.
// - redlite: INFO memory used_memory growth, and process RSS growth (after gc) in a fresh
//   child process;
// - redis-server: INFO memory used_memory (and used_memory_rss) growth, loaded with
//   node-redis pipelined MSET batches of 1000 keys (skipped, with a line saying so, when
//   redis-server is not installed);
// - a JS Map and lru-cache ({max: N}): V8 heap-used and RSS growth, in fresh children.
// Every JS subject runs in its own process with --expose-gc and a 1 MB young generation
// (--max-semi-space-size=1), so garbage from making the data does not show up as RSS.
// --rounds N (3 unless --quick: 1): each of those subjects runs N times, the subjects
// alternating, and each figure is the median of its runs (a process's RSS moves by a few
// bytes per key from run to run with what it does besides the store); the RSS rows keep
// every run's bytes per key in 'samples'.
// Writes bench/results-memory.json (results-memory-hashes.json, results-memory-sets.json
// with --hashes, --sets; .quick.json with --quick), and prints it as one line at the end.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startRedisServer } = require('../test/helpers/redis-server');
const { createClient: createNodeRedis } = require('redis');
const { key, value, hashKey, hashFields, setKey, setMembers, SET_MEMBERS, KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { machine, redisServerMissing } = require('./lib/machine');
const { int, mb, median, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
const ri = process.argv.indexOf('--rounds');
const ROUNDS = ri > 0 ? Number(process.argv[ri + 1]) : QUICK ? 1 : 3;
const i = process.argv.indexOf('--keys');
const KEYS = i > 0 ? Number(process.argv[i + 1]) : QUICK ? 1e5 : 1e6;
const MSET_BATCH = 1000;
const PIPELINE = 20; // MSET commands in flight at a time
const HASHES = process.argv.includes('--hashes');
const SETS = process.argv.includes('--sets');
const KIND = HASHES ? 'hashes' : SETS ? 'sets' : 'strings';
const SUBJECTS = HASHES ? ['redlite-hashes'] : SETS ? ['redlite-sets'] : ['redlite', 'map', 'lru-cache'];
const EXPECTED_KEYS = SETS ? KEYS / SET_MEMBERS : KEYS;
const OUT = path.join(__dirname, `results-memory${KIND === 'strings' ? '' : '-' + KIND}${QUICK ? '.quick' : ''}.json`);

const perKey = (bytes) => bytes / KEYS;

function usedMemory(info) {
  const field = (name) => Number(info.match(new RegExp(`^${name}:(\\d+)`, 'm'))[1]);
  return { used: field('used_memory'), rss: field('used_memory_rss') };
}

async function measureRedis() {
  const server = await startRedisServer();
  const client = createNodeRedis({ url: server.url });
  client.on('error', (err) => console.error('node-redis:', err.message));
  try {
    await client.connect();
    const before = usedMemory(await client.info('memory'));
    for (let start = 0; HASHES && start < KEYS; start += MSET_BATCH) {
      const pending = [];
      for (let k = start; k < Math.min(start + MSET_BATCH, KEYS); k++) pending.push(client.hSet(hashKey(k), hashFields(k)));
      await Promise.all(pending);
    }
    for (let start = 0; SETS && start < KEYS / SET_MEMBERS; start += MSET_BATCH) {
      const pending = [];
      const members = setMembers();
      for (let k = start; k < Math.min(start + MSET_BATCH, KEYS / SET_MEMBERS); k++) pending.push(client.sAdd(setKey(k), members));
      await Promise.all(pending);
    }
    for (let start = 0; !HASHES && !SETS && start < KEYS; start += MSET_BATCH * PIPELINE) {
      const pending = [];
      for (let b = start; b < Math.min(start + MSET_BATCH * PIPELINE, KEYS); b += MSET_BATCH) {
        const pairs = [];
        for (let k = b; k < Math.min(b + MSET_BATCH, KEYS); k++) pairs.push(key(k), value(k));
        pending.push(client.mSet(pairs));
      }
      await Promise.all(pending);
    }
    const dbsize = await client.dbSize();
    const after = usedMemory(await client.info('memory'));
    return { subject: 'redis-server', dbsize, used: after.used - before.used, rss: after.rss - before.rss };
  } finally {
    await client.close().catch(() => {});
    await server.stop();
  }
}

// One result of a subject's runs: the median of each figure, the key count of its smallest
// run (so that a run that lost keys is reported), and each run's RSS.
function medianRun(runs) {
  const of = (field) => median(runs.map((r) => r[field]));
  const out = { subject: runs[0].subject, dbsize: Math.min(...runs.map((r) => r.dbsize)),
    rss: of('rss'), heapUsed: of('heapUsed'), rssRuns: runs.map((r) => r.rss) };
  if (runs[0].used !== undefined) out.used = of('used');
  return out;
}

function measureChild(subject) {
  const args = ['--expose-gc', '--max-semi-space-size=1', require.resolve('./lib/memory-subject'),
    subject, String(KEYS)];
  const out = childProcess.execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

async function main() {
  console.log(HASHES
    ? `memory: ${int(KEYS)} hashes of 5 fields, ${KEY_BYTES}-byte keys; node ${process.version}`
    : SETS
      ? `memory: ${int(KEYS)} members in ${int(KEYS / SET_MEMBERS)} sets of ${SET_MEMBERS} 10-byte members; node ${process.version}`
      : `memory: ${int(KEYS)} keys, ${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values ` +
      `(payload ${KEY_BYTES + VALUE_BYTES} bytes/key); node ${process.version}`);
  const skipped = [];
  const missing = redisServerMissing();
  const results = [];
  if (missing) {
    skipped.push({ store: 'redis-server', reason: missing });
    console.log(`skipped redis-server: ${missing}`);
  } else {
    results.push(await measureRedis());
  }
  const runs = Object.fromEntries(SUBJECTS.map((s) => [s, []]));
  for (let r = 0; r < ROUNDS; r++) for (const s of SUBJECTS) runs[s].push(measureChild(s));
  for (const s of SUBJECTS) results.push(medianRun(runs[s]));

  const measured = []; // { store, measure, bytes, bytesPerKey }: the table's rows
  const add = (store, measure, bytes, runs) => measured.push({ store, measure, bytes, bytesPerKey: +perKey(bytes).toFixed(1),
    ...(runs ? { samples: runs.map((x) => +perKey(x).toFixed(1)) } : {}) });
  for (const r of results) {
    if (r.subject === 'redis-server') {
      add('redis-server', 'INFO used_memory', r.used);
      add('redis-server', 'INFO used_memory_rss', r.rss);
    } else {
      if (r.used !== undefined) add(r.subject, 'INFO used_memory', r.used);
      add(r.subject, 'process RSS', r.rss, r.rssRuns);
      add(r.subject, 'V8 heap used', r.heapUsed);
    }
  }
  const rows = [['store', 'measure', 'growth', SETS ? 'bytes/member' : 'bytes/key']];
  for (const m of measured) rows.push([m.store, m.measure, mb(m.bytes), m.bytesPerKey.toFixed(1)]);
  console.log(`\n${ROUNDS > 1 ? `median of ${ROUNDS} runs of each in-process store, alternating\n` : ''}${table(rows)}`);
  for (const m of measured) if (m.samples && m.samples.length > 1) console.log(`${m.store} ${m.measure} per run: ${m.samples.join(', ')}`);
  const bad = results.filter((r) => r.dbsize !== EXPECTED_KEYS);
  for (const r of bad) console.log(`warning: ${r.subject} holds ${r.dbsize} keys, not ${EXPECTED_KEYS}`);
  const out = { bench: 'memory', quick: QUICK, date: new Date().toISOString(), ...machine(['redis', 'lru-cache']),
    kind: KIND, keys: KEYS, keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, per: SETS ? 'member' : 'key', rounds: ROUNDS, skipped,
    results: measured };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
