'use strict';

// Memory limits and eviction through the client: maxmemory / maxkeys / maxmemory-policy as
// createClient options and CONFIG parameters (keyspace-wide), the limits held after every
// command under a seeded random write load, what each policy may evict, noeviction's OOM,
// limits lowered at run time, `evicted` keyspace notifications, and bad input.
// Every assertion is on counts and states; sleeps only let the 16 ms LRU clock advance.
const assert = require('node:assert/strict');
const { createClient, SimpleError, ErrorReply } = require('../..');
const { binding } = require('../../lib/native');

let port = 44000;
const freshUrl = () => `redis://eviction-spec:${port++}`;
const OOM = "OOM command not allowed when used memory > 'maxmemory'.";
const POLICY_CHOICES = 'argument(s) must be one of the following: volatile-lru, volatile-lfu, ' +
  'volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction';
const configError = (param, why) => `ERR CONFIG SET failed (possibly related to argument '${param}') - ${why}`;

let opened = [];

async function open(url, options = {}) {
  const c = createClient({ url, ...options });
  opened.push(c);
  await c.connect();
  return c;
}

async function openDuplicate(c) {
  const d = c.duplicate();
  opened.push(d);
  await d.connect();
  return d;
}

// afterEach of every describe below (not a root hook: those run for every spec file).
async function closeOpened() {
  const clients = opened;
  opened = [];
  await Promise.all(clients.filter((c) => c.isOpen).map((c) => c.close()));
}

// mulberry32: a deterministic PRNG (no Math.random anywhere in this file).
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randInt = (rand, n) => Math.floor(rand() * n);

function shuffle(rand, array) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randInt(rand, i + 1);
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

// A value of about 'size' bytes, unique through 'tag' (set / zset members must differ).
function payload(rand, tag, size) {
  const head = `${tag}:`;
  const fill = String.fromCharCode(97 + randInt(rand, 26));
  return head + fill.repeat(Math.max(1, size - head.length));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Poll (setTimeout, up to ~2 s) until 'done' resolves truthy; returns its last value.
async function waitFor(done, ms = 2000) {
  const deadline = 10 + ms / 10;
  let value;
  for (let i = 0; i < deadline; i++) {
    value = await done();
    if (value) return value;
    await sleep(10);
  }
  return value;
}

// INFO <section> as { field: value } (numbers where the value is one).
async function info(c, section) {
  const out = {};
  for (const line of (await c.info(section)).split('\r\n')) {
    const at = line.indexOf(':');
    if (at <= 0 || line.startsWith('#')) continue;
    const value = line.slice(at + 1);
    out[line.slice(0, at)] = /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

const usedMemory = async (c) => (await info(c, 'memory')).used_memory;
const evictedKeys = async (c) => (await info(c, 'stats')).evicted_keys;

// Keys and keys with a TTL summed over every database (INFO keyspace).
async function keyspaceTotals(c) {
  let keys = 0;
  let expires = 0;
  for (const [field, value] of Object.entries(await info(c, 'keyspace'))) {
    if (!/^db\d+$/.test(field)) continue;
    const m = /^keys=(\d+),expires=(\d+)/.exec(value);
    keys += Number(m[1]);
    expires += Number(m[2]);
  }
  return { keys, expires };
}

// The core's own invariant recount (used_memory equals a recount of the structures).
function assertCoreConsistent(c) {
  assert.equal(binding.debugCheck(c._state.keyspace.server), true);
}

async function assertOom(promise) {
  const err = await promise.then(() => null, (e) => e);
  assert.ok(err, 'the write was expected to be refused with OOM');
  assert.ok(err instanceof SimpleError && err instanceof ErrorReply, `not an ErrorReply: ${err}`);
  assert.equal(err.constructor, SimpleError);
  assert.equal(err.name, 'Error');
  assert.equal(err.message, OOM);
}

// Every key of the client's database is one the model knows, with the model's content.
// Model keys that are missing were evicted (or expired): allowed.
async function verifyAgainstModel(c, model) {
  let seen = 0;
  for await (const page of c.scanIterator({ COUNT: 100 })) {
    for (const key of page) {
      seen++;
      const e = model.get(key);
      assert.ok(e, `key ${key} exists but was never written`);
      assert.equal(await c.type(key), e.type, key);
      switch (e.type) {
        case 'string':
          assert.equal(await c.get(key), e.value, key);
          break;
        case 'hash':
          assert.deepEqual(Object.entries(await c.hGetAll(key)).sort(), [...e.value].sort(), key);
          break;
        case 'list':
          assert.deepEqual(await c.lRange(key, 0, -1), e.value, key);
          break;
        case 'set':
          assert.deepEqual((await c.sMembers(key)).sort(), [...e.value].sort(), key);
          break;
        case 'zset':
          assert.deepEqual(await c.zRange(key, 0, -1), e.value, key);
          break;
      }
    }
  }
  return seen;
}

// Seeded random writes over 'clients' (one per database) until 'bytes' of values were
// written: strings, TTL'd strings, hashes, lists, sets, zsets, EXPIRE on existing keys.
// 'check(maxValue)' runs after every command. Collections grow element by element; the
// element count read back after each write (reply of RPUSH, or xLEN/xCARD right after)
// tells whether the key was evicted and started over, so the model stays exact.
async function randomLoad({ seed, clients, bytes, namesPerType, check }) {
  const rand = prng(seed);
  const models = clients.map(() => new Map());
  let written = 0;
  let maxValue = 0;
  let op = 0;
  const run = async (p) => {
    const reply = await p;
    await check(maxValue);
    return reply;
  };
  // The model of a collection after adding one element: 'len' is its size read back.
  const grow = (m, key, type, len, add) => {
    let e = m.get(key);
    if (len === 0) { // evicted between the write and the read-back: gone as a whole
      m.delete(key);
      return;
    }
    if (len === 1 || !e) {
      e = { type, value: type === 'hash' ? new Map() : type === 'set' ? new Set() : [] };
      m.set(key, e);
    }
    assert.equal(e.type, type);
    add(e.value);
    const size = Array.isArray(e.value) ? e.value.length : e.value.size;
    assert.equal(len, size, `${key}: element count ${len}, model ${size}`);
  };
  while (written < bytes) {
    op++;
    const d = randInt(rand, clients.length);
    const c = clients[d];
    const m = models[d];
    const value = payload(rand, `v${op}`, 1 + randInt(rand, 2000));
    const n = randInt(rand, namesPerType);
    const kind = randInt(rand, 7);
    if (kind !== 6) {
      written += value.length;
      maxValue = Math.max(maxValue, value.length);
    }
    switch (kind) {
      case 0: {
        const key = `str:${n}`;
        assert.equal(await run(c.set(key, value)), 'OK');
        m.set(key, { type: 'string', value });
        break;
      }
      case 1: {
        const key = `ttl:${n}`;
        assert.equal(await run(c.set(key, value, { EX: 3600 })), 'OK');
        m.set(key, { type: 'string', value });
        break;
      }
      case 2: {
        const key = `hash:${n}`;
        const field = `f${op}`;
        assert.equal(await run(c.hSet(key, field, value)), 1);
        grow(m, key, 'hash', await run(c.hLen(key)), (h) => h.set(field, value));
        break;
      }
      case 3: {
        const key = `list:${n}`;
        grow(m, key, 'list', await run(c.rPush(key, value)), (l) => l.push(value));
        break;
      }
      case 4: {
        const key = `set:${n}`;
        assert.equal(await run(c.sAdd(key, value)), 1);
        grow(m, key, 'set', await run(c.sCard(key)), (s) => s.add(value));
        break;
      }
      case 5: {
        const key = `zset:${n}`;
        assert.equal(await run(c.zAdd(key, { score: op, value })), 1);
        grow(m, key, 'zset', await run(c.zCard(key)), (z) => z.push(value));
        break;
      }
      case 6: { // a TTL on an existing key: a write that grows memory by an expires entry
        const key = `str:${n}`;
        if ((await run(c.expire(key, 3600))) === 0) m.delete(key);
        break;
      }
    }
    if (op % 500 === 0) {
      for (let i = 0; i < clients.length; i++) await verifyAgainstModel(clients[i], models[i]);
    }
  }
  let remaining = 0;
  for (let i = 0; i < clients.length; i++) remaining += await verifyAgainstModel(clients[i], models[i]);
  return { ops: op, written, maxValue, remaining };
}

// Three clients of one keyspace, on databases 0, 1 and 2.
async function openDatabases(url, options) {
  const c0 = await open(url, options);
  return [c0, await open(`${url}/1`), await open(`${url}/2`)];
}

describe('eviction: limits held under a seeded random write load', () => {
  afterEach(closeOpened);

  for (const [policy, seed] of [['allkeys-lru', 11], ['allkeys-lfu', 12], ['allkeys-random', 13]]) {
    it(`${policy}, maxmemory 200kb, 10x the budget: used_memory <= maxmemory + largest value after every command`, async () => {
      const maxmemory = 200 * 1024;
      const clients = await openDatabases(freshUrl(), { maxmemory: '200kb', maxmemoryPolicy: policy });
      const observer = clients[0];
      const mem = await info(observer, 'memory');
      assert.equal(mem.maxmemory, maxmemory);
      assert.equal(mem.maxmemory_policy, policy);
      let lastEvicted = 0;
      let checks = 0;
      const check = async (maxValue) => {
        const used = await usedMemory(observer);
        assert.ok(used <= maxmemory + maxValue, `used_memory ${used} > maxmemory ${maxmemory} + ${maxValue}`);
        const evicted = await evictedKeys(observer);
        assert.ok(evicted >= lastEvicted, 'evicted_keys went down');
        lastEvicted = evicted;
        checks++;
      };
      const r = await randomLoad({ seed, clients, bytes: 10 * maxmemory, namesPerType: 30, check });
      assert.ok(checks > r.ops);
      assert.ok(lastEvicted > 0, 'nothing was evicted');
      assert.ok(r.remaining > 0, 'nothing remains');
      assert.ok((await usedMemory(observer)) <= maxmemory + r.maxValue);
      assertCoreConsistent(observer);
    });

    it(`${policy}, maxkeys 150, over 10x as many keys: DBSIZE summed over databases <= maxkeys after every command`, async () => {
      const maxkeys = 150;
      const clients = await openDatabases(freshUrl(), { maxkeys, maxmemoryPolicy: policy });
      const observer = clients[0];
      assert.equal((await info(observer, 'memory')).maxkeys, maxkeys);
      let lastEvicted = 0;
      const check = async () => {
        const { keys } = await keyspaceTotals(observer);
        assert.ok(keys <= maxkeys, `${keys} keys > maxkeys ${maxkeys}`);
        const evicted = await evictedKeys(observer);
        assert.ok(evicted >= lastEvicted, 'evicted_keys went down');
        lastEvicted = evicted;
      };
      const r = await randomLoad({ seed: seed + 100, clients, bytes: 2 * 1024 * 1024, namesPerType: 300, check });
      let dbsize = 0;
      for (const c of clients) dbsize += await c.dbSize();
      assert.equal(dbsize, r.remaining);
      assert.ok(dbsize <= maxkeys);
      assert.ok(lastEvicted >= 10 * maxkeys - maxkeys, `only ${lastEvicted} evictions`);
      assertCoreConsistent(observer);
    });
  }

  // A command that writes many keys at once leaves a debt that eviction pays in bounded
  // steps (maxmemory-eviction-tenacity: 500 us each, as Redis caps it): the steps before and
  // after later commands and the background cron bring the keyspace back within its limits.
  const manyPairs = (n, value) => Array.from({ length: n }, (_, i) => [`k${i}`, value]);

  it('the debt of one MSET of 30,000 keys is paid down to maxkeys', async () => {
    const c = await open(freshUrl(), { maxkeys: 100 });
    assert.equal(await c.mSet(manyPairs(30000, 'v')), 'OK');
    assert.ok(await waitFor(async () => (await keyspaceTotals(c)).keys <= 100), 'still over maxkeys');
    assert.equal((await keyspaceTotals(c)).keys, 100);
    assert.equal(await evictedKeys(c), 29900);
  });

  it('the debt of one MULTI/EXEC of 30,000 SETs is paid down to maxkeys', async () => {
    const c = await open(freshUrl(), { maxkeys: 100 });
    const m = c.multi();
    for (let i = 0; i < 30000; i++) m.set(`k${i}`, 'v');
    assert.equal((await m.exec()).length, 30000);
    assert.ok(await waitFor(async () => (await keyspaceTotals(c)).keys <= 100), 'still over maxkeys');
    assert.equal(await evictedKeys(c), 29900);
  });

  it('the debt of one MSET of 30,000 100-byte values is paid down to maxmemory', async () => {
    const c = await open(freshUrl(), { maxmemory: '100kb' });
    assert.equal(await c.mSet(manyPairs(30000, 'x'.repeat(100))), 'OK');
    assert.ok(await waitFor(async () => (await usedMemory(c)) <= 100 * 1024), 'still over maxmemory');
  });
});

describe('eviction: what each policy may evict', () => {
  afterEach(closeOpened);

  for (const [policy, seed] of [['volatile-lru', 21], ['volatile-lfu', 22], ['volatile-random', 23], ['volatile-ttl', 24]]) {
    it(`${policy} never evicts a persistent key; with no TTL'd key left, writes get OOM`, async () => {
      const maxmemory = 100 * 1024;
      const c = await open(freshUrl(), { maxmemory: '100kb', maxmemoryPolicy: policy });
      const rand = prng(seed);
      const persistent = new Map();
      for (let i = 0; i < 40; i++) {
        const v = payload(rand, `p${i}`, 500);
        await c.set(`p:${i}`, v);
        persistent.set(`p:${i}`, v);
      }
      let written = 0;
      let maxValue = 0;
      for (let i = 0; written < 10 * maxmemory; i++) {
        const v = payload(rand, `t${i}`, 1 + randInt(rand, 2000));
        written += v.length;
        maxValue = Math.max(maxValue, v.length);
        assert.equal(await c.set(`t:${i}`, v, { EX: 600 + randInt(rand, 3000) }), 'OK');
        const used = await usedMemory(c);
        assert.ok(used <= maxmemory + maxValue, `used_memory ${used} > ${maxmemory} + ${maxValue}`);
      }
      assert.ok((await evictedKeys(c)) > 0);
      const keys = [...persistent.keys()];
      assert.deepEqual(await c.mGet(keys), [...persistent.values()]);
      assert.ok((await keyspaceTotals(c)).expires > 0);

      // persistent writes push the TTL'd keys out; when none is left, OOM
      let refused = null;
      for (let i = 0; i < 300 && !refused; i++) {
        const key = `q:${i}`;
        const v = payload(rand, key, 1000);
        try {
          assert.equal(await c.set(key, v), 'OK');
          persistent.set(key, v);
        } catch (err) {
          await assertOom(Promise.reject(err));
          refused = key;
        }
        const used = await usedMemory(c);
        assert.ok(used <= maxmemory + maxValue, `used_memory ${used} > ${maxmemory} + ${maxValue}`);
      }
      assert.ok(refused, 'no OOM once every TTL\'d key was evicted');
      assert.equal((await keyspaceTotals(c)).expires, 0);
      assert.equal(await c.exists(refused), 0);
      await assertOom(c.set('another', 'v', { EX: 100 }));
      assert.equal(await c.exists('another'), 0);
      const all = [...persistent.keys()];
      assert.deepEqual(await c.mGet(all), [...persistent.values()]);
      assert.equal(await c.dbSize(), persistent.size);
      // deleting makes room again
      assert.equal(await c.del(all.slice(0, 20)), 20);
      assert.equal(await c.set(refused, 'now'), 'OK');
      assert.equal(await c.get(refused), 'now');
    });
  }

  // Write 160 keys, read 40 of them (after the LRU clock moved on), write 60 more: the
  // 60 evictions must come from the 120 keys never read.
  async function hotKeysSurvive(policy, prepare) {
    const c = await open(freshUrl(), { maxkeys: 160, maxmemoryPolicy: policy });
    await c.configSet('maxmemory-samples', '20');
    if (prepare) await prepare(c);
    const rand = prng(31);
    const all = [];
    for (let i = 0; i < 160; i++) {
      all.push(`k:${i}`);
      await c.set(`k:${i}`, `v${i}`);
    }
    const hot = shuffle(rand, all.slice()).slice(0, 40);
    await sleep(40); // a few 16 ms LRU units
    for (let r = 0; r < 3; r++) for (const k of hot) assert.equal(await c.get(k), `v${k.slice(2)}`);
    await sleep(40);
    for (let i = 0; i < 60; i++) await c.set(`new:${i}`, 'n');
    assert.equal(await c.dbSize(), 160);
    assert.equal(await evictedKeys(c), 60);
    const alive = await c.exists(hot);
    return { c, alive };
  }

  it('allkeys-lru (maxmemory-samples 20) keeps the keys read after the others; allkeys-random does not', async () => {
    const lru = await hotKeysSurvive('allkeys-lru');
    assert.equal(lru.alive, 40);
    const news = [];
    for (let i = 0; i < 60; i++) news.push(`new:${i}`);
    assert.equal(await lru.c.exists(news), 60); // written last, evicted last
    const random = await hotKeysSurvive('allkeys-random');
    assert.ok(random.alive < 40, 'allkeys-random spared every read key'); // P(all 40 spared) ~ 1e-7
  });

  it('allkeys-lfu (lfu-log-factor 0) keeps the keys read most', async () => {
    const lfu = await hotKeysSurvive('allkeys-lfu', (c) => c.configSet('lfu-log-factor', '0'));
    assert.equal(lfu.alive, 40);
  });

  it('volatile-ttl evicts the soonest-expiring keys first, never a persistent one', async () => {
    const c = await open(freshUrl(), { maxkeys: 110, maxmemoryPolicy: 'volatile-ttl' });
    await c.configSet('maxmemory-samples', '20');
    const rand = prng(41);
    const rank = shuffle(rand, Array.from({ length: 100 }, (_, i) => i));
    for (let i = 0; i < 10; i++) await c.set(`p:${i}`, 'persistent');
    // inserted in an order unrelated to the TTLs
    for (let i = 0; i < 100; i++) await c.set(`t:${i}`, 'v', { EX: 1000 + 10 * rank[i] });
    for (let i = 0; i < 20; i++) await c.set(`late:${i}`, 'v', { EX: 5000 });
    assert.equal(await c.dbSize(), 110);
    assert.equal(await evictedKeys(c), 20);
    const persistent = Array.from({ length: 10 }, (_, i) => `p:${i}`);
    assert.equal(await c.exists(persistent), 10);
    const late = Array.from({ length: 20 }, (_, i) => `late:${i}`);
    assert.equal(await c.exists(late), 20);
    const evictedRanks = [];
    for (let i = 0; i < 100; i++) if (!(await c.exists(`t:${i}`))) evictedRanks.push(rank[i]);
    assert.equal(evictedRanks.length, 20);
    // sampled, so approximately the 20 soonest: every one among the 40 soonest
    assert.ok(evictedRanks.every((r) => r < 40), `evicted TTL ranks ${evictedRanks.sort((a, b) => a - b)}`);
  });

  it('OBJECT IDLETIME / FREQ and MEMORY USAGE', async () => {
    const c = await open(freshUrl(), { maxkeys: 1000 });
    assert.equal(await c.memoryUsage('missing'), null);
    assert.equal(await c.objectIdleTime('missing'), null);
    await c.set('pad', 'x', { EX: 100 }); // the first TTL allocates the expires table
    for (const [key, write] of [
      ['s', () => c.set('s', 'y'.repeat(1000))],
      ['e', () => c.set('e', 'y'.repeat(10), { EX: 100 })],
      ['h', () => c.hSet('h', 'f', 'z'.repeat(300))],
      ['l', () => c.rPush('l', ['a', 'b'])],
      ['z', () => c.zAdd('z', { score: 1, value: 'm' })]
    ]) {
      const before = await usedMemory(c);
      await write();
      const usage = await c.memoryUsage(key);
      assert.equal(typeof usage, 'number');
      assert.equal((await usedMemory(c)) - before, usage, `${key}: used_memory grew by its MEMORY USAGE`);
      await c.del(key);
      assert.equal(await usedMemory(c), before, `${key}: DEL gave the bytes back`);
    }
    await c.set('s', 'v');
    assert.equal(await c.objectIdleTime('s'), 0);
    await assert.rejects(c.objectFreq('s'), {
      message: 'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that ' +
        'when switching between policies at runtime LRU and LFU data will take some time to adjust.'
    });
    await c.configSet({ 'maxmemory-policy': 'allkeys-lfu', 'lfu-log-factor': '0' });
    await c.set('f', 'v');
    assert.equal(await c.objectFreq('f'), 5);
    for (let i = 0; i < 3; i++) await c.get('f');
    assert.equal(await c.objectFreq('f'), 8);
    await assert.rejects(c.objectIdleTime('f'), {
      message: 'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when ' +
        'switching between policies at runtime LRU and LFU data will take some time to adjust.'
    });
  });
});

describe('eviction: noeviction', () => {
  afterEach(closeOpened);

  it('refuses writes that grow memory with OOM and changes nothing; reads and DEL work; after DEL writes work again', async () => {
    const maxmemory = 20 * 1024;
    const c = await open(freshUrl(), { maxmemory: '20kb', maxmemoryPolicy: 'noeviction' });
    assert.equal(await c.set('old', 'before'), 'OK');
    assert.equal(await c.rPush('list', ['a', 'b']), 2);
    assert.equal(await c.hSet('h', 'f', '1'), 1);
    const written = [];
    let refused = null;
    let largest = 0;
    for (let i = 0; i < 100 && !refused; i++) {
      const key = `k${i}`;
      try {
        assert.equal(await c.set(key, 'x'.repeat(1000)), 'OK');
        written.push(key);
        largest = Math.max(largest, await c.memoryUsage(key));
      } catch (err) {
        await assertOom(Promise.reject(err));
        refused = key;
      }
      // over by at most the one value (as stored: MEMORY USAGE) that crossed the limit
      const used = await usedMemory(c);
      assert.ok(used <= maxmemory + largest, `used_memory ${used} > ${maxmemory} + ${largest}`);
    }
    assert.ok(refused, 'never refused');
    assert.ok(written.length >= 15);
    const used = await usedMemory(c);
    assert.ok(used > maxmemory);

    // nothing changed by refused writes
    assert.equal(await c.exists(refused), 0);
    await assertOom(c.set('old', 'after'));
    await assertOom(c.append('old', '!'));
    await assertOom(c.rPush('list', 'c'));
    await assertOom(c.hSet('h', 'g', '2'));
    await assertOom(c.incr('counter'));
    await assertOom(c.sAdd('set', 'm'));
    await assertOom(c.multi().set('m', '1').exec());
    assert.equal(await c.get('old'), 'before');
    assert.deepEqual(await c.lRange('list', 0, -1), ['a', 'b']);
    assert.deepEqual({ ...await c.hGetAll('h') }, { f: '1' });
    assert.equal(await c.exists(['counter', 'set', 'm']), 0);
    // (the cron may finish a rehash and free the old table meanwhile: never more memory)
    assert.ok((await usedMemory(c)) <= used, 'a refused write took memory');
    assert.equal(await evictedKeys(c), 0);

    // reads keep working
    assert.deepEqual(await c.mGet(written), written.map(() => 'x'.repeat(1000)));
    assert.equal(await c.dbSize(), written.length + 3);
    assert.equal(await c.strLen('old'), 6);

    // DEL works, and makes room
    assert.equal(await c.del(written.slice(0, 5)), 5);
    assert.ok((await usedMemory(c)) <= maxmemory);
    assert.equal(await c.set('old', 'after'), 'OK');
    assert.equal(await c.get('old'), 'after');
    assert.equal(await c.set(refused, 'y'), 'OK');
    assert.equal(await evictedKeys(c), 0);
  });

  it('maxkeys with noeviction: the write that would exceed maxkeys gets OOM, DBSIZE never exceeds it', async () => {
    const c = await open(freshUrl(), { maxkeys: 10, maxmemoryPolicy: 'noeviction' });
    const errors = [];
    for (let i = 0; i < 15; i++) {
      await c.set(`k${i}`, 'v').catch((e) => errors.push([i, e]));
      const { keys } = await keyspaceTotals(c);
      assert.ok(keys <= 10, `after SET k${i}: ${keys} keys > maxkeys 10`);
    }
    assert.equal(errors.length, 5);
    for (const [, err] of errors) await assertOom(Promise.reject(err));
    assert.equal(await c.dbSize(), 10);
    assert.equal(await evictedKeys(c), 0);
    assert.equal(await c.del('k0'), 1);
    assert.equal(await c.set('again', 'v'), 'OK');
  });

  it('maxkeys with volatile-lru and no TTL\'d key: the write that would exceed maxkeys gets OOM', async () => {
    const c = await open(freshUrl(), { maxkeys: 10, maxmemoryPolicy: 'volatile-lru' });
    for (let i = 0; i < 15; i++) {
      await c.set(`k${i}`, 'v').catch(() => {});
      const { keys } = await keyspaceTotals(c);
      assert.ok(keys <= 10, `after SET k${i}: ${keys} keys > maxkeys 10`);
    }
    assert.equal(await c.dbSize(), 10);
  });
});

describe('eviction: limits set at run time, shared by the keyspace', () => {
  afterEach(closeOpened);

  it('CONFIG SET maxkeys lower shrinks the keyspace to it (the cron finishes the job)', async () => {
    const url = freshUrl();
    const [c0, c1] = [await open(url), await open(`${url}/1`)];
    const pairs = (prefix, n) => Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `${i}`]);
    await c0.mSet(pairs('a', 2000));
    await c1.mSet(pairs('b', 1000));
    assert.equal((await keyspaceTotals(c0)).keys, 3000);
    assert.equal(await c1.configSet('maxkeys', '100'), 'OK');
    assert.deepEqual({ ...await c0.configGet('maxkeys') }, { maxkeys: '100' });
    const keys = await waitFor(async () => {
      const n = (await keyspaceTotals(c0)).keys;
      return n <= 100 ? n : 0;
    });
    assert.equal(keys, 100);
    assert.equal(await evictedKeys(c0), 2900);
    // the survivors are intact
    for (const [c, prefix] of [[c0, 'a'], [c1, 'b']]) {
      for await (const page of c.scanIterator({ COUNT: 100 })) {
        for (const key of page) {
          assert.ok(key.startsWith(prefix));
          assert.equal(await c.get(key), key.slice(1));
        }
      }
    }
    // and writes from either client stay within the shared limit
    for (let i = 0; i < 300; i++) {
      await (i % 2 ? c0 : c1).set(`w${i}`, 'v');
      assert.ok((await keyspaceTotals(c0)).keys <= 100);
    }
    assertCoreConsistent(c0);
  });

  it('CONFIG SET maxmemory lower shrinks used_memory under it (the cron finishes the job)', async () => {
    const c = await open(freshUrl());
    const rand = prng(51);
    const values = new Map();
    for (let i = 0; i < 2000; i++) values.set(`k${i}`, payload(rand, `k${i}`, 300 + randInt(rand, 400)));
    await c.mSet([...values]);
    assert.ok((await usedMemory(c)) > 1024 * 1024);
    assert.equal(await c.configSet('maxmemory', '50kb'), 'OK');
    assert.deepEqual({ ...await c.configGet('maxmemory') }, { maxmemory: '51200' });
    const used = await waitFor(async () => {
      const u = await usedMemory(c);
      return u <= 51200 ? u : 0;
    });
    assert.ok(used > 0 && used <= 51200, `used_memory ${await usedMemory(c)} still over 51200`);
    const left = await c.dbSize();
    assert.ok(left > 0);
    assert.equal(await evictedKeys(c), 2000 - left);
    for await (const page of c.scanIterator({ COUNT: 100 })) {
      for (const key of page) assert.equal(await c.get(key), values.get(key));
    }
    assertCoreConsistent(c);
  });

  it('createClient options set the keyspace-wide config; two clients of one URL share the limit; another URL is unaffected', async () => {
    const url = freshUrl();
    const a = await open(url, { maxkeys: 50, maxmemory: '1mb', maxmemoryPolicy: 'allkeys-random' });
    const b = await open(`${url}/3`);
    const other = await open(freshUrl());
    assert.deepEqual({ ...await b.configGet('max*') }, {
      maxkeys: '50',
      maxmemory: '1048576',
      'maxmemory-eviction-tenacity': '10',
      'maxmemory-policy': 'allkeys-random',
      'maxmemory-samples': '5'
    });
    const mem = await info(b, 'memory');
    assert.equal(mem.maxmemory, 1048576);
    assert.equal(mem.maxmemory_policy, 'allkeys-random');
    assert.equal(mem.maxkeys, 50);
    for (let i = 0; i < 200; i++) {
      await (i % 2 ? a : b).set(`k${i}`, 'v');
      await other.set(`k${i}`, 'v');
      assert.ok((await keyspaceTotals(a)).keys <= 50);
    }
    assert.equal((await a.dbSize()) + (await b.dbSize()), 50);
    assert.equal(await evictedKeys(a), 150);
    // the other keyspace has no limit and lost nothing
    assert.deepEqual({ ...await other.configGet('max*') }, {
      maxkeys: '0',
      maxmemory: '0',
      'maxmemory-eviction-tenacity': '10',
      'maxmemory-policy': 'allkeys-lru',
      'maxmemory-samples': '5'
    });
    assert.equal(await other.dbSize(), 200);
    assert.equal(await evictedKeys(other), 0);
    // units, and numbers, as createClient options
    const c = await open(freshUrl(), { maxmemory: 123456 });
    assert.equal((await c.configGet('maxmemory')).maxmemory, '123456');
    await c.configSet('maxmemory', '2K');
    assert.equal((await c.configGet('maxmemory')).maxmemory, '2000');
    await c.configSet('maxmemory', '3Mb');
    assert.equal((await c.configGet('maxmemory')).maxmemory, String(3 * 1024 * 1024));
    await c.configSet('maxmemory', '0');
    assert.equal((await info(c, 'memory')).maxmemory, 0);
  });
});

describe('eviction: `evicted` keyspace notifications', () => {
  afterEach(closeOpened);

  it('one `evicted` event per eviction, for keys that were written, in the right database', async () => {
    const url = freshUrl();
    const c0 = await open(url, { notifyKeyspaceEvents: 'Ee', maxkeys: 30 });
    const c1 = await open(`${url}/1`);
    const sub = await openDuplicate(c0);
    const elsewhere = await open(freshUrl(), { notifyKeyspaceEvents: 'Ee' });
    const heard = [];
    const heardElsewhere = [];
    await sub.pSubscribe('__key*@*__:*', (message, channel) => heard.push([channel, message]));
    await elsewhere.pSubscribe('__key*@*__:*', (message) => heardElsewhere.push(message));
    const before = await evictedKeys(c0);
    const written = [new Set(), new Set()];
    for (let i = 0; i < 200; i++) {
      const d = i % 2;
      const key = `d${d}:k${i}`;
      await (d ? c1 : c0).set(key, 'v');
      written[d].add(key);
    }
    const evicted = (await evictedKeys(c0)) - before;
    assert.equal(evicted, 170);
    await waitFor(() => heard.length >= evicted);
    assert.equal(heard.length, evicted);
    const byDb = [new Set(), new Set()];
    for (const [channel, key] of heard) {
      const m = /^__keyevent@(\d)__:evicted$/.exec(channel);
      assert.ok(m, `unexpected channel ${channel}`);
      const d = Number(m[1]);
      assert.ok(written[d].has(key), `evicted ${key} was not written to db ${d}`);
      assert.ok(!byDb[d].has(key), `${key} evicted twice`);
      byDb[d].add(key);
    }
    // evicted + remaining = written, per database
    for (const [d, c] of [[0, c0], [1, c1]]) {
      const remaining = new Set();
      for await (const page of c.scanIterator({ COUNT: 100 })) for (const k of page) remaining.add(k);
      for (const k of byDb[d]) assert.ok(!remaining.has(k), `${k} notified as evicted but still there`);
      assert.deepEqual(new Set([...remaining, ...byDb[d]]), written[d]);
    }
    assert.equal(heardElsewhere.length, 0);

    // the keyspace channel form: __keyspace@0__:<key> with message 'evicted'
    await c0.configSet('notify-keyspace-events', 'Ke');
    heard.length = 0;
    const before2 = await evictedKeys(c0);
    for (let i = 0; i < 20; i++) await c0.set(`more${i}`, 'v');
    const evicted2 = (await evictedKeys(c0)) - before2;
    assert.equal(evicted2, 20);
    await waitFor(() => heard.length >= evicted2);
    assert.equal(heard.length, evicted2);
    for (const [channel, message] of heard) {
      assert.equal(message, 'evicted');
      assert.match(channel, /^__keyspace@[01]__:d[01]:k\d+$|^__keyspace@0__:more\d+$/);
    }
  });
});

describe('eviction: bad input', () => {
  afterEach(closeOpened);

  it('CONFIG SET with a bad value rejects with Redis\'s text and changes nothing (all or nothing)', async () => {
    const c = await open(freshUrl(), { maxmemory: '1mb', maxkeys: 10 });
    const before = { ...await c.configGet('*') };
    const cases = [
      [['maxmemory', '-1'], configError('maxmemory', 'argument must be a memory value')],
      [['maxmemory', '10xb'], configError('maxmemory', 'argument must be a memory value')],
      [['maxmemory', '1.5mb'], configError('maxmemory', 'argument must be a memory value')],
      [['maxmemory-policy', 'nope'], configError('maxmemory-policy', POLICY_CHOICES)],
      [['maxkeys', '-1'], configError('maxkeys', 'argument must be between 0 and 9223372036854775807 inclusive')],
      [['maxkeys', 'ten'], configError('maxkeys', "argument couldn't be parsed into an integer")],
      [['maxmemory-samples', '0'], configError('maxmemory-samples', 'argument must be between 1 and 2147483647 inclusive')],
      [['maxmemory-eviction-tenacity', '101'], configError('maxmemory-eviction-tenacity', 'argument must be between 0 and 100 inclusive')],
      [[{ maxmemory: '2mb', 'maxmemory-policy': 'nope' }], configError('maxmemory-policy', POLICY_CHOICES)],
      [[{ maxkeys: '5', maxmemory: '-5' }], configError('maxmemory', 'argument must be a memory value')]
    ];
    for (const [args, message] of cases) {
      const err = await c.configSet(...args).then(() => null, (e) => e);
      assert.ok(err instanceof SimpleError, `${JSON.stringify(args)} did not reject`);
      assert.equal(err.message, message);
      assert.deepEqual({ ...await c.configGet('*') }, before);
    }
    assert.equal(before.maxmemory, '1048576');
    assert.equal(before.maxkeys, '10');
    assert.equal(before['maxmemory-policy'], 'allkeys-lru');
    // the limits still hold
    for (let i = 0; i < 20; i++) await c.set(`k${i}`, 'v');
    assert.equal(await c.dbSize(), 10);
  });

  it('createClient with a bad option: connect() rejects, the client is closed, the keyspace config unchanged', async () => {
    const url = freshUrl();
    const bad = createClient({ url, maxmemoryPolicy: 'nope' });
    const err = await bad.connect().then(() => null, (e) => e);
    assert.ok(err instanceof SimpleError);
    assert.equal(err.message, configError('maxmemory-policy', POLICY_CHOICES));
    assert.equal(bad.isOpen, false);
    const alsoBad = createClient({ url, maxmemory: '2mb', maxkeys: 5, maxmemoryPolicy: 'nope' });
    await assert.rejects(alsoBad.connect(), { message: configError('maxmemory-policy', POLICY_CHOICES) });
    assert.equal(alsoBad.isOpen, false);
    const negative = createClient({ url, maxmemory: -1 });
    await assert.rejects(negative.connect(), { message: configError('maxmemory', 'argument must be a memory value') });
    const c = await open(url);
    const cfg = { ...await c.configGet('max*') };
    assert.equal(cfg.maxmemory, '0');
    assert.equal(cfg.maxkeys, '0');
    assert.equal(cfg['maxmemory-policy'], 'allkeys-lru');
  });
});
