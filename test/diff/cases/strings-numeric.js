'use strict';
// INCR INCRBY DECR DECRBY INCRBYFLOAT: parsing, overflow, float formatting.

const { group, raw } = require('../scenario.js');

const g = group('strings: INCR DECR INCRBY DECRBY INCRBYFLOAT');
const { scenario } = g;

scenario('INCR, INCRBY, DECR and DECRBY basics', async (c, ctx) => {
  await ctx.call('incr missing', () => c.incr('cnt'));
  await ctx.call('incrBy 10', () => c.incrBy('cnt', 10));
  await ctx.call('incrBy string 5', () => c.incrBy('cnt', '5'));
  await ctx.call('decr', () => c.decr('cnt'));
  await ctx.call('decrBy 3', () => c.decrBy('cnt', 3));
  await ctx.call('decrBy negative', () => c.decrBy('cnt', -100));
  await ctx.call('incrBy negative', () => c.incrBy('cnt', -200));
  await ctx.call('get', () => c.get('cnt'));
  await ctx.call('decr missing', () => c.decr('d'));
  await ctx.call('decrBy missing', () => c.decrBy('d2', 7));
  await ctx.call('incrBy 0', () => c.incrBy('z', 0));
  await ctx.call('get z', () => c.get('z'));
  await ctx.call('incr keeps the TTL', () => c.set('t', '5', { EX: 100 }));
  await ctx.call('incr t', () => c.incr('t'));
  await ctx.ttl('ttl t', () => c.ttl('t'));
  await ctx.call('raw INCR', () => raw(c, 'INCR', 'r'));
  await ctx.call('raw INCRBY', () => raw(c, 'INCRBY', 'r', '41'));
  await ctx.call('raw INCR wrong arity', () => raw(c, 'INCR'));
  await ctx.call('raw INCRBY wrong arity', () => raw(c, 'INCRBY', 'r'));
  await ctx.call('raw DECRBY too many', () => raw(c, 'DECRBY', 'r', '1', '2'));
  await ctx.call('incrBy missing increment', () => c.incrBy('r'));
});

scenario('INCR against values that are not integers', async (c, ctx) => {
  const values = ['v', ' 1', '1 ', '01', '+1', '1.0', '1e3', '', '-0', '0x10', '-',
    '9223372036854775808', '-9223372036854775809', '12345678901234567890', '1\u0000'];
  for (const v of values) {
    await ctx.call(`set ${JSON.stringify(v)}`, () => c.set('k', v));
    await ctx.call(`incr ${JSON.stringify(v)}`, () => c.incr('k'));
    await ctx.call(`value after incr of ${JSON.stringify(v)}`, () => c.get('k'));
  }
  await ctx.call('incrBy float increment', () => c.incrBy('n', 1.5));
  await ctx.call('incrBy non-integer increment', () => raw(c, 'INCRBY', 'n', 'abc'));
  await ctx.call('decrBy float increment', () => c.decrBy('n', 0.5));
  await ctx.call('incrBy increment with spaces', () => raw(c, 'INCRBY', 'n', ' 1'));
  await ctx.call('n never created', () => c.exists('n'));
});

scenario('INCR and DECR overflow', async (c, ctx) => {
  await ctx.call('set max', () => c.set('max', '9223372036854775807'));
  await ctx.call('incr max', () => c.incr('max'));
  await ctx.call('incrBy max 1', () => c.incrBy('max', 1));
  await ctx.call('incrBy max 0', () => c.incrBy('max', 0));
  await ctx.call('decr max', () => c.decr('max'));
  await ctx.call('set min', () => c.set('min', '-9223372036854775808'));
  await ctx.call('decr min', () => c.decr('min'));
  await ctx.call('decrBy min 1', () => c.decrBy('min', 1));
  await ctx.call('incrBy min -1', () => c.incrBy('min', -1));
  await ctx.call('incr min', () => c.incr('min'));
  await ctx.call('raw INCRBY int64 max', () => raw(c, 'INCRBY', 'z', '9223372036854775807'));
  await ctx.call('raw INCRBY int64 max again', () => raw(c, 'INCRBY', 'z', '1'));
  await ctx.call('raw INCRBY int64 min', () => raw(c, 'INCRBY', 'w', '-9223372036854775808'));
  await ctx.call('raw DECRBY int64 min', () => raw(c, 'DECRBY', 'v', '-9223372036854775808'));
  await ctx.call('v not created', () => c.exists('v'));
  await ctx.call('raw DECRBY int64 max', () => raw(c, 'DECRBY', 'u', '9223372036854775807'));
  await ctx.call('raw INCRBY above int64', () => raw(c, 'INCRBY', 'u', '9223372036854775808'));
  await ctx.call('get max', () => c.get('max'));
  await ctx.call('get min', () => c.get('min'));
  await ctx.call('above 2^53 as a number', () => c.set('big', '9007199254740993'));
  await ctx.call('incr big', () => c.incr('big'));
  await ctx.call('get big', () => c.get('big'));
});

scenario('INCRBYFLOAT formatting', async (c, ctx) => {
  await ctx.call('incrByFloat missing 1.5', () => c.incrByFloat('fl', 1.5));
  await ctx.call('incrByFloat 0.1', () => c.incrByFloat('fl', 0.1));
  await ctx.call('incrByFloat -1.6', () => c.incrByFloat('fl', -1.6));
  await ctx.call('get fl', () => c.get('fl'));
  await ctx.call('0.1 + 0.2', () => c.incrByFloat('a', 0.1));
  await ctx.call('0.1 + 0.2 second step', () => c.incrByFloat('a', 0.2));
  await ctx.call('1e20', () => c.incrByFloat('b', 1e20));
  await ctx.call('string 5.0e3', () => c.incrByFloat('c', '5.0e3'));
  await ctx.call('on integer value', () => c.set('i', '10'));
  await ctx.call('incrByFloat i 0.5', () => c.incrByFloat('i', 0.5));
  await ctx.call('incrByFloat i -0.5', () => c.incrByFloat('i', -0.5));
  await ctx.call('get i', () => c.get('i'));
  await ctx.call('on 10.50 stored', () => c.set('d', '10.50'));
  await ctx.call('incrByFloat d 0', () => c.incrByFloat('d', 0));
  await ctx.call('very small', () => c.incrByFloat('s', '0.0000000000000001'));
  await ctx.call('very small plus one', () => c.incrByFloat('s', 1));
  await ctx.call('large exponent', () => c.incrByFloat('e', '1e300'));
  await ctx.call('negative zero', () => c.incrByFloat('nz', '-0'));
  await ctx.call('stored 1e5', () => c.set('x', '1e5'));
  await ctx.call('incrByFloat x 1', () => c.incrByFloat('x', 1));
  await ctx.call('hex increment', () => c.incrByFloat('h', '0x10'));
  await ctx.call('increment with trailing dot', () => c.incrByFloat('h2', '3.'));
  await ctx.call('increment with leading dot', () => c.incrByFloat('h3', '.5'));
  await ctx.call('precise 3.0', () => c.incrByFloat('p', 3.0));
  await ctx.call('1/3', () => c.incrByFloat('third', '0.333333333333333333333'));
  for (let i = 0; i < 10; i++) {
    await ctx.call(`0.1 summed ${i + 1} times`, () => c.incrByFloat('tenth', '0.1'));
  }
  await ctx.call('1 + 1e-16 needs a long double', () => c.incrByFloat('ld', '1'));
  await ctx.call('1 + 1e-16 second step', () => c.incrByFloat('ld', '0.0000000000000001'));
  await ctx.call('17 significant digits', () => c.incrByFloat('sig', '1.2345678901234567'));
  await ctx.call('negative result', () => c.incrByFloat('neg', '-2.5'));
  await ctx.call('tiny negative result', () => c.incrByFloat('neg2', '-0.000000000000000001'));
  await ctx.call('exponent form increment 1E2', () => c.incrByFloat('ef', '1E2'));
  await ctx.call('keeps the TTL', () => c.set('t', '1', { EX: 100 }));
  await ctx.call('incrByFloat t', () => c.incrByFloat('t', 1.25));
  await ctx.ttl('ttl t', () => c.ttl('t'));
  await ctx.call('raw INCRBYFLOAT', () => raw(c, 'INCRBYFLOAT', 'r', '2.5'));
  await ctx.call('raw INCRBYFLOAT wrong arity', () => raw(c, 'INCRBYFLOAT', 'r'));
});

scenario('INCRBYFLOAT errors: NaN, Infinity and bad numbers', async (c, ctx) => {
  await ctx.call('incrByFloat Infinity', () => c.incrByFloat('f', Infinity));
  await ctx.call('raw inf', () => raw(c, 'INCRBYFLOAT', 'f', 'inf'));
  await ctx.call('raw -inf', () => raw(c, 'INCRBYFLOAT', 'f', '-inf'));
  await ctx.call('raw +inf', () => raw(c, 'INCRBYFLOAT', 'f', '+inf'));
  await ctx.call('NaN', () => c.incrByFloat('f', NaN));
  await ctx.call('raw nan', () => raw(c, 'INCRBYFLOAT', 'f', 'nan'));
  await ctx.call('f never created', () => c.exists('f'));
  await ctx.call('set 1e308', () => c.set('big', '1e308'));
  await ctx.call('1e308 + 1e308 still fits a long double', () => c.incrByFloat('big', '1e308'));
  await ctx.call('big after the sum', () => c.get('big'));
  await ctx.call('beyond the long double range', () => c.incrByFloat('huge', '1e4933'));
  await ctx.call('1e4932 is a valid increment', () => c.incrByFloat('huge', '1e4932'));
  await ctx.call('1e4932 * 2 overflows', () => c.incrByFloat('huge', '1e4932'));
  await ctx.call('huge unchanged', () => c.strLen('huge'));
  await ctx.call('set stored inf', () => c.set('si', 'inf'));
  await ctx.call('increment a stored inf', () => c.incrByFloat('si', 1));
  await ctx.call('non-float value', () => c.set('v', 'abc'));
  await ctx.call('incrByFloat on abc', () => c.incrByFloat('v', 1));
  await ctx.call('stored with a space', () => c.set('sp', ' 1'));
  await ctx.call('incrByFloat on " 1"', () => c.incrByFloat('sp', 1));
  await ctx.call('stored empty', () => c.set('em', ''));
  await ctx.call('incrByFloat on empty', () => c.incrByFloat('em', 1));
  await ctx.call('bad increment abc', () => raw(c, 'INCRBYFLOAT', 'g', 'abc'));
  await ctx.call('bad increment empty', () => raw(c, 'INCRBYFLOAT', 'g', ''));
  await ctx.call('bad increment with space', () => raw(c, 'INCRBYFLOAT', 'g', '1 '));
  await ctx.call('bad increment 1e', () => raw(c, 'INCRBYFLOAT', 'g', '1e'));
  await ctx.call('g never created', () => c.exists('g'));
  await ctx.call('incr on a float value', () => c.set('fv', '1.5'));
  await ctx.call('incr fv', () => c.incr('fv'));
});

module.exports = g;
