'use strict';

// Background work (active expiry, lazy free) when the caller never yields to the event loop:
// a loop of awaited calls settles in microtasks only, so the keyspace's timer cannot fire.
// The core then runs its overdue cron between commands, as redis-server runs serverCron
// however busy it is. Each test checks that no macrotask ran during its loop.
const assert = require('node:assert/strict');
const { createClient } = require('../..');

let port = 46000;
const freshUrl = () => `redis://background-spec:${port++}`;

// The value of 'field' in an INFO reply.
function infoField(info, field) {
  const m = info.match(new RegExp(`^${field}:(.*)$`, 'm'));
  assert.ok(m, `INFO has ${field}`);
  return m[1].trim();
}

// Awaits c.ping() in a loop until check() resolves true or 'ms' of wall time pass; returns
// whether check() succeeded. Yields to microtasks only.
async function pingUntil(c, ms, check) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    for (let i = 0; i < 256; i++) await c.ping();
    if (await check()) return true;
  }
  return false;
}

describe('background work while the caller never yields', () => {
  let c;
  let macrotaskRan;
  beforeEach(async () => {
    c = createClient({ url: freshUrl() });
    await c.connect();
    macrotaskRan = false;
  });
  afterEach(async () => {
    await c.close();
  });
  const watchMacrotasks = () => {
    setImmediate(() => { macrotaskRan = true; });
  };

  it('frees a flushed keyspace of big sets (lazy free) without the timer', async () => {
    for (let s = 0; s < 200; s++) {
      await c.sAdd(`set:${s}`, Array.from({ length: 100 }, (_, i) => `member:${i}`));
    }
    const before = Number(infoField(await c.info('memory'), 'used_memory'));
    watchMacrotasks();
    await c.flushAll();
    assert.equal(Number(infoField(await c.info('memory'), 'lazyfree_pending_objects')), 200);
    const freed = await pingUntil(c, 5000, async () =>
      Number(infoField(await c.info('memory'), 'lazyfree_pending_objects')) === 0);
    assert.equal(macrotaskRan, false, 'the loop yielded to the event loop');
    assert.ok(freed, 'lazyfree_pending_objects reached 0');
    const after = Number(infoField(await c.info('memory'), 'used_memory'));
    assert.ok(after < before / 10, `used_memory ${before} -> ${after}`);
  });

  it('expires keys actively (active expiry) without the timer', async () => {
    await c.mSet(Array.from({ length: 1000 }, (_, i) => [`k:${i}`, 'v']));
    for (let i = 0; i < 1000; i++) await c.pExpire(`k:${i}`, 20);
    watchMacrotasks();
    const expired = await pingUntil(c, 5000, async () =>
      Number(infoField(await c.info('stats'), 'expired_keys')) === 1000);
    assert.equal(macrotaskRan, false, 'the loop yielded to the event loop');
    assert.ok(expired, 'expired_keys reached 1000 with no key read');
  });
});
