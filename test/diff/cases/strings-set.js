'use strict';
// GET / SET and its options, through node-redis call shapes and raw argv.

const { group, raw } = require('../scenario.js');

const g = group('strings: GET and SET');
const { scenario } = g;

scenario('GET and SET basics', async (c, ctx) => {
  await ctx.call('get missing', () => c.get('missing'));
  await ctx.call('set s v', () => c.set('s', 'v'));
  await ctx.call('get s', () => c.get('s'));
  await ctx.call('set number value', () => c.set('n', 42));
  await ctx.call('get n', () => c.get('n'));
  await ctx.call('set negative float value', () => c.set('f', -1.5));
  await ctx.call('get f', () => c.get('f'));
  await ctx.call('set empty string', () => c.set('e', ''));
  await ctx.call('get e', () => c.get('e'));
  await ctx.call('overwrite', () => c.set('s', 'w'));
  await ctx.call('get s again', () => c.get('s'));
  await ctx.call('unicode value', () => c.set('u', 'héllo✓'));
  await ctx.call('get unicode', () => c.get('u'));
  await ctx.call('raw SET', () => raw(c, 'SET', 'r', 'x'));
  await ctx.call('raw GET', () => raw(c, 'GET', 'r'));
  await ctx.call('raw lower-case command name', () => raw(c, 'set', 'r2', 'y'));
  await ctx.call('raw mixed-case command name', () => raw(c, 'GeT', 'r2'));
  await ctx.call('raw GET missing', () => raw(c, 'GET', 'nope'));
  await ctx.call('upper-case method alias', () => c.SET('up', '1'));
  await ctx.call('upper-case GET alias', () => c.GET('up'));
});

scenario('SET and GET wrong number of arguments', async (c, ctx) => {
  await ctx.call('raw GET without key', () => raw(c, 'GET'));
  await ctx.call('raw GET with two keys', () => raw(c, 'GET', 'a', 'b'));
  await ctx.call('raw SET without value', () => raw(c, 'SET', 'k'));
  await ctx.call('raw SET without anything', () => raw(c, 'SET'));
  await ctx.call('nothing was created', () => c.exists('k'));
});

scenario('SET with NX when key is missing and when it exists', async (c, ctx) => {
  await ctx.call('NX on missing key', () => c.set('k', 'a', { condition: 'NX' }));
  await ctx.call('get', () => c.get('k'));
  await ctx.call('NX on existing key', () => c.set('k', 'b', { condition: 'NX' }));
  await ctx.call('value unchanged', () => c.get('k'));
  await ctx.call('flat NX on existing key', () => c.set('k', 'c', { NX: true }));
  await ctx.call('raw NX lower-case', () => raw(c, 'SET', 'k2', 'x', 'nx'));
  await ctx.call('raw NX again', () => raw(c, 'SET', 'k2', 'y', 'NX'));
  await ctx.call('get k2', () => c.get('k2'));
});

scenario('SET with XX when key is missing and when it exists', async (c, ctx) => {
  await ctx.call('XX on missing key', () => c.set('k', 'a', { condition: 'XX' }));
  await ctx.call('still missing', () => c.get('k'));
  await ctx.call('create', () => c.set('k', 'a'));
  await ctx.call('XX on existing key', () => c.set('k', 'b', { condition: 'XX' }));
  await ctx.call('value replaced', () => c.get('k'));
  await ctx.call('flat XX', () => c.set('k', 'c', { XX: true }));
  await ctx.call('get', () => c.get('k'));
  await ctx.call('raw XX on missing', () => raw(c, 'SET', 'zz', '1', 'XX'));
  await ctx.call('exists zz', () => c.exists('zz'));
});

scenario('SET with GET returns the old value', async (c, ctx) => {
  await ctx.call('GET on missing key', () => c.set('k', 'a', { GET: true }));
  await ctx.call('key was set', () => c.get('k'));
  await ctx.call('GET on existing key', () => c.set('k', 'b', { GET: true }));
  await ctx.call('new value', () => c.get('k'));
  await ctx.call('raw SET GET', () => raw(c, 'SET', 'k', 'c', 'GET'));
  await ctx.call('raw SET get lower-case', () => raw(c, 'SET', 'k', 'd', 'get'));
  await ctx.call('raw SET GET GET', () => raw(c, 'SET', 'k', 'e', 'GET', 'GET'));
  await ctx.call('value after double GET', () => c.get('k'));
});

scenario('SET with NX and GET when key exists', async (c, ctx) => {
  await ctx.call('create', () => c.set('k', 'old'));
  await ctx.call('NX GET', () => c.set('k', 'new', { condition: 'NX', GET: true }));
  await ctx.call('value unchanged', () => c.get('k'));
  await ctx.call('raw NX GET', () => raw(c, 'SET', 'k', 'new2', 'NX', 'GET'));
  await ctx.call('raw GET NX (other order)', () => raw(c, 'SET', 'k', 'new3', 'GET', 'NX'));
  await ctx.call('still old', () => c.get('k'));
});

scenario('SET with NX and GET when key is missing', async (c, ctx) => {
  await ctx.call('NX GET', () => c.set('k', 'v', { condition: 'NX', GET: true }));
  await ctx.call('key was set', () => c.get('k'));
});

scenario('SET with XX and GET', async (c, ctx) => {
  await ctx.call('XX GET on missing', () => c.set('k', 'v', { condition: 'XX', GET: true }));
  await ctx.call('still missing', () => c.exists('k'));
  await ctx.call('create', () => c.set('k', 'a'));
  await ctx.call('XX GET on existing', () => c.set('k', 'b', { condition: 'XX', GET: true }));
  await ctx.call('value replaced', () => c.get('k'));
});

scenario('SET with EX, PX, EXAT and PXAT sets a TTL', async (c, ctx) => {
  await ctx.call('EX 100', () => c.set('ex', '1', { expiration: { type: 'EX', value: 100 } }));
  await ctx.ttl('ttl ex', () => c.ttl('ex'));
  await ctx.pttl('pttl ex', () => c.pTTL('ex'));
  await ctx.call('PX 50000', () => c.set('px', '1', { expiration: { type: 'PX', value: 50000 } }));
  await ctx.ttl('ttl px', () => c.ttl('px'));
  await ctx.pttl('pttl px', () => c.pTTL('px'));
  await ctx.call('EXAT now+200', () => c.set('exat', '1', { expiration: { type: 'EXAT', value: ctx.unix(200) } }));
  await ctx.ttl('ttl exat', () => c.ttl('exat'), 2);
  await ctx.call('expiretime exat is exact', () => c.expireTime('exat'));
  await ctx.call('PXAT now+300000', () => c.set('pxat', '1', { expiration: { type: 'PXAT', value: ctx.unixMs(300000) } }));
  await ctx.call('pexpiretime pxat is exact', () => c.pExpireTime('pxat'));
  await ctx.pttl('pttl pxat', () => c.pTTL('pxat'));
  await ctx.call('flat EX', () => c.set('fex', '1', { EX: 100 }));
  await ctx.ttl('ttl fex', () => c.ttl('fex'));
  await ctx.call('flat PX', () => c.set('fpx', '1', { PX: 5000 }));
  await ctx.pttl('pttl fpx', () => c.pTTL('fpx'));
  await ctx.call('flat EXAT', () => c.set('fexat', '1', { EXAT: ctx.unix(500) }));
  await ctx.call('expiretime fexat', () => c.expireTime('fexat'));
  await ctx.call('flat PXAT', () => c.set('fpxat', '1', { PXAT: ctx.unixMs(600000) }));
  await ctx.call('pexpiretime fpxat', () => c.pExpireTime('fpxat'));
  await ctx.call('raw ex lower-case', () => raw(c, 'SET', 'rex', '1', 'ex', '77'));
  await ctx.ttl('ttl rex', () => c.ttl('rex'));
  await ctx.call('EX as a string', () => c.set('sex', '1', { expiration: { type: 'EX', value: '10' } }));
  await ctx.ttl('ttl sex', () => c.ttl('sex'));
  await ctx.call('EX with NX on missing', () => c.set('nxex', 'v', { condition: 'NX', expiration: { type: 'EX', value: 10 } }));
  await ctx.ttl('ttl nxex', () => c.ttl('nxex'));
  await ctx.call('EX with NX on existing keeps old TTL', () => c.set('nxex', 'w', { condition: 'NX', expiration: { type: 'EX', value: 1000 } }));
  await ctx.ttl('ttl nxex unchanged', () => c.ttl('nxex'));
  await ctx.call('XX with PX and GET', () => c.set('nxex', 'z', { condition: 'XX', GET: true, expiration: { type: 'PX', value: 70000 } }));
  await ctx.pttl('pttl after XX PX', () => c.pTTL('nxex'));
});

scenario('SET with KEEPTTL keeps the TTL and plain SET clears it', async (c, ctx) => {
  await ctx.call('set with EX', () => c.set('k', '1', { EX: 100 }));
  await ctx.call('KEEPTTL string', () => c.set('k', '2', { expiration: 'KEEPTTL' }));
  await ctx.ttl('ttl kept', () => c.ttl('k'));
  await ctx.call('KEEPTTL object', () => c.set('k', '3', { expiration: { type: 'KEEPTTL' } }));
  await ctx.ttl('ttl kept again', () => c.ttl('k'));
  await ctx.call('flat KEEPTTL', () => c.set('k', '4', { KEEPTTL: true }));
  await ctx.ttl('ttl kept a third time', () => c.ttl('k'));
  await ctx.call('raw keepttl with GET', () => raw(c, 'SET', 'k', '5', 'keepttl', 'GET'));
  await ctx.ttl('ttl kept by raw', () => c.ttl('k'));
  await ctx.call('get', () => c.get('k'));
  await ctx.call('plain SET', () => c.set('k', '6'));
  await ctx.call('ttl cleared', () => c.ttl('k'));
  await ctx.call('KEEPTTL on a key without TTL', () => c.set('k', '7', { KEEPTTL: true }));
  await ctx.call('still no ttl', () => c.ttl('k'));
  await ctx.call('KEEPTTL on a missing key', () => c.set('new', '1', { KEEPTTL: true }));
  await ctx.call('no ttl on new key', () => c.ttl('new'));
  await ctx.call('SET GET clears the TTL', () => c.set('t', '1', { EX: 100 }));
  await ctx.call('SET GET', () => c.set('t', '2', { GET: true }));
  await ctx.call('ttl after SET GET', () => c.ttl('t'));
});

scenario('SET with invalid expire times', async (c, ctx) => {
  await ctx.call('EX 0', () => c.set('k', 'v', { EX: 0 }));
  await ctx.call('EX -5', () => c.set('k', 'v', { EX: -5 }));
  await ctx.call('PX 0', () => c.set('k', 'v', { PX: 0 }));
  await ctx.call('PX -1', () => c.set('k', 'v', { PX: -1 }));
  await ctx.call('EXAT 0', () => c.set('k', 'v', { EXAT: 0 }));
  await ctx.call('PXAT -1', () => c.set('k', 'v', { PXAT: -1 }));
  await ctx.call('EX 1.5', () => c.set('k', 'v', { expiration: { type: 'EX', value: 1.5 } }));
  await ctx.call('EX abc', () => raw(c, 'SET', 'k', 'v', 'EX', 'abc'));
  await ctx.call('EX empty string', () => raw(c, 'SET', 'k', 'v', 'EX', ''));
  await ctx.call('EX with a space', () => raw(c, 'SET', 'k', 'v', 'EX', ' 10'));
  await ctx.call('EX +10', () => raw(c, 'SET', 'k', 'v', 'EX', '+10'));
  await ctx.call('huge EX', () => c.set('k', 'v', { EX: 9999999999999999 }));
  await ctx.call('EX just past the ms overflow', () => raw(c, 'SET', 'k', 'v', 'EX', '9223372036854776'));
  await ctx.call('EX int64 max', () => raw(c, 'SET', 'k', 'v', 'EX', '9223372036854775807'));
  await ctx.call('EX above int64', () => raw(c, 'SET', 'k', 'v', 'EX', '9223372036854775808'));
  await ctx.call('PX int64 max', () => raw(c, 'SET', 'k', 'v', 'PX', '9223372036854775807'));
  await ctx.call('EX with a Date value', () => c.set('k', 'v', { expiration: { type: 'EX', value: new Date(0) } }));
  await ctx.call('nothing was set', () => c.exists('k'));
  await ctx.call('EXAT huge is accepted', () => raw(c, 'SET', 'far', 'v', 'EXAT', '9223372036854775'));
  await ctx.call('expiretime of EXAT huge', () => c.expireTime('far'));
  await ctx.call('PXAT int64 max is accepted', () => raw(c, 'SET', 'far2', 'v', 'PXAT', '9223372036854775807'));
  await ctx.call('pexpiretime of PXAT int64 max', () => c.pExpireTime('far2'));
  await ctx.call('EXAT just past the ms overflow', () => raw(c, 'SET', 'far3', 'v', 'EXAT', '9223372036854776'));
  await ctx.call('create k', () => c.set('k', 'v'));
  await ctx.call('EX 0 on existing key', () => raw(c, 'SET', 'k', 'w', 'EX', '0'));
  await ctx.call('value unchanged', () => c.get('k'));
  await ctx.call('EX 0 with GET', () => raw(c, 'SET', 'k', 'w', 'GET', 'EX', '0'));
  await ctx.call('value still unchanged', () => c.get('k'));
  await ctx.call('EXAT in the past', () => raw(c, 'SET', 'past', 'v', 'EXAT', '1'));
  await ctx.call('key set in the past is gone', () => c.get('past'));
  await ctx.call('PXAT in the past', () => raw(c, 'SET', 'past2', 'v', 'PXAT', '1000'));
  await ctx.call('exists past2', () => c.exists('past2'));
  await ctx.call('PXAT in the past over an existing key', () => raw(c, 'SET', 'k', 'z', 'PXAT', '1000', 'GET'));
  await ctx.call('existing key is gone', () => c.exists('k'));
});

scenario('SET syntax errors', async (c, ctx) => {
  const bad = [
    ['NX and XX', ['NX', 'XX']],
    ['XX and NX', ['XX', 'NX']],
    ['EX without value', ['EX']],
    ['EX and PX', ['EX', '10', 'PX', '100']],
    ['EX and KEEPTTL', ['EX', '10', 'KEEPTTL']],
    ['KEEPTTL and PX', ['KEEPTTL', 'PX', '10']],
    ['EXAT and PXAT', ['EXAT', '10', 'PXAT', '10']],
    ['unknown option', ['BADOPT']],
    ['value after option', ['NX', 'extra']],
    ['EX EX', ['EX', 'EX']],
    ['PERSIST is not a SET option', ['PERSIST']],
    ['IFEQ is unknown to 7.0', ['IFEQ', 'x']],
  ];
  for (const [label, opts] of bad) {
    await ctx.call(label, () => raw(c, 'SET', 'k', 'v', ...opts));
  }
  await ctx.call('nothing was set', () => c.exists('k'));
  await ctx.call('repeated EX is accepted', () => raw(c, 'SET', 'dup', 'v', 'EX', '10', 'EX', '20'));
  await ctx.ttl('the last EX wins', () => c.ttl('dup'));
  await ctx.call('repeated NX is accepted', () => raw(c, 'SET', 'dup', 'v', 'NX', 'NX'));
  await ctx.call('repeated KEEPTTL is accepted', () => raw(c, 'SET', 'dup', 'w', 'KEEPTTL', 'KEEPTTL'));
  await ctx.ttl('TTL kept', () => c.ttl('dup'));
  await ctx.call('repeated XX with GET', () => raw(c, 'SET', 'dup', 'x', 'XX', 'GET', 'XX'));
  await ctx.call('syntax error on existing key', () => c.set('k', 'old'));
  await ctx.call('NX XX on existing', () => raw(c, 'SET', 'k', 'new', 'NX', 'XX'));
  await ctx.call('unchanged', () => c.get('k'));
  await ctx.call('node-redis condition IFEQ', () => c.set('k', 'new', { condition: 'IFEQ', matchValue: 'old' }));
  await ctx.call('unchanged after IFEQ', () => c.get('k'));
});

scenario('SET with the deprecated flat options and v3 arguments', async (c, ctx) => {
  await ctx.call('NX with EX', () => c.set('f2', 'v', { NX: true, EX: 50 }));
  await ctx.ttl('ttl', () => c.ttl('f2'));
  await ctx.call('EX and PX: PX dropped by the client', () => c.set('f4', 'v', { EX: 10, PX: 1000 }));
  await ctx.ttl('ttl f4', () => c.ttl('f4'));
  await ctx.call('NX and XX: XX dropped by the client', () => c.set('f4', 'v', { NX: true, XX: true }));
  await ctx.call('EX undefined', () => c.set('f5', 'v', { EX: undefined }));
  await ctx.call('ttl f5', () => c.ttl('f5'));
  await ctx.call('empty options', () => c.set('f6', 'v', {}));
  await ctx.call('v3 style EX is ignored', () => c.set('v3', 'v', 'EX', 10));
  await ctx.call('ttl v3', () => c.ttl('v3'));
  await ctx.call('condition and NX', () => c.set('f7', 'v', { condition: 'NX', NX: true }));
  await ctx.call('GET false', () => c.set('f7', 'w', { GET: false }));
  await ctx.call('get f7', () => c.get('f7'));
});

module.exports = g;
