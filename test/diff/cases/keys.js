'use strict';
// DEL UNLINK EXISTS TYPE KEYS SCAN RANDOMKEY TOUCH OBJECT ENCODING.

const { group, raw } = require('../scenario.js');

const g = group('keys: DEL EXISTS TYPE KEYS SCAN RANDOMKEY TOUCH OBJECT');
const { scenario } = g;

async function fill(c, names) {
  for (const k of names) await c.set(k, 'v');
}

scenario('DEL and UNLINK call shapes', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' }));
  await ctx.call('del one', () => c.del('a'));
  await ctx.call('del missing', () => c.del('a'));
  await ctx.call('del array with a missing key', () => c.del(['b', 'c', 'nope']));
  await ctx.call('del extra positional ignored', () => c.del('d', 'e'));
  await ctx.call('e still exists', () => c.exists('e'));
  await ctx.call('del same key twice', () => c.del(['e', 'e']));
  await ctx.call('del empty array', () => c.del([]));
  await ctx.call('unlink array', () => c.unlink(['f', 'zz']));
  await ctx.call('unlink string', () => c.unlink('f'));
  await ctx.call('unlink empty array', () => c.unlink([]));
  await ctx.call('raw DEL', () => raw(c, 'DEL', 'x', 'y'));
  await ctx.call('raw DEL no keys', () => raw(c, 'DEL'));
  await ctx.call('raw UNLINK no keys', () => raw(c, 'UNLINK'));
  await ctx.call('del Buffer key', () => c.set(Buffer.from('bk'), 'v'));
  await ctx.call('del it by Buffer', () => c.del(Buffer.from('bk')));
  await ctx.call('dbSize', () => c.dbSize());
});

scenario('EXISTS counts duplicates', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2' }));
  await ctx.call('exists a', () => c.exists('a'));
  await ctx.call('exists missing', () => c.exists('zz'));
  await ctx.call('exists with duplicates', () => c.exists(['a', 'b', 'zz', 'a']));
  await ctx.call('exists empty array', () => c.exists([]));
  await ctx.call('exists mixed Buffer', () => c.exists(['a', Buffer.from('b')]));
  await ctx.call('raw EXISTS no keys', () => raw(c, 'EXISTS'));
  await ctx.call('exists empty-string key', () => c.exists(''));
  await ctx.call('set empty-string key', () => c.set('', 'x'));
  await ctx.call('exists empty-string key again', () => c.exists(''));
  await ctx.call('get empty-string key', () => c.get(''));
});

scenario('TYPE of strings and missing keys', async (c, ctx) => {
  await ctx.call('set', () => c.set('s', 'v'));
  await ctx.call('type string', () => c.type('s'));
  await ctx.call('type integer-encoded string', () => c.set('i', 5));
  await ctx.call('type i', () => c.type('i'));
  await ctx.call('type missing', () => c.type('missing'));
  await ctx.call('raw TYPE', () => raw(c, 'TYPE', 's'));
  await ctx.call('raw TYPE wrong arity', () => raw(c, 'TYPE'));
  await ctx.call('raw TYPE two keys', () => raw(c, 'TYPE', 'a', 'b'));
});

scenario('KEYS with glob patterns', async (c, ctx) => {
  await fill(c, ['k1', 'k2', 'k10', 'ka', 'kb', 'kc', 'k*', 'k?', 'k[', 'other', 'K1', 'hello',
    'hallo', 'hxllo', 'hllo', 'heeeello', 'a\\b', 'k\n']);
  const patterns = ['*', 'k?', 'k*', 'k[ab]', 'k[^a]', 'k[a-b]', 'k[b-a]', 'k\\*', 'k\\?', 'h?llo',
    'h*llo', 'h[ae]llo', 'h[^e]llo', 'nomatch*', 'K*', '', 'k', '*1', '*[', 'k[', 'k\\[', 'a\\\\b',
    '[', '\\', '[]', 'k[!a]', 'k[a-]', '**', 'k[\\]'];
  for (const p of patterns) {
    await ctx.sorted(`keys ${JSON.stringify(p)}`, () => c.keys(p));
  }
  await ctx.sorted('raw KEYS', () => raw(c, 'KEYS', 'k?'));
  await ctx.call('raw KEYS wrong arity', () => raw(c, 'KEYS'));
  await ctx.call('raw KEYS two patterns', () => raw(c, 'KEYS', 'a', 'b'));
  await ctx.call('keys without pattern', () => c.keys());
});

scenario('SCAN visits every key exactly once in aggregate', async (c, ctx) => {
  const names = [];
  for (let i = 0; i < 60; i++) names.push(`k:${i}`);
  for (let i = 0; i < 15; i++) names.push(`h:${i}`);
  await fill(c, names);
  await ctx.scanAll('scan all', c);
  await ctx.scanAll('scan all, COUNT 3', c, { COUNT: 3 });
  await ctx.scanAll('scan all, MATCH h:*', c, { MATCH: 'h:*' });
  await ctx.scanAll('scan all, MATCH k:1?', c, { MATCH: 'k:1?', COUNT: 7 });
  await ctx.scanAll('scan all, TYPE string', c, { TYPE: 'string' });
  await ctx.scanAll('scan all, TYPE hash', c, { TYPE: 'hash' });
  await ctx.scanAll('scan all, TYPE unknown', c, { TYPE: 'nosuchtype' });
  await ctx.scanAll('scan all, raw', c, { raw: true, COUNT: 5 });
  await ctx.scanAll('scan all, raw MATCH', c, { raw: true, MATCH: '*:5*' });
  await ctx.scanAll('scan all, raw TYPE STRING upper-case', c, { raw: true, TYPE: 'STRING' });
  await ctx.call('COUNT 1000 returns everything in one call', () => c.scan('0', { COUNT: 1000, MATCH: 'h:1*' }),
    { norm: (r) => ({ cursor: r.cursor, keys: r.keys.slice().sort() }) });
});

scenario('SCAN on an empty database and argument errors', async (c, ctx) => {
  await ctx.call('scan empty db', () => c.scan('0'));
  await ctx.call('raw SCAN empty db', () => raw(c, 'SCAN', '0'));
  await ctx.call('set', () => c.set('a', '1'));
  await ctx.call('scan with a number cursor', () => c.scan(0));
  await ctx.call('raw SCAN invalid cursor', () => raw(c, 'SCAN', 'abc'));
  // '-1' parses as 2^64-1; which keys it returns depends on the hash seed.
  await ctx.shape('raw SCAN negative cursor is accepted', () => raw(c, 'SCAN', '-1'),
    (r) => typeof r[0] === 'string' && Array.isArray(r[1]));
  await ctx.call('raw SCAN cursor above uint64', () => raw(c, 'SCAN', '18446744073709551616'));
  await ctx.call('raw SCAN COUNT 0', () => raw(c, 'SCAN', '0', 'COUNT', '0'));
  await ctx.call('raw SCAN COUNT -1', () => raw(c, 'SCAN', '0', 'COUNT', '-1'));
  await ctx.call('raw SCAN COUNT abc', () => raw(c, 'SCAN', '0', 'COUNT', 'abc'));
  await ctx.call('raw SCAN MATCH without pattern', () => raw(c, 'SCAN', '0', 'MATCH'));
  await ctx.call('raw SCAN unknown option', () => raw(c, 'SCAN', '0', 'FOO', 'bar'));
  await ctx.call('raw SCAN wrong arity', () => raw(c, 'SCAN'));
  await ctx.call('raw SCAN options lower-case', () => raw(c, 'SCAN', '0', 'match', 'a', 'count', '10', 'type', 'string'));
  await ctx.call('scan COUNT 0 is dropped by the client', () => c.scan('0', { COUNT: 0 }));
});

scenario('RANDOMKEY on empty, single-key and multi-key databases', async (c, ctx) => {
  await ctx.call('randomKey on empty db', () => c.randomKey());
  await ctx.call('set', () => c.set('only', 'v'));
  await ctx.call('randomKey single key', () => c.randomKey());
  await fill(c, ['a', 'b', 'c', 'd']);
  const all = ['a', 'b', 'c', 'd', 'only'];
  for (let i = 0; i < 5; i++) {
    await ctx.shape(`randomKey is one of the keys #${i}`, () => c.randomKey(), (k) => all.includes(k));
  }
  await ctx.call('raw RANDOMKEY with an argument', () => raw(c, 'RANDOMKEY', 'x'));
});

scenario('TOUCH counts existing keys', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2' }));
  await ctx.call('touch one', () => c.touch('a'));
  await ctx.call('touch array with duplicates and missing', () => c.touch(['a', 'b', 'a', 'zz']));
  await ctx.call('touch missing', () => c.touch('zz'));
  await ctx.call('raw TOUCH no keys', () => raw(c, 'TOUCH'));
  await ctx.call('touch does not create', () => c.exists('zz'));
});

scenario('OBJECT ENCODING of int, embstr and raw strings', async (c, ctx) => {
  const values = [['int', '123'], ['negative int', '-42'], ['zero', '0'], ['leading zero', '0123'],
    ['int64 max', '9223372036854775807'], ['above int64', '9223372036854775808'],
    ['float', '1.5'], ['short', 'hello'], ['44 bytes', 'x'.repeat(44)], ['45 bytes', 'x'.repeat(45)],
    ['100 bytes', 'y'.repeat(100)], ['empty', ''], ['space int', ' 1'], ['plus int', '+1'],
    ['20 digits', '12345678901234567890'], ['44-byte number', '1'.repeat(44)]];
  for (const [label, v] of values) {
    await ctx.call(`set ${label}`, () => c.set('k', v));
    await ctx.call(`encoding ${label}`, () => c.objectEncoding('k'));
  }
  await ctx.call('number value', () => c.set('n', 7));
  await ctx.call('encoding of number value', () => c.objectEncoding('n'));
  await ctx.call('missing', () => c.objectEncoding('missing'));
  await ctx.call('raw OBJECT ENCODING', () => raw(c, 'OBJECT', 'ENCODING', 'n'));
  await ctx.call('raw object encoding lower-case', () => raw(c, 'object', 'encoding', 'n'));
  await ctx.call('raw OBJECT ENCODING missing', () => raw(c, 'OBJECT', 'ENCODING', 'missing'));
  await ctx.call('raw OBJECT unknown subcommand', () => raw(c, 'OBJECT', 'FOO', 'n'));
  await ctx.call('raw OBJECT ENCODING wrong arity', () => raw(c, 'OBJECT', 'ENCODING'));
  await ctx.call('raw OBJECT ENCODING two keys', () => raw(c, 'OBJECT', 'ENCODING', 'a', 'b'));
  await ctx.call('raw OBJECT alone', () => raw(c, 'OBJECT'));
});

scenario('OBJECT ENCODING after string commands change the value', async (c, ctx) => {
  const steps = [
    ['incr on missing', () => c.incr('a'), 'a'],
    ['incrBy big', () => c.incrBy('a', 1000000), 'a'],
    ['append to int', () => c.append('a', '7'), 'a'],
    ['append to missing', () => c.append('b', 'xy'), 'b'],
    ['setRange on missing', () => c.setRange('c', 2, 'z'), 'c'],
    ['incrByFloat on missing', () => c.incrByFloat('d', 1.5), 'd'],
    ['incrByFloat to an integer', () => c.incrByFloat('d', 0.5), 'd'],
    ['set then incr', () => c.set('e', '10').then(() => c.incr('e')), 'e'],
    ['getSet int', () => c.getSet('f', '99'), 'f'],
    ['mSet short', () => c.mSet({ g: 'short' }), 'g'],
    ['setEx int', () => c.setEx('h', 100, '77'), 'h'],
    ['setNX long', () => c.setNX('i', 'z'.repeat(50)), 'i'],
    ['copy of an int', () => c.copy('f', 'f2'), 'f2'],
    ['copy of embstr', () => c.copy('g', 'g2'), 'g2'],
    ['rename a raw', () => c.rename('i', 'i2'), 'i2'],
    ['decr big', () => c.set('j', '100000').then(() => c.decr('j')), 'j'],
    ['getEx keeps encoding', () => c.getEx('j', { PERSIST: true }), 'j'],
  ];
  for (const [label, fn, key] of steps) {
    await ctx.call(label, fn);
    await ctx.call(`${label}: value`, () => c.get(key));
    await ctx.call(`${label}: encoding`, () => c.objectEncoding(key));
  }
});

module.exports = g;
