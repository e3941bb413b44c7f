'use strict';

// The keyspace's background timer is unref'd: a process with open clients, keys with TTLs
// and pending background work still exits on its own.
const assert = require('node:assert');
const { spawnSync } = require('child_process');
const path = require('path');

const INDEX = path.join(__dirname, '..', '..', 'index.js');

describe('process exit', () => {
  it('exits by itself with clients open and TTLs pending', () => {
    const script = `
      const { createClient } = require(${JSON.stringify(INDEX)});
      (async () => {
        const c = createClient();
        await c.connect();
        for (let i = 0; i < 1000; i++) await c.set('k' + i, 'v', { expiration: { type: 'EX', value: 100 } });
        await c.flushAll('ASYNC');
        await c.set('left', 'open', { expiration: { type: 'PX', value: 60000 } });
        console.log('done');
      })();
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10000 });
    assert.strictEqual(r.error, undefined, 'the process did not exit by itself');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout.trim(), 'done');
  });
});
