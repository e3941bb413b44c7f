'use strict';
// Throughput of redlite's commands against its peers, in one process.
//   node --expose-gc bench/throughput.js [--quick] [--only=peer,peer] [--ops=GET,SET]
// Ops (lib/tp-data.js): SET, GET, GETr (GET in a fixed random order), INCR, MULTI (one
// MULTI/EXEC of 5 SETs and 5 GETs, one op), HSET, HGET, LPUSH, LPOP, SADD, ZADD, ZRANGE
// (ZRANGE key 0 9). N calls each: strings on N distinct 16-byte keys with 100-byte values,
// collections N calls spread over N/100 collections of 100 elements. Each op runs after the
// op that fills what it reads (a fill that is not selected with --ops runs untimed).
// Modes: 'seq' awaits each call, 'batch100' awaits Promise.all of 100 calls (node-redis
// pipelines these), 'sync' is a plain loop for synchronous peers. Peers: lib/peers.js;
// node-redis runs N/10 calls (~100x slower; ops/s stays comparable).
// After a warm-up round, ROUNDS rounds run with the peer order rotated. Within a round the
// peers take turns op by op, mode by mode, each on its own keyspace (flushed at the start
// of each mode), every timed run starting with gcSettled(). Reported: the median ops/s
// and redlite/peer, the median over the rounds of the ratio of redlite's run and the
// peer's run of the same round (async peers against redlite in the same mode; sync peers
// against redlite sync, or redlite batch100 where this build has no client.sync).
// --only names peers (PEERS below; case, spaces, '-' and '_' ignored: node-redis-tcp works);
// redlite and redlite sync always run. --ops names ops.
// Writes bench/results-throughput.json (results-throughput.quick.json with --quick).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startRedisServer } = require('../test/helpers/redis-server');
const { runners, timed, BATCH } = require('./lib/runners');
const { machine, redisServerMissing } = require('./lib/machine');
const { KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { OPS, EXPECTS_VALUE, plan, makeWorkload } = require('./lib/tp-data');
const { median, int, table } = require('./lib/stats');
const peers = require('./lib/peers');

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 20000 : 200000;
const N_TCP = N / 10; // node-redis over a socket is ~100x slower: fewer calls, same ops/s metric
const ROUNDS = QUICK ? 2 : 5;
const MODES = ['seq', 'batch100', 'sync'];
const OUT = path.join(__dirname, QUICK ? 'results-throughput.quick.json' : 'results-throughput.json');

// Every peer the suite knows, in table order; 'redlite' and 'redlite sync' always run.
const PEERS = ['redlite', 'redlite sync', 'node-redis tcp', 'node-redis unix', 'ioredis-mock', 'async Map',
  'lru-cache', 'node-cache'];
const ALWAYS = ['redlite', 'redlite sync'];
const NODE_REDIS = ['node-redis tcp', 'node-redis unix'];

// The value of --name=value (or --name value), or null.
function arg(name) {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return null;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1] || '';
}

// The names in the comma-separated list 'value' matched against 'known' (case, spaces,
// '-' and '_' ignored), or all of 'known' when value is null. Throws on an unknown name.
function pick(value, known, what) {
  if (value === null) return known;
  const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) {
    if (!known.some((k) => norm(k) === norm(w))) throw new Error(`unknown ${what} '${w}': one of ${known.join(', ')}`);
  }
  return known.filter((k) => wanted.some((w) => norm(k) === norm(w)));
}


// The private redis-server of the node-redis peers, listening on loopback TCP and on a unix
// socket in a fresh temporary directory: { server, socketPath, dir }. Rejects if it does
// not start.
async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redlite-bench-'));
  const socketPath = path.join(dir, 'redis.sock');
  try {
    const server = await startRedisServer({ args: ['--unixsocket', socketPath, '--unixsocketperm', '700'] });
    return { server, socketPath, dir };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

// The peers named in 'names', each with its call count n, over workload(n). 'redis' is
// startServer()'s result (null when no name needs it).
function makePeers(names, redis, workload) {
  const make = {
    'redlite': (d) => peers.redlitePeer(d),
    'redlite sync': (d) => peers.redliteSyncPeer(d),
    'node-redis tcp': (d) => peers.nodeRedisPeer('node-redis tcp', { host: '127.0.0.1', port: redis.server.port }, 0, d),
    'node-redis unix': (d) => peers.nodeRedisPeer('node-redis unix', { path: redis.socketPath }, 1, d),
    'ioredis-mock': (d) => peers.ioredisMockPeer(d),
    'async Map': (d) => peers.asyncMapPeer(d),
    'lru-cache': (d) => peers.lruCachePeer(d),
    'node-cache': (d) => peers.nodeCachePeer(d)
  };
  return names.map((name) => {
    const n = NODE_REDIS.includes(name) ? N_TCP : N;
    const peer = make[name](workload(n));
    peer.n = n;
    return peer;
  });
}

// The reference run of peer p's (op, mode) among the sample keys in 'samples':
// { peer, mode } of redlite's run it is paired with, or null for redlite's own runs.
function reference(samples, p, op, mode) {
  if (ALWAYS.includes(p.name)) return null;
  const has = (peer, m) => samples.has(`${peer}|${op}|${m}`);
  if (mode !== 'sync') return has('redlite', mode) ? { peer: 'redlite', mode } : null;
  if (has('redlite sync', 'sync')) return { peer: 'redlite sync', mode: 'sync' };
  return has('redlite', 'batch100') ? { peer: 'redlite', mode: 'batch100' } : null;
}

// Prints the table and the warnings, writes OUT, prints the JSON line.
function report(list, ops, samples, skipped, info) {
  const results = [];
  for (const op of ops) {
    for (const p of list) {
      for (const mode of p.modes) {
        const s = samples.get(`${p.name}|${op}|${mode}`);
        if (!s) continue; // an op the peer does not support
        const own = s.ops;
        const vs = reference(samples, p, op, mode);
        const ref = vs && samples.get(`${vs.peer}|${op}|${vs.mode}`).ops;
        const ratios = ref ? own.map((x, r) => ref[r] / x) : [];
        results.push({ peer: p.name, op, mode, n: p.n, opsPerSec: Math.round(median(own)),
          samples: own.map(Math.round), vs, redliteRatio: vs ? +median(ratios).toFixed(3) : null,
          ratioSamples: ratios.map((x) => +x.toFixed(3)), nulls: s.nulls });
      }
    }
  }
  const rows = [['op', 'peer', 'mode', 'N', 'ops/s (median)', 'vs', 'redlite/peer']];
  for (const r of results) {
    const vs = !r.vs ? '-' : r.vs.mode === 'sync' ? r.vs.peer : `${r.vs.peer} ${r.vs.mode}`;
    rows.push([r.op, r.peer, r.mode, int(r.n), int(r.opsPerSec), vs, r.vs ? r.redliteRatio.toFixed(2) + 'x' : '-']);
  }
  console.log('\n' + table(rows));
  console.log('\nredlite/peer: median over the rounds of redlite\'s ops/s over the peer\'s in the same round ' +
    '(above 1: redlite is faster), against the run named in vs. Ops a peer lacks are not run.');
  for (const s of skipped) console.log(`skipped ${s.peer}: ${s.reason}`);
  for (const r of results) {
    if (EXPECTS_VALUE.has(r.op) && r.nulls > 0) {
      console.log(`warning: ${r.peer} ${r.op} ${r.mode}: ${r.nulls} null replies where a value was expected ` +
        '(a bug of the bench)');
    }
  }
  const out = { bench: 'throughput', quick: QUICK, date: new Date().toISOString(), ...info,
    keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, n: N, nTcp: N_TCP, rounds: ROUNDS, batch: BATCH, skipped, results };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  console.log(JSON.stringify(out));
}

async function main() {
  const names = pick(arg('only'), PEERS, 'peer');
  const selected = [...new Set([...ALWAYS, ...names])].sort((a, b) => PEERS.indexOf(a) - PEERS.indexOf(b));
  const ops = pick(arg('ops'), OPS, 'op');
  const steps = plan(ops);
  const info = machine(['redis', 'ioredis-mock', 'lru-cache', 'node-cache']);
  console.log(`node ${info.node}, ${info.cpu} x${info.cpus}, redis-server ${info.redisServer || '(none)'}`);
  console.log(`N=${int(N)} calls per op (node-redis: N=${int(N_TCP)}), ${KEY_BYTES}-byte keys, ` +
    `${VALUE_BYTES}-byte values, ${ROUNDS} rounds + 1 warm-up, batch=${BATCH}${QUICK ? ' (--quick)' : ''}`);
  console.log(`ops: ${ops.join(', ')}`);

  const skipped = [];
  const skip = (peer, reason) => {
    skipped.push({ peer, reason });
    console.log(`skipped ${peer}: ${reason}`);
  };
  let redis = null;
  let wanted = selected;
  if (selected.some((name) => NODE_REDIS.includes(name))) {
    const missing = redisServerMissing();
    if (!missing) redis = await startServer();
    else for (const name of selected.filter((s) => NODE_REDIS.includes(s))) skip(name, missing);
    if (!redis) wanted = selected.filter((s) => !NODE_REDIS.includes(s));
  }
  const workloads = new Map();
  const workload = (n) => {
    if (!workloads.has(n)) workloads.set(n, makeWorkload(n));
    return workloads.get(n);
  };
  const created = makePeers(wanted, redis, workload);
  const list = [];
  const samples = new Map(); // 'peer|op|mode' -> { ops: [ops/s of round 1..ROUNDS], nulls }
  try {
    for (const p of created) {
      try {
        await p.open();
        list.push(p);
      } catch (err) {
        if (!(err instanceof peers.PeerSkipped)) throw err;
        skip(p.name, err.message);
      }
    }
    for (let round = 0; round <= ROUNDS; round++) {
      const order = list.map((_, i) => list[(i + round) % list.length]);
      const t0 = Date.now();
      for (const mode of MODES) {
        const group = order.filter((p) => p.modes.includes(mode));
        for (const p of group) await p.flush();
        for (const { op, timed: isTimed } of steps) {
          for (const p of group) {
            if (!p.ops[op]) continue;
            if (!isTimed) {
              await runners[mode](p.ops[op], p.n); // a fill the selected ops read
              continue;
            }
            const r = await timed(runners[mode], p.ops[op], p.n);
            if (round === 0) continue;
            const k = `${p.name}|${op}|${mode}`;
            if (!samples.has(k)) samples.set(k, { ops: [], nulls: 0 });
            samples.get(k).ops.push(r.opsPerSec);
            samples.get(k).nulls += r.nulls;
          }
        }
      }
      console.log(`${round === 0 ? 'warm-up' : 'round ' + round} done in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
        `(order: ${order.map((p) => p.name).join(', ')})`);
    }
  } finally {
    for (const p of created) await Promise.resolve().then(() => p.close()).catch(() => {});
    if (redis) {
      await redis.server.stop();
      fs.rmSync(redis.dir, { recursive: true, force: true });
    }
  }
  report(list, ops, samples, skipped, info);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
