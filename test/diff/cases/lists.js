'use strict';
// LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP (with counts) LRANGE LTRIM LLEN LINDEX LSET LREM LINSERT
// LPOS LMOVE RPOPLPUSH LMPOP, the list encoding (quicklist for every list in Redis 7.0),
// element round trips (integer-looking, binary, long), WRONGTYPE against strings, hashes and
// sets both ways, and lists seen by the key commands and MULTI. Lists are ordered: every
// reply is compared exactly.

const { RESP_TYPES } = require('redis');
const { group, raw } = require('../scenario.js');
const { sortReply } = require('../harness.js');

const g = group('lists: LPUSH RPUSH LPOP RPOP LRANGE LTRIM LINDEX LSET LREM LINSERT LPOS LMOVE LMPOP ...');
const { scenario } = g;

const range = (n, from = 0, f = (i) => String(i)) => Array.from({ length: n }, (_, i) => f(i + from));

// ---- push / pop -----------------------------------------------------------------------------

scenario('LPUSH, RPUSH, LPUSHX, RPUSHX call shapes and replies', async (c, ctx) => {
  await ctx.call('lPush one', () => c.lPush('l', 'a'));
  await ctx.call('lPush array', () => c.lPush('l', ['b', 'c']));
  await ctx.call('rPush one', () => c.rPush('l', 'x'));
  await ctx.call('rPush array', () => c.rPush('l', ['y', 'z']));
  await ctx.call('lPush extra positional ignored', () => c.lPush('l', 'p', 'q'));
  await ctx.call('rPush duplicates', () => c.rPush('l', ['a', 'a']));
  await ctx.call('rPush Buffer', () => c.rPush('l', Buffer.from('buf')));
  await ctx.call('rPush empty element', () => c.rPush('l', ''));
  await ctx.call('rPush number', () => c.rPush('l', 5));
  await ctx.call('rPush number in array', () => c.rPush('l', [6, '7']));
  await ctx.call('lPush empty array', () => c.lPush('l', []));
  await ctx.call('lPush no element', () => c.lPush('l'));
  await ctx.call('lPush null', () => c.lPush('l', null));
  await ctx.call('lPush number key', () => c.lPush(1, 'a'));
  await ctx.call('LPUSH', () => c.LPUSH('l', 'L'));
  await ctx.call('RPUSH', () => c.RPUSH('l', ['R1', 'R2']));
  await ctx.call('raw LPUSH', () => raw(c, 'LPUSH', 'l', '1', '2', '3'));
  await ctx.call('raw rpush lower-case', () => raw(c, 'rpush', 'l', 'last'));
  await ctx.call('lRange', () => c.lRange('l', 0, -1));
  await ctx.call('lLen', () => c.lLen('l'));
  await ctx.call('lPushX missing key', () => c.lPushX('nolist', 'a'));
  await ctx.call('rPushX missing key', () => c.rPushX('nolist', ['a', 'b']));
  await ctx.call('missing key not created', () => c.exists('nolist'));
  await ctx.call('lPushX', () => c.lPushX('l', 'hx'));
  await ctx.call('rPushX array', () => c.rPushX('l', ['tx1', 'tx2']));
  await ctx.call('LPUSHX', () => c.LPUSHX('l', ['h1', 'h2']));
  await ctx.call('RPUSHX', () => c.RPUSHX('l', 'end'));
  await ctx.call('rPushX empty array', () => c.rPushX('l', []));
  await ctx.call('lPushX number', () => c.lPushX('l', 1));
  await ctx.call('raw RPUSHX several', () => raw(c, 'RPUSHX', 'l', 'e1', 'e2'));
  await ctx.call('lRange after X pushes', () => c.lRange('l', 0, -1));
  await ctx.call('lPush creates with many', () => c.lPush('m', range(10)));
  await ctx.call('lRange m', () => c.lRange('m', 0, -1));
  await ctx.call('rPush creates with many', () => c.rPush('n', range(10)));
  await ctx.call('lRange n', () => c.lRange('n', 0, -1));
});

scenario('LPOP, RPOP with and without counts', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', range(10, 0, (i) => `e${i}`)));
  await ctx.call('lPop', () => c.lPop('l'));
  await ctx.call('rPop', () => c.rPop('l'));
  await ctx.call('LPOP', () => c.LPOP('l'));
  await ctx.call('RPOP', () => c.RPOP('l'));
  await ctx.call('lPop count ignored', () => c.lPop('l', 2));
  await ctx.call('lPopCount 2', () => c.lPopCount('l', 2));
  await ctx.call('rPopCount 2', () => c.rPopCount('l', 2));
  await ctx.call('LPOP_COUNT 0', () => c.LPOP_COUNT('l', 0));
  await ctx.call('RPOP_COUNT 0', () => c.RPOP_COUNT('l', 0));
  await ctx.call('lPopCount -1', () => c.lPopCount('l', -1));
  await ctx.call('rPopCount 1.5', () => c.rPopCount('l', 1.5));
  await ctx.call('lPopCount no count', () => c.lPopCount('l'));
  await ctx.call('lPopCount as a string', () => c.lPopCount('l', '1'));
  await ctx.call('lRange left', () => c.lRange('l', 0, -1));
  await ctx.call('rPopCount more than the length', () => c.rPopCount('l', 10));
  await ctx.call('emptied list deleted', () => c.exists('l'));
  await ctx.call('lPop missing key', () => c.lPop('l'));
  await ctx.call('rPop missing key', () => c.rPop('l'));
  await ctx.call('lPopCount missing key', () => c.lPopCount('l', 2));
  await ctx.call('rPopCount missing key', () => c.rPopCount('l', 2));
  await ctx.call('lPopCount missing key 0', () => c.lPopCount('l', 0));
  await ctx.call('lPopCount missing key -1', () => c.lPopCount('l', -1));
  await ctx.call('raw LPOP bad count', () => raw(c, 'LPOP', 'l', 'x'));
  await ctx.call('raw LPOP too many arguments', () => raw(c, 'LPOP', 'l', '1', '2'));
  await ctx.call('raw RPOP huge count', () => c.rPush('l', ['a', 'b']).then(() => raw(c, 'RPOP', 'l', '9223372036854775807')));
  await ctx.call('raw RPOP int64 min', () => raw(c, 'RPOP', 'l', '-9223372036854775808'));
  await ctx.call('pops keep the TTL', () => c.rPush('t', ['a', 'b', 'c']).then(() => c.expire('t', 100))
    .then(() => c.lPop('t')).then(() => c.ttl('t')), { norm: (r) => r > 90 });
  await ctx.call('the last pop deletes the key and the TTL', () => c.rPopCount('t', 5).then(() => c.ttl('t')));
  await ctx.call('big list popped from both ends', () => c.rPush('big', range(1000))
    .then(() => Promise.all([c.lPopCount('big', 300), c.rPopCount('big', 300)])).then((r) => [r[0].slice(-2), r[1].slice(-2)]));
  await ctx.call('big list middle', () => c.lRange('big', 0, -1), { norm: (r) => [r.length, r[0], r[r.length - 1]] });
});

// ---- reads ----------------------------------------------------------------------------------

scenario('LRANGE and LINDEX indexes', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b', 'c', 'd', 'e']));
  const pairs = [[0, -1], [0, 0], [1, 3], [-2, -1], [-100, 100], [3, 1], [5, 10], [-1, -2], [-6, 0], [0, -6],
    [4, 4], [-5, -5], ['0', '-1'], [1.5, 2], ['9223372036854775807', '9223372036854775807'],
    ['-9223372036854775808', '9223372036854775807']];
  for (const [a, b] of pairs) await ctx.call(`lRange ${a} ${b}`, () => c.lRange('l', a, b));
  await ctx.call('lRange missing key', () => c.lRange('nokey', 0, -1));
  await ctx.call('lRange without stop', () => c.lRange('l', 0));
  await ctx.call('LRANGE', () => c.LRANGE('l', 0, 1));
  await ctx.call('raw LRANGE bad index', () => raw(c, 'LRANGE', 'l', 'a', '1'));
  await ctx.call('raw LRANGE above int64', () => raw(c, 'LRANGE', 'l', '0', '9223372036854775808'));
  await ctx.call('raw LRANGE bad index on a missing key', () => raw(c, 'LRANGE', 'nokey', '0', 'x'));
  for (const i of [0, 1, 4, 5, -1, -5, -6, 100, '2', '-9223372036854775808']) {
    await ctx.call(`lIndex ${i}`, () => c.lIndex('l', i));
  }
  await ctx.call('lIndex missing key', () => c.lIndex('nokey', 0));
  await ctx.call('lIndex 1.5', () => c.lIndex('l', 1.5));
  await ctx.call('lIndex no index', () => c.lIndex('l'));
  await ctx.call('LINDEX', () => c.LINDEX('l', -2));
  await ctx.call('raw LINDEX bad index', () => raw(c, 'LINDEX', 'l', 'x'));
  await ctx.call('lLen', () => c.lLen('l'));
  await ctx.call('lLen missing key', () => c.lLen('nokey'));
  await ctx.call('LLEN', () => c.LLEN('l'));
  await ctx.call('big list', () => c.rPush('big', range(2000)));
  for (const [a, b] of [[0, 9], [995, 1005], [-10, -1], [1500, 1499], [0, -1]]) {
    await ctx.call(`big lRange ${a} ${b}`, () => c.lRange('big', a, b), { norm: (r) => (r.length > 20 ? [r.length, r[0], r[r.length - 1]] : r) });
  }
  for (const i of [0, 999, 1000, 1999, 2000, -1, -2000, -2001]) await ctx.call(`big lIndex ${i}`, () => c.lIndex('big', i));
});

// ---- writes ---------------------------------------------------------------------------------

scenario('LSET, LTRIM, LREM', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b', 'c', 'd', 'e']));
  await ctx.call('lSet 0', () => c.lSet('l', 0, 'A'));
  await ctx.call('lSet -1', () => c.lSet('l', -1, 'E'));
  await ctx.call('lSet Buffer', () => c.lSet('l', 2, Buffer.from('C')));
  await ctx.call('lSet out of range', () => c.lSet('l', 5, 'x'));
  await ctx.call('lSet out of range negative', () => c.lSet('l', -6, 'x'));
  await ctx.call('lSet missing key', () => c.lSet('nokey', 0, 'x'));
  await ctx.call('lSet number element', () => c.lSet('l', 0, 1));
  await ctx.call('lSet string index', () => c.lSet('l', '1', 'B'));
  await ctx.call('lSet no element', () => c.lSet('l', 0));
  await ctx.call('LSET', () => c.LSET('l', 3, 'D'));
  await ctx.call('raw LSET bad index', () => raw(c, 'LSET', 'l', 'x', 'v'));
  await ctx.call('raw LSET bad index on a missing key', () => raw(c, 'LSET', 'nokey', 'x', 'v'));
  await ctx.call('lSet a long element', () => c.lSet('l', 1, 'L'.repeat(10000)).then(() => c.lIndex('l', 1)), { norm: (r) => r.length });
  await ctx.call('lSet back to short', () => c.lSet('l', 1, 'b'));
  await ctx.call('lRange after lSet', () => c.lRange('l', 0, -1));
  await ctx.call('lTrim 1 3', () => c.lTrim('l', 1, 3));
  await ctx.call('lRange after lTrim', () => c.lRange('l', 0, -1));
  await ctx.call('lTrim -2 -1', () => c.lTrim('l', -2, -1));
  await ctx.call('lTrim out of range keeps all', () => c.lTrim('l', -100, 100));
  await ctx.call('lRange after lTrims', () => c.lRange('l', 0, -1));
  await ctx.call('LTRIM', () => c.LTRIM('l', 0, 0));
  await ctx.call('lTrim to empty', () => c.lTrim('l', 1, 0));
  await ctx.call('emptied by lTrim: deleted', () => c.exists('l'));
  await ctx.call('lTrim missing key', () => c.lTrim('nokey', 0, 1));
  await ctx.call('lTrim start beyond the end', () => c.rPush('t', ['a', 'b']).then(() => c.lTrim('t', 5, 10)).then(() => c.exists('t')));
  await ctx.call('raw LTRIM bad index', () => raw(c, 'LTRIM', 'l', '0', 'x'));
  await ctx.call('lTrim a big list', () => c.rPush('big', range(3000)).then(() => c.lTrim('big', 1000, 1999))
    .then(() => Promise.all([c.lLen('big'), c.lIndex('big', 0), c.lIndex('big', -1)])));
  await ctx.call('rPush for lRem', () => c.rPush('r', ['a', 'b', 'a', 'c', 'a', 'b', 'a']));
  await ctx.call('lRem 1 a', () => c.lRem('r', 1, 'a'));
  await ctx.call('lRem -1 a', () => c.lRem('r', -1, 'a'));
  await ctx.call('lRange after head and tail lRem', () => c.lRange('r', 0, -1));
  await ctx.call('lRem 0 b', () => c.lRem('r', 0, 'b'));
  await ctx.call('lRem missing element', () => c.lRem('r', 0, 'zz'));
  await ctx.call('lRem 100 a', () => c.lRem('r', 100, 'a'));
  await ctx.call('lRem -100 c', () => c.lRem('r', -100, 'c'));
  await ctx.call('emptied by lRem: deleted', () => c.exists('r'));
  await ctx.call('lRem missing key', () => c.lRem('r', 0, 'a'));
  await ctx.call('lRem number element', () => c.lRem('r', 0, 1));
  await ctx.call('LREM', () => c.rPush('r', ['x', 'y', 'x']).then(() => c.LREM('r', -2, 'x')));
  await ctx.call('raw LREM bad count', () => raw(c, 'LREM', 'r', 'x', 'y'));
  await ctx.call('lRem keeps the TTL', () => c.expire('r', 100).then(() => c.rPush('r', ['y', 'z'])).then(() => c.lRem('r', 1, 'y'))
    .then(() => c.ttl('r')), { norm: (r) => r > 90 });
  await ctx.call('lRem of integers compares values', () => c.rPush('ri', ['1', '01', '1', '1.0', ' 1', '-0', '0'])
    .then(() => c.lRem('ri', 0, '1')).then(() => c.lRange('ri', 0, -1)));
  await ctx.call('lRem "0" does not remove "-0"', () => c.lRem('ri', 0, '0').then(() => c.lRange('ri', 0, -1)));
  await ctx.call('lRem in a big list', () => c.rPush('rb', range(1000, 0, (i) => String(i % 7)))
    .then(() => c.lRem('rb', 0, '3')).then(() => c.lLen('rb')));
  await ctx.call('lRem 5 from the tail of a big list', () => c.lRem('rb', -5, '4').then(() => c.lRange('rb', -12, -1)));
});

scenario('LINSERT', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b', 'c', 'b']));
  await ctx.call('lInsert BEFORE', () => c.lInsert('l', 'BEFORE', 'b', 'X'));
  await ctx.call('lInsert AFTER', () => c.lInsert('l', 'AFTER', 'b', 'Y'));
  await ctx.call('lInsert after the last', () => c.lInsert('l', 'AFTER', 'b', 'Z'));
  await ctx.call('lRange', () => c.lRange('l', 0, -1));
  await ctx.call('lInsert missing pivot', () => c.lInsert('l', 'BEFORE', 'nopivot', 'x'));
  await ctx.call('lInsert missing key', () => c.lInsert('nokey', 'BEFORE', 'a', 'x'));
  await ctx.call('missing key not created', () => c.exists('nokey'));
  await ctx.call('lInsert lower-case position', () => c.lInsert('l', 'before', 'a', 'first'));
  await ctx.call('lInsert bad position', () => c.lInsert('l', 'MIDDLE', 'a', 'x'));
  await ctx.call('lInsert bad position on a missing key', () => c.lInsert('nokey', 'MIDDLE', 'a', 'x'));
  await ctx.call('lInsert Buffer', () => c.lInsert('l', 'AFTER', Buffer.from('c'), Buffer.from([0, 1])));
  await ctx.call('lInsert number element', () => c.lInsert('l', 'AFTER', 'c', 1));
  await ctx.call('lInsert no element', () => c.lInsert('l', 'AFTER', 'c'));
  await ctx.call('LINSERT', () => c.LINSERT('l', 'AFTER', 'first', 'second'));
  await ctx.call('raw LINSERT', () => raw(c, 'LINSERT', 'l', 'BEFORE', 'Z', 'z'));
  await ctx.call('lRange after', () => c.lRange('l', 0, -1));
  await ctx.call('lInsert around integers', () => c.rPush('i', ['1', '2', '10'])
    .then(() => c.lInsert('i', 'BEFORE', '10', '9')).then(() => c.lInsert('i', 'AFTER', '01', 'x'))
    .then(() => c.lRange('i', 0, -1)));
  await ctx.call('lInsert into a big list', () => c.rPush('big', range(1000)).then(() => c.lInsert('big', 'AFTER', '500', 'mid'))
    .then(() => c.lRange('big', 499, 503)));
  await ctx.call('lInsert a long element', () => c.lInsert('big', 'BEFORE', '0', 'x'.repeat(9000)).then(() => c.lLen('big')));
  await ctx.call('big list head after', () => c.lRange('big', 0, 2), { norm: (r) => r.map((x) => x.length) });
});

scenario('LPOS: RANK, COUNT, MAXLEN and their errors', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('p', ['a', 'b', 'c', 'b', 'd', 'b', '1', '01']));
  await ctx.call('lPos', () => c.lPos('p', 'b'));
  await ctx.call('lPos missing element', () => c.lPos('p', 'zz'));
  await ctx.call('lPos missing key', () => c.lPos('nokey', 'b'));
  for (const o of [{ RANK: 1 }, { RANK: 2 }, { RANK: 3 }, { RANK: 4 }, { RANK: -1 }, { RANK: -3 }, { RANK: -4 },
    { MAXLEN: 1 }, { MAXLEN: 2 }, { MAXLEN: 0 }, { RANK: 2, MAXLEN: 4 }, { RANK: -1, MAXLEN: 3 }, { RANK: -1, MAXLEN: 2 },
    { RANK: 0 }, { MAXLEN: -1 }, { RANK: '2' }]) {
    await ctx.call(`lPos ${JSON.stringify(o)}`, () => c.lPos('p', 'b', o));
  }
  for (const [n, o] of [[0, undefined], [1, undefined], [2, undefined], [10, undefined], [0, { RANK: 2 }], [0, { RANK: -1 }],
    [2, { RANK: -2 }], [0, { MAXLEN: 4 }], [0, { RANK: -1, MAXLEN: 3 }], [-1, undefined], [1, { RANK: 0 }], [0, { RANK: 5 }]]) {
    await ctx.call(`lPosCount ${n} ${JSON.stringify(o)}`, () => c.lPosCount('p', 'b', n, o));
  }
  await ctx.call('lPosCount missing element', () => c.lPosCount('p', 'zz', 0));
  await ctx.call('lPosCount missing key', () => c.lPosCount('nokey', 'b', 0));
  await ctx.call('lPos integer element', () => c.lPos('p', '1'));
  await ctx.call('lPos non-canonical integer', () => c.lPos('p', '01'));
  await ctx.call('LPOS', () => c.LPOS('p', 'd'));
  await ctx.call('LPOS_COUNT', () => c.LPOS_COUNT('p', 'b', 2, { RANK: 2 }));
  await ctx.call('lPos number element', () => c.lPos('p', 1));
  await ctx.call('lPosCount without a count', () => c.lPosCount('p', 'b'));
  await ctx.call('big list', () => c.rPush('big', range(3000, 0, (i) => String(i % 10))));
  await ctx.call('big lPosCount 0', () => c.lPosCount('big', '7', 0), { norm: (r) => [r.length, r[0], r[r.length - 1]] });
  await ctx.call('big lPos RANK -2', () => c.lPos('big', '7', { RANK: -2 }));
  await ctx.call('big lPos MAXLEN 100 RANK -1', () => c.lPos('big', '7', { RANK: -1, MAXLEN: 100 }));
  await ctx.call('big lPosCount 3 RANK 100', () => c.lPosCount('big', '3', 3, { RANK: 100 }));
});

scenario('LPOS option parsing through sendCommand', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('p', ['a', 'b', 'c', 'b', 'd', 'b', '1', '01']));
  const argvs = [
    ['RANK'], ['RANK', 'x'], ['RANK', '0'], ['RANK', '-9223372036854775808'], ['RANK', '9223372036854775807'],
    ['RANK', '1', 'RANK', '-1'], ['COUNT'], ['COUNT', '-1'], ['COUNT', 'x'], ['COUNT', '1.5'],
    ['COUNT', '-9223372036854775808'], ['COUNT', '1', 'COUNT', '2'], ['MAXLEN', '-1'], ['MAXLEN', 'x'],
    ['COUNT', '0', 'MAXLEN', '9223372036854775807'], ['RANK', '-9223372036854775808', 'COUNT', '0'],
    ['rank', '2', 'count', '0', 'maxlen', '0'], ['FOO', '1'],
  ].map((opts) => ['LPOS', 'p', 'b', ...opts]).concat([
    ['LPOS', 'nokey', 'b', 'RANK', '0'], ['LPOS', 'nokey', 'b', 'COUNT', '0'], ['LPOS', 'p'],
  ]);
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
});

// ---- moves ----------------------------------------------------------------------------------

scenario('LMOVE and RPOPLPUSH', async (c, ctx) => {
  await ctx.call('rPush src', () => c.rPush('src', ['a', 'b', 'c', 'd', 'e']));
  for (const [from, to] of [['LEFT', 'RIGHT'], ['RIGHT', 'LEFT'], ['LEFT', 'LEFT'], ['RIGHT', 'RIGHT']]) {
    await ctx.call(`lMove ${from} ${to}`, () => c.lMove('src', 'dst', from, to));
    await ctx.call(`dst after ${from} ${to}`, () => c.lRange('dst', 0, -1));
  }
  await ctx.call('src left', () => c.lRange('src', 0, -1));
  await ctx.call('lMove same key rotates', () => c.lMove('dst', 'dst', 'LEFT', 'RIGHT'));
  await ctx.call('dst after rotation', () => c.lRange('dst', 0, -1));
  await ctx.call('lMove same key same side', () => c.lMove('dst', 'dst', 'RIGHT', 'RIGHT'));
  await ctx.call('lMove the last element deletes the source', () => c.lMove('src', 'dst', 'LEFT', 'LEFT'));
  await ctx.call('source gone', () => c.exists('src'));
  await ctx.call('lMove from a missing key', () => c.lMove('src', 'dst', 'LEFT', 'LEFT'));
  await ctx.call('lMove lower-case sides', () => c.lMove('dst', 'new', 'left', 'right'));
  await ctx.call('lMove bad side', () => c.lMove('dst', 'new', 'UP', 'LEFT'));
  await ctx.call('lMove bad side on a missing key', () => c.lMove('nokey', 'new', 'LEFT', 'DOWN'));
  await ctx.call('lMove missing sides', () => c.lMove('dst', 'new', 'LEFT'));
  await ctx.call('LMOVE', () => c.LMOVE('dst', 'new', 'RIGHT', 'LEFT'));
  await ctx.call('raw LMOVE', () => raw(c, 'LMOVE', 'dst', 'new', 'LEFT', 'LEFT'));
  await ctx.call('new', () => c.lRange('new', 0, -1));
  await ctx.call('rPopLPush', () => c.rPopLPush('new', 'other'));
  await ctx.call('rPopLPush same key rotates', () => c.rPopLPush('new', 'new'));
  await ctx.call('new after rotation', () => c.lRange('new', 0, -1));
  await ctx.call('rPopLPush from a missing key', () => c.rPopLPush('nokey', 'other'));
  await ctx.call('RPOPLPUSH', () => c.RPOPLPUSH('new', 'other'));
  await ctx.call('raw RPOPLPUSH', () => raw(c, 'RPOPLPUSH', 'new', 'other'));
  await ctx.call('other', () => c.lRange('other', 0, -1));
  await ctx.call('string', () => c.set('str', 'v'));
  await ctx.call('lMove to a string', () => c.lMove('other', 'str', 'LEFT', 'LEFT'));
  await ctx.call('lMove from a string', () => c.lMove('str', 'other', 'LEFT', 'LEFT'));
  await ctx.call('lMove from a missing key to a string', () => c.lMove('nokey', 'str', 'LEFT', 'LEFT'));
  await ctx.call('rPopLPush to a hash', () => c.hSet('h', 'f', 'v').then(() => c.rPopLPush('other', 'h')));
  await ctx.call('rPopLPush from a missing key to a hash', () => c.rPopLPush('nokey', 'h'));
  await ctx.call('other unchanged by the failures', () => c.lRange('other', 0, -1));
  await ctx.call('lMove keeps both TTLs', () => c.expire('other', 100).then(() => c.rPush('t2', 'x')).then(() => c.expire('t2', 200))
    .then(() => c.lMove('other', 't2', 'LEFT', 'LEFT')).then(() => Promise.all([c.ttl('other'), c.ttl('t2')])),
  { norm: (r) => [r[0] > 90 && r[0] <= 100, r[1] > 190] });
  await ctx.call('lMove Buffers', () => c.rPush(Buffer.from('bs'), Buffer.from([0, 0xff]))
    .then(() => c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).lMove(Buffer.from('bs'), 'bd', 'LEFT', 'RIGHT')));
});

scenario('LMPOP', async (c, ctx) => {
  await ctx.call('rPush a', () => c.rPush('a', ['1', '2', '3']));
  await ctx.call('rPush b', () => c.rPush('b', ['x', 'y']));
  await ctx.call('lmPop LEFT', () => c.lmPop(['nokey', 'a', 'b'], 'LEFT'));
  await ctx.call('lmPop RIGHT COUNT 2', () => c.lmPop(['a', 'b'], 'RIGHT', { COUNT: 2 }));
  await ctx.call('a gone', () => c.exists('a'));
  await ctx.call('lmPop COUNT larger', () => c.lmPop(['a', 'b'], 'LEFT', { COUNT: 10 }));
  await ctx.call('lmPop all missing', () => c.lmPop(['a', 'b'], 'LEFT'));
  await ctx.call('lmPop one key as a string', () => c.rPush('c', ['p', 'q']).then(() => c.lmPop('c', 'LEFT')));
  await ctx.call('LMPOP', () => c.LMPOP(['c'], 'RIGHT', { COUNT: 1 }));
  await ctx.call('lmPop lower-case side', () => c.rPush('d', ['1', '2']).then(() => c.lmPop('d', 'left')));
  await ctx.call('lmPop COUNT 0', () => c.lmPop('d', 'LEFT', { COUNT: 0 }));
  await ctx.call('lmPop COUNT -1', () => c.lmPop('d', 'LEFT', { COUNT: -1 }));
  await ctx.call('lmPop bad side', () => c.lmPop('d', 'UP'));
  await ctx.call('lmPop empty keys', () => c.lmPop([], 'LEFT'));
  await ctx.call('lmPop no side', () => c.lmPop(['d']));
  await ctx.call('lmPop number key', () => c.lmPop([1], 'LEFT'));
  await ctx.call('lmPop as Buffers', () => c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).lmPop(['d'], 'LEFT'));
  await ctx.call('lmPop WRONGTYPE first', () => c.set('str', 'v').then(() => c.rPush('e', 'x')).then(() => c.lmPop(['str', 'e'], 'LEFT')));
  await ctx.call('lmPop WRONGTYPE after a missing key', () => c.lmPop(['nokey', 'str', 'e'], 'LEFT'));
  await ctx.call('lmPop WRONGTYPE after a non-empty list', () => c.lmPop(['e', 'str'], 'LEFT'));
  const argvs = [
    ['LMPOP', '0', 'a', 'LEFT'], ['LMPOP', '-1', 'a', 'LEFT'], ['LMPOP', 'x', 'a', 'LEFT'], ['LMPOP', '2', 'a', 'LEFT'],
    ['LMPOP', '1', 'a', 'MIDDLE'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '0'],
    ['LMPOP', '1', 'a', 'LEFT', 'COUNT', 'x'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '1', 'COUNT', '2'],
    ['LMPOP', '1', 'a', 'LEFT', 'FOO'], ['LMPOP', '1', 'a', 'LEFT', 'count', '2'], ['LMPOP', '1', 'a'],
    ['LMPOP', '3', 'a', 'b', 'LEFT'], ['LMPOP', '99999999999999999999', 'a', 'LEFT'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('big lmPop COUNT 600', () => c.rPush('big', range(1000)).then(() => c.lmPop('big', 'RIGHT', { COUNT: 600 })),
    { norm: (r) => [r[0], r[1].length, r[1][0], r[1][599]] });
  await ctx.call('big left', () => c.lLen('big'));
});

// ---- elements -------------------------------------------------------------------------------

scenario('Element round trips: integer-looking, long and binary elements', async (c, ctx) => {
  const values = ['0', '-0', '007', '1', '-1', '9223372036854775807', '-9223372036854775808', '9223372036854775808',
    '-9223372036854775809', '18446744073709551615', '1.5', '1e3', ' 1', '1 ', '+1', '', '0x10', '4294967296', '-4294967297',
    '127', '-128', '32767', '-32768', '8388607', '-8388608', '2147483647', '-2147483648', 'héllo', 'z'.repeat(64),
    'y'.repeat(5000), 'w'.repeat(70000)];
  await ctx.call('rPush every value', () => c.rPush('l', values));
  await ctx.call('lRange lengths', () => c.lRange('l', 0, -1), { norm: (r) => r.map((x) => x.length) });
  await ctx.call('lRange short values', () => c.lRange('l', 0, 28));
  for (let i = 0; i < values.length; i++) {
    await ctx.call(`lPos ${JSON.stringify(values[i]).slice(0, 24)}`, () => c.lPos('l', values[i]));
  }
  await ctx.call('lIndex of the long ones', () => Promise.all([c.lIndex('l', -3), c.lIndex('l', -2), c.lIndex('l', -1)]),
    { norm: (r) => r.map((x) => x.length) });
  await ctx.call('encoding', () => c.objectEncoding('l'));
  const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const e1 = Buffer.from([0x00]);
  const e2 = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
  const key = Buffer.from([0x6c, 0x00]);
  await ctx.call('rPush binary', () => c.rPush(key, [e1, e2, 'plain', Buffer.from('7')]));
  await ctx.call('lRange as Buffers', () => b.lRange(key, 0, -1));
  await ctx.call('lRange as strings', () => c.lRange(key, 0, -1));
  await ctx.call('lPos NUL', () => c.lPos(key, e1));
  await ctx.call('lPos empty is not NUL', () => c.lPos(key, ''));
  await ctx.call('lIndex as Buffer', () => b.lIndex(key, 1));
  await ctx.call('lPop as Buffer', () => b.lPop(key));
  await ctx.call('rPopCount as Buffers', () => b.rPopCount(key, 2));
  await ctx.call('lInsert binary pivot', () => c.lInsert(key, 'AFTER', e2, Buffer.from([0x80])));
  await ctx.call('lRem binary', () => c.lRem(key, 0, Buffer.from([0x80])));
  await ctx.call('left as Buffers', () => b.lRange(key, 0, -1));
  await ctx.call('non-UTF-8 element as a string', () => c.rPush('nu', Buffer.from([0xde, 0xad, 0xbe, 0xef])).then(() => c.lRange('nu', 0, -1)));
  await ctx.call('lLen with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).lLen(key));
  await ctx.call('lPosCount with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).lPosCount(key, e2, 0));
});

scenario('OBJECT ENCODING of lists (quicklist in Redis 7.0)', async (c, ctx) => {
  await ctx.call('one element', () => c.rPush('l', 'a').then(() => c.objectEncoding('l')));
  await ctx.call('128 elements', () => c.rPush('l', range(127)).then(() => c.objectEncoding('l')));
  await ctx.call('129 elements', () => c.rPush('l', 'x').then(() => c.objectEncoding('l')));
  await ctx.call('1000 elements', () => c.rPush('l', range(871)).then(() => c.objectEncoding('l')));
  await ctx.call('after popping down to 1', () => c.rPopCount('l', 999).then(() => c.objectEncoding('l')));
  await ctx.call('one long element', () => c.rPush('long', 'x'.repeat(10000)).then(() => c.objectEncoding('long')));
  await ctx.call('8 KB of elements', () => c.rPush('kb', range(100, 0, () => 'y'.repeat(90))).then(() => c.objectEncoding('kb')));
  await ctx.call('integers', () => c.rPush('i', ['1', '2', '3']).then(() => c.objectEncoding('i')));
  await ctx.call('lPush', () => c.lPush('lp', 'a').then(() => c.objectEncoding('lp')));
  await ctx.call('created by lMove', () => c.lMove('i', 'mv', 'LEFT', 'LEFT').then(() => c.objectEncoding('mv')));
  await ctx.call('created by rPopLPush', () => c.rPopLPush('i', 'rl').then(() => c.objectEncoding('rl')));
  await ctx.call('copy', () => c.copy('l', 'lc').then(() => c.objectEncoding('lc')));
  await ctx.call('raw OBJECT ENCODING', () => raw(c, 'OBJECT', 'ENCODING', 'l'));
  await ctx.call('1000 elements in one call', () => c.rPush('one', range(1000)).then(() => c.lRange('one', 0, -1)),
    { norm: (r) => sortReply(r).length });
});

// ---- errors ---------------------------------------------------------------------------------

scenario('WRONGTYPE: list commands on a string, a hash and a set', async (c, ctx) => {
  await ctx.call('set', () => c.set('str', 'v'));
  await ctx.call('hSet', () => c.hSet('h', 'f', 'v'));
  await ctx.call('sAdd', () => c.sAdd('s', ['a', '1']));
  for (const k of ['str', 'h', 's']) {
    const calls = [
      ['lPush', () => c.lPush(k, 'a')],
      ['rPush', () => c.rPush(k, ['a', 'b'])],
      ['lPushX', () => c.lPushX(k, 'a')],
      ['rPushX', () => c.rPushX(k, 'a')],
      ['lPop', () => c.lPop(k)],
      ['rPop', () => c.rPop(k)],
      ['lPopCount', () => c.lPopCount(k, 2)],
      ['rPopCount 0', () => c.rPopCount(k, 0)],
      ['lPopCount -1', () => c.lPopCount(k, -1)],
      ['lRange', () => c.lRange(k, 0, -1)],
      ['lTrim', () => c.lTrim(k, 0, 1)],
      ['lLen', () => c.lLen(k)],
      ['lIndex', () => c.lIndex(k, 0)],
      ['lSet', () => c.lSet(k, 0, 'x')],
      ['lRem', () => c.lRem(k, 0, 'a')],
      ['lInsert', () => c.lInsert(k, 'BEFORE', 'a', 'x')],
      ['lInsert bad position', () => c.lInsert(k, 'MIDDLE', 'a', 'x')],
      ['lPos', () => c.lPos(k, 'a')],
      ['lPos RANK 0', () => c.lPos(k, 'a', { RANK: 0 })],
      ['lPosCount', () => c.lPosCount(k, 'a', 0)],
      ['lMove from', () => c.lMove(k, 'dst', 'LEFT', 'RIGHT')],
      ['lMove to', () => c.rPush('src', 'x').then(() => c.lMove('src', k, 'LEFT', 'RIGHT'))],
      ['rPopLPush from', () => c.rPopLPush(k, 'dst')],
      ['rPopLPush to', () => c.rPopLPush('src', k)],
      ['lmPop', () => c.lmPop(k, 'LEFT')],
      ['raw LRANGE bad index', () => raw(c, 'LRANGE', k, 'x', '1')],
      ['raw LINDEX bad index', () => raw(c, 'LINDEX', k, 'x')],
      ['raw LSET bad index', () => raw(c, 'LSET', k, 'x', 'v')],
    ];
    for (const [label, fn] of calls) await ctx.call(`${label} on ${k}`, fn);
  }
  await ctx.call('values unchanged', () => Promise.all([c.get('str'), c.hGetAll('h'), c.sMembers('s').then(sortReply),
    c.lRange('src', 0, -1), c.exists('dst')]));
});

scenario('WRONGTYPE: string, hash and set commands on a list', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['1', '2']));
  const calls = [
    ['get', () => c.get('l')],
    ['incr', () => c.incr('l')],
    ['append', () => c.append('l', 'x')],
    ['strLen', () => c.strLen('l')],
    ['getSet', () => c.getSet('l', 'x')],
    ['getDel', () => c.getDel('l')],
    ['set GET', () => c.set('l', 'x', { GET: true })],
    ['mGet returns null for it', () => c.mGet(['l'])],
    ['hSet', () => c.hSet('l', 'f', 'v')],
    ['hGet', () => c.hGet('l', 'f')],
    ['hGetAll', () => c.hGetAll('l')],
    ['hLen', () => c.hLen('l')],
    ['sAdd', () => c.sAdd('l', 'a')],
    ['sMembers', () => c.sMembers('l')],
    ['sCard', () => c.sCard('l')],
    ['sIsMember', () => c.sIsMember('l', '1')],
    ['sPop', () => c.sPop('l')],
    ['sInter', () => c.sInter(['l'])],
    ['sUnionStore from a list', () => c.sUnionStore('d', ['l'])],
    ['sMove to a list', () => c.sAdd('s', 'x').then(() => c.sMove('s', 'l', 'x'))],
    ['sScan', () => c.sScan('l', '0')],
  ];
  for (const [label, fn] of calls) await ctx.call(`${label} on a list`, fn);
  await ctx.call('list unchanged', () => c.lRange('l', 0, -1));
  await ctx.call('sUnionStore onto a list overwrites it', () => c.sUnionStore('l', ['s']));
  await ctx.call('type after sUnionStore', () => c.type('l'));
  await ctx.call('set overwrites a list', () => c.rPush('l2', 'x').then(() => c.set('l2', 'str')).then(() => c.type('l2')));
});

scenario('Wrong arity through sendCommand', async (c, ctx) => {
  await ctx.call('list for the arity checks', () => c.rPush('l', ['a', 'b']));
  const argvs = [
    ['LPUSH'], ['LPUSH', 'l'], ['RPUSH', 'l'], ['LPUSHX', 'l'], ['RPUSHX', 'l'],
    ['LPOP'], ['RPOP'], ['LRANGE', 'l', '0'], ['LRANGE', 'l', '0', '1', '2'], ['LTRIM', 'l', '0'],
    ['LLEN'], ['LLEN', 'l', 'x'], ['LINDEX', 'l'], ['LINDEX', 'l', '0', '1'], ['LSET', 'l', '0'],
    ['LREM', 'l', '0'], ['LINSERT', 'l', 'BEFORE', 'a'], ['LINSERT', 'l', 'BEFORE', 'a', 'b', 'c'],
    ['LPOS', 'l'], ['LMOVE', 'l', 'd', 'LEFT'], ['LMOVE', 'l', 'd', 'LEFT', 'RIGHT', 'x'],
    ['RPOPLPUSH', 'l'], ['RPOPLPUSH', 'l', 'd', 'x'], ['LMPOP', '1', 'l'], ['LMPOP'],
    ['lpush', 'l'], ['LrAnGe', 'l'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('list unchanged', () => c.lRange('l', 0, -1));
  await ctx.call('lRange without indexes', () => c.lRange('l'));
  await ctx.call('lInsert without a pivot', () => c.lInsert('l', 'BEFORE'));
  await ctx.call('lMove without a destination', () => c.lMove('l'));
});

// ---- key commands and MULTI -----------------------------------------------------------------

scenario('Key commands on list keys', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b', 'c']));
  await ctx.call('set a string', () => c.set('str', 'v'));
  await ctx.call('type', () => c.type('l'));
  await ctx.call('raw TYPE', () => raw(c, 'TYPE', 'l'));
  await ctx.call('objectEncoding', () => c.objectEncoding('l'));
  await ctx.call('expire', () => c.expire('l', 100));
  await ctx.call('rPush keeps the TTL', () => c.rPush('l', 'd').then(() => c.ttl('l')), { norm: (r) => r > 90 });
  await ctx.call('lSet keeps the TTL', () => c.lSet('l', 0, 'A').then(() => c.ttl('l')), { norm: (r) => r > 90 });
  await ctx.call('rename', () => c.rename('l', 'l2'));
  await ctx.ttl('rename moves the TTL', () => c.ttl('l2'));
  await ctx.call('lRange after rename', () => c.lRange('l2', 0, -1));
  await ctx.call('copy', () => c.copy('l2', 'l3'));
  await ctx.ttl('copy copies the TTL', () => c.ttl('l3'));
  await ctx.call('copy is independent', () => c.rPush('l3', 'z').then(() => Promise.all([c.lLen('l2'), c.lLen('l3')])));
  await ctx.call('copy REPLACE over a string', () => c.copy('l2', 'str', { REPLACE: true }).then(() => c.type('str')));
  await ctx.call('copy a big list to db 1', () => c.rPush('big', range(1000)).then(() => c.copy('big', 'big', { DB: 1 })));
  await ctx.call('renameNX onto a list', () => c.renameNX('l2', 'l3'));
  await ctx.call('rename a string onto a list', () => c.set('x', '1').then(() => c.rename('x', 'l3')).then(() => c.type('l3')));
  await ctx.call('persist', () => c.persist('l2'));
  await ctx.call('keys', () => c.keys('*'), { norm: sortReply });
  await ctx.scanAll('scan TYPE list', c, { TYPE: 'list' });
  await ctx.scanAll('raw scan TYPE LIST upper-case', c, { raw: true, TYPE: 'LIST' });
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('del', () => c.del(['l2', 'big', 'nokey']));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('copied list in db 1', () => c.lRange('big', 0, 3));
  await ctx.call('swapDb', () => c.swapDb(0, 1));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('list in db 0 after swap', () => c.lLen('big'));
  await ctx.call('unlink a big list', () => c.unlink('big'));
  await ctx.call('dbSize after unlink', () => c.dbSize());
});

scenario('A list with a short TTL expires', async (c, ctx) => {
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b']));
  await ctx.call('pExpire 30', () => c.pExpire('l', 30));
  await ctx.sleep(120);
  await ctx.call('lRange after expiry', () => c.lRange('l', 0, -1));
  await ctx.call('lLen after expiry', () => c.lLen('l'));
  await ctx.call('lPushX after expiry', () => c.lPushX('l', 'x'));
  await ctx.call('lMove from an expired key', () => c.lMove('l', 'd', 'LEFT', 'LEFT'));
  await ctx.call('exists after expiry', () => c.exists(['l', 'd']));
  await ctx.call('rPush after expiry creates a fresh list', () => c.rPush('l', 'c'));
  await ctx.call('fresh list has no TTL', () => c.ttl('l'));
});

scenario('Lists in MULTI/EXEC and pipelines', async (c, ctx) => {
  await ctx.call('exec', () => c.multi()
    .rPush('l', ['a', 'b', 'c']).lPush('l', 'z').lRange('l', 0, -1).lLen('l').lIndex('l', 1).lSet('l', 0, 'Z')
    .lInsert('l', 'AFTER', 'Z', 'y').lRem('l', 0, 'b').lPos('l', 'c').lPosCount('l', 'a', 0).lMove('l', 'm', 'LEFT', 'RIGHT')
    .rPopLPush('l', 'm').lmPop(['nokey', 'm'], 'RIGHT', { COUNT: 5 }).lPop('l').rPopCount('l', 3).lPopCount('nokey', 1)
    .lTrim('l', 0, -1).type('m').objectEncoding('l').exec());
  await ctx.call('state after exec', () => Promise.all([c.lRange('l', 0, -1), c.exists('m')]));
  await ctx.call('exec with WRONGTYPE inside', () => c.multi()
    .set('str', 'v').rPush('l', 'x').lPush('str', 'x').lLen('l').lSet('l', 5, 'x').lRange('l', 0, -1).exec());
  await ctx.call('the other commands took effect', () => c.lRange('l', 0, -1));
  await ctx.call('exec with list errors', () => c.multi().lPopCount('l', -1).lSet('nokey', 0, 'x').lPos('l', 'x', { RANK: 0 })
    .lInsert('l', 'MIDDLE', 'x', 'y').lLen('l').exec());
  await ctx.call('exec with a queue-time arity error', () => c.multi().rPush('l', 'q').sendCommand(['LPUSH', 'l']).exec());
  await ctx.call('q not pushed', () => c.lRange('l', 0, -1));
  await ctx.call('execAsPipeline', () => c.multi().rPush('p', ['1', '2']).lRange('p', 0, -1).lPop('p').lmPop('p', 'LEFT').execAsPipeline());
  await ctx.call('execAsPipeline with an error', () => c.multi().rPush('p', 'x').get('p').lLen('p').execAsPipeline());
  await ctx.call('pipeline commands took effect', () => c.lRange('p', 0, -1));
});

module.exports = g;
