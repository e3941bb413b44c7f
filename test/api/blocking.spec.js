'use strict';
// Blocking pops in process: no timer for timeout 0, release on close, keyspace scoping,
// pipelines holding back behind a blocked command.
const assert = require('node:assert');
const { createClient, DisconnectsClientError } = require('../../index.js');

let port = 43000;
const freshUrl = () => `redis://blocking-spec:${port++}`;

async function open(url) {
  const c = createClient({ url });
  await c.connect();
  return c;
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('blocking pops', () => {
  it('timeout 0 holds no timer; a timeout holds exactly one until the wait ends', async () => {
    const url = freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const before = timers();
    const forever = b.blPop('q', 0);
    assert.strictEqual(timers(), before);
    await a.rPush('q', 'x');
    assert.deepStrictEqual(await forever, { key: 'q', element: 'x' });
    const timed = b.blPop('q', 30);
    assert.strictEqual(timers(), before + 1);
    await a.rPush('q', 'y');
    assert.deepStrictEqual(await timed, { key: 'q', element: 'y' });
    assert.strictEqual(timers(), before);
    await Promise.all([a.close(), b.close()]);
  });

  it('close() releases a blocked call and the calls queued behind it with DisconnectsClientError', async () => {
    const url = freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const blocked = b.bzPopMin('z', 0);
    const behind = b.get('k');
    await b.close();
    await assert.rejects(blocked, DisconnectsClientError);
    await assert.rejects(behind, DisconnectsClientError);
    assert.strictEqual(await a.zAdd('z', { score: 1, value: 'm' }), 1);
    assert.strictEqual(await a.zCard('z'), 1);
    await a.close();
  });

  it('a push in another keyspace does not wake the waiter', async () => {
    const b = await open(freshUrl());
    const other = await open(freshUrl());
    const r = b.blPop('shared', 0.1);
    await other.rPush('shared', 'x');
    assert.strictEqual(await r, null);
    await Promise.all([b.close(), other.close()]);
  });

  it('a pipeline waits at its blocking command, then runs the rest', async () => {
    const url = freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const p = b.multi().set('before', '1').blPop('jobs', 0).get('after').execAsPipeline();
    await a.set('after', 'written while the pipeline waited');
    await a.lPush('jobs', 'j');
    assert.deepStrictEqual(await p, ['OK', { key: 'jobs', element: 'j' }, 'written while the pipeline waited']);
    await Promise.all([a.close(), b.close()]);
  });

  it('wakes on a key created by MULTI/EXEC, once the whole transaction ran', async () => {
    const url = freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const r = b.brPop('t', 0);
    assert.deepStrictEqual(await a.multi().rPush('t', ['1', '2']).rPop('t').exec(), [2, '2']);
    assert.deepStrictEqual(await r, { key: 't', element: '1' });
    await Promise.all([a.close(), b.close()]);
  });
});
