'use strict';
// How the throughput benches call an op: runners[mode](op, n) calls op(i) for i < n and
// resolves to the count of null/undefined replies; timed() times one run.
const { gcSettled } = require('./gc');

// Calls in flight together in mode 'batch100' (node-redis pipelines them).
const BATCH = 100;

const runners = {
  // each call awaited before the next
  async seq(op, n) {
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      if ((await op(i)) == null) nulls++;
    }
    return nulls;
  },
  // Promise.all of BATCH calls at a time
  async batch100(op, n) {
    let nulls = 0;
    for (let i = 0; i < n; i += BATCH) {
      const end = Math.min(i + BATCH, n);
      const pending = new Array(end - i);
      for (let j = i; j < end; j++) pending[j - i] = op(j);
      for (const r of await Promise.all(pending)) if (r == null) nulls++;
    }
    return nulls;
  },
  // a plain loop, for synchronous stores
  async sync(op, n) {
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      if (op(i) == null) nulls++;
    }
    return nulls;
  }
};

// One timed run: gcSettled(), then runner over op(0..n-1): { opsPerSec, nulls }.
async function timed(runner, op, n) {
  await gcSettled();
  const t0 = process.hrtime.bigint();
  const nulls = await runner(op, n);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { opsPerSec: n / secs, nulls };
}

module.exports = { runners, timed, BATCH };
