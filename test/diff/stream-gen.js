'use strict';
// Seeded generator of random commands for the differential stream: ~8 keys,
// 3 databases, the string/key/server/hash/set/list/sorted set commands with
// mostly valid and sometimes invalid arguments. Collection commands use the same key names as
// the string commands, so WRONGTYPE happens every way. Generation never depends
// on replies, so both sides receive exactly the same sequence.

const { approxNumber, sortReply, canon } = require('./harness.js');

/* mulberry32: a tiny, well-mixed 32-bit PRNG. */
class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo, hi) { // inclusive
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }

  chance(p) {
    return this.next() < p;
  }

  /* Picks from [[weight, item], ...]. */
  weighted(table) {
    const total = table.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, item] of table) {
      if ((x -= w) < 0) return item;
    }
    return table[table.length - 1][1];
  }
}

const KEYS = ['a', 'b', 'c', 'd', 'n1', 'n2', 's1', 's2'];
const DBS = 3;
const SHORT_PX_MAX = 20; // ms; such keys expire mid-stream
const PATTERNS = ['*', 'a*', 'n?', 's[12]', '*1', '[a-c]', 'x*'];
const FLOATS = ['1.5', '-0.25', '0.1', '3', '1e2', '-7', '2.5e-3', '0', 'abc', 'inf'];

const FIELDS = ['f1', 'f2', 'f3', 'f4'];
const HASH_FLOATS = ['1.5', '-0.25', '2', '1e2', '-3', '0', 'x', 'inf', '1e308'];

// Set members: integers (an intset) and strings (a hashtable).
const MEMBERS = ['1', '2', '3', '-7', '100', 'm1', 'm2', 'x'];

// List elements: integers and strings (Redis stores integers compactly in a listpack node).
const ELEMENTS = ['a', 'b', 'c', '1', '2', '-30', 'hello', '', '007'];
const SIDES = ['LEFT', 'RIGHT'];

// Sorted set scores (the members are MEMBERS): sums reach inf, and inf + -inf is refused.
const SCORES = [0, 1, 2, -1, 0.5, 1.5, 0.1, 1e-5, 100, Infinity, -Infinity];

const TTL = approxNumber(1);
const PTTL = approxNumber(100);
const RANDOMKEY = (r) => (r === null ? null : typeof r);

const byCanon = (a, b) => {
  const ca = canon(a).text;
  const cb = canon(b).text;
  return ca < cb ? -1 : ca > cb ? 1 : 0;
};

/* A hash reply (HGETALL's object, or a raw flat array) as sorted [field, value] pairs: a
 * hash that grew a long value is a hashtable, whose order Redis does not fix. */
function sortedHash(r) {
  if (Array.isArray(r)) {
    const pairs = [];
    for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
    return pairs.sort(byCanon);
  }
  return r && typeof r === 'object' ? Object.entries(r).sort(byCanon) : r;
}

/* HRANDFIELD key count [WITHVALUES]: what Redis guarantees. The length is fixed by the count
 * and the hash size; the fields are hash fields (FIELDS); a positive count never repeats one.
 * Raw WITHVALUES replies are [field, value] pairs, the client's are {field, value}. */
function randFieldNorm(count) {
  return (r) => {
    if (!Array.isArray(r)) return r;
    const fields = r.map((x) => (Array.isArray(x) ? x[0] : x && typeof x === 'object' ? x.field : x));
    const out = { length: r.length, fields: fields.every((f) => FIELDS.includes(f)) };
    if (count > 0) out.unique = new Set(fields).size === fields.length;
    return out;
  };
}

const RANDFIELD = (r) => (r === null ? null : FIELDS.includes(r));

/* A set reply (SMEMBERS, SINTER... : Redis fixes no order) sorted. */
const SORTED_SET = (r) => (Array.isArray(r) ? r.slice().sort() : r);

/* SRANDMEMBER / SPOP key count: the length, membership (MEMBERS) and, for a positive count,
 * uniqueness. */
function randMemberNorm(count) {
  return (r) => {
    if (!Array.isArray(r)) return r;
    const out = { length: r.length, members: r.every((m) => MEMBERS.includes(m)) };
    if (count > 0) out.unique = new Set(r).size === r.length;
    return out;
  };
}

const RANDMEMBER = (r) => (r === null ? null : MEMBERS.includes(r));

/* ZRANDMEMBER key count [WITHSCORES]: length, membership, uniqueness for a positive count. */
function zRandNorm(count) {
  return (r) => {
    if (!Array.isArray(r)) return r;
    const values = r.map((x) => (x && typeof x === 'object' ? x.value : x));
    const out = { length: r.length, members: values.every((m) => MEMBERS.includes(m)) };
    if (count > 0) out.unique = new Set(values).size === values.length;
    return out;
  };
}

function show(v) {
  if (typeof v === 'string') return v.length > 24 ? JSON.stringify(v.slice(0, 20) + '…') : JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.entries(v).map(([k, x]) => `${k}:${show(x)}`).join(',') + '}';
  }
  return String(v);
}

class Generator {
  /* 't0' is one clock reading (ms) for absolute expiry times, which are put
   * far beyond any relative TTL so GT/LT comparisons never race the clock. */
  constructor(rng, t0) {
    this.r = rng;
    this.t0s = Math.floor(t0 / 1000);
    this.t0ms = this.t0s * 1000;
  }

  key() {
    return this.r.pick(KEYS);
  }

  keys(lo, hi) {
    const n = this.r.int(lo, hi);
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.key());
    return out;
  }

  value() {
    const r = this.r;
    return r.weighted([
      [6, () => String(r.int(0, 20))],
      [2, () => String(r.int(-1000, 1000))],
      [1, () => r.pick(['9223372036854775806', '-9223372036854775807', '9223372036854775808'])],
      [2, () => r.pick(['1.5', '-0.25', '1e3', '007', ' 1'])],
      [4, () => r.pick(['abc', 'hello', 'x', 'héllo', 'a b'])],
      [1, () => ''],
      [1, () => 'z'.repeat(r.int(40, 60))],
    ])();
  }

  field() {
    return this.r.pick(FIELDS);
  }

  /* A hash value: mostly integers (so HINCRBY works), some floats and strings, rarely one
   * longer than 64 bytes (the hash becomes a hashtable). */
  hashValue() {
    const r = this.r;
    return r.weighted([
      [6, () => String(r.int(-20, 20))],
      [2, () => r.pick(['1.5', '-0.25', '1e3', '9223372036854775807', '007'])],
      [3, () => r.pick(['abc', 'v', '', 'héllo'])],
      [1, () => 'w'.repeat(r.int(60, 70))],
    ])();
  }

  /* A hash command (valid arguments; the key may hold a string). */
  hashOp(k) {
    const r = this.r;
    const f = this.field();
    return r.weighted([
      [5, () => this.op('hSet', [k, f, this.hashValue()], { keys: [k] })],
      [2, () => {
        const obj = {};
        for (let i = r.int(1, 3); i > 0; i--) obj[this.field()] = this.hashValue();
        return this.op('hSet', [k, r.chance(0.5) ? obj : Object.entries(obj)], { keys: [k] });
      }],
      [1, () => this.op('hSetNX', [k, f, this.hashValue()], { keys: [k] })],
      [4, () => this.op('hGet', [k, f], { keys: [k] })],
      [1, () => this.op('hmGet', [k, [f, this.field()]], { keys: [k] })],
      [2, () => this.op('hGetAll', [k], { keys: [k], norm: sortedHash })],
      [2, () => this.op('hDel', [k, r.chance(0.5) ? f : [f, this.field()]], { keys: [k] })],
      [1, () => this.op('hExists', [k, f], { keys: [k] })],
      [1, () => this.op('hLen', [k], { keys: [k] })],
      [1, () => this.op('hStrLen', [k, f], { keys: [k] })],
      [1, () => this.op(r.pick(['hKeys', 'hVals']), [k], { keys: [k], norm: sortReply })],
      [3, () => this.op('hIncrBy', [k, f, r.int(-10, 10)], { keys: [k] })],
      [2, () => this.op('hIncrByFloat', [k, f, r.pick(HASH_FLOATS)], { keys: [k] })],
      [1, () => {
        const which = r.int(0, 2);
        if (which === 0) return this.op('hRandField', [k], { keys: [k], norm: RANDFIELD });
        const count = r.int(-6, 6);
        return this.op(which === 1 ? 'hRandFieldCount' : 'hRandFieldCountWithValues', [k, count],
          { keys: [k], norm: randFieldNorm(count) });
      }],
      [1, () => {
        const opts = r.chance(0.5) ? { COUNT: r.int(1, 5) } : {};
        return {
          label: `hScanAll(${show(k)}, ${show(opts)})`,
          run: (c) => hScanAll(c, k, opts),
          keys: [k], whole: false, norm: null, short: 0, multi: false,
        };
      }],
    ])();
  }

  member() {
    return this.r.pick(MEMBERS);
  }

  members(lo, hi) {
    const n = this.r.int(lo, hi);
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.member());
    return out;
  }

  /* A set command (valid arguments; the keys may hold other types). */
  setTypeOp(k) {
    const r = this.r;
    const m = this.member();
    const variadic = () => (r.chance(0.5) ? this.member() : this.members(1, 3));
    return r.weighted([
      [6, () => this.op('sAdd', [k, variadic()], { keys: [k] })],
      [3, () => this.op('sRem', [k, variadic()], { keys: [k] })],
      [2, () => this.op('sIsMember', [k, m], { keys: [k] })],
      [1, () => this.op('smIsMember', [k, this.members(1, 3)], { keys: [k] })],
      [2, () => this.op('sMembers', [k], { keys: [k], norm: SORTED_SET })],
      [2, () => this.op('sCard', [k], { keys: [k] })],
      [2, () => {
        // SPOP, then the popped members are added back: what was popped is random, the
        // set afterwards is not (minus its TTL when it was emptied).
        const count = r.int(1, 4);
        return {
          label: `sPopCount+sAdd(${show(k)}, ${count})`,
          run: async (c) => {
            const popped = await c.sPopCount(k, count);
            if (popped.length) await c.sAdd(k, popped);
            return popped;
          },
          keys: [k], whole: false, norm: randMemberNorm(count), short: 0, multi: false,
        };
      }],
      [1, () => this.op('sPop', ['nokey'], { keys: ['nokey'] })],
      [2, () => {
        if (r.chance(0.3)) return this.op('sRandMember', [k], { keys: [k], norm: RANDMEMBER });
        const count = r.int(-5, 5);
        return this.op('sRandMemberCount', [k, count], { keys: [k], norm: randMemberNorm(count) });
      }],
      [3, () => {
        const ks = this.keys(1, 3);
        return this.op(r.pick(['sInter', 'sUnion', 'sDiff']), [ks], { keys: ks, norm: SORTED_SET });
      }],
      [3, () => {
        const ks = this.keys(1, 3);
        return this.op(r.pick(['sInterStore', 'sUnionStore', 'sDiffStore']), [k, ks], { keys: [k, ...ks] });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op('sInterCard', r.chance(0.5) ? [ks] : [ks, { LIMIT: r.int(0, 3) }], { keys: ks });
      }],
      [2, () => {
        const k2 = this.key();
        return this.op('sMove', [k, k2, m], { keys: [k, k2] });
      }],
      [1, () => {
        const opts = r.chance(0.5) ? { COUNT: r.int(1, 5) } : {};
        return {
          label: `sScanAll(${show(k)}, ${show(opts)})`,
          run: (c) => sScanAll(c, k, opts),
          keys: [k], whole: false, norm: null, short: 0, multi: false,
        };
      }],
    ])();
  }

  element() {
    return this.r.pick(ELEMENTS);
  }

  /* A list command (valid arguments; the keys may hold other types). */
  listOp(k) {
    const r = this.r;
    const e = this.element();
    const variadic = () => {
      if (r.chance(0.5)) return this.element();
      const n = r.int(1, 4);
      const out = [];
      for (let i = 0; i < n; i++) out.push(this.element());
      return out;
    };
    const index = () => r.int(-6, 6);
    return r.weighted([
      [6, () => this.op(r.pick(['lPush', 'rPush']), [k, variadic()], { keys: [k] })],
      [1, () => this.op(r.pick(['lPushX', 'rPushX']), [k, variadic()], { keys: [k] })],
      [2, () => this.op(r.pick(['lPop', 'rPop']), [k], { keys: [k] })],
      [1, () => this.op(r.pick(['lPopCount', 'rPopCount']), [k, r.int(0, 3)], { keys: [k] })],
      [3, () => this.op('lRange', [k, index(), index()], { keys: [k] })],
      [1, () => this.op('lLen', [k], { keys: [k] })],
      [1, () => this.op('lIndex', [k, index()], { keys: [k] })],
      [1, () => this.op('lSet', [k, index(), e], { keys: [k] })],
      [1, () => this.op('lTrim', [k, r.int(-4, 2), r.int(-2, 6)], { keys: [k] })],
      [1, () => this.op('lRem', [k, r.int(-2, 2), e], { keys: [k] })],
      [1, () => this.op('lInsert', [k, r.pick(['BEFORE', 'AFTER']), this.element(), e], { keys: [k] })],
      [1, () => {
        const opts = {};
        if (r.chance(0.4)) opts.RANK = r.pick([1, 2, -1, -2]);
        if (r.chance(0.3)) opts.MAXLEN = r.int(0, 4);
        return r.chance(0.5)
          ? this.op('lPos', [k, e, opts], { keys: [k] })
          : this.op('lPosCount', [k, e, r.int(0, 3), opts], { keys: [k] });
      }],
      [2, () => {
        const k2 = this.key();
        return r.chance(0.7)
          ? this.op('lMove', [k, k2, r.pick(SIDES), r.pick(SIDES)], { keys: [k, k2] })
          : this.op('rPopLPush', [k, k2], { keys: [k, k2] });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op('lmPop', r.chance(0.5) ? [ks, r.pick(SIDES)] : [ks, r.pick(SIDES), { COUNT: r.int(1, 3) }], { keys: ks });
      }],
    ])();
  }

  score() {
    return this.r.pick(SCORES);
  }

  /* A score range bound: a number, inclusive or exclusive text, or an infinity. */
  bound() {
    const r = this.r;
    return r.weighted([
      [3, () => this.score()],
      [2, () => `(${r.pick(['0', '1', '2', '0.5', '-1'])}`],
      [1, () => r.pick(['-inf', '+inf'])],
    ])();
  }

  /* A sorted set command (valid arguments; the keys may hold other types). */
  zsetOp(k) {
    const r = this.r;
    const m = this.member();
    const zmembers = () => {
      const n = r.int(1, 3);
      const out = [];
      for (let i = 0; i < n; i++) out.push({ score: this.score(), value: this.member() });
      return n === 1 && r.chance(0.5) ? out[0] : out;
    };
    const zaddOptions = () => {
      const o = {};
      if (r.chance(0.2)) o.condition = r.pick(['NX', 'XX']);
      if (r.chance(0.2) && o.condition !== 'NX') o.comparison = r.pick(['GT', 'LT']);
      if (r.chance(0.2)) o.CH = true;
      return o;
    };
    const rangeOptions = () => {
      const o = {};
      if (r.chance(0.4)) o.REV = true;
      if (r.chance(0.3)) o.LIMIT = { offset: r.int(0, 2), count: r.int(-1, 3) };
      return o;
    };
    const zkeys = () => {
      const ks = this.keys(1, 3);
      return r.chance(0.3) ? ks.map((key) => ({ key, weight: r.pick([1, 2, 0.5, -1, 0]) })) : ks;
    };
    const aggregate = () => (r.chance(0.4) ? { AGGREGATE: r.pick(['SUM', 'MIN', 'MAX']) } : undefined);
    return r.weighted([
      [6, () => this.op('zAdd', [k, zmembers(), zaddOptions()], { keys: [k] })],
      [1, () => this.op('zAddIncr', [k, { score: this.score(), value: m }, zaddOptions()], { keys: [k] })],
      [2, () => this.op('zIncrBy', [k, this.score(), m], { keys: [k] })],
      [2, () => this.op('zScore', [k, m], { keys: [k] })],
      [1, () => this.op('zmScore', [k, this.members(1, 3)], { keys: [k] })],
      [2, () => this.op('zRem', [k, r.chance(0.5) ? m : this.members(1, 3)], { keys: [k] })],
      [1, () => this.op('zCard', [k], { keys: [k] })],
      [1, () => this.op('zCount', [k, this.bound(), this.bound()], { keys: [k] })],
      [2, () => this.op(r.pick(['zRank', 'zRevRank']), [k, m], { keys: [k] })],
      [2, () => this.op('zRange', [k, r.int(-4, 3), r.int(-3, 5), r.chance(0.5) ? { REV: true } : {}], { keys: [k] })],
      [2, () => this.op(r.pick(['zRange', 'zRangeWithScores']), [k, this.bound(), this.bound(), { BY: 'SCORE', ...rangeOptions() }],
        { keys: [k] })],
      [1, () => this.op(r.pick(['zRangeByScore', 'zRangeByScoreWithScores']), [k, this.bound(), this.bound()], { keys: [k] })],
      [1, () => {
        const k2 = this.key();
        return this.op('zRangeStore', [k2, k, r.int(-3, 1), r.int(-1, 4)], { keys: [k, k2] });
      }],
      [1, () => (r.chance(0.5)
        ? this.op('zRemRangeByScore', [k, this.bound(), this.bound()], { keys: [k] })
        : this.op('zRemRangeByRank', [k, r.int(-3, 2), r.int(-2, 3)], { keys: [k] }))],
      [2, () => {
        const which = r.pick(['zPopMin', 'zPopMax', 'zPopMinCount', 'zPopMaxCount']);
        return this.op(which, which.endsWith('Count') ? [k, r.int(0, 3)] : [k], { keys: [k] });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op('zmPop', [ks, r.pick(['MIN', 'MAX']), { COUNT: r.int(0, 3) }], { keys: ks });
      }],
      [1, () => {
        if (r.chance(0.3)) return this.op('zRandMember', [k], { keys: [k], norm: RANDMEMBER });
        const count = r.int(-5, 5);
        return this.op(r.chance(0.5) ? 'zRandMemberCount' : 'zRandMemberCountWithScores', [k, count],
          { keys: [k], norm: zRandNorm(count) });
      }],
      [2, () => {
        const keys = zkeys();
        const method = r.pick(['zUnion', 'zUnionWithScores', 'zInter', 'zInterWithScores']);
        return this.op(method, [keys, aggregate()], { keys: keys.map((x) => x.key || x) });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op(r.pick(['zDiff', 'zDiffWithScores']), [ks], { keys: ks });
      }],
      [2, () => {
        const keys = zkeys();
        const method = r.pick(['zUnionStore', 'zInterStore']);
        return this.op(method, [k, keys, aggregate()], { keys: [k, ...keys.map((x) => x.key || x)] });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op('zDiffStore', [k, ks], { keys: [k, ...ks] });
      }],
      [1, () => {
        const ks = this.keys(1, 3);
        return this.op('zInterCard', r.chance(0.5) ? [ks] : [ks, { LIMIT: r.int(0, 3) }], { keys: ks });
      }],
      [1, () => {
        const opts = r.chance(0.5) ? { COUNT: r.int(1, 5) } : {};
        return {
          label: `zScanAll(${show(k)}, ${show(opts)})`,
          run: (c) => zScanAll(c, k, opts),
          keys: [k], whole: false, norm: null, short: 0, multi: false,
        };
      }],
    ])();
  }

  seconds() { // long relative TTL
    return this.r.int(1000, 100000);
  }

  millis() { // long relative TTL in ms, off the whole-second grid
    return this.r.int(1000, 100000) * 1000 + 500;
  }

  unixSec() {
    return this.t0s + this.r.int(200000, 300000);
  }

  unixMs() {
    return (this.t0s + this.r.int(200000, 300000)) * 1000 + 250;
  }

  /* {opt, short}: a SET/GETEX expiration, rarely a short PX. */
  expiration(allowKeep) {
    const r = this.r;
    if (r.chance(0.06)) {
      const ms = r.int(1, SHORT_PX_MAX);
      return { type: 'PX', value: ms, short: ms };
    }
    const type = r.pick(allowKeep ? ['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL'] : ['EX', 'PX', 'EXAT', 'PXAT']);
    const value = { EX: () => this.seconds(), PX: () => this.millis(), EXAT: () => this.unixSec(),
      PXAT: () => this.unixMs(), KEEPTTL: () => undefined }[type]();
    return { type, value, short: 0 };
  }

  /* A client-method op. */
  op(method, args, extra = {}) {
    return {
      label: `${method}(${args.map(show).join(', ')})`,
      run: (c) => c[method](...args),
      chain: (m) => m[method](...args),
      keys: [], whole: false, norm: null, short: 0, multi: true, ...extra,
    };
  }

  /* A raw sendCommand op. */
  raw(argv, extra = {}) {
    return {
      label: `sendCommand(${argv.map(show).join(' ')})`,
      run: (c) => c.sendCommand(argv),
      chain: (m) => m.sendCommand(argv),
      keys: [], whole: false, norm: null, short: 0, multi: true, ...extra,
    };
  }

  setOp() {
    const r = this.r;
    const k = this.key();
    const v = this.value();
    const opts = {};
    let short = 0;
    if (r.chance(0.5)) {
      const e = this.expiration(true);
      short = e.short;
      if (r.chance(0.5)) opts.expiration = e.type === 'KEEPTTL' ? 'KEEPTTL' : { type: e.type, value: e.value };
      else opts[e.type] = e.type === 'KEEPTTL' ? true : e.value;
    }
    if (r.chance(0.3)) {
      const cond = r.pick(['NX', 'XX']);
      if (r.chance(0.5)) opts.condition = cond;
      else opts[cond] = true;
    }
    if (r.chance(0.2)) opts.GET = true;
    const args = Object.keys(opts).length ? [k, v, opts] : [k, v];
    return this.op('set', args, { keys: [k], short });
  }

  expireOp() {
    const r = this.r;
    const k = this.key();
    const mode = r.chance(0.4) ? [r.pick(['NX', 'XX', 'GT', 'LT'])] : [];
    return r.weighted([
      [5, () => this.op('expire', [k, r.chance(0.05) ? r.pick([0, -1]) : this.seconds(), ...mode], { keys: [k] })],
      [4, () => {
        const short = r.chance(0.08) ? r.int(1, SHORT_PX_MAX) : 0;
        return this.op('pExpire', [k, short || this.millis(), ...mode], { keys: [k], short });
      }],
      [3, () => this.op('expireAt', [k, r.chance(0.05) ? 1 : this.unixSec(), ...mode], { keys: [k] })],
      [3, () => this.op('pExpireAt', [k, this.unixMs(), ...mode], { keys: [k] })],
    ])();
  }

  invalidOp() {
    const r = this.r;
    const k = this.key();
    return r.pick([
      () => this.raw(['INCRBY', k, r.pick(['x', '1.5', '', '99999999999999999999'])], { keys: [k] }),
      () => this.raw(['SET', k, 'v', r.pick(['FOO', 'NX XX', 'EX', 'KEEPTTL'])].flatMap((a) => a.split(' ')), { keys: [k] }),
      () => this.raw(['SET', k, 'v', 'EX', r.pick(['0', '-3', 'ten', '1.5', '9999999999999999'])], { keys: [k] }),
      () => this.raw(['EXPIRE', k, '100', ...r.pick([['NX', 'XX'], ['GT', 'LT'], ['FOO'], ['NX', 'GT']])], { keys: [k] }),
      () => this.raw([r.pick(['GET', 'SET', 'INCR', 'APPEND', 'RENAME', 'EXPIRE', 'MGET', 'DEL', 'COPY'])], { keys: [] }),
      () => this.raw(['GETRANGE', k, 'a', '1'], { keys: [k] }),
      () => this.raw(['SETRANGE', k, r.pick(['-1', '536870912']), 'x'], { keys: [k] }),
      () => this.raw(['SELECT', r.pick(['3x', '16', '-1'])], { multi: false }),
      () => this.raw(['SWAPDB', '0', r.pick(['16', 'x'])]),
      () => this.raw(['NOSUCHCOMMAND', k]),
      () => this.raw(['GETEX', k, 'EX', '10', 'PERSIST'], { keys: [k] }),
      () => this.raw(['COPY', k, this.key(), 'DB', r.pick(['16', 'x'])], { keys: [k] }),
      () => this.raw(['MOVE', k, r.pick(['16', 'x', '-1', '2147483648'])], { keys: [k] }),
      () => this.op('incrByFloat', [k, r.pick(['inf', 'nan', '1e4933'])], { keys: [k] }),
      () => this.op('get', [Number(r.int(0, 9))], { multi: false }),
      () => this.raw(['HSET', k, this.field()], { keys: [k] }),
      () => this.raw(['HINCRBY', k, this.field(), r.pick(['x', '1.5', '99999999999999999999'])], { keys: [k] }),
      () => this.raw(['HRANDFIELD', k, r.pick(['x', '-9223372036854775808']), 'WITHVALUES'], { keys: [k] }),
      () => this.raw(['HSCAN', k, r.pick(['abc', '0 COUNT 0', '0 NOVALUES'])].flatMap((a) => a.split(' ')), { keys: [k] }),
      () => this.op('hIncrByFloat', [k, this.field(), r.pick(['inf', 'nan', '1e4933'])], { keys: [k] }),
      () => this.raw(['SPOP', k, r.pick(['-1', 'x', '0'])], { keys: [k] }),
      () => this.raw(['SRANDMEMBER', k, r.pick(['x', '-9223372036854775808'])], { keys: [k] }),
      () => this.raw(['SINTERCARD', r.pick(['0', '2', 'x']), k], { keys: [k] }),
      () => this.raw(['SINTERCARD', '1', k, 'LIMIT', r.pick(['-1', 'x'])], { keys: [k] }),
      () => this.raw(['SSCAN', k, r.pick(['abc', '0 COUNT 0', '0 MATCH'])].flatMap((a) => a.split(' ')), { keys: [k] }),
      () => this.raw(['SMOVE', k, this.key()], { keys: [k] }),
      () => this.raw(['LPOS', k, this.element(), r.pick(['RANK', 'COUNT', 'MAXLEN']), r.pick(['0', '-1'])], { keys: [k] }),
      () => this.raw(['LPOP', k, r.pick(['-1', 'x'])], { keys: [k] }),
      () => this.raw(['LSET', k, r.pick(['100', 'x']), 'v'], { keys: [k] }),
      () => this.raw(['LINSERT', k, 'MIDDLE', 'a', 'b'], { keys: [k] }),
      () => this.raw(['LMOVE', k, this.key(), 'UP', 'LEFT'], { keys: [k] }),
      () => this.raw(['LMPOP', r.pick(['0', '2']), k, 'LEFT'], { keys: [k] }),
      () => this.raw(['LMPOP', '1', k, 'LEFT', 'COUNT', '0'], { keys: [k] }),
      () => this.raw(['ZADD', k, ...r.pick([['NX', 'XX'], ['GT', 'LT'], ['NX', 'GT'], ['INCR'], ['XX']]), '1', 'a', '2', 'b'], { keys: [k] }),
      () => this.raw(['ZADD', k, r.pick(['nan', 'x', '', '1e400']), 'a'], { keys: [k] }),
      () => this.op('zIncrBy', [k, r.pick([Infinity, -Infinity, NaN]), this.member()], { keys: [k] }),
      () => this.raw(['ZRANGE', k, '0', '-1', 'LIMIT', '0', '1'], { keys: [k] }),
      () => this.raw(['ZRANGE', k, r.pick(['x', '(', '((1']), '1', 'BYSCORE'], { keys: [k] }),
      () => this.raw(['ZRANGE', k, 'a', 'b', 'BYLEX'], { keys: [k] }),
      () => this.raw(['ZPOPMIN', k, '-1'], { keys: [k] }),
      () => this.raw(['ZMPOP', '1', k, 'MIN', 'COUNT', '0'], { keys: [k] }),
      () => this.raw([r.pick(['ZUNION', 'ZINTER', 'ZDIFF', 'ZINTERCARD']), r.pick(['0', '2', 'x']), k], { keys: [k] }),
      () => this.raw(['ZUNIONSTORE', k, '1', this.key(), 'WEIGHTS', r.pick(['x', 'nan'])], { keys: [k] }),
      () => this.raw(['ZRANDMEMBER', k, '-9223372036854775808', 'WITHSCORES'], { keys: [k] }),
      () => this.raw(['ZRANK', k, this.member(), 'WITHSCORE'], { keys: [k] }),
    ])();
  }

  /* The next random op. */
  next() {
    const r = this.r;
    const k = this.key();
    const k2 = this.key();
    const table = [
      [10, () => this.op('get', [k], { keys: [k] })],
      [10, () => this.setOp()],
      [2, () => this.op('setNX', [k, this.value()], { keys: [k] })],
      [2, () => this.op('setEx', [k, this.seconds(), this.value()], { keys: [k] })],
      [2, () => {
        const short = r.chance(0.08) ? r.int(1, SHORT_PX_MAX) : 0;
        return this.op('pSetEx', [k, short || this.millis(), this.value()], { keys: [k], short });
      }],
      [3, () => { const ks = this.keys(1, 4); return this.op('mGet', [ks], { keys: ks }); }],
      [2, () => {
        const ks = this.keys(1, 3);
        const obj = {};
        for (const x of ks) obj[x] = this.value();
        return this.op(r.chance(0.7) ? 'mSet' : 'mSetNX', [obj], { keys: ks });
      }],
      [2, () => this.op('getSet', [k, this.value()], { keys: [k] })],
      [2, () => this.op('getDel', [k], { keys: [k] })],
      [3, () => {
        if (r.chance(0.25)) return this.op('getEx', [k, { type: 'PERSIST' }], { keys: [k] });
        const e = this.expiration(false);
        return this.op('getEx', [k, { type: e.type, value: e.value }], { keys: [k], short: e.short });
      }],
      [3, () => this.op('append', [k, this.value()], { keys: [k] })],
      [2, () => this.op('strLen', [k], { keys: [k] })],
      [2, () => this.op('getRange', [k, r.int(-15, 15), r.int(-15, 15)], { keys: [k] })],
      [2, () => this.op('setRange', [k, r.int(0, 20), this.value()], { keys: [k] })],
      [4, () => this.op(r.pick(['incr', 'decr']), [k], { keys: [k] })],
      [3, () => this.op(r.pick(['incrBy', 'decrBy']), [k, r.int(-100, 100)], { keys: [k] })],
      [3, () => this.op('incrByFloat', [k, r.pick(FLOATS)], { keys: [k] })],
      [3, () => { const ks = this.keys(1, 3); return this.op(r.pick(['del', 'unlink']), [ks], { keys: ks }); }],
      [3, () => { const ks = this.keys(1, 4); return this.op('exists', [ks], { keys: ks }); }],
      [2, () => this.op('type', [k], { keys: [k] })],
      [2, () => this.op('keys', [r.pick(PATTERNS)], { whole: true, norm: sortReply })],
      [1, () => this.scanOp()],
      [3, () => this.op(r.pick(['rename', 'renameNX']), [k, k2], { keys: [k, k2] })],
      [2, () => {
        const opts = {};
        if (r.chance(0.4)) opts.DB = r.int(0, DBS - 1);
        if (r.chance(0.4)) opts.REPLACE = true;
        return this.op('copy', Object.keys(opts).length ? [k, k2, opts] : [k, k2], { keys: [k, k2] });
      }],
      [2, () => this.op('move', [k, r.int(0, DBS - 1)], { keys: [k] })],
      [8, () => this.expireOp()],
      [3, () => this.op('ttl', [k], { keys: [k], norm: TTL })],
      [3, () => this.op('pTTL', [k], { keys: [k], norm: PTTL })],
      [1, () => this.op('expireTime', [k], { keys: [k], norm: TTL })],
      [1, () => this.op('pExpireTime', [k], { keys: [k], norm: PTTL })],
      [2, () => this.op('persist', [k], { keys: [k] })],
      [1, () => this.op('randomKey', [], { whole: true, norm: RANDOMKEY })],
      [1, () => { const ks = this.keys(1, 3); return this.op('touch', [ks], { keys: ks }); }],
      [2, () => this.op('objectEncoding', [k], { keys: [k] })],
      [1, () => (r.chance(0.5) ? this.op('ping', r.chance(0.5) ? [] : ['hi']) : this.op('echo', [r.pick(['hi', ''])]))],
      [2, () => this.op('dbSize', [], { whole: true, counts: true })],
      [3, () => {
        const db = r.int(0, DBS - 1);
        return this.op('select', [db], { multi: false, select: db });
      }],
      [1, () => {
        const x = r.int(0, DBS - 1);
        const y = r.int(0, DBS - 1);
        return this.op('swapDb', [x, y], { whole: true, multi: false, swap: [x, y] });
      }],
      [0.2, () => this.op('flushDb', r.chance(0.5) ? [] : [r.pick(['SYNC', 'ASYNC'])], { whole: true })],
      [0.1, () => this.op('flushAll', [], { whole: true })],
      [4, () => this.rawValid(k, k2)],
      [4, () => this.invalidOp()],
      [30, () => this.hashOp(k)],
      [25, () => this.setTypeOp(k)],
      [25, () => this.listOp(k)],
      [30, () => this.zsetOp(k)],
    ];
    return r.weighted(table)();
  }

  /* Raw sendCommand spellings of valid commands (no reply transforms). */
  rawValid(k, k2) {
    const r = this.r;
    return r.pick([
      () => this.raw(['SET', k, this.value(), 'EX', String(this.seconds()), 'GET'], { keys: [k] }),
      () => this.raw(['GET', k], { keys: [k] }),
      () => this.raw(['INCRBYFLOAT', k, r.pick(FLOATS)], { keys: [k] }),
      () => this.raw(['MSET', k, this.value(), k2, this.value()], { keys: [k, k2] }),
      () => this.raw(['EXPIRE', k, String(this.seconds()), r.pick(['NX', 'XX', 'GT', 'LT', 'gt'])], { keys: [k] }),
      () => this.raw(['TTL', k], { keys: [k], norm: TTL }),
      () => this.raw(['OBJECT', 'ENCODING', k], { keys: [k] }),
      () => {
        const db = r.int(0, DBS - 1);
        return this.raw(['SELECT', String(db)], { multi: false, select: db });
      },
      () => this.raw(['COPY', k, k2, 'DB', String(r.int(0, DBS - 1)), 'REPLACE'], { keys: [k, k2] }),
      () => this.raw(['GETEX', k, 'PXAT', String(this.unixMs())], { keys: [k] }),
      () => this.raw(['SETRANGE', k, String(r.int(0, 10)), this.value()], { keys: [k] }),
      () => this.raw(['HSET', k, this.field(), this.hashValue(), this.field(), this.hashValue()], { keys: [k] }),
      () => this.raw(['HMSET', k, this.field(), this.hashValue()], { keys: [k] }),
      () => this.raw(['HGETALL', k], { keys: [k], norm: sortedHash }),
      () => this.raw(['HINCRBYFLOAT', k, this.field(), r.pick(HASH_FLOATS)], { keys: [k] }),
      () => {
        const count = r.int(-4, 4);
        return this.raw(['HRANDFIELD', k, String(count), 'WITHVALUES'], { keys: [k], norm: randFieldNorm(count) });
      },
      () => this.raw(['SADD', k, ...this.members(1, 4)], { keys: [k] }),
      () => this.raw(['SMEMBERS', k], { keys: [k], norm: SORTED_SET }),
      () => this.raw(['SUNIONSTORE', k, k2, this.key()], { keys: [k, k2] }),
      () => this.raw(['SMISMEMBER', k, this.member(), this.member()], { keys: [k] }),
      () => this.raw(['RPUSH', k, this.element(), this.element()], { keys: [k] }),
      () => this.raw(['LRANGE', k, '0', '-1'], { keys: [k] }),
      () => this.raw(['LMOVE', k, k2, r.pick(SIDES), r.pick(SIDES)], { keys: [k, k2] }),
      () => this.raw(['ZADD', k, 'CH', String(this.score()), this.member(), String(this.score()), this.member()], { keys: [k] }),
      () => this.raw(['ZRANGE', k, '0', '-1', 'WITHSCORES'], { keys: [k] }),
      () => this.raw(['ZREVRANGEBYSCORE', k, '+inf', '-inf', 'WITHSCORES', 'LIMIT', '0', '3'], { keys: [k] }),
      () => this.raw(['ZUNIONSTORE', k, '2', k, k2, 'AGGREGATE', r.pick(['SUM', 'MIN', 'MAX'])], { keys: [k, k2] }),
    ])();
  }

  scanOp() {
    const r = this.r;
    const opts = {};
    if (r.chance(0.5)) opts.MATCH = r.pick(PATTERNS);
    if (r.chance(0.5)) opts.COUNT = r.int(1, 20);
    if (r.chance(0.2)) opts.TYPE = r.pick(['string', 'hash', 'set', 'list', 'zset']);
    return {
      label: `scanAll(${show(opts)})`,
      run: (c) => scanAll(c, opts),
      keys: [], whole: true, norm: null, short: 0, multi: false,
    };
  }
}

/* Full HSCAN iteration of one key; resolves the sorted, de-duplicated [field, value] pairs. */
async function hScanAll(c, key, opts) {
  const seen = new Map();
  let cursor = '0';
  let rounds = 0;
  do {
    const page = await c.hScan(key, cursor, opts);
    for (const { field, value } of page.entries) seen.set(field, value);
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('HSCAN never returned cursor 0');
  } while (cursor !== '0');
  return [...seen].sort(byCanon);
}

/* Full SSCAN iteration of one key; resolves the sorted, de-duplicated members. */
async function sScanAll(c, key, opts) {
  const seen = new Set();
  let cursor = '0';
  let rounds = 0;
  do {
    const page = await c.sScan(key, cursor, opts);
    for (const m of page.members) seen.add(m);
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('SSCAN never returned cursor 0');
  } while (cursor !== '0');
  return [...seen].sort();
}

/* Full ZSCAN iteration of one key; resolves the sorted, de-duplicated [value, score] pairs. */
async function zScanAll(c, key, opts) {
  const seen = new Map();
  let cursor = '0';
  let rounds = 0;
  do {
    const page = await c.zScan(key, cursor, opts);
    for (const { value, score } of page.members) seen.set(value, score);
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('ZSCAN never returned cursor 0');
  } while (cursor !== '0');
  return [...seen].sort(byCanon);
}

/* Full SCAN iteration; resolves the sorted, de-duplicated key list. */
async function scanAll(c, opts) {
  const seen = new Set();
  let cursor = '0';
  let rounds = 0;
  do {
    const page = await c.scan(cursor, opts);
    for (const k of page.keys) seen.add(k);
    cursor = page.cursor;
    if (++rounds > 100000) throw new Error('SCAN never returned cursor 0');
  } while (cursor !== '0');
  return [...seen].sort();
}

module.exports = {
  Rng, Generator, KEYS, DBS, FIELDS, MEMBERS, ELEMENTS, SCORES, scanAll, hScanAll, sScanAll, zScanAll, sortedHash, show
};
