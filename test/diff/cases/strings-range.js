'use strict';
// APPEND STRLEN GETRANGE SETRANGE, including the 512 MB size limit.

const { group, raw } = require('../scenario.js');

const g = group('strings: APPEND STRLEN GETRANGE SETRANGE');
const { scenario } = g;

scenario('APPEND and STRLEN', async (c, ctx) => {
  await ctx.call('append to missing', () => c.append('ap', 'hello'));
  await ctx.call('append more', () => c.append('ap', ' world'));
  await ctx.call('get', () => c.get('ap'));
  await ctx.call('strLen', () => c.strLen('ap'));
  await ctx.call('strLen missing', () => c.strLen('missing'));
  await ctx.call('multi-byte value', () => c.set('u', 'héllo✓'));
  await ctx.call('strLen counts bytes', () => c.strLen('u'));
  await ctx.call('append empty string to missing', () => c.append('empty', ''));
  await ctx.call('empty key exists', () => c.exists('empty'));
  await ctx.call('strLen of empty', () => c.strLen('empty'));
  await ctx.call('append to an integer value', () => c.set('i', '12'));
  await ctx.call('append 3', () => c.append('i', '3'));
  await ctx.call('get i', () => c.get('i'));
  await ctx.call('strLen of integer', () => c.strLen('i'));
  await ctx.call('append keeps the TTL', () => c.set('t', 'a', { EX: 100 }));
  await ctx.call('append t', () => c.append('t', 'b'));
  await ctx.ttl('ttl t', () => c.ttl('t'));
  await ctx.call('append number value', () => c.append('t', 5));
  await ctx.call('raw APPEND wrong arity', () => raw(c, 'APPEND', 'ap'));
  await ctx.call('raw STRLEN wrong arity', () => raw(c, 'STRLEN'));
  await ctx.call('raw STRLEN two keys', () => raw(c, 'STRLEN', 'a', 'b'));
});

scenario('GETRANGE with positive, negative and out-of-range indexes', async (c, ctx) => {
  await ctx.call('set', () => c.set('s', 'Hello World'));
  const ranges = [[0, 4], [-5, -1], [0, -1], [0, 0], [5, 3], [-100, 3], [3, 100], [100, 200],
    [-1, -1], [-1, -5], [0, -100], [-100, -100], [11, 11], [10, 10], [-11, -11]];
  for (const [s, e] of ranges) {
    await ctx.call(`getRange ${s} ${e}`, () => c.getRange('s', s, e));
  }
  await ctx.call('getRange on missing', () => c.getRange('missing', 0, 10));
  await ctx.call('getRange on empty string', () => c.set('e', ''));
  await ctx.call('getRange e 0 -1', () => c.getRange('e', 0, -1));
  await ctx.call('getRange e 0 0', () => c.getRange('e', 0, 0));
  await ctx.call('getRange on an integer value', () => c.set('i', 1234));
  await ctx.call('getRange i 1 2', () => c.getRange('i', 1, 2));
  await ctx.call('getRange i -2 -1', () => c.getRange('i', -2, -1));
  await ctx.call('getRange with string indexes', () => c.getRange('s', '0', '2'));
  await ctx.call('raw GETRANGE non-integer start', () => raw(c, 'GETRANGE', 's', 'a', '2'));
  await ctx.call('raw GETRANGE float end', () => raw(c, 'GETRANGE', 's', '0', '1.5'));
  await ctx.call('raw GETRANGE int64 bounds', () => raw(c, 'GETRANGE', 's', '-9223372036854775808', '9223372036854775807'));
  await ctx.call('raw GETRANGE above int64', () => raw(c, 'GETRANGE', 's', '0', '9223372036854775808'));
  await ctx.call('raw GETRANGE wrong arity', () => raw(c, 'GETRANGE', 's', '0'));
  await ctx.call('getRange missing end', () => c.getRange('s', 0));
  await ctx.call('raw SUBSTR alias', () => raw(c, 'SUBSTR', 's', '0', '3'));
});

scenario('SETRANGE writes, pads with zero bytes and keeps the TTL', async (c, ctx) => {
  await ctx.call('set', () => c.set('s', 'Hello World'));
  await ctx.call('setRange inside', () => c.setRange('s', 6, 'Redis'));
  await ctx.call('get', () => c.get('s'));
  await ctx.call('setRange past the end', () => c.setRange('s', 20, '!'));
  await ctx.call('strLen', () => c.strLen('s'));
  await ctx.call('get padded', () => c.get('s'));
  await ctx.call('setRange on missing key', () => c.setRange('sr', 3, 'x'));
  await ctx.call('get sr', () => c.get('sr'));
  await ctx.call('setRange empty value on missing key', () => c.setRange('none', 0, ''));
  await ctx.call('none was not created', () => c.exists('none'));
  await ctx.call('setRange empty value at an offset on missing key', () => c.setRange('none', 100, ''));
  await ctx.call('none still missing', () => c.exists('none'));
  await ctx.call('setRange empty value on existing key', () => c.setRange('s', 100, ''));
  await ctx.call('length unchanged', () => c.strLen('s'));
  await ctx.call('setRange on an integer value', () => c.set('i', '12345'));
  await ctx.call('setRange i', () => c.setRange('i', 1, 'x'));
  await ctx.call('get i', () => c.get('i'));
  await ctx.call('setRange keeps TTL', () => c.set('t', 'abc', { EX: 100 }));
  await ctx.call('setRange t', () => c.setRange('t', 1, 'Z'));
  await ctx.ttl('ttl t', () => c.ttl('t'));
  await ctx.call('setRange with number value', () => c.setRange('t', 0, 9));
  await ctx.call('get t', () => c.get('t'));
});

scenario('SETRANGE offset limits and errors', async (c, ctx) => {
  await ctx.call('create', () => c.set('s', 'abc'));
  await ctx.call('negative offset', () => c.setRange('s', -1, 'x'));
  await ctx.call('negative offset with empty value', () => c.setRange('s', -1, ''));
  await ctx.call('negative offset on missing key', () => c.setRange('m', -1, 'x'));
  await ctx.call('offset 512MB', () => c.setRange('s', 536870912, 'x'));
  await ctx.call('offset 512MB - 1 with two bytes', () => c.setRange('s', 536870911, 'xy'));
  await ctx.call('offset 512MB on missing key', () => c.setRange('m', 536870912, 'x'));
  await ctx.call('huge offset', () => c.setRange('s', 9999999999, 'x'));
  await ctx.call('int64 max offset', () => raw(c, 'SETRANGE', 's', '9223372036854775807', 'x'));
  await ctx.call('offset above int64', () => raw(c, 'SETRANGE', 's', '9223372036854775808', 'x'));
  await ctx.call('huge offset with empty value', () => c.setRange('s', 9999999999, ''));
  await ctx.call('huge offset with empty value on missing key', () => c.setRange('m', 9999999999, ''));
  await ctx.call('non-integer offset', () => raw(c, 'SETRANGE', 's', 'one', 'x'));
  await ctx.call('float offset', () => c.setRange('s', 1.5, 'x'));
  await ctx.call('m was never created', () => c.exists('m'));
  await ctx.call('s unchanged', () => c.get('s'));
  await ctx.call('raw SETRANGE wrong arity', () => raw(c, 'SETRANGE', 's', '1'));
  await ctx.call('setRange missing value', () => c.setRange('s', 1));
});

module.exports = g;
