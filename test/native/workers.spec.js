'use strict';

// The addon is context-aware: it loads in several worker threads at once, each with its
// own keyspaces, and workers can exit (or be terminated) with clients open.
const assert = require('node:assert');
const path = require('path');
const { Worker } = require('worker_threads');

const INDEX = path.join(__dirname, '..', '..', 'index.js');

function runWorker(code, data) {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: data });
    let result;
    w.on('message', (m) => { result = m; });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve(result) : reject(new Error(`worker exit ${code}`))));
  });
}

const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { createClient } = require(workerData.index);
(async () => {
  const c = createClient();
  await c.connect();
  for (let i = 0; i < 1000; i++) await c.set('k' + i, String(workerData.id));
  const seen = await c.get('k999');
  const size = await c.dbSize();
  parentPort.postMessage({ seen, size });
  if (!workerData.leaveOpen) await c.close();
})();
`;

describe('worker threads', () => {
  it('loads in 4 workers at once, each with its own keyspace', async () => {
    const results = await Promise.all([0, 1, 2, 3].map((id) => runWorker(WORKER, { index: INDEX, id })));
    results.forEach((r, id) => assert.deepStrictEqual(r, { seen: String(id), size: 1000 }));
  });

  it('survives workers exiting with clients open and timers pending', async () => {
    const results = await Promise.all([0, 1].map((id) => runWorker(WORKER, { index: INDEX, id, leaveOpen: true })));
    assert.strictEqual(results.length, 2);
  });

  it('8 workers at once, each creating and closing clients in a loop (with TTLs, pub/sub, blocking pops)', async function () {
    this.timeout(60000);
    const CHURN = `
      const { parentPort, workerData } = require('worker_threads');
      const { createClient } = require(workerData.index);
      (async () => {
        let ops = 0;
        for (let round = 0; round < 30; round++) {
          const url = 'redis://w' + (round % 3) + '.local:1';
          const c = createClient({ url });
          await c.connect();
          const sub = c.duplicate();
          await sub.connect();
          let got = 0;
          await sub.subscribe('ch', () => { got++; });
          await c.set('k' + round, 'v', { expiration: { type: 'PX', value: 5 } });
          await c.hSet('h', 'f' + round, String(workerData.id));
          await c.zAdd('z', { score: round, value: 'm' + round });
          await c.publish('ch', 'hello');
          const waiter = c.duplicate();
          await waiter.connect();
          const popped = waiter.blPop('list' + round, 0);
          await c.rPush('list' + round, 'x');
          await popped;
          ops += 6 + got;
          // leave some clients open on purpose (closed by the worker's exit)
          if (round % 5 !== 0) { await sub.close(); await waiter.close(); await c.close(); }
        }
        parentPort.postMessage({ ops });
      })();
    `;
    const ids = [0, 1, 2, 3, 4, 5, 6, 7];
    const results = await Promise.all(ids.map((id) => runWorker(CHURN, { index: INDEX, id })));
    results.forEach((r) => assert.ok(r.ops >= 30 * 6, JSON.stringify(r)));
  });

  it('survives a worker terminated mid-loop', async () => {
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      const { createClient } = require(${JSON.stringify(INDEX)});
      const c = createClient();
      c.connect().then(async () => {
        parentPort.postMessage('looping');
        for (;;) await c.set('x', 'y');
      });
    `, { eval: true });
    // Terminate only once the loop runs (a busy machine can take a while to start a worker).
    await new Promise((r) => w.once('message', r));
    await new Promise((r) => setTimeout(r, 50));
    const code = await w.terminate();
    assert.strictEqual(code, 1);
  });
});
