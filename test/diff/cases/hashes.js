'use strict';
// HSET HSETNX HGET HMGET HGETALL HDEL HEXISTS HLEN HSTRLEN HKEYS HVALS HINCRBY HINCRBYFLOAT
// HRANDFIELD HSCAN (and HMSET through sendCommand), the hash encodings, WRONGTYPE both ways,
// and hashes seen by the key commands and MULTI.
//
// What Redis does not fix is normalized: the order of a hashtable-encoded hash (HGETALL, HKEYS,
// HVALS) is sorted; HRANDFIELD is reduced to what Redis guarantees (length, membership,
// uniqueness for a positive count, values matching fields); HSCAN of a hashtable is iterated to
// completion and compared as the set of entries seen, never page by page.

const { RESP_TYPES } = require('redis');
const { group, raw } = require('../scenario.js');
const { canon, sortReply } = require('../harness.js');

const g = group('hashes: HSET HGET HMGET HGETALL HDEL HINCRBY HRANDFIELD HSCAN ...');
const { scenario } = g;

const byCanon = (a, b) => {
  const ca = canon(a).text;
  const cb = canon(b).text;
  return ca < cb ? -1 : ca > cb ? 1 : 0;
};

/* The [field, value] pairs of a map reply (object, Map or flat array), sorted. */
function sortedPairs(reply) {
  let pairs;
  if (reply instanceof Map) pairs = [...reply];
  else if (Array.isArray(reply)) {
    pairs = [];
    for (let i = 0; i < reply.length; i += 2) pairs.push([reply[i], reply[i + 1]]);
  } else if (reply && typeof reply === 'object') pairs = Object.entries(reply);
  else return reply;
  return { kind: reply instanceof Map ? 'Map' : Array.isArray(reply) ? 'Array' : 'Object', pairs: pairs.sort(byCanon) };
}

/* Sorted [{field, value}] entries (HRANDFIELD WITHVALUES of a whole hash, HSCAN pages). */
const sortedEntries = (entries) => (Array.isArray(entries) ? entries.slice().sort(byCanon) : entries);

/* HSCAN reply with its entries sorted (a listpack page is one page, but compare as a set anyway
 * where the encoding may be a hashtable). */
const sortedScanPage = (r) => (r && Array.isArray(r.entries) ? { cursor: r.cursor, entries: sortedEntries(r.entries) } : r);

/* What Redis guarantees for HRANDFIELD key count: the length, that every field is a member,
 * and (count > 0) that no field repeats. 'members' is the hash's field list. */
function randShape(members, count) {
  const text = (x) => (Buffer.isBuffer(x) ? `Buffer:${x.toString('hex')}` : x);
  const set = new Set(members.map(text));
  return (r) => {
    if (!Array.isArray(r)) return r;
    const fields = r.map((x) => text(x && typeof x === 'object' && 'field' in x ? x.field : x));
    const out = { length: r.length, allMembers: fields.every((f) => set.has(f)) };
    if (count > 0) out.unique = new Set(fields).size === fields.length;
    return out;
  };
}

/* For HRANDFIELD ... WITHVALUES: every {field, value} is one of 'hash''s entries. */
function randWithValuesShape(hash, count) {
  const base = randShape(Object.keys(hash), count);
  return (r) => {
    const out = base(r);
    if (!Array.isArray(r)) return out;
    out.valuesMatch = r.every((e) => e && typeof e === 'object' && Object.keys(e).join() === 'field,value' &&
      hash[e.field] === e.value);
    return out;
  };
}

/* Runs HSCAN from cursor '0' until '0' again (through the client, or raw) and resolves
 * {entries: sorted unique [field, value] pairs, everyPageOk}. */
async function hScanAll(c, key, opts = {}) {
  const { raw: useRaw, ...scanOpts } = opts;
  const seen = new Map();
  let cursor = '0';
  let rounds = 0;
  let pagesOk = true;
  do {
    let page;
    if (useRaw) {
      const args = ['HSCAN', key, cursor];
      if (scanOpts.MATCH !== undefined) args.push('MATCH', scanOpts.MATCH);
      if (scanOpts.COUNT !== undefined) args.push('COUNT', String(scanOpts.COUNT));
      const r = await c.sendCommand(args);
      const flat = r[1];
      page = { cursor: r[0], entries: [] };
      for (let i = 0; i < flat.length; i += 2) page.entries.push({ field: flat[i], value: flat[i + 1] });
    } else {
      page = await c.hScan(key, cursor, scanOpts);
    }
    if ((typeof page.cursor !== 'string' && !Buffer.isBuffer(page.cursor)) || !Array.isArray(page.entries)) pagesOk = false;
    for (const { field, value } of page.entries) {
      const k = Buffer.isBuffer(field) ? `Buffer:${field.toString('hex')}` : field;
      if (seen.has(k) && seen.get(k) !== value) pagesOk = false;
      seen.set(k, value);
    }
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('HSCAN never returned cursor 0');
  } while (cursor.toString() !== '0'); // a Buffer under the BLOB_STRING -> Buffer mapping
  return { entries: [...seen].sort(byCanon), pagesOk };
}

/* Drains an async iterator: {pages (count > 0?), items: sorted unique canon texts, allArrays}. */
async function drain(iter, itemText = (x) => canon(x).text) {
  const items = new Set();
  let pages = 0;
  let allArrays = true;
  for await (const page of iter) {
    pages++;
    if (!Array.isArray(page)) allArrays = false;
    else for (const x of page) items.add(itemText(x));
  }
  return { somePages: pages > 0, allArrays, items: [...items].sort() };
}

function bigHash(n, prefix = 'f', valueOf = (i) => `v${i}`) {
  const obj = {};
  for (let i = 0; i < n; i++) obj[`${prefix}${i}`] = valueOf(i);
  return obj;
}

// ---- call shapes ----------------------------------------------------------------------------

scenario('HSET call shapes and replies', async (c, ctx) => {
  await ctx.call('hSet new field', () => c.hSet('h', 'f1', 'v1'));
  await ctx.call('hSet existing field', () => c.hSet('h', 'f1', 'v1b'));
  await ctx.call('hSet object', () => c.hSet('h', { f2: 'v2', f3: 3 }));
  await ctx.call('hSet Map', () => c.hSet('h', new Map([['f4', 'v4'], [5, 6]])));
  await ctx.call('hSet tuples', () => c.hSet('h', [['f6', 'v6'], ['f7', 'v7']]));
  await ctx.call('hSet flat array', () => c.hSet('h', ['f8', 'v8', 'f9', 'v9']));
  await ctx.call('hSet numbers', () => c.hSet('h', 10, 11));
  await ctx.call('hSet float and negative', () => c.hSet('h', 1.5, -2));
  await ctx.call('hSet Buffer value', () => c.hSet('h', 'fb', Buffer.from('buf')));
  await ctx.call('hSet Buffer field', () => c.hSet('h', Buffer.from('bf'), 'x'));
  await ctx.call('hSet repeated field in one call', () => c.hSet('h', ['r', '1', 'r', '2', 'f1', 'v1']));
  await ctx.call('hSet nested tuples are flattened', () => c.hSet('h', [[['n1', 'a']], ['n2', ['b']]]));
  await ctx.call('hSet empty field and value', () => c.hSet('h', '', ''));
  await ctx.call('hSet extra positional ignored', () => c.hSet('h', 'x1', 'y1', 'x2', 'y2'));
  await ctx.call('hGetAll after the shapes', () => c.hGetAll('h'));
  await ctx.call('hLen', () => c.hLen('h'));
  await ctx.call('hGet r', () => c.hGet('h', 'r'));
  await ctx.call('hGet 1.5', () => c.hGet('h', '1.5'));
  await ctx.call('hSet empty object', () => c.hSet('h', {}));
  await ctx.call('hSet empty Map', () => c.hSet('h', new Map()));
  await ctx.call('hSet empty array', () => c.hSet('h', []));
  await ctx.call('hSet odd flat array', () => c.hSet('h', ['a', 'b', 'c']));
  await ctx.call('hSet one-element tuple', () => c.hSet('h', [['only']]));
  await ctx.call('hSet true value', () => c.hSet('h', 'f', true));
  await ctx.call('hSet null in object', () => c.hSet('h', { f: null }));
  await ctx.call('hSet nested object', () => c.hSet('h', { f: { x: 1 } }));
  await ctx.call('hSet undefined in Map', () => c.hSet('h', new Map([['f', undefined]])));
  await ctx.call('hSet field without value', () => c.hSet('h', 'f'));
  await ctx.call('hSet key only', () => c.hSet('h'));
  await ctx.call('hSet null pairs', () => c.hSet('h', null));
  await ctx.call('hSet boolean pairs', () => c.hSet('h', true));
  await ctx.call('hSet number key', () => c.hSet(1, 'f', 'v'));
  await ctx.call('hSet nothing', () => c.hSet());
  await ctx.call('nothing changed', () => c.hLen('h'));
  await ctx.call('HSET uppercase', () => c.HSET('h2', 'a', 'b'));
  await ctx.call('raw HSET', () => raw(c, 'HSET', 'h2', 'c', 'd', 'e', 'f'));
  await ctx.call('raw HMSET', () => raw(c, 'HMSET', 'h2', 'c', 'D', 'g', 'h'));
  await ctx.call('raw hset lower-case', () => raw(c, 'hset', 'h2', 'i', 'j'));
  await ctx.call('hGetAll h2', () => c.hGetAll('h2'));
  await ctx.call('hmSet does not exist', () => c.hmSet('h2', { a: '1' }));
  await ctx.call('hMGet does not exist', () => c.hMGet('h2', ['a']));
});

scenario('HSETNX, HGET, HMGET, HEXISTS, HLEN, HKEYS, HVALS', async (c, ctx) => {
  await ctx.call('hSetNX new', () => c.hSetNX('h', 'f1', 'v1'));
  await ctx.call('hSetNX existing', () => c.hSetNX('h', 'f1', 'x'));
  await ctx.call('hSetNX on missing key creates it', () => c.hSetNX('new', 'a', 'b'));
  await ctx.call('hSetNX number value', () => c.hSetNX('h', 'n', 5));
  await ctx.call('hSetNX Buffers', () => c.hSetNX('h', Buffer.from('bf'), Buffer.from('bv')));
  await ctx.call('hSetNX missing value', () => c.hSetNX('h', 'f9'));
  await ctx.call('hSetNX number field', () => c.hSetNX('h', 7, 'v'));
  await ctx.call('HSETNX', () => c.HSETNX('h', 'f2', 'v2'));
  await ctx.call('hGet', () => c.hGet('h', 'f1'));
  await ctx.call('hGet missing field', () => c.hGet('h', 'nofield'));
  await ctx.call('hGet missing key', () => c.hGet('nokey', 'f1'));
  await ctx.call('hGet Buffer field', () => c.hGet('h', Buffer.from('bf')));
  await ctx.call('hGet number field', () => c.hGet('h', 1));
  await ctx.call('hGet no field', () => c.hGet('h'));
  await ctx.call('HGET', () => c.HGET('h', 'f2'));
  await ctx.call('hmGet array', () => c.hmGet('h', ['f1', 'nofield', 'f2']));
  await ctx.call('hmGet string', () => c.hmGet('h', 'f1'));
  await ctx.call('hmGet duplicates', () => c.hmGet('h', ['f1', 'f1']));
  await ctx.call('hmGet missing key', () => c.hmGet('nokey', ['a', 'b']));
  await ctx.call('hmGet empty array', () => c.hmGet('h', []));
  await ctx.call('hmGet number inside', () => c.hmGet('h', ['f1', 2]));
  await ctx.call('hmGet extra positional ignored', () => c.hmGet('h', 'f1', 'f2'));
  await ctx.call('HMGET', () => c.HMGET('h', [Buffer.from('bf'), 'n']));
  await ctx.call('hExists', () => c.hExists('h', 'f1'));
  await ctx.call('hExists missing field', () => c.hExists('h', 'nofield'));
  await ctx.call('hExists missing key', () => c.hExists('nokey', 'f1'));
  await ctx.call('HEXISTS', () => c.HEXISTS('h', 'n'));
  await ctx.call('hLen', () => c.hLen('h'));
  await ctx.call('hLen missing key', () => c.hLen('nokey'));
  await ctx.call('HLEN', () => c.HLEN('new'));
  await ctx.call('hKeys', () => c.hKeys('h'));
  await ctx.call('hKeys missing key', () => c.hKeys('nokey'));
  await ctx.call('HKEYS', () => c.HKEYS('new'));
  await ctx.call('hVals', () => c.hVals('h'));
  await ctx.call('hVals missing key', () => c.hVals('nokey'));
  await ctx.call('HVALS', () => c.HVALS('new'));
  await ctx.call('hGetAll', () => c.hGetAll('h'));
  await ctx.call('hGetAll missing key', () => c.hGetAll('nokey'));
  await ctx.call('hGetAll prototype', () => c.hGetAll('h'), { norm: (o) => Object.getPrototypeOf(o) === Object.prototype });
  await ctx.call('HGETALL', () => c.HGETALL('new'));
  await ctx.call('missing keys were not created', () => c.exists('nokey'));
});

scenario('HDEL call shapes; deleting the last field deletes the key', async (c, ctx) => {
  await ctx.call('hSet', () => c.hSet('h', { a: '1', b: '2', c: '3', d: '4', e: '5' }));
  await ctx.call('expire h', () => c.expire('h', 100));
  await ctx.call('hDel one', () => c.hDel('h', 'a'));
  await ctx.call('hDel missing field', () => c.hDel('h', 'a'));
  await ctx.call('hDel array with a missing field', () => c.hDel('h', ['b', 'nofield']));
  await ctx.call('hDel duplicates', () => c.hDel('h', ['c', 'c']));
  await ctx.call('hDel extra positional ignored', () => c.hDel('h', 'd', 'e'));
  await ctx.call('hDel missing key', () => c.hDel('nokey', 'a'));
  await ctx.call('hDel empty array', () => c.hDel('h', []));
  await ctx.call('hDel number field', () => c.hDel('h', 1));
  await ctx.call('hDel no field', () => c.hDel('h'));
  await ctx.call('hGetAll before the last delete', () => c.hGetAll('h'));
  await ctx.ttl('ttl survives hDel', () => c.ttl('h'));
  await ctx.call('HDEL the last field', () => c.HDEL('h', ['e', 'zz']));
  await ctx.call('exists after the last field', () => c.exists('h'));
  await ctx.call('type after the last field', () => c.type('h'));
  await ctx.call('ttl after the last field', () => c.ttl('h'));
  await ctx.call('hLen after the last field', () => c.hLen('h'));
  await ctx.call('hGetAll after the last field', () => c.hGetAll('h'));
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('recreate', () => c.hSet('h', 'x', 'y'));
  await ctx.call('recreated has no TTL', () => c.ttl('h'));
  await ctx.call('raw HDEL all fields at once', () => raw(c, 'HDEL', 'h', 'x', 'x', 'q'));
  await ctx.call('gone again', () => c.exists('h'));
  await ctx.call('big hash: fill', () => c.hSet('big', bigHash(600)));
  await ctx.call('big hash: delete all but one', () => c.hDel('big', Object.keys(bigHash(600)).slice(1)));
  await ctx.call('big hash: one left', () => c.hGetAll('big'));
  await ctx.call('big hash: delete the last', () => c.hDel('big', 'f0'));
  await ctx.call('big hash: gone', () => c.type('big'));
});

// ---- numbers --------------------------------------------------------------------------------

scenario('HINCRBY: creation, parsing and overflow', async (c, ctx) => {
  await ctx.call('hIncrBy missing key', () => c.hIncrBy('h', 'cnt', 5));
  await ctx.call('hIncrBy -2', () => c.hIncrBy('h', 'cnt', -2));
  await ctx.call('hIncrBy string increment', () => c.hIncrBy('h', 'cnt', '10'));
  await ctx.call('hIncrBy 0', () => c.hIncrBy('h', 'zero', 0));
  await ctx.call('HINCRBY', () => c.HINCRBY('h', 'cnt', 1));
  await ctx.call('hGet cnt', () => c.hGet('h', 'cnt'));
  await ctx.call('hIncrBy float increment', () => c.hIncrBy('h', 'cnt', 1.5));
  await ctx.call('hIncrBy NaN', () => c.hIncrBy('h', 'cnt', NaN));
  await ctx.call('hIncrBy missing increment', () => c.hIncrBy('h', 'cnt'));
  await ctx.call('raw HINCRBY abc', () => raw(c, 'HINCRBY', 'h', 'cnt', 'abc'));
  await ctx.call('raw HINCRBY empty', () => raw(c, 'HINCRBY', 'h', 'cnt', ''));
  await ctx.call('raw HINCRBY above int64', () => raw(c, 'HINCRBY', 'h', 'cnt', '9223372036854775808'));
  const values = ['v', ' 1', '1 ', '01', '+1', '1.0', '1e3', '', '-0', '0x10', '9223372036854775808',
    '-9223372036854775809', '1\u0000'];
  for (const v of values) {
    await ctx.call(`hSet ${JSON.stringify(v)}`, () => c.hSet('h', 'x', v));
    await ctx.call(`hIncrBy on ${JSON.stringify(v)}`, () => c.hIncrBy('h', 'x', 1));
    await ctx.call(`value after hIncrBy of ${JSON.stringify(v)}`, () => c.hGet('h', 'x'));
  }
  await ctx.call('hSet int64 max', () => c.hSet('h', 'max', '9223372036854775807'));
  await ctx.call('hIncrBy max 1', () => c.hIncrBy('h', 'max', 1));
  await ctx.call('hIncrBy max 0', () => c.hIncrBy('h', 'max', 0));
  await ctx.call('hIncrBy max -1', () => c.hIncrBy('h', 'max', -1));
  await ctx.call('hSet int64 min', () => c.hSet('h', 'min', '-9223372036854775808'));
  await ctx.call('hIncrBy min -1', () => c.hIncrBy('h', 'min', -1));
  await ctx.call('raw HINCRBY min by int64 min', () => raw(c, 'HINCRBY', 'h', 'min', '-9223372036854775808'));
  await ctx.call('raw HINCRBY new field int64 max', () => raw(c, 'HINCRBY', 'h', 'new', '9223372036854775807'));
  await ctx.call('raw HINCRBY new field again', () => raw(c, 'HINCRBY', 'h', 'new', '1'));
  await ctx.call('max, min and new unchanged', () => c.hmGet('h', ['max', 'min', 'new']));
  await ctx.call('above 2^53 as a number', () => c.hIncrBy('h', 'big', 9007199254740993));
  await ctx.call('hGet big', () => c.hGet('h', 'big'));
  // node-redis builds a number reply digit by digit in doubles (n * 10 + d), which rounds
  // differently from an exact int64 -> double conversion above 2^53.
  await ctx.call('hSet near int64 min', () => c.hSet('h', 'nearmin', '-9223372019854775999'));
  await ctx.call('hIncrBy reply near int64 min as a JS number', () => c.hIncrBy('h', 'nearmin', 0));
  await ctx.call('hIncrBy reply 123456789012345678 as a JS number', () => c.hSet('h', 'n18', '123456789012345677')
    .then(() => c.hIncrBy('h', 'n18', 1)));
  await ctx.call('hIncrBy keeps the TTL', () => c.expire('h', 100));
  await ctx.call('hIncrBy after expire', () => c.hIncrBy('h', 'cnt', 1));
  await ctx.ttl('ttl h', () => c.ttl('h'));
  await ctx.call('failed hIncrBy on a missing key creates nothing', () => raw(c, 'HINCRBY', 'h2', 'f', 'x'));
  await ctx.call('h2 not created', () => c.exists('h2'));
});

scenario('HINCRBYFLOAT: formatting, inf, NaN and bad values', async (c, ctx) => {
  await ctx.call('hIncrByFloat missing 1.25', () => c.hIncrByFloat('h', 'fl', 1.25));
  await ctx.call('hIncrByFloat 1.75', () => c.hIncrByFloat('h', 'fl', 1.75));
  await ctx.call('HINCRBYFLOAT 0.1', () => c.HINCRBYFLOAT('h', 'fl', 0.1));
  await ctx.call('hGet fl', () => c.hGet('h', 'fl'));
  await ctx.call('0.1 + 0.2', () => c.hIncrByFloat('h', 'a', 0.1).then(() => c.hIncrByFloat('h', 'a', 0.2)));
  await ctx.call('1e20', () => c.hIncrByFloat('h', 'b', 1e20));
  await ctx.call('string 5.0e3', () => c.hIncrByFloat('h', 'c', '5.0e3'));
  await ctx.call('on an integer value', () => c.hSet('h', 'i', '10'));
  await ctx.call('hIncrByFloat i 0.5', () => c.hIncrByFloat('h', 'i', 0.5));
  await ctx.call('hIncrByFloat i -0.5', () => c.hIncrByFloat('h', 'i', -0.5));
  await ctx.call('hIncrByFloat on 10.50', () => c.hSet('h', 'd', '10.50').then(() => c.hIncrByFloat('h', 'd', 0)));
  await ctx.call('very small', () => c.hIncrByFloat('h', 's', '0.0000000000000001'));
  await ctx.call('very small plus one', () => c.hIncrByFloat('h', 's', 1));
  await ctx.call('negative zero', () => c.hIncrByFloat('h', 'nz', '-0'));
  await ctx.call('stored 1e5', () => c.hSet('h', 'x', '1e5').then(() => c.hIncrByFloat('h', 'x', 1)));
  await ctx.call('hex increment', () => c.hIncrByFloat('h', 'hx', '0x10'));
  await ctx.call('17 significant digits', () => c.hIncrByFloat('h', 'sig', '1.2345678901234567'));
  await ctx.call('1e300', () => c.hIncrByFloat('h', 'e300', '1e300'));
  await ctx.call('hStrLen of 1e300', () => c.hStrLen('h', 'e300'));
  await ctx.call('1e308 + 1e308 fits a long double', () => c.hSet('h', 'big', '1e308').then(() => c.hIncrByFloat('h', 'big', '1e308')));
  await ctx.call('increment beyond the long double range', () => c.hIncrByFloat('h', 'huge', '1e4933'));
  await ctx.call('1e4932 is a valid increment', () => c.hIncrByFloat('h', 'huge', '1e4932'));
  await ctx.call('1e4932 * 2 overflows', () => c.hIncrByFloat('h', 'huge', '1e4932'));
  await ctx.call('huge unchanged', () => c.hStrLen('h', 'huge'));
  await ctx.call('hIncrByFloat Infinity', () => c.hIncrByFloat('h', 'f', Infinity));
  await ctx.call('hIncrByFloat -Infinity', () => c.hIncrByFloat('h', 'f', -Infinity));
  await ctx.call('raw inf', () => raw(c, 'HINCRBYFLOAT', 'h', 'f', 'inf'));
  await ctx.call('raw +inf', () => raw(c, 'HINCRBYFLOAT', 'h', 'f', '+inf'));
  await ctx.call('NaN', () => c.hIncrByFloat('h', 'f', NaN));
  await ctx.call('raw nan', () => raw(c, 'HINCRBYFLOAT', 'h', 'f', 'nan'));
  await ctx.call('f never created', () => c.hExists('h', 'f'));
  await ctx.call('stored inf', () => c.hSet('h', 'si', 'inf'));
  await ctx.call('increment a stored inf', () => c.hIncrByFloat('h', 'si', 1));
  await ctx.call('stored -inf plus inf', () => c.hSet('h', 'ni', '-inf').then(() => raw(c, 'HINCRBYFLOAT', 'h', 'ni', 'inf')));
  await ctx.call('stored nan', () => c.hSet('h', 'sn', 'nan').then(() => c.hIncrByFloat('h', 'sn', 1)));
  await ctx.call('non-float value', () => c.hSet('h', 'v', 'abc').then(() => c.hIncrByFloat('h', 'v', 1)));
  await ctx.call('value with a space', () => c.hSet('h', 'sp', ' 1').then(() => c.hIncrByFloat('h', 'sp', 1)));
  await ctx.call('empty value', () => c.hSet('h', 'em', '').then(() => c.hIncrByFloat('h', 'em', 1)));
  await ctx.call('bad increment abc', () => raw(c, 'HINCRBYFLOAT', 'h', 'g', 'abc'));
  await ctx.call('bad increment empty', () => raw(c, 'HINCRBYFLOAT', 'h', 'g', ''));
  await ctx.call('bad increment 1e', () => raw(c, 'HINCRBYFLOAT', 'h', 'g', '1e'));
  await ctx.call('g never created', () => c.hExists('h', 'g'));
  await ctx.call('hIncrBy on a float value', () => c.hIncrBy('h', 'fl', 1));
  await ctx.call('hIncrByFloat missing increment', () => c.hIncrByFloat('h', 'fl'));
  await ctx.call('whole hash (sorted)', () => c.hGetAll('h'), { norm: sortedPairs });
  await ctx.call('encoding after long float values', () => c.objectEncoding('h'));
});

scenario('HSTRLEN of integer-looking and other values', async (c, ctx) => {
  const values = ['123', '-0', '007', '0', '-1', '9223372036854775807', '-9223372036854775808',
    '9223372036854775808', '18446744073709551615', '1.5', '1e3', ' 1', '+1', '', 'x', 'héllo',
    'z'.repeat(64), 'z'.repeat(65)];
  for (let i = 0; i < values.length; i++) {
    await ctx.call(`hSet ${JSON.stringify(values[i]).slice(0, 30)}`, () => c.hSet('h', `f${i}`, values[i]));
  }
  for (let i = 0; i < values.length; i++) {
    await ctx.call(`hStrLen ${JSON.stringify(values[i]).slice(0, 30)}`, () => c.hStrLen('h', `f${i}`));
    await ctx.call(`hGet ${JSON.stringify(values[i]).slice(0, 30)}`, () => c.hGet('h', `f${i}`));
  }
  await ctx.call('hSet numbers', () => c.hSet('n', { a: 42, b: -7, c: 1.5, d: 1e21 }));
  await ctx.call('hStrLen of number values', () => Promise.all(['a', 'b', 'c', 'd'].map((f) => c.hStrLen('n', f))));
  await ctx.call('hGetAll of number values', () => c.hGetAll('n'));
  await ctx.call('hStrLen after hIncrBy', () => c.hIncrBy('n', 'a', 1000).then(() => c.hStrLen('n', 'a')));
  await ctx.call('hStrLen missing field', () => c.hStrLen('h', 'nofield'));
  await ctx.call('hStrLen missing key', () => c.hStrLen('nokey', 'f'));
  await ctx.call('HSTRLEN', () => c.HSTRLEN('h', 'f0'));
  await ctx.call('hStrLen no field', () => c.hStrLen('h'));
});

// ---- binary and odd fields ------------------------------------------------------------------

scenario('Binary fields and values through the Buffer type mapping', async (c, ctx) => {
  const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const f1 = Buffer.from([0x66, 0x00, 0xff]);
  const v1 = Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]);
  const f2 = Buffer.from([0x00]);
  const v2 = Buffer.from([0xff, 0xfe]);
  await ctx.call('hSet binary', () => c.hSet(Buffer.from([0x68, 0x00]), f1, v1));
  await ctx.call('hSet binary Map', () => c.hSet(Buffer.from([0x68, 0x00]), new Map([[f2, v2], ['plain', 'text']])));
  const key = Buffer.from([0x68, 0x00]);
  await ctx.call('hGet as Buffer', () => b.hGet(key, f1));
  await ctx.call('hGet as string', () => c.hGet(key, f1));
  await ctx.call('hGet NUL field', () => b.hGet(key, f2));
  await ctx.call('hGet prefix of the field is another field', () => b.hGet(key, Buffer.from([0x66])));
  await ctx.call('hmGet as Buffers', () => b.hmGet(key, [f1, f2, 'plain', 'missing']));
  await ctx.call('hStrLen binary', () => c.hStrLen(key, f1));
  await ctx.call('hExists binary', () => c.hExists(key, f2));
  await ctx.call('hKeys as Buffers', () => b.hKeys(key));
  await ctx.call('hVals as Buffers', () => b.hVals(key));
  await ctx.call('hGetAll as Buffers', () => b.hGetAll(key));
  await ctx.call('hGetAll as strings', () => c.hGetAll(key));
  await ctx.call('hScan as Buffers', () => b.hScan(key, '0'));
  await ctx.call('hRandFieldCount as Buffers (whole hash)', () => b.hRandFieldCount(key, 10), { norm: sortReply });
  await ctx.call('hRandFieldCountWithValues as Buffers (whole hash)', () => b.hRandFieldCountWithValues(key, 10),
    { norm: sortedEntries });
  await ctx.call('hRandField as Buffer', () => b.hRandField(key), { norm: (r) => Buffer.isBuffer(r) });
  await ctx.call('hIncrByFloat as Buffer', () => b.hIncrByFloat(key, 'fl', 1.5));
  await ctx.call('hIncrBy stays a number', () => b.hIncrBy(key, 'n', 2));
  await ctx.call('hLen with the number mapping', () => c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).hLen(key));
  await ctx.call('hDel binary', () => c.hDel(key, [f1, f2]));
  await ctx.call('raw HGETALL with a Buffer mapping', () => c.sendCommand(['HGETALL', key],
    { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } }));
  await ctx.call('non-UTF-8 value as string', () => c.hSet('nu', 'f', Buffer.from([0xde, 0xad, 0xbe, 0xef])));
  await ctx.call('hGet non-UTF-8 as string', () => c.hGet('nu', 'f'));
  await ctx.call('non-UTF-8 field as string', () => c.hSet('nu', Buffer.from([0xff, 0x61]), 'v'));
  await ctx.call('hKeys non-UTF-8 as strings', () => c.hKeys('nu'));
  await ctx.call('hGetAll non-UTF-8 field as string key', () => c.hGetAll('nu'));
  await ctx.call('hGetAll non-UTF-8 field with Buffer mapping', () => b.hGetAll('nu'));
});

scenario('Fields named __proto__, constructor and toString', async (c, ctx) => {
  const trap = 'REFERENCE §19: hGetAll loses a __proto__ field';
  await ctx.call('hSet odd names', () => c.hSet('h', [['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'],
    ['hasOwnProperty', 'o'], ['__proto__x', 'px'], ['valueOf', 'v']]));
  await ctx.call('hLen', () => c.hLen('h'));
  await ctx.call('hGet __proto__', () => c.hGet('h', '__proto__'));
  await ctx.call('hKeys', () => c.hKeys('h'));
  await ctx.call('hGetAll', () => c.hGetAll('h'), { quirk: trap });
  await ctx.call('hGetAll keys', () => c.hGetAll('h').then((o) => Object.keys(o)), { quirk: trap });
  await ctx.call('hGetAll prototype not polluted', () => c.hGetAll('h').then((o) => [
    Object.getPrototypeOf(o) === Object.prototype, typeof o.hasOwnProperty, ({}).polluted === undefined]));
  await ctx.call('hGetAll with Map mapping keeps __proto__', () =>
    c.withTypeMapping({ [RESP_TYPES.MAP]: Map }).hGetAll('h'));
  await ctx.call('hGetAll with Array mapping keeps __proto__', () =>
    c.withTypeMapping({ [RESP_TYPES.MAP]: Array }).hGetAll('h'));
  await ctx.call('hSet from JSON with an own __proto__', () => c.hSet('j', JSON.parse('{"__proto__":"p","a":"1"}')));
  await ctx.call('hKeys j', () => c.hKeys('j'));
  await ctx.call('hSet object literal __proto__ is not an own key', () => c.hSet('k', { __proto__: { x: '1' }, y: '2' }));
  await ctx.call('hKeys k', () => c.hKeys('k'));
  await ctx.call('hScan with __proto__', () => c.hScan('h', '0'));
  await ctx.call('hRandFieldCountWithValues with __proto__', () => c.hRandFieldCountWithValues('h', 10),
    { norm: sortedEntries });
});

// ---- type mappings --------------------------------------------------------------------------

scenario('HGETALL with the MAP type mapping (Map and Array)', async (c, ctx) => {
  const asMap = c.withTypeMapping({ [RESP_TYPES.MAP]: Map });
  const asArray = c.withTypeMapping({ [RESP_TYPES.MAP]: Array });
  const both = c.withTypeMapping({ [RESP_TYPES.MAP]: Map, [RESP_TYPES.BLOB_STRING]: Buffer });
  await ctx.call('hSet', () => c.hSet('h', [['b', '2'], ['a', '1'], ['10', 'x'], ['5', 'y']]));
  await ctx.call('hGetAll as Map', () => asMap.hGetAll('h'));
  await ctx.call('hGetAll as Array', () => asArray.hGetAll('h'));
  await ctx.call('hGetAll as Map of Buffers', () => both.hGetAll('h'));
  await ctx.call('hGetAll as object (order of integer-like keys)', () => c.hGetAll('h'));
  await ctx.call('missing key as Map', () => asMap.hGetAll('nokey'));
  await ctx.call('missing key as Array', () => asArray.hGetAll('nokey'));
  await ctx.call('HGETALL uppercase as Map', () => asMap.HGETALL('h'));
  await ctx.call('raw HGETALL with a Map mapping', () => c.sendCommand(['HGETALL', 'h'], { typeMapping: { [RESP_TYPES.MAP]: Map } }));
  await ctx.call('raw HGETALL without a mapping', () => raw(c, 'HGETALL', 'h'));
  await ctx.call('other replies are unaffected', () => asMap.hmGet('h', ['a', 'b']));
  await ctx.call('hScan unaffected by the MAP mapping', () => asMap.hScan('h', '0'));
  await ctx.call('hRandFieldCountWithValues unaffected by the MAP mapping', () => asMap.hRandFieldCountWithValues('h', 10),
    { norm: sortedEntries });
  await ctx.call('big hash', () => c.hSet('big', bigHash(600)));
  await ctx.call('big hash as Map', () => asMap.hGetAll('big'), { norm: sortedPairs });
  await ctx.call('big hash as Array', () => asArray.hGetAll('big'), { norm: sortedPairs });
  await ctx.call('big hash as object', () => c.hGetAll('big'), { norm: sortedPairs });
});

// ---- encodings ------------------------------------------------------------------------------

scenario('OBJECT ENCODING: listpack to hashtable by field count (512 entries)', async (c, ctx) => {
  await ctx.call('one field', () => c.hSet('h', 'f0', 'v'));
  await ctx.call('encoding with one field', () => c.objectEncoding('h'));
  await ctx.call('up to 129 fields', () => c.hSet('h', bigHash(129)));
  await ctx.call('encoding with 129 fields (the zset limit is 128, the hash limit 512)', () => c.objectEncoding('h'));
  await ctx.call('up to 512 fields', () => c.hSet('h', bigHash(512)));
  await ctx.call('hLen 512', () => c.hLen('h'));
  await ctx.call('encoding with 512 fields', () => c.objectEncoding('h'));
  await ctx.call('513th field', () => c.hSet('h', 'f512', 'v'));
  await ctx.call('encoding with 513 fields', () => c.objectEncoding('h'));
  await ctx.call('delete down to 1 field', () => c.hDel('h', Object.keys(bigHash(513)).slice(1)));
  await ctx.call('encoding stays hashtable', () => c.objectEncoding('h'));
  await ctx.call('hGetAll of the shrunk hash', () => c.hGetAll('h'));
  await ctx.call('512 fields by hSetNX one at a time', async () => {
    for (let i = 0; i < 512; i++) await c.hSetNX('nx', `f${i}`, 'v');
    return c.objectEncoding('nx');
  });
  await ctx.call('513th by hSetNX', () => c.hSetNX('nx', 'f512', 'v').then(() => c.objectEncoding('nx')));
  await ctx.call('512 fields by hIncrBy', async () => {
    for (let i = 0; i < 512; i++) await c.hIncrBy('ib', `f${i}`, i);
    return c.objectEncoding('ib');
  });
  await ctx.call('513th by hIncrBy', () => c.hIncrBy('ib', 'f512', 1).then(() => c.objectEncoding('ib')));
  await ctx.call('513th by hIncrByFloat', async () => {
    for (let i = 0; i < 513; i++) await c.hIncrByFloat('ibf', `f${i}`, 0.5);
    return c.objectEncoding('ibf');
  });
  await ctx.call('513 fields in one hSet', () => c.hSet('one', bigHash(513)).then(() => c.objectEncoding('one')));
  await ctx.call('200 fields of 70 bytes in one call', () => c.hSet('big', bigHash(200, 'f', () => 'x'.repeat(70))));
  await ctx.call('encoding of the big hash', () => c.objectEncoding('big'));
  await ctx.call('hLen big', () => c.hLen('big'));
  await ctx.call('hKeys big (sorted)', () => c.hKeys('big'), { norm: sortReply });
  await ctx.call('hVals big (sorted)', () => c.hVals('big'), { norm: sortReply });
  await ctx.call('hGetAll big (sorted)', () => c.hGetAll('big'), { norm: sortedPairs });
  await ctx.call('raw HMSET 513 fields', () => raw(c, 'HMSET', 'hm', ...Object.entries(bigHash(513)).flat()));
  await ctx.call('encoding after HMSET', () => c.objectEncoding('hm'));
});

scenario('OBJECT ENCODING: listpack to hashtable by value and field size', async (c, ctx) => {
  await ctx.call('64-byte value', () => c.hSet('a', 'f', 'x'.repeat(64)));
  await ctx.call('encoding with a 64-byte value', () => c.objectEncoding('a'));
  await ctx.call('65-byte value', () => c.hSet('a', 'g', 'x'.repeat(65)));
  await ctx.call('encoding with a 65-byte value', () => c.objectEncoding('a'));
  await ctx.call('delete the long value', () => c.hDel('a', 'g'));
  await ctx.call('encoding stays hashtable after the delete', () => c.objectEncoding('a'));
  await ctx.call('65-byte field', () => c.hSet('b', 'y'.repeat(65), 'v'));
  await ctx.call('encoding with a 65-byte field', () => c.objectEncoding('b'));
  await ctx.call('64-byte field', () => c.hSet('c', 'y'.repeat(64), 'v'));
  await ctx.call('encoding with a 64-byte field', () => c.objectEncoding('c'));
  await ctx.call('70-byte value by hSetNX', () => c.hSetNX('d', 'f', 'z'.repeat(70)));
  await ctx.call('encoding after hSetNX', () => c.objectEncoding('d'));
  await ctx.call('overwrite a short value with a long one', () => c.hSet('e', 'f', 's').then(() => c.hSet('e', 'f', 'L'.repeat(100))));
  await ctx.call('encoding after the overwrite', () => c.objectEncoding('e'));
  await ctx.call('long value among short ones in one call', () => c.hSet('m', { a: '1', b: 'x'.repeat(65), c: '3' }));
  await ctx.call('encoding m', () => c.objectEncoding('m'));
  await ctx.call('hGetAll m (sorted)', () => c.hGetAll('m'), { norm: sortedPairs });
  await ctx.call('raw HMSET with a long value', () => raw(c, 'HMSET', 'hm', 'f', 'q'.repeat(65)));
  await ctx.call('encoding after HMSET', () => c.objectEncoding('hm'));
  await ctx.call('a long float result by hIncrByFloat', () => c.hIncrByFloat('fl', 'f', '1e300'));
  await ctx.call('encoding after a long hIncrByFloat result', () => c.objectEncoding('fl'));
  await ctx.call('integer values', () => c.hSet('i', { a: '1', b: '-5', c: '9223372036854775807' }));
  await ctx.call('encoding of integer values', () => c.objectEncoding('i'));
  await ctx.call('raw OBJECT ENCODING of a hash', () => raw(c, 'OBJECT', 'ENCODING', 'i'));
});

// ---- HRANDFIELD -----------------------------------------------------------------------------

scenario('HRANDFIELD: no count, count 0, positive, negative, larger than the hash', async (c, ctx) => {
  const small = { a: '1', b: '2', c: '3', d: '4', e: '5' };
  const fields = Object.keys(small);
  await ctx.call('hRandField missing key', () => c.hRandField('nokey'));
  await ctx.call('hRandFieldCount missing key', () => c.hRandFieldCount('nokey', 3));
  await ctx.call('hRandFieldCountWithValues missing key', () => c.hRandFieldCountWithValues('nokey', 3));
  await ctx.call('hRandFieldCount missing key negative', () => c.hRandFieldCount('nokey', -3));
  await ctx.call('hSet', () => c.hSet('h', small));
  await ctx.call('single field hash', () => c.hSet('one', 'only', 'x'));
  await ctx.call('hRandField of a single-field hash', () => c.hRandField('one'));
  await ctx.call('hRandFieldCount -3 of a single-field hash', () => c.hRandFieldCount('one', -3));
  await ctx.call('hRandFieldCountWithValues -2 of a single-field hash', () => c.hRandFieldCountWithValues('one', -2));
  for (let i = 0; i < 5; i++) {
    await ctx.call(`hRandField is a member #${i}`, () => c.hRandField('h'), { norm: (r) => fields.includes(r) });
  }
  await ctx.call('HRANDFIELD', () => c.HRANDFIELD('h'), { norm: (r) => fields.includes(r) });
  await ctx.call('count 0', () => c.hRandFieldCount('h', 0));
  await ctx.call('count 0 WITHVALUES', () => c.hRandFieldCountWithValues('h', 0));
  for (const n of [1, 2, 3, 4, 5]) {
    await ctx.call(`count ${n}`, () => c.hRandFieldCount('h', n), { norm: randShape(fields, n) });
    await ctx.call(`count ${n} WITHVALUES`, () => c.hRandFieldCountWithValues('h', n), { norm: randWithValuesShape(small, n) });
  }
  await ctx.call('count 5 is the whole hash', () => c.hRandFieldCount('h', 5), { norm: sortReply });
  await ctx.call('count larger than the hash', () => c.hRandFieldCount('h', 50), { norm: sortReply });
  await ctx.call('count larger WITHVALUES', () => c.hRandFieldCountWithValues('h', 50), { norm: sortedEntries });
  for (const n of [-1, -3, -5, -20]) {
    await ctx.call(`count ${n}`, () => c.hRandFieldCount('h', n), { norm: randShape(fields, n) });
    await ctx.call(`count ${n} WITHVALUES`, () => c.hRandFieldCountWithValues('h', n), { norm: randWithValuesShape(small, n) });
  }
  await ctx.call('HRANDFIELD_COUNT', () => c.HRANDFIELD_COUNT('h', 2), { norm: randShape(fields, 2) });
  await ctx.call('HRANDFIELD_COUNT_WITHVALUES', () => c.HRANDFIELD_COUNT_WITHVALUES('h', -2), { norm: randWithValuesShape(small, -2) });
  await ctx.call('count as a string', () => c.hRandFieldCount('h', '2'), { norm: randShape(fields, 2) });
  await ctx.call('count 1.5', () => c.hRandFieldCount('h', 1.5));
  await ctx.call('count NaN', () => c.hRandFieldCount('h', NaN));
  await ctx.call('no count', () => c.hRandFieldCount('h'));
  await ctx.call('raw HRANDFIELD count', () => raw(c, 'HRANDFIELD', 'h', '2'), { norm: randShape(fields, 2) });
  await ctx.call('raw HRANDFIELD WITHVALUES is pairs', () => raw(c, 'HRANDFIELD', 'h', '-2', 'WITHVALUES'),
    { norm: (r) => Array.isArray(r) && r.length === 2 && r.every((p) => Array.isArray(p) && p.length === 2 && small[p[0]] === p[1]) });
  await ctx.call('raw HRANDFIELD withvalues lower-case', () => raw(c, 'HRANDFIELD', 'h', '5', 'withvalues'),
    { norm: (r) => (Array.isArray(r) ? r.map((p) => p.join('=')).sort() : r) });
  await ctx.call('raw HRANDFIELD WITHVALUES without a count', () => raw(c, 'HRANDFIELD', 'h', 'WITHVALUES'));
  await ctx.call('raw HRANDFIELD bad count', () => raw(c, 'HRANDFIELD', 'h', 'abc'));
  await ctx.call('raw HRANDFIELD count 1.5', () => raw(c, 'HRANDFIELD', 'h', '1.5'));
  await ctx.call('raw HRANDFIELD bad option', () => raw(c, 'HRANDFIELD', 'h', '2', 'FOO'));
  await ctx.call('raw HRANDFIELD too many arguments', () => raw(c, 'HRANDFIELD', 'h', '2', 'WITHVALUES', 'x'));
  await ctx.call('raw HRANDFIELD int64 min', () => raw(c, 'HRANDFIELD', 'h', '-9223372036854775808'));
  await ctx.call('raw HRANDFIELD int64 min WITHVALUES', () => raw(c, 'HRANDFIELD', 'h', '-9223372036854775808', 'WITHVALUES'));
  await ctx.call('raw HRANDFIELD huge positive', () => raw(c, 'HRANDFIELD', 'h', '9223372036854775807'), { norm: sortReply });
  await ctx.call('raw HRANDFIELD missing key huge negative', () => raw(c, 'HRANDFIELD', 'nokey', '-9223372036854775808'));
  await ctx.call('raw HRANDFIELD no key', () => raw(c, 'HRANDFIELD'));
  await ctx.call('hash unchanged', () => c.hGetAll('h'));
});

scenario('HRANDFIELD on a hashtable-encoded hash', async (c, ctx) => {
  const big = bigHash(600);
  const fields = Object.keys(big);
  await ctx.call('hSet 600 fields', () => c.hSet('big', big));
  await ctx.call('encoding', () => c.objectEncoding('big'));
  await ctx.call('hRandField', () => c.hRandField('big'), { norm: (r) => fields.includes(r) });
  for (const n of [1, 10, 100, 199, 200, 201, 500, 599, 600, 601, 1000, -1, -10, -700]) {
    await ctx.call(`count ${n}`, () => c.hRandFieldCount('big', n), { norm: randShape(fields, n) });
    await ctx.call(`count ${n} WITHVALUES`, () => c.hRandFieldCountWithValues('big', n), { norm: randWithValuesShape(big, n) });
  }
  await ctx.call('count 600 is the whole hash', () => c.hRandFieldCount('big', 600), { norm: sortReply });
  await ctx.call('count 1000 WITHVALUES is the whole hash', () => c.hRandFieldCountWithValues('big', 1000), { norm: sortedEntries });
});

// ---- HSCAN ----------------------------------------------------------------------------------

scenario('HSCAN of a small (listpack) hash: one page, cursor 0', async (c, ctx) => {
  await ctx.call('hSet', () => c.hSet('hs', bigHash(5)));
  await ctx.call('hScan 0', () => c.hScan('hs', '0'));
  await ctx.call('HSCAN 0', () => c.HSCAN('hs', '0'));
  await ctx.call('hScan MATCH f1* COUNT 10', () => c.hScan('hs', '0', { MATCH: 'f1*', COUNT: 10 }));
  await ctx.call('hScan MATCH with no match', () => c.hScan('hs', '0', { MATCH: 'zz*' }));
  await ctx.call('hScan COUNT 1 still returns everything', () => c.hScan('hs', '0', { COUNT: 1 }));
  await ctx.call('hScan MATCH on values does not match', () => c.hScan('hs', '0', { MATCH: 'v*' }));
  await ctx.call('hScan COUNT 0 is dropped by the client', () => c.hScan('hs', '0', { COUNT: 0 }));
  await ctx.call('hScan TYPE option is not sent', () => c.hScan('hs', '0', { TYPE: 'string' }));
  await ctx.call('hScan missing key', () => c.hScan('nokey', '0'));
  await ctx.call('hScan number cursor', () => c.hScan('hs', 0));
  await ctx.call('hScan no cursor', () => c.hScan('hs'));
  await ctx.call('raw HSCAN', () => raw(c, 'HSCAN', 'hs', '0'));
  await ctx.call('raw HSCAN MATCH COUNT lower-case', () => raw(c, 'hscan', 'hs', '0', 'match', 'f?', 'count', '3'));
  await ctx.call('raw HSCAN bad cursor', () => raw(c, 'HSCAN', 'hs', 'abc'));
  await ctx.call('raw HSCAN bad cursor on a missing key', () => raw(c, 'HSCAN', 'nokey', 'abc'));
  await ctx.call('raw HSCAN cursor above uint64', () => raw(c, 'HSCAN', 'hs', '18446744073709551616'));
  await ctx.call('raw HSCAN negative cursor', () => raw(c, 'HSCAN', 'hs', '-1'));
  await ctx.call('raw HSCAN cursor 7 on a listpack', () => raw(c, 'HSCAN', 'hs', '7'));
  await ctx.call('raw HSCAN COUNT 0', () => raw(c, 'HSCAN', 'hs', '0', 'COUNT', '0'));
  await ctx.call('raw HSCAN COUNT -1', () => raw(c, 'HSCAN', 'hs', '0', 'COUNT', '-1'));
  await ctx.call('raw HSCAN COUNT abc', () => raw(c, 'HSCAN', 'hs', '0', 'COUNT', 'abc'));
  await ctx.call('raw HSCAN MATCH without pattern', () => raw(c, 'HSCAN', 'hs', '0', 'MATCH'));
  await ctx.call('raw HSCAN TYPE', () => raw(c, 'HSCAN', 'hs', '0', 'TYPE', 'hash'));
  await ctx.call('raw HSCAN unknown option', () => raw(c, 'HSCAN', 'hs', '0', 'FOO', 'bar'));
  await ctx.call('raw HSCAN NOVALUES', () => raw(c, 'HSCAN', 'hs', '0', 'NOVALUES'));
  await ctx.call('hScanNoValues', () => c.hScanNoValues('hs', '0'));
  await ctx.call('HSCAN_NOVALUES', () => c.HSCAN_NOVALUES('hs', '0', { MATCH: 'f*' }));
  await ctx.call('hScanNoValues missing key', () => c.hScanNoValues('nokey', '0'));
});

scenario('HSCAN of a 600-field hash visits every entry', async (c, ctx) => {
  const big = bigHash(600);
  await ctx.call('hSet 600 fields', () => c.hSet('hbig', big));
  await ctx.call('encoding', () => c.objectEncoding('hbig'));
  await ctx.call('hScan all', () => hScanAll(c, 'hbig'));
  await ctx.call('hScan all COUNT 3', () => hScanAll(c, 'hbig', { COUNT: 3 }));
  await ctx.call('hScan all COUNT 1000', () => hScanAll(c, 'hbig', { COUNT: 1000 }));
  await ctx.call('hScan all MATCH f1*', () => hScanAll(c, 'hbig', { MATCH: 'f1*' }));
  await ctx.call('hScan all MATCH f5?9 COUNT 7', () => hScanAll(c, 'hbig', { MATCH: 'f5?9', COUNT: 7 }));
  await ctx.call('hScan all raw', () => hScanAll(c, 'hbig', { raw: true, COUNT: 50 }));
  await ctx.call('hScan all as Buffers', () => hScanAll(c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }), 'hbig', { MATCH: 'f59*' }));
  await ctx.call('first page shape', () => c.hScan('hbig', '0'),
    { norm: (r) => [typeof r.cursor, r.cursor !== '0', Array.isArray(r.entries), r.entries.every((e) => big[e.field] === e.value)] });
  await ctx.call('everything in one call with a huge COUNT', () => c.hScan('hbig', '0', { COUNT: 100000 }), { norm: sortedScanPage });
  await ctx.call('hScan all after deleting half', async () => {
    await c.hDel('hbig', Object.keys(big).filter((f, i) => i % 2 === 0));
    return hScanAll(c, 'hbig');
  });
});

scenario('hScanIterator, hScanValuesIterator and hScanNoValuesIterator', async (c, ctx) => {
  await ctx.call('hSet small', () => c.hSet('hs', bigHash(5)));
  await ctx.call('hSet big', () => c.hSet('hbig', bigHash(600)));
  await ctx.call('set a string', () => c.set('str', 'v'));
  const collect = async (iter) => {
    const pages = [];
    for await (const page of iter) pages.push(page);
    return pages;
  };
  await ctx.call('hScanIterator small: one page in order', () => collect(c.hScanIterator('hs')));
  await ctx.call('hScanIterator small with MATCH', () => collect(c.hScanIterator('hs', { MATCH: 'f[13]' })));
  await ctx.call('hScanIterator missing key: one empty page', () => collect(c.hScanIterator('nokey')));
  await ctx.call('hScanIterator string key', () => collect(c.hScanIterator('str')));
  await ctx.call('hScanIterator big: every entry', () => drain(c.hScanIterator('hbig')));
  await ctx.call('hScanIterator big with COUNT 50', () => drain(c.hScanIterator('hbig', { COUNT: 50 })));
  await ctx.call('hScanIterator big with MATCH', () => drain(c.hScanIterator('hbig', { MATCH: '*9' })));
  await ctx.call('hScanIterator page items are {field, value}', () => drain(c.hScanIterator('hbig'),
    (e) => Object.keys(e).join()));
  await ctx.call('hScanIterator as Buffers', () => drain(c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
    .hScanIterator('hbig', { MATCH: 'f1?' })));
  await ctx.call('hScanIterator starting at a cursor option', () => collect(c.hScanIterator('hs', { cursor: '0' })));
  await ctx.call('hScanIterator number cursor option', () => collect(c.hScanIterator('hs', { cursor: 0 })));
  await ctx.call('hScanIterator without a key', () => collect(c.hScanIterator()));
  await ctx.call('hScanValuesIterator small', () => collect(c.hScanValuesIterator('hs')));
  await ctx.call('hScanValuesIterator big', () => drain(c.hScanValuesIterator('hbig')));
  await ctx.call('hScanValuesIterator missing key', () => collect(c.hScanValuesIterator('nokey')));
  await ctx.call('hScanNoValuesIterator (NOVALUES needs Redis 7.4)', () => collect(c.hScanNoValuesIterator('hs')));
  await ctx.call('hScanNoValuesIterator missing key', () => collect(c.hScanNoValuesIterator('nokey')));
  await ctx.call('iterators are not on the multi chain', () => [typeof c.multi().hScanIterator,
    typeof c.multi().hScanValuesIterator, typeof c.multi().hScanNoValuesIterator, typeof c.multi().hScan]);
});

// ---- errors ---------------------------------------------------------------------------------

scenario('WRONGTYPE: hash commands on a string key', async (c, ctx) => {
  await ctx.call('set', () => c.set('s', 'v'));
  const calls = [
    ['hSet', () => c.hSet('s', 'f', 'v')],
    ['hSet object', () => c.hSet('s', { f: 'v' })],
    ['hSetNX', () => c.hSetNX('s', 'f', 'v')],
    ['hGet', () => c.hGet('s', 'f')],
    ['hmGet', () => c.hmGet('s', ['f'])],
    ['hGetAll', () => c.hGetAll('s')],
    ['hDel', () => c.hDel('s', 'f')],
    ['hExists', () => c.hExists('s', 'f')],
    ['hLen', () => c.hLen('s')],
    ['hStrLen', () => c.hStrLen('s', 'f')],
    ['hKeys', () => c.hKeys('s')],
    ['hVals', () => c.hVals('s')],
    ['hIncrBy', () => c.hIncrBy('s', 'f', 1)],
    ['hIncrByFloat', () => c.hIncrByFloat('s', 'f', 1)],
    ['hRandField', () => c.hRandField('s')],
    ['hRandFieldCount', () => c.hRandFieldCount('s', 2)],
    ['hRandFieldCountWithValues', () => c.hRandFieldCountWithValues('s', -2)],
    ['hScan', () => c.hScan('s', '0')],
    ['hScan bad cursor', () => c.hScan('s', 'abc')],
    ['raw HMSET', () => raw(c, 'HMSET', 's', 'f', 'v')],
    ['raw HINCRBY with a bad increment', () => raw(c, 'HINCRBY', 's', 'f', 'x')],
    ['raw HINCRBYFLOAT with a bad increment', () => raw(c, 'HINCRBYFLOAT', 's', 'f', 'x')],
    ['raw HRANDFIELD with a bad count', () => raw(c, 'HRANDFIELD', 's', 'x')],
    ['raw HRANDFIELD count 0', () => raw(c, 'HRANDFIELD', 's', '0')],
    ['raw HSCAN NOVALUES', () => raw(c, 'HSCAN', 's', '0', 'NOVALUES')],
  ];
  for (const [label, fn] of calls) await ctx.call(`${label} on a string`, fn);
  await ctx.call('string unchanged', () => c.get('s'));
  await ctx.call('type still string', () => c.type('s'));
  await ctx.call('integer-encoded string', () => c.set('i', '5'));
  await ctx.call('hIncrBy on an int string', () => c.hIncrBy('i', 'f', 1));
  await ctx.call('hLen on an int string', () => c.hLen('i'));
});

scenario('WRONGTYPE: string commands on a hash key', async (c, ctx) => {
  await ctx.call('hSet', () => c.hSet('h', { f: '1', g: '2' }));
  const calls = [
    ['get', () => c.get('h')],
    ['incr', () => c.incr('h')],
    ['incrBy', () => c.incrBy('h', 2)],
    ['decr', () => c.decr('h')],
    ['decrBy', () => c.decrBy('h', 2)],
    ['incrByFloat', () => c.incrByFloat('h', 1.5)],
    ['append', () => c.append('h', 'x')],
    ['strLen', () => c.strLen('h')],
    ['getRange', () => c.getRange('h', 0, -1)],
    ['setRange', () => c.setRange('h', 0, 'x')],
    ['setRange with an empty value', () => c.setRange('h', 0, '')],
    ['getSet', () => c.getSet('h', 'x')],
    ['getDel', () => c.getDel('h')],
    ['getEx', () => c.getEx('h', { type: 'PERSIST' })],
    ['set GET', () => c.set('h', 'x', { GET: true })],
    ['set NX GET', () => c.set('h', 'x', { condition: 'NX', GET: true })],
    ['setNX', () => c.setNX('h', 'x')],
    ['mSetNX', () => c.mSetNX({ h: 'x', other: 'y' })],
    ['mGet returns null for it', () => c.mGet(['h', 'nokey'])],
    ['raw SUBSTR', () => raw(c, 'SUBSTR', 'h', '0', '1')],
    ['raw INCRBY bad increment', () => raw(c, 'INCRBY', 'h', 'x')],
  ];
  for (const [label, fn] of calls) await ctx.call(`${label} on a hash`, fn);
  await ctx.call('hash unchanged', () => c.hGetAll('h'));
  await ctx.call('other not created by mSetNX', () => c.exists('other'));
  await ctx.call('type hash', () => c.type('h'));
  await ctx.call('set overwrites a hash', () => c.set('h', 'now a string'));
  await ctx.call('type after set', () => c.type('h'));
  await ctx.call('get after set', () => c.get('h'));
  await ctx.call('hGet after set', () => c.hGet('h', 'f'));
  await ctx.call('hash again', () => c.hSet('h2', 'f', 'v'));
  await ctx.call('mSet overwrites a hash', () => c.mSet({ h2: 'x' }));
  await ctx.call('type h2', () => c.type('h2'));
  await ctx.call('setEx overwrites a hash', () => c.hSet('h3', 'f', 'v').then(() => c.setEx('h3', 100, 'x')));
  await ctx.call('type h3', () => c.type('h3'));
});

scenario('Wrong arity through sendCommand', async (c, ctx) => {
  await ctx.call('hash for the arity checks', () => c.hSet('h', 'f', 'v'));
  const argvs = [
    ['HSET'], ['HSET', 'h'], ['HSET', 'h', 'f'], ['HSET', 'h', 'f', 'v', 'g'],
    ['HMSET', 'h'], ['HMSET', 'h', 'f'], ['HMSET', 'h', 'f', 'v', 'g'],
    ['HSETNX', 'h', 'f'], ['HSETNX', 'h', 'f', 'v', 'x'],
    ['HGET', 'h'], ['HGET', 'h', 'f', 'x'],
    ['HMGET', 'h'], ['HMGET'],
    ['HGETALL'], ['HGETALL', 'h', 'x'],
    ['HDEL', 'h'], ['HDEL'],
    ['HEXISTS', 'h'], ['HEXISTS', 'h', 'f', 'x'],
    ['HLEN'], ['HLEN', 'h', 'x'],
    ['HSTRLEN', 'h'], ['HSTRLEN', 'h', 'f', 'x'],
    ['HKEYS'], ['HKEYS', 'h', 'x'],
    ['HVALS'], ['HVALS', 'h', 'x'],
    ['HINCRBY', 'h', 'f'], ['HINCRBY', 'h', 'f', '1', 'x'],
    ['HINCRBYFLOAT', 'h', 'f'], ['HINCRBYFLOAT', 'h', 'f', '1', 'x'],
    ['HRANDFIELD'],
    ['HSCAN', 'h'], ['HSCAN'],
    ['hset', 'h'], ['HgEt', 'h'],
  ];
  for (const argv of argvs) await ctx.call(`raw ${argv.join(' ')}`, () => raw(c, ...argv));
  await ctx.call('hash unchanged', () => c.hGetAll('h'));
  await ctx.call('hGet without a field', () => c.hGet('h'));
  await ctx.call('hmGet without fields', () => c.hmGet('h'));
  await ctx.call('hIncrBy without a field', () => c.hIncrBy('h'));
  await ctx.call('hRandFieldCountWithValues without a count', () => c.hRandFieldCountWithValues('h'));
  await ctx.call('hScan without a key', () => c.hScan());
});

// ---- key commands and MULTI -----------------------------------------------------------------

scenario('Key commands on hash keys', async (c, ctx) => {
  await ctx.call('hSet', () => c.hSet('h', { a: '1', b: '2' }));
  await ctx.call('set a string', () => c.set('s', 'v'));
  await ctx.call('type', () => c.type('h'));
  await ctx.call('raw TYPE', () => raw(c, 'TYPE', 'h'));
  await ctx.call('objectEncoding', () => c.objectEncoding('h'));
  await ctx.call('exists', () => c.exists(['h', 's', 'nokey']));
  await ctx.call('expire', () => c.expire('h', 100));
  await ctx.ttl('ttl', () => c.ttl('h'));
  await ctx.pttl('pTTL', () => c.pTTL('h'));
  await ctx.call('hSet keeps the TTL', () => c.hSet('h', 'c', '3'));
  await ctx.ttl('ttl after hSet', () => c.ttl('h'));
  await ctx.call('hDel keeps the TTL', () => c.hDel('h', 'c'));
  await ctx.ttl('ttl after hDel', () => c.ttl('h'));
  await ctx.call('rename', () => c.rename('h', 'h2'));
  await ctx.ttl('rename moves the TTL', () => c.ttl('h2'));
  await ctx.call('hGetAll after rename', () => c.hGetAll('h2'));
  await ctx.call('encoding after rename', () => c.objectEncoding('h2'));
  await ctx.call('old name gone', () => c.exists('h'));
  await ctx.call('copy', () => c.copy('h2', 'h3'));
  await ctx.ttl('copy copies the TTL', () => c.ttl('h3'));
  await ctx.call('copy is independent', () => c.hSet('h3', 'a', 'changed'));
  await ctx.call('original unchanged by the copy', () => c.hGet('h2', 'a'));
  await ctx.call('copy onto an existing key', () => c.copy('h2', 's'));
  await ctx.call('copy REPLACE over a string', () => c.copy('h2', 's', { REPLACE: true }));
  await ctx.call('type of the replaced key', () => c.type('s'));
  await ctx.call('hGetAll of the replaced key', () => c.hGetAll('s'));
  await ctx.call('copy to db 1', () => c.copy('h2', 'h2', { DB: 1 }));
  await ctx.call('copy of a hashtable hash', () => c.hSet('big', bigHash(600)).then(() => c.copy('big', 'big2')));
  await ctx.call('encoding of the copied hashtable', () => c.objectEncoding('big2'));
  await ctx.call('hLen of the copy', () => c.hLen('big2'));
  await ctx.call('persist', () => c.persist('h2'));
  await ctx.call('ttl after persist', () => c.ttl('h2'));
  await ctx.call('renameNX onto a string', () => c.set('str', 'x').then(() => c.renameNX('h2', 'str')));
  await ctx.call('rename a string onto a hash', () => c.rename('str', 'h3'));
  await ctx.call('type after rename over a hash', () => c.type('h3'));
  await ctx.call('touch', () => c.touch(['h2', 'big']));
  await ctx.call('expireAt', () => c.expireAt('big', ctx.unix(1000)));
  await ctx.ttl('expireTime', () => c.expireTime('big'));
  await ctx.call('keys', () => c.keys('*'), { norm: sortReply });
  await ctx.scanAll('scan TYPE hash', c, { TYPE: 'hash' });
  await ctx.scanAll('scan TYPE string', c, { TYPE: 'string' });
  await ctx.scanAll('raw scan TYPE HASH upper-case', c, { raw: true, TYPE: 'HASH' });
  await ctx.call('dbSize', () => c.dbSize());
  await ctx.call('del', () => c.del(['h2', 'big', 'big2']));
  await ctx.call('unlink', () => c.unlink('s'));
  await ctx.call('dbSize after del', () => c.dbSize());
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('copied hash in db 1', () => c.hGetAll('h2'));
  await ctx.call('swapDb', () => c.swapDb(0, 1));
  await ctx.call('hash swapped into db 1 view', () => c.hGetAll('h2'));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('hash in db 0 after swap', () => c.hGetAll('h2'));
  await ctx.call('flushDb', () => c.flushDb());
  await ctx.call('hLen after flushDb', () => c.hLen('h2'));
});

scenario('A hash with a short TTL expires', async (c, ctx) => {
  await ctx.call('hSet', () => c.hSet('h', 'f', 'v'));
  await ctx.call('pExpire 30', () => c.pExpire('h', 30));
  await ctx.sleep(120);
  await ctx.call('hGet after expiry', () => c.hGet('h', 'f'));
  await ctx.call('hLen after expiry', () => c.hLen('h'));
  await ctx.call('exists after expiry', () => c.exists('h'));
  await ctx.call('hSet after expiry creates a fresh hash', () => c.hSet('h', 'g', 'w'));
  await ctx.call('fresh hash has no TTL', () => c.ttl('h'));
  await ctx.call('hGetAll', () => c.hGetAll('h'));
});

scenario('Hashes in MULTI/EXEC and pipelines', async (c, ctx) => {
  await ctx.call('exec', () => c.multi()
    .hSet('h', { a: '1', b: '2' }).hSetNX('h', 'a', 'x').hGet('h', 'a').hmGet('h', ['a', 'zz'])
    .hGetAll('h').hIncrBy('h', 'n', 5).hIncrByFloat('h', 'fl', 1.5).hExists('h', 'n').hLen('h')
    .hStrLen('h', 'fl').hKeys('h').hVals('h').hDel('h', ['n', 'fl']).hScan('h', '0')
    .hRandFieldCountWithValues('h', 10).hRandFieldCount('h', 0).type('h').objectEncoding('h')
    .exec(), { norm: (r) => (Array.isArray(r) ? r.map((x, i) => (i === 14 ? sortedEntries(x) : x)) : r) });
  await ctx.call('state after exec', () => c.hGetAll('h'));
  await ctx.call('exec with WRONGTYPE inside', () => c.multi()
    .set('s', 'v').hSet('h', 'c', '3').hGet('s', 'f').get('h').hIncrBy('h', 'a', 1).hLen('h').exec());
  await ctx.call('the other commands took effect', () => c.hGetAll('h'));
  await ctx.call('exec with a hash error', () => c.multi()
    .hSet('h', 'x', 'abc').hIncrBy('h', 'x', 1).hIncrByFloat('h', 'x', 1).hGet('h', 'x').exec());
  await ctx.call('exec with a queue-time arity error', () => c.multi()
    .hSet('h', 'q', '1').sendCommand(['HSET', 'h', 'f']).exec());
  await ctx.call('q not set', () => c.hExists('h', 'q'));
  await ctx.call('execAsPipeline', () => c.multi()
    .hSet('p', 'f', 'v').hGetAll('p').hRandField('p').hScan('p', '0').execAsPipeline());
  await ctx.call('execAsPipeline with an error', () => c.multi()
    .hSet('p', 'g', 'w').get('p').hLen('p').execAsPipeline());
  await ctx.call('pipeline commands took effect', () => c.hLen('p'));
  await ctx.call('hScanNoValues in multi', () => c.multi().hScanNoValues('p', '0').hLen('p').exec());
  await ctx.call('HMSET in multi', () => c.multi().sendCommand(['HMSET', 'm', 'a', '1']).hGetAll('m').exec());
  await ctx.call('Map type mapping inside multi', () => c.withTypeMapping({ [RESP_TYPES.MAP]: Map }).multi()
    .hGetAll('m').exec(), { quirk: 'REFERENCE §19: withTypeMapping is ignored by multi().exec() [don\'t copy]' });
});

module.exports = g;
