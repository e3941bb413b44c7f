'use strict';

// Building a reply can run JS: the Map type mapping calls Map.prototype.set, which code loaded
// before redlite may have replaced. A command sent from there must not re-enter the binding
// (its argument and reply scratch, and the keyspace, are in the middle of a command): it
// rejects with ERR_REDLITE_REENTRANT, and the outer command completes. Run in a worker, whose
// realm has its own Map.prototype to patch.
const assert = require('node:assert');
const path = require('path');
const { Worker } = require('worker_threads');

const INDEX = path.join(__dirname, '..', '..', 'index.js');

const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const originalSet = Map.prototype.set;
let hook = null;
Map.prototype.set = function (k, v) {
  if (hook && k === 'a') {
    const h = hook;
    hook = null;
    h();
  }
  return originalSet.call(this, k, v);
};
const { createClient, RESP_TYPES } = require(workerData.index);
(async () => {
  const c = createClient();
  await c.connect();
  await c.hSet('h', { a: '1', b: '2' });
  const sub = c.duplicate();
  await sub.connect();
  const got = [];
  await sub.subscribe('ch', (m) => got.push(m));
  let inner, innerPublish;
  hook = () => {
    inner = c.sendCommand(['SET', 'x', 'y']);
    innerPublish = c.publish('ch', 'from inside').then((n) => n, (err) => err.code);
  };
  const outer = await c.withTypeMapping({ [RESP_TYPES.MAP]: Map }).hGetAll('h');
  const innerResult = await inner.then((r) => ({ ok: r }), (err) => ({ code: err.code, message: err.message }));
  await c.publish('ch', 'after');
  for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  parentPort.postMessage({
    outer: [...outer], inner: innerResult, innerPublish: await innerPublish,
    x: await c.get('x'), ping: await c.ping(), got
  });
  await sub.close();
  await c.close();
})().catch((err) => parentPort.postMessage({ error: err.stack }));
`;

describe('re-entrant calls into the binding', () => {
  it('a command sent while a reply is being built rejects with ERR_REDLITE_REENTRANT; the outer one completes', async () => {
    const result = await new Promise((resolve, reject) => {
      const w = new Worker(WORKER, { eval: true, workerData: { index: INDEX } });
      let msg;
      w.on('message', (m) => { msg = m; });
      w.on('error', reject);
      w.on('exit', (code) => (code === 0 ? resolve(msg) : reject(new Error(`worker exit ${code}`))));
    });
    assert.strictEqual(result.error, undefined, result.error);
    assert.deepStrictEqual(result.outer, [['a', '1'], ['b', '2']]);
    assert.deepStrictEqual(result.inner, { code: 'ERR_REDLITE_REENTRANT',
      message: "redlite: a command was sent while another one's reply was being built" });
    assert.strictEqual(result.innerPublish, 'ERR_REDLITE_REENTRANT');
    assert.strictEqual(result.x, null, 'the re-entrant SET did not run');
    assert.strictEqual(result.ping, 'PONG');
    assert.deepStrictEqual(result.got, ['after']);
  });
});
