'use strict';

// Packed array replies (lib/packed.js, RL_REPLY_PACK in src/napi): whatever the elements,
// a command declared packReply gives exactly the reply the unpacked path gives. Each case
// compares the method (which asks for packing) with sendCommand (which never does).
const assert = require('node:assert');
const { createClient, RESP_TYPES } = require('../../index');
const { unpackArray, REPLY_PACK } = require('../../lib/packed');
const { binding } = require('../../lib/native');

describe('packed array replies', () => {
  let c;
  before(async () => {
    c = createClient({ url: 'redis://packed-test.local:1' });
    await c.connect();
  });
  after(() => c.close());
  beforeEach(() => c.flushAll());

  async function same(method, args, wire) {
    const packed = await c[method](...args);
    const plain = await c.sendCommand(wire);
    assert.deepStrictEqual(packed, plain);
    return packed;
  }

  // For replies in no defined order (a union is built in a fresh table each call).
  async function sameSorted(method, args, wire) {
    const packed = (await c[method](...args)).sort();
    assert.deepStrictEqual(packed, (await c.sendCommand(wire)).sort());
    return packed;
  }

  it('ASCII members, empty strings and one element', async () => {
    await c.rPush('l', ['a', '', 'ccc', 'x'.repeat(300)]);
    const r = await same('lRange', ['l', 0, -1], ['LRANGE', 'l', '0', '-1']);
    assert.deepStrictEqual(r, ['a', '', 'ccc', 'x'.repeat(300)]);
    assert.deepStrictEqual(await same('lRange', ['l', 1, 1], ['LRANGE', 'l', '1', '1']), ['']);
    assert.deepStrictEqual(await same('lRange', ['l', 9, 10], ['LRANGE', 'l', '9', '10']), []);
    assert.deepStrictEqual(await same('lRange', ['nokey', 0, -1], ['LRANGE', 'nokey', '0', '-1']), []);
  });

  it('a non-ASCII or invalid UTF-8 element anywhere falls back to one string per element', async () => {
    const bad = Buffer.from([0x61, 0xff, 0xfe, 0x62]);
    for (const pos of [0, 2, 4]) {
      await c.del('l');
      const items = ['a', 'b', 'c', 'd', 'e'].map((x) => Buffer.from(x));
      items[pos] = pos === 2 ? Buffer.from('é€😀') : bad;
      await c.rPush('l', items);
      const r = await same('lRange', ['l', 0, -1], ['LRANGE', 'l', '0', '-1']);
      assert.strictEqual(r.length, 5);
      assert.strictEqual(r[pos], items[pos].toString());
    }
  });

  it('elements over 65535 bytes and replies over 1024 elements', async () => {
    const big = 'y'.repeat(70000);
    await c.rPush('l', ['a', big, 'b']);
    assert.deepStrictEqual(await same('lRange', ['l', 0, -1], ['LRANGE', 'l', '0', '-1']), ['a', big, 'b']);
    const many = Array.from({ length: 1500 }, (_, i) => `m${i}`);
    await c.rPush('many', many);
    assert.deepStrictEqual(await same('lRange', ['many', 0, -1], ['LRANGE', 'many', '0', '-1']), many);
    const k1024 = many.slice(0, 1024);
    assert.deepStrictEqual(await same('lRange', ['many', 0, 1023], ['LRANGE', 'many', '0', '1023']), k1024);
  });

  it('nulls inside the array (MGET, HMGET) and every packed command', async () => {
    await c.mSet(['s1', 'v1', 's2', 'v2']);
    await c.hSet('h', { f1: 'a', f2: 'b' });
    await c.sAdd('s', ['m1', 'm2']);
    await c.sAdd('t', ['m2', 'm3']);
    await c.zAdd('z', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }]);
    assert.deepStrictEqual(await same('mGet', [['s1', 'nope', 's2']], ['MGET', 's1', 'nope', 's2']), ['v1', null, 'v2']);
    assert.deepStrictEqual(await same('mGet', [['nope', 's1']], ['MGET', 'nope', 's1']), [null, 'v1']);
    assert.deepStrictEqual(await same('hmGet', ['h', ['f2', 'zz']], ['HMGET', 'h', 'f2', 'zz']), ['b', null]);
    assert.deepStrictEqual((await same('hKeys', ['h'], ['HKEYS', 'h'])).sort(), ['f1', 'f2']);
    assert.deepStrictEqual((await same('hVals', ['h'], ['HVALS', 'h'])).sort(), ['a', 'b']);
    assert.deepStrictEqual((await same('sMembers', ['s'], ['SMEMBERS', 's'])).sort(), ['m1', 'm2']);
    assert.deepStrictEqual(await same('sInter', [['s', 't']], ['SINTER', 's', 't']), ['m2']);
    assert.deepStrictEqual(await sameSorted('sUnion', [['s', 't']], ['SUNION', 's', 't']), ['m1', 'm2', 'm3']);
    assert.deepStrictEqual(await same('sDiff', [['s', 't']], ['SDIFF', 's', 't']), ['m1']);
    assert.deepStrictEqual(await same('zRange', ['z', 0, -1], ['ZRANGE', 'z', '0', '-1']), ['a', 'b']);
    assert.deepStrictEqual(await same('zRangeByScore', ['z', 2, 5], ['ZRANGEBYSCORE', 'z', '2', '5']), ['b']);
    assert.deepStrictEqual(await same('zRangeByLex', ['z', '-', '+'], ['ZRANGEBYLEX', 'z', '-', '+']), ['a', 'b']);
    assert.deepStrictEqual((await same('keys', ['s*'], ['KEYS', 's*'])).sort(), ['s', 's1', 's2']);
  });

  it('errors, type mappings and MULTI are unaffected', async () => {
    await c.set('str', 'x');
    await assert.rejects(c.lRange('str', 0, -1), /^\[?.*WRONGTYPE/);
    await c.rPush('l', ['a', 'b']);
    const bufs = await c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).lRange('l', 0, -1);
    assert.deepStrictEqual(bufs, [Buffer.from('a'), Buffer.from('b')]);
    await c.sAdd('s', ['m1']);
    const set = await c.withTypeMapping({ [RESP_TYPES.SET]: Set }).sMembers('s');
    assert.deepStrictEqual(set, new Set(['m1']));
    assert.deepStrictEqual(await c.multi().lRange('l', 0, -1).sMembers('s').exec(), [['a', 'b'], ['m1']]);
  });

  it('the binding packs only what qualifies', async () => {
    await c.rPush('l', ['a', 'bb']);
    await c.rPush('u', ['a', 'é']);
    const h = c._state.handle;
    const packed = binding.exec(h, REPLY_PACK, 'LRANGE', 'l', '0', '-1');
    assert.strictEqual(typeof packed, 'string');
    assert.deepStrictEqual(unpackArray(packed), ['a', 'bb']);
    assert.deepStrictEqual(binding.exec(h, REPLY_PACK, 'LRANGE', 'u', '0', '-1'), ['a', 'é']);
    assert.deepStrictEqual(binding.exec(h, 0, 'LRANGE', 'l', '0', '-1'), ['a', 'bb']);
    assert.deepStrictEqual(binding.exec(h, REPLY_PACK, 'LRANGE', 'l', '0', '-1', 'x').constructor.name, 'SimpleError');
    assert.deepStrictEqual(binding.exec(h, REPLY_PACK, 'LRANGE', 'none', '0', '-1'), []);
  });

  it('unpackArray reads the documented layout', () => {
    const s = String.fromCharCode(0, 3, 0, 1, 0, 0, 1, 4) + 'a' + 'x'.repeat(260);
    assert.deepStrictEqual(unpackArray(s), ['a', '', 'x'.repeat(260)]);
  });
});
