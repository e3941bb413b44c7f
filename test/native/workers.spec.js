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
