'use strict';
// SADD SREM SISMEMBER SMISMEMBER SMEMBERS SCARD SPOP SRANDMEMBER SINTER SUNION SDIFF
// SINTERSTORE SUNIONSTORE SDIFFSTORE SINTERCARD SMOVE SSCAN, the set encodings (intset up to
// 512 integers, then hashtable), WRONGTYPE against strings and hashes both ways, and sets seen
// by the key commands and MULTI.
//
// What Redis does not fix is normalized: the order of SMEMBERS/SINTER/SUNION/SDIFF replies is
// sorted; SPOP/SRANDMEMBER are reduced to what Redis guarantees (length, membership,
// uniqueness for a positive count) and a popped set is compared through what is left plus what
// was popped; SSCAN is iterated to completion and compared as the set of members seen.

const { RESP_TYPES } = require('redis');
const { group, raw } = require('../scenario.js');
const { canon, sortReply } = require('../harness.js');

const g = group('sets: SADD SREM SMEMBERS SPOP SRANDMEMBER SINTER SUNION SDIFF SMOVE SSCAN ...');
const { scenario } = g;

const text = (x) => (Buffer.isBuffer(x) ? `Buffer:${x.toString('hex')}` : canon(x).text);

/* A set reply sorted: an Array sorted, a Set (SET type mapping) as {Set: sorted members}. */
function sortedSet(r) {
  if (r instanceof Set) return { Set: sortReply([...r]) };
  return sortReply(r);
}

/* What Redis guarantees for SRANDMEMBER/SPOP key count: the length, that every item is a
 * member, and (count > 0) that none repeats. */
function randShape(members, count) {
  const set = new Set(members.map(text));
  return (r) => {
    const arr = r instanceof Set ? [...r] : r;
    if (!Array.isArray(arr)) return r;
    const items = arr.map(text);
    const out = { kind: r instanceof Set ? 'Set' : 'Array', length: arr.length, allMembers: items.every((x) => set.has(x)) };
    if (count > 0) out.unique = new Set(items).size === items.length;
    return out;
  };
}

/* One random member (or null) reduced to "is a member". */
const memberOf = (members) => (r) => (r === null ? null : { member: members.map(text).includes(text(r)) });

/* SPOP with a count, then what is left: resolves what Redis guarantees about both (the popped
 * members are distinct members, and popped + left is the original set). */
async function popAndCheck(c, key, members, count) {
  const popped = await c.sPopCount(key, count);
  const left = await c.sMembers(key);
  const all = [...popped, ...left].map(text).sort();
  return {
    popped: popped.length,
    left: left.length,
    unique: new Set(popped.map(text)).size === popped.length,
    union: all.join('\u0001') === members.map(text).sort().join('\u0001'),
    exists: await c.exists(key)
  };
}

/* SSCAN from cursor '0' until '0' again (through the client, or raw): the sorted members seen. */
async function sScanAll(c, key, opts = {}) {
  const { raw: useRaw, ...scanOpts } = opts;
  const seen = new Set();
  let cursor = '0';
  let rounds = 0;
  do {
    let page;
    if (useRaw) {
      const args = ['SSCAN', key, cursor];
      if (scanOpts.MATCH !== undefined) args.push('MATCH', scanOpts.MATCH);
      if (scanOpts.COUNT !== undefined) args.push('COUNT', String(scanOpts.COUNT));
      const r = await c.sendCommand(args);
      page = { cursor: r[0], members: r[1] };
    } else {
      page = await c.sScan(key, cursor, scanOpts);
    }
    for (const m of page.members) seen.add(text(m));
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('SSCAN never returned cursor 0');
  } while (cursor.toString() !== '0');
  return [...seen].sort();
}

/* Drains an async iterator: {somePages, allArrays, items: sorted unique texts}. */
async function drain(iter) {
  const items = new Set();
  let pages = 0;
  let allArrays = true;
  for await (const page of iter) {
    pages++;
    if (!Array.isArray(page)) allArrays = false;
    else for (const x of page) items.add(text(x));
  }
  return { somePages: pages > 0, allArrays, items: [...items].sort() };
}

const range = (n, from = 0, f = (i) => String(i)) => Array.from({ length: n }, (_, i) => f(i + from));

// ---- call shapes ----------------------------------------------------------------------------

scenario('SADD, SREM, SISMEMBER, SMISMEMBER call shapes and replies', async (c, ctx) => {
  await ctx.call('sAdd one', () => c.sAdd('s', 'a'));
  await ctx.call('sAdd array', () => c.sAdd('s', ['b', 'c', 'a']));
  await ctx.call('sAdd duplicates in one call', () => c.sAdd('s', ['d', 'd']));
  await ctx.call('sAdd existing', () => c.sAdd('s', 'a'));
  await ctx.call('sAdd Buffer', () => c.sAdd('s', Buffer.from('buf')));
  await ctx.call('sAdd empty member', () => c.sAdd('s', ''));
  await ctx.call('sAdd extra positional ignored', () => c.sAdd('s', 'x', 'y'));
  await ctx.call('sAdd number member', () => c.sAdd('s', 1));
  await ctx.call('sAdd number in array', () => c.sAdd('s', ['q', 2]));
  await ctx.call('sAdd empty array', () => c.sAdd('s', []));
  await ctx.call('sAdd no member', () => c.sAdd('s'));
  await ctx.call('sAdd null member', () => c.sAdd('s', null));
  await ctx.call('sAdd number key', () => c.sAdd(1, 'a'));
  await ctx.call('sAdd nothing', () => c.sAdd());
  await ctx.call('SADD', () => c.SADD('s', ['e', 'f']));
  await ctx.call('raw SADD', () => raw(c, 'SADD', 's', 'g', 'h', 'g'));
  await ctx.call('raw sadd lower-case', () => raw(c, 'sadd', 's', 'i'));
  await ctx.call('sMembers (sorted)', () => c.sMembers('s'), { norm: sortReply });
  await ctx.call('sCard', () => c.sCard('s'));
  await ctx.call('sIsMember', () => c.sIsMember('s', 'a'));
  await ctx.call('sIsMember non-member', () => c.sIsMember('s', 'zz'));
  await ctx.call('sIsMember missing key', () => c.sIsMember('nokey', 'a'));
  await ctx.call('sIsMember Buffer', () => c.sIsMember('s', Buffer.from('buf')));
  await ctx.call('sIsMember empty member', () => c.sIsMember('s', ''));
  await ctx.call('sIsMember number member', () => c.sIsMember('s', 1));
  await ctx.call('sIsMember no member', () => c.sIsMember('s'));
  await ctx.call('SISMEMBER', () => c.SISMEMBER('s', 'x'));
  await ctx.call('sIsMember y was ignored', () => c.sIsMember('s', 'y'));
  await ctx.call('smIsMember array', () => c.smIsMember('s', ['a', 'zz', 'b']));
  await ctx.call('smIsMember string', () => c.smIsMember('s', 'a'));
  await ctx.call('smIsMember duplicates', () => c.smIsMember('s', ['a', 'a', 'zz', 'zz']));
  await ctx.call('smIsMember missing key', () => c.smIsMember('nokey', ['a', 'b']));
  await ctx.call('smIsMember empty array', () => c.smIsMember('s', []));
  await ctx.call('smIsMember number inside', () => c.smIsMember('s', ['a', 3]));
  await ctx.call('smIsMember Buffers', () => c.smIsMember('s', [Buffer.from('buf'), Buffer.from('')]));
  await ctx.call('SMISMEMBER', () => c.SMISMEMBER('s', ['c', 'd']));
  await ctx.call('sMIsMember does not exist', () => c.sMIsMember('s', ['a']));
  await ctx.call('sRem one', () => c.sRem('s', 'a'));
  await ctx.call('sRem missing member', () => c.sRem('s', 'a'));
  await ctx.call('sRem array with a missing member', () => c.sRem('s', ['b', 'nomember']));
  await ctx.call('sRem duplicates', () => c.sRem('s', ['c', 'c']));
  await ctx.call('sRem extra positional ignored', () => c.sRem('s', 'd', 'e'));
  await ctx.call('sRem missing key', () => c.sRem('nokey', 'a'));
  await ctx.call('sRem empty array', () => c.sRem('s', []));
  await ctx.call('sRem number', () => c.sRem('s', 1));
  await ctx.call('SREM', () => c.SREM('s', ['e', 'f']));
  await ctx.call('raw SREM', () => raw(c, 'SREM', 's', 'g', 'g', 'zz'));
  await ctx.call('sMembers after removals (sorted)', () => c.sMembers('s'), { norm: sortReply });
  await ctx.call('missing keys were not created', () => c.exists('nokey'));
});

scenario('SMEMBERS, SCARD and the SET type mapping', async (c, ctx) => {
  const asSet = c.withTypeMapping({ [RESP_TYPES.SET]: Set });
  const setBuf = c.withTypeMapping({ [RESP_TYPES.SET]: Set, [RESP_TYPES.BLOB_STRING]: Buffer });
  await ctx.call('sAdd integers', () => c.sAdd('ints', ['3', '1', '2', '-5', '10']));
  await ctx.call('sAdd strings', () => c.sAdd('strs', ['b', 'a', 'c']));
  await ctx.call('sMembers ints (sorted)', () => c.sMembers('ints'), { norm: sortReply });
  await ctx.call('sMembers strs (sorted)', () => c.sMembers('strs'), { norm: sortReply });
  await ctx.call('sMembers missing key', () => c.sMembers('nokey'));
  await ctx.call('SMEMBERS', () => c.SMEMBERS('strs'), { norm: sortReply });
  await ctx.call('sCard', () => c.sCard('ints'));
  await ctx.call('sCard missing key', () => c.sCard('nokey'));
  await ctx.call('SCARD', () => c.SCARD('strs'));
  await ctx.call('sMembers as a Set', () => asSet.sMembers('ints'), { norm: sortedSet });
  await ctx.call('sMembers missing key as a Set', () => asSet.sMembers('nokey'), { norm: sortedSet });
  await ctx.call('sMembers as a Set of Buffers', () => setBuf.sMembers('strs'), { norm: sortedSet });
  await ctx.call('sInter as a Set', () => asSet.sInter(['ints', 'ints']), { norm: sortedSet });
  await ctx.call('sUnion as a Set', () => asSet.sUnion(['ints', 'strs']), { norm: sortedSet });
  await ctx.call('sDiff as a Set', () => asSet.sDiff(['strs', 'nokey']), { norm: sortedSet });
  await ctx.call('sDiff missing first key as a Set', () => asSet.sDiff(['nokey', 'strs']), { norm: sortedSet });
  await ctx.call('sPopCount as a Set', () => asSet.sPopCount('strs', 10), { norm: sortedSet });
  await ctx.call('sPopCount missing key as a Set', () => asSet.sPopCount('strs', 2), { norm: sortedSet });
  await ctx.call('sRandMemberCount stays an Array', () => asSet.sRandMemberCount('ints', 10), { norm: sortedSet });
  await ctx.call('sRandMemberCount negative stays an Array', () => asSet.sRandMemberCount('ints', -2),
    { norm: randShape(['1', '2', '3', '-5', '10'], -2) });
  await ctx.call('sRandMemberCount missing key stays an Array', () => asSet.sRandMemberCount('nokey', 2), { norm: sortedSet });
  await ctx.call('smIsMember stays an Array', () => asSet.smIsMember('ints', ['1', 'x']));
  await ctx.call('sScan page members stay an Array', () => asSet.sScan('ints', '0'), { norm: (r) => [r.cursor, sortedSet(r.members)] });
  await ctx.call('raw SMEMBERS with a SET mapping', () => c.sendCommand(['SMEMBERS', 'ints'],
    { typeMapping: { [RESP_TYPES.SET]: Set } }), { norm: sortedSet });
  await ctx.call('raw SMEMBERS without a mapping', () => raw(c, 'SMEMBERS', 'ints'), { norm: sortedSet });
  await ctx.call('sCard with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).sCard('ints'));
  await ctx.call('smIsMember with the NUMBER mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String })
    .smIsMember('ints', ['1', 'x']));
});

scenario('Removing the last member deletes the key', async (c, ctx) => {
  await ctx.call('sAdd', () => c.sAdd('s', ['a', 'b', 'c']));
  await ctx.call('expire', () => c.expire('s', 100));
  await ctx.call('sRem one', () => c.sRem('s', 'a'));
  await ctx.ttl('ttl survives sRem', () => c.ttl('s'));
  await ctx.call('sRem the rest', () => c.sRem('s', ['b', 'c', 'd']));
  await ctx.call('exists after the last member', () => c.exists('s'));
  await ctx.call('type after the last member', () => c.type('s'));
  await ctx.call('ttl after the last member', () => c.ttl('s'));
  await ctx.call('sCard after the last member', () => c.sCard('s'));
  await ctx.call('recreate', () => c.sAdd('s', 'x'));
  await ctx.call('recreated has no TTL', () => c.ttl('s'));
  await ctx.call('sPop the only member', () => c.sPop('s'));
  await ctx.call('gone after sPop', () => c.exists('s'));
  await ctx.call('recreate ints', () => c.sAdd('s', ['1', '2']));
  await ctx.call('sPopCount everything', () => c.sPopCount('s', 5), { norm: sortReply });
  await ctx.call('gone after sPopCount', () => c.exists('s'));
  await ctx.call('sMove the only member away', () => c.sAdd('m', 'x').then(() => c.sMove('m', 'dst', 'x')));
  await ctx.call('source gone after sMove', () => c.exists('m'));
  await ctx.call('big set: fill', () => c.sAdd('big', range(600, 0, (i) => `m${i}`)));
  await ctx.call('big set: delete all but one', () => c.sRem('big', range(599, 1, (i) => `m${i}`)));
  await ctx.call('big set: one left', () => c.sMembers('big'));
  await ctx.call('big set: encoding', () => c.objectEncoding('big'));
  await ctx.call('big set: delete the last', () => c.sRem('big', 'm0'));
  await ctx.call('big set: gone', () => c.type('big'));
  await ctx.call('big intset: fill and pop all', () => c.sAdd('bi', range(300)).then(() => c.sPopCount('bi', 300)),
    { norm: (r) => [r.length, sortReply(r).join() === sortReply(range(300)).join()] });
  await ctx.call('big intset: gone', () => c.exists('bi'));
  await ctx.call('dbSize', () => c.dbSize());
});

// ---- SPOP, SRANDMEMBER ----------------------------------------------------------------------

scenario('SPOP: no count, count 0, positive, larger than the set, errors', async (c, ctx) => {
  const small = ['a', 'b', 'c', 'd', 'e'];
  await ctx.call('sPop missing key', () => c.sPop('nokey'));
  await ctx.call('sPopCount missing key', () => c.sPopCount('nokey', 3));
  await ctx.call('sPopCount missing key 0', () => c.sPopCount('nokey', 0));
  await ctx.call('sPopCount missing key negative', () => c.sPopCount('nokey', -1));
  await ctx.call('sAdd', () => c.sAdd('s', small));
  await ctx.call('sPop is a member', async () => {
    const p = await c.sPop('s');
    const left = await c.sMembers('s');
    return [small.includes(p), left.length, !left.includes(p)];
  });
  await ctx.call('SPOP', () => c.SPOP('s'), { norm: memberOf(small) });
  await ctx.call('sPop count ignored', () => c.sPop('s', 2), { norm: memberOf(small) });
  await ctx.call('sCard after 3 pops', () => c.sCard('s'));
  await ctx.call('count 0', () => c.sPopCount('s', 0));
  await ctx.call('count -1', () => c.sPopCount('s', -1));
  await ctx.call('count 1.5', () => c.sPopCount('s', 1.5));
  await ctx.call('count NaN', () => c.sPopCount('s', NaN));
  await ctx.call('no count', () => c.sPopCount('s'));
  await ctx.call('raw SPOP bad count', () => raw(c, 'SPOP', 's', 'abc'));
  await ctx.call('raw SPOP int64 min', () => raw(c, 'SPOP', 's', '-9223372036854775808'));
  await ctx.call('raw SPOP too many arguments', () => raw(c, 'SPOP', 's', '1', '2'));
  await ctx.call('sCard unchanged by the errors', () => c.sCard('s'));
  for (const [n, count] of [[5, 1], [5, 2], [5, 4], [5, 5], [5, 6], [5, 100]]) {
    await ctx.call(`sPopCount ${count} of ${n}`, () => c.del('p').then(() => c.sAdd('p', small.slice(0, n)))
      .then(() => popAndCheck(c, 'p', small.slice(0, n), count)));
  }
  await ctx.call('SPOP_COUNT', () => c.sAdd('p', small).then(() => c.SPOP_COUNT('p', 2)), { norm: randShape(small, 2) });
  await ctx.call('raw SPOP count', () => raw(c, 'SPOP', 'p', '2'), { norm: randShape(small, 2) });
  await ctx.call('raw SPOP huge count', () => raw(c, 'SPOP', 'p', '9223372036854775807'), { norm: randShape(small, 5) });
  await ctx.call('p gone', () => c.exists('p'));
  for (const [n, count] of [[300, 1], [300, 50], [300, 60], [300, 200], [300, 299], [300, 300]]) {
    await ctx.call(`intset: sPopCount ${count} of ${n}`, () => c.del('pi').then(() => c.sAdd('pi', range(n)))
      .then(() => popAndCheck(c, 'pi', range(n), count)));
    await ctx.call(`intset: encoding after sPopCount ${count} of ${n}`, () => c.objectEncoding('pi'));
  }
  const big = range(700, 0, (i) => `m${i}`);
  for (const count of [1, 10, 139, 140, 141, 350, 580, 584, 600, 650, 699, 700, 1000]) {
    await ctx.call(`hashtable: sPopCount ${count} of 700`, () => c.del('ph').then(() => c.sAdd('ph', big))
      .then(() => popAndCheck(c, 'ph', big, count)));
    await ctx.call(`hashtable: encoding after sPopCount ${count}`, () => c.objectEncoding('ph'));
  }
  await ctx.call('sPopCount keeps the TTL', () => c.sAdd('t', small).then(() => c.expire('t', 100))
    .then(() => c.sPopCount('t', 2)).then(() => c.ttl('t')), { norm: (r) => r > 90 });
});

scenario('SPOP of most of a big set rebuilds it from the members left', async (c, ctx) => {
  const range600 = range(600);
  // 600 integers in a hashtable become an intset again when few are left.
  for (const count of [10, 500, 590, 599]) {
    await ctx.call(`integers in a hashtable: sPopCount ${count} of 600`, () => c.del('pih').then(() => c.sAdd('pih', range(600)))
      .then(() => c.expire('pih', 100)).then(() => popAndCheck(c, 'pih', range600, count)));
    await ctx.call(`integers in a hashtable: encoding after sPopCount ${count}`, () => c.objectEncoding('pih'));
    await ctx.ttl(`integers in a hashtable: TTL after sPopCount ${count}`, () => c.ttl('pih'));
  }
  await ctx.call('strings and integers: sPopCount leaving integers', () => c.del('mx').then(() => c.sAdd('mx', ['a', '1', '2']))
    .then(() => c.sRem('mx', 'a')).then(() => c.sAdd('mx', range(700, 10))).then(() => c.sPopCount('mx', 699)),
  { norm: (r) => r.length });
  await ctx.call('strings and integers: encoding after', () => c.objectEncoding('mx'));
});

scenario('SRANDMEMBER: no count, count 0, positive, negative, larger than the set', async (c, ctx) => {
  const small = ['a', 'b', 'c', 'd', 'e'];
  await ctx.call('sRandMember missing key', () => c.sRandMember('nokey'));
  await ctx.call('sRandMemberCount missing key', () => c.sRandMemberCount('nokey', 3));
  await ctx.call('sRandMemberCount missing key negative', () => c.sRandMemberCount('nokey', -3));
  await ctx.call('sRandMemberCount missing key 0', () => c.sRandMemberCount('nokey', 0));
  await ctx.call('sAdd', () => c.sAdd('s', small));
  await ctx.call('single-member set', () => c.sAdd('one', 'only'));
  await ctx.call('sRandMember of a single-member set', () => c.sRandMember('one'));
  await ctx.call('sRandMemberCount -3 of a single-member set', () => c.sRandMemberCount('one', -3));
  await ctx.call('sRandMemberCount 3 of a single-member set', () => c.sRandMemberCount('one', 3));
  for (let i = 0; i < 5; i++) await ctx.call(`sRandMember is a member #${i}`, () => c.sRandMember('s'), { norm: memberOf(small) });
  await ctx.call('SRANDMEMBER', () => c.SRANDMEMBER('s'), { norm: memberOf(small) });
  await ctx.call('sRandMember count ignored', () => c.sRandMember('s', 3), { norm: memberOf(small) });
  await ctx.call('count 0', () => c.sRandMemberCount('s', 0));
  for (const n of [1, 2, 3, 4, 5, -1, -3, -5, -20]) {
    await ctx.call(`count ${n}`, () => c.sRandMemberCount('s', n), { norm: randShape(small, n) });
  }
  await ctx.call('count 5 is the whole set', () => c.sRandMemberCount('s', 5), { norm: sortReply });
  await ctx.call('count larger than the set', () => c.sRandMemberCount('s', 50), { norm: sortReply });
  await ctx.call('SRANDMEMBER_COUNT', () => c.SRANDMEMBER_COUNT('s', 2), { norm: randShape(small, 2) });
  await ctx.call('count as a string', () => c.sRandMemberCount('s', '2'), { norm: randShape(small, 2) });
  await ctx.call('count 1.5', () => c.sRandMemberCount('s', 1.5));
  await ctx.call('no count', () => c.sRandMemberCount('s'));
  await ctx.call('raw SRANDMEMBER bad count', () => raw(c, 'SRANDMEMBER', 's', 'abc'));
  await ctx.call('raw SRANDMEMBER int64 min', () => raw(c, 'SRANDMEMBER', 's', '-9223372036854775808'));
  await ctx.call('raw SRANDMEMBER huge positive', () => raw(c, 'SRANDMEMBER', 's', '9223372036854775807'), { norm: sortReply });
  await ctx.call('raw SRANDMEMBER missing key int64 min', () => raw(c, 'SRANDMEMBER', 'nokey', '-9223372036854775808'));
  await ctx.call('raw SRANDMEMBER too many arguments', () => raw(c, 'SRANDMEMBER', 's', '1', '2'));
  await ctx.call('raw SRANDMEMBER no key', () => raw(c, 'SRANDMEMBER'));
  await ctx.call('set unchanged', () => c.sMembers('s'), { norm: sortReply });
  const ints = range(300);
  await ctx.call('intset', () => c.sAdd('si', ints));
  const big = range(700, 0, (i) => `m${i}`);
  await ctx.call('hashtable', () => c.sAdd('sh', big));
  for (const [key, members] of [['si', ints], ['sh', big]]) {
    for (const n of [1, 10, 99, 100, 101, members.length - 1, members.length, members.length + 1, -1, -10, -1000]) {
      await ctx.call(`${key} count ${n}`, () => c.sRandMemberCount(key, n), { norm: randShape(members, n) });
    }
    await ctx.call(`${key} whole set`, () => c.sRandMemberCount(key, members.length), { norm: (r) => sortReply(r).join() === sortReply(members).join() });
    await ctx.call(`${key} sRandMember`, () => c.sRandMember(key), { norm: memberOf(members) });
  }
});

// ---- algebra --------------------------------------------------------------------------------

scenario('SINTER, SUNION, SDIFF with missing keys and repeated keys', async (c, ctx) => {
  await ctx.call('s1', () => c.sAdd('s1', ['a', 'b', 'c', 'd']));
  await ctx.call('s2', () => c.sAdd('s2', ['c', 'd', 'e']));
  await ctx.call('s3', () => c.sAdd('s3', ['a', 'c', 'e', 'f']));
  await ctx.call('ints', () => c.sAdd('i1', ['1', '2', '3']));
  await ctx.call('ints 2', () => c.sAdd('i2', ['2', '3', '4']));
  for (const [method, fn] of [['sInter', (k) => c.sInter(k)], ['sUnion', (k) => c.sUnion(k)], ['sDiff', (k) => c.sDiff(k)]]) {
    for (const keys of [['s1', 's2'], ['s1', 's2', 's3'], ['s1'], 's1', ['s1', 's1'], ['s1', 'nokey'], ['nokey', 's1'],
      ['nokey'], ['nokey', 'nokey2'], ['i1', 'i2'], ['i1', 's1'], ['s3', 's1', 's2'], ['s2', 'i2']]) {
      await ctx.call(`${method} ${JSON.stringify(keys)}`, () => fn(keys), { norm: sortReply });
    }
    await ctx.call(`${method} empty array`, () => fn([]));
    await ctx.call(`${method} number key`, () => fn([1]));
    await ctx.call(`${method} no keys`, () => fn());
  }
  await ctx.call('SINTER', () => c.SINTER(['s1', 's3']), { norm: sortReply });
  await ctx.call('SUNION', () => c.SUNION(['s1', 's3']), { norm: sortReply });
  await ctx.call('SDIFF', () => c.SDIFF(['s1', 's3']), { norm: sortReply });
  await ctx.call('sInter extra positional ignored', () => c.sInter('s1', 's2'), { norm: sortReply });
  await ctx.call('raw SINTER', () => raw(c, 'SINTER', 's1', 's2'), { norm: sortReply });
  await ctx.call('raw SUNION', () => raw(c, 'SUNION', 's1', 'nokey', 's2'), { norm: sortReply });
  await ctx.call('raw SDIFF', () => raw(c, 'SDIFF', 's1', 's2', 's3'), { norm: sortReply });
  await ctx.call('big sets', () => c.sAdd('b1', range(600, 0, (i) => `m${i}`))
    .then(() => c.sAdd('b2', range(600, 300, (i) => `m${i}`))));
  await ctx.call('sInter big', () => c.sInter(['b1', 'b2']), { norm: (r) => [r.length, sortReply(r)[0]] });
  await ctx.call('sUnion big', () => c.sUnion(['b1', 'b2']), { norm: (r) => r.length });
  await ctx.call('sDiff big', () => c.sDiff(['b1', 'b2']), { norm: (r) => sortReply(r).join() });
  await ctx.call('sDiff big against small', () => c.sDiff(['b1', 's1']), { norm: (r) => r.length });
  await ctx.call('sDiff small against big', () => c.sDiff(['s1', 'b1', 'b2']), { norm: sortReply });
  await ctx.call('sInter intset with hashtable', () => c.sAdd('b3', range(600)).then(() => c.sInter(['i1', 'b3'])), { norm: sortReply });
  await ctx.call('sDiff intset minus hashtable', () => c.sDiff(['i2', 'b3']), { norm: sortReply });
});

scenario('SINTER, SUNION, SDIFF: WRONGTYPE even after a missing key', async (c, ctx) => {
  await ctx.call('set', () => c.sAdd('s', ['a', 'b']));
  await ctx.call('string', () => c.set('str', 'v'));
  await ctx.call('hash', () => c.hSet('h', 'f', 'v'));
  for (const method of ['sInter', 'sUnion', 'sDiff']) {
    for (const keys of [['str'], ['s', 'str'], ['str', 's'], ['nokey', 'str'], ['nokey', 's', 'h'], ['s', 'nokey', 'h'],
      ['s', 'nokey', 'str', 'nokey2']]) {
      await ctx.call(`${method} ${JSON.stringify(keys)}`, () => c[method](keys), { norm: sortReply });
    }
  }
  for (const method of ['sInterStore', 'sUnionStore', 'sDiffStore']) {
    for (const keys of [['str'], ['s', 'str'], ['nokey', 'str'], ['nokey', 'h'], ['s', 'nokey', 'h']]) {
      await ctx.call(`${method} dst ${JSON.stringify(keys)}`, () => c[method]('dst', keys));
    }
    await ctx.call(`${method} dst not created`, () => c.exists('dst'));
    await ctx.call(`${method} onto a string destination from a missing key`, () => c[method]('str', ['nokey', 'h']));
  }
  await ctx.call('sInterCard with a string', () => c.sInterCard(['s', 'str']));
  await ctx.call('sInterCard with a string after a missing key', () => c.sInterCard(['nokey', 'str']));
  await ctx.call('sInterCard with a hash after a missing key', () => c.sInterCard(['nokey', 's', 'h']));
  await ctx.call('strings unchanged', () => c.get('str'));
});

scenario('SINTERSTORE, SUNIONSTORE, SDIFFSTORE: destination overwritten or deleted', async (c, ctx) => {
  await ctx.call('s1', () => c.sAdd('s1', ['a', 'b', 'c']));
  await ctx.call('s2', () => c.sAdd('s2', ['b', 'c', 'd']));
  await ctx.call('i1', () => c.sAdd('i1', ['1', '2', '3']));
  await ctx.call('i2', () => c.sAdd('i2', ['3', '4']));
  for (const method of ['sInterStore', 'sUnionStore', 'sDiffStore']) {
    await ctx.call(`${method} s1 s2`, () => c[method]('d', ['s1', 's2']));
    await ctx.call(`${method} result (sorted)`, () => c.sMembers('d'), { norm: sortReply });
    await ctx.call(`${method} one key as a string`, () => c[method]('d', 's1'));
    await ctx.call(`${method} i1 i2`, () => c[method]('d', ['i1', 'i2']));
    await ctx.call(`${method} encoding of an all-integer result`, () => c.objectEncoding('d'));
    await ctx.call(`${method} i1 s1`, () => c[method]('d', ['i1', 's1']));
    await ctx.call(`${method} encoding of a mixed result`, () => c.objectEncoding('d'));
    await ctx.call(`${method} onto a string destination`, () => c.set('d', 'str').then(() => c[method]('d', ['s1', 's2'])));
    await ctx.call(`${method} type of the overwritten destination`, () => c.type('d'));
    await ctx.call(`${method} onto a hash destination`, () => c.hSet('d', 'f', 'v').then(() => c[method]('d', ['s1'])));
    await ctx.call(`${method} type after hash`, () => c.type('d'));
    await ctx.call(`${method} destination with a TTL`, () => c.expire('d', 100).then(() => c[method]('d', ['s1', 's2'])));
    await ctx.call(`${method} TTL removed`, () => c.ttl('d'));
    await ctx.call(`${method} empty result`, () => c[method]('d', ['nokey', 'nokey2']));
    await ctx.call(`${method} empty result deleted the destination`, () => c.exists('d'));
    await ctx.call(`${method} empty result on a string destination`, () => c.set('d', 'x').then(() => c[method]('d', ['nokey'])));
    await ctx.call(`${method} string destination deleted`, () => c.exists('d'));
    await ctx.call(`${method} destination is a source`, () => c.sAdd('d', ['a', 'z']).then(() => c[method]('d', ['d', 's1'])));
    await ctx.call(`${method} destination-as-source result (sorted)`, () => c.sMembers('d'), { norm: sortReply });
    await ctx.call(`${method} empty keys array`, () => c[method]('d', []));
    await ctx.call(`${method} no keys`, () => c[method]('d'));
    await ctx.call(`${method} number destination`, () => c[method](1, ['s1']));
    await ctx.call(`${method} cleanup`, () => c.del('d'));
  }
  await ctx.call('SINTERSTORE', () => c.SINTERSTORE('d', ['s1', 's2']));
  await ctx.call('SUNIONSTORE', () => c.SUNIONSTORE('d', ['s1', 's2']));
  await ctx.call('SDIFFSTORE', () => c.SDIFFSTORE('d', ['s1', 's2']));
  await ctx.call('raw SUNIONSTORE', () => raw(c, 'SUNIONSTORE', 'd', 's1', 'nokey', 'i1'));
  await ctx.call('raw SDIFFSTORE of the destination alone', () => raw(c, 'SDIFFSTORE', 'd', 'd'));
  await ctx.call('result (sorted)', () => c.sMembers('d'), { norm: sortReply });
  await ctx.call('big union into a hashtable', () => c.sAdd('b', range(600, 0, (i) => `m${i}`))
    .then(() => c.sUnionStore('bu', ['b', 's1'])));
  await ctx.call('big union encoding', () => c.objectEncoding('bu'));
  await ctx.call('big diff down to three members', () => c.sDiffStore('bd', ['bu', 'b']));
  await ctx.call('big diff members', () => c.sMembers('bd'), { norm: sortReply });
  await ctx.call('big diff encoding', () => c.objectEncoding('bd'));
  await ctx.call('600 integers stored', () => c.sAdd('bi', range(600)).then(() => c.sUnionStore('bis', ['bi'])));
  await ctx.call('600 integers stored: encoding', () => c.objectEncoding('bis'));
  await ctx.call('512 integers stored', () => c.sInterStore('bis2', ['bi', 'bi']).then(() => c.sDiffStore('bis3', ['bi', 'bis4']))
    .then(() => c.sRem('bis3', range(88, 512))).then(() => c.sUnionStore('bis5', ['bis3'])));
  await ctx.call('512 integers stored: encoding', () => c.objectEncoding('bis5'));
  await ctx.call('600 integers SINTERSTORE encoding', () => c.objectEncoding('bis2'));
});

scenario('SINTERCARD: LIMIT and numkeys errors', async (c, ctx) => {
  await ctx.call('s1', () => c.sAdd('s1', ['a', 'b', 'c', 'd']));
  await ctx.call('s2', () => c.sAdd('s2', ['b', 'c', 'd', 'e']));
  await ctx.call('sInterCard', () => c.sInterCard(['s1', 's2']));
  await ctx.call('sInterCard one key as a string', () => c.sInterCard('s1'));
  await ctx.call('sInterCard LIMIT 2', () => c.sInterCard(['s1', 's2'], { LIMIT: 2 }));
  await ctx.call('sInterCard LIMIT 0 means no limit', () => c.sInterCard(['s1', 's2'], { LIMIT: 0 }));
  await ctx.call('sInterCard LIMIT larger', () => c.sInterCard(['s1', 's2'], { LIMIT: 100 }));
  await ctx.call('sInterCard number limit', () => c.sInterCard(['s1', 's2'], 1));
  await ctx.call('sInterCard LIMIT -1', () => c.sInterCard(['s1', 's2'], { LIMIT: -1 }));
  await ctx.call('sInterCard LIMIT 1.5', () => c.sInterCard(['s1', 's2'], { LIMIT: 1.5 }));
  await ctx.call('sInterCard missing key', () => c.sInterCard(['s1', 'nokey']));
  await ctx.call('sInterCard missing key first', () => c.sInterCard(['nokey', 's1']));
  await ctx.call('sInterCard same key', () => c.sInterCard(['s1', 's1']));
  await ctx.call('sInterCard empty array', () => c.sInterCard([]));
  await ctx.call('sInterCard no keys', () => c.sInterCard());
  await ctx.call('SINTERCARD', () => c.SINTERCARD(['s1', 's2'], { LIMIT: 1 }));
  const argvs = [
    ['SINTERCARD', '2', 's1', 's2'],
    ['SINTERCARD', '1', 's1', 's2'],
    ['SINTERCARD', '3', 's1', 's2'],
    ['SINTERCARD', '0', 's1'],
    ['SINTERCARD', '-1', 's1'],
    ['SINTERCARD', 'x', 's1'],
    ['SINTERCARD', '1.5', 's1'],
    ['SINTERCARD', '2', 's1', 's2', 'LIMIT'],
    ['SINTERCARD', '2', 's1', 's2', 'LIMIT', '-1'],
    ['SINTERCARD', '2', 's1', 's2', 'LIMIT', 'x'],
    ['SINTERCARD', '2', 's1', 's2', 'limit', '1'],
    ['SINTERCARD', '2', 's1', 's2', 'LIMIT', '1', 'LIMIT', '3'],
    ['SINTERCARD', '2', 's1', 's2', 'FOO'],
    ['SINTERCARD', '2', 's1', 's2', 'LIMIT', '1', 'x'],
    ['SINTERCARD', '1', 's1', 'LIMIT', '9223372036854775807'],
    ['SINTERCARD', '99999999999999999999', 's1'],
    ['SINTERCARD', '2147483648', 's1'],
    ['SINTERCARD', '1'],
    ['SINTERCARD'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('big intersection with a limit', () => c.sAdd('b1', range(600)).then(() => c.sAdd('b2', range(600, 100)))
    .then(() => c.sInterCard(['b1', 'b2'], { LIMIT: 77 })));
  await ctx.call('big intersection', () => c.sInterCard(['b1', 'b2']));
});

scenario('SMOVE: members, missing keys, same key, WRONGTYPE', async (c, ctx) => {
  await ctx.call('src', () => c.sAdd('src', ['a', 'b', 'c']));
  await ctx.call('dst', () => c.sAdd('dst', ['c', 'x']));
  await ctx.call('sMove', () => c.sMove('src', 'dst', 'a'));
  await ctx.call('sMove non-member', () => c.sMove('src', 'dst', 'zz'));
  await ctx.call('sMove member already in dst', () => c.sMove('src', 'dst', 'c'));
  await ctx.call('src after (sorted)', () => c.sMembers('src'), { norm: sortReply });
  await ctx.call('dst after (sorted)', () => c.sMembers('dst'), { norm: sortReply });
  await ctx.call('sMove to a new key', () => c.sMove('src', 'new', 'b'));
  await ctx.call('src deleted when emptied', () => c.exists('src'));
  await ctx.call('new created', () => c.sMembers('new'));
  await ctx.call('sMove from a missing key', () => c.sMove('nokey', 'dst', 'a'));
  await ctx.call('missing destination not created', () => c.sMove('nokey', 'dst2', 'a').then(() => c.exists('dst2')));
  await ctx.call('sMove same key, member', () => c.sMove('dst', 'dst', 'x'));
  await ctx.call('sMove same key, non-member', () => c.sMove('dst', 'dst', 'zz'));
  await ctx.call('dst unchanged (sorted)', () => c.sMembers('dst'), { norm: sortReply });
  await ctx.call('string', () => c.set('str', 'v'));
  await ctx.call('sMove to a string', () => c.sMove('dst', 'str', 'x'));
  await ctx.call('sMove to a string, non-member', () => c.sMove('dst', 'str', 'zz'));
  await ctx.call('sMove from a string', () => c.sMove('str', 'dst', 'x'));
  await ctx.call('sMove from a missing key to a string', () => c.sMove('nokey', 'str', 'x'));
  await ctx.call('sMove from a string to itself', () => c.sMove('str', 'str', 'x'));
  await ctx.call('dst still has x', () => c.sIsMember('dst', 'x'));
  await ctx.call('sMove keeps the TTLs', () => c.expire('dst', 100).then(() => c.sAdd('other', 'o'))
    .then(() => c.sMove('dst', 'other', 'x')).then(() => Promise.all([c.ttl('dst'), c.ttl('other')])),
  { norm: (r) => [r[0] > 90, r[1]] });
  await ctx.call('sMove Buffers', () => c.sAdd(Buffer.from('bs'), Buffer.from([0, 1])).then(() => c.sMove(Buffer.from('bs'), 'bd', Buffer.from([0, 1]))));
  await ctx.call('sMove number member', () => c.sMove('dst', 'other', 1));
  await ctx.call('sMove no member', () => c.sMove('dst', 'other'));
  await ctx.call('SMOVE', () => c.SMOVE('other', 'dst', 'o'));
  await ctx.call('raw SMOVE', () => raw(c, 'SMOVE', 'dst', 'other', 'o'));
  await ctx.call('sMove an integer into an intset keeps it an intset', () => c.sAdd('i1', ['1', '2']).then(() => c.sAdd('i2', ['3']))
    .then(() => c.sMove('i1', 'i2', '1')).then(() => c.objectEncoding('i2')));
  await ctx.call('sMove a string into an intset converts it', () => c.sAdd('i3', ['x']).then(() => c.sMove('i3', 'i2', 'x'))
    .then(() => c.objectEncoding('i2')));
  await ctx.call('sMove into a 512-integer intset', () => c.sAdd('full', range(512)).then(() => c.sAdd('i4', ['1000']))
    .then(() => c.sMove('i4', 'full', '1000')).then(() => c.objectEncoding('full')));
});

// ---- SSCAN ----------------------------------------------------------------------------------

scenario('SSCAN of small sets: one page, cursor 0', async (c, ctx) => {
  await ctx.call('sAdd ints', () => c.sAdd('si', ['5', '3', '1', '4', '2']));
  await ctx.call('sAdd strings', () => c.sAdd('ss', ['m1', 'm2', 'm3', 'x']));
  await ctx.call('sScan intset', () => c.sScan('si', '0'));
  await ctx.call('sScan hashtable (sorted)', () => c.sScan('ss', '0'), { norm: (r) => ({ cursor: r.cursor, members: sortReply(r.members) }) });
  await ctx.call('SSCAN', () => c.SSCAN('si', '0'));
  await ctx.call('sScan MATCH', () => c.sScan('si', '0', { MATCH: '[13]' }));
  await ctx.call('sScan MATCH no match', () => c.sScan('si', '0', { MATCH: 'zz*' }));
  await ctx.call('sScan COUNT 1 on an intset', () => c.sScan('si', '0', { COUNT: 1 }));
  await ctx.call('sScan COUNT 0 is dropped by the client', () => c.sScan('si', '0', { COUNT: 0 }));
  await ctx.call('sScan missing key', () => c.sScan('nokey', '0'));
  await ctx.call('sScan number cursor', () => c.sScan('si', 0));
  await ctx.call('sScan no cursor', () => c.sScan('si'));
  await ctx.call('sScan all hashtable COUNT 1', () => sScanAll(c, 'ss', { COUNT: 1 }));
  await ctx.call('raw SSCAN intset', () => raw(c, 'SSCAN', 'si', '0'));
  await ctx.call('raw SSCAN MATCH COUNT lower-case', () => raw(c, 'sscan', 'si', '0', 'match', '*', 'count', '2'));
  await ctx.call('raw SSCAN bad cursor', () => raw(c, 'SSCAN', 'si', 'abc'));
  await ctx.call('raw SSCAN bad cursor on a missing key', () => raw(c, 'SSCAN', 'nokey', 'abc'));
  await ctx.call('raw SSCAN negative cursor', () => raw(c, 'SSCAN', 'si', '-1'));
  await ctx.call('raw SSCAN cursor above uint64', () => raw(c, 'SSCAN', 'si', '18446744073709551616'));
  await ctx.call('raw SSCAN cursor 7 on an intset', () => raw(c, 'SSCAN', 'si', '7'));
  await ctx.call('raw SSCAN COUNT 0', () => raw(c, 'SSCAN', 'si', '0', 'COUNT', '0'));
  await ctx.call('raw SSCAN COUNT -1', () => raw(c, 'SSCAN', 'si', '0', 'COUNT', '-1'));
  await ctx.call('raw SSCAN COUNT abc', () => raw(c, 'SSCAN', 'si', '0', 'COUNT', 'abc'));
  await ctx.call('raw SSCAN MATCH without pattern', () => raw(c, 'SSCAN', 'si', '0', 'MATCH'));
  await ctx.call('raw SSCAN TYPE', () => raw(c, 'SSCAN', 'si', '0', 'TYPE', 'set'));
  await ctx.call('raw SSCAN NOVALUES', () => raw(c, 'SSCAN', 'si', '0', 'NOVALUES'));
  await ctx.call('raw SSCAN unknown option', () => raw(c, 'SSCAN', 'si', '0', 'FOO', 'bar'));
});

scenario('SSCAN of 600-member sets visits every member', async (c, ctx) => {
  const strs = range(600, 0, (i) => `m${i}`);
  await ctx.call('sAdd 600 strings', () => c.sAdd('sbig', strs));
  await ctx.call('sAdd 600 integers', () => c.sAdd('ibig', range(600)));
  await ctx.call('encodings', () => Promise.all([c.objectEncoding('sbig'), c.objectEncoding('ibig')]));
  for (const key of ['sbig', 'ibig']) {
    await ctx.call(`${key}: sScan all`, () => sScanAll(c, key), { norm: (r) => [r.length, r.join().length] });
    await ctx.call(`${key}: sScan all COUNT 3`, () => sScanAll(c, key, { COUNT: 3 }), { norm: (r) => r.length });
    await ctx.call(`${key}: sScan all COUNT 1000`, () => sScanAll(c, key, { COUNT: 1000 }), { norm: (r) => r.length });
    await ctx.call(`${key}: sScan all MATCH *5`, () => sScanAll(c, key, { MATCH: '*5' }));
    await ctx.call(`${key}: sScan all MATCH *1?9 COUNT 7`, () => sScanAll(c, key, { MATCH: '*1?9', COUNT: 7 }));
    await ctx.call(`${key}: sScan all raw`, () => sScanAll(c, key, { raw: true, COUNT: 50 }), { norm: (r) => r.length });
    await ctx.call(`${key}: sScan all as Buffers`, () => sScanAll(c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }), key, { MATCH: '*59*' }));
    await ctx.call(`${key}: first page shape`, () => c.sScan(key, '0'), { norm: (r) => [typeof r.cursor, r.cursor !== '0', Array.isArray(r.members)] });
    await ctx.call(`${key}: everything in one call with a huge COUNT`, () => c.sScan(key, '0', { COUNT: 100000 }),
      { norm: (r) => [r.cursor, r.members.length] });
  }
  await ctx.call('sScan all after deleting half', async () => {
    await c.sRem('sbig', strs.filter((m, i) => i % 2 === 0));
    return sScanAll(c, 'sbig');
  });
});

scenario('sScanIterator', async (c, ctx) => {
  await ctx.call('small intset', () => c.sAdd('si', ['3', '1', '2']));
  await ctx.call('big set', () => c.sAdd('sbig', range(600, 0, (i) => `m${i}`)));
  await ctx.call('set a string', () => c.set('str', 'v'));
  const collect = async (iter) => {
    const pages = [];
    for await (const page of iter) pages.push(page);
    return pages;
  };
  await ctx.call('sScanIterator intset: one page in order', () => collect(c.sScanIterator('si')));
  await ctx.call('sScanIterator with MATCH', () => collect(c.sScanIterator('si', { MATCH: '[12]' })));
  await ctx.call('sScanIterator missing key: one empty page', () => collect(c.sScanIterator('nokey')));
  await ctx.call('sScanIterator string key', () => collect(c.sScanIterator('str')));
  await ctx.call('sScanIterator big: every member', () => drain(c.sScanIterator('sbig')), { norm: (r) => [r.somePages, r.allArrays, r.items.length] });
  await ctx.call('sScanIterator big with COUNT 50', () => drain(c.sScanIterator('sbig', { COUNT: 50 })), { norm: (r) => r.items.length });
  await ctx.call('sScanIterator big with MATCH', () => drain(c.sScanIterator('sbig', { MATCH: '*9' })));
  await ctx.call('sScanIterator as Buffers', () => drain(c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
    .sScanIterator('sbig', { MATCH: 'm1?' })));
  await ctx.call('sScanIterator cursor option', () => collect(c.sScanIterator('si', { cursor: '0' })));
  await ctx.call('sScanIterator number cursor option', () => collect(c.sScanIterator('si', { cursor: 0 })));
  await ctx.call('sScanIterator without a key', () => collect(c.sScanIterator()));
  await ctx.call('iterators are not on the multi chain', () => [typeof c.multi().sScanIterator, typeof c.multi().sScan]);
});

// ---- encodings ------------------------------------------------------------------------------

scenario('OBJECT ENCODING: intset up to 512 integers, then hashtable', async (c, ctx) => {
  await ctx.call('one integer', () => c.sAdd('s', '1'));
  await ctx.call('encoding with one integer', () => c.objectEncoding('s'));
  await ctx.call('up to 512 integers', () => c.sAdd('s', range(512)));
  await ctx.call('sCard 512', () => c.sCard('s'));
  await ctx.call('encoding with 512 integers', () => c.objectEncoding('s'));
  await ctx.call('513th integer', () => c.sAdd('s', '512'));
  await ctx.call('encoding with 513 integers', () => c.objectEncoding('s'));
  await ctx.call('delete down to 1', () => c.sRem('s', range(512, 1)));
  await ctx.call('encoding stays hashtable', () => c.objectEncoding('s'));
  await ctx.call('513 integers in one call', () => c.sAdd('one', range(513)).then(() => c.objectEncoding('one')));
  await ctx.call('512 integers one at a time', async () => {
    for (let i = 0; i < 512; i++) await c.sAdd('inc', String(i * 7 - 1000));
    return c.objectEncoding('inc');
  });
  await ctx.call('513th one at a time', () => c.sAdd('inc', '99999').then(() => c.objectEncoding('inc')));
  await ctx.call('a string member', () => c.sAdd('str', 'a').then(() => c.objectEncoding('str')));
  await ctx.call('a string into an intset', () => c.sAdd('mix', ['1', '2']).then(() => c.sAdd('mix', 'x'))
    .then(() => c.objectEncoding('mix')));
  await ctx.call('remove the string: stays hashtable', () => c.sRem('mix', 'x').then(() => c.objectEncoding('mix')));
  const looks = ['-0', '01', '+1', ' 1', '1 ', '1.0', '1e3', '0x10', '', '-', '9223372036854775807', '-9223372036854775808',
    '9223372036854775808', '-9223372036854775809', '18446744073709551615', '0', '-1', '2147483648', '-2147483649', '32768', '-32769'];
  for (const v of looks) {
    await ctx.call(`encoding of {${JSON.stringify(v)}}`, () => c.del('e').then(() => c.sAdd('e', v)).then(() => c.objectEncoding('e')));
    await ctx.call(`member back for ${JSON.stringify(v)}`, () => c.sMembers('e'));
    await ctx.call(`sIsMember ${JSON.stringify(v)}`, () => c.sIsMember('e', v));
  }
  await ctx.call('int64 extremes and a small one', () => c.sAdd('x', ['9223372036854775807', '-9223372036854775808', '0', '-1', '70000', '-70000']));
  await ctx.call('extremes encoding', () => c.objectEncoding('x'));
  await ctx.call('extremes members in intset order', () => c.sMembers('x'), { norm: sortReply });
  await ctx.call('sIsMember of a non-canonical integer', () => c.sIsMember('x', '00'));
  await ctx.call('sIsMember of -0 in an intset', () => c.sIsMember('x', '-0'));
  await ctx.call('sRem of a non-canonical integer', () => c.sRem('x', ['+0', '070000']));
  await ctx.call('smIsMember mixed in an intset', () => c.smIsMember('x', ['0', 'a', '-1', '1', '9223372036854775808']));
  await ctx.call('raw OBJECT ENCODING of a set', () => raw(c, 'OBJECT', 'ENCODING', 'x'));
  await ctx.call('sInterStore of integers gives an intset', () => c.sInterStore('d', ['x', 'x']).then(() => c.objectEncoding('d')));
  await ctx.call('sDiffStore of integers from a hashtable', () => c.sDiffStore('d2', ['mix', 'nokey']).then(() => c.objectEncoding('d2')));
  await ctx.call('sUnionStore of integers from a hashtable', () => c.sUnionStore('d3', ['mix']).then(() => c.objectEncoding('d3')));
  await ctx.call('sInterStore of integers from hashtables', () => c.sInterStore('d4', ['mix', 'mix']).then(() => c.objectEncoding('d4')));
  await ctx.call('long strings', () => c.sAdd('long', 'x'.repeat(100)).then(() => c.objectEncoding('long')));
  await ctx.call('copy keeps the encoding', () => c.copy('x', 'xc').then(() => Promise.all([c.objectEncoding('xc'), c.sCard('xc')])));
  await ctx.call('copy is independent', () => c.sAdd('xc', 'str').then(() => Promise.all([c.objectEncoding('x'), c.objectEncoding('xc')])));
});

// ---- binary ---------------------------------------------------------------------------------

scenario('Binary members through the Buffer type mapping', async (c, ctx) => {
  const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const key = Buffer.from([0x73, 0x00]);
  const m1 = Buffer.from([0x00]);
  const m2 = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
  const m3 = Buffer.from([0x31, 0x00]);
  await ctx.call('sAdd binary', () => c.sAdd(key, [m1, m2, m3, 'plain', '7']));
  await ctx.call('encoding', () => c.objectEncoding(key));
  await ctx.call('sMembers as Buffers (sorted)', () => b.sMembers(key), { norm: sortReply });
  await ctx.call('sMembers as strings (sorted)', () => c.sMembers(key), { norm: sortReply });
  await ctx.call('sIsMember NUL', () => c.sIsMember(key, m1));
  await ctx.call('sIsMember empty is not NUL', () => c.sIsMember(key, ''));
  await ctx.call('sIsMember prefix of a member', () => c.sIsMember(key, Buffer.from([0x31])));
  await ctx.call('smIsMember binary', () => c.smIsMember(key, [m2, m3, Buffer.from([0xff])]));
  await ctx.call('sPop as Buffer of a one-member set', () => c.sAdd('one', m2).then(() => b.sPop('one')));
  await ctx.call('sRandMemberCount as Buffers (whole set)', () => b.sRandMemberCount(key, 10), { norm: sortReply });
  await ctx.call('sRandMember as Buffer', () => b.sRandMember(key), { norm: (r) => Buffer.isBuffer(r) });
  await ctx.call('sInter as Buffers', () => b.sInter([key, key]), { norm: sortReply });
  await ctx.call('sScan as Buffers', () => b.sScan(key, '0'), { norm: (r) => [r.cursor, sortReply(r.members)] });
  await ctx.call('sMove binary', () => c.sMove(key, Buffer.from([0x64, 0xff]), m2));
  await ctx.call('moved as Buffers', () => b.sMembers(Buffer.from([0x64, 0xff])));
  await ctx.call('sRem binary', () => c.sRem(key, [m1, m3]));
  await ctx.call('left (sorted)', () => b.sMembers(key), { norm: sortReply });
  await ctx.call('non-UTF-8 member as a string', () => c.sAdd('nu', Buffer.from([0xde, 0xad, 0xbe, 0xef])).then(() => c.sMembers('nu')));
  await ctx.call('raw SMEMBERS with a Buffer mapping', () => c.sendCommand(['SMEMBERS', key], { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } }),
    { norm: sortReply });
});

// ---- errors ---------------------------------------------------------------------------------

scenario('WRONGTYPE: set commands on a string and a hash', async (c, ctx) => {
  await ctx.call('set', () => c.set('str', 'v'));
  await ctx.call('hSet', () => c.hSet('h', 'f', 'v'));
  await ctx.call('int string', () => c.set('i', '5'));
  for (const k of ['str', 'h', 'i']) {
    const calls = [
      ['sAdd', () => c.sAdd(k, 'a')],
      ['sRem', () => c.sRem(k, 'a')],
      ['sIsMember', () => c.sIsMember(k, 'a')],
      ['smIsMember', () => c.smIsMember(k, ['a'])],
      ['sMembers', () => c.sMembers(k)],
      ['sCard', () => c.sCard(k)],
      ['sPop', () => c.sPop(k)],
      ['sPopCount', () => c.sPopCount(k, 2)],
      ['sPopCount 0', () => c.sPopCount(k, 0)],
      ['sPopCount -1', () => c.sPopCount(k, -1)],
      ['sRandMember', () => c.sRandMember(k)],
      ['sRandMemberCount', () => c.sRandMemberCount(k, -2)],
      ['sRandMemberCount 0', () => c.sRandMemberCount(k, 0)],
      ['sInter', () => c.sInter([k])],
      ['sUnion', () => c.sUnion([k])],
      ['sDiff', () => c.sDiff([k])],
      ['sInterStore', () => c.sInterStore('d', [k])],
      ['sUnionStore', () => c.sUnionStore('d', [k])],
      ['sDiffStore', () => c.sDiffStore('d', [k])],
      ['sInterCard', () => c.sInterCard([k])],
      ['sMove from', () => c.sMove(k, 'd', 'a')],
      ['sScan', () => c.sScan(k, '0')],
      ['sScan bad cursor', () => c.sScan(k, 'abc')],
      ['raw SPOP bad count', () => raw(c, 'SPOP', k, 'x')],
      ['raw SRANDMEMBER bad count', () => raw(c, 'SRANDMEMBER', k, 'x')],
      ['raw SINTERCARD bad LIMIT', () => raw(c, 'SINTERCARD', '1', k, 'LIMIT', '-1')],
    ];
    for (const [label, fn] of calls) await ctx.call(`${label} on ${k}`, fn);
  }
  await ctx.call('values unchanged', () => Promise.all([c.get('str'), c.hGetAll('h'), c.get('i'), c.exists('d')]));
});

scenario('WRONGTYPE: string and hash commands on a set', async (c, ctx) => {
  await ctx.call('sAdd', () => c.sAdd('s', ['1', '2']));
  const calls = [
    ['get', () => c.get('s')],
    ['incr', () => c.incr('s')],
    ['append', () => c.append('s', 'x')],
    ['strLen', () => c.strLen('s')],
    ['getRange', () => c.getRange('s', 0, -1)],
    ['setRange', () => c.setRange('s', 0, 'x')],
    ['getSet', () => c.getSet('s', 'x')],
    ['getDel', () => c.getDel('s')],
    ['getEx', () => c.getEx('s', { type: 'PERSIST' })],
    ['set GET', () => c.set('s', 'x', { GET: true })],
    ['incrByFloat', () => c.incrByFloat('s', 1)],
    ['mGet returns null for it', () => c.mGet(['s'])],
    ['hSet', () => c.hSet('s', 'f', 'v')],
    ['hGet', () => c.hGet('s', 'f')],
    ['hGetAll', () => c.hGetAll('s')],
    ['hLen', () => c.hLen('s')],
    ['hDel', () => c.hDel('s', 'f')],
    ['hIncrBy', () => c.hIncrBy('s', 'f', 1)],
    ['hRandField', () => c.hRandField('s')],
    ['hScan', () => c.hScan('s', '0')],
  ];
  for (const [label, fn] of calls) await ctx.call(`${label} on a set`, fn);
  await ctx.call('set unchanged', () => c.sMembers('s'));
  await ctx.call('setNX on a set', () => c.setNX('s', 'x'));
  await ctx.call('set overwrites a set', () => c.set('s', 'now a string'));
  await ctx.call('type after set', () => c.type('s'));
  await ctx.call('sCard after set', () => c.sCard('s'));
});

scenario('Wrong arity through sendCommand', async (c, ctx) => {
  await ctx.call('set for the arity checks', () => c.sAdd('s', 'a'));
  const argvs = [
    ['SADD'], ['SADD', 's'], ['SREM', 's'], ['SREM'],
    ['SISMEMBER', 's'], ['SISMEMBER', 's', 'a', 'b'], ['SMISMEMBER', 's'], ['SMISMEMBER'],
    ['SMEMBERS'], ['SMEMBERS', 's', 'x'], ['SCARD'], ['SCARD', 's', 'x'],
    ['SPOP'], ['SRANDMEMBER'], ['SINTER'], ['SUNION'], ['SDIFF'],
    ['SINTERSTORE', 'd'], ['SUNIONSTORE', 'd'], ['SDIFFSTORE', 'd'], ['SINTERSTORE'],
    ['SINTERCARD'], ['SINTERCARD', '1'],
    ['SMOVE', 's', 'd'], ['SMOVE', 's', 'd', 'a', 'b'],
    ['SSCAN', 's'], ['SSCAN'],
    ['sadd', 's'], ['SmEmBeRs'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('set unchanged', () => c.sMembers('s'));
  await ctx.call('sIsMember without a member', () => c.sIsMember('s'));
  await ctx.call('sMove without a member', () => c.sMove('s', 'd'));
  await ctx.call('sScan without a key', () => c.sScan());
});

// ---- key commands and MULTI -----------------------------------------------------------------

scenario('Key commands on set keys', async (c, ctx) => {
  await ctx.call('sAdd', () => c.sAdd('s', ['a', 'b']));
  await ctx.call('sAdd ints', () => c.sAdd('i', ['1', '2']));
  await ctx.call('set a string', () => c.set('str', 'v'));
  await ctx.call('type', () => c.type('s'));
  await ctx.call('raw TYPE', () => raw(c, 'TYPE', 'i'));
  await ctx.call('objectEncoding', () => Promise.all([c.objectEncoding('s'), c.objectEncoding('i')]));
  await ctx.call('exists', () => c.exists(['s', 'i', 'nokey']));
  await ctx.call('expire', () => c.expire('s', 100));
  await ctx.ttl('ttl', () => c.ttl('s'));
  await ctx.call('sAdd keeps the TTL', () => c.sAdd('s', 'c'));
  await ctx.ttl('ttl after sAdd', () => c.ttl('s'));
  await ctx.call('rename', () => c.rename('s', 's2'));
  await ctx.ttl('rename moves the TTL', () => c.ttl('s2'));
  await ctx.call('sMembers after rename (sorted)', () => c.sMembers('s2'), { norm: sortReply });
  await ctx.call('old name gone', () => c.exists('s'));
  await ctx.call('copy', () => c.copy('s2', 's3'));
  await ctx.ttl('copy copies the TTL', () => c.ttl('s3'));
  await ctx.call('copy is independent', () => c.sAdd('s3', 'z'));
  await ctx.call('original unchanged by the copy', () => c.sCard('s2'));
  await ctx.call('copy onto an existing key', () => c.copy('s2', 'str'));
  await ctx.call('copy REPLACE over a string', () => c.copy('s2', 'str', { REPLACE: true }));
  await ctx.call('type of the replaced key', () => c.type('str'));
  await ctx.call('copy an intset to db 1', () => c.copy('i', 'i', { DB: 1 }));
  await ctx.call('copy a hashtable set', () => c.sAdd('big', range(600, 0, (x) => `m${x}`)).then(() => c.copy('big', 'big2')));
  await ctx.call('encoding of the copy', () => c.objectEncoding('big2'));
  await ctx.call('sCard of the copy', () => c.sCard('big2'));
  await ctx.call('renameNX onto a set', () => c.renameNX('str', 'i'));
  await ctx.call('rename a string onto a set', () => c.set('x', '1').then(() => c.rename('x', 'i')));
  await ctx.call('type after rename over a set', () => c.type('i'));
  await ctx.call('persist', () => c.persist('s2'));
  await ctx.call('keys', () => c.keys('*'), { norm: sortReply });
  await ctx.scanAll('scan TYPE set', c, { TYPE: 'set' });
  await ctx.scanAll('scan TYPE string', c, { TYPE: 'string' });
  await ctx.scanAll('raw scan TYPE SET upper-case', c, { raw: true, TYPE: 'SET' });
  await ctx.call('randomKey of sets only', () => c.flushDb().then(() => c.sAdd('only', 'x')).then(() => c.randomKey()));
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('del', () => c.del(['only', 'nokey']));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('copied intset in db 1', () => c.sMembers('i'));
  await ctx.call('swapDb', () => c.swapDb(0, 1));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('intset in db 0 after swap', () => c.sMembers('i'));
  await ctx.call('unlink', () => c.unlink('i'));
  await ctx.call('dbSize after unlink', () => c.dbSize());
});

scenario('A set with a short TTL expires', async (c, ctx) => {
  await ctx.call('sAdd', () => c.sAdd('s', ['a', 'b']));
  await ctx.call('pExpire 30', () => c.pExpire('s', 30));
  await ctx.sleep(120);
  await ctx.call('sMembers after expiry', () => c.sMembers('s'));
  await ctx.call('sCard after expiry', () => c.sCard('s'));
  await ctx.call('sIsMember after expiry', () => c.sIsMember('s', 'a'));
  await ctx.call('sUnionStore from an expired key', () => c.sUnionStore('d', ['s']));
  await ctx.call('exists after expiry', () => c.exists(['s', 'd']));
  await ctx.call('sAdd after expiry creates a fresh set', () => c.sAdd('s', 'c'));
  await ctx.call('fresh set has no TTL', () => c.ttl('s'));
});

scenario('Sets in MULTI/EXEC and pipelines', async (c, ctx) => {
  const sortPages = (r) => (Array.isArray(r) ? r.map((x, i) => ([5, 6, 7, 14, 15].includes(i) ? sortReply(x)
    : i === 17 ? { cursor: x.cursor, members: sortReply(x.members) } : x)) : r);
  await ctx.call('exec', () => c.multi()
    .sAdd('s', ['a', 'b', 'c']).sAdd('t', ['b', 'c', 'd']).sIsMember('s', 'a').smIsMember('s', ['a', 'z'])
    .sCard('s').sInter(['s', 't']).sUnion(['s', 't']).sDiff(['s', 't']).sInterStore('i', ['s', 't'])
    .sUnionStore('u', ['s', 't']).sDiffStore('d', ['s', 't']).sInterCard(['s', 't']).sMove('s', 't', 'a')
    .sRem('t', 'd').sMembers('t').sRandMemberCount('s', 10).sPopCount('d', 5).sScan('i', '0').type('s')
    .objectEncoding('s').exec(), { norm: sortPages });
  await ctx.call('state after exec', () => Promise.all([c.sMembers('s'), c.sMembers('t'), c.sMembers('i'), c.sMembers('u'), c.exists('d')]),
    { norm: (r) => r.map(sortedSet) });
  await ctx.call('exec with WRONGTYPE inside', () => c.multi()
    .set('str', 'v').sAdd('s', 'x').sAdd('str', 'x').sCard('s').sInter(['s', 'str']).exec());
  await ctx.call('the other commands took effect', () => c.sMembers('s'), { norm: sortReply });
  await ctx.call('exec with a set error', () => c.multi().sAdd('s', 'y').sPopCount('s', -1).sCard('s')
    .sendCommand(['SINTERCARD', '0', 's']).exec());
  await ctx.call('exec with a queue-time arity error', () => c.multi().sAdd('s', 'q').sendCommand(['SADD', 's']).exec());
  await ctx.call('q not added', () => c.sIsMember('s', 'q'));
  await ctx.call('execAsPipeline', () => c.multi().sAdd('p', '1').sMembers('p').sPop('p').sScan('p', '0').execAsPipeline());
  await ctx.call('execAsPipeline with an error', () => c.multi().sAdd('p', 'x').get('p').sCard('p').execAsPipeline());
  await ctx.call('pipeline commands took effect', () => c.sCard('p'));
  await ctx.call('Set type mapping inside multi', () => c.withTypeMapping({ [RESP_TYPES.SET]: Set }).multi()
    .sMembers('p').exec(), { quirk: 'REFERENCE §19: withTypeMapping is ignored by multi().exec() [don\'t copy]' });
});

module.exports = g;
