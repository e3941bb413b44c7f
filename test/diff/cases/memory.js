'use strict';
// Memory limits and eviction: CONFIG GET/SET of the maxmemory family, the OOM gate of
// noeviction (standalone commands and MULTI/EXEC), OBJECT IDLETIME/FREQ/REFCOUNT,
// MEMORY USAGE, the INFO memory fields and evictions with their `evicted` events.
//
// The real server is shared by every scenario: each scenario here runs inside
// withMemoryConfig(), which puts maxmemory back to 0, the other parameters back to what
// CONFIG GET said when the scenario started (redis-server's default policy is noeviction,
// redlite's allkeys-lru: the default policy itself is never compared), turns keyspace
// notifications off and flushes everything.
//
// Memory sizes legitimately differ (redis-server starts near 1 MB, redlite near 3 KB, and
// they count a key's bytes differently): byte counts are compared only through predicates,
// and an eviction limit is always `this side's own used_memory + a margin`.

const { group, raw } = require('../scenario.js');

const g = group('memory: maxmemory, OOM, eviction, OBJECT and MEMORY USAGE');
const { scenario } = g;

const WAIT_MS = 3000;

/* Every parameter a scenario here may change (maxmemory itself goes back to 0). */
const RESTORED = ['maxmemory-policy', 'maxmemory-samples', 'maxmemory-eviction-tenacity',
  'lfu-log-factor', 'lfu-decay-time', 'active-expire-effort'];

const POLICIES = ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
  'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'];

/* Runs body() and then restores the server-wide state, whatever happened. Every restoring
 * step runs even when an earlier one fails; the first failure is then thrown (recorded by
 * the harness as '<scenario threw>'). */
async function withMemoryConfig(c, body) {
  const saved = await c.configGet(RESTORED);
  try {
    await body();
  } finally {
    let failure = null;
    const steps = [() => c.configSet('maxmemory', '0'), () => c.configSet(saved),
      () => c.configSet('notify-keyspace-events', ''), () => c.flushAll()];
    for (const step of steps) {
      try {
        await step();
      } catch (e) {
        failure = failure || e;
      }
    }
    if (failure) throw failure; // eslint-disable-line no-unsafe-finally
  }
}

/* Resolves once done() holds (messages arrive asynchronously) or after WAIT_MS. */
async function until(done) {
  const t0 = Date.now();
  while (!done() && Date.now() - t0 < WAIT_MS) await new Promise((r) => setTimeout(r, 5));
}

/* A connected duplicate of 'c' (its 'error' events are swallowed: failures show as calls). */
async function open(c) {
  const d = c.duplicate();
  d.on('error', () => {});
  await d.connect();
  return d;
}

async function closeQuietly(d) {
  if (d && d.isOpen) await d.close().catch(() => d.destroy());
}

/* CONFIG GET replies come in the server's dictionary order: compare them sorted. */
function sortedKeys(o) {
  if (!o || typeof o !== 'object') return o;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/* The 'name:value' lines of an INFO reply. */
function infoFields(text) {
  const out = {};
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

async function infoField(c, section, name) {
  return infoFields(await c.info(section))[name];
}

async function usedMemory(c) {
  return Number(await infoField(c, 'memory', 'used_memory'));
}

async function evictedKeys(c) {
  return Number(await infoField(c, 'stats', 'evicted_keys'));
}

const typeOrNull = (v) => (v === null ? null : typeof v);
const isPositiveInt = (v) => Number.isInteger(v) && v > 0;

/* ------------------------------------------------------------------ CONFIG */

scenario('CONFIG SET then CONFIG GET: memory units become bytes, replies are strings', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    const sizes = ['0', '100', '007', '12b', '12B', '1k', '1kb', '1KB', '1K', '2m', '2mb', '2MB', '3g',
      '3gb', '3GB', '1048576', '9223372036854775807', '8589934591gb'];
    for (const v of sizes) {
      await ctx.call(`set maxmemory ${v}`, () => c.configSet('maxmemory', v));
      await ctx.call(`get maxmemory after ${v}`, () => c.configGet('maxmemory'));
    }
    for (const p of POLICIES) {
      await ctx.call(`set policy ${p}`, () => c.configSet('maxmemory-policy', p));
      await ctx.call(`get policy after ${p}`, () => c.configGet('maxmemory-policy'));
    }
    await ctx.call('policy value is case-insensitive', () => c.configSet('maxmemory-policy', 'AllKeys-LFU'));
    await ctx.call('get policy after mixed case', () => c.configGet('maxmemory-policy'));
    await ctx.call('parameter name is case-insensitive', () => c.configSet('MAXMEMORY', '7mb'));
    await ctx.call('get maxmemory after upper-case name', () => c.configGet('maxmemory'));
    const ints = [
      ['maxmemory-samples', ['1', '10', '2147483647', '5']],
      ['maxmemory-eviction-tenacity', ['0', '100', '10']],
      ['lfu-log-factor', ['0', '2147483647', '10']],
      ['lfu-decay-time', ['0', '2147483647', '1']],
      ['active-expire-effort', ['1', '10', '7']],
    ];
    for (const [param, values] of ints) {
      for (const v of values) {
        await ctx.call(`set ${param} ${v}`, () => c.configSet(param, v));
        await ctx.call(`get ${param} after ${v}`, () => c.configGet(param));
      }
    }
    await ctx.call('set several at once', () => c.configSet({
      maxmemory: '64mb', 'maxmemory-policy': 'volatile-ttl', 'maxmemory-samples': '3',
      'maxmemory-eviction-tenacity': '20', 'lfu-log-factor': '4', 'lfu-decay-time': '2',
      'active-expire-effort': '2' }));
    await ctx.call('get several at once', () => c.configGet(['maxmemory', 'maxmemory-policy',
      'maxmemory-samples', 'maxmemory-eviction-tenacity', 'lfu-log-factor', 'lfu-decay-time',
      'active-expire-effort']), { norm: sortedKeys });
    await ctx.call('raw CONFIG GET several', () => raw(c, 'CONFIG', 'GET', 'maxmemory', 'lfu-log-factor'),
      { norm: sortedKeys });
    await ctx.call('the same parameter twice is replied once', () => c.configGet(['maxmemory', 'maxmemory']));
    await ctx.call('unknown parameter', () => c.configGet('maxmemory-nosuch'));
    await ctx.call('known and unknown', () => c.configGet(['maxmemory-samples', 'nosuch']));
    await ctx.shape('values are strings', () => c.configGet(['maxmemory', 'maxmemory-samples']),
      (o) => Object.values(o).every((v) => typeof v === 'string'));
    await ctx.call('raw CONFIG GET without a parameter', () => raw(c, 'CONFIG', 'GET'));
  });
});

scenario('CONFIG SET reads values as C strings; memtoull edge values; long names', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    // Redis 7.0 parses memory values with memtoull: no digits reads as 0, a value past
    // 2^64 - 1 saturates, the unit multiplies modulo 2^64; enums, event classes and memory
    // values stop at a NUL byte, integers do not.
    const values = [
      ['maxmemory', ['', 'mb', 'GB', '99999999999999999999999', '18446744073709551615',
        '18446744073709551616', '20000000000gb', '100mb\u0000zz', '\u0000', '1\u00002', '7\u0000x']],
      ['maxmemory-policy', ['noeviction\u0000x', 'allkeys-lru\u0000', '\u0000allkeys-lfu']],
      ['notify-keyspace-events', ['KEA\u0000zz', '\u0000K', 'Kx\u0000']],
      ['maxmemory-samples', ['5\u0000x', '\u00003']],
      ['lfu-log-factor', ['7\u0000']],
      ['active-expire-effort', ['\u00003']],
    ];
    for (const [param, vs] of values) {
      for (const v of vs) {
        await ctx.call(`set ${param} ${JSON.stringify(v)}`, () => raw(c, 'CONFIG', 'SET', param, v));
        await ctx.call(`get ${param} after ${JSON.stringify(v)}`, () => c.configGet(param));
      }
    }
    for (const n of [200, 600, 5000]) {
      await ctx.call(`unknown parameter of ${n} bytes`, () => raw(c, 'CONFIG', 'SET', 'p'.repeat(n), 'v'));
      await ctx.call(`bad value for a parameter, then one of ${n} bytes`, () =>
        raw(c, 'CONFIG', 'SET', 'maxmemory', '1mb', 'q'.repeat(n), 'v'));
    }
    await ctx.call('unknown parameter with a NUL', () => raw(c, 'CONFIG', 'SET', 'maxmem\u0000ory', '1'));
    await ctx.call('parameter name followed by a NUL', () => raw(c, 'CONFIG', 'SET', 'maxmemory\u0000', '1'));
    await ctx.call('maxmemory unchanged', () => c.configGet('maxmemory'));
  });
});

scenario('CONFIG SET errors: bad values, out of range, all or nothing', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('known starting values', () => c.configSet({
      maxmemory: '5mb', 'maxmemory-policy': 'volatile-lru', 'maxmemory-samples': '5',
      'maxmemory-eviction-tenacity': '10', 'lfu-log-factor': '10', 'lfu-decay-time': '1',
      'active-expire-effort': '1' }));
    const bad = [
      ['maxmemory', ['-1', '1.5mb', 'abc', '10xb', ' 5', '5 ', '+5', '0x10', '5 mb', '1mbb', 'k1',
        '1'.repeat(130)]],
      ['maxmemory-policy', ['lru', 'allkeys', 'noeviction ', 'volatile_lru', '']],
      ['maxmemory-samples', ['0', 'x', '-1', '2147483648', '1k', '1.0', '', ' 3', '+7', '007']],
      ['maxmemory-eviction-tenacity', ['101', '-1', 'x']],
      ['lfu-log-factor', ['-1', 'x', '2147483648']],
      ['lfu-decay-time', ['-1', '1.5']],
      ['active-expire-effort', ['11', '0', 'x']],
    ];
    for (const [param, values] of bad) {
      for (const v of values) {
        await ctx.call(`set ${param} ${JSON.stringify(v)}`, () => c.configSet(param, v));
      }
      await ctx.call(`${param} unchanged`, () => c.configGet(param));
    }
    await ctx.call('two parameters, the second bad', () => c.configSet({ maxmemory: '7mb', 'maxmemory-policy': 'nope' }));
    await ctx.call('neither applied (second bad)', () => c.configGet(['maxmemory', 'maxmemory-policy']),
      { norm: sortedKeys });
    await ctx.call('two parameters, the first bad', () => c.configSet({ maxmemory: 'x', 'maxmemory-policy': 'allkeys-lru' }));
    await ctx.call('neither applied (first bad)', () => c.configGet(['maxmemory', 'maxmemory-policy']),
      { norm: sortedKeys });
    await ctx.call('three parameters, the last out of range', () => c.configSet({
      'maxmemory-samples': '9', 'lfu-log-factor': '3', 'active-expire-effort': '11' }));
    await ctx.call('none of the three applied', () => c.configGet(['maxmemory-samples', 'lfu-log-factor',
      'active-expire-effort']), { norm: sortedKeys });
    await ctx.call('a good parameter and an unknown one', () => c.configSet({ maxmemory: '9mb', 'no-such-param': '1' }));
    await ctx.call('maxmemory unchanged after the unknown one', () => c.configGet('maxmemory'));
    await ctx.call('duplicate parameter', () => raw(c, 'CONFIG', 'SET', 'maxmemory', '1mb', 'maxmemory', '2mb'));
    await ctx.call('duplicate parameter in another case', () => raw(c, 'CONFIG', 'SET', 'maxmemory', '1mb',
      'MAXMEMORY', '2mb'));
    await ctx.call('maxmemory unchanged after the duplicates', () => c.configGet('maxmemory'));
    await ctx.call('raw CONFIG SET without a value', () => raw(c, 'CONFIG', 'SET', 'maxmemory'));
    await ctx.call('raw CONFIG SET without a parameter', () => raw(c, 'CONFIG', 'SET'));
    await ctx.call('all good: applied together', () => c.configSet({ maxmemory: '3mb', 'maxmemory-policy': 'allkeys-random' }));
    await ctx.call('both applied', () => c.configGet(['maxmemory', 'maxmemory-policy']), { norm: sortedKeys });
  });
});

scenario('CONFIG GET replies with the parameter name as it was given', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('set policy', () => c.configSet('maxmemory-policy', 'volatile-ttl'));
    await ctx.call('get with an upper-case name', () => c.configGet('MAXMEMORY-POLICY'));
    await ctx.call('raw get with a mixed-case name', () => raw(c, 'CONFIG', 'GET', 'Maxmemory-Samples'));
    await ctx.call('two spellings of one parameter: the first one given', () => c.configGet(['MaxMemory', 'maxmemory']));
  });
});

scenario('CONFIG SET with an odd number of arguments is a syntax error', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('known maxmemory', () => c.configSet('maxmemory', '5mb'));
    await ctx.call('raw CONFIG SET with a dangling parameter', () => raw(c, 'CONFIG', 'SET', 'maxmemory', '1mb',
      'maxmemory-policy'));
    await ctx.call('raw CONFIG SET with two dangling words', () => raw(c, 'CONFIG', 'SET', 'maxmemory', '1mb', 'a', 'b',
      'c'));
    await ctx.call('maxmemory unchanged', () => c.configGet('maxmemory'));
  });
});

scenario('CONFIG SET maxmemory accepts the whole unsigned 64-bit range', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    for (const v of ['9223372036854775808', '18446744073709551615', '8589934592gb', '17179869183gb']) {
      await ctx.call(`set maxmemory ${v}`, () => c.configSet('maxmemory', v));
      await ctx.call(`get maxmemory after ${v}`, () => c.configGet('maxmemory'));
      await ctx.call(`reset after ${v}`, () => c.configSet('maxmemory', '0'));
    }
  });
});

scenario('INFO maxmemory_human from 1024 PB up: bytes, no exabyte unit', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    for (const v of ['1152921504606846975', '1152921504606846976', '9223372036854775807']) {
      await ctx.call(`set maxmemory ${v}`, () => c.configSet('maxmemory', v));
      await ctx.call(`maxmemory_human of ${v}`, () => infoField(c, 'memory', 'maxmemory_human'));
    }
  });
});

scenario('CONFIG SET maxmemory: what upstream memtoull() lets through', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    const quirk = 'redis 7.0 memtoull(): no digits means 0, strtoull() saturates, the unit multiplication wraps';
    await ctx.call('start from 5mb', () => c.configSet('maxmemory', '5mb'));
    for (const v of ['', 'mb', 'GB', '99999999999999999999', '18446744073709551616', '20000000000gb']) {
      await ctx.call(`set maxmemory ${JSON.stringify(v)}`, () => c.configSet('maxmemory', v), { quirk });
      await ctx.call(`get maxmemory after ${JSON.stringify(v)}`, () => c.configGet('maxmemory'), { quirk });
      await ctx.call(`back to 5mb after ${JSON.stringify(v)}`, () => c.configSet('maxmemory', '5mb'));
    }
  });
});

/* ------------------------------------------------------------------ OOM */

scenario('noeviction over maxmemory: denyoom commands fail with OOM, reads and deletes work', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('fill', () => c.multi().set('s', 'v').set('n', '5').set('f', '1.5').rPush('l', ['a', 'b', 'c'])
      .hSet('h', { f: 'v', g: 'w' }).sAdd('st', ['m', 'n']).zAdd('z', [{ score: 1, value: 'm' }, { score: 2, value: 'n' }])
      .set('gone', 'x').set('ttl', 'x', { EX: 1000 }).exec());
    await ctx.call('noeviction', () => c.configSet('maxmemory-policy', 'noeviction'));
    await ctx.call('maxmemory 1', () => c.configSet('maxmemory', '1'));
    const denied = [
      ['set', () => c.set('s', 'x')],
      ['set a new key', () => c.set('new', 'x')],
      ['set NX on an existing key', () => c.set('s', 'x', { NX: true })],
      ['setNX', () => c.setNX('new', 'x')],
      ['setEx', () => c.setEx('new', 10, 'x')],
      ['pSetEx', () => c.pSetEx('new', 10000, 'x')],
      ['mSet', () => c.mSet({ a: '1', b: '2' })],
      ['mSetNX', () => c.mSetNX({ a: '1' })],
      ['getSet', () => c.getSet('s', 'x')],
      ['append', () => c.append('s', 'x')],
      ['setRange', () => c.setRange('s', 0, 'x')],
      ['incr', () => c.incr('n')],
      ['incr a missing key', () => c.incr('nokey')],
      ['incrBy', () => c.incrBy('n', 2)],
      ['decr', () => c.decr('n')],
      ['decrBy', () => c.decrBy('n', 2)],
      ['incrByFloat', () => c.incrByFloat('f', 1)],
      ['lPush', () => c.lPush('l', 'x')],
      ['rPush', () => c.rPush('l', 'x')],
      ['lPushX', () => c.lPushX('l', 'x')],
      ['rPushX on a missing key', () => c.rPushX('nolist', 'x')],
      ['lInsert', () => c.lInsert('l', 'BEFORE', 'a', 'x')],
      ['lSet', () => c.lSet('l', 0, 'x')],
      ['lMove', () => c.lMove('l', 'l2', 'LEFT', 'RIGHT')],
      ['rPopLPush', () => c.rPopLPush('l', 'l2')],
      ['hSet', () => c.hSet('h', 'x', 'y')],
      ['hSetNX', () => c.hSetNX('h', 'x', 'y')],
      ['hIncrBy', () => c.hIncrBy('h', 'i', 1)],
      ['hIncrByFloat', () => c.hIncrByFloat('h', 'i', 1.5)],
      ['sAdd', () => c.sAdd('st', 'x')],
      ['sUnionStore', () => c.sUnionStore('dst', ['st'])],
      ['sInterStore', () => c.sInterStore('dst', ['st'])],
      ['sDiffStore', () => c.sDiffStore('dst', ['st'])],
      ['zAdd', () => c.zAdd('z', { score: 3, value: 'x' })],
      ['zIncrBy', () => c.zIncrBy('z', 1, 'm')],
      ['zUnionStore', () => c.zUnionStore('dst', ['z'])],
      ['zInterStore', () => c.zInterStore('dst', ['z'])],
      ['zRangeStore', () => c.zRangeStore('dst', 'z', 0, -1)],
      ['copy', () => c.copy('s', 'scopy')],
      ['raw SET', () => raw(c, 'SET', 'q', '1')],
      ['raw set in lower case', () => raw(c, 'set', 'q', '1')],
      ['raw SET with a syntax error: OOM first', () => raw(c, 'SET', 'q', '1', 'NX', 'XX')],
      ['raw INCR of a non-integer: OOM first', () => raw(c, 'INCR', 's')],
      ['raw LPUSH on a string: OOM first', () => raw(c, 'LPUSH', 's', 'x')],
    ];
    for (const [label, fn] of denied) await ctx.call(label, fn);
    await ctx.call('raw SET with too few arguments: arity first', () => raw(c, 'SET', 'q'));
    await ctx.call('unknown command: unknown first', () => raw(c, 'NOSUCHCMD', 'x'));
    const allowed = [
      ['get', () => c.get('s')],
      ['get a missing key', () => c.get('new')],
      ['mGet', () => c.mGet(['s', 'n', 'new'])],
      ['strLen', () => c.strLen('s')],
      ['getRange', () => c.getRange('s', 0, -1)],
      ['exists', () => c.exists(['s', 'n', 'new'])],
      ['type', () => c.type('l')],
      ['dbSize', () => c.dbSize()],
      ['lRange', () => c.lRange('l', 0, -1)],
      ['lLen', () => c.lLen('l')],
      ['hGetAll', () => c.hGetAll('h')],
      ['zRangeWithScores', () => c.zRangeWithScores('z', 0, -1)],
      ['lPop', () => c.lPop('l')],
      ['rPop', () => c.rPop('l')],
      ['hDel', () => c.hDel('h', 'g')],
      ['sRem', () => c.sRem('st', 'n')],
      ['zRem', () => c.zRem('z', 'n')],
      ['getDel', () => c.getDel('gone')],
      ['expire', () => c.expire('s', 1000)],
      ['persist', () => c.persist('s')],
      ['rename', () => c.rename('n', 'n2')],
      ['del', () => c.del(['n2', 'nope'])],
      ['unlink', () => c.unlink(['f', 'nope'])],
      ['ping', () => c.ping()],
      ['echo', () => c.echo('e')],
      ['publish', () => c.publish('ch', 'x')],
      ['config get', () => c.configGet('maxmemory')],
    ];
    for (const [label, fn] of allowed) await ctx.call(label, fn);
    await ctx.sorted('sMembers', () => c.sMembers('st'));
    await ctx.ttl('ttl', () => c.ttl('ttl'));
    await ctx.sorted('keys', () => c.keys('*'));
    await ctx.call('select 1', () => c.select(1));
    await ctx.call('set in db 1', () => c.set('x', '1'));
    await ctx.call('flushDb is allowed', () => c.flushDb());
    await ctx.call('select 0', () => c.select(0));
    await ctx.call('multi().exec() with a write', () => c.multi().get('s').set('s', 'x').exec());
    await ctx.call('multi().exec() with reads only', () => c.multi().get('s').dbSize().exec());
    await ctx.call('multi().execAsPipeline() with a write', () => c.multi().get('s').set('s', 'x').execAsPipeline());
    await ctx.call('maxmemory 0', () => c.configSet('maxmemory', '0'));
    await ctx.call('set works again', () => c.set('s', 'again'));
    await ctx.call('incr works again', () => c.incr('cnt'));
    await ctx.call('state', () => c.mGet(['s', 'cnt', 'n', 'n2', 'f']));
    await ctx.call('a huge limit does not refuse', () => c.configSet('maxmemory', '1gb'));
    await ctx.call('set under a huge limit', () => c.set('s', 'fits'));
    await ctx.call('multi under a huge limit', () => c.multi().set('a', '1').incr('a').exec());
  });
});

scenario('noeviction over maxmemory inside MULTI: queueing refused, EXECABORT', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    const d = await open(c);
    try {
      await ctx.call('noeviction', () => c.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '0' }));
      await ctx.call('set k', () => c.set('k', 'v0'));
      // queued while under the limit, executed when over it
      await ctx.call('MULTI', () => raw(d, 'MULTI'));
      await ctx.call('queue SET', () => raw(d, 'SET', 'k', 'v1'));
      await ctx.call('queue GET', () => raw(d, 'GET', 'k'));
      await ctx.call('another client sets maxmemory 1', () => c.configSet('maxmemory', '1'));
      await ctx.call('EXEC with a denyoom command', () => raw(d, 'EXEC'));
      await ctx.call('k unchanged', () => c.get('k'));
      await ctx.call('EXEC again: no MULTI', () => raw(d, 'EXEC'));
      // reads only, queued under the limit: EXEC runs
      await ctx.call('maxmemory 0 for queueing', () => c.configSet('maxmemory', '0'));
      await ctx.call('MULTI (reads and a delete)', () => raw(d, 'MULTI'));
      await ctx.call('queue GET k', () => raw(d, 'GET', 'k'));
      await ctx.call('queue EXISTS', () => raw(d, 'EXISTS', 'k', 'nope'));
      await ctx.call('queue DEL nope', () => raw(d, 'DEL', 'nope'));
      await ctx.call('maxmemory 1 before EXEC', () => c.configSet('maxmemory', '1'));
      await ctx.call('EXEC without a denyoom command runs', () => raw(d, 'EXEC'));
      // MULTI opened while over the limit: every queued command is refused
      await ctx.call('MULTI over the limit', () => raw(d, 'MULTI'));
      await ctx.call('GET refused', () => raw(d, 'GET', 'k'));
      await ctx.call('PING refused', () => raw(d, 'PING'));
      await ctx.call('SET refused', () => raw(d, 'SET', 'k', 'v2'));
      await ctx.call('DEL refused', () => raw(d, 'DEL', 'k'));
      await ctx.call('EXEC after refused commands', () => raw(d, 'EXEC'));
      await ctx.call('k still there', () => c.get('k'));
      await ctx.call('MULTI again', () => raw(d, 'MULTI'));
      await ctx.call('GET refused again', () => raw(d, 'GET', 'k'));
      await ctx.call('DISCARD is allowed', () => raw(d, 'DISCARD'));
      await ctx.call('DISCARD again: no MULTI', () => raw(d, 'DISCARD'));
      await ctx.call('MULTI then EXEC with nothing queued', async () => [await raw(d, 'MULTI'), await raw(d, 'EXEC')]);
      await ctx.call('a GET outside MULTI works', () => raw(d, 'GET', 'k'));
      await ctx.call('multi() with a read', () => d.multi().get('k').exec());
      await ctx.call('multi() with a write', () => d.multi().set('k', 'v3').get('k').exec());
      await ctx.call('multi() execAsPipeline', () => d.multi().get('k').set('k', 'v3').execAsPipeline());
      await ctx.call('maxmemory 0 again', () => c.configSet('maxmemory', '0'));
      await ctx.call('multi() runs again', () => d.multi().set('k', 'v4').get('k').exec());
      // a write queued under the limit, limit raised back before EXEC: runs
      await ctx.call('MULTI under the limit', () => raw(d, 'MULTI'));
      await ctx.call('queue INCR', () => raw(d, 'INCR', 'cnt'));
      await ctx.call('maxmemory 1 meanwhile', () => c.configSet('maxmemory', '1'));
      await ctx.call('and 0 again before EXEC', () => c.configSet('maxmemory', '0'));
      await ctx.call('EXEC runs', () => raw(d, 'EXEC'));
      await ctx.call('final state', () => c.mGet(['k', 'cnt']));
    } finally {
      await closeQuietly(d);
    }
  });
});

/* ------------------------------------------------------------------ OBJECT */

scenario('OBJECT IDLETIME / FREQ / REFCOUNT: missing keys, policy errors, arity', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('set s', () => c.set('s', 'hello'));
    for (const p of POLICIES) {
      await ctx.call(`policy ${p}`, () => c.configSet('maxmemory-policy', p));
      await ctx.call(`${p}: idletime of a missing key`, () => c.objectIdleTime('nope'));
      await ctx.call(`${p}: freq of a missing key`, () => c.objectFreq('nope'));
      await ctx.call(`${p}: refcount of a missing key`, () => c.objectRefCount('nope'));
      await ctx.shape(`${p}: idletime`, () => c.objectIdleTime('s'), (n) => Number.isInteger(n) && n >= 0);
      if (p.endsWith('-lfu')) {
        await ctx.call(`${p}: freq of a key written under another policy`, () => c.objectFreq('s').then(typeOrNull));
      } else {
        await ctx.call(`${p}: freq`, () => c.objectFreq('s'));
      }
      await ctx.call(`${p}: refcount`, () => c.objectRefCount('s'));
    }
    await ctx.call('raw OBJECT FREQ without a key', () => raw(c, 'OBJECT', 'FREQ'));
    await ctx.call('raw OBJECT FREQ with two keys', () => raw(c, 'OBJECT', 'FREQ', 's', 's'));
    await ctx.call('raw OBJECT IDLETIME with two keys', () => raw(c, 'OBJECT', 'IDLETIME', 's', 's'));
    await ctx.call('raw OBJECT REFCOUNT without a key', () => raw(c, 'OBJECT', 'REFCOUNT'));
    await ctx.call('raw object refcount in lower case', () => raw(c, 'object', 'refcount', 's'));
    await ctx.call('raw OBJECT unknown subcommand', () => raw(c, 'OBJECT', 'NOSUCH', 's'));
    await ctx.call('raw OBJECT alone', () => raw(c, 'OBJECT'));
    await ctx.call('expired key', async () => {
      await c.set('e', 'v', { PX: 1 });
      await ctx.sleep(20);
      return [await c.objectIdleTime('e'), await c.objectRefCount('e')];
    });
    await ctx.call('in a transaction', () => c.multi().objectRefCount('s').objectRefCount('nope').objectIdleTime('nope')
      .exec());
  });
});

scenario('OBJECT REFCOUNT: shared small integers, by policy and limit at write time', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    const values = ['0', '1', '9999', '10000', '-1', '007', '+5', ' 5', '-0', 'hello', '123456789012', '1.5'];
    const setups = [
      ['noeviction, no limit', { 'maxmemory-policy': 'noeviction', maxmemory: '0' }],
      ['allkeys-lru, no limit', { 'maxmemory-policy': 'allkeys-lru', maxmemory: '0' }],
      ['allkeys-lru, 1gb', { 'maxmemory-policy': 'allkeys-lru', maxmemory: '1gb' }],
      ['volatile-lru, 1gb', { 'maxmemory-policy': 'volatile-lru', maxmemory: '1gb' }],
      ['allkeys-lfu, 1gb', { 'maxmemory-policy': 'allkeys-lfu', maxmemory: '1gb' }],
      ['volatile-lfu, 1gb', { 'maxmemory-policy': 'volatile-lfu', maxmemory: '1gb' }],
      ['allkeys-random, 1gb', { 'maxmemory-policy': 'allkeys-random', maxmemory: '1gb' }],
      ['volatile-ttl, 1gb', { 'maxmemory-policy': 'volatile-ttl', maxmemory: '1gb' }],
      ['noeviction, 1gb', { 'maxmemory-policy': 'noeviction', maxmemory: '1gb' }],
    ];
    for (const [label, config] of setups) {
      await ctx.call(`config ${label}`, () => c.configSet(config));
      await ctx.call(`${label}: SET`, async () => {
        const out = [];
        for (const v of values) {
          await c.set('k', v);
          out.push(await c.objectRefCount('k'));
        }
        return out;
      });
      await ctx.call(`${label}: other writes of 5`, async () => {
        await c.del(['a', 'b', 'c', 'd', 'e']);
        await c.mSet({ a: '5' });
        await c.setEx('b', 100, '5');
        await c.incr('c');
        await c.set('d', '20000');
        await c.decrBy('d', 19995);
        await c.set('e', '2');
        await c.incrByFloat('e', 3);
        return Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => c.objectRefCount(k)));
      });
      await ctx.call(`${label}: a list and a hash`, async () => {
        await c.rPush('l', '5');
        await c.hSet('h', 'f', '5');
        return [await c.objectRefCount('l'), await c.objectRefCount('h')];
      });
    }
    await ctx.call('a string built by SETRANGE', async () => {
      await c.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '0' });
      await c.del('r');
      await c.setRange('r', 0, '5');
      return c.objectRefCount('r');
    });
  });
});

scenario('OBJECT REFCOUNT: sharing is decided when the value is written, not when asked', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('noeviction, no limit', () => c.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '0' }));
    await ctx.call('set shared', () => c.set('shared', '100'));
    await ctx.call('refcount while sharing is on', () => c.objectRefCount('shared'));
    await ctx.call('allkeys-lru with a limit', () => c.configSet({ 'maxmemory-policy': 'allkeys-lru', maxmemory: '1gb' }));
    await ctx.call('set unshared', () => c.set('unshared', '100'));
    await ctx.call('refcount of the value written after the change', () => c.objectRefCount('unshared'));
    await ctx.call('refcount of the value written before the change', () => c.objectRefCount('shared'));
    await ctx.call('back to no limit', () => c.configSet('maxmemory', '0'));
    await ctx.call('refcount of the unshared value, no limit', () => c.objectRefCount('unshared'));
    await ctx.call('rename keeps the stored value', () => c.rename('shared', 'renamed'));
    await ctx.call('refcount after rename', () => c.objectRefCount('renamed'));
  });
});

scenario('OBJECT REFCOUNT: COPY of a shared integer makes an unshared one', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('noeviction, no limit', () => c.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '0' }));
    await ctx.call('set shared', () => c.set('shared', '100'));
    await ctx.call('copy', () => c.copy('shared', 'copied'));
    await ctx.call('refcount of the source', () => c.objectRefCount('shared'));
    await ctx.call('refcount of the copy', () => c.objectRefCount('copied'));
  });
});

scenario('OBJECT FREQ under LFU: +1 per access, not for EXISTS/TYPE/TTL/OBJECT', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    // log factor 0: every access counts; decay 0: no minute boundary takes one away;
    // a limit: small integers are not shared objects (whose counter is server-wide)
    await ctx.call('allkeys-lfu', () => c.configSet({ 'maxmemory-policy': 'allkeys-lfu', maxmemory: '1gb',
      'lfu-log-factor': '0', 'lfu-decay-time': '0' }));
    await ctx.call('set f', () => c.set('f', 'x'));
    await ctx.call('a new key starts at 5', () => c.objectFreq('f'));
    await ctx.call('OBJECT FREQ does not count', () => c.objectFreq('f'));
    await ctx.call('three GETs', async () => {
      for (let i = 0; i < 3; i++) await c.get('f');
      return c.objectFreq('f');
    });
    const steps = [
      ['exists', () => c.exists('f')],
      ['type', () => c.type('f')],
      ['ttl', () => c.ttl('f')],
      ['pTTL', () => c.pTTL('f')],
      ['objectEncoding', () => c.objectEncoding('f')],
      ['memoryUsage', () => c.memoryUsage('f')],
      ['scan', () => c.scan('0')],
      ['keys', () => c.keys('*')],
      ['strLen', () => c.strLen('f')],
      ['getRange', () => c.getRange('f', 0, 0)],
      ['mGet of the key twice', () => c.mGet(['f', 'f'])],
      ['append', () => c.append('f', 'y')],
      ['setRange', () => c.setRange('f', 0, 'z')],
      ['set overwrite', () => c.set('f', 'w')],
      ['set GET', () => c.set('f', 'w', { GET: true })],
      ['set NX on the existing key', () => c.set('f', 'w', { NX: true })],
      ['set KEEPTTL', () => c.set('f', 'w', { KEEPTTL: true })],
      ['getSet', () => c.getSet('f', 'v')],
      ['getEx', () => c.getEx('f', { EX: 1000 })],
      ['expire', () => c.expire('f', 2000)],
      ['persist', () => c.persist('f')],
      ['mSet', () => c.mSet({ f: 'm' })],
      ['rename and back', async () => {
        await c.rename('f', 'f2');
        return c.rename('f2', 'f');
      }],
    ];
    for (const [label, fn] of steps) {
      await ctx.call(`after ${label}`, async () => {
        await fn();
        return c.objectFreq('f');
      });
    }
    await ctx.call('incr of a large integer', async () => {
      await c.set('n', '100000');
      await c.incr('n');
      return c.objectFreq('n');
    });
    await ctx.call('a list: push, push, range, len', async () => {
      await c.rPush('l', 'a');
      await c.rPush('l', 'b');
      await c.lRange('l', 0, -1);
      await c.lLen('l');
      return c.objectFreq('l');
    });
    await ctx.call('a hash: hSet, hGet, hExists', async () => {
      await c.hSet('h', 'f', 'v');
      await c.hGet('h', 'f');
      await c.hExists('h', 'f');
      return c.objectFreq('h');
    });
    await ctx.call('a copy starts fresh, the source counts', async () => {
      await c.copy('h', 'h2');
      return [await c.objectFreq('h'), await c.objectFreq('h2')];
    });
    await ctx.call('volatile-lfu tracks the same counter', () => c.configSet('maxmemory-policy', 'volatile-lfu'));
    await ctx.call('freq under volatile-lfu', () => c.objectFreq('l'));
  });
});

scenario('OBJECT FREQ under LFU: TOUCH counts one access per key given', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lfu', () => c.configSet({ 'maxmemory-policy': 'allkeys-lfu', maxmemory: '1gb',
      'lfu-log-factor': '0', 'lfu-decay-time': '0' }));
    await ctx.call('set f', () => c.set('f', 'x'));
    await ctx.call('after touch', async () => {
      await c.touch('f');
      return c.objectFreq('f');
    });
    await ctx.call('after touch of the key twice', async () => {
      await c.touch(['f', 'f', 'nope']);
      return c.objectFreq('f');
    });
  });
});

scenario('OBJECT FREQ under LFU: SET XX counts one access', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lfu', () => c.configSet({ 'maxmemory-policy': 'allkeys-lfu', maxmemory: '1gb',
      'lfu-log-factor': '0', 'lfu-decay-time': '0' }));
    await ctx.call('set f', () => c.set('f', 'x'));
    await ctx.call('after set XX', async () => {
      await c.set('f', 'y', { XX: true });
      return c.objectFreq('f');
    });
    await ctx.call('after set XX GET', async () => {
      await c.set('f', 'z', { XX: true, GET: true });
      return c.objectFreq('f');
    });
  });
});

scenario('OBJECT FREQ under LFU: INCRBYFLOAT counts one access', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lfu', () => c.configSet({ 'maxmemory-policy': 'allkeys-lfu', maxmemory: '1gb',
      'lfu-log-factor': '0', 'lfu-decay-time': '0' }));
    await ctx.call('set n', () => c.set('n', '1.5'));
    await ctx.call('after incrByFloat', async () => {
      await c.incrByFloat('n', 1);
      return c.objectFreq('n');
    });
  });
});

scenario('OBJECT IDLETIME under LRU: grows, reset by access, not by EXISTS/TYPE/TTL', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lru', () => c.configSet({ 'maxmemory-policy': 'allkeys-lru', maxmemory: '1gb' }));
    const untouched = ['exists', 'type', 'ttl', 'objectEncoding', 'objectFreq', 'memoryUsage', 'scan', 'objectIdleTime'];
    const touched = ['get', 'strLen', 'append', 'set XX', 'expire', 'mGet'];
    await ctx.call('write the keys', async () => {
      for (const k of untouched.concat(touched, ['plain'])) await c.set(k, 'v');
      return c.dbSize();
    });
    await ctx.shape('idle time right after writing', () => c.objectIdleTime('plain'), (n) => n >= 0 && n <= 1);
    // LRU clock resolution is one second: 2.2 s later an untouched key is 2 or 3 s idle
    await ctx.sleep(2200);
    await ctx.call('run one command per key', async () => {
      await c.exists('exists');
      await c.type('type');
      await c.ttl('ttl');
      await c.objectEncoding('objectEncoding');
      await c.objectFreq('objectFreq').catch(() => null);
      await c.memoryUsage('memoryUsage');
      await c.scan('0', { COUNT: 1000 });
      await c.objectIdleTime('objectIdleTime');
      await c.get('get');
      await c.strLen('strLen');
      await c.append('append', 'x');
      await c.set('set XX', 'w', { XX: true });
      await c.expire('expire', 1000);
      await c.mGet(['mGet']);
      return 'done';
    });
    for (const k of untouched.concat(['plain'])) {
      await ctx.shape(`${k} keeps its idle time`, () => c.objectIdleTime(k), (n) => n >= 2 && n <= 4);
    }
    for (const k of touched) {
      await ctx.shape(`${k} resets the idle time`, () => c.objectIdleTime(k), (n) => n >= 0 && n <= 1);
    }
  });
});

scenario('OBJECT IDLETIME under LRU: TOUCH resets the idle time', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lru', () => c.configSet({ 'maxmemory-policy': 'allkeys-lru', maxmemory: '1gb' }));
    await ctx.call('set t', () => c.set('t', 'v'));
    await ctx.sleep(2200);
    await ctx.call('touch', () => c.touch('t'));
    await ctx.shape('idle time after touch', () => c.objectIdleTime('t'), (n) => n >= 0 && n <= 1);
  });
});

/* ------------------------------------------------------------------ MEMORY USAGE */

scenario('MEMORY USAGE: an integer per type, null for a missing key, option errors', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('fill', () => c.multi().set('s', 'hello').set('i', '100').rPush('l', ['a', 'b'])
      .hSet('h', 'f', 'v').sAdd('st', ['m']).zAdd('z', { score: 1, value: 'm' }).exec());
    for (const k of ['s', 'i', 'l', 'h', 'st', 'z']) {
      await ctx.shape(`usage of ${k}`, () => c.memoryUsage(k), isPositiveInt);
    }
    await ctx.call('missing key', () => c.memoryUsage('nope'));
    await ctx.shape('Buffer key', () => c.memoryUsage(Buffer.from('s')), isPositiveInt);
    await ctx.shape('SAMPLES 0 (all)', () => c.memoryUsage('l', { SAMPLES: 0 }), isPositiveInt);
    await ctx.shape('SAMPLES 5', () => c.memoryUsage('l', { SAMPLES: 5 }), isPositiveInt);
    await ctx.call('SAMPLES on a missing key', () => c.memoryUsage('nope', { SAMPLES: 5 }));
    await ctx.call('SAMPLES -1', () => c.memoryUsage('l', { SAMPLES: -1 }));
    await ctx.call('raw SAMPLES x', () => raw(c, 'MEMORY', 'USAGE', 'l', 'SAMPLES', 'x'));
    await ctx.call('raw SAMPLES x on a missing key', () => raw(c, 'MEMORY', 'USAGE', 'nope', 'SAMPLES', 'x'));
    await ctx.call('raw SAMPLES 1.5', () => raw(c, 'MEMORY', 'USAGE', 'l', 'SAMPLES', '1.5'));
    await ctx.call('raw SAMPLES overflowing', () => raw(c, 'MEMORY', 'USAGE', 'l', 'SAMPLES', '99999999999999999999'));
    await ctx.call('raw SAMPLES without a count', () => raw(c, 'MEMORY', 'USAGE', 'l', 'SAMPLES'));
    await ctx.call('raw unknown option', () => raw(c, 'MEMORY', 'USAGE', 'l', 'FOO', '1'));
    await ctx.call('raw unknown option on a missing key', () => raw(c, 'MEMORY', 'USAGE', 'nope', 'FOO'));
    await ctx.shape('raw lower case', () => raw(c, 'memory', 'usage', 'l', 'samples', '3'), isPositiveInt);
    await ctx.shape('raw SAMPLES twice', () => raw(c, 'MEMORY', 'USAGE', 'l', 'SAMPLES', '3', 'SAMPLES', '4'),
      isPositiveInt);
    await ctx.call('raw MEMORY USAGE without a key', () => raw(c, 'MEMORY', 'USAGE'));
    await ctx.call('raw MEMORY alone', () => raw(c, 'MEMORY'));
    await ctx.call('raw MEMORY unknown subcommand', () => raw(c, 'MEMORY', 'NOSUCH'));
    await ctx.call('a bigger value uses more', async () => {
      const small = await c.memoryUsage('s');
      await c.set('s', 'x'.repeat(10000));
      const big = await c.memoryUsage('s');
      return big > small && big >= 10000;
    });
    await ctx.call('more list elements use more', async () => {
      const before = await c.memoryUsage('l');
      await c.rPush('l', Array.from({ length: 200 }, (_, i) => `element-${i}`));
      return (await c.memoryUsage('l')) > before;
    });
    await ctx.call('in a transaction', () => c.multi().memoryUsage('s').memoryUsage('nope').exec(),
      { norm: (r) => (Array.isArray(r) ? r.map(typeOrNull) : r) });
    await ctx.call('noeviction, over the limit', () => c.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '1' }));
    await ctx.shape('MEMORY USAGE works over the limit', () => c.memoryUsage('s'), isPositiveInt);
    await ctx.shape('OBJECT REFCOUNT works over the limit', () => c.objectRefCount('s'), isPositiveInt);
  });
});

/* ------------------------------------------------------------------ INFO */

const MEMORY_FIELDS = ['used_memory', 'used_memory_human', 'used_memory_peak', 'used_memory_peak_human',
  'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'mem_fragmentation_ratio', 'lazyfree_pending_objects'];

const HUMAN = /^\d+(\.\d\d)?[BKMGTP]$/;

/* The facts about INFO memory that must hold on any server. */
function memoryShape(text) {
  const f = infoFields(text);
  return {
    header: text.startsWith('# Memory\r\n'),
    present: MEMORY_FIELDS.filter((k) => k in f),
    used_memory: /^\d+$/.test(f.used_memory) && Number(f.used_memory) > 0,
    used_memory_human: HUMAN.test(f.used_memory_human),
    used_memory_peak: /^\d+$/.test(f.used_memory_peak) && Number(f.used_memory_peak) >= Number(f.used_memory),
    used_memory_peak_human: HUMAN.test(f.used_memory_peak_human),
    mem_fragmentation_ratio: /^\d+\.\d\d$/.test(f.mem_fragmentation_ratio),
    // redlite frees big collections in cron slices even on a synchronous DEL/FLUSHALL:
    // its count may be briefly above redis-server's 0, so only the format is compared
    lazyfree_pending_objects: /^\d+$/.test(f.lazyfree_pending_objects),
    maxmemory: f.maxmemory,
    maxmemory_human: f.maxmemory_human,
    maxmemory_policy: f.maxmemory_policy,
  };
}

scenario('INFO memory: fields present, maxmemory and policy as set; INFO stats evicted_keys', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    const settings = [['0', 'noeviction'], ['123', 'allkeys-lru'], ['1000', 'volatile-lfu'], ['1024', 'allkeys-lfu'],
      ['3mb', 'volatile-ttl'], ['1000000', 'volatile-random'], ['1048576', 'allkeys-random'],
      ['1500000000', 'volatile-lru'], ['1099511627776', 'noeviction'], ['1125899906842624', 'allkeys-lru']];
    for (const [mm, policy] of settings) {
      await ctx.call(`set ${mm} ${policy}`, () => c.configSet({ maxmemory: mm, 'maxmemory-policy': policy }));
      await ctx.shape(`INFO memory with ${mm} ${policy}`, () => c.info('memory'), memoryShape);
    }
    await ctx.call('noeviction, no limit', () => c.configSet({ maxmemory: '0', 'maxmemory-policy': 'noeviction' }));
    await ctx.call('write 100 keys', async () => {
      const before = await usedMemory(c);
      for (let i = 0; i < 100; i++) await c.set(`key:${i}`, 'x'.repeat(500));
      return (await usedMemory(c)) > before;
    });
    await ctx.shape('the peak follows', () => c.info('memory'), (t) => {
      const f = infoFields(t);
      return Number(f.used_memory_peak) >= Number(f.used_memory);
    });
    await ctx.shape('raw INFO MEMORY', () => raw(c, 'INFO', 'MEMORY'), memoryShape);
    await ctx.shape('INFO (default) has the memory section', () => c.info(), (t) => {
      const f = infoFields(t);
      return [t.includes('\r\n# Memory\r\n'), MEMORY_FIELDS.filter((k) => k in f), f.maxmemory_policy];
    });
    await ctx.shape('INFO all has the memory section', () => c.info('all'), (t) => {
      const f = infoFields(t);
      return [t.includes('\r\n# Memory\r\n'), MEMORY_FIELDS.filter((k) => k in f)];
    });
    await ctx.shape('INFO everything has the memory section', () => c.info('everything'), (t) => t.includes('# Memory\r\n'));
    await ctx.shape('INFO server has no memory section', () => c.info('server'), (t) => t.includes('# Memory'));
    await ctx.shape('INFO stats has evicted_keys', () => c.info('stats'),
      (t) => /^\d+$/.test(infoFields(t).evicted_keys || ''));
    await ctx.shape('INFO memory has no evicted_keys', () => c.info('memory'), (t) => 'evicted_keys' in infoFields(t));
    await ctx.shape('raw INFO memory stats', () => raw(c, 'INFO', 'memory', 'stats'), (t) => {
      const f = infoFields(t);
      return [t.includes('# Memory\r\n'), t.includes('# Stats\r\n'), 'maxmemory_policy' in f, 'evicted_keys' in f];
    });
    await ctx.call('CONFIG RESETSTAT', () => c.configResetStat());
    await ctx.call('evicted_keys after CONFIG RESETSTAT', () => infoField(c, 'stats', 'evicted_keys'));
  });
});

/* ------------------------------------------------------------------ eviction */

const EVICTION_MARGIN = 100000; // bytes above this side's own used_memory
const WRITES = 300;
const VALUE = 'v'.repeat(1000);

/* Subscribes a duplicate of 'c' to every keyspace/keyevent channel; returns it and the log. */
async function eventLog(c) {
  const sub = await open(c);
  const log = [];
  const show = (v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v);
  await sub.pSubscribe('__key*__:*', (message, channel) => log.push([show(channel), show(message)]));
  return { sub, log };
}

/* Eviction under an allkeys-* policy, writes to db 'db', events enabled with 'flags'. */
function allkeysScenario(policy, db, flags) {
  scenario(`${policy}: over the limit keys are evicted, '${flags}' publishes evicted events (db ${db})`, async (c, ctx) => {
    await withMemoryConfig(c, async () => {
      const { sub, log } = await eventLog(c);
      try {
        await ctx.call('policy', () => c.configSet({ 'maxmemory-policy': policy, 'maxmemory-eviction-tenacity': '100' }));
        await ctx.call('notifications', () => c.configSet('notify-keyspace-events', flags));
        await ctx.call(`select ${db}`, () => c.select(db));
        const evictedBefore = await evictedKeys(c);
        const limit = (await usedMemory(c)) + EVICTION_MARGIN;
        await ctx.call('maxmemory = used_memory + margin', () => c.configSet('maxmemory', String(limit)));
        const names = [];
        let failures = 0;
        for (let i = 0; i < WRITES; i++) {
          names.push(`key:${i}`);
          await c.set(`key:${i}`, VALUE).catch(() => failures++);
        }
        ctx.note('every write succeeded', failures === 0);
        await ctx.call('maxmemory 0 stops evicting', () => c.configSet('maxmemory', '0'));
        const size = await c.dbSize();
        const evicted = (await evictedKeys(c)) - evictedBefore;
        ctx.note('some keys were evicted', evicted > 0);
        ctx.note('some keys survive', size > 0);
        ctx.note('evicted_keys grew by the number of keys gone', WRITES - size === evicted);
        const keyevent = `__keyevent@${db}__:evicted`;
        await until(() => log.filter(([ch]) => ch === keyevent).length >= evicted);
        const byEvent = log.filter(([ch]) => ch === keyevent).map(([, key]) => key);
        ctx.note('one keyevent message per evicted key', byEvent.length === evicted);
        ctx.note('no key evicted twice', new Set(byEvent).size === byEvent.length);
        ctx.note('every event names a written key', byEvent.every((k) => names.includes(k)));
        const exist = byEvent.length ? await c.exists(byEvent) : 0;
        ctx.note('evicted keys are gone', exist === 0);
        if (flags.includes('K')) {
          const prefix = `__keyspace@${db}__:`;
          const spaceEvents = () => log.filter(([ch, msg]) => ch.startsWith(prefix) && msg === 'evicted');
          await until(() => spaceEvents().length >= evicted);
          const bySpace = spaceEvents().map(([ch]) => ch.slice(prefix.length));
          ctx.note('one keyspace message per evicted key, same keys',
            bySpace.length === evicted && bySpace.every((k, i) => k === byEvent[i]));
        }
        ctx.note('no other channel carries evicted', log.every(([ch, msg]) => msg !== 'evicted' ||
          ch.startsWith(`__keyspace@${db}__:`)));
        await ctx.call('writes work after maxmemory 0', () => c.set('after', 'x'));
      } finally {
        await closeQuietly(sub);
      }
    });
  });
}

allkeysScenario('allkeys-lru', 0, 'Ee');
allkeysScenario('allkeys-lfu', 0, 'KEA');
allkeysScenario('allkeys-random', 3, 'KEe');

/* Eviction under a volatile-* policy: keys without a TTL are never evicted. */
function volatileScenario(policy) {
  scenario(`${policy}: only keys with a TTL are evicted; then OOM`, async (c, ctx) => {
    await withMemoryConfig(c, async () => {
      const { sub, log } = await eventLog(c);
      try {
        await ctx.call('policy', () => c.configSet({ 'maxmemory-policy': policy, 'maxmemory-eviction-tenacity': '100' }));
        await ctx.call('notifications', () => c.configSet('notify-keyspace-events', 'Ee'));
        const persistent = Array.from({ length: 30 }, (_, i) => `keep:${i}`);
        await ctx.call('write keys without a TTL', async () => {
          for (const k of persistent) await c.set(k, VALUE);
          return c.dbSize();
        });
        const evictedBefore = await evictedKeys(c);
        const limit = (await usedMemory(c)) + EVICTION_MARGIN;
        await ctx.call('maxmemory = used_memory + margin', () => c.configSet('maxmemory', String(limit)));
        const volatile = [];
        let failures = 0;
        for (let i = 0; i < WRITES; i++) {
          volatile.push(`ttl:${i}`);
          await c.set(`ttl:${i}`, VALUE, { EX: 1000 + i }).catch(() => failures++);
        }
        ctx.note('every write succeeded', failures === 0);
        await ctx.call('keys without a TTL all survive', () => c.exists(persistent));
        const survivors = await c.exists(volatile);
        const evicted = (await evictedKeys(c)) - evictedBefore;
        ctx.note('some keys with a TTL were evicted', evicted > 0 && survivors < WRITES);
        ctx.note('evicted_keys grew by the number of keys gone', WRITES - survivors === evicted);
        const keyevent = '__keyevent@0__:evicted';
        await until(() => log.filter(([ch]) => ch === keyevent).length >= evicted);
        const byEvent = log.filter(([ch]) => ch === keyevent).map(([, key]) => key);
        ctx.note('one event per evicted key, all of them keys with a TTL',
          byEvent.length === evicted && byEvent.every((k) => volatile.includes(k)));
        // Over the limit with only keys without a TTL left: nothing can be evicted.
        await ctx.call('maxmemory 1', () => c.configSet('maxmemory', '1'));
        await ctx.call('a write is refused', () => c.set('one-more', 'x'));
        await ctx.call('no key with a TTL is left', () => c.exists(volatile));
        await ctx.call('keys without a TTL still all there', () => c.exists(persistent));
        await ctx.call('dbSize', () => c.dbSize());
        const total = (await evictedKeys(c)) - evictedBefore;
        ctx.note('every key with a TTL was evicted, and counted', total === WRITES);
        await until(() => log.filter(([ch]) => ch === keyevent).length >= WRITES);
        ctx.note('one event per key with a TTL', log.filter(([ch]) => ch === keyevent).length === WRITES);
        await ctx.call('reads still work', () => c.get('keep:0').then((v) => v === VALUE));
        await ctx.call('deletes still work', () => c.del('keep:0'));
      } finally {
        await closeQuietly(sub);
      }
    });
  });
}

for (const policy of ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl']) volatileScenario(policy);

scenario('an evicting policy with nothing left to evict answers OOM', async (c, ctx) => {
  await withMemoryConfig(c, async () => {
    await ctx.call('allkeys-lru, tenacity 100', () => c.configSet({ 'maxmemory-policy': 'allkeys-lru',
      'maxmemory-eviction-tenacity': '100' }));
    await ctx.call('write 10 keys', () => c.mSet(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v']))));
    const before = await evictedKeys(c);
    await ctx.call('maxmemory 1', () => c.configSet('maxmemory', '1'));
    await ctx.call('set: everything evicted, still over: OOM', () => c.set('new', 'v'));
    await ctx.call('dbSize', () => c.dbSize());
    ctx.note('evicted_keys grew by 10', (await evictedKeys(c)) - before === 10);
    await ctx.call('incr', () => c.incr('n'));
    await ctx.call('get', () => c.get('new'));
    await ctx.call('volatile-lru with keys without a TTL only', async () => {
      await c.configSet('maxmemory', '0');
      await c.configSet('maxmemory-policy', 'volatile-lru');
      await c.mSet({ a: '1', b: '2' });
      await c.configSet('maxmemory', '1');
      return c.set('c', '3');
    });
    await ctx.call('nothing evicted', () => c.mGet(['a', 'b', 'c']));
    await ctx.call('a delete frees nothing enough, still OOM', async () => {
      await c.del('a');
      return c.set('c', '3');
    });
  });
});

module.exports = g;
