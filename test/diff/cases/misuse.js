'use strict';
// JS-level misuse (argument types) and binary-safe keys/values with Buffers.

const { RESP_TYPES } = require('redis');
const { group } = require('../scenario.js');
const { sortReply } = require('../harness.js');

const g = group('client: argument types and binary data');
const { scenario } = g;

scenario('Numbers, null, undefined and objects as keys reject TypeError', async (c, ctx) => {
  const keys = [['number', 123], ['null', null], ['undefined', undefined], ['object', {}],
    ['boolean', true], ['array of number', [1]], ['bigint', 10n], ['Symbol', Symbol('k')]];
  for (const [label, k] of keys) {
    await ctx.call(`get ${label}`, () => c.get(k));
    await ctx.call(`set ${label}`, () => c.set(k, 'v'));
    await ctx.call(`del ${label}`, () => c.del(k));
    await ctx.call(`exists ${label}`, () => c.exists(k));
    await ctx.call(`expire ${label}`, () => c.expire(k, 10));
  }
  await ctx.call('mGet with a number inside', () => c.mGet(['a', 1]));
  await ctx.call('del with a number inside', () => c.del(['a', 2]));
  await ctx.call('rename to a number', () => c.rename('a', 5));
  await ctx.call('copy from null', () => c.copy(null, 'b'));
  await ctx.call('keys with a number', () => c.keys(5));
  await ctx.call('nothing reached the server', () => c.dbSize());
});

scenario('Bad values and missing arguments reject TypeError', async (c, ctx) => {
  const values = [['true', true], ['null', null], ['undefined', undefined], ['object', {}],
    ['array', ['x']], ['bigint', 10n], ['NaN', NaN], ['Infinity', Infinity], ['-0', -0]];
  for (const [label, v] of values) {
    await ctx.call(`set value ${label}`, () => c.set('k', v));
    await ctx.call(`get after ${label}`, () => c.get('k'));
  }
  await ctx.call('get without key', () => c.get());
  await ctx.call('set without value', () => c.set('k'));
  await ctx.call('set without anything', () => c.set());
  await ctx.call('expire without seconds', () => c.expire('k'));
  await ctx.call('incrBy without increment', () => c.incrBy('k'));
  await ctx.call('getRange without end', () => c.getRange('k', 0));
  await ctx.call('setRange without offset', () => c.setRange('k'));
  await ctx.call('append number', () => c.append('k2', 5));
  await ctx.call('getSet number', () => c.getSet('k2', 6));
  await ctx.call('setNX null', () => c.setNX('k2', null));
  await ctx.call('mSet with undefined value', () => c.mSet({ a: undefined }));
  await ctx.call('mSet with null value', () => c.mSet([['a', null]]));
  const trap = 'REFERENCE §19: mSet(\'k\', \'v\') sends MSET 0 k 1 v [don\'t copy]';
  await ctx.call('mSet string (bug trap)', () => c.mSet('m7', 'g'), { quirk: trap });
  await ctx.call('keys after mSet string', () => c.keys('*'), { norm: sortReply, quirk: trap });
  await ctx.call('incrBy NaN', () => c.incrBy('n', NaN));
  await ctx.call('incrByFloat string', () => c.incrByFloat('n', 'abc'));
  await ctx.call('expire NaN', () => c.expire('k', NaN));
  await ctx.call('expire Infinity', () => c.expire('k', Infinity));
  await ctx.call('setEx with Date', () => c.setEx('k', new Date(0), 'v'));
  await ctx.call('select NaN', () => c.select(NaN));
  await ctx.call('select undefined', () => c.select());
  await ctx.call('sendCommand with a number', () => c.sendCommand(['SET', 'n', 1]));
  await ctx.call('sendCommand with null', () => c.sendCommand(['SET', 'n', null]));
  // sendCommand([]) is deliberately absent: node-redis writes '*0', the server
  // never answers, and every later reply on that connection is shifted by one.
  await ctx.call('sendCommand with undefined', () => c.sendCommand());
  await ctx.call('get with extra arguments', () => c.get('k', 'x', 'y'));
  await ctx.call('options object in v4 position', () => c.get({ returnBuffers: true }, 'k'));
});

scenario('Binary keys and values with NUL bytes through Buffer type mapping', async (c, ctx) => {
  const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const key = Buffer.from([0x6b, 0x00, 0xff, 0x0a]);
  const val = Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]);
  await ctx.call('set binary', () => c.set(key, val));
  await ctx.call('get binary as Buffer', () => b.get(key));
  await ctx.call('get binary as string', () => c.get(key));
  await ctx.call('strLen binary', () => c.strLen(key));
  await ctx.call('exists by Buffer', () => c.exists(key));
  await ctx.call('key differs from its prefix', () => c.exists(Buffer.from([0x6b])));
  await ctx.call('append NUL', () => c.append(key, Buffer.from([0x00])));
  await ctx.call('getRange binary', () => b.getRange(key, 1, 3));
  await ctx.call('setRange binary', () => c.setRange(key, 1, Buffer.from([0x00, 0x01])));
  await ctx.call('get after setRange', () => b.get(key));
  await ctx.call('get missing as Buffer', () => b.get('missing'));
  await ctx.call('set through mapping returns a string', () => b.set('s', 'v'));
  await ctx.call('mGet mixed', () => b.mGet([key, 's', 'missing']));
  await ctx.call('getSet binary', () => b.getSet('s', Buffer.from([0x00])));
  await ctx.call('getDel binary', () => b.getDel('s'));
  await ctx.call('getEx binary', () => b.getEx(key, { type: 'PERSIST' }));
  await ctx.call('incrByFloat as Buffer', () => b.incrByFloat('f', 1.5));
  await ctx.call('incr as number', () => b.incr('i'));
  await ctx.call('type stays a string', () => b.type(key));
  await ctx.call('raw GET with Buffer arg and options', () => c.sendCommand(['GET', key],
    { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } }));
  await ctx.sorted('keys as Buffers', () => b.keys('*'));
  await ctx.sorted('keys as strings', () => c.keys('*'));
  await ctx.call('scan as Buffers', () => b.scan('0', { COUNT: 1000, MATCH: 'f*' }));
  await ctx.call('rename binary', () => c.rename(key, Buffer.from('plain\u0000')));
  await ctx.call('get renamed', () => b.get('plain\u0000'));
  await ctx.call('echo binary', () => b.echo(Buffer.from([0x00, 0xff])));
  await ctx.call('randomKey as Buffer', () => b.flushDb().then(() => b.set(Buffer.from([1, 2]), 'x'))
    .then(() => b.randomKey()));
  await ctx.call('mapping ignored inside multi', () => b.multi().get(Buffer.from([1, 2])).exec(),
    { quirk: 'REFERENCE §19: withTypeMapping is ignored by multi().exec() [don\'t copy]' });
  await ctx.call('non-UTF-8 value as string', () => c.set('nu', Buffer.from([0xde, 0xad, 0xbe, 0xef])));
  await ctx.call('get non-UTF-8 value as string', () => c.get('nu'));
  await ctx.call('number mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).incr('i'));
  await ctx.call('double/number mapping on strLen', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).strLen('nu'));
});

module.exports = g;
