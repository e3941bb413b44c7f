'use strict';
// EXPIRE PEXPIRE EXPIREAT PEXPIREAT (NX XX GT LT), TTL PTTL EXPIRETIME
// PEXPIRETIME PERSIST, and lazy / active expiry.

const { group, raw } = require('../scenario.js');

const g = group('keys: expiry');
const { scenario } = g;

scenario('TTL and PTTL of missing keys and keys without expiry', async (c, ctx) => {
  await ctx.call('ttl missing', () => c.ttl('t'));
  await ctx.call('pTTL missing', () => c.pTTL('t'));
  await ctx.call('expireTime missing', () => c.expireTime('t'));
  await ctx.call('pExpireTime missing', () => c.pExpireTime('t'));
  await ctx.call('set', () => c.set('t', 'v'));
  await ctx.call('ttl no expiry', () => c.ttl('t'));
  await ctx.call('pTTL no expiry', () => c.pTTL('t'));
  await ctx.call('expireTime no expiry', () => c.expireTime('t'));
  await ctx.call('pExpireTime no expiry', () => c.pExpireTime('t'));
  await ctx.call('raw TTL wrong arity', () => raw(c, 'TTL'));
  await ctx.call('raw PTTL two keys', () => raw(c, 'PTTL', 'a', 'b'));
  await ctx.call('raw EXPIRETIME wrong arity', () => raw(c, 'EXPIRETIME'));
});

scenario('EXPIRE and PEXPIRE set and replace the TTL', async (c, ctx) => {
  await ctx.call('set', () => c.set('t', 'v'));
  await ctx.call('expire 100', () => c.expire('t', 100));
  await ctx.ttl('ttl', () => c.ttl('t'));
  await ctx.call('expire on missing', () => c.expire('missing', 100));
  await ctx.call('expire string seconds', () => c.expire('t', '20'));
  await ctx.ttl('ttl 20', () => c.ttl('t'));
  await ctx.call('pExpire', () => c.pExpire('t', 20000));
  await ctx.pttl('pttl', () => c.pTTL('t'));
  await ctx.ttl('ttl rounds', () => c.ttl('t'));
  await ctx.call('pExpire 1500 ms', () => c.pExpire('t', 1500));
  await ctx.ttl('ttl of 1500 ms', () => c.ttl('t'));
  await ctx.call('expire 1.5', () => c.expire('t', 1.5));
  await ctx.call('expire abc', () => raw(c, 'EXPIRE', 't', 'abc'));
  await ctx.call('expire huge', () => c.expire('t', 9999999999999999));
  await ctx.call('expire just past the ms overflow', () => raw(c, 'EXPIRE', 't', '9223372036854776'));
  await ctx.call('expire int64 max', () => raw(c, 'EXPIRE', 't', '9223372036854775807'));
  await ctx.call('pExpire int64 max', () => raw(c, 'PEXPIRE', 't', '9223372036854775807'));
  await ctx.call('expire int64 min', () => raw(c, 'EXPIRE', 't', '-9223372036854775808'));
  await ctx.call('still there after errors', () => c.exists('t'));
  await ctx.call('expire missing seconds', () => c.expire('t'));
  await ctx.call('expire mode as object', () => c.expire('t', 10, { mode: 'NX' }));
  await ctx.call('raw EXPIRE wrong arity', () => raw(c, 'EXPIRE', 't'));
  await ctx.call('raw EXPIRE unknown flag', () => raw(c, 'EXPIRE', 't', '10', 'FOO'));
  await ctx.call('raw EXPIRE flag lower-case', () => raw(c, 'EXPIRE', 't', '10', 'xx'));
  await ctx.ttl('ttl after xx', () => c.ttl('t'));
  await ctx.call('pExpire int64 min is accepted and deletes', () => raw(c, 'PEXPIRE', 't', '-9223372036854775808'));
  await ctx.call('t gone', () => c.exists('t'));
});

scenario('EXPIRE with zero or negative time deletes the key', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2', d: '4', e: '5', f: '6' }));
  await ctx.call('expire 0', () => c.expire('a', 0));
  await ctx.call('a gone', () => c.exists('a'));
  await ctx.call('expire -1', () => c.expire('b', -1));
  await ctx.call('b gone', () => c.get('b'));
  await ctx.call('pExpire 0', () => c.pExpire('d', 0));
  await ctx.call('d gone', () => c.exists('d'));
  await ctx.call('expireAt in the past', () => c.expireAt('e', 1));
  await ctx.call('e gone', () => c.exists('e'));
  await ctx.call('pExpireAt 0', () => c.pExpireAt('f', 0));
  await ctx.call('f gone', () => c.exists('f'));
  await ctx.call('expire 0 on missing', () => c.expire('nope', 0));
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('negative with NX on a key without TTL', () => c.set('g', '1'));
  await ctx.call('expire g -1 NX', () => c.expire('g', -1, 'NX'));
  await ctx.call('g gone', () => c.exists('g'));
  await ctx.call('negative with XX on a key without TTL', () => c.set('h', '1'));
  await ctx.call('expire h -1 XX', () => c.expire('h', -1, 'XX'));
  await ctx.call('h still there', () => c.exists('h'));
  await ctx.call('negative with GT on a key without TTL', () => c.expire('h', -1, 'GT'));
  await ctx.call('h still there after GT', () => c.exists('h'));
  await ctx.call('negative with LT on a key without TTL', () => c.expire('h', -1, 'LT'));
  await ctx.call('h gone after LT', () => c.exists('h'));
});

scenario('EXPIRE with NX, XX, GT and LT', async (c, ctx) => {
  await ctx.call('set', () => c.set('t', 'v'));
  await ctx.call('XX without TTL', () => c.expire('t', 50, 'XX'));
  await ctx.call('GT without TTL', () => c.expire('t', 50, 'GT'));
  await ctx.call('ttl still -1', () => c.ttl('t'));
  await ctx.call('LT without TTL', () => c.expire('t', 500, 'LT'));
  await ctx.ttl('ttl after LT', () => c.ttl('t'));
  await ctx.call('NX with TTL', () => c.expire('t', 50, 'NX'));
  await ctx.call('XX with TTL', () => c.expire('t', 50, 'XX'));
  await ctx.ttl('ttl 50', () => c.ttl('t'));
  await ctx.call('GT smaller', () => c.expire('t', 10, 'GT'));
  await ctx.call('GT larger', () => c.expire('t', 100, 'GT'));
  await ctx.call('LT larger', () => c.expire('t', 1000, 'LT'));
  await ctx.call('LT smaller', () => c.expire('t', 10, 'LT'));
  await ctx.ttl('ttl 10', () => c.ttl('t'));
  await ctx.call('NX on missing', () => c.expire('missing', 10, 'NX'));
  await ctx.call('persist', () => c.persist('t'));
  await ctx.call('NX without TTL', () => c.expire('t', 70, 'NX'));
  await ctx.ttl('ttl 70', () => c.ttl('t'));
  await ctx.call('pExpire GT', () => c.pExpire('t', 80000, 'GT'));
  await ctx.pttl('pttl 80000', () => c.pTTL('t'));
  await ctx.call('pExpire LT', () => c.pExpire('t', 90000, 'LT'));
  await ctx.call('expireAt GT', () => c.expireAt('t', ctx.unix(1000), 'GT'));
  await ctx.call('expireTime after expireAt GT', () => c.expireTime('t'));
  await ctx.call('pExpireAt LT', () => c.pExpireAt('t', ctx.unixMs(500000), 'LT'));
  await ctx.call('pExpireTime after pExpireAt LT', () => c.pExpireTime('t'));
  await ctx.call('expireAt NX', () => c.expireAt('t', ctx.unix(10), 'NX'));
  await ctx.call('pExpireAt XX', () => c.pExpireAt('t', ctx.unixMs(600000), 'XX'));
  await ctx.call('pExpireTime after XX', () => c.pExpireTime('t'));
});

scenario('EXPIRE incompatible options', async (c, ctx) => {
  await ctx.call('set', () => c.set('t', 'v'));
  const combos = [['NX', 'XX'], ['XX', 'NX'], ['NX', 'GT'], ['NX', 'LT'], ['GT', 'LT'], ['LT', 'GT'],
    ['XX', 'GT', 'LT'], ['NX', 'XX', 'GT', 'LT']];
  for (const combo of combos) {
    await ctx.call(`EXPIRE ${combo.join(' ')}`, () => raw(c, 'EXPIRE', 't', '100', ...combo));
    await ctx.call(`PEXPIRE ${combo.join(' ')}`, () => raw(c, 'PEXPIRE', 't', '100000', ...combo));
    await ctx.call(`EXPIREAT ${combo.join(' ')}`, () => raw(c, 'EXPIREAT', 't', String(ctx.unix(100)), ...combo));
    await ctx.call(`PEXPIREAT ${combo.join(' ')}`, () => raw(c, 'PEXPIREAT', 't', String(ctx.unixMs(100000)), ...combo));
  }
  await ctx.call('incompatible options with invalid time', () => raw(c, 'EXPIRE', 't', 'abc', 'NX', 'XX'));
  await ctx.call('incompatible options on missing key', () => raw(c, 'EXPIRE', 'missing', '10', 'NX', 'XX'));
  await ctx.call('unknown option after a valid one', () => raw(c, 'EXPIRE', 't', '10', 'NX', 'FOO'));
  await ctx.call('ttl after all that', () => c.ttl('t'));
});

scenario('EXPIRE with repeated or combined compatible options', async (c, ctx) => {
  // Every call starts from a 100 s TTL and asks for a clearly larger one, so
  // GT/LT comparisons never race the clock.
  const combos = [['NX', 'NX'], ['XX', 'XX'], ['XX', 'GT'], ['GT', 'XX'], ['GT', 'GT'], ['XX', 'LT'],
    ['LT', 'LT'], ['gt'], ['Lt']];
  const cmds = [['EXPIRE', () => '200'], ['PEXPIRE', () => '300000'],
    ['EXPIREAT', () => String(ctx.unix(400))], ['PEXPIREAT', () => String(ctx.unixMs(500000))]];
  for (const combo of combos) {
    for (const [name, time] of cmds) {
      await c.set('t', 'v', { EX: 100 });
      await ctx.call(`${name} ${combo.join(' ')}`, () => raw(c, name, 't', time(), ...combo));
      await ctx.ttl(`ttl after ${name} ${combo.join(' ')}`, () => c.ttl('t'), 2);
    }
  }
  await c.persist('t');
  for (const combo of combos) {
    await ctx.call(`EXPIRE ${combo.join(' ')} without TTL`, () => raw(c, 'EXPIRE', 't', '100', ...combo));
    await ctx.ttl(`ttl after ${combo.join(' ')} without TTL`, () => c.ttl('t'));
    await c.persist('t');
  }
});

scenario('EXPIREAT and PEXPIREAT with numbers and Dates', async (c, ctx) => {
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2', d: '3', e: '4' }));
  await ctx.call('expireAt number', () => c.expireAt('a', ctx.unix(100)));
  await ctx.call('expireTime a', () => c.expireTime('a'));
  await ctx.ttl('ttl a', () => c.ttl('a'), 2);
  await ctx.call('expireAt Date', () => c.expireAt('b', new Date((ctx.unix(200)) * 1000)));
  await ctx.call('expireTime b', () => c.expireTime('b'));
  await ctx.call('pExpireAt number', () => c.pExpireAt('d', ctx.unixMs(300000)));
  await ctx.call('pExpireTime d', () => c.pExpireTime('d'));
  await ctx.call('expireTime d in seconds', () => c.expireTime('d'));
  await ctx.call('pExpireAt Date', () => c.pExpireAt('e', new Date(ctx.unixMs(400000))));
  await ctx.call('pExpireTime e', () => c.pExpireTime('e'));
  await ctx.call('expireAt missing', () => c.expireAt('missing', ctx.unix(100)));
  await ctx.call('expireAt huge', () => raw(c, 'EXPIREAT', 'a', '9999999999999999'));
  await ctx.call('expireAt just past the ms overflow', () => raw(c, 'EXPIREAT', 'a', '9223372036854776'));
  await ctx.call('expireAt largest accepted', () => raw(c, 'EXPIREAT', 'a', '9223372036854775'));
  await ctx.call('expireTime after largest', () => c.expireTime('a'));
  await ctx.call('pExpireAt int64 max', () => raw(c, 'PEXPIREAT', 'b', '9223372036854775807'));
  await ctx.call('pExpireTime after int64 max', () => c.pExpireTime('b'));
  await ctx.ttl('ttl after int64 max', () => c.ttl('b'), 2);
  await ctx.call('expireAt not a number', () => raw(c, 'EXPIREAT', 'a', 'soon'));
  await ctx.call('expireAt float', () => c.expireAt('a', 1.5));
  await ctx.call('raw EXPIREAT wrong arity', () => raw(c, 'EXPIREAT', 'a'));
  await ctx.call('raw PEXPIREAT wrong arity', () => raw(c, 'PEXPIREAT'));
});

scenario('PERSIST removes the TTL', async (c, ctx) => {
  await ctx.call('set with TTL', () => c.set('t', 'v', { EX: 100 }));
  await ctx.call('persist', () => c.persist('t'));
  await ctx.call('ttl -1', () => c.ttl('t'));
  await ctx.call('persist again', () => c.persist('t'));
  await ctx.call('persist missing', () => c.persist('missing'));
  await ctx.call('raw PERSIST wrong arity', () => raw(c, 'PERSIST'));
  await ctx.call('value survives', () => c.get('t'));
});

scenario('Keys with PX 50 are expired when read after 120 ms (lazy expiry)', async (c, ctx) => {
  await ctx.call('set a PX 50', () => c.set('a', 'v', { PX: 50 }));
  await ctx.call('set b PX 50', () => c.set('b', 'v', { PX: 50 }));
  await ctx.call('pSetEx c 50', () => c.pSetEx('c', 50, 'v'));
  await ctx.call('set d PX 50', () => c.set('d', '5', { PX: 50 }));
  await ctx.call('set e PX 50', () => c.set('e', 'v', { PX: 50 }));
  await ctx.call('set f PX 50', () => c.set('f', 'v', { PX: 50 }));
  await ctx.call('set g PX 50', () => c.set('g', 'v', { PX: 50 }));
  await ctx.call('set keep', () => c.set('keep', 'v'));
  await ctx.call('get a before expiry', () => c.get('a'));
  await ctx.sleep(120);
  await ctx.call('get a', () => c.get('a'));
  await ctx.call('exists b', () => c.exists('b'));
  await ctx.call('ttl c', () => c.ttl('c'));
  await ctx.call('incr d starts over', () => c.incr('d'));
  await ctx.call('ttl d after incr', () => c.ttl('d'));
  await ctx.call('setNX e succeeds', () => c.setNX('e', 'new'));
  await ctx.call('rename f fails', () => c.rename('f', 'f2'));
  await ctx.call('append g starts over', () => c.append('g', 'xy'));
  await ctx.sorted('keys *', () => c.keys('*'));
  await ctx.call('dbSize', () => c.dbSize());
});

scenario('An expired key disappears from DBSIZE without being touched (active expiry)', async (c, ctx) => {
  for (let i = 0; i < 12; i++) {
    await c.set(`short:${i}`, 'v', { PX: 20 + i });
  }
  await ctx.call('set a persistent key', () => c.set('keep', 'v'));
  await ctx.call('set a long TTL key', () => c.set('long', 'v', { EX: 100 }));
  await ctx.sleep(450);
  await ctx.call('dbSize after active expiry', () => c.dbSize());
  await ctx.scanAll('scan after active expiry', c);
});

module.exports = g;
