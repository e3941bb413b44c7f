'use strict';
// SETNX SETEX PSETEX MSET MGET MSETNX GETSET GETDEL GETEX.

const { group, raw } = require('../scenario.js');

const g = group('strings: SETNX SETEX PSETEX MSET MGET MSETNX GETSET GETDEL GETEX');
const { scenario } = g;

scenario('SETNX against a missing and an existing key', async (c, ctx) => {
  await ctx.call('setNX missing', () => c.setNX('k', 'v'));
  await ctx.call('setNX existing', () => c.setNX('k', 'w'));
  await ctx.call('get', () => c.get('k'));
  await ctx.call('setNX number value', () => c.setNX('n', 1));
  await ctx.call('get n', () => c.get('n'));
  await ctx.call('raw SETNX', () => raw(c, 'SETNX', 'r', 'x'));
  await ctx.call('raw SETNX wrong arity', () => raw(c, 'SETNX', 'r'));
  await ctx.call('raw SETNX too many args', () => raw(c, 'SETNX', 'r', 'x', 'y'));
  await ctx.call('SETNX keeps an existing TTL', () => c.set('t', '1', { EX: 100 }));
  await ctx.call('setNX on key with TTL', () => c.setNX('t', '2'));
  await ctx.ttl('ttl unchanged', () => c.ttl('t'));
});

scenario('SETEX and PSETEX', async (c, ctx) => {
  await ctx.call('setEx', () => c.setEx('se', 100, 'v'));
  await ctx.ttl('ttl se', () => c.ttl('se'));
  await ctx.call('get se', () => c.get('se'));
  await ctx.call('setEx with string seconds', () => c.setEx('se2', '10', 'v'));
  await ctx.ttl('ttl se2', () => c.ttl('se2'));
  await ctx.call('pSetEx', () => c.pSetEx('pse', 5000, 'v'));
  await ctx.pttl('pttl pse', () => c.pTTL('pse'));
  await ctx.call('setEx 0', () => c.setEx('bad', 0, 'v'));
  await ctx.call('setEx -1', () => c.setEx('bad', -1, 'v'));
  await ctx.call('setEx 1.5', () => c.setEx('bad', 1.5, 'v'));
  await ctx.call('setEx huge', () => c.setEx('bad', 9999999999999999, 'v'));
  await ctx.call('pSetEx 0', () => c.pSetEx('bad', 0, 'v'));
  await ctx.call('pSetEx -10', () => c.pSetEx('bad', -10, 'v'));
  await ctx.call('pSetEx not a number', () => raw(c, 'PSETEX', 'bad', 'ten', 'v'));
  await ctx.call('pSetEx int64 max', () => raw(c, 'PSETEX', 'bad', '9223372036854775807', 'v'));
  await ctx.call('bad was never created', () => c.exists('bad'));
  await ctx.call('raw SETEX wrong arity', () => raw(c, 'SETEX', 'k', '10'));
  await ctx.call('raw PSETEX wrong arity', () => raw(c, 'PSETEX', 'k'));
  await ctx.call('setEx overwrites and sets TTL', () => c.set('o', 'old'));
  await ctx.call('setEx on existing', () => c.setEx('o', 50, 'new'));
  await ctx.call('get o', () => c.get('o'));
  await ctx.ttl('ttl o', () => c.ttl('o'));
  await ctx.call('setEx missing seconds', () => c.setEx('m', undefined, 'v'));
  await ctx.call('setEx missing value', () => c.setEx('m', 10));
});

scenario('MSET, MGET and MSETNX call shapes', async (c, ctx) => {
  await ctx.call('mSet object', () => c.mSet({ m1: 'a', m2: 'b' }));
  await ctx.call('mSet tuples', () => c.mSet([['m3', 'c'], ['m4', 'd']]));
  await ctx.call('mSet flat array', () => c.mSet(['m5', 'e', 'm6', 'f']));
  await ctx.call('mGet several', () => c.mGet(['m1', 'm2', 'missing', 'm6']));
  await ctx.call('mGet single string', () => c.mGet('m1'));
  await ctx.call('mGet same key twice', () => c.mGet(['m1', 'm1']));
  await ctx.call('mGet empty array', () => c.mGet([]));
  await ctx.call('mSet same key twice: last wins', () => c.mSet([['d', '1'], ['d', '2']]));
  await ctx.call('get d', () => c.get('d'));
  await ctx.call('mSet clears a TTL', () => c.set('t', 'x', { EX: 100 }));
  await ctx.call('mSet over t', () => c.mSet({ t: 'y' }));
  await ctx.call('ttl t', () => c.ttl('t'));
  await ctx.call('mSetNX when one exists', () => c.mSetNX({ m1: 'z', mz: 'z' }));
  await ctx.call('mz not created', () => c.exists('mz'));
  await ctx.call('mSetNX when none exist', () => c.mSetNX({ n1: '1', n2: '2' }));
  await ctx.call('mGet n1 n2', () => c.mGet(['n1', 'n2']));
  await ctx.call('mSetNX same new key twice', () => c.mSetNX([['q', '1'], ['q', '2']]));
  await ctx.call('get q', () => c.get('q'));
  await ctx.call('raw MSET odd arguments', () => raw(c, 'MSET', 'a', '1', 'b'));
  await ctx.call('raw MSET no arguments', () => raw(c, 'MSET'));
  await ctx.call('raw MSETNX odd arguments', () => raw(c, 'MSETNX', 'a', '1', 'b'));
  await ctx.call('raw MSETNX key only', () => raw(c, 'MSETNX', 'a'));
  await ctx.call('a was not created', () => c.exists('a'));
  await ctx.call('mSet of a Map', () => c.mSet(new Map([['x', '1']])));
  await ctx.call('mSet with a number value', () => c.mSet({ num: 5 }));
  await ctx.call('raw MGET', () => raw(c, 'MGET', 'm1', 'nope'));
  await ctx.call('raw MGET no keys', () => raw(c, 'MGET'));
});

scenario('GETSET and GETDEL', async (c, ctx) => {
  await ctx.call('getSet on missing', () => c.getSet('k', 'a'));
  await ctx.call('get', () => c.get('k'));
  await ctx.call('getSet on existing', () => c.getSet('k', 'b'));
  await ctx.call('get again', () => c.get('k'));
  await ctx.call('getSet clears the TTL', () => c.set('t', '1', { EX: 100 }));
  await ctx.call('getSet t', () => c.getSet('t', '2'));
  await ctx.call('ttl t', () => c.ttl('t'));
  await ctx.call('getSet number value', () => c.getSet('k', 7));
  await ctx.call('raw GETSET wrong arity', () => raw(c, 'GETSET', 'k'));
  await ctx.call('getDel', () => c.getDel('k'));
  await ctx.call('getDel again', () => c.getDel('k'));
  await ctx.call('exists after getDel', () => c.exists('k'));
  await ctx.call('getDel a key with TTL', () => c.getDel('t'));
  await ctx.call('ttl after getDel', () => c.ttl('t'));
  await ctx.call('raw GETDEL two keys', () => raw(c, 'GETDEL', 'a', 'b'));
});

scenario('GETEX with every option', async (c, ctx) => {
  await ctx.call('create', () => c.set('k', 'v'));
  await ctx.call('getEx EX', () => c.getEx('k', { type: 'EX', value: 100 }));
  await ctx.ttl('ttl EX', () => c.ttl('k'));
  await ctx.call('getEx PX', () => c.getEx('k', { type: 'PX', value: 5000 }));
  await ctx.pttl('pttl PX', () => c.pTTL('k'));
  await ctx.call('getEx EXAT number', () => c.getEx('k', { type: 'EXAT', value: ctx.unix(300) }));
  await ctx.call('expiretime after EXAT', () => c.expireTime('k'));
  await ctx.call('getEx EXAT Date', () => c.getEx('k', { type: 'EXAT', value: new Date(ctx.unix(400) * 1000) }));
  await ctx.call('expiretime after EXAT Date', () => c.expireTime('k'));
  await ctx.call('getEx PXAT', () => c.getEx('k', { type: 'PXAT', value: ctx.unixMs(500000) }));
  await ctx.call('pexpiretime after PXAT', () => c.pExpireTime('k'));
  await ctx.call('getEx PERSIST', () => c.getEx('k', { type: 'PERSIST' }));
  await ctx.call('ttl after PERSIST', () => c.ttl('k'));
  await ctx.call('getEx flat EX', () => c.getEx('k', { EX: 100 }));
  await ctx.ttl('ttl flat EX', () => c.ttl('k'));
  await ctx.call('getEx flat PERSIST', () => c.getEx('k', { PERSIST: true }));
  await ctx.call('ttl flat PERSIST', () => c.ttl('k'));
  await ctx.call('getEx with no options', () => c.getEx('k'));
  await ctx.call('raw GETEX without options keeps TTL', () => c.set('k2', 'v', { EX: 100 }));
  await ctx.call('raw GETEX k2', () => raw(c, 'GETEX', 'k2'));
  await ctx.ttl('ttl k2 kept', () => c.ttl('k2'));
  await ctx.call('getEx missing key', () => c.getEx('missing', { type: 'EX', value: 1 }));
  await ctx.call('missing still missing', () => c.exists('missing'));
  await ctx.call('getEx EX 0', () => c.getEx('k', { type: 'EX', value: 0 }));
  await ctx.call('getEx PX -1', () => c.getEx('k', { type: 'PX', value: -1 }));
  await ctx.call('getEx EX 1.5', () => c.getEx('k', { type: 'EX', value: 1.5 }));
  await ctx.call('getEx huge EX', () => c.getEx('k', { type: 'EX', value: 9999999999999999 }));
  await ctx.call('raw GETEX EX and PX', () => raw(c, 'GETEX', 'k', 'EX', '10', 'PX', '10'));
  await ctx.call('raw GETEX PERSIST and EX', () => raw(c, 'GETEX', 'k', 'PERSIST', 'EX', '10'));
  await ctx.call('raw GETEX EX without value', () => raw(c, 'GETEX', 'k', 'EX'));
  await ctx.call('raw GETEX unknown option', () => raw(c, 'GETEX', 'k', 'KEEPTTL'));
  await ctx.call('raw GETEX persist lower-case', () => raw(c, 'GETEX', 'k', 'persist'));
  await ctx.call('raw GETEX EX twice', () => raw(c, 'GETEX', 'k', 'EX', '10', 'EX', '20'));
  await ctx.ttl('ttl after EX twice', () => c.ttl('k'));
  await ctx.call('raw GETEX EXAT in the past deletes', () => raw(c, 'GETEX', 'k', 'EXAT', '1'));
  await ctx.call('k deleted by GETEX', () => c.exists('k'));
  await ctx.call('raw GETEX no key', () => raw(c, 'GETEX'));
});

module.exports = g;
