'use strict';
// ZADD (NX XX GT LT CH INCR) ZINCRBY ZSCORE ZMSCORE ZREM ZCARD ZCOUNT ZLEXCOUNT ZRANK ZREVRANK
// ZRANGE (BYSCORE BYLEX REV LIMIT WITHSCORES) ZRANGEBYSCORE ZRANGEBYLEX ZREVRANGE* (raw)
// ZRANGESTORE ZREMRANGEBY* ZPOPMIN ZPOPMAX ZMPOP ZRANDMEMBER ZUNION ZINTER ZDIFF (and STORE)
// ZINTERCARD ZSCAN, the zset encodings (listpack up to 128 members of at most 64 bytes, then
// skiplist), scores (inf, -0, NaN refusals, the exact double formatting through the DOUBLE ->
// String mapping and ZSCAN's raw strings), WRONGTYPE against every other type both ways, and
// sorted sets seen by the key commands and MULTI.
//
// A sorted set's order is fixed (score, then member), so ranges compare exactly. Random
// replies (ZRANDMEMBER) are reduced to what Redis guarantees; ZSCAN of a skiplist is iterated
// to completion and compared as the set of entries seen.

const { RESP_TYPES } = require('redis');
const { group, raw } = require('../scenario.js');
const { canon, sortReply } = require('../harness.js');

const g = group('sorted sets: ZADD ZINCRBY ZRANGE ZRANGESTORE ZPOPMIN ZMPOP ZRANDMEMBER ZUNION ZSCAN ...');
const { scenario } = g;

const text = (x) => (Buffer.isBuffer(x) ? `Buffer:${x.toString('hex')}` : canon(x).text);
const byCanon = (a, b) => {
  const ca = canon(a).text;
  const cb = canon(b).text;
  return ca < cb ? -1 : ca > cb ? 1 : 0;
};
const range = (n, from = 0, f = (i) => String(i)) => Array.from({ length: n }, (_, i) => f(i + from));
/* n members m<i> with score i (or f(i)). */
const members = (n, from = 0, score = (i) => i) => range(n, from, (i) => ({ score: score(i), value: `m${i}` }));

/* ZRANDMEMBER key count [WITHSCORES]: the length, membership, uniqueness for a positive count,
 * and (with scores) that each score is the member's. 'zset' maps member -> score. */
function randShape(zset, count) {
  return (r) => {
    if (!Array.isArray(r)) return r;
    const items = r.map((x) => (x && typeof x === 'object' && 'value' in x ? x : { value: x }));
    const out = {
      length: r.length,
      allMembers: items.every((e) => Object.hasOwn(zset, text(e.value))),
      scoresMatch: items.every((e) => !('score' in e) || zset[text(e.value)] === e.score)
    };
    if (count > 0) out.unique = new Set(items.map((e) => text(e.value))).size === items.length;
    return out;
  };
}

/* ZSCAN from cursor '0' until '0' again: sorted unique [value, score] pairs (raw: the raw
 * score strings). */
async function zScanAll(c, key, opts = {}) {
  const { raw: useRaw, ...scanOpts } = opts;
  const seen = new Map();
  let cursor = '0';
  let rounds = 0;
  do {
    let page;
    if (useRaw) {
      const args = ['ZSCAN', key, cursor];
      if (scanOpts.MATCH !== undefined) args.push('MATCH', scanOpts.MATCH);
      if (scanOpts.COUNT !== undefined) args.push('COUNT', String(scanOpts.COUNT));
      const r = await c.sendCommand(args);
      page = { cursor: r[0], members: [] };
      for (let i = 0; i < r[1].length; i += 2) page.members.push({ value: r[1][i], score: r[1][i + 1] });
    } else {
      page = await c.zScan(key, cursor, scanOpts);
    }
    for (const { value, score } of page.members) seen.set(text(value), score);
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('ZSCAN never returned cursor 0');
  } while (cursor.toString() !== '0');
  return [...seen].sort(byCanon);
}

/* Drains an async iterator: {somePages, allArrays, items: sorted unique texts}. */
async function drain(iter) {
  const items = new Set();
  let pages = 0;
  let allArrays = true;
  for await (const page of iter) {
    pages++;
    if (!Array.isArray(page)) allArrays = false;
    else for (const x of page) items.add(canon(x).text);
  }
  return { somePages: pages > 0, allArrays, items: [...items].sort() };
}

const dbl = (c) => c.withTypeMapping({ [RESP_TYPES.DOUBLE]: String });

// ---- ZADD -----------------------------------------------------------------------------------

scenario('ZADD call shapes and replies', async (c, ctx) => {
  await ctx.call('zAdd one', () => c.zAdd('z', { score: 1, value: 'a' }));
  await ctx.call('zAdd array', () => c.zAdd('z', [{ score: 2, value: 'b' }, { score: 3, value: 'c' }]));
  await ctx.call('zAdd update only', () => c.zAdd('z', { score: 1.5, value: 'a' }));
  await ctx.call('zAdd same score', () => c.zAdd('z', { score: 1.5, value: 'a' }));
  await ctx.call('zAdd CH', () => c.zAdd('z', { score: 1, value: 'a' }, { CH: true }));
  await ctx.call('zAdd CH same score', () => c.zAdd('z', { score: 1, value: 'a' }, { CH: true }));
  await ctx.call('zAdd CH new and updated', () => c.zAdd('z', [{ score: 9, value: 'a' }, { score: 4, value: 'd' }], { CH: true }));
  await ctx.call('zAdd condition NX existing', () => c.zAdd('z', { score: 0, value: 'a' }, { condition: 'NX' }));
  await ctx.call('zAdd condition NX new', () => c.zAdd('z', { score: 5, value: 'e' }, { condition: 'NX' }));
  await ctx.call('zAdd condition XX new', () => c.zAdd('z', { score: 9, value: 'new' }, { condition: 'XX' }));
  await ctx.call('zAdd condition XX existing CH', () => c.zAdd('z', { score: 8, value: 'a' }, { condition: 'XX', CH: true }));
  await ctx.call('zAdd comparison GT lower', () => c.zAdd('z', { score: 0, value: 'a' }, { comparison: 'GT', CH: true }));
  await ctx.call('zAdd comparison GT higher', () => c.zAdd('z', { score: 10, value: 'a' }, { comparison: 'GT', CH: true }));
  await ctx.call('zAdd comparison LT lower', () => c.zAdd('z', { score: 0.5, value: 'b' }, { comparison: 'LT', CH: true }));
  await ctx.call('zAdd comparison GT new member', () => c.zAdd('z', { score: 1, value: 'f' }, { comparison: 'GT' }));
  await ctx.call('zAdd deprecated NX', () => c.zAdd('z', { score: 7, value: 'a' }, { NX: true }));
  await ctx.call('zAdd deprecated XX GT CH', () => c.zAdd('z', { score: 11, value: 'a' }, { XX: true, GT: true, CH: true }));
  await ctx.call('zAdd deprecated LT', () => c.zAdd('z', { score: 1, value: 'a' }, { LT: true }));
  await ctx.call('zAdd NX and GT', () => c.zAdd('z', { score: 1, value: 'q' }, { condition: 'NX', comparison: 'GT' }));
  await ctx.call('zAdd deprecated NX and XX (NX wins)', () => c.zAdd('z', { score: 1, value: 'q' }, { NX: true, XX: true }));
  await ctx.call('zAdd deprecated GT and LT (LT wins)', () => c.zAdd('z', { score: 100, value: 'a' }, { GT: true, LT: true }));
  await ctx.call('zAdd INCR option is ignored', () => c.zAdd('z', { score: 1, value: 'a' }, { INCR: true }));
  await ctx.call('zAdd string score', () => c.zAdd('z', { score: '2', value: 's' }));
  await ctx.call('zAdd Infinity', () => c.zAdd('z', { score: Infinity, value: 'inf' }));
  await ctx.call('zAdd -Infinity', () => c.zAdd('z', { score: -Infinity, value: 'ninf' }));
  await ctx.call('zAdd NaN', () => c.zAdd('z', { score: NaN, value: 'nan' }));
  await ctx.call('zAdd -0', () => c.zAdd('z', { score: -0, value: 'nz' }));
  await ctx.call('zAdd Buffer member', () => c.zAdd('z', { score: 3, value: Buffer.from('buf') }));
  await ctx.call('zAdd number member', () => c.zAdd('z', { score: 3, value: 1 }));
  await ctx.call('zAdd empty array', () => c.zAdd('z', []));
  await ctx.call('zAdd positional', () => c.zAdd('z', '1', 'a'));
  await ctx.call('zAdd no members', () => c.zAdd('z'));
  await ctx.call('zAdd member without score', () => c.zAdd('z', { value: 'x' }));
  await ctx.call('zAdd number key', () => c.zAdd(1, { score: 1, value: 'a' }));
  await ctx.call('zAdd duplicates in one call', () => c.zAdd('z', [{ score: 1, value: 'dup' }, { score: 2, value: 'dup' }]));
  await ctx.call('zAdd duplicates CH', () => c.zAdd('z', [{ score: 3, value: 'dup' }, { score: 3, value: 'dup' }], { CH: true }));
  await ctx.call('ZADD', () => c.ZADD('z', { score: 6, value: 'g' }));
  await ctx.call('raw ZADD', () => raw(c, 'ZADD', 'z', '1', 'r1', '2', 'r2'));
  await ctx.call('raw zadd lower-case options', () => raw(c, 'zadd', 'z', 'xx', 'ch', '3', 'r1'));
  await ctx.call('zRangeWithScores after the shapes', () => c.zRangeWithScores('z', 0, -1));
  await ctx.call('zCard', () => c.zCard('z'));
  await ctx.call('zAddIncr', () => c.zAddIncr('z', { score: 10, value: 'a' }));
  await ctx.call('zAddIncr new member', () => c.zAddIncr('z', { score: 2.5, value: 'h' }));
  await ctx.call('zAddIncr XX missing member', () => c.zAddIncr('z', { score: 10, value: 'zz' }, { condition: 'XX' }));
  await ctx.call('zAddIncr NX existing member', () => c.zAddIncr('z', { score: 10, value: 'a' }, { condition: 'NX' }));
  await ctx.call('zAddIncr GT refusing a decrease', () => c.zAddIncr('z', { score: -1, value: 'a' }, { comparison: 'GT' }));
  await ctx.call('zAddIncr LT accepting a decrease', () => c.zAddIncr('z', { score: -1, value: 'a' }, { comparison: 'LT' }));
  await ctx.call('zAddIncr CH', () => c.zAddIncr('z', { score: 1, value: 'a' }, { CH: true }));
  await ctx.call('zAddIncr two members', () => c.zAddIncr('z', [{ score: 1, value: 'a' }, { score: 1, value: 'b' }]));
  await ctx.call('zAddIncr Infinity', () => c.zAddIncr('z', { score: Infinity, value: 'i2' }));
  await ctx.call('zAddIncr -Infinity onto inf', () => c.zAddIncr('z', { score: -Infinity, value: 'i2' }));
  await ctx.call('zAddIncr missing key XX', () => c.zAddIncr('nokey', { score: 1, value: 'a' }, { condition: 'XX' }));
  await ctx.call('missing key not created', () => c.exists('nokey'));
  await ctx.call('ZADD_INCR', () => c.ZADD_INCR('z', { score: 0.25, value: 'h' }));
  await ctx.call('zAddIncr ignores deprecated flags', () => c.zAddIncr('z', { score: 1, value: 'h' }, { NX: true, GT: true }));
  await ctx.call('zScore h', () => c.zScore('z', 'h'));
});

scenario('ZADD flag combinations through sendCommand', async (c, ctx) => {
  const flagSets = [[], ['NX'], ['XX'], ['GT'], ['LT'], ['CH'], ['INCR'], ['NX', 'CH'], ['XX', 'CH'], ['GT', 'CH'],
    ['LT', 'CH'], ['XX', 'GT'], ['XX', 'LT'], ['XX', 'GT', 'CH'], ['NX', 'INCR'], ['XX', 'INCR'], ['GT', 'INCR'],
    ['LT', 'INCR'], ['CH', 'INCR'], ['NX', 'XX'], ['NX', 'GT'], ['NX', 'LT'], ['GT', 'LT'], ['XX', 'GT', 'LT'],
    ['nx'], ['Gt', 'ch'], ['GT', 'GT'], ['FOO'], ['INCR', 'INCR']];
  for (const flags of flagSets) {
    for (const [what, score, member] of [['higher', '5', 'a'], ['lower', '-5', 'a'], ['equal', '1', 'a'], ['new', '3', 'n']]) {
      await ctx.call(`ZADD ${flags.join(' ')} ${what}`, async () => {
        await c.del('z');
        await c.zAdd('z', { score: 1, value: 'a' });
        let reply;
        try {
          reply = await raw(c, 'ZADD', 'z', ...flags, score, member);
        } catch (e) {
          reply = `error: ${e.message}`;
        }
        return [reply, await c.zRangeWithScores('z', 0, -1)];
      });
    }
  }
  await ctx.call('ZADD INCR with two pairs', () => raw(c, 'ZADD', 'z', 'INCR', '1', 'a', '2', 'b'));
  await ctx.call('ZADD odd score/member count', () => raw(c, 'ZADD', 'z', '1', 'a', '2'));
  await ctx.call('ZADD only flags', () => raw(c, 'ZADD', 'z', 'NX', 'CH'));
  await ctx.call('ZADD flags after the pairs', () => raw(c, 'ZADD', 'z', '1', 'a', 'NX'));
  await ctx.call('ZADD bad score among good ones adds nothing', () => raw(c, 'ZADD', 'z', '7', 'p', 'x', 'q'));
  await ctx.call('p not added', () => c.zScore('z', 'p'));
  await ctx.call('ZADD NX XX on a missing key', () => raw(c, 'ZADD', 'nokey', 'NX', 'XX', '1', 'a'));
  await ctx.call('ZADD XX on a missing key creates nothing', () => raw(c, 'ZADD', 'nokey', 'XX', '1', 'a'));
  await ctx.call('nokey not created', () => c.exists('nokey'));
  await ctx.call('ZADD XX INCR on a missing key', () => raw(c, 'ZADD', 'nokey', 'XX', 'INCR', '1', 'a'));
  await ctx.call('nokey still not created', () => c.exists('nokey'));
});

// ---- scores ---------------------------------------------------------------------------------

scenario('Scores: parsing, inf, -0, NaN refusals and exact double formatting', async (c, ctx) => {
  const d = dbl(c);
  const scores = ['0', '-0', '+0', '1', '-1', '0.1', '1e-5', '1E3', '1.5e+2', '.5', '5.', '+inf', '-inf', 'inf', 'INF', '+Inf',
    'infinity', '-Infinity', '9007199254740993', '123456789012345678', '1e20', '1e308', '-1e308', '2.2250738585072014e-308',
    '5e-324', '4.9e-325', '0x10', '1e400', '-1e400', 'nan', 'NaN', '', ' 1', '1 ', '1e', 'abc', '1.7976931348623157e308',
    '0.30000000000000004', '3.0000000000000004', '100000000000000000000000', '-0.0', '1_000'];
  for (const s of scores) {
    await ctx.call(`raw ZADD score ${JSON.stringify(s)}`, () => raw(c, 'ZADD', 'z', s, `m:${s}`));
    await ctx.call(`ZSCORE of ${JSON.stringify(s)} as a string`, () => d.zScore('z', `m:${s}`));
    await ctx.call(`ZSCORE of ${JSON.stringify(s)} as a number`, () => c.zScore('z', `m:${s}`));
  }
  await ctx.call('zRangeWithScores as strings', () => d.zRangeWithScores('z', 0, -1));
  await ctx.call('zRangeWithScores as numbers', () => c.zRangeWithScores('z', 0, -1));
  await ctx.call('raw ZRANGE WITHSCORES as strings', () => c.sendCommand(['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
    { typeMapping: { [RESP_TYPES.DOUBLE]: String } }));
  await ctx.call('raw ZSCAN score strings', () => raw(c, 'ZSCAN', 'z', '0', 'COUNT', '1000'));
  await ctx.call('zScan scores as numbers', () => c.zScan('z', '0', { COUNT: 1000 }));
  await ctx.call('zScan with the DOUBLE mapping still numbers', () => d.zScan('z', '0', { COUNT: 1000 }));
  await ctx.call('zmScore as strings', () => d.zmScore('z', ['m:0.1', 'm:-0', 'm:+inf', 'nomember']));
  await ctx.call('encoding (listpack)', () => c.objectEncoding('z'));
  await ctx.call('the same scores in a skiplist', () => c.zAdd('z', { score: 0, value: 'x'.repeat(100) }).then(() => c.objectEncoding('z')));
  await ctx.call('skiplist zRangeWithScores as strings', () => d.zRangeWithScores('z', 0, -1));
  await ctx.call('skiplist raw ZSCAN score strings (sorted)', () => zScanAll(c, 'z', { raw: true }));
  await ctx.call('zIncrBy 0.1 then 0.2', () => d.zIncrBy('s', 0.1, 'a').then(() => d.zIncrBy('s', 0.2, 'a')));
  await ctx.call('zIncrBy 1e-5', () => d.zIncrBy('s', 1e-5, 'b'));
  await ctx.call('zIncrBy big integers', () => d.zIncrBy('s', 9007199254740993, 'c').then(() => d.zIncrBy('s', 1, 'c')));
  await ctx.call('zIncrBy -0 on a new member', () => d.zIncrBy('s', -0, 'nz'));
  await ctx.call('zIncrBy -0 as a number', () => c.zScore('s', 'nz'));
  await ctx.call('zIncrBy 0 on -0', () => d.zIncrBy('s', 0, 'nz'));
  await ctx.call('zIncrBy 1e308 twice is inf', () => d.zIncrBy('s', 1e308, 'big').then(() => d.zIncrBy('s', 1e308, 'big')));
  await ctx.call('zIncrBy -inf onto inf', () => c.zIncrBy('s', -Infinity, 'big'));
  await ctx.call('big still inf', () => c.zScore('s', 'big'));
  await ctx.call('zIncrBy inf onto -inf member', () => c.zAdd('s', { score: -Infinity, value: 'ni' }).then(() => c.zIncrBy('s', Infinity, 'ni')));
  await ctx.call('raw ZINCRBY inf -inf', () => raw(c, 'ZINCRBY', 'n', 'inf', 'a').then(() => raw(c, 'ZINCRBY', 'n', '-inf', 'a')));
  await ctx.call('zAddIncr to NaN', () => c.zAddIncr('n', { score: -Infinity, value: 'a' }));
  await ctx.call('zIncrBy NaN', () => c.zIncrBy('s', NaN, 'a'));
  await ctx.call('zIncrBy bad increment', () => c.zIncrBy('s', 'x', 'a'));
  await ctx.call('raw ZINCRBY empty increment', () => raw(c, 'ZINCRBY', 's', '', 'a'));
  await ctx.call('zIncrBy Infinity on a new member', () => c.zIncrBy('s', Infinity, 'pinf'));
  await ctx.call('zIncrBy missing key', () => c.zIncrBy('newkey', 2.5, 'a'));
  await ctx.call('ZINCRBY', () => c.ZINCRBY('newkey', -2.5, 'a'));
  await ctx.call('zIncrBy number member', () => c.zIncrBy('s', 1, 1));
  await ctx.call('zIncrBy without a member', () => c.zIncrBy('s', 1));
  await ctx.call('s as strings', () => d.zRangeWithScores('s', 0, -1));
  await ctx.call('GT with -0 and 0', () => c.zAdd('g', { score: 0, value: 'a' }).then(() => raw(c, 'ZADD', 'g', 'GT', 'CH', '-0', 'a'))
    .then(() => d.zScore('g', 'a')));
  await ctx.call('LT with -0 and 0', () => raw(c, 'ZADD', 'g', 'LT', 'CH', '-0', 'a').then(() => d.zScore('g', 'a')));
  await ctx.call('-0 then 0 update', () => raw(c, 'ZADD', 'g', 'CH', '-0', 'b').then(() => raw(c, 'ZADD', 'g', 'CH', '0', 'b'))
    .then(() => d.zScore('g', 'b')));
  await ctx.call('ZCOUNT -0 0', () => raw(c, 'ZCOUNT', 'g', '-0', '0'));
  await ctx.call('ZCOUNT (0 (0', () => raw(c, 'ZCOUNT', 'g', '(0', '(0'));
  await ctx.call('same scores order by member', () => c.zAdd('ord', [{ score: 1, value: 'b' }, { score: 1, value: 'a' },
    { score: 1, value: 'B' }, { score: 1, value: '' }, { score: 1, value: 'aa' }, { score: 0, value: 'z' }, { score: -0, value: 'y' }])
    .then(() => c.zRange('ord', 0, -1)));
});

scenario('Negative zero: 0 in a listpack, kept in a skiplist, replied as computed', async (c, ctx) => {
  // Redis 7.0 writes listpack scores as text, where -0 reads back as 0; a skiplist keeps -0.
  const d = dbl(c);
  const s = (...args) => c.sendCommand(args, { typeMapping: { [RESP_TYPES.DOUBLE]: String } });
  await c.zAdd('big', members(200, 1));
  await ctx.call('big is a skiplist', () => c.objectEncoding('big'));
  await ctx.call('ZADD big -0 x', () => raw(c, 'ZADD', 'big', '-0', 'x').then(() => d.zScore('big', 'x')));
  await ctx.call('ZINCRBY big -0 y', () => s('ZINCRBY', 'big', '-0', 'y').then(async (r) => [r, await d.zScore('big', 'y')]));
  await ctx.call('ZADD big INCR -0 w', () => s('ZADD', 'big', 'INCR', '-0', 'w').then(async (r) => [r, await d.zScore('big', 'w')]));
  await ctx.call('ZADD small INCR -0 w', () => s('ZADD', 'small', 'INCR', '-0', 'w').then(async (r) => [r, await d.zScore('small', 'w')]));
  await ctx.call('ZINCRBY small -0 on 0', () => s('ZADD', 'small', '0', 'v').then(() => s('ZINCRBY', 'small', '-0', 'v')));
  await ctx.call('ZRANGEBYSCORE big -0 0', () => s('ZRANGEBYSCORE', 'big', '-0', '0', 'WITHSCORES'));
  await ctx.call('ZRANGESTORE of -0 into a listpack', () => raw(c, 'ZRANGESTORE', 'dst', 'big', '0', '3')
    .then(() => s('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')));
  await ctx.call('ZUNIONSTORE weight -0 into a skiplist', () => raw(c, 'ZUNIONSTORE', 'u', '1', 'big', 'WEIGHTS', '-0')
    .then(async () => [await d.zScore('u', 'm1'), await c.objectEncoding('u')]));
  await c.zAdd('s1', [{ score: -1, value: 'm2' }, { score: 0.00001, value: '1' }, { score: 2, value: 'm1' }]);
  await ctx.call('ZINTERSTORE weight 0 into a listpack', () => raw(c, 'ZINTERSTORE', 'b', '1', 's1', 'WEIGHTS', '0', 'AGGREGATE', 'MAX')
    .then(() => s('ZRANGE', 'b', '0', '-1', 'WITHSCORES')));
  await ctx.call('ZUNIONSTORE weight 0 into a listpack', () => raw(c, 'ZUNIONSTORE', 'b', '1', 's1', 'WEIGHTS', '0')
    .then(() => s('ZRANGE', 'b', '0', '-1', 'WITHSCORES')));
  await ctx.call('ZINTER weight 0 (not stored)', () => s('ZINTER', '1', 's1', 'WEIGHTS', '0', 'WITHSCORES'));
  await ctx.call('ZDIFFSTORE keeps listpack scores', () => raw(c, 'ZDIFFSTORE', 'df', '1', 'dst').then(() => s('ZRANGE', 'df', '0', '-1', 'WITHSCORES')));
  await ctx.call('a -0 member of a skiplist moved to a listpack by ZREMRANGEBYRANK', async () => {
    await raw(c, 'ZREMRANGEBYRANK', 'big', '10', '-1');
    return [await c.objectEncoding('big'), await s('ZRANGE', 'big', '0', '-1', 'WITHSCORES')];
  });
});

// ---- reads ----------------------------------------------------------------------------------

scenario('ZSCORE, ZMSCORE, ZCARD, ZRANK, ZREVRANK (WITHSCORE needs Redis 7.2)', async (c, ctx) => {
  await ctx.call('zAdd', () => c.zAdd('z', [{ score: 1, value: 'one' }, { score: 2, value: 'two' }, { score: 2, value: 'deux' },
    { score: Infinity, value: 'inf' }]));
  await ctx.call('zScore', () => c.zScore('z', 'two'));
  await ctx.call('zScore inf', () => c.zScore('z', 'inf'));
  await ctx.call('zScore missing member', () => c.zScore('z', 'nomember'));
  await ctx.call('zScore missing key', () => c.zScore('nokey', 'a'));
  await ctx.call('zScore number member', () => c.zScore('z', 1));
  await ctx.call('ZSCORE', () => c.ZSCORE('z', 'one'));
  await ctx.call('zmScore', () => c.zmScore('z', ['one', 'nomember', 'inf']));
  await ctx.call('zmScore string', () => c.zmScore('z', 'two'));
  await ctx.call('zmScore missing key', () => c.zmScore('nokey', ['a', 'b']));
  await ctx.call('zmScore empty array', () => c.zmScore('z', []));
  await ctx.call('ZMSCORE', () => c.ZMSCORE('z', ['deux', 'two']));
  await ctx.call('zMScore does not exist', () => c.zMScore('z', ['a']));
  await ctx.call('zCard', () => c.zCard('z'));
  await ctx.call('zCard missing key', () => c.zCard('nokey'));
  await ctx.call('ZCARD', () => c.ZCARD('z'));
  for (const m of ['one', 'deux', 'two', 'inf', 'nomember']) {
    await ctx.call(`zRank ${m}`, () => c.zRank('z', m));
    await ctx.call(`zRevRank ${m}`, () => c.zRevRank('z', m));
  }
  await ctx.call('zRank missing key', () => c.zRank('nokey', 'a'));
  await ctx.call('ZRANK', () => c.ZRANK('z', 'two'));
  await ctx.call('ZREVRANK', () => c.ZREVRANK('z', 'two'));
  await ctx.call('zRankWithScore', () => c.zRankWithScore('z', 'two'));
  await ctx.call('zRankWithScore missing member', () => c.zRankWithScore('z', 'nomember'));
  await ctx.call('zRevRankWithScore', () => c.zRevRankWithScore('z', 'two'));
  await ctx.call('ZRANK_WITHSCORE', () => c.ZRANK_WITHSCORE('nokey', 'a'));
  await ctx.call('ZREVRANK_WITHSCORE', () => c.ZREVRANK_WITHSCORE('z', 'one'));
  await ctx.call('raw ZRANK WITHSCORE', () => raw(c, 'ZRANK', 'z', 'one', 'WITHSCORE'));
  await ctx.call('raw ZREVRANK withscore', () => raw(c, 'ZREVRANK', 'z', 'one', 'withscore'));
  await ctx.call('ranks in a skiplist', () => c.zAdd('big', members(300)).then(() => Promise.all([c.zRank('big', 'm0'),
    c.zRank('big', 'm150'), c.zRevRank('big', 'm150'), c.zRank('big', 'm299'), c.zRevRank('big', 'm299'), c.objectEncoding('big')])));
});

scenario('ZCOUNT and ZLEXCOUNT ranges', async (c, ctx) => {
  await ctx.call('zAdd', () => c.zAdd('z', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }, { score: 3, value: 'c' },
    { score: 3, value: 'd' }, { score: Infinity, value: 'e' }, { score: -Infinity, value: 'f' }]));
  const ranges = [[2, 3], ['-inf', '+inf'], [-Infinity, Infinity], ['(1', 3], ['(1', '(3'], [3, 1], ['(3', 3], [3, '(3'],
    ['inf', 'inf'], ['(inf', '+inf'], ['-inf', '(-inf'], ['1.5', '2.5'], ['(-inf', '(inf'], [0, 0]];
  for (const [a, b] of ranges) await ctx.call(`zCount ${a} ${b}`, () => c.zCount('z', a, b));
  await ctx.call('zCount missing key', () => c.zCount('nokey', 0, 1));
  await ctx.call('ZCOUNT', () => c.ZCOUNT('z', 1, 1));
  for (const [a, b] of [['x', 1], [1, 'x'], ['((1', 2], ['(', 2], ['[1', 2], ['', 1], ['nan', 1], [NaN, 1]]) {
    await ctx.call(`zCount bad ${a} ${b}`, () => c.zCount('z', a, b));
  }
  await ctx.call('zCount bad bound on a missing key', () => c.zCount('nokey', 'x', 1));
  await ctx.call('lex set', () => c.zAdd('l', ['a', 'b', 'c', 'd', 'e', 'aa', 'A', ''].map((value) => ({ score: 0, value }))));
  const lex = [['-', '+'], ['[b', '[d'], ['(b', '(d'], ['[b', '(b'], ['[aa', '+'], ['-', '(a'], ['+', '-'], ['[', '+'],
    ['(', '+'], ['[e', '[a'], ['-', '-'], ['+', '+'], ['[A', '[a']];
  for (const [a, b] of lex) await ctx.call(`zLexCount ${a} ${b}`, () => c.zLexCount('l', a, b));
  for (const [a, b] of [['a', 'b'], ['[a', 'b'], ['-a', '+'], ['', '+'], ['[a', '']]) {
    await ctx.call(`zLexCount bad ${JSON.stringify(a)} ${JSON.stringify(b)}`, () => c.zLexCount('l', a, b));
  }
  await ctx.call('zLexCount number bound', () => c.zLexCount('l', 1, 2));
  await ctx.call('zLexCount missing key', () => c.zLexCount('nokey', '-', '+'));
  await ctx.call('zLexCount bad bound on a missing key', () => c.zLexCount('nokey', 'a', '+'));
  await ctx.call('ZLEXCOUNT', () => c.ZLEXCOUNT('l', '[a', '[b'));
  await ctx.call('big zCount', () => c.zAdd('big', members(500)).then(() => c.zCount('big', '(100', 399)));
  await ctx.call('big zLexCount', () => c.zAdd('bl', range(500, 0, (i) => ({ score: 0, value: `m${String(i).padStart(3, '0')}` })))
    .then(() => c.zLexCount('bl', '[m100', '(m400')));
});

// ---- ZRANGE family --------------------------------------------------------------------------

scenario('ZRANGE by rank, BYSCORE, BYLEX, REV, LIMIT and WITHSCORES', async (c, ctx) => {
  await ctx.call('zAdd r', () => c.zAdd('r', [{ score: 1, value: 'one' }, { score: 2, value: 'two' }, { score: 3, value: 'three' },
    { score: 4, value: 'four' }]));
  await ctx.call('zAdd lex', () => c.zAdd('lex', ['a', 'b', 'c', 'd', 'e'].map((value) => ({ score: 0, value }))));
  for (const [a, b] of [[0, -1], [0, 1], [1, 1], [-2, -1], [2, 1], [-100, 100], [5, 10], ['0', '-1'], [-1, -100]]) {
    await ctx.call(`zRange ${a} ${b}`, () => c.zRange('r', a, b));
    await ctx.call(`zRange ${a} ${b} REV`, () => c.zRange('r', a, b, { REV: true }));
  }
  const byScore = [[2, 3, {}], ['(1', '+inf', {}], [-Infinity, Infinity, {}], [4, 1, { REV: true }], [1, 4, { REV: true }],
    [1, 4, { LIMIT: { offset: 1, count: 2 } }], [1, 4, { LIMIT: { offset: 0, count: -1 } }], [1, 4, { LIMIT: { offset: 10, count: 1 } }],
    [1, 4, { LIMIT: { offset: -1, count: 1 } }], ['+inf', '-inf', { REV: true, LIMIT: { offset: 1, count: 2 } }],
    ['(4', '(1', { REV: true }], [1, 4, { LIMIT: { offset: 0, count: 0 } }]];
  for (const [a, b, o] of byScore) {
    await ctx.call(`zRange BYSCORE ${a} ${b} ${JSON.stringify(o)}`, () => c.zRange('r', a, b, { BY: 'SCORE', ...o }));
    await ctx.call(`zRangeWithScores BYSCORE ${a} ${b} ${JSON.stringify(o)}`, () => c.zRangeWithScores('r', a, b, { BY: 'SCORE', ...o }));
  }
  const byLex = [['[b', '(d', {}], ['-', '+', { LIMIT: { offset: 0, count: 2 } }], ['+', '-', { REV: true }],
    ['(d', '[b', { REV: true }], ['-', '+', { REV: true, LIMIT: { offset: 1, count: 2 } }], ['[c', '[c', {}], ['(c', '(c', {}]];
  for (const [a, b, o] of byLex) await ctx.call(`zRange BYLEX ${a} ${b} ${JSON.stringify(o)}`, () => c.zRange('lex', a, b, { BY: 'LEX', ...o }));
  await ctx.call('zRangeWithScores', () => c.zRangeWithScores('r', 0, -1));
  await ctx.call('zRangeWithScores REV', () => c.zRangeWithScores('r', 0, 1, { REV: true }));
  await ctx.call('zRangeWithScores BYLEX', () => c.zRangeWithScores('lex', '-', '+', { BY: 'LEX' }));
  await ctx.call('zRange LIMIT by rank', () => c.zRange('r', 0, -1, { LIMIT: { offset: 0, count: 1 } }));
  await ctx.call('zRange BYSCORE bad bound', () => c.zRange('r', 'x', 1, { BY: 'SCORE' }));
  await ctx.call('zRange BYLEX bad bound', () => c.zRange('lex', 'a', 'c', { BY: 'LEX' }));
  await ctx.call('zRange rank bad index', () => c.zRange('r', 'x', 1));
  await ctx.call('zRange rank float index', () => c.zRange('r', 1.5, 2));
  await ctx.call('zRange missing key', () => c.zRange('nokey', 0, -1));
  await ctx.call('zRange missing key bad bound', () => c.zRange('nokey', 'x', 1, { BY: 'SCORE' }));
  await ctx.call('ZRANGE', () => c.ZRANGE('r', 0, 0));
  await ctx.call('ZRANGE_WITHSCORES', () => c.ZRANGE_WITHSCORES('r', 0, 0));
  const argvs = [
    ['ZRANGE', 'r', '0', '-1', 'WITHSCORES'], ['ZRANGE', 'r', '0', '-1', 'withscores', 'rev'],
    ['ZRANGE', 'r', '(1', '3', 'BYSCORE', 'WITHSCORES', 'LIMIT', '0', '1'], ['ZRANGE', 'r', '0', '1', 'BYSCORE', 'BYLEX'],
    ['ZRANGE', 'r', '0', '1', 'LIMIT', '0', '1'], ['ZRANGE', 'lex', '-', '+', 'BYLEX', 'WITHSCORES'],
    ['ZRANGE', 'r', '0', '1', 'BYSCORE', 'LIMIT', '0'], ['ZRANGE', 'r', '0', '1', 'BYSCORE', 'LIMIT', 'x', '1'],
    ['ZRANGE', 'r', '0', '1', 'BYSCORE', 'LIMIT', '0', 'x'], ['ZRANGE', 'r', '0', '1', 'FOO'], ['ZRANGE', 'r', '0', '1', 'REV', 'REV'],
    ['ZRANGE', 'r', '0', '1', 'WITHSCORES', 'WITHSCORES'], ['ZRANGE', 'r', '0'], ['ZRANGE', 'nokey', '0', '1', 'LIMIT', '0', '1'],
    ['ZRANGE', 'r', '1', '4', 'BYSCORE', 'LIMIT', '1', '2', 'LIMIT', '0', '1'],
    ['ZRANGE', 'r', '-inf', '+inf', 'BYSCORE', 'LIMIT', '0', '9223372036854775807'],
    ['ZRANGE', 'r', '0', '9223372036854775807'], ['ZRANGE', 'r', '-9223372036854775808', '9223372036854775807'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('raw ZRANGE WITHSCORES pairs as strings', () => c.sendCommand(['ZRANGE', 'r', '0', '-1', 'WITHSCORES'],
    { typeMapping: { [RESP_TYPES.DOUBLE]: String } }));
});

scenario('ZRANGEBYSCORE, ZRANGEBYLEX and the raw ZREVRANGE family', async (c, ctx) => {
  await ctx.call('zAdd r', () => c.zAdd('r', [{ score: 1, value: 'one' }, { score: 2, value: 'two' }, { score: 3, value: 'three' },
    { score: 4, value: 'four' }]));
  await ctx.call('zAdd lex', () => c.zAdd('lex', ['a', 'b', 'c', 'd', 'e'].map((value) => ({ score: 0, value }))));
  await ctx.call('zRangeByScore', () => c.zRangeByScore('r', 2, 3));
  await ctx.call('zRangeByScore inf LIMIT', () => c.zRangeByScore('r', '-inf', '+inf', { LIMIT: { offset: 1, count: 2 } }));
  await ctx.call('zRangeByScore exclusive', () => c.zRangeByScore('r', '(1', '(4'));
  await ctx.call('zRangeByScore reversed bounds', () => c.zRangeByScore('r', 3, 2));
  await ctx.call('zRangeByScore Infinity', () => c.zRangeByScore('r', -Infinity, Infinity));
  await ctx.call('zRangeByScore bad bound', () => c.zRangeByScore('r', 'x', 2));
  await ctx.call('zRangeByScore missing key', () => c.zRangeByScore('nokey', 0, 1));
  await ctx.call('ZRANGEBYSCORE', () => c.ZRANGEBYSCORE('r', 1, 1));
  await ctx.call('zRangeByScoreWithScores', () => c.zRangeByScoreWithScores('r', 2, 3));
  await ctx.call('zRangeByScoreWithScores LIMIT', () => c.zRangeByScoreWithScores('r', '-inf', '+inf', { LIMIT: { offset: 2, count: 5 } }));
  await ctx.call('ZRANGEBYSCORE_WITHSCORES', () => c.ZRANGEBYSCORE_WITHSCORES('r', '(3', '+inf'));
  await ctx.call('zRangeByLex', () => c.zRangeByLex('lex', '-', '[b'));
  await ctx.call('zRangeByLex LIMIT', () => c.zRangeByLex('lex', '(a', '+', { LIMIT: { offset: 1, count: 2 } }));
  await ctx.call('zRangeByLex bad bound', () => c.zRangeByLex('lex', 'a', '+'));
  await ctx.call('zRangeByLex missing key', () => c.zRangeByLex('nokey', '-', '+'));
  await ctx.call('ZRANGEBYLEX', () => c.ZRANGEBYLEX('lex', '[c', '[c'));
  const argvs = [
    ['ZRANGEBYSCORE', 'r', '-inf', '+inf', 'WITHSCORES'], ['ZRANGEBYSCORE', 'r', '-inf', '+inf', 'LIMIT', '1', '1', 'WITHSCORES'],
    ['ZRANGEBYSCORE', 'r', '0', '5', 'LIMIT', '0'], ['ZRANGEBYSCORE', 'r', '0', '5', 'FOO'], ['ZRANGEBYSCORE', 'r', '0', '5', 'REV'],
    ['ZRANGEBYSCORE', 'r', '0', '5', 'BYSCORE'], ['ZRANGEBYLEX', 'lex', '-', '+', 'WITHSCORES'],
    ['ZRANGEBYLEX', 'lex', '-', '+', 'LIMIT', '1', '-1'], ['ZRANGEBYLEX', 'lex', '+', '-'],
    ['ZREVRANGE', 'r', '0', '-1'], ['ZREVRANGE', 'r', '0', '1', 'WITHSCORES'], ['ZREVRANGE', 'r', '0', '1', 'withscores'],
    ['ZREVRANGE', 'r', '0', '1', 'LIMIT', '0', '1'], ['ZREVRANGE', 'r', '0', '1', 'BYSCORE'], ['ZREVRANGE', 'r', 'x', '1'],
    ['ZREVRANGE', 'nokey', '0', '-1'], ['ZREVRANGE', 'r', '0'],
    ['ZREVRANGEBYSCORE', 'r', '+inf', '-inf'], ['ZREVRANGEBYSCORE', 'r', '3', '(1', 'WITHSCORES'],
    ['ZREVRANGEBYSCORE', 'r', '+inf', '-inf', 'LIMIT', '1', '2'], ['ZREVRANGEBYSCORE', 'r', '1', '3'],
    ['ZREVRANGEBYSCORE', 'r', 'x', '1'], ['ZREVRANGEBYSCORE', 'r', '3', '1', 'BYLEX'],
    ['ZREVRANGEBYLEX', 'lex', '+', '-'], ['ZREVRANGEBYLEX', 'lex', '[d', '(a', 'LIMIT', '1', '1'], ['ZREVRANGEBYLEX', 'lex', '-', '+'],
    ['ZREVRANGEBYLEX', 'lex', 'd', 'a'], ['ZREVRANGEBYLEX', 'lex', '+', '-', 'WITHSCORES'], ['ZREVRANGEBYLEX', 'nokey', '+', '-'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('zRevRange does not exist', () => c.zRevRange('r', 0, -1));
  await ctx.call('zRevRangeByScore does not exist', () => c.zRevRangeByScore('r', 1, 2));
  await ctx.call('ZREVRANGEBYLEX does not exist', () => c.ZREVRANGEBYLEX('lex', '+', '-'));
  await ctx.call('big set ranges', () => c.zAdd('big', members(500)).then(() => Promise.all([
    c.zRange('big', 250, 252), c.zRangeByScore('big', '(100', 103), c.zRange('big', 400, 398, { BY: 'SCORE', REV: true }),
    c.zRange('big', 0, -1, { BY: 'SCORE', LIMIT: { offset: 490, count: 5 } }), raw(c, 'ZREVRANGE', 'big', '0', '2')])));
});

scenario('ZRANGESTORE', async (c, ctx) => {
  await ctx.call('zAdd src', () => c.zAdd('src', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }, { score: 3, value: 'c' }]));
  await ctx.call('zRangeStore', () => c.zRangeStore('dst', 'src', 0, 1));
  await ctx.call('dst', () => c.zRangeWithScores('dst', 0, -1));
  await ctx.call('zRangeStore BYSCORE REV LIMIT', () => c.zRangeStore('dst', 'src', '+inf', '(1', { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: 1 } }));
  await ctx.call('dst after', () => c.zRangeWithScores('dst', 0, -1));
  await ctx.call('zRangeStore BYLEX', () => c.zAdd('lex', ['x', 'y', 'z'].map((value) => ({ score: 0, value })))
    .then(() => c.zRangeStore('dst', 'lex', '[y', '+', { BY: 'LEX' })));
  await ctx.call('zRangeStore onto a string', () => c.set('str', 'v').then(() => c.zRangeStore('str', 'src', 0, -1)));
  await ctx.call('type after', () => c.type('str'));
  await ctx.call('zRangeStore drops the destination TTL', () => c.expire('dst', 100).then(() => c.zRangeStore('dst', 'src', 0, 0))
    .then(() => c.ttl('dst')));
  await ctx.call('zRangeStore empty result', () => c.zRangeStore('dst', 'src', 10, 20));
  await ctx.call('empty result deleted the destination', () => c.exists('dst'));
  await ctx.call('zRangeStore from a missing key', () => c.set('dst', 'x').then(() => c.zRangeStore('dst', 'nokey', 0, -1)));
  await ctx.call('destination deleted by a missing source', () => c.exists('dst'));
  await ctx.call('zRangeStore onto itself', () => c.zRangeStore('src', 'src', 1, -1));
  await ctx.call('src after', () => c.zRangeWithScores('src', 0, -1));
  await ctx.call('zRangeStore from a string', () => c.set('str2', 'v').then(() => c.zRangeStore('dst', 'str2', 0, -1)));
  await ctx.call('zRangeStore bad bound', () => c.zRangeStore('dst', 'src', 'x', 1, { BY: 'SCORE' }));
  await ctx.call('ZRANGESTORE', () => c.ZRANGESTORE('dst', 'src', 0, -1));
  const argvs = [
    ['ZRANGESTORE', 'dst', 'src', '0', '-1', 'WITHSCORES'], ['ZRANGESTORE', 'dst', 'src', '0', '-1', 'LIMIT', '0', '1'],
    ['ZRANGESTORE', 'dst', 'lex', '-', '+', 'BYLEX', 'LIMIT', '1', '1'], ['ZRANGESTORE', 'dst', 'src', '0'],
    ['ZRANGESTORE', 'dst', 'src', '0', '-1', 'REV'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('encoding of a small stored range', () => c.zAdd('big', members(200)).then(() => c.zRangeStore('small', 'big', 0, 9))
    .then(() => Promise.all([c.objectEncoding('big'), c.objectEncoding('small')])));
  await ctx.call('encoding of a 128-member stored range', () => c.zRangeStore('s128', 'big', 0, 127).then(() => c.objectEncoding('s128')));
  await ctx.call('encoding of a 129-member stored range', () => c.zRangeStore('s129', 'big', 0, 128).then(() => c.objectEncoding('s129')));
  await ctx.call('encoding of a stored range with a long member', () => c.zAdd('long', [{ score: 1, value: 'x'.repeat(65) }, { score: 2, value: 'y' }])
    .then(() => c.zRangeStore('l1', 'long', 1, 1)).then(() => c.zRangeStore('l2', 'long', 0, 0))
    .then(() => Promise.all([c.objectEncoding('l1'), c.objectEncoding('l2')])));
});

// ---- removal --------------------------------------------------------------------------------

scenario('ZREM and ZREMRANGEBYSCORE / BYRANK / BYLEX; emptied keys are deleted', async (c, ctx) => {
  const fill = () => c.del('r').then(() => c.zAdd('r', members(6, 1)));
  await ctx.call('fill', fill);
  await ctx.call('zRem one', () => c.zRem('r', 'm1'));
  await ctx.call('zRem array with a missing member', () => c.zRem('r', ['m2', 'nomember']));
  await ctx.call('zRem duplicates', () => c.zRem('r', ['m3', 'm3']));
  await ctx.call('zRem missing key', () => c.zRem('nokey', 'a'));
  await ctx.call('zRem empty array', () => c.zRem('r', []));
  await ctx.call('zRem number', () => c.zRem('r', 1));
  await ctx.call('ZREM', () => c.ZREM('r', 'm4'));
  await ctx.call('left', () => c.zRange('r', 0, -1));
  await ctx.call('zRem the rest', () => c.zRem('r', ['m5', 'm6']));
  await ctx.call('emptied by zRem: deleted', () => c.exists('r'));
  for (const [a, b] of [[5, 6], ['-inf', '(2'], ['(2', '(5'], [10, 20], ['-inf', '+inf'], [3, 1]]) {
    await ctx.call(`zRemRangeByScore ${a} ${b}`, () => fill().then(() => c.zRemRangeByScore('r', a, b)).then((n) => c.zRange('r', 0, -1)
      .then((left) => [n, left])));
  }
  await ctx.call('zRemRangeByScore bad bound', () => c.zRemRangeByScore('r', 'x', 1));
  await ctx.call('ZREMRANGEBYSCORE', () => fill().then(() => c.ZREMRANGEBYSCORE('r', Infinity, Infinity)));
  for (const [a, b] of [[0, 0], [0, -1], [-2, -1], [1, 3], [3, 1], [10, 20], [-100, 0], ['1', '2']]) {
    await ctx.call(`zRemRangeByRank ${a} ${b}`, () => fill().then(() => c.zRemRangeByRank('r', a, b)).then((n) => c.zRange('r', 0, -1)
      .then((left) => [n, left])));
  }
  await ctx.call('zRemRangeByRank bad index', () => c.zRemRangeByRank('r', 1.5, 2));
  await ctx.call('ZREMRANGEBYRANK', () => fill().then(() => c.ZREMRANGEBYRANK('r', -1, -1)));
  const lexFill = () => c.del('l').then(() => c.zAdd('l', ['a', 'b', 'c', 'd', 'e'].map((value) => ({ score: 0, value }))));
  for (const [a, b] of [['[b', '[d'], ['-', '(c'], ['(c', '+'], ['-', '+'], ['[x', '+'], ['+', '-']]) {
    await ctx.call(`zRemRangeByLex ${a} ${b}`, () => lexFill().then(() => c.zRemRangeByLex('l', a, b)).then((n) => c.zRange('l', 0, -1)
      .then((left) => [n, left])));
  }
  await ctx.call('zRemRangeByLex bad bound', () => c.zRemRangeByLex('l', 'a', 'b'));
  await ctx.call('ZREMRANGEBYLEX', () => lexFill().then(() => c.ZREMRANGEBYLEX('l', '[a', '[a')));
  await ctx.call('missing key removals', () => Promise.all([c.zRemRangeByScore('nokey', 0, 1), c.zRemRangeByRank('nokey', 0, 1),
    c.zRemRangeByLex('nokey', '-', '+')]));
  await ctx.call('bad bounds on a missing key', () => Promise.all([c.zRemRangeByScore('nokey', 'x', 1).catch((e) => e.message),
    c.zRemRangeByLex('nokey', 'x', '+').catch((e) => e.message), c.zRemRangeByRank('nokey', 'x', 1).catch((e) => e.message)]));
  await ctx.call('removals keep the TTL', () => fill().then(() => c.expire('r', 100)).then(() => c.zRemRangeByRank('r', 0, 1))
    .then(() => c.ttl('r')), { norm: (r) => r > 90 });
  await ctx.call('a skiplist stays a skiplist when shrunk', () => c.zAdd('big', members(200)).then(() => c.zRemRangeByRank('big', 0, 189))
    .then(() => Promise.all([c.zCard('big'), c.objectEncoding('big')])));
  await ctx.call('removing everything from a skiplist deletes it', () => c.zRemRangeByScore('big', '-inf', '+inf').then(() => c.exists('big')));
});

// ---- pops -----------------------------------------------------------------------------------

scenario('ZPOPMIN, ZPOPMAX, ZMPOP', async (c, ctx) => {
  const fill = () => c.del('r').then(() => c.zAdd('r', members(5, 1)));
  await ctx.call('fill', fill);
  await ctx.call('zPopMin', () => c.zPopMin('r'));
  await ctx.call('zPopMax', () => c.zPopMax('r'));
  await ctx.call('zPopMin count ignored', () => c.zPopMin('r', 2));
  await ctx.call('ZPOPMIN', () => c.ZPOPMIN('r'));
  await ctx.call('ZPOPMAX', () => c.ZPOPMAX('r'));
  await ctx.call('emptied by pops: deleted', () => c.exists('r'));
  await ctx.call('zPopMin missing key', () => c.zPopMin('r'));
  await ctx.call('zPopMax missing key', () => c.zPopMax('r'));
  await ctx.call('zPopMinCount missing key', () => c.zPopMinCount('r', 2));
  for (const n of [0, 1, 2, 5, 10]) {
    await ctx.call(`zPopMinCount ${n}`, () => fill().then(() => c.zPopMinCount('r', n)));
    await ctx.call(`zPopMaxCount ${n}`, () => fill().then(() => c.zPopMaxCount('r', n)));
  }
  await ctx.call('zPopMinCount -1', () => fill().then(() => c.zPopMinCount('r', -1)));
  await ctx.call('zPopMaxCount 1.5', () => c.zPopMaxCount('r', 1.5));
  await ctx.call('zPopMinCount no count', () => c.zPopMinCount('r'));
  await ctx.call('ZPOPMIN_COUNT', () => c.ZPOPMIN_COUNT('r', 2));
  await ctx.call('ZPOPMAX_COUNT', () => c.ZPOPMAX_COUNT('r', 2));
  await ctx.call('raw ZPOPMIN count', () => raw(c, 'ZPOPMIN', 'r', '1'));
  await ctx.call('raw ZPOPMIN no count (flat pair)', () => fill().then(() => raw(c, 'ZPOPMIN', 'r')));
  await ctx.call('raw ZPOPMAX missing key', () => raw(c, 'ZPOPMAX', 'nokey'));
  await ctx.call('raw ZPOPMAX missing key with count', () => raw(c, 'ZPOPMAX', 'nokey', '2'));
  await ctx.call('raw ZPOPMIN bad count', () => raw(c, 'ZPOPMIN', 'r', 'x'));
  await ctx.call('raw ZPOPMIN bad count on a missing key', () => raw(c, 'ZPOPMIN', 'nokey', '-1'));
  await ctx.call('raw ZPOPMIN too many arguments', () => raw(c, 'ZPOPMIN', 'r', '1', '2'));
  await ctx.call('pops keep the TTL', () => fill().then(() => c.expire('r', 100)).then(() => c.zPopMax('r')).then(() => c.ttl('r')),
    { norm: (r) => r > 90 });
  await ctx.call('zPopMin as strings', () => dbl(c).zPopMin('r'));
  await ctx.call('zPopMinCount of a skiplist', () => c.zAdd('big', members(300)).then(() => c.zPopMinCount('big', 3)));
  await ctx.call('zPopMaxCount of a skiplist', () => c.zPopMaxCount('big', 3));
  await ctx.call('fill a and b', () => c.zAdd('a', members(3)).then(() => c.zAdd('b', members(2, 10))));
  await ctx.call('zmPop MIN', () => c.zmPop(['nokey', 'a', 'b'], 'MIN'));
  await ctx.call('zmPop MAX COUNT 2', () => c.zmPop(['a', 'b'], 'MAX', { COUNT: 2 }));
  await ctx.call('a gone', () => c.exists('a'));
  await ctx.call('zmPop COUNT larger', () => c.zmPop('b', 'MIN', { COUNT: 10 }));
  await ctx.call('zmPop all missing', () => c.zmPop(['a', 'b'], 'MIN'));
  await ctx.call('zmPop COUNT 0 is not sent', () => c.zAdd('c', members(3)).then(() => c.zmPop('c', 'MIN', { COUNT: 0 })));
  await ctx.call('zmPop COUNT -1', () => c.zmPop('c', 'MIN', { COUNT: -1 }));
  await ctx.call('zmPop lower-case side', () => c.zmPop('c', 'max'));
  await ctx.call('zmPop bad side', () => c.zmPop('c', 'LEFT'));
  await ctx.call('zmPop empty keys', () => c.zmPop([], 'MIN'));
  await ctx.call('ZMPOP', () => c.ZMPOP(['c'], 'MIN', { COUNT: 1 }));
  await ctx.call('zmPop as Buffers', () => c.zAdd('d', members(2)).then(() => c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).zmPop('d', 'MIN')));
  await ctx.call('zmPop as double strings', () => dbl(c).zmPop('d', 'MIN'));
  await ctx.call('zmPop WRONGTYPE first', () => c.set('str', 'v').then(() => c.zAdd('e', members(1))).then(() => c.zmPop(['str', 'e'], 'MIN')));
  await ctx.call('zmPop WRONGTYPE after a missing key', () => c.zmPop(['nokey', 'str', 'e'], 'MIN'));
  await ctx.call('zmPop WRONGTYPE after a non-empty set', () => c.zmPop(['e', 'str'], 'MIN'));
  const argvs = [
    ['ZMPOP', '0', 'a', 'MIN'], ['ZMPOP', '-1', 'a', 'MIN'], ['ZMPOP', 'x', 'a', 'MIN'], ['ZMPOP', '2', 'a', 'MIN'],
    ['ZMPOP', '1', 'a', 'LEFT'], ['ZMPOP', '1', 'a', 'MIN', 'COUNT'], ['ZMPOP', '1', 'a', 'MIN', 'COUNT', '0'],
    ['ZMPOP', '1', 'a', 'MIN', 'COUNT', 'x'], ['ZMPOP', '1', 'a', 'MIN', 'COUNT', '1', 'COUNT', '2'], ['ZMPOP', '1', 'a', 'MIN', 'FOO'],
    ['ZMPOP', '1', 'e', 'min', 'count', '2'], ['ZMPOP', '1', 'a'], ['ZMPOP', '3', 'a', 'b', 'MIN'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
});

// ---- ZRANDMEMBER ----------------------------------------------------------------------------

scenario('ZRANDMEMBER: no count, count 0, positive, negative, WITHSCORES', async (c, ctx) => {
  const small = { a: 1, b: 2, c: 3, d: 4.5, e: -Infinity };
  const smallMembers = Object.entries(small).map(([value, score]) => ({ score, value }));
  await ctx.call('zRandMember missing key', () => c.zRandMember('nokey'));
  await ctx.call('zRandMemberCount missing key', () => c.zRandMemberCount('nokey', 3));
  await ctx.call('zRandMemberCountWithScores missing key', () => c.zRandMemberCountWithScores('nokey', -3));
  await ctx.call('zAdd', () => c.zAdd('z', smallMembers));
  await ctx.call('single member', () => c.zAdd('one', { score: 7, value: 'only' }));
  await ctx.call('zRandMember of a single member', () => c.zRandMember('one'));
  await ctx.call('zRandMemberCount -3 of a single member', () => c.zRandMemberCount('one', -3));
  await ctx.call('zRandMemberCountWithScores -2 of a single member', () => c.zRandMemberCountWithScores('one', -2));
  for (let i = 0; i < 5; i++) {
    await ctx.call(`zRandMember is a member #${i}`, () => c.zRandMember('z'), { norm: (r) => Object.hasOwn(small, r) });
  }
  await ctx.call('ZRANDMEMBER', () => c.ZRANDMEMBER('z'), { norm: (r) => Object.hasOwn(small, r) });
  await ctx.call('count 0', () => c.zRandMemberCount('z', 0));
  await ctx.call('count 0 WITHSCORES', () => c.zRandMemberCountWithScores('z', 0));
  for (const n of [1, 2, 4, 5, 6, 50, -1, -5, -20]) {
    await ctx.call(`count ${n}`, () => c.zRandMemberCount('z', n), { norm: randShape(small, n) });
    await ctx.call(`count ${n} WITHSCORES`, () => c.zRandMemberCountWithScores('z', n), { norm: randShape(small, n) });
  }
  await ctx.call('count 5 is the whole set', () => c.zRandMemberCount('z', 5), { norm: sortReply });
  await ctx.call('count 10 WITHSCORES is the whole set', () => c.zRandMemberCountWithScores('z', 10), { norm: (r) => r.slice().sort(byCanon) });
  await ctx.call('WITHSCORES as strings (whole set)', () => dbl(c).zRandMemberCountWithScores('z', 10), { norm: (r) => r.slice().sort(byCanon) });
  await ctx.call('ZRANDMEMBER_COUNT', () => c.ZRANDMEMBER_COUNT('z', 2), { norm: randShape(small, 2) });
  await ctx.call('ZRANDMEMBER_COUNT_WITHSCORES', () => c.ZRANDMEMBER_COUNT_WITHSCORES('z', -2), { norm: randShape(small, -2) });
  await ctx.call('count 1.5', () => c.zRandMemberCount('z', 1.5));
  await ctx.call('no count', () => c.zRandMemberCount('z'));
  await ctx.call('raw ZRANDMEMBER WITHSCORES pairs', () => raw(c, 'ZRANDMEMBER', 'z', '-3', 'WITHSCORES'),
    { norm: (r) => Array.isArray(r) && r.length === 3 && r.every((p) => Array.isArray(p) && p.length === 2 && small[p[0]] === p[1]) });
  const argvs = [
    ['ZRANDMEMBER', 'z', 'WITHSCORES'], ['ZRANDMEMBER', 'z', 'abc'], ['ZRANDMEMBER', 'z', '1', 'FOO'],
    ['ZRANDMEMBER', 'z', '1', 'WITHSCORES', 'x'], ['ZRANDMEMBER', 'z', '-9223372036854775808'],
    ['ZRANDMEMBER', 'z', '-9223372036854775808', 'WITHSCORES'], ['ZRANDMEMBER', 'nokey', '-9223372036854775808'],
    ['ZRANDMEMBER', 'nokey', 'x'], ['ZRANDMEMBER'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('raw ZRANDMEMBER huge positive', () => raw(c, 'ZRANDMEMBER', 'z', '9223372036854775807'), { norm: sortReply });
  const big = {};
  for (let i = 0; i < 300; i++) big[`m${i}`] = i;
  await ctx.call('skiplist', () => c.zAdd('big', members(300)));
  for (const n of [1, 10, 99, 100, 101, 299, 300, 301, -1, -500]) {
    await ctx.call(`skiplist count ${n}`, () => c.zRandMemberCount('big', n), { norm: randShape(big, n) });
    await ctx.call(`skiplist count ${n} WITHSCORES`, () => c.zRandMemberCountWithScores('big', n), { norm: randShape(big, n) });
  }
  await ctx.call('skiplist zRandMember', () => c.zRandMember('big'), { norm: (r) => Object.hasOwn(big, r) });
});

// ---- algebra --------------------------------------------------------------------------------

scenario('ZUNION, ZINTER, ZDIFF: weights, aggregates, sets as input, missing keys', async (c, ctx) => {
  await ctx.call('z1', () => c.zAdd('z1', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }, { score: 3, value: 'c' }]));
  await ctx.call('z2', () => c.zAdd('z2', [{ score: 10, value: 'b' }, { score: 20, value: 'c' }, { score: 30, value: 'd' }]));
  await ctx.call('set s', () => c.sAdd('s', ['a', 'd', 'x']));
  await ctx.call('zinf', () => c.zAdd('zinf', [{ score: Infinity, value: 'a' }, { score: -Infinity, value: 'b' }]));
  const keysList = [['z1', 'z2'], 'z1', ['z1', 'nokey'], ['nokey', 'z1'], ['nokey'], ['z1', 's'], ['s'], ['z1', 'z1'],
    [{ key: 'z1', weight: 2 }, { key: 'z2', weight: 0.5 }], { key: 'z1', weight: -1 }, [{ key: 'z1', weight: 0 }, { key: 'z2', weight: 1 }],
    [{ key: 'zinf', weight: 0 }], [{ key: 'zinf', weight: -1 }, { key: 'z1', weight: 1 }], ['zinf', 'zinf'],
    [{ key: 'z1', weight: Infinity }, { key: 'zinf', weight: 1 }]];
  for (const keys of keysList) {
    for (const agg of [undefined, 'SUM', 'MIN', 'MAX']) {
      const o = agg ? { AGGREGATE: agg } : undefined;
      const label = `${JSON.stringify(keys)}${agg ? ` ${agg}` : ''}`;
      await ctx.call(`zUnionWithScores ${label}`, () => c.zUnionWithScores(keys, o));
      await ctx.call(`zInterWithScores ${label}`, () => c.zInterWithScores(keys, o));
    }
    await ctx.call(`zUnion ${JSON.stringify(keys)}`, () => c.zUnion(keys));
    await ctx.call(`zInter ${JSON.stringify(keys)}`, () => c.zInter(keys));
  }
  for (const keys of [['z1', 'z2'], 'z1', ['z1', 'nokey'], ['nokey', 'z1'], ['z1', 's'], ['s', 'z1'], ['z2', 'z1', 'zinf']]) {
    await ctx.call(`zDiff ${JSON.stringify(keys)}`, () => c.zDiff(keys));
    await ctx.call(`zDiffWithScores ${JSON.stringify(keys)}`, () => c.zDiffWithScores(keys));
  }
  await ctx.call('zUnion as double strings', () => dbl(c).zUnionWithScores([{ key: 'z1', weight: 0.1 }, { key: 'z2', weight: 0.2 }]));
  await ctx.call('zUnion weights 1e308 overflow to inf', () => c.zAdd('h', { score: 1e308, value: 'a' })
    .then(() => c.zUnionWithScores([{ key: 'h', weight: 10 }, { key: 'z1', weight: 1 }])));
  await ctx.call('zUnion inf + -inf', () => c.zUnionWithScores([{ key: 'zinf', weight: 1 }, { key: 'zinf', weight: -1 }]));
  await ctx.call('ZUNION', () => c.ZUNION(['z1', 'z2']));
  await ctx.call('ZUNION_WITHSCORES', () => c.ZUNION_WITHSCORES('z2'));
  await ctx.call('ZINTER', () => c.ZINTER(['z1', 'z2']));
  await ctx.call('ZINTER_WITHSCORES', () => c.ZINTER_WITHSCORES(['z1', 'z2'], { AGGREGATE: 'MAX' }));
  await ctx.call('ZDIFF', () => c.ZDIFF(['z1', 'z2']));
  await ctx.call('ZDIFF_WITHSCORES', () => c.ZDIFF_WITHSCORES(['z2', 'z1']));
  await ctx.call('zUnion empty array', () => c.zUnion([]));
  await ctx.call('zDiff empty array', () => c.zDiff([]));
  await ctx.call('zUnion bad AGGREGATE', () => c.zUnion(['z1'], { AGGREGATE: 'AVG' }));
  await ctx.call('zUnion NaN weight', () => c.zUnion([{ key: 'z1', weight: NaN }]));
  await ctx.call('zInter with a string key', () => c.set('str', 'v').then(() => c.zInter(['z1', 'str'])));
  await ctx.call('zUnion with a string after a missing key', () => c.zUnion(['nokey', 'str']));
  await ctx.call('zDiff with a string after a missing first key', () => c.zDiff(['nokey', 'str']));
  await ctx.call('zDiff with a hash second', () => c.hSet('h2', 'f', 'v').then(() => c.zDiff(['z1', 'h2'])));
  await ctx.call('zInter with a list', () => c.rPush('l', 'a').then(() => c.zInter(['z1', 'l'])));
  const argvs = [
    ['ZUNION', '0', 'z1'], ['ZUNION', '-1', 'z1'], ['ZUNION', 'x', 'z1'], ['ZUNION', '2', 'z1'], ['ZUNION', '1', 'z1', 'WEIGHTS'],
    ['ZUNION', '1', 'z1', 'WEIGHTS', 'x'], ['ZUNION', '1', 'z1', 'WEIGHTS', '1', '2'], ['ZUNION', '2', 'z1', 'z2', 'WEIGHTS', '1'],
    ['ZUNION', '1', 'z1', 'AGGREGATE'], ['ZUNION', '1', 'z1', 'AGGREGATE', 'avg'], ['ZUNION', '1', 'z1', 'aggregate', 'max', 'withscores'],
    ['ZUNION', '1', 'z1', 'WITHSCORES', 'WITHSCORES'], ['ZUNION', '1', 'z1', 'FOO'], ['ZUNION', '1', 'z1', 'WEIGHTS', 'nan'],
    ['ZUNION', '1', 'z1', 'WEIGHTS', 'inf', 'WITHSCORES'], ['ZUNION', '1', 'z1', 'WEIGHTS', '2', 'WEIGHTS', '3', 'WITHSCORES'],
    ['ZINTER', '0', 'z1'], ['ZINTER', '2', 'z1', 'z2', 'AGGREGATE', 'MIN', 'AGGREGATE', 'MAX', 'WITHSCORES'],
    ['ZDIFF', '0', 'z1'], ['ZDIFF', '2', 'z1'], ['ZDIFF', '1', 'z1', 'WEIGHTS', '1'], ['ZDIFF', '1', 'z1', 'AGGREGATE', 'MIN'],
    ['ZDIFF', '1', 'z1', 'withscores'], ['ZUNION', '99999999999999999999', 'z1'], ['ZUNION', '1'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('raw ZUNION WITHSCORES pairs', () => raw(c, 'ZUNION', '2', 'z1', 'z2', 'WITHSCORES'));
  await ctx.call('big union', () => c.zAdd('b1', members(300)).then(() => c.zAdd('b2', members(300, 150, (i) => i * 2)))
    .then(() => c.zUnionWithScores(['b1', 'b2'])), { norm: (r) => [r.length, r.slice(0, 3), r.slice(-3)] });
  await ctx.call('big inter', () => c.zInterWithScores(['b1', 'b2'], { AGGREGATE: 'MIN' }), { norm: (r) => [r.length, r.slice(0, 3), r.slice(-3)] });
  await ctx.call('big diff', () => c.zDiffWithScores(['b2', 'b1']), { norm: (r) => [r.length, r.slice(0, 3), r.slice(-3)] });
});

scenario('ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE, ZINTERCARD', async (c, ctx) => {
  await ctx.call('z1', () => c.zAdd('z1', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }, { score: 3, value: 'c' }]));
  await ctx.call('z2', () => c.zAdd('z2', [{ score: 10, value: 'b' }, { score: 20, value: 'c' }, { score: 30, value: 'd' }]));
  await ctx.call('set s', () => c.sAdd('s', ['a', 'd']));
  for (const [method, keys, opts] of [['zUnionStore', ['z1', 'z2'], undefined], ['zUnionStore', [{ key: 'z1', weight: 2 }, { key: 's', weight: 5 }], { AGGREGATE: 'MAX' }],
    ['zInterStore', ['z1', 'z2'], undefined], ['zInterStore', ['z1', 'z2'], { AGGREGATE: 'MIN' }], ['zInterStore', ['z1', 's'], undefined],
    ['zDiffStore', ['z2', 'z1'], undefined], ['zDiffStore', ['z1', 's'], undefined]]) {
    await ctx.call(`${method} ${JSON.stringify(keys)} ${JSON.stringify(opts)}`, () => (opts ? c[method]('d', keys, opts) : c[method]('d', keys)));
    await ctx.call(`${method} result`, () => c.zRangeWithScores('d', 0, -1));
  }
  for (const method of ['zUnionStore', 'zInterStore', 'zDiffStore']) {
    await ctx.call(`${method} onto a string`, () => c.set('d', 'x').then(() => c[method]('d', ['z1'])).then(() => c.type('d')));
    await ctx.call(`${method} drops the TTL`, () => c.expire('d', 100).then(() => c[method]('d', ['z1'])).then(() => c.ttl('d')));
    await ctx.call(`${method} empty result deletes`, () => c[method]('d', ['nokey', 'nokey2']).then((n) => c.exists('d').then((e) => [n, e])));
    await ctx.call(`${method} empty result onto a string`, () => c.set('d', 'x').then(() => c[method]('d', ['nokey'])).then(() => c.exists('d')));
    await ctx.call(`${method} destination as a source`, () => c.zAdd('d', { score: 100, value: 'a' }).then(() => c[method]('d', ['d', 'z1']))
      .then(() => c.zRangeWithScores('d', 0, -1)));
    await ctx.call(`${method} with a string source`, () => c.set('str', 'v').then(() => c[method]('d', ['z1', 'str'])));
    await ctx.call(`${method} with a string after a missing key`, () => c[method]('d', ['nokey', 'str']));
    await ctx.call(`${method} empty keys`, () => c[method]('d', []));
    await ctx.call(`${method} number destination`, () => c[method](1, ['z1']));
  }
  await ctx.call('zInterStore empty intersection', () => c.zInterStore('d', ['z1', 'nokey']).then((n) => c.exists('d').then((e) => [n, e])));
  await ctx.call('ZUNIONSTORE', () => c.ZUNIONSTORE('d', 'z1'));
  await ctx.call('ZINTERSTORE', () => c.ZINTERSTORE('d', ['z1', 'z2'], { AGGREGATE: 'SUM' }));
  await ctx.call('ZDIFFSTORE', () => c.ZDIFFSTORE('d', 'z1'));
  const argvs = [
    ['ZUNIONSTORE', 'd', '0', 'z1'], ['ZUNIONSTORE', 'd', '2', 'z1'], ['ZUNIONSTORE', 'd', '1', 'z1', 'WITHSCORES'],
    ['ZINTERSTORE', 'd', '1', 'z1', 'WEIGHTS', 'x'], ['ZDIFFSTORE', 'd', '0', 'z1'], ['ZDIFFSTORE', 'd', '1', 'z1', 'WITHSCORES'],
    ['ZUNIONSTORE', 'd', '1', 'z1', 'AGGREGATE', 'MIN', 'WEIGHTS', '3'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('encodings of stored results', async () => {
    await c.zAdd('big', members(200));
    await c.zUnionStore('u1', ['z1', 'z2']);
    await c.zUnionStore('u2', ['big']);
    await c.zInterStore('u3', ['big', 'z1']);
    await c.zDiffStore('u4', ['big', 'nokey']);
    await c.zRemRangeByRank('u4', 0, 71);
    await c.zUnionStore('u5', ['u4']);
    await c.zAdd('lm', { score: 1, value: 'q'.repeat(65) });
    await c.zUnionStore('u6', ['lm', 'z1']);
    await c.sAdd('bigset', range(200));
    await c.zUnionStore('u7', ['bigset']);
    return Promise.all(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((k) => c.objectEncoding(k)));
  });
  await ctx.call('zInterCard', () => c.zInterCard(['z1', 'z2']));
  await ctx.call('zInterCard one key as a string', () => c.zInterCard('z1'));
  await ctx.call('zInterCard LIMIT 1', () => c.zInterCard(['z1', 'z2'], { LIMIT: 1 }));
  await ctx.call('zInterCard LIMIT 0 is not sent', () => c.zInterCard(['z1', 'z2'], { LIMIT: 0 }));
  await ctx.call('zInterCard number limit 0', () => c.zInterCard(['z1', 'z2'], 0));
  await ctx.call('zInterCard LIMIT -1', () => c.zInterCard(['z1', 'z2'], { LIMIT: -1 }));
  await ctx.call('zInterCard with a set', () => c.zInterCard(['z1', 's']));
  await ctx.call('zInterCard missing key', () => c.zInterCard(['z1', 'nokey']));
  await ctx.call('zInterCard with a string', () => c.zInterCard(['nokey', 'str']));
  await ctx.call('zInterCard empty', () => c.zInterCard([]));
  await ctx.call('ZINTERCARD', () => c.ZINTERCARD(['z1', 'z2'], 5));
  for (const argv of [['ZINTERCARD', '0', 'z1'], ['ZINTERCARD', '2', 'z1'], ['ZINTERCARD', '1', 'z1', 'LIMIT'], ['ZINTERCARD', '1', 'z1', 'LIMIT', 'x'],
    ['ZINTERCARD', '1', 'z1', 'LIMIT', '-1'], ['ZINTERCARD', '1', 'z1', 'FOO'], ['ZINTERCARD', '1', 'z1', 'limit', '1', 'limit', '2'],
    ['ZINTERCARD', 'x', 'z1']]) {
    await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  }
});

// ---- ZSCAN ----------------------------------------------------------------------------------

scenario('ZSCAN of small (listpack) and 600-member (skiplist) sorted sets', async (c, ctx) => {
  await ctx.call('zAdd small', () => c.zAdd('zs', [{ score: 1, value: 'a' }, { score: 2.5, value: 'b' }, { score: Infinity, value: 'c' },
    { score: -0, value: 'd' }, { score: 0.1, value: 'e' }]));
  await ctx.call('zScan', () => c.zScan('zs', '0'));
  await ctx.call('ZSCAN', () => c.ZSCAN('zs', '0'));
  await ctx.call('zScan MATCH', () => c.zScan('zs', '0', { MATCH: '[ab]' }));
  await ctx.call('zScan COUNT 1', () => c.zScan('zs', '0', { COUNT: 1 }));
  await ctx.call('zScan missing key', () => c.zScan('nokey', '0'));
  await ctx.call('zScan no cursor', () => c.zScan('zs'));
  await ctx.call('zScan as Buffers', () => c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).zScan('zs', '0'));
  await ctx.call('raw ZSCAN', () => raw(c, 'ZSCAN', 'zs', '0'));
  for (const opts of [['abc'], ['-1'], ['0', 'COUNT', '0'], ['0', 'COUNT', 'x'], ['0', 'MATCH'], ['0', 'TYPE', 'zset'], ['0', 'NOVALUES'],
    ['0', 'match', '?', 'count', '5'], ['18446744073709551616']]) {
    await ctx.call(`raw ZSCAN zs ${opts.join(' ')}`, () => raw(c, 'ZSCAN', 'zs', ...opts));
  }
  const big = members(600, 0, (i) => i / 4);
  await ctx.call('zAdd 600', () => c.zAdd('zbig', big));
  await ctx.call('encoding', () => c.objectEncoding('zbig'));
  await ctx.call('zScan all', () => zScanAll(c, 'zbig'), { norm: (r) => [r.length, r.slice(0, 3), r.slice(-3)] });
  await ctx.call('zScan all raw (score strings)', () => zScanAll(c, 'zbig', { raw: true, COUNT: 50 }),
    { norm: (r) => [r.length, r.slice(0, 5), r.slice(-5)] });
  await ctx.call('zScan all COUNT 3 MATCH m1?', () => zScanAll(c, 'zbig', { COUNT: 3, MATCH: 'm1?' }));
  await ctx.call('zScan first page shape', () => c.zScan('zbig', '0'), { norm: (r) => [typeof r.cursor, r.cursor !== '0', Array.isArray(r.members)] });
  await ctx.call('zScan all after removing half', () => c.zRemRangeByRank('zbig', 0, 299).then(() => zScanAll(c, 'zbig')),
    { norm: (r) => [r.length, r[0]] });
});

scenario('zScanIterator', async (c, ctx) => {
  await ctx.call('zAdd small', () => c.zAdd('zs', members(5)));
  await ctx.call('zAdd big', () => c.zAdd('zbig', members(600)));
  await ctx.call('set a string', () => c.set('str', 'v'));
  const collect = async (iter) => {
    const pages = [];
    for await (const page of iter) pages.push(page);
    return pages;
  };
  await ctx.call('zScanIterator small: one page in order', () => collect(c.zScanIterator('zs')));
  await ctx.call('zScanIterator with MATCH', () => collect(c.zScanIterator('zs', { MATCH: 'm[12]' })));
  await ctx.call('zScanIterator missing key', () => collect(c.zScanIterator('nokey')));
  await ctx.call('zScanIterator string key', () => collect(c.zScanIterator('str')));
  await ctx.call('zScanIterator big', () => drain(c.zScanIterator('zbig')), { norm: (r) => [r.somePages, r.allArrays, r.items.length] });
  await ctx.call('zScanIterator big MATCH', () => drain(c.zScanIterator('zbig', { MATCH: '*99', COUNT: 20 })));
  await ctx.call('zScanIterator cursor option', () => collect(c.zScanIterator('zs', { cursor: '0' })));
  await ctx.call('zScanIterator without a key', () => collect(c.zScanIterator()));
  await ctx.call('iterators are not on the multi chain', () => [typeof c.multi().zScanIterator, typeof c.multi().zScan]);
});

// ---- encodings ------------------------------------------------------------------------------

scenario('OBJECT ENCODING: listpack up to 128 members of 64 bytes, then skiplist', async (c, ctx) => {
  await ctx.call('one member', () => c.zAdd('z', { score: 1, value: 'a' }).then(() => c.objectEncoding('z')));
  await ctx.call('128 members', () => c.zAdd('z', members(127)).then(() => Promise.all([c.zCard('z'), c.objectEncoding('z')])));
  await ctx.call('129th member', () => c.zAdd('z', { score: 1, value: 'x' }).then(() => c.objectEncoding('z')));
  await ctx.call('back to 1 member stays skiplist', () => c.zRemRangeByRank('z', 1, -1).then(() => c.objectEncoding('z')));
  await ctx.call('129 members in one call', () => c.zAdd('one', members(129)).then(() => c.objectEncoding('one')));
  await ctx.call('64-byte member', () => c.zAdd('m', { score: 1, value: 'x'.repeat(64) }).then(() => c.objectEncoding('m')));
  await ctx.call('65-byte member', () => c.zAdd('m', { score: 1, value: 'y'.repeat(65) }).then(() => c.objectEncoding('m')));
  await ctx.call('by zIncrBy', () => c.zIncrBy('i', 1, 'z'.repeat(65)).then(() => c.objectEncoding('i')));
  await ctx.call('by zAddIncr', () => c.zAddIncr('ai', { score: 1, value: 'w'.repeat(100) }).then(() => c.objectEncoding('ai')));
  await ctx.call('128 by zIncrBy', async () => {
    for (let i = 0; i < 128; i++) await c.zIncrBy('inc', 1, `m${i}`);
    const before = await c.objectEncoding('inc');
    await c.zIncrBy('inc', 1, 'm128');
    return [before, await c.objectEncoding('inc')];
  });
  await ctx.call('copy keeps the encodings', () => c.copy('z', 'zc').then(() => c.copy('m', 'mc'))
    .then(() => Promise.all([c.objectEncoding('zc'), c.objectEncoding('mc')])));
  await ctx.call('rename keeps the encoding', () => c.rename('one', 'two').then(() => c.objectEncoding('two')));
  await ctx.call('raw OBJECT ENCODING', () => raw(c, 'OBJECT', 'ENCODING', 'm'));
  await ctx.call('skiplist and listpack agree on ranges', () => c.zAdd('lp', members(50, 0, (i) => (i % 7) / 2))
    .then(() => c.zAdd('sl', [...members(50, 0, (i) => (i % 7) / 2), { score: 0, value: 'q'.repeat(70) }]))
    .then(() => c.zRem('sl', 'q'.repeat(70)))
    .then(() => Promise.all([c.zRangeWithScores('lp', 0, -1), c.zRangeWithScores('sl', 0, -1), c.objectEncoding('lp'), c.objectEncoding('sl')]))
    .then(([a, b, ea, eb]) => [canon(a).text === canon(b).text, ea, eb, a.slice(0, 8)]));
});

// ---- binary ---------------------------------------------------------------------------------

scenario('Binary members through the Buffer type mapping', async (c, ctx) => {
  const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const key = Buffer.from([0x7a, 0x00]);
  const m1 = Buffer.from([0x00]);
  const m2 = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
  const m3 = Buffer.from([0x00, 0x00]);
  await ctx.call('zAdd binary', () => c.zAdd(key, [{ score: 0, value: m1 }, { score: 0, value: m2 }, { score: 0, value: m3 },
    { score: 0, value: '' }, { score: 0, value: 'plain' }]));
  await ctx.call('zRange as Buffers (binary order)', () => b.zRange(key, 0, -1));
  await ctx.call('zRangeWithScores as Buffers', () => b.zRangeWithScores(key, 0, -1));
  await ctx.call('zScore of NUL', () => c.zScore(key, m1));
  await ctx.call('zRank of NUL NUL', () => c.zRank(key, m3));
  await ctx.call('zRangeByLex binary bounds', () => b.zRangeByLex(key, Buffer.concat([Buffer.from('['), m1]), Buffer.concat([Buffer.from('('), m2])));
  await ctx.call('zLexCount binary', () => c.zLexCount(key, Buffer.from([0x28, 0x00]), '+'));
  await ctx.call('zPopMax as Buffer', () => b.zPopMax(key));
  await ctx.call('zScan as Buffers', () => b.zScan(key, '0'));
  await ctx.call('zRandMemberCountWithScores as Buffers (whole set)', () => b.zRandMemberCountWithScores(key, 10), { norm: (r) => r.slice().sort(byCanon) });
  await ctx.call('zRem binary', () => c.zRem(key, [m1, m3]));
  await ctx.call('left as Buffers', () => b.zRange(key, 0, -1));
  await ctx.call('non-UTF-8 member as a string', () => c.zAdd('nu', { score: 1, value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) }).then(() => c.zRange('nu', 0, -1)));
  await ctx.call('zCard with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).zCard(key));
  await ctx.call('zRank with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).zRank(key, m2));
});

// ---- errors ---------------------------------------------------------------------------------

scenario('WRONGTYPE: sorted set commands on a string, a hash, a set and a list', async (c, ctx) => {
  await ctx.call('set', () => c.set('str', 'v'));
  await ctx.call('hSet', () => c.hSet('h', 'f', 'v'));
  await ctx.call('sAdd', () => c.sAdd('s', ['a', '1']));
  await ctx.call('rPush', () => c.rPush('l', ['a', 'b']));
  for (const k of ['str', 'h', 's', 'l']) {
    const calls = [
      ['zAdd', () => c.zAdd(k, { score: 1, value: 'a' })],
      ['zAdd XX', () => c.zAdd(k, { score: 1, value: 'a' }, { condition: 'XX' })],
      ['zAdd NX XX', () => c.zAdd(k, { score: 1, value: 'a' }, { NX: true, condition: 'XX' })],
      ['zAddIncr', () => c.zAddIncr(k, { score: 1, value: 'a' })],
      ['zIncrBy', () => c.zIncrBy(k, 1, 'a')],
      ['zIncrBy bad increment', () => c.zIncrBy(k, 'x', 'a')],
      ['zScore', () => c.zScore(k, 'a')],
      ['zmScore', () => c.zmScore(k, ['a'])],
      ['zRem', () => c.zRem(k, 'a')],
      ['zCard', () => c.zCard(k)],
      ['zCount', () => c.zCount(k, 0, 1)],
      ['zCount bad bound', () => c.zCount(k, 'x', 1)],
      ['zLexCount', () => c.zLexCount(k, '-', '+')],
      ['zRank', () => c.zRank(k, 'a')],
      ['zRevRank', () => c.zRevRank(k, 'a')],
      ['zRange', () => c.zRange(k, 0, -1)],
      ['zRange BYSCORE bad bound', () => c.zRange(k, 'x', 1, { BY: 'SCORE' })],
      ['zRangeWithScores', () => c.zRangeWithScores(k, 0, -1)],
      ['zRangeByScore', () => c.zRangeByScore(k, 0, 1)],
      ['zRangeByLex', () => c.zRangeByLex(k, '-', '+')],
      ['raw ZREVRANGE', () => raw(c, 'ZREVRANGE', k, '0', '-1')],
      ['raw ZREVRANGEBYSCORE', () => raw(c, 'ZREVRANGEBYSCORE', k, '+inf', '-inf')],
      ['zRangeStore from', () => c.zRangeStore('dst', k, 0, -1)],
      ['zRemRangeByScore', () => c.zRemRangeByScore(k, 0, 1)],
      ['zRemRangeByRank', () => c.zRemRangeByRank(k, 0, 1)],
      ['zRemRangeByLex', () => c.zRemRangeByLex(k, '-', '+')],
      ['zPopMin', () => c.zPopMin(k)],
      ['zPopMaxCount', () => c.zPopMaxCount(k, 2)],
      ['zPopMinCount -1', () => c.zPopMinCount(k, -1)],
      ['zmPop', () => c.zmPop(k, 'MIN')],
      ['zRandMember', () => c.zRandMember(k)],
      ['zRandMemberCountWithScores', () => c.zRandMemberCountWithScores(k, 2)],
      ['zUnion', () => c.zUnion([k])],
      ['zInterStore', () => c.zInterStore('dst', [k])],
      ['zDiff', () => c.zDiff([k])],
      ['zDiffStore', () => c.zDiffStore('dst', [k])],
      ['zInterCard', () => c.zInterCard([k])],
      ['zScan', () => c.zScan(k, '0')],
    ];
    for (const [label, fn] of calls) await ctx.call(`${label} on ${k}`, fn);
  }
  await ctx.call('values unchanged', () => Promise.all([c.get('str'), c.hGetAll('h'), c.sMembers('s').then(sortReply),
    c.lRange('l', 0, -1), c.exists('dst')]));
});

scenario('WRONGTYPE: string, hash, set and list commands on a sorted set', async (c, ctx) => {
  await ctx.call('zAdd', () => c.zAdd('z', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }]));
  const calls = [
    ['get', () => c.get('z')],
    ['incr', () => c.incr('z')],
    ['append', () => c.append('z', 'x')],
    ['getRange', () => c.getRange('z', 0, 1)],
    ['getDel', () => c.getDel('z')],
    ['set GET', () => c.set('z', 'x', { GET: true })],
    ['mGet returns null for it', () => c.mGet(['z'])],
    ['hSet', () => c.hSet('z', 'f', 'v')],
    ['hGetAll', () => c.hGetAll('z')],
    ['hScan', () => c.hScan('z', '0')],
    ['sAdd', () => c.sAdd('z', 'a')],
    ['sMembers', () => c.sMembers('z')],
    ['sIsMember', () => c.sIsMember('z', 'a')],
    ['sInter', () => c.sInter(['z'])],
    ['sInterCard', () => c.sInterCard(['z'])],
    ['sMove to a zset', () => c.sAdd('s', 'x').then(() => c.sMove('s', 'z', 'x'))],
    ['sScan', () => c.sScan('z', '0')],
    ['lPush', () => c.lPush('z', 'a')],
    ['lRange', () => c.lRange('z', 0, -1)],
    ['lLen', () => c.lLen('z')],
    ['lPop', () => c.lPop('z')],
    ['lMove to a zset', () => c.rPush('l', 'x').then(() => c.lMove('l', 'z', 'LEFT', 'LEFT'))],
    ['lmPop', () => c.lmPop('z', 'LEFT')],
  ];
  for (const [label, fn] of calls) await ctx.call(`${label} on a sorted set`, fn);
  await ctx.call('sorted set unchanged', () => c.zRangeWithScores('z', 0, -1));
  await ctx.call('zUnionStore accepts a set', () => c.zUnionStore('u', ['z', 's']).then(() => c.zRangeWithScores('u', 0, -1)));
  await ctx.call('sUnionStore rejects a zset', () => c.sUnionStore('u2', ['s', 'z']));
  await ctx.call('set overwrites a sorted set', () => c.set('z', 'str').then(() => c.type('z')));
  await ctx.call('sInterStore overwrites a sorted set', () => c.zAdd('z2', { score: 1, value: 'a' }).then(() => c.sInterStore('z2', ['s']))
    .then(() => c.type('z2')));
});

scenario('Wrong arity through sendCommand', async (c, ctx) => {
  await ctx.call('zset for the arity checks', () => c.zAdd('z', { score: 1, value: 'a' }));
  const argvs = [
    ['ZADD'], ['ZADD', 'z'], ['ZADD', 'z', '1'], ['ZINCRBY', 'z', '1'], ['ZINCRBY', 'z', '1', 'a', 'b'], ['ZSCORE', 'z'],
    ['ZMSCORE', 'z'], ['ZREM', 'z'], ['ZCARD'], ['ZCARD', 'z', 'x'], ['ZCOUNT', 'z', '0'], ['ZLEXCOUNT', 'z', '-'],
    ['ZRANK', 'z'], ['ZRANK', 'z', 'a', 'WITHSCORE', 'x'], ['ZREVRANK', 'z'], ['ZRANGE', 'z', '0'], ['ZRANGEBYSCORE', 'z', '0'],
    ['ZRANGEBYLEX', 'z', '-'], ['ZREVRANGE', 'z', '0'], ['ZREVRANGEBYSCORE', 'z', '0'], ['ZREVRANGEBYLEX', 'z', '+'],
    ['ZRANGESTORE', 'd', 'z', '0'], ['ZREMRANGEBYSCORE', 'z', '0'], ['ZREMRANGEBYRANK', 'z', '0'], ['ZREMRANGEBYLEX', 'z', '-'],
    ['ZPOPMIN'], ['ZPOPMAX'], ['ZMPOP', '1', 'z'], ['ZRANDMEMBER'], ['ZUNIONSTORE', 'd', '1'], ['ZINTERSTORE', 'd'],
    ['ZDIFFSTORE', 'd', '1'], ['ZUNION', '1'], ['ZINTER'], ['ZDIFF', '1'], ['ZINTERCARD', '1'], ['ZSCAN', 'z'],
    ['zadd', 'z'], ['ZrAnGe', 'z'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('zset unchanged', () => c.zRangeWithScores('z', 0, -1));
  await ctx.call('zIncrBy without a member', () => c.zIncrBy('z', 1));
  await ctx.call('zRange without bounds', () => c.zRange('z'));
  await ctx.call('zScan without a key', () => c.zScan());
});

// ---- key commands and MULTI -----------------------------------------------------------------

scenario('Key commands on sorted set keys', async (c, ctx) => {
  await ctx.call('zAdd', () => c.zAdd('z', members(3)));
  await ctx.call('set a string', () => c.set('str', 'v'));
  await ctx.call('type', () => c.type('z'));
  await ctx.call('raw TYPE', () => raw(c, 'TYPE', 'z'));
  await ctx.call('objectEncoding', () => c.objectEncoding('z'));
  await ctx.call('expire', () => c.expire('z', 100));
  await ctx.call('zAdd keeps the TTL', () => c.zAdd('z', { score: 9, value: 'n' }).then(() => c.ttl('z')), { norm: (r) => r > 90 });
  await ctx.call('zIncrBy keeps the TTL', () => c.zIncrBy('z', 1, 'n').then(() => c.ttl('z')), { norm: (r) => r > 90 });
  await ctx.call('rename', () => c.rename('z', 'z2'));
  await ctx.ttl('rename moves the TTL', () => c.ttl('z2'));
  await ctx.call('zRange after rename', () => c.zRangeWithScores('z2', 0, -1));
  await ctx.call('copy', () => c.copy('z2', 'z3'));
  await ctx.ttl('copy copies the TTL', () => c.ttl('z3'));
  await ctx.call('copy is independent', () => c.zAdd('z3', { score: 0, value: 'x' }).then(() => Promise.all([c.zCard('z2'), c.zCard('z3')])));
  await ctx.call('copy REPLACE over a string', () => c.copy('z2', 'str', { REPLACE: true }).then(() => c.type('str')));
  await ctx.call('copy a skiplist to db 1', () => c.zAdd('big', members(300)).then(() => c.copy('big', 'big', { DB: 1 })));
  await ctx.call('renameNX onto a zset', () => c.renameNX('z2', 'z3'));
  await ctx.call('persist', () => c.persist('z2'));
  await ctx.call('keys', () => c.keys('*'), { norm: sortReply });
  await ctx.scanAll('scan TYPE zset', c, { TYPE: 'zset' });
  await ctx.scanAll('raw scan TYPE ZSET upper-case', c, { raw: true, TYPE: 'ZSET' });
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('del', () => c.del(['z2', 'big', 'nokey']));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('copied zset in db 1', () => c.zRange('big', 0, 3));
  await ctx.call('swapDb', () => c.swapDb(0, 1));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('zset in db 0 after swap', () => Promise.all([c.zCard('big'), c.objectEncoding('big')]));
  await ctx.call('unlink a big zset', () => c.unlink('big'));
  await ctx.call('dbSize after unlink', () => c.dbSize());
});

scenario('A sorted set with a short TTL expires', async (c, ctx) => {
  await ctx.call('zAdd', () => c.zAdd('z', members(2)));
  await ctx.call('pExpire 30', () => c.pExpire('z', 30));
  await ctx.sleep(120);
  await ctx.call('zRange after expiry', () => c.zRange('z', 0, -1));
  await ctx.call('zCard after expiry', () => c.zCard('z'));
  await ctx.call('zAdd XX after expiry', () => c.zAdd('z', { score: 1, value: 'm0' }, { condition: 'XX' }));
  await ctx.call('zUnionStore from an expired key', () => c.zUnionStore('d', ['z']));
  await ctx.call('exists after expiry', () => c.exists(['z', 'd']));
  await ctx.call('zAdd after expiry creates a fresh set', () => c.zAdd('z', { score: 5, value: 'x' }));
  await ctx.call('fresh set has no TTL', () => c.ttl('z'));
});

scenario('Sorted sets in MULTI/EXEC and pipelines', async (c, ctx) => {
  await ctx.call('exec', () => c.multi()
    .zAdd('z', members(5)).zAddIncr('z', { score: 1.5, value: 'm0' }).zIncrBy('z', -1, 'm4').zScore('z', 'm0').zmScore('z', ['m1', 'x'])
    .zCard('z').zCount('z', '(1', '+inf').zRank('z', 'm0').zRevRank('z', 'm0').zRange('z', 0, -1).zRangeWithScores('z', 0, 1, { REV: true })
    .zRangeByScore('z', 2, 3).zRangeByScoreWithScores('z', '-inf', 1).zRangeByLex('nokey', '-', '+').zRangeStore('d', 'z', 0, 1)
    .zUnionWithScores(['z', 'd']).zInter(['z', 'd']).zDiffWithScores(['z', 'd']).zUnionStore('u', ['z', 'd'])
    .zInterCard(['z', 'd']).zPopMin('z').zPopMaxCount('z', 2).zmPop(['nokey', 'u'], 'MAX', { COUNT: 2 }).zRem('u', 'm1')
    .zRemRangeByRank('u', 0, 0).zScan('d', '0').zRandMemberCountWithScores('d', 5).type('z').objectEncoding('z').exec(),
  { norm: (r) => (Array.isArray(r) ? r.map((x, i) => (i === 26 ? x.slice().sort(byCanon) : x)) : r) });
  await ctx.call('state after exec', () => Promise.all([c.zRangeWithScores('z', 0, -1), c.zRangeWithScores('u', 0, -1)]));
  await ctx.call('exec with WRONGTYPE inside', () => c.multi()
    .set('str', 'v').zAdd('z', { score: 7, value: 'q' }).zAdd('str', { score: 1, value: 'a' }).zCard('z').zUnion(['z', 'str']).exec());
  await ctx.call('exec with zset errors', () => c.multi().zAdd('z', { score: 1, value: 'q' }, { NX: true, condition: 'XX' })
    .zIncrBy('z', NaN, 'q').zRange('z', 'x', 1, { BY: 'SCORE' }).zPopMinCount('z', -1).zmScore('z', 'q').exec());
  await ctx.call('exec with INCR refused (null)', () => c.multi().zAddIncr('z', { score: 1, value: 'new' }, { condition: 'XX' })
    .zScore('z', 'new').exec());
  await ctx.call('exec with a queue-time arity error', () => c.multi().zAdd('z', { score: 1, value: 'qq' }).sendCommand(['ZADD', 'z']).exec());
  await ctx.call('qq not added', () => c.zScore('z', 'qq'));
  await ctx.call('execAsPipeline', () => c.multi().zAdd('p', members(2)).zRangeWithScores('p', 0, -1).zPopMax('p').zScan('p', '0').execAsPipeline());
  await ctx.call('execAsPipeline with an error', () => c.multi().zAdd('p', { score: 1, value: 'x' }).get('p').zCard('p').execAsPipeline());
  await ctx.call('raw ZREVRANGE in multi', () => c.multi().sendCommand(['ZREVRANGE', 'p', '0', '-1', 'WITHSCORES']).exec());
  await ctx.call('DOUBLE mapping inside multi', () => dbl(c).multi().zScore('p', 'x').exec(),
    { quirk: 'REFERENCE §19: withTypeMapping is ignored by multi().exec() [don\'t copy]' });
});

module.exports = g;
