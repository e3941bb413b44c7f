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
// Writes bench/results-memory.json (results-memory-hashes.json, results-memory-sets.json
// with --hashes, --sets; .quick.json with --quick), and prints it as one line at the end.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startRedisServer } = require('../test/helpers/redis-server');
const { createClient: createNodeRedis } = require('redis');
const { key, value, hashKey, hashFields, setKey, setMembers, SET_MEMBERS, KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { machine, redisServerMissing } = require('./lib/machine');
const { int, mb, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
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
  for (const s of SUBJECTS) results.push(measureChild(s));

  const measured = []; // { store, measure, bytes, bytesPerKey }: the table's rows
  const add = (store, measure, bytes) => measured.push({ store, measure, bytes, bytesPerKey: +perKey(bytes).toFixed(1) });
  for (const r of results) {
    if (r.subject === 'redis-server') {
      add('redis-server', 'INFO used_memory', r.used);
      add('redis-server', 'INFO used_memory_rss', r.rss);
    } else {
      if (r.used !== undefined) add(r.subject, 'INFO used_memory', r.used);
      add(r.subject, 'process RSS', r.rss);
      add(r.subject, 'V8 heap used', r.heapUsed);
    }
  }
  const rows = [['store', 'measure', 'growth', SETS ? 'bytes/member' : 'bytes/key']];
  for (const m of measured) rows.push([m.store, m.measure, mb(m.bytes), m.bytesPerKey.toFixed(1)]);
  console.log('\n' + table(rows));
  const bad = results.filter((r) => r.dbsize !== EXPECTED_KEYS);
  for (const r of bad) console.log(`warning: ${r.subject} holds ${r.dbsize} keys, not ${EXPECTED_KEYS}`);
  const out = { bench: 'memory', quick: QUICK, date: new Date().toISOString(), ...machine(['redis', 'lru-cache']),
    kind: KIND, keys: KEYS, keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, per: SETS ? 'member' : 'key', skipped,
    results: measured };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
