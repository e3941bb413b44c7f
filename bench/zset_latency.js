'use strict';
// Sorted-set latency at size: one sorted set grown to N members (default 1M) with awaited
// ZADDs, then awaited ZRANK of random members and ZRANGE of 10 members at random ranks.
//   node --expose-gc bench/zset_latency.js [--members N] [--set]
// Every call is timed around the await (hrtime); prints the median, p99 and max per command
// and how many calls took over 1 ms. --set grows a set with SADD instead (its growth stalls
// are what matters there) and times SISMEMBER.
const { createHistogram } = require('node:perf_hooks');
const { gc } = require('./lib/gc');
const { int } = require('./lib/stats');
const { createClient } = require('..');

const i = process.argv.indexOf('--members');
const N = i > 0 ? Number(process.argv[i + 1]) : 1e6;
const SET = process.argv.includes('--set');
const SAMPLES = 200000;

const member = (k) => 'member:' + String(k).padStart(10, '0');

async function timeCalls(name, n, call) {
  const h = createHistogram({ lowest: 1, highest: 60e9, figures: 3 });
  let over = 0;
  for (let k = 0; k < n; k++) {
    const t0 = process.hrtime.bigint();
    await call(k);
    const ns = Number(process.hrtime.bigint() - t0);
    h.record(ns > 0 ? ns : 1);
    if (ns > 1e6) over++;
  }
  const us = (ns) => (ns / 1000).toFixed(2) + ' us';
  console.log(`${name.padEnd(10)} ${int(n).padStart(9)} calls: median ${us(h.percentile(50))}  ` +
    `p99 ${us(h.percentile(99))}  p99.9 ${us(h.percentile(99.9))}  max ${us(h.max)}  over 1 ms: ${over}`);
  return { name, calls: n, medianUs: h.percentile(50) / 1000, p99Us: h.percentile(99) / 1000, maxUs: h.max / 1000, over1ms: over };
}

async function main() {
  const c = await createClient().connect();
  await c.flushAll();
  gc();
  console.log(`node ${process.version}; one ${SET ? 'set' : 'sorted set'} of ${int(N)} members`);
  const rnd = (k) => ((k * 2654435761) >>> 0) % N; // a fixed scatter of 0..N-1
  const results = [];
  if (SET) {
    results.push(await timeCalls('SADD', N, (k) => c.sAdd('s', member(k))));
    results.push(await timeCalls('SISMEMBER', SAMPLES, (k) => c.sIsMember('s', member(rnd(k)))));
  } else {
    // scores in a scattered order so inserts land all over the skiplist
    results.push(await timeCalls('ZADD', N, (k) => c.zAdd('z', { score: rnd(k), value: member(k) })));
    results.push(await timeCalls('ZRANK', SAMPLES, (k) => c.zRank('z', member(rnd(k)))));
    results.push(await timeCalls('ZRANGE 10', SAMPLES, (k) => {
      const start = rnd(k) % (N - 10);
      return c.zRange('z', start, start + 9);
    }));
    results.push(await timeCalls('ZSCORE', SAMPLES, (k) => c.zScore('z', member(rnd(k)))));
  }
  console.log(JSON.stringify({ bench: 'zset_latency', date: new Date().toISOString(), node: process.version,
    members: N, kind: SET ? 'set' : 'zset', results }));
  await c.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
