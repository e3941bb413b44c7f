'use strict';

// Hostile input (issue 7): inputs built to make the keyspace hang, allocate without bound,
// crash, misreport or pollute Object.prototype. Replies and error texts asserted here are
// redis-server 7.0.15's and node-redis 6.3.1's, measured against the real server (the exact
// transcripts are compared by test/diff/cases/hostile.js); wall-clock bounds are hang
// checks (generous), never performance assertions.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const redlite = require('../../index');
const { COMMANDS } = require('../../lib/commander');
const { CommandParser } = require('../../lib/parser');
const { BasicCommandParser } = require('@redis/client/dist/lib/client/parser');

const { createClient, RESP_TYPES, SimpleError } = redlite;

let port = 27000;
// A URL of its own for each test, so keyspaces never leak between tests.
function freshUrl() {
  port += 1;
  return `redis://hostile-test.local:${port}`;
}

async function open(url = freshUrl()) {
  const c = createClient({ url });
  await c.connect();
  return c;
}

// The reply error SimpleError(`message`), as redis-server sends it.
const redisError = (message) => (err) => err instanceof SimpleError && err.message === message;

// Runs fn and asserts it settled within 'ms' (a hang check); returns its value.
async function within(ms, label, fn) {
  const t0 = Date.now();
  const v = await fn();
  const elapsed = Date.now() - t0;
  assert.ok(elapsed < ms, `${label}: took ${elapsed} ms (bound ${ms} ms)`);
  return v;
}

// Every key a SCAN from cursor 0 returns (as a sorted array).
async function scanAll(c, options) {
  const seen = new Set();
  let cursor = '0';
  do {
    const page = await c.scan(cursor, options);
    for (const k of page.keys) seen.add(k);
    cursor = page.cursor;
  } while (cursor !== '0');
  return [...seen].sort();
}

// Resolves once check() is true (pub/sub messages are delivered asynchronously); fails
// after 2 s.
async function waitFor(check, label) {
  const t0 = Date.now();
  while (!check()) {
    assert.ok(Date.now() - t0 < 2000, `timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const usedMemory = async (c) => Number(/used_memory:(\d+)/.exec(await c.info('memory'))[1]);

const MB512 = 536870912;
const MAX = '9223372036854775807';
const MIN = '-9223372036854775808';
const ONE_MILLION = 1000000;

// The prototypes a hostile reply could pollute, as their own property names.
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype,
  Buffer.prototype, Uint8Array.prototype, Map.prototype, Set.prototype, Promise.prototype, Error.prototype];
const protoSnapshot = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort().join(','));

describe('hostile input', function () {
  this.timeout(60000);
  let protoBefore;

  before(() => {
    protoBefore = protoSnapshot();
  });

  afterEach(() => {
    assert.deepStrictEqual(protoSnapshot(), protoBefore, 'a prototype gained or lost a property');
    assert.strictEqual({}.polluted, undefined);
    assert.strictEqual(Object.getPrototypeOf({}), Object.prototype);
  });

  describe('glob patterns built to backtrack or to break the matcher', () => {
    // [label, pattern, matches 'a' x 100000?] (redis-server 7.0.15: stringmatchlen gives up,
    // no match, past 1000 nested '*' groups unless the last group ends the pattern)
    const BIG = 'a'.repeat(100000);
    const PATTERNS = [
      ['*a*a*a*a*a*a*a*a*a*a*b', '*a'.repeat(10) + '*b', false],
      ['*a*a*a*a*a*a*a*a*a*a*', '*a'.repeat(10) + '*', true],
      ['* then 999 a and b', '*' + 'a'.repeat(999) + 'b', false],
      ['2000 nested stars', '*a'.repeat(2000) + '*', false],
      ['1001 star groups, the last ending the pattern', '*a'.repeat(1000) + '*', true],
      ['1002 star groups', '*a'.repeat(1001) + '*', false],
      ['10000 open brackets then *', '['.repeat(10000) + '*', false],
      ['10001 backslashes', '\\'.repeat(10001), false],
      ['100000 ?', '?'.repeat(100000), true],
      ['100001 ?', '?'.repeat(100001), false],
      ['*? x 3000 then b', '*?'.repeat(3000) + 'b', false],
      ['*? x 900 then *', '*?'.repeat(900) + '*', true],
      ['100000 stars', '*'.repeat(100000), true]
    ];

    it('KEYS, SCAN, HSCAN, SSCAN and ZSCAN MATCH finish quickly on a 100 KB key and member', async () => {
      const c = await open();
      await c.set(BIG, 'v');
      await c.hSet('h', BIG, 'v');
      await c.sAdd('s', BIG);
      await c.zAdd('z', { score: 1, value: BIG });
      for (const [label, p, matches] of PATTERNS) {
        const keys = await within(2000, `KEYS ${label}`, () => c.keys(p));
        assert.strictEqual(keys.includes(BIG), matches, `KEYS ${label}`);
        const scanned = await within(2000, `SCAN ${label}`, () => scanAll(c, { MATCH: p, COUNT: 100 }));
        assert.strictEqual(scanned.includes(BIG), matches, `SCAN ${label}`);
        const h = await within(2000, `HSCAN ${label}`, () => c.hScan('h', '0', { MATCH: p }));
        assert.deepStrictEqual(h.entries.map((e) => e.field === BIG), matches ? [true] : [], `HSCAN ${label}`);
        const s = await within(2000, `SSCAN ${label}`, () => c.sScan('s', '0', { MATCH: p }));
        assert.strictEqual(s.members.length, matches ? 1 : 0, `SSCAN ${label}`);
        const z = await within(2000, `ZSCAN ${label}`, () => c.zScan('z', '0', { MATCH: p }));
        assert.strictEqual(z.members.length, matches ? 1 : 0, `ZSCAN ${label}`);
      }
      await c.close();
    });

    it('KEYS and SCAN over 10,000 long keys of a\'s finish quickly', async () => {
      const c = await open();
      const prefix = 'a'.repeat(200);
      await c.mSet(Array.from({ length: 10000 }, (_, i) => [`${prefix}:${i}`, 'v']));
      const cases = [
        ['*a*a*a*a*a*a*a*a*a*a*b', '*a'.repeat(10) + '*b', 0],
        ['*a*a*a*a*a*a*a*a*a*a*', '*a'.repeat(10) + '*', 10000],
        ['* then 199 a and :1*', '*' + 'a'.repeat(199) + ':1*', 1111],
        ['2000 nested stars', '*a'.repeat(2000) + '*', 0],
        ['unbalanced classes', '[a'.repeat(200) + '*', 0],
        ['200 ? then :', '?'.repeat(200) + ':*', 10000]
      ];
      for (const [label, p, n] of cases) {
        assert.strictEqual((await within(2000, `KEYS ${label}`, () => c.keys(p))).length, n, `KEYS ${label}`);
        assert.strictEqual((await within(2000, `SCAN ${label}`, () => scanAll(c, { MATCH: p, COUNT: 1000 }))).length,
          n, `SCAN ${label}`);
      }
      await c.close();
    });

    it('pattern subscriptions: PUBLISH to a 100 KB channel and PUBSUB CHANNELS finish quickly', async () => {
      const url = freshUrl();
      const c = await open(url);
      const sub = await open(url);
      const got = [];
      await sub.pSubscribe(PATTERNS.map(([, p]) => p), (message, channel) => got.push([message, channel.length]));
      await sub.subscribe(BIG, () => {});
      // redis-server: 6 receivers (the channel subscriber and the 5 patterns that match)
      const n = await within(2000, 'PUBLISH', () => c.publish(BIG, 'm'));
      assert.strictEqual(n, 1 + PATTERNS.filter(([, , m]) => m).length);
      const expected = PATTERNS.filter(([, , m]) => m).map(() => ['m', BIG.length]);
      await waitFor(() => got.length >= expected.length, 'the pattern messages');
      assert.deepStrictEqual(got, expected);
      for (const [label, p, matches] of PATTERNS) {
        const channels = await within(2000, `PUBSUB CHANNELS ${label}`, () => c.pubSubChannels(p));
        assert.deepStrictEqual(channels, matches ? [BIG] : [], label);
      }
      assert.strictEqual(await c.pubSubNumPat(), PATTERNS.length);
      await sub.close();
      await c.close();
    });
  });

  describe('the 512 MB string limit (proto-max-bulk-len)', () => {
    it('refuses to grow a string past 512 MB without allocating it, and serves the 512 MB one', async () => {
      const c = await open();
      const tooBig = redisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
      const before = await usedMemory(c);
      const rss = process.memoryUsage().rss;
      await assert.rejects(c.setRange('k', MB512, 'x'), tooBig);
      await assert.rejects(c.sendCommand(['SETRANGE', 'k', MAX, 'x']), tooBig);
      await assert.rejects(c.sendCommand(['SETRANGE', 'k', '9223372036854775808', 'x']),
        redisError('ERR value is not an integer or out of range'));
      await assert.rejects(c.sendCommand(['SETRANGE', 'k', '-1', 'x']), redisError('ERR offset is out of range'));
      assert.strictEqual(await c.setRange('k', MB512 * 4, ''), 0);
      assert.strictEqual(await c.exists('k'), 0);
      assert.strictEqual(await usedMemory(c), before, 'a refused SETRANGE changed used_memory');
      assert.ok(process.memoryUsage().rss - rss < 64 * 1024 * 1024, 'a refused SETRANGE allocated');

      // The largest string there is, then every way past it.
      assert.strictEqual(await c.setRange('k', MB512 - 1, 'x'), MB512);
      assert.strictEqual(await c.strLen('k'), MB512);
      const full = await usedMemory(c);
      await assert.rejects(c.append('k', 'y'), tooBig);
      await assert.rejects(c.setRange('k', MB512 - 1, 'yy'), tooBig);
      await assert.rejects(c.setRange('k', MB512, 'y'), tooBig);
      assert.strictEqual(await c.append('k', ''), MB512);
      assert.strictEqual(await c.setRange('k', MB512 - 1, 'z'), MB512);
      assert.strictEqual(await c.getRange('k', MB512 - 1, MB512 - 1), 'z');
      assert.strictEqual(await c.getRange('k', -1, -1), 'z');
      assert.strictEqual(await c.getRange('k', 0, 3), '\u0000\u0000\u0000\u0000');
      assert.strictEqual(await c.sendCommand(['GETRANGE', 'k', MAX, MAX]), '');
      assert.strictEqual(await c.sendCommand(['GETRANGE', 'k', MIN, '-536870911']), '\u0000\u0000');
      assert.strictEqual(await usedMemory(c), full, 'a refused write changed used_memory');
      // A 512 MB reply is longer than V8's longest string: the call rejects with the error
      // Buffer#toString throws (node-redis emits an 'error' and never settles it); the
      // client and the keyspace stay usable.
      const tooLong = { name: 'Error', code: 'ERR_STRING_TOO_LONG',
        message: 'Cannot create a string longer than 0x1fffffe8 characters' };
      await assert.rejects(c.get('k'), tooLong);
      await assert.rejects(c.sendCommand(['GET', 'k']), tooLong);
      await assert.rejects(c.multi().get('k').exec(), tooLong);
      const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      assert.deepStrictEqual(await b.getRange('k', MB512 - 2, -1), Buffer.from([0, 0x7a]));
      assert.strictEqual(await c.strLen('k'), MB512);
      assert.strictEqual(await c.del('k'), 1);

      // One byte more than the limit, as an argument: refused (redis-server answers the
      // protocol error and drops the connection), nothing stored.
      let big = Buffer.alloc(MB512 + 1);
      await assert.rejects(c.set('big', big), redisError('ERR Protocol error: invalid bulk length'));
      await assert.rejects(c.append('k2', big), redisError('ERR Protocol error: invalid bulk length'));
      big = null;
      assert.strictEqual(await c.dbSize(), 0);
      assert.strictEqual(await c.ping(), 'PONG');
      await c.close();
    });
  });

  describe('one million arguments', () => {
    const keys = Array.from({ length: ONE_MILLION }, (_, i) => `k${i}`);

    it('MSET and DEL through the methods and through sendCommand', async () => {
      const c = await open();
      assert.strictEqual(await c.mSet(keys.slice(0, ONE_MILLION / 2).map((k) => [k, 'v'])), 'OK');
      assert.strictEqual(await c.dbSize(), ONE_MILLION / 2);
      assert.strictEqual(await c.del(keys), ONE_MILLION / 2);
      const argv = ['MSET'];
      for (let i = ONE_MILLION / 2; i < ONE_MILLION; i++) argv.push(keys[i], String(i));
      assert.strictEqual(await c.sendCommand(argv), 'OK');
      assert.deepStrictEqual(await c.mGet(['k0', 'k500000', 'k999999']), [null, '500000', '999999']);
      assert.strictEqual(await c.sendCommand(['DEL', ...keys]), ONE_MILLION / 2);
      assert.strictEqual(await c.dbSize(), 0);
      await c.close();
    });

    it('SADD and HSET through the methods and through sendCommand', async () => {
      const c = await open();
      assert.strictEqual(await c.sAdd('s', keys), ONE_MILLION);
      assert.strictEqual(await c.sAdd('s', keys), 0);
      assert.strictEqual(await c.sendCommand(['SADD', 's2', ...keys, ...keys]), ONE_MILLION);
      assert.deepStrictEqual([await c.sCard('s'), await c.sCard('s2'), await c.sIsMember('s', 'k999999')],
        [ONE_MILLION, ONE_MILLION, 1]);
      await c.del(['s', 's2']);
      const fields = {};
      for (let i = 0; i < ONE_MILLION / 2; i++) fields[keys[i]] = String(i);
      assert.strictEqual(await c.hSet('h', fields), ONE_MILLION / 2);
      assert.strictEqual(await c.sendCommand(['HSET', 'h', ...keys.slice(ONE_MILLION / 2)]), ONE_MILLION / 4);
      assert.deepStrictEqual([await c.hLen('h'), await c.hGet('h', 'k499999'), await c.hGet('h', 'k999998')],
        [(ONE_MILLION * 3) / 4, '499999', 'k999999']);
      await c.close();
    });

    it('RPUSH and ZADD (an array of a million members) through the methods and sendCommand', async () => {
      const c = await open();
      assert.strictEqual(await c.rPush('l', keys), ONE_MILLION);
      assert.strictEqual(await c.sendCommand(['RPUSH', 'l', ...keys]), 2 * ONE_MILLION);
      const range = await c.lRange('l', ONE_MILLION - 1, ONE_MILLION);
      assert.deepStrictEqual(range, ['k999999', 'k0']);
      await c.del('l');
      assert.strictEqual(await c.zAdd('z', keys.map((value, score) => ({ score, value }))), ONE_MILLION);
      const argv = ['ZADD', 'z'];
      for (let i = 0; i < ONE_MILLION; i++) argv.push(String(-i), keys[i]);
      assert.strictEqual(await c.sendCommand(argv), 0);
      assert.deepStrictEqual(await c.zRangeWithScores('z', 0, 0), [{ value: 'k999999', score: -999999 }]);
      assert.strictEqual(await c.zCard('z'), ONE_MILLION);
      await c.close();
    });
  });

  describe('option objects: huge, deep, with getters, Proxies', () => {
    // A Proxy standing for an argument: every property read is logged; it answers a nested
    // proxy, a string, then undefined, in turn (code that reads a property twice sees two
    // different values). Arrays iterate (length 2).
    const PATHS = new WeakMap(); // recording proxy -> its path (a WeakMap lookup runs no trap)
    function recordingProxy(log, p, depth, mode, counts = new Map()) {
      const target = (mode === 'array' || mode === 'changing array') && depth === 0 ? [] : {};
      const proxy = new Proxy(target, {
        get(t, prop) {
          const name = typeof prop === 'symbol' ? prop.toString() : prop;
          log.push(`get ${p}.${name}`);
          if (prop === Symbol.iterator && Array.isArray(t)) return Array.prototype[Symbol.iterator];
          if (typeof prop === 'symbol') return undefined;
          if (prop === 'length') return 2;
          if (prop === 'toString') return () => `${p}.toString()`;
          if (mode === 'undefined') return undefined;
          if (mode === 'changing' || mode === 'changing array') {
            const key = `${p}.${name}`;
            const n = (counts.get(key) || 0) + 1;
            counts.set(key, n);
            if (n % 3 === 2) return `s${n}`;
            if (n % 3 === 0) return undefined;
          }
          if (depth >= 2) return `${p}.${name}`;
          return recordingProxy(log, `${p}.${name}`, depth + 1, mode, counts);
        },
        has(t, prop) {
          log.push(`has ${p}.${String(prop)}`);
          return true;
        },
        ownKeys(t) {
          log.push(`ownKeys ${p}`);
          return Reflect.ownKeys(t);
        },
        getOwnPropertyDescriptor(t, prop) {
          log.push(`getOwnPropertyDescriptor ${p}.${String(prop)}`);
          return Reflect.getOwnPropertyDescriptor(t, prop);
        },
        getPrototypeOf(t) {
          log.push(`getPrototypeOf ${p}`);
          return Reflect.getPrototypeOf(t);
        }
      });
      PATHS.set(proxy, p);
      return proxy;
    }
    const shown = (v) => (PATHS.has(v) ? `<proxy ${PATHS.get(v)}>` : v);
    function parse(command, Parser, args) {
      const parser = new Parser();
      try {
        command.parseCommand(parser, ...args);
      } catch (err) {
        return { threw: err.constructor.name, message: err.message };
      }
      return { argv: parser.redisArgs.map(shown), keys: parser.keys.map(shown) };
    }
    const theirs = (upper) => {
      try {
        return require(`@redis/client/dist/lib/commands/${upper}`).default;
      } catch {
        return null; // a module node-redis 6.3.1 does not have
      }
    };
    const FILLERS = [['k', '1', 'x', 'y'], ['k', 1, 'x', 2], ['k', ['a', 'b'], 'x', 'y']];

    it('every command module reads what node-redis reads, in the same order, and builds the same argv', () => {
      const modes = ['object', 'array', 'undefined', 'changing', 'changing array'];
      let compared = 0;
      for (const { upper, command } of COMMANDS) {
        const ref = theirs(upper);
        if (!ref) continue;
        for (const mode of modes) {
          for (const fill of FILLERS) {
            for (let pos = 0; pos < 5; pos++) {
              const argsWith = (log) => {
                const args = fill.slice();
                args.splice(pos, 0, recordingProxy(log, `arg${pos}`, 0, mode));
                return args;
              };
              const ourLog = [];
              const refLog = [];
              const ours = parse(command, CommandParser, argsWith(ourLog));
              const expected = parse(ref, BasicCommandParser, argsWith(refLog));
              const where = `${upper}, a ${mode} proxy at argument ${pos}, fillers ${JSON.stringify(fill)}`;
              assert.deepStrictEqual(ours, expected, where);
              assert.deepStrictEqual(ourLog, refLog, `${where}: properties read`);
              compared++;
            }
          }
        }
      }
      assert.ok(compared > 10000, `only ${compared} comparisons`);
    });

    it('a getter or Proxy trap that throws rejects the call with that error: no throw, nothing runs', async () => {
      const c = await open();
      await c.set('k', 'v');
      const throwing = () => new Proxy({}, Object.fromEntries(['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor',
        'getPrototypeOf', 'set', 'defineProperty'].map((trap) => [trap, (t, prop) => {
        throw new Error(`trap ${trap} ${typeof prop === 'symbol' ? prop.toString() : prop}`);
      }])));
      let rejected = 0;
      for (const { upper, camel } of COMMANDS) {
        const ref = theirs(upper);
        if (!ref) continue;
        for (let pos = 0; pos < 4; pos++) {
          const args = ['k', '1', 'x', 'y'];
          args.splice(pos, 0, throwing());
          const expected = parse(ref, BasicCommandParser, args.map((a, i) => (i === pos ? throwing() : a)));
          if (!expected.threw) continue; // node-redis builds an argv: the parse test covers it
          let p;
          assert.doesNotThrow(() => {
            p = c[camel](...args);
          }, `${camel}: threw synchronously`);
          assert.ok(p instanceof Promise, `${camel} returned ${p}`);
          await assert.rejects(p, (err) => err.message === expected.message, `${camel}, proxy at ${pos}`);
          rejected++;
        }
      }
      assert.ok(rejected > 90, `only ${rejected} calls reached a trap`);
      // The client-level methods that are not commands.
      await assert.rejects(c.scanIterator(throwing()).next(), /^Error: trap get cursor$/);
      await assert.rejects(c.hScanIterator('h', throwing()).next(), /^Error: trap get cursor$/);
      await assert.rejects(c.select(throwing()), /^Error: trap get toString$/);
      await assert.rejects(c.watch(throwing()), (err) => err instanceof Error);
      await assert.rejects(c.subscribe(throwing(), () => {}), /^Error: trap /);
      await assert.rejects(c.sendCommand(throwing()), /^Error: trap get length$/);
      // (node-redis's encoder tests `arg instanceof Buffer`, as lib's check does: the trap runs)
      await assert.rejects(c.multi().addCommand(['SET', 'k', throwing()]).exec(), /^Error: trap getPrototypeOf undefined$/);
      assert.deepStrictEqual(await c.keys('*'), ['k']);
      assert.strictEqual(await c.get('k'), 'v');
      await c.close();
    });

    it('getters that answer differently on each read build node-redis\'s argv (SET expiration, ZADD score)', async () => {
      const c = await open();
      let reads = 0;
      // node-redis reads `expiration` 5 times (truthy, typeof, .type twice, .value) and uses
      // the later reads: EX 100, not the first read's PX 1.
      const options = {
        get expiration() {
          reads += 1;
          return reads === 1 ? { type: 'PX', value: 1 } : { type: 'EX', value: 100 };
        }
      };
      assert.strictEqual(await c.set('k', 'v', options), 'OK');
      assert.strictEqual(reads, 5);
      assert.strictEqual(await c.ttl('k'), 100);
      let scoreReads = 0;
      const member = {
        get score() {
          scoreReads += 1;
          return scoreReads === 1 ? 1 : 'not a number';
        },
        value: 'm'
      };
      assert.strictEqual(await c.zAdd('z', member), 1);
      assert.strictEqual(scoreReads, 1);
      assert.strictEqual(await c.zScore('z', 'm'), 1);
      await c.close();
    });

    it('huge, deep, cyclic, frozen and null-prototype option objects', async () => {
      const c = await open();
      const huge = {};
      for (let i = 0; i < 200000; i++) huge[`junk${i}`] = i;
      huge.expiration = { type: 'EX', value: 10 };
      assert.strictEqual(await c.set('k', 'v', huge), 'OK');
      assert.strictEqual(await c.ttl('k'), 10);
      let deep = { toString: () => '5' };
      for (let i = 0; i < 100000; i++) deep = { inner: deep };
      // node-redis sends value.toString(): '[object Object]'
      await assert.rejects(c.set('k2', 'v', { expiration: { type: 'EX', value: deep } }),
        redisError('ERR value is not an integer or out of range'));
      const cyclic = { type: 'PX' };
      cyclic.self = cyclic;
      cyclic.value = { toString: () => '5000' };
      assert.strictEqual(await c.set('k3', 'v', { expiration: cyclic }), 'OK');
      assert.ok((await c.pTTL('k3')) > 4000);
      assert.strictEqual(await c.set('k4', 'v', Object.freeze({ condition: 'NX', GET: true })), null);
      const bare = Object.create(null);
      bare.COUNT = 5;
      bare.MATCH = 'k*';
      assert.deepStrictEqual((await c.scan('0', bare)).cursor, '0');
      assert.deepStrictEqual(await c.keys('k2'), []);
      // a deeply nested array as a key list: node-redis's encoder TypeError, nothing deleted
      let nested = ['k'];
      for (let i = 0; i < 10000; i++) nested = [nested];
      await assert.rejects(c.del(nested), TypeError);
      await assert.rejects(c.del(['k', nested]), TypeError);
      assert.strictEqual(await c.exists('k'), 1);
      // a revoked Proxy anywhere is a TypeError, never a crash
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      await assert.rejects(c.get(proxy), TypeError);
      await assert.rejects(c.set('k', 'v', proxy), TypeError);
      await assert.rejects(c.hSet('h', proxy), TypeError);
      await assert.rejects(c.zAdd('z', proxy), TypeError);
      await assert.rejects(c.sendCommand(proxy), TypeError);
      await assert.rejects(c.sendCommand(['GET', proxy]), TypeError);
      assert.strictEqual(await c.get('k'), 'v');
      await c.close();
    });
  });

  describe('argument arrays with getters and Proxies (sendCommand, multi)', () => {
    const longArgv = (name, n, prefix) => [name, ...Array.from({ length: n }, (_, i) => `${prefix}${i}`)];

    it('a getter that runs another command while the argv is read does not change either command', async () => {
      const url = freshUrl();
      const c = await open(url);
      const other = await open(url);
      // 40 keys and values: long enough to be read by the binding itself
      const argv = longArgv('MSET', 40, 'k');
      Object.defineProperty(argv, 35, {
        get() {
          c.sendCommand(['SET', 'inner', 'x'.repeat(5000)]);
          other.sendCommand(['DEL', ...longArgv('X', 50, 'q').slice(1)]);
          return 'k34';
        }
      });
      assert.strictEqual(await c.sendCommand(argv), 'OK');
      const keys = await c.keys('*');
      assert.deepStrictEqual(keys.sort(), ['inner', ...Array.from({ length: 20 }, (_, i) => `k${2 * i}`)].sort());
      assert.strictEqual(await c.get('k34'), 'k35');
      assert.strictEqual((await c.get('inner')).length, 5000);
      const pushed = longArgv('RPUSH', 40, 'e');
      pushed.splice(1, 0, 'list');
      Object.defineProperty(pushed, 1, {
        get() {
          other.sendCommand(['DEL', ...longArgv('X', 50, 'q').slice(1)]);
          return 'list';
        }
      });
      assert.strictEqual(await c.sendCommand(pushed), 40);
      assert.deepStrictEqual(await c.lRange('list', 0, -1), longArgv('X', 40, 'e').slice(1));
      const m = c.multi().sendCommand(argv).sendCommand(['GET', 'k0']);
      assert.deepStrictEqual(await m.exec(), ['OK', 'k1']);
      assert.deepStrictEqual(await c.multi().sendCommand(pushed).execAsPipeline(), [80]);
      await other.close();
      await c.close();
    });

    it('Proxies of arrays work as node-redis\'s encoder reads them; a throwing element rejects, nothing runs', async () => {
      const c = await open();
      assert.strictEqual(await c.sendCommand(new Proxy(['PING'], {})), 'PONG');
      assert.strictEqual(await c.sendCommand(new Proxy(['SET', 'p', 'v'], {})), 'OK');
      const mset = ['MSET'];
      for (let i = 0; i < 40; i++) mset.push(`x${i}`, 'v');
      assert.strictEqual(await c.sendCommand(new Proxy(mset, {})), 'OK');
      assert.strictEqual(await c.dbSize(), 41);
      const boom = new Error('boom');
      const withThrowingElement = longArgv('DEL', 40, 'x');
      Object.defineProperty(withThrowingElement, 35, {
        get() {
          throw boom;
        }
      });
      await assert.rejects(c.sendCommand(withThrowingElement), (err) => err === boom);
      const trap = new Proxy(['PING'], {
        get(t, prop) {
          if (prop === '0') throw boom;
          return Reflect.get(t, prop);
        }
      });
      await assert.rejects(c.sendCommand(trap), (err) => err === boom);
      // multi(): addCommand's array is read by exec(), sendCommand's at once (node-redis
      // copies it there), and nothing runs
      await assert.rejects(c.multi().addCommand(withThrowingElement).exec(), (err) => err === boom);
      await assert.rejects(c.multi().set('y', 'v').addCommand(trap).execAsPipeline(), (err) => err === boom);
      assert.throws(() => c.multi().sendCommand(withThrowingElement), (err) => err === boom);
      assert.throws(() => c.multi().set('y', 'v').sendCommand(trap), (err) => err === boom);
      assert.strictEqual(await c.dbSize(), 41);
      // holes: node-redis's encoder TypeError for 'undefined'
      const holes = ['DEL'];
      holes.length = 40;
      await assert.rejects(c.sendCommand(holes), {
        name: 'TypeError',
        message: '"arguments[1]" must be of type "string | Buffer", got undefined instead.'
      });
      await c.close();
    });
  });

  describe('keys, fields, members and channels named after Object.prototype members', () => {
    const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf',
      'prototype', 'isPrototypeOf', 'then', 'length', '0'];

    it('replies are plain data: hGetAll, hRandField, zRange, configGet, pubSubNumSub, scan', async () => {
      const c = await open();
      for (const n of NAMES) {
        await c.hSet('h', n, `v-${n}`);
        await c.set(n, `v-${n}`);
        await c.zAdd('z', { score: 1, value: n });
      }
      const all = await c.hGetAll('h');
      assert.strictEqual(Object.getPrototypeOf(all), Object.prototype);
      for (const n of NAMES) {
        assert.ok(Object.hasOwn(all, n), n);
        assert.strictEqual(all[n], `v-${n}`);
      }
      // (the __proto__ field is an own data property; node-redis's decoder assigns it, which
      // drops a string, REFERENCE.md §19)
      assert.deepStrictEqual(Object.keys(all).sort(), [...NAMES].sort());
      assert.strictEqual(typeof all.hasOwnProperty, 'string');
      // With Buffer values too: assigning one would make it the object's prototype, and
      // reading 'length' would then throw.
      const bufs = await c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).hGetAll('h');
      assert.strictEqual(Object.getPrototypeOf(bufs), Object.prototype);
      assert.deepStrictEqual(Object.keys(bufs).sort(), [...NAMES].sort());
      for (const n of NAMES) assert.deepStrictEqual(bufs[n], Buffer.from(`v-${n}`), n);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(all)), Object.fromEntries(NAMES.map((n) => [n, `v-${n}`])));
      const asMap = await c.withTypeMapping({ [RESP_TYPES.MAP]: Map }).hGetAll('h');
      assert.deepStrictEqual([...asMap], NAMES.map((n) => [n, `v-${n}`]));
      const pairs = await c.hRandFieldCountWithValues('h', 100);
      assert.deepStrictEqual(pairs.map((p) => `${p.field}=${p.value}`).sort(), NAMES.map((n) => `${n}=v-${n}`).sort());
      for (const p of pairs) assert.strictEqual(Object.getPrototypeOf(p), Object.prototype);
      const scanned = await c.hScan('h', '0');
      assert.deepStrictEqual(scanned.entries.map((e) => e.field), NAMES);
      assert.deepStrictEqual((await c.zRangeWithScores('z', 0, -1)).map((m) => m.value), [...NAMES].sort());
      assert.deepStrictEqual(await c.mGet(NAMES), NAMES.map((n) => `v-${n}`));
      for (const n of NAMES) assert.deepStrictEqual(await c.configGet(n), {});
      const numsub = await c.pubSubNumSub(NAMES);
      assert.deepStrictEqual(Object.keys(numsub), ['0', ...NAMES.filter((n) => n !== '__proto__' && n !== '0')]);
      assert.strictEqual(Object.getPrototypeOf(numsub), Object.prototype);
      assert.strictEqual(typeof (await c.info('__proto__')), 'string');
      assert.deepStrictEqual((await c.keys('*')).sort(), [...NAMES, 'h', 'z'].sort());
      await c.close();
    });

    it('pub/sub: channels and patterns with those names deliver plain (message, channel) pairs', async () => {
      const url = freshUrl();
      const c = await open(url);
      const sub = await open(url);
      const got = [];
      await sub.subscribe(NAMES, (message, channel) => got.push(['s', message, channel]));
      await sub.pSubscribe(['__proto__*', '*constructor', '[_]_proto__'], (message, channel) =>
        got.push(['p', message, channel]));
      await sub.sSubscribe(NAMES, (message, channel) => got.push(['ss', message, channel]), true);
      const receivers = [];
      for (const n of NAMES) receivers.push([await c.publish(n, `m-${n}`), await c.sPublish(n, `sm-${n}`)]);
      assert.deepStrictEqual(receivers, NAMES.map((n) => [n === '__proto__' ? 3 : n === 'constructor' ? 2 : 1, 1]));
      const expected = [];
      for (const n of NAMES) {
        expected.push(['s', `m-${n}`, n]);
        if (n === '__proto__') expected.push(['p', `m-${n}`, n], ['p', `m-${n}`, n]);
        if (n === 'constructor') expected.push(['p', `m-${n}`, n]);
        expected.push(['ss', Buffer.from(`sm-${n}`), Buffer.from(n)]);
      }
      await waitFor(() => got.length >= expected.length, 'the messages');
      assert.deepStrictEqual(got, expected);
      assert.deepStrictEqual([...sub.getPubSubListeners('CHANNELS').keys()], NAMES);
      assert.deepStrictEqual((await c.pubSubChannels()).sort(), [...NAMES].sort());
      await sub.unsubscribe(['__proto__', 'constructor']);
      assert.strictEqual(await c.publish('__proto__', 'x'), 2);
      assert.strictEqual(await c.publish('constructor', 'x'), 1);
      await sub.close();
      await c.close();
    });
  });

  describe('invalid UTF-8, lone surrogates and NUL bytes', () => {
    // node-redis decodes a bulk string with Buffer#toString() (invalid sequences become
    // U+FFFD) and gives the exact bytes with a Buffer mapping; it encodes a string argument
    // with Buffer.byteLength/utf8 (a lone surrogate becomes EF BF BD).
    const INVALID = [[0xff], [0xc0, 0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80],
      [0xf0, 0x9f, 0x98], [0xfe], [0xc3, 0x28], [0xe0, 0x80, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]];
    // each invalid sequence at every position of a 24-byte ASCII value
    const values = [];
    for (const seq of INVALID) {
      for (let pos = 0; pos <= 24; pos += 3) {
        values.push(Buffer.concat([Buffer.alloc(pos, 0x61), Buffer.from(seq), Buffer.alloc(24 - pos, 0x62)]));
      }
    }
    values.push(Buffer.from([0x00, 0xff, 0x00]), Buffer.from('\u0000plain\u0000'), Buffer.alloc(0));

    it('GET, MGET, HGETALL, LRANGE, ZRANGE, SMEMBERS, KEYS and SCAN: strings decoded as node-redis, Buffers exact', async () => {
      const c = await open();
      const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      const keyOf = (v, i) => Buffer.concat([Buffer.from(`k${i}:`), v]);
      await c.mSet(values.map((v, i) => [keyOf(v, i), v]));
      for (let i = 0; i < values.length; i++) {
        assert.strictEqual(await c.get(keyOf(values[i], i)), values[i].toString(), `GET ${values[i].toString('hex')}`);
        assert.deepStrictEqual(await b.get(keyOf(values[i], i)), values[i]);
      }
      assert.deepStrictEqual(await c.mGet(values.map(keyOf)), values.map((v) => v.toString()));
      assert.deepStrictEqual(await b.mGet(values.map(keyOf)), values);
      const keyStrings = values.map((v, i) => keyOf(v, i).toString()).sort();
      assert.deepStrictEqual((await c.keys('k*')).sort(), keyStrings);
      assert.deepStrictEqual((await b.keys('k*')).map((k) => k.toString('hex')).sort(),
        values.map((v, i) => keyOf(v, i).toString('hex')).sort());
      assert.deepStrictEqual(await scanAll(c, { MATCH: 'k*', COUNT: 50 }), keyStrings);
      // lists and sorted sets keep the order; an ASCII element first, then the invalid one
      // (the packed-reply path turns into the general one mid-array)
      const listed = values.flatMap((v) => [Buffer.from('ascii'), v]);
      await c.rPush('l', listed);
      assert.deepStrictEqual(await c.lRange('l', 0, -1), listed.map((v) => v.toString()));
      assert.deepStrictEqual(await b.lRange('l', 0, -1), listed);
      await c.zAdd('z', values.map((value, score) => ({ score, value })));
      assert.deepStrictEqual(await c.zRange('z', 0, -1), values.map((v) => v.toString()));
      assert.deepStrictEqual(await b.zRange('z', 0, -1), values);
      assert.deepStrictEqual((await b.zRangeWithScores('z', 0, -1)).map((m) => m.value), values);
      await c.sAdd('s', values);
      assert.deepStrictEqual((await b.sMembers('s')).map((v) => v.toString('hex')).sort(),
        values.map((v) => v.toString('hex')).sort());
      assert.deepStrictEqual((await c.sMembers('s')).sort(), values.map((v) => v.toString()).sort());
      // a hash: field names are strings (node-redis decodes map keys as strings)
      const fields = values.slice(0, 40);
      await c.hSet('h', fields.map((v, i) => [Buffer.concat([Buffer.from(`f${i}`), v]), v]));
      const expected = Object.fromEntries(fields.map((v, i) => [Buffer.concat([Buffer.from(`f${i}`), v]).toString(),
        v.toString()]));
      assert.deepStrictEqual(await c.hGetAll('h'), expected);
      const asBuffers = await b.hGetAll('h');
      assert.deepStrictEqual(Object.keys(asBuffers), Object.keys(expected));
      assert.deepStrictEqual(Object.values(asBuffers), fields);
      await c.close();
    });

    it('long arrays and long elements across the packed-reply limits', async () => {
      const c = await open();
      const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      const elements = Array.from({ length: 1023 }, (_, i) => Buffer.from(`e${i}`));
      elements.push(Buffer.from([0x61, 0xff]));
      await c.rPush('l1024', elements);
      assert.deepStrictEqual(await c.lRange('l1024', 0, -1), elements.map((v) => v.toString()));
      const long = [Buffer.alloc(65535, 0x61), Buffer.alloc(65536, 0x62), Buffer.concat([Buffer.alloc(65534, 0x63),
        Buffer.from([0xc3])]), Buffer.from('\u0000\u0000')];
      await c.rPush('long', long);
      assert.deepStrictEqual(await c.lRange('long', 0, -1), long.map((v) => v.toString()));
      assert.deepStrictEqual(await b.lRange('long', 0, -1), long);
      await c.close();
    });

    it('lone surrogates and NUL bytes in string arguments are sent as node-redis encodes them', async () => {
      const c = await open();
      const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      const strings = ['\ud800', '\udfff', 'a\ud83d', '\ud83db', '\ude00\ud83d', '\ud83d\ude00', '\u0000', 'a\u0000b',
        '\u0000\ud800\u0000', 'x'.repeat(300) + '\udc00', '\ufffd'];
      for (const s of strings) {
        assert.strictEqual(await c.set(s, s), 'OK');
        assert.deepStrictEqual(await b.get(s), Buffer.from(s, 'utf8'), JSON.stringify(s));
        assert.strictEqual(await c.strLen(s), Buffer.byteLength(s));
      }
      // the lone surrogate and U+FFFD are the same bytes, so the same key
      assert.strictEqual(await c.exists(['\ud800', '\udfff', '\ufffd']), 3);
      assert.strictEqual(await c.dbSize(), strings.length - 2);
      const argv = ['MSET'];
      for (let i = 0; i < 40; i++) argv.push(`m${i}\ud800`, `\u0000${i}\udc00`);
      assert.strictEqual(await c.sendCommand(argv), 'OK');
      assert.deepStrictEqual(await b.get('m39\ufffd'), Buffer.from('\u000039\ufffd'));
      await c.close();
    });
  });

  describe('integer edges (redis-server 7.0.15\'s errors; the keyspace unchanged after each)', () => {
    const overflow = redisError('ERR increment or decrement would overflow');
    const notInt = redisError('ERR value is not an integer or out of range');
    const notFloat = redisError('ERR value is not a valid float');

    it('INCR, INCRBY, DECRBY, HINCRBY at the int64 limits', async () => {
      const c = await open();
      await c.set('max', MAX);
      await c.set('min', MIN);
      await assert.rejects(c.incr('max'), overflow);
      await assert.rejects(c.incrBy('max', 1), overflow);
      await assert.rejects(c.decrBy('max', -1), overflow);
      await assert.rejects(c.decr('min'), overflow);
      await assert.rejects(c.sendCommand(['INCRBY', 'min', '-1']), overflow);
      await assert.rejects(c.sendCommand(['DECRBY', 'zero', MIN]), redisError('ERR decrement would overflow'));
      assert.strictEqual(await c.incrBy('max', 0), 9223372036854775807);
      assert.deepStrictEqual(await c.mGet(['max', 'min', 'zero']), [MAX, MIN, null]);
      for (const v of ['-0', '+1', '1e309', 'nan', 'inf', ' 1', '1 ', '0x10', '9223372036854775808', '1.0', '']) {
        await assert.rejects(c.sendCommand(['INCRBY', 'i', v]), notInt, `INCRBY ${JSON.stringify(v)}`);
        await assert.rejects(c.sendCommand(['HINCRBY', 'h', 'f', v]), notInt, `HINCRBY ${JSON.stringify(v)}`);
      }
      await c.hSet('h', 'f', MAX);
      await assert.rejects(c.hIncrBy('h', 'f', 1), overflow);
      assert.strictEqual(await c.hGet('h', 'f'), MAX);
      assert.deepStrictEqual((await c.keys('*')).sort(), ['h', 'max', 'min']);
      await c.close();
    });

    it('INCRBYFLOAT, HINCRBYFLOAT, ZADD, ZINCRBY with nan, inf and 1e309', async () => {
      const c = await open();
      await c.set('f', '1.5');
      await assert.rejects(c.sendCommand(['INCRBYFLOAT', 'f', 'nan']), notFloat);
      await assert.rejects(c.sendCommand(['INCRBYFLOAT', 'f', 'inf']),
        redisError('ERR increment would produce NaN or Infinity'));
      await assert.rejects(c.incrByFloat('f', Infinity), redisError('ERR increment would produce NaN or Infinity'));
      await assert.rejects(c.incrByFloat('f', NaN), notFloat);
      await c.hSet('h', 'f', '1.5');
      await assert.rejects(c.sendCommand(['HINCRBYFLOAT', 'h', 'f', 'inf']), redisError('ERR value is NaN or Infinity'));
      await assert.rejects(c.hIncrByFloat('h', 'f', NaN), notFloat);
      assert.deepStrictEqual([await c.get('f'), await c.hGet('h', 'f')], ['1.5', '1.5']);
      await assert.rejects(c.zAdd('z', { score: NaN, value: 'm' }), notFloat);
      await assert.rejects(c.sendCommand(['ZADD', 'z', 'nan', 'm']), notFloat);
      assert.strictEqual(await c.exists('z'), 0);
      assert.strictEqual(await c.zAdd('z', [{ score: Infinity, value: 'a' }, { score: -Infinity, value: 'b' }]), 2);
      await assert.rejects(c.zIncrBy('z', -Infinity, 'a'),
        redisError('ERR resulting score is not a number (NaN)'));
      await assert.rejects(c.sendCommand(['ZINCRBY', 'z', 'nan', 'a']), notFloat);
      assert.deepStrictEqual(await c.zRangeWithScores('z', 0, -1), [{ value: 'b', score: -Infinity },
        { value: 'a', score: Infinity }]);
      await c.close();
    });

    it('EXPIRE, SETEX, SET EX, GETEX with huge, negative and zero times', async () => {
      const c = await open();
      await c.set('k', 'v');
      const invalid = (cmd) => redisError(`ERR invalid expire time in '${cmd}' command`);
      await assert.rejects(c.sendCommand(['EXPIRE', 'k', MAX]), invalid('expire'));
      await assert.rejects(c.sendCommand(['EXPIRE', 'k', MIN]), invalid('expire'));
      await assert.rejects(c.sendCommand(['EXPIREAT', 'k', '4611686018427387904']), invalid('expireat'));
      await assert.rejects(c.sendCommand(['PEXPIRE', 'k', MAX]), invalid('pexpire'));
      await assert.rejects(c.sendCommand(['EXPIRE', 'k', '9223372036854775808']), notInt);
      await assert.rejects(c.expire('k', 1e21), notInt);
      await assert.rejects(c.sendCommand(['SETEX', 'x', MAX, 'v']), invalid('setex'));
      await assert.rejects(c.setEx('x', 0, 'v'), invalid('setex'));
      await assert.rejects(c.setEx('x', -5, 'v'), invalid('setex'));
      await assert.rejects(c.pSetEx('x', 0, 'v'), invalid('psetex'));
      await assert.rejects(c.set('x', 'v', { expiration: { type: 'EX', value: 0 } }), invalid('set'));
      await assert.rejects(c.set('x', 'v', { expiration: { type: 'PX', value: -1 } }), invalid('set'));
      await assert.rejects(c.getEx('k', { type: 'EX', value: MAX }), invalid('getex'));
      assert.strictEqual(await c.exists('x'), 0);
      assert.strictEqual(await c.ttl('k'), -1);
      // in range, but in the past: the key goes
      assert.strictEqual(await c.sendCommand(['PEXPIRE', 'k', MIN]), 1);
      assert.strictEqual(await c.exists('k'), 0);
      await c.close();
    });

    it('LRANGE, LINDEX, GETRANGE and the RAND commands\' counts at the int64 limits', async () => {
      const c = await open();
      await c.rPush('l', ['a', 'b', 'c']);
      await c.sAdd('s', ['a', 'b']);
      await c.hSet('h', { a: '1', b: '2' });
      await c.zAdd('z', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }]);
      assert.deepStrictEqual(await c.sendCommand(['LRANGE', 'l', MIN, MAX]), ['a', 'b', 'c']);
      assert.deepStrictEqual(await c.sendCommand(['LRANGE', 'l', MAX, MIN]), []);
      assert.strictEqual(await c.sendCommand(['LINDEX', 'l', MIN]), null);
      assert.strictEqual(await c.sendCommand(['LINDEX', 'l', MAX]), null);
      await assert.rejects(c.sendCommand(['LINDEX', 'l', '9223372036854775808']), notInt);
      assert.strictEqual(await c.sendCommand(['GETRANGE', 'l2', MIN, MAX]), '');
      const outOfRange = redisError('ERR value is out of range, value must between -9223372036854775807 and ' +
        '9223372036854775807');
      await assert.rejects(c.sendCommand(['SRANDMEMBER', 's', MIN]), outOfRange);
      await assert.rejects(c.sendCommand(['HRANDFIELD', 'h', MIN]), outOfRange);
      await assert.rejects(c.sendCommand(['ZRANDMEMBER', 'z', MIN]), outOfRange);
      await assert.rejects(c.sRandMemberCount('s', MIN), outOfRange);
      const halfRange = redisError('ERR value is out of range');
      await assert.rejects(c.sendCommand(['HRANDFIELD', 'h', '-4611686018427387904', 'WITHVALUES']), halfRange);
      await assert.rejects(c.sendCommand(['ZRANDMEMBER', 'z', '4611686018427387904', 'WITHSCORES']), halfRange);
      await assert.rejects(c.hRandFieldCountWithValues('h', -(2 ** 62)), halfRange);
      // a huge negative count on a missing key is an empty reply, not a huge one
      assert.deepStrictEqual(await c.sendCommand(['SRANDMEMBER', 'nos', '-9223372036854775807']), []);
      assert.deepStrictEqual(await c.sendCommand(['HRANDFIELD', 'noh', '-4611686018427387903', 'WITHVALUES']), []);
      // a huge positive count is the whole collection
      assert.deepStrictEqual((await c.sendCommand(['SRANDMEMBER', 's', MAX])).sort(), ['a', 'b']);
      assert.strictEqual((await c.hRandFieldCountWithValues('h', '4611686018427387903')).length, 2);
      assert.deepStrictEqual([await c.lLen('l'), await c.sCard('s'), await c.hLen('h'), await c.zCard('z')],
        [3, 2, 2, 2]);
      await c.close();
    });
  });
});

// Every lib/commands module has a node-redis counterpart to compare with, except the
// variants node-redis 6.3.1 lacks; make sure the comparisons above did not silently shrink.
describe('hostile input: coverage of the Proxy comparisons', () => {
  it('compares nearly every command module with node-redis\'s', () => {
    const modules = fs.readdirSync(path.join(__dirname, '../../lib/commands')).filter((f) => f.endsWith('.js'));
    const missing = modules.map((f) => f.slice(0, -3)).filter((name) => {
      try {
        require.resolve(`@redis/client/dist/lib/commands/${name}`);
        return false;
      } catch {
        return true;
      }
    });
    assert.deepStrictEqual(missing, []);
  });
});
