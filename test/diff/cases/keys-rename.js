'use strict';
// RENAME RENAMENX COPY (with DB and REPLACE) MOVE.

const { group, raw } = require('../scenario.js');

const g = group('keys: RENAME RENAMENX COPY MOVE');
const { scenario } = g;

scenario('RENAME moves the value and the TTL', async (c, ctx) => {
  await ctx.call('set with TTL', () => c.set('str', 'v', { EX: 100 }));
  await ctx.call('rename', () => c.rename('str', 'str2'));
  await ctx.call('old name gone', () => c.exists('str'));
  await ctx.call('new name value', () => c.get('str2'));
  await ctx.ttl('TTL moved', () => c.ttl('str2'));
  await ctx.call('rename onto itself', () => c.rename('str2', 'str2'));
  await ctx.ttl('TTL kept by self rename', () => c.ttl('str2'));
  await ctx.call('rename missing', () => c.rename('missing', 'x'));
  await ctx.call('rename missing onto itself', () => c.rename('missing', 'missing'));
  await ctx.call('destination with TTL', () => c.set('dst', 'old', { EX: 500 }));
  await ctx.call('plain source', () => c.set('src', 'new'));
  await ctx.call('rename over an existing key', () => c.rename('src', 'dst'));
  await ctx.call('dst value', () => c.get('dst'));
  await ctx.call('dst TTL is the source TTL (none)', () => c.ttl('dst'));
  await ctx.call('raw RENAME', () => raw(c, 'RENAME', 'dst', 'd2'));
  await ctx.call('raw RENAME wrong arity', () => raw(c, 'RENAME', 'd2'));
  await ctx.call('rename Buffer keys', () => c.rename(Buffer.from('d2'), Buffer.from('d3')));
  await ctx.call('get d3', () => c.get('d3'));
  await ctx.call('dbSize', () => c.dbSize());
});

scenario('RENAMENX only renames onto a free name', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2' }));
  await ctx.call('renameNX onto existing', () => c.renameNX('a', 'b'));
  await ctx.call('a still there', () => c.get('a'));
  await ctx.call('renameNX onto free', () => c.renameNX('a', 'c'));
  await ctx.call('c value', () => c.get('c'));
  await ctx.call('a gone', () => c.exists('a'));
  await ctx.call('renameNX missing', () => c.renameNX('missing', 'x'));
  await ctx.call('renameNX onto itself', () => c.renameNX('c', 'c'));
  await ctx.call('renameNX keeps TTL', () => c.set('t', 'v', { PX: 90000 }));
  await ctx.call('renameNX t', () => c.renameNX('t', 't2'));
  await ctx.pttl('pttl t2', () => c.pTTL('t2'));
  await ctx.call('raw RENAMENX wrong arity', () => raw(c, 'RENAMENX', 'c'));
});

scenario('COPY with REPLACE and DB', async (c, ctx) => {
  await ctx.call('set source with TTL', () => c.set('src', 'v', { EX: 100 }));
  await ctx.call('copy', () => c.copy('src', 'dst'));
  await ctx.call('dst value', () => c.get('dst'));
  await ctx.ttl('TTL copied', () => c.ttl('dst'));
  await ctx.call('copy onto existing', () => c.copy('src', 'dst'));
  await ctx.call('set other', () => c.set('other', 'o'));
  await ctx.call('copy REPLACE', () => c.copy('other', 'dst', { REPLACE: true }));
  await ctx.call('dst replaced', () => c.get('dst'));
  await ctx.call('dst has no TTL now', () => c.ttl('dst'));
  await ctx.call('copy missing source', () => c.copy('missing', 'x'));
  await ctx.call('copy missing source with REPLACE', () => c.copy('missing', 'dst', { REPLACE: true }));
  await ctx.call('dst untouched', () => c.get('dst'));
  await ctx.call('copy onto itself', () => c.copy('src', 'src'));
  await ctx.call('copy onto itself with REPLACE', () => c.copy('src', 'src', { REPLACE: true }));
  await ctx.call('copy to db 1', () => c.copy('src', 'indb1', { DB: 1 }));
  await ctx.call('copy to db 1 again', () => c.copy('src', 'indb1', { DB: 1 }));
  await ctx.call('copy to db 1 with REPLACE', () => c.copy('other', 'indb1', { DB: 1, REPLACE: true }));
  await ctx.call('copy same name to another db', () => c.copy('src', 'src', { DB: 2 }));
  await ctx.call('copy to db 0 (same db) same name', () => c.copy('src', 'src', { DB: 0 }));
  await ctx.call('copy to db out of range', () => c.copy('src', 'x', { DB: 16 }));
  await ctx.call('copy to negative db', () => c.copy('src', 'x', { DB: -1 }));
  await ctx.call('raw COPY DB not a number', () => raw(c, 'COPY', 'src', 'x', 'DB', 'one'));
  await ctx.call('raw COPY DB without value', () => raw(c, 'COPY', 'src', 'x', 'DB'));
  await ctx.call('raw COPY unknown option', () => raw(c, 'COPY', 'src', 'x', 'FORCE'));
  await ctx.call('raw COPY replace lower-case', () => raw(c, 'COPY', 'src', 'dst', 'replace'));
  await ctx.call('raw COPY wrong arity', () => raw(c, 'COPY', 'src'));
  await ctx.call('x never created', () => c.exists('x'));
  await ctx.call('db0 size', () => c.dbSize());
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('indb1 value', () => c.get('indb1'));
  await ctx.call('indb1 has no TTL (copied from other)', () => c.ttl('indb1'));
  await ctx.call('db1 size', () => c.dbSize());
  await ctx.call('select 2', () => c.select(2));
  await ctx.ttl('src copy in db2 keeps the TTL', () => c.ttl('src'));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('source untouched', () => c.get('src'));
});

scenario('MOVE between databases: values, TTLs, refusals and errors', async (c, ctx) => {
  await ctx.call('set with TTL', () => c.set('s', 'v', { EX: 100 }));
  await ctx.call('hash', () => c.hSet('h', { f: '1', g: '2' }));
  await ctx.call('list', () => c.rPush('l', ['a', 'b', 'c']));
  await ctx.call('zset with TTL', () => c.zAdd('z', [{ score: 1, value: 'm' }, { score: 2, value: 'n' }]));
  await ctx.call('pexpire z', () => c.pExpire('z', 90000));
  for (const k of ['s', 'h', 'l', 'z']) await ctx.call(`move ${k} to db 3`, () => c.move(k, 3));
  await ctx.call('db0 empty', () => c.dbSize());
  await ctx.call('move missing', () => c.move('missing', 3));
  await ctx.call('set s again', () => c.set('s', 'other'));
  await ctx.call('move onto an existing key in the target', () => c.move('s', 3));
  await ctx.call('s stays', () => c.get('s'));
  await ctx.call('move to the same db', () => c.move('s', 0));
  await ctx.call('move missing to the same db', () => c.move('missing', 0));
  await ctx.call('move to db 16', () => c.move('s', 16));
  await ctx.call('move to db -1', () => c.move('s', -1));
  await ctx.call('raw MOVE db not a number', () => raw(c, 'MOVE', 's', 'one'));
  await ctx.call('raw MOVE db past the int range', () => raw(c, 'MOVE', 's', '2147483648'));
  await ctx.call('raw MOVE db past the int range (missing key)', () => raw(c, 'MOVE', 'missing', '-2147483649'));
  await ctx.call('raw MOVE db 1.0', () => raw(c, 'MOVE', 's', '1.0'));
  await ctx.call('raw MOVE wrong arity', () => raw(c, 'MOVE', 's'));
  await ctx.call('raw MOVE too many arguments', () => raw(c, 'MOVE', 's', '1', '2'));
  await ctx.call('select 3', () => c.select(3));
  await ctx.call('values in db 3', () => Promise.all([c.get('s'), c.hGetAll('h'), c.lRange('l', 0, -1),
    c.zRangeWithScores('z', 0, -1)]));
  await ctx.ttl('s kept its TTL', () => c.ttl('s'));
  await ctx.call('h has none', () => c.ttl('h'));
  await ctx.pttl('z kept its TTL', () => c.pTTL('z'));
  await ctx.call('types', () => Promise.all(['s', 'h', 'l', 'z'].map((k) => c.type(k))));
  await ctx.call('encodings', () => Promise.all(['h', 'l', 'z'].map((k) => c.objectEncoding(k))));
  await ctx.call('move back to db 0 (taken)', () => c.move('s', 0));
  await ctx.call('move h back to db 0', () => c.move('h', 0));
  await ctx.call('db3 size', () => c.dbSize());
  await ctx.call('watch l', () => c.watch('l'));
  await ctx.call('move the watched key', () => c.move('l', 5));
  await ctx.call('the transaction fails', () => c.multi().ping().exec());
  await ctx.call('MOVE inside MULTI', () => c.multi().move('z', 6).move('z', 6).move('nope', 6).exec());
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('h is back', () => c.hGetAll('h'));
});

module.exports = g;
