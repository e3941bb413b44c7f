'use strict';

// client.sync (lib/sync.js): the client's commands as synchronous calls. Each case runs the
// same calls through the promise API on one keyspace and through client.sync on another, and
// requires the same replies, the same errors (class and text) and the same keyspace after.
const assert = require('node:assert/strict');
const { openedClients } = require('../helpers/clients');
const { createClient, RESP_TYPES, SimpleError, ClientClosedError, WatchError } = require('../..');
const { COMMANDS } = require('../../lib/commander');

let port = 1;
const freshUrl = () => `redis://sync-spec:${port++}`;

const BLOCKING = ['blPop', 'brPop', 'blMove', 'brPopLPush', 'blmPop', 'bzPopMin', 'bzPopMax', 'bzmPop'];

// Calls as [method, ...args]: every reply shape (null, numbers, strings, arrays, objects,
// doubles, nested), the fast paths (GET, HSET, SADD, ZADD, ZRANGE...) and the general one,
// and errors from the core (WRONGTYPE, not an integer) and from argument checks (TypeError).
const CALLS = [
  ['set', 'k', 'v'], ['get', 'k'], ['get', 'nokey'], ['set', 'n', '10'], ['incr', 'n'], ['incrBy', 'n', 5],
  ['incrByFloat', 'n', 1.5], ['incr', 'k'], ['append', 'k', 'w'], ['strLen', 'k'], ['getRange', 'k', 0, 0],
  ['set', 'k2', 'x', { NX: true }], ['set', 'k2', 'y', { NX: true }], ['mSet', { a: '1', b: '2' }], ['mGet', ['a', 'b', 'zz']],
  ['getSet', 'a', '9'], ['getDel', 'b'], ['exists', ['a', 'b', 'k']], ['type', 'k'],
  ['hSet', 'h', 'f', 'v'], ['hSet', 'h', { g: '1', i: '2' }], ['hGet', 'h', 'f'], ['hGetAll', 'h'], ['hGetAll', 'nokey'],
  ['hIncrBy', 'h', 'g', 3], ['hKeys', 'h'], ['hLen', 'h'], ['hmGet', 'h', ['f', 'zz']], ['hDel', 'h', 'f'],
  ['lPush', 'l', ['a', 'b', 'c']], ['rPush', 'l', 'd'], ['lPop', 'l'], ['rPop', 'l'], ['lRange', 'l', 0, -1],
  ['lLen', 'l'], ['lIndex', 'l', 0], ['lPop', 'nolist'],
  ['sAdd', 's', ['x', 'y', 'z']], ['sIsMember', 's', 'x'], ['sIsMember', 's', 'q'], ['sCard', 's'], ['sRem', 's', 'z'],
  ['sMembers', 's'], ['sAdd', 'si', ['1', '2', '3']], ['sInter', ['si', 'si']],
  ['zAdd', 'z', [{ score: 1, value: 'a' }, { score: 2.5, value: 'b' }]], ['zAdd', 'z', { score: 3, value: 'c' }],
  ['zRange', 'z', 0, -1], ['zRangeWithScores', 'z', 0, 1], ['zScore', 'z', 'b'], ['zScore', 'z', 'none'],
  ['zRank', 'z', 'c'], ['zIncrBy', 'z', 2, 'a'], ['zCard', 'z'], ['zPopMin', 'z'], ['zRangeByScore', 'z', 0, 10],
  ['expire', 'k', 100], ['ttl', 'k'], ['persist', 'k'], ['ttl', 'k'], ['pExpire', 'nokey', 5],
  ['del', ['a', 'nokey']], ['unlink', 'k2'], ['rename', 'n', 'n2'], ['rename', 'nokey', 'x'], ['dbSize'],
  ['keys', '*'], ['objectEncoding', 'h'], ['objectEncoding', 'nokey'],
  ['hGet', 's', 'f'], ['lPush', 'h', 'x'], ['zAdd', 's', { score: 1, value: 'x' }], ['incr', 'h'],
  ['get', undefined], ['set', 'k', { not: 'a string' }], ['hSet', 'h', null], ['get', 'k', 'extra'],
  ['flushAll'], ['dbSize']
];

// Replies in no defined order (each keyspace hashes with its own seed).
const UNORDERED = ['keys', 'sMembers', 'sInter'];

// The outcome of one call: { reply } or { error: [class name, message] }.
function outcome(fn) {
  try {
    const reply = fn();
    if (reply && typeof reply.then === 'function') {
      return reply.then((r) => ({ reply: r }), (e) => ({ error: [e.constructor.name, e.message] }));
    }
    return { reply };
  } catch (e) {
    return { error: [e.constructor.name, e.message] };
  }
}

describe('client.sync', () => {
  const open = openedClients();

  it('has every command method of the client but the blocking ones, under both names', () => {
    const sync = createClient({ url: freshUrl() }).sync;
    for (const { upper, camel, row } of COMMANDS) {
      const blocking = BLOCKING.includes(camel);
      assert.equal(blocking, (row.flags & 64) !== 0, `${camel}: RL_CMD_BLOCKING`);
      assert.equal(typeof sync[camel], blocking ? 'undefined' : 'function', camel);
      assert.equal(typeof sync[upper], blocking ? 'undefined' : 'function', upper);
    }
    for (const name of ['multi', 'watch', 'subscribe', 'select', 'connect', 'close']) {
      assert.equal(sync[name], undefined, name);
    }
  });

  it('gives the replies and errors of the promise API, and the same keyspace', async () => {
    const a = await open({ url: freshUrl() });
    const b = await open({ url: freshUrl() });
    for (const [method, ...args] of CALLS) {
      const viaPromise = await outcome(() => a[method](...args));
      const viaSync = outcome(() => b.sync[method](...args));
      assert.ok(!(viaSync instanceof Promise), `${method} returned a promise`);
      if (UNORDERED.includes(method)) for (const o of [viaPromise, viaSync]) o.reply?.sort();
      assert.deepStrictEqual(viaSync, viaPromise, `${method}(${JSON.stringify(args)})`);
      assert.deepStrictEqual(await b.keys('*').then((k) => k.sort()), await a.keys('*').then((k) => k.sort()));
    }
  });

  it('throws SimpleError with Redis text, TypeError for bad arguments, ClientClosedError when closed', async () => {
    const c = await open({ url: freshUrl() });
    c.sync.set('str', 'v');
    assert.throws(() => c.sync.lPush('str', 'x'), (e) => e instanceof SimpleError &&
      e.message === 'WRONGTYPE Operation against a key holding the wrong kind of value');
    assert.throws(() => c.sync.incr('str'), { message: 'ERR value is not an integer or out of range' });
    assert.throws(() => c.sync.get(42), TypeError);
    assert.equal(c.sync.get('str'), 'v');
    const sync = c.sync;
    await c.close();
    assert.throws(() => sync.get('str'), ClientClosedError);
    assert.throws(() => sync.hSet('h', 'f', 'v'), ClientClosedError);
  });

  it('follows the type mapping of the proxy it came from, and the keyPrefix', async () => {
    const url = freshUrl();
    const c = await open({ url });
    c.sync.set('k', 'v');
    c.sync.zAdd('z', { score: 1.5, value: 'm' });
    const buffers = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    assert.deepStrictEqual(buffers.sync.get('k'), Buffer.from('v'));
    assert.equal(c.sync.get('k'), 'v');
    assert.equal(buffers.sync, buffers.sync);
    assert.notEqual(buffers.sync, c.sync);
    const doubles = c.withTypeMapping({ [RESP_TYPES.DOUBLE]: String });
    assert.deepStrictEqual(doubles.sync.zScore('z', 'm'), await doubles.zScore('z', 'm'));
    const prefixed = await open({ url, keyPrefix: 'p:' });
    prefixed.sync.set('k', 'prefixed');
    assert.equal(c.sync.get('p:k'), 'prefixed');
    assert.equal(prefixed.sync.get('k'), 'prefixed');
    assert.equal(await prefixed.get('k'), 'prefixed');
  });

  it('a write through sync serves a blocked client; a blocked client refuses sync calls until served', async () => {
    const url = freshUrl();
    const waiter = await open({ url });
    const writer = await open({ url });
    const popped = waiter.blPop('q', 0);
    assert.throws(() => waiter.sync.get('q'), /client\.sync cannot run a command while this client waits/);
    assert.equal(writer.sync.rPush('q', 'job'), 1);
    assert.deepStrictEqual(await popped, { key: 'q', element: 'job' });
    assert.equal(waiter.sync.lLen('q'), 0);
  });

  it('publishes and notifies as the promise API does (delivered asynchronously)', async () => {
    const url = freshUrl();
    const c = await open({ url, notifyKeyspaceEvents: 'KEA' });
    const sub = await open({ url });
    const heard = [];
    await sub.subscribe('ch', (m) => heard.push(m));
    await sub.pSubscribe('__keyspace@0__:*', (m, ch) => heard.push(`${ch} ${m}`));
    assert.equal(c.sync.publish('ch', 'hello'), 1);
    c.sync.set('key', 'v');
    assert.deepStrictEqual(heard, []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(heard, ['hello', '__keyspace@0__:key set']);
  });

  it('a sync write to a WATCHed key makes the watcher\'s EXEC fail', async () => {
    const url = freshUrl();
    const c = await open({ url });
    const other = await open({ url });
    await c.watch('w');
    other.sync.set('w', 'changed');
    await assert.rejects(c.multi().set('w', 'mine').exec(), WatchError);
    assert.equal(c.sync.get('w'), 'changed');
  });
});
