'use strict';
// Blocking pops: a waiting client (c.duplicate()) is woken by another client's write, in the
// order clients blocked; timeouts; commands queued behind a blocked one; errors.

const { group, raw } = require('../scenario.js');

const g = group('blocking pops');
const { scenario } = g;

// Time for a command sent by one connection to reach the real server before another
// connection's command (they travel on different sockets).
const SETTLE_MS = 60;

async function open(c) {
  const d = c.duplicate();
  d.on('error', () => {});
  await d.connect();
  return d;
}

// Records how 'promise' settles, without waiting for it yet.
function track(promise) {
  const t = { state: 'pending' };
  t.done = promise.then((v) => { t.state = 'resolved'; t.value = v; }, (e) => {
    t.state = 'rejected';
    t.value = `${e.constructor.name}: ${e.message}`;
  });
  return t;
}

scenario('BLPOP/BRPOP/BLMOVE woken by other clients, first blocked first served', async (c, ctx) => {
  const w1 = await open(c);
  const w2 = await open(c);
  try {
    const p1 = w1.blPop(['q1', 'q2'], 0);
    await ctx.sleep(SETTLE_MS);
    const p2 = w2.brPop('q2', 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('rPush wakes both', () => c.rPush('q2', ['x', 'y', 'z']));
    await ctx.call('first blocked', () => p1);
    await ctx.call('second blocked', () => p2);
    await ctx.call('what is left', () => c.lRange('q2', 0, -1));
    const m = w1.blMove('src', 'dst', 'LEFT', 'RIGHT', 0);
    await ctx.sleep(SETTLE_MS);
    const d = w2.blPop('dst', 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('push to src', () => c.rPush('src', 'm'));
    await ctx.call('blMove result', () => m);
    await ctx.call('the moved element woke the next waiter', () => d);
    await ctx.call('both lists gone', () => c.exists(['src', 'dst']));
    const r = w1.brPopLPush('same', 'same', 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('push to same', () => c.rPush('same', ['a', 'b']));
    await ctx.call('brPopLPush on one list', () => r);
    await ctx.call('rotated', () => c.lRange('same', 0, -1));
  } finally {
    w1.destroy();
    w2.destroy();
  }
});

scenario('BLMPOP and the sorted-set pops', async (c, ctx) => {
  const w = await open(c);
  try {
    const lm = w.blmPop(0, ['l1', 'l2'], 'RIGHT', { COUNT: 2 });
    await ctx.sleep(SETTLE_MS);
    await ctx.call('exec pushing and popping', () => c.multi().rPush('l2', ['1', '2', '3']).lPop('l2').exec());
    await ctx.call('blmPop served after the whole EXEC', () => lm);
    const zmin = w.bzPopMin(['z1', 'z2'], 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('zAdd', () => c.zAdd('z2', [{ score: 3, value: 'c' }, { score: 1, value: 'a' }]));
    await ctx.call('bzPopMin', () => zmin);
    await ctx.call('bzPopMax with data', () => w.bzPopMax('z2', 0));
    await ctx.call('bzmPop with data', () => c.zAdd('z3', [{ score: 1, value: 'p' }, { score: 2, value: 'q' }]));
    await ctx.call('bzmPop', () => w.bzmPop(0, ['z0', 'z3'], 'MAX', { COUNT: 5 }));
    const zm = w.bzmPop(1, 'z4', 'MIN');
    await ctx.sleep(SETTLE_MS);
    await ctx.call('zAdd z4', () => c.zAdd('z4', { score: 5, value: 'x' }));
    await ctx.call('bzmPop served', () => zm);
  } finally {
    w.destroy();
  }
});

scenario('timeouts, immediate data, MULTI and wrong types', async (c, ctx) => {
  const w = await open(c);
  try {
    await ctx.call('data present: no wait', async () => {
      await c.rPush('now', ['a', 'b']);
      return w.blPop('now', 0);
    });
    await ctx.call('blPop times out', () => w.blPop('none', 0.1));
    await ctx.call('brPop times out', () => w.brPop(['n1', 'n2'], 0.05));
    await ctx.call('blMove times out', () => w.blMove('n1', 'n2', 'LEFT', 'LEFT', 0.05));
    await ctx.call('blmPop times out', () => w.blmPop(0.05, 'n1', 'LEFT'));
    await ctx.call('bzPopMin times out', () => w.bzPopMin('n1', 0.05));
    await ctx.call('bzmPop times out', () => w.bzmPop(0.05, 'n1', 'MIN'));
    await ctx.call('inside MULTI nothing blocks', () => c.multi().blPop('n1', 0).bzPopMax('n2', 0)
      .blMove('n1', 'n2', 'LEFT', 'RIGHT', 0).exec());
    await ctx.call('set a string', () => c.set('str', 'v'));
    await ctx.call('WRONGTYPE', () => w.blPop('str', 0));
    await ctx.call('WRONGTYPE zset', () => w.bzPopMin('str', 0));
    const t = track(w.blPop('becomes-string', 0.3));
    await ctx.sleep(SETTLE_MS);
    await ctx.call('a string appears at the awaited key', () => c.set('becomes-string', 'v'));
    await t.done;
    ctx.note('the waiter is not served by another type and times out', [t.state, t.value]);
    await ctx.call('negative timeout', () => w.blPop('k', -1));
    await ctx.call('timeout not a number', () => raw(w, 'BLPOP', 'k', 'abc'));
    await ctx.call('huge timeout', () => raw(w, 'BLPOP', 'k', '1e400'));
    await ctx.call('BLMPOP numkeys 0', () => raw(w, 'BLMPOP', '0', '0', 'k', 'LEFT'));
    await ctx.call('BLMOVE bad side', () => raw(w, 'BLMOVE', 'a', 'b', 'UP', 'LEFT', '0'));
    await ctx.call('BZPOPMIN arity', () => raw(w, 'BZPOPMIN', 'k'));
    await ctx.call('timeout as a string', () => w.blPop('k', 'x'));
  } finally {
    w.destroy();
  }
});

scenario('commands wait behind a blocked command; destroy releases it', async (c, ctx) => {
  const w = await open(c);
  const order = [];
  const b = w.blPop('jobs', 0).then((v) => { order.push('blPop'); return v; });
  const g2 = w.get('after').then((v) => { order.push('get'); return v; });
  await ctx.sleep(SETTLE_MS);
  await ctx.call('set after', () => c.set('after', 'set while blocked'));
  await ctx.call('push a job', () => c.lPush('jobs', 'job1'));
  await ctx.call('blPop', () => b);
  await ctx.call('get issued behind it ran afterwards', () => g2);
  ctx.note('resolution order', order);
  const pending = track(w.blPop('never', 0));
  await ctx.sleep(SETTLE_MS);
  w.destroy();
  await pending.done;
  ctx.note('destroy rejects the blocked call', [pending.state, pending.value]);
  await ctx.sleep(SETTLE_MS); // the real server sees the closed socket asynchronously
  await ctx.call('a later push is not taken by the destroyed client', () => c.rPush('never', 'x'));
  await ctx.call('still there', () => c.lRange('never', 0, -1));
});

scenario('CLIENT UNBLOCK ends another client\'s wait (TIMEOUT or ERROR)', async (c, ctx) => {
  const w = await open(c);
  try {
    const id = await w.clientId();
    ctx.note('clientId is a number', typeof id);
    await ctx.call('unblock a client that is not blocked', () => c.clientUnblock(id));
    const t = w.blPop('never1', 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('unblock with TIMEOUT', () => c.clientUnblock(id, 'TIMEOUT'));
    await ctx.call('the wait ends with null', () => t);
    const e = w.bzPopMax('never2', 0);
    await ctx.sleep(SETTLE_MS);
    await ctx.call('unblock with ERROR', () => c.clientUnblock(id, 'ERROR'));
    await ctx.call('the wait ends with the UNBLOCKED error', () => e);
    await ctx.call('unknown client id', () => c.clientUnblock(999999));
    await ctx.call('bad reason', () => raw(c, 'CLIENT', 'UNBLOCK', String(id), 'FOO'));
    await ctx.call('id not an integer', () => raw(c, 'CLIENT', 'UNBLOCK', 'abc'));
    await ctx.call('CLIENT without subcommand', () => raw(c, 'CLIENT'));
    await ctx.call('CLIENT ID with an argument', () => raw(c, 'CLIENT', 'ID', 'x'));
  } finally {
    w.destroy();
  }
});

module.exports = g;
