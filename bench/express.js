'use strict';
// HTTP requests/s of Express routes backed by redlite against the same routes on node-redis +
// a local redis-server, measured with autocannon over loopback.
//   node bench/express.js [--quick]
// Each server runs in a child process (bench/lib/express-app.js) so the load generator (this
// process) and the server each have a core. Servers are measured one after another, in
// rotated order for ROUNDS rounds after a warm-up, with 1 connection (requests one after
// another: each request's latency counts, the Redis round trip included) and with 10
// (concurrent requests: node-redis pipelines their commands, the HTTP work dominates); the
// median requests/s is reported with ratios against the baselines the targets name:
//   cached route:  cacheMiddleware on redlite vs the same route cached on node-redis +
//                  redis-server (cacheMiddleware, and a hand-written get/set cache as
//                  connect-redis-era apps do) and vs a route that returns a constant.
//   session route: express-session + redlite/session vs express-session + connect-redis +
//                  node-redis + redis-server; every request carries a session cookie (read +
//                  touch per request, as express-session does).
const fs = require('node:fs');
const path = require('node:path');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');
const { startRedisServer } = require('../test/helpers/redis-server');
const { median, int, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
const DURATION = QUICK ? 2 : 5; // seconds per measurement
const ROUNDS = QUICK ? 1 : 3;
const CONNECTION_SETS = [1, 10];
const OUT = path.join(__dirname, QUICK ? 'results-express.quick.json' : 'results-express.json');

// name -> { kind, backend, path } served by bench/lib/express-app.js
const SERVERS = [
  { name: 'constant', kind: 'constant', backend: 'none', path: '/item' },
  { name: 'redlite cacheMiddleware', kind: 'cached', backend: 'redlite', path: '/item' },
  { name: 'node-redis cacheMiddleware', kind: 'cached', backend: 'node-redis', path: '/item' },
  { name: 'node-redis get/set cache', kind: 'handcache', backend: 'node-redis', path: '/item' },
  { name: 'redlite session', kind: 'session', backend: 'redlite', path: '/me' },
  { name: 'connect-redis session', kind: 'session', backend: 'node-redis', path: '/me' }
];

// Start one server child; resolves { port, cookie, stop() }.
function startServer(spec, redisUrl) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'lib', 'express-app.js'),
      [spec.kind, spec.backend, redisUrl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${spec.name} exited with ${code}`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({
        port: m.port,
        cookie: m.cookie,
        stop: () => new Promise((done) => {
          child.once('exit', done);
          child.kill('SIGTERM');
        })
      });
    });
  });
}

function load(url, headers, duration, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, res) => {
      if (err) return reject(err);
      if (res.non2xx || res.errors) return reject(new Error(`${url}: ${res.non2xx} non-2xx, ${res.errors} errors`));
      resolve(res.requests.average);
    });
  });
}

async function main() {
  const redis = await startRedisServer();
  const key = (conns, name) => `${conns}|${name}`;
  const samples = new Map();
  for (const conns of CONNECTION_SETS) for (const s of SERVERS) samples.set(key(conns, s.name), []);
  console.log(`node ${process.version}; autocannon with ${CONNECTION_SETS.join(' and ')} connections, ${DURATION} s per ` +
    `run, ${ROUNDS} rounds + warm-up${QUICK ? ' (--quick)' : ''}`);
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      for (let i = 0; i < SERVERS.length; i++) {
        const spec = SERVERS[(i + round) % SERVERS.length];
        const srv = await startServer(spec, redis.url);
        try {
          const headers = srv.cookie ? { cookie: srv.cookie } : {};
          for (const conns of CONNECTION_SETS) {
            const rps = await load(`http://127.0.0.1:${srv.port}${spec.path}`, headers, round === 0 ? 1 : DURATION, conns);
            if (round > 0) samples.get(key(conns, spec.name)).push(rps);
          }
        } finally {
          await srv.stop();
        }
      }
      console.log(round === 0 ? 'warm-up done' : `round ${round} done`);
    }
  } finally {
    await redis.stop();
  }
  const med = (conns, name) => median(samples.get(key(conns, name)));
  const rows = [['connections', 'route', 'requests/s (median)', 'redlite/route']];
  const results = [];
  for (const conns of CONNECTION_SETS) {
    for (const s of SERVERS) {
      const ref = s.kind === 'session' ? 'redlite session' : 'redlite cacheMiddleware';
      const ratio = med(conns, ref) / med(conns, s.name);
      rows.push([String(conns), s.name, int(med(conns, s.name)), ratio.toFixed(2) + 'x']);
      results.push({ connections: conns, route: s.name, kind: s.kind, backend: s.backend,
        requestsPerSec: Math.round(med(conns, s.name)), redliteRatio: +ratio.toFixed(3),
        samples: samples.get(key(conns, s.name)).map(Math.round) });
    }
  }
  console.log('\n' + table(rows));
  for (const conns of CONNECTION_SETS) {
    console.log(`${conns} connection(s): cached route on redlite / constant route: ` +
      (med(conns, 'redlite cacheMiddleware') / med(conns, 'constant')).toFixed(3));
  }
  fs.writeFileSync(OUT, JSON.stringify({ bench: 'express', quick: QUICK, date: new Date().toISOString(),
    node: process.version, durationSec: DURATION, rounds: ROUNDS, results }, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
