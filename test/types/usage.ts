// Type-level usage of index.d.ts. `tsc -p test/types` checks it (strict); types.spec.js also
// transpiles it and runs main() against the real binding, so every typed call here is also a
// call that works at run time, and the `check` lines confirm the reply types.
import {
  createClient,
  RedisClient,
  RedisClientType,
  RedisClientOptions,
  RedisMulti,
  RESP_TYPES,
  DEFAULT_RESP,
  ErrorReply,
  SimpleError,
  BlobError,
  MultiErrorReply,
  WatchError,
  ClientClosedError,
  ClientOfflineError,
  DisconnectsClientError,
  SocketClosedUnexpectedlyError,
  ConnectionTimeoutError,
  TimeoutError,
  AbortError,
  ReconnectStrategyError,
  RedisArgument,
  RedisVariadicArgument,
  SetOptions,
  GetExOptions,
  ScanOptions,
  HScanIteratorOptions,
  HSETObject,
  HashEntry,
  SScanIteratorOptions,
  SInterCardOptions,
  ListSide,
  LPosOptions,
  LMPopOptions,
  SortedSetMember,
  SortedSetEntry,
  ZAddOptions,
  ZRangeOptions,
  ZKeys,
  ZScanIteratorOptions,
  MSetArguments,
  TypeMapping,
  ReplyUnion,
  cacheMiddleware,
  CacheMiddleware,
  createCache,
  Cache,
  CacheNamespace,
  escapeGlob,
  writeThrough,
  createWriteBehind,
  WriteBehind
} from '../../index';
import redlite = require('../../index');
import { RedisStore, SessionData } from '../../session';

// ---- helpers --------------------------------------------------------------------------------

/** Exact type equality: `exact<A, B>(true)` compiles only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function exact<A, B>(ok: Equal<A, B>): void {
  void ok;
}

/** A run-time check (usage.ts is also executed by types.spec.js). */
function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`usage.ts: ${what}`);
}

/** Resolves to what `promise` rejected with; throws if it resolved. */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error(`usage.ts: ${what} should reject`);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

// ---- module surface -------------------------------------------------------------------------

exact<typeof DEFAULT_RESP, 3>(true);
exact<typeof RESP_TYPES.BLOB_STRING, 36>(true);
exact<typeof redlite.createClient, typeof createClient>(true);
const arg: RedisArgument = Buffer.from('x');
const variadic: RedisVariadicArgument = ['a', Buffer.from('b')];
void arg;
void variadic;

const options: RedisClientOptions = {
  url: 'redis://user:pw@localhost:6399/1',
  socket: { host: 'localhost', port: 6399, tls: false, connectTimeout: 1000, reconnectStrategy: (retries) => retries * 50 },
  database: 1,
  username: 'user',
  password: 'pw',
  name: 'usage',
  RESP: 3,
  commandOptions: { timeout: 1000 },
  disableOfflineQueue: true,
  keyPrefix: 'app:'
};
void options;
const unixClient = createClient({ socket: { path: '/tmp/redlite-usage.sock' } });
const tlsClient = createClient({ url: 'rediss://localhost:6400', socket: { rejectUnauthorized: false } });
void unixClient;
void tlsClient;

const parsed = RedisClient.parseURL('redis://:secret@example:7000/3');
exact<typeof parsed.socket.host, string>(true);
exact<typeof parsed.database, number | undefined>(true);

// ---- the runnable part ----------------------------------------------------------------------

export async function main(): Promise<void> {
  const client = createClient({ socket: { port: 47001 } });
  exact<typeof client, RedisClient<{}>>(true);
  const typed: RedisClientType = client;
  void typed;
  check(client instanceof RedisClient, 'instanceof RedisClient');
  check(!client.isOpen && !client.isReady, 'not open before connect');

  // events and lifecycle
  const events: string[] = [];
  client.on('connect', () => events.push('connect'));
  client.once('ready', () => events.push('ready'));
  client.on('end', () => events.push('end'));
  client.on('error', (err: Error) => events.push(`error ${err.message}`));
  client.on('anything-else', (...args: any[]) => void args);

  // a command before connect rejects ClientClosedError
  const early = await rejection(client.get('k'), 'get before connect');
  check(early instanceof ClientClosedError, 'ClientClosedError before connect');

  const connected = await client.connect();
  exact<typeof connected, typeof client>(true);
  check(connected === client && client.isOpen && client.isReady, 'connect resolves to the client');
  check(events.join() === 'connect,ready', 'connect, ready events');
  const isOpen: boolean = client.isOpen;
  const flags: boolean[] = [isOpen, client.isReady, client.isPubSubActive, client.isWatching, client.isDirtyWatch];
  void flags;
  const opts: RedisClientOptions = client.options;
  void opts;
  client.ref();
  client.unref();

  await client.flushAll();

  // ---- strings ----
  const setReply = await client.set('s', 'v');
  exact<typeof setReply, string | null>(true);
  check(setReply === 'OK', 'set');
  await client.set('n', 42);
  await client.set(Buffer.from('bk'), Buffer.from('bv'));
  await client.set('e1', 'v', { expiration: { type: 'EX', value: 100 } });
  await client.set('e2', 'v', { expiration: { type: 'PX', value: 100000 } });
  await client.set('e3', 'v', { expiration: { type: 'EXAT', value: Math.floor(Date.now() / 1000) + 100 } });
  await client.set('e4', 'v', { expiration: { type: 'PXAT', value: Date.now() + 100000 } });
  await client.set('e1', 'w', { expiration: 'KEEPTTL' });
  await client.set('e1', 'w', { expiration: { type: 'KEEPTTL' } });
  check((await client.set('e1', 'x', { condition: 'NX' })) === null, 'SET NX on existing key is null');
  await client.set('e5', 'v', { condition: 'NX', expiration: { type: 'EX', value: 10 }, GET: true });
  check((await client.set('e5', 'v2', { GET: true })) === 'v', 'SET GET returns the old value');
  // the deprecated flat shape
  await client.set('f1', 'v', { EX: 100 });
  await client.set('f2', 'v', { PX: 100000, NX: true });
  await client.set('f3', 'v', { EXAT: Math.floor(Date.now() / 1000) + 100, XX: false });
  await client.set('f4', 'v', { PXAT: Date.now() + 100000 });
  await client.set('f1', 'v', { KEEPTTL: true, XX: true });
  const setOptions: SetOptions = { expiration: { type: 'EX', value: 5 }, condition: 'XX' };
  await client.SET('f1', 'v', setOptions);

  const got = await client.get('s');
  exact<typeof got, string | null>(true);
  check(got === 'v', 'get');
  check((await client.GET('missing')) === null, 'GET missing');
  check((await client.get('n')) === '42', 'set number value');

  const nx = await client.setNX('snx', 'v');
  exact<typeof nx, number>(true);
  check(nx === 1, 'setNX');
  const okEx = await client.setEx('se', 100, 'v');
  exact<typeof okEx, 'OK'>(true);
  await client.pSetEx('pse', 100000, 'v');

  await client.mSet({ m1: 'a', m2: 'b' });
  await client.mSet([['m3', 'c'], ['m4', Buffer.from('d')]]);
  await client.mSet(['m5', 'e', 'm6', 'f']);
  const pairs: MSetArguments = { m7: 'g' };
  check((await client.mSetNX(pairs)) === 1, 'mSetNX');
  const many = await client.mGet(['m1', 'm2', 'nope']);
  exact<typeof many, Array<string | null>>(true);
  check(many.length === 3 && many[2] === null, 'mGet');

  check((await client.getSet('m1', 'z')) === 'a', 'getSet');
  check((await client.getDel('m1')) === 'z', 'getDel');
  const exOptions: GetExOptions = { type: 'EX', value: 100 };
  await client.getEx('m2', exOptions);
  await client.getEx('m2', { type: 'PX', value: 100000 });
  await client.getEx('m2', { type: 'EXAT', value: new Date(Date.now() + 100000) });
  await client.getEx('m2', { type: 'PXAT', value: Date.now() + 100000 });
  await client.getEx('m2', { EX: 100 });
  await client.getEx('m2', { PXAT: new Date(Date.now() + 100000) });
  check((await client.getEx('m2', { type: 'PERSIST' })) === 'b', 'getEx');
  await client.getEx('m2', { PERSIST: true });

  check((await client.append('ap', 'hello')) === 5, 'append');
  check((await client.strLen('ap')) === 5, 'strLen');
  const range = await client.getRange('ap', 0, 1);
  exact<typeof range, string>(true);
  check(range === 'he', 'getRange');
  check((await client.setRange('ap', 0, 'J')) === 5, 'setRange');
  check((await client.incr('cnt')) === 1, 'incr');
  check((await client.incrBy('cnt', 10)) === 11, 'incrBy');
  const fl = await client.incrByFloat('fl', 1.5);
  exact<typeof fl, string>(true);
  check(fl === '1.5', 'incrByFloat is a string');
  check((await client.decr('cnt')) === 10, 'decr');
  check((await client.decrBy('cnt', 3)) === 7, 'decrBy');

  // ---- hashes ----
  const hs = await client.hSet('h', 'f1', 'v1');
  exact<typeof hs, number>(true);
  check(hs === 1, 'hSet field value');
  const record: HSETObject = { f2: 'v2', f3: 3 };
  check((await client.hSet('h', record)) === 2, 'hSet object');
  check((await client.hSet('h', new Map<string | number, string | number>([['f4', 'v4'], [5, 6]]))) === 2, 'hSet Map');
  check((await client.hSet('h', [['f6', 'v6'], ['f7', Buffer.from('v7')]])) === 2, 'hSet tuples');
  check((await client.hSet('h', ['f8', 'v8', 'f9', 9])) === 2, 'hSet flat array');
  check((await client.HSET('h', 10, 11)) === 1, 'HSET numbers');
  check((await client.hSetNX('h', 'f1', 'x')) === 0, 'hSetNX existing');
  await client.HSETNX('h', 'fnx', 'x');
  const hv = await client.hGet('h', 'f1');
  exact<typeof hv, string | null>(true);
  check(hv === 'v1', 'hGet');
  check((await client.HGET('h', 'nofield')) === null, 'HGET missing field');
  const hm = await client.hmGet('h', ['f1', 'nofield', 'f2']);
  exact<typeof hm, Array<string | null>>(true);
  check(hm.length === 3 && hm[1] === null, 'hmGet');
  await client.HMGET('h', 'f1');
  const all = await client.hGetAll('h');
  exact<typeof all, Record<string, string>>(true);
  check(all.f1 === 'v1' && all['5'] === '6' && Object.getPrototypeOf(all) === Object.prototype, 'hGetAll');
  check(Object.keys(await client.HGETALL('nokey')).length === 0, 'HGETALL missing key');
  check((await client.hDel('h', 'f9')) === 1, 'hDel');
  check((await client.HDEL('h', ['f8', 'nofield'])) === 1, 'HDEL array');
  check((await client.hExists('h', 'f1')) === 1, 'hExists');
  await client.HEXISTS('h', 'nofield');
  const hl = await client.hLen('h');
  exact<typeof hl, number>(true);
  await client.HLEN('h');
  check((await client.hStrLen('h', 'f1')) === 2, 'hStrLen');
  await client.HSTRLEN('h', 'f1');
  const hk = await client.hKeys('h');
  exact<typeof hk, string[]>(true);
  check(hk.length === hl, 'hKeys');
  await client.HKEYS('h');
  const hvals = await client.hVals('h');
  check(hvals.length === hl, 'hVals');
  await client.HVALS('h');
  check((await client.hIncrBy('h', 'cnt', 5)) === 5, 'hIncrBy');
  await client.HINCRBY('h', 'cnt', -2);
  const hf = await client.hIncrByFloat('h', 'fl', 1.25);
  exact<typeof hf, string>(true);
  check(hf === '1.25', 'hIncrByFloat is a string');
  await client.HINCRBYFLOAT('h', 'fl', 1.75);
  const rf = await client.hRandField('h');
  exact<typeof rf, string | null>(true);
  // hIncrBy/hIncrByFloat added fields since hk was read: compare with the current fields
  check(isString(rf) && (await client.hKeys('h')).includes(rf), 'hRandField');
  await client.HRANDFIELD('nokey');
  const rfc = await client.hRandFieldCount('h', 2);
  exact<typeof rfc, string[]>(true);
  check(rfc.length === 2, 'hRandFieldCount');
  await client.HRANDFIELD_COUNT('h', -3);
  const rfv = await client.hRandFieldCountWithValues('h', 2);
  exact<typeof rfv, Array<HashEntry<{}>>>(true);
  check(rfv.length === 2 && isString(rfv[0].field) && isString(rfv[0].value), 'hRandFieldCountWithValues');
  await client.HRANDFIELD_COUNT_WITHVALUES('h', 1);
  const hpage = await client.hScan('h', '0', { MATCH: 'f*', COUNT: 100 });
  exact<typeof hpage, { cursor: string; entries: Array<{ field: string; value: string }> }>(true);
  check(hpage.cursor === '0' && hpage.entries.every((e) => isString(e.field) && isString(e.value)), 'hScan');
  await client.HSCAN('h', '0');
  // NOVALUES needs Redis 7.4: redis-server 7.0 rejects it (ERR syntax error).
  const nv = await client.hScanNoValues('h', '0').catch((err: unknown) => err);
  check(nv instanceof SimpleError || (typeof nv === 'object' && nv !== null && 'fields' in nv), 'hScanNoValues');
  await client.HSCAN_NOVALUES('h', '0', { COUNT: 10 }).catch(() => null);
  const hOptions: HScanIteratorOptions = { MATCH: 'f*', COUNT: 5, cursor: '0' };
  let hcount = 0;
  for await (const entries of client.hScanIterator('h', hOptions)) {
    exact<typeof entries, Array<HashEntry<{}>>>(true);
    hcount += entries.length;
  }
  check(hcount > 0, 'hScanIterator');
  for await (const values of client.hScanValuesIterator('h')) {
    exact<typeof values, string[]>(true);
    check(values.every(isString), 'hScanValuesIterator');
  }
  const noValues = client.hScanNoValuesIterator('h');
  exact<typeof noValues, AsyncGenerator<string[], void, unknown>>(true);
  const hashBuffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const hb = await hashBuffers.hGet('h', 'f1');
  exact<typeof hb, Buffer | null>(true);
  check(Buffer.isBuffer(hb), 'hGet as Buffer');
  const hbAll = await hashBuffers.hGetAll('h');
  exact<typeof hbAll, Record<string, Buffer>>(true);
  const hbScan = await hashBuffers.hScan('h', '0');
  exact<typeof hbScan.entries, Array<{ field: Buffer; value: Buffer }>>(true);
  const asMap = client.withTypeMapping({ [RESP_TYPES.MAP]: Map });
  exact<Awaited<ReturnType<typeof asMap.hGetAll>>, Map<string, string>>(true);
  const asArray = client.withTypeMapping({ [RESP_TYPES.MAP]: Array });
  exact<Awaited<ReturnType<typeof asArray.hGetAll>>, string[]>(true);
  const hchain = client.multi().hSet('mh', { a: '1' }).hGetAll('mh').hIncrBy('mh', 'a', 1).hScan('mh', '0');
  exact<typeof hchain, RedisMulti<{}, [number, Record<string, string>, number, { cursor: string; entries: Array<HashEntry<{}>> }]>>(true);
  const hreplies = await hchain.execTyped();
  check(hreplies[0] === 1 && hreplies[1].a === '1' && hreplies[2] === 2, 'hashes in MULTI');
  await client.del(['h', 'mh']);

  // ---- sets ----
  const sa = await client.sAdd('set', 'a');
  exact<typeof sa, number>(true);
  check(sa === 1, 'sAdd one');
  check((await client.sAdd('set', ['b', 'c', 'a'])) === 2, 'sAdd array');
  await client.SADD('set2', [Buffer.from('b'), 'c', 'd']);
  check((await client.sRem('set', 'nomember')) === 0, 'sRem');
  await client.SREM('set2', ['x', 'y']);
  const im = await client.sIsMember('set', 'a');
  exact<typeof im, number>(true);
  check(im === 1, 'sIsMember');
  await client.SISMEMBER('set', 'zz');
  const mim = await client.smIsMember('set', ['a', 'zz', 'b']);
  exact<typeof mim, number[]>(true);
  check(mim.join() === '1,0,1', 'smIsMember');
  await client.SMISMEMBER('set', 'a');
  const members = await client.sMembers('set');
  exact<typeof members, string[]>(true);
  check(members.slice().sort().join() === 'a,b,c', 'sMembers');
  await client.SMEMBERS('nokey');
  check((await client.sCard('set')) === 3, 'sCard');
  await client.SCARD('set');
  const inter = await client.sInter(['set', 'set2']);
  exact<typeof inter, string[]>(true);
  check(inter.slice().sort().join() === 'b,c', 'sInter');
  await client.SINTER('set');
  check((await client.sUnion(['set', 'set2'])).length === 4, 'sUnion');
  await client.SUNION('set');
  check((await client.sDiff(['set', 'set2'])).join() === 'a', 'sDiff');
  await client.SDIFF(['set', 'nokey']);
  check((await client.sInterStore('dst', ['set', 'set2'])) === 2, 'sInterStore');
  await client.SINTERSTORE('dst', 'set');
  check((await client.sUnionStore('dst', ['set', 'set2'])) === 4, 'sUnionStore');
  await client.SUNIONSTORE('dst', 'set');
  check((await client.sDiffStore('dst', ['set', 'set2'])) === 1, 'sDiffStore');
  await client.SDIFFSTORE('dst', ['set2', 'set']);
  const card = await client.sInterCard(['set', 'set2']);
  exact<typeof card, number>(true);
  check(card === 2, 'sInterCard');
  const cardOptions: SInterCardOptions = { LIMIT: 1 };
  check((await client.sInterCard(['set', 'set2'], cardOptions)) === 1, 'sInterCard LIMIT');
  await client.SINTERCARD('set', 1);
  check((await client.sMove('set', 'moved', 'a')) === 1, 'sMove');
  await client.SMOVE('moved', 'set', 'a');
  const srm = await client.sRandMember('set');
  exact<typeof srm, string | null>(true);
  check(isString(srm) && ['a', 'b', 'c'].includes(srm), 'sRandMember');
  await client.SRANDMEMBER('nokey');
  const srmc = await client.sRandMemberCount('set', -5);
  exact<typeof srmc, string[]>(true);
  check(srmc.length === 5, 'sRandMemberCount');
  await client.SRANDMEMBER_COUNT('set', 2);
  const popped = await client.sPop('set');
  exact<typeof popped, string | null>(true);
  check(isString(popped) && ['a', 'b', 'c'].includes(popped), 'sPop');
  await client.SPOP('nokey');
  const pc = await client.sPopCount('set', 1);
  exact<typeof pc, string[]>(true);
  check(pc.length === 1, 'sPopCount');
  await client.SPOP_COUNT('nokey', 2);
  const spage = await client.sScan('set2', '0', { MATCH: '*', COUNT: 10 });
  exact<typeof spage, { cursor: string; members: string[] }>(true);
  check(spage.cursor === '0' && spage.members.length === 3, 'sScan');
  await client.SSCAN('set2', '0');
  const sOptions: SScanIteratorOptions = { MATCH: '[bc]', COUNT: 5, cursor: '0' };
  let scount = 0;
  for await (const page of client.sScanIterator('set2', sOptions)) {
    exact<typeof page, string[]>(true);
    scount += page.length;
  }
  check(scount === 2, 'sScanIterator');
  const asSet = client.withTypeMapping({ [RESP_TYPES.SET]: Set });
  const ms = await asSet.sMembers('set2');
  exact<typeof ms, Set<string>>(true);
  check(ms instanceof Set && ms.size === 3, 'sMembers as a Set');
  exact<Awaited<ReturnType<typeof asSet.sRandMemberCount>>, string[]>(true);
  const setBuffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer, [RESP_TYPES.SET]: Set });
  exact<Awaited<ReturnType<typeof setBuffers.sInter>>, Set<Buffer>>(true);
  const schain = client.multi().sAdd('ms', ['a', 'b']).sMembers('ms').sIsMember('ms', 'a').sScan('ms', '0');
  exact<typeof schain, RedisMulti<{}, [number, string[], number, { cursor: string; members: string[] }]>>(true);
  const sreplies = await schain.execTyped();
  check(sreplies[0] === 2 && sreplies[1].length === 2 && sreplies[2] === 1, 'sets in MULTI');
  await client.del(['set', 'set2', 'dst', 'moved', 'ms']);

  // ---- lists ----
  const lp = await client.lPush('l', 'a');
  exact<typeof lp, number>(true);
  check(lp === 1, 'lPush');
  check((await client.lPush('l', ['b', 'c'])) === 3, 'lPush array');
  check((await client.rPush('l', 'x')) === 4, 'rPush');
  await client.RPUSH('l', [Buffer.from('y'), 'z']);
  await client.LPUSH('l', 'p');
  check((await client.lPushX('nolist', 'a')) === 0, 'lPushX missing key');
  await client.LPUSHX('l', 'q');
  check((await client.rPushX('l', 'end')) === 9, 'rPushX');
  await client.RPUSHX('nolist', ['a']);
  const lr = await client.lRange('l', 0, -1);
  exact<typeof lr, string[]>(true);
  check(lr.join() === 'q,p,c,b,a,x,y,z,end', 'lRange');
  await client.LRANGE('l', 1, 2);
  const ll = await client.lLen('l');
  exact<typeof ll, number>(true);
  check(ll === 9, 'lLen');
  await client.LLEN('nolist');
  const lpop = await client.lPop('l');
  exact<typeof lpop, string | null>(true);
  check(lpop === 'q', 'lPop');
  await client.LPOP('nolist');
  check((await client.rPop('l')) === 'end', 'rPop');
  await client.RPOP('l');
  const lpc = await client.lPopCount('l', 2);
  exact<typeof lpc, string[] | null>(true);
  check(lpc !== null && lpc.join() === 'p,c', 'lPopCount');
  check((await client.LPOP_COUNT('nolist', 2)) === null, 'LPOP_COUNT missing key');
  check((await client.rPopCount('l', 1))?.join() === 'y', 'rPopCount');
  await client.RPOP_COUNT('l', 1);
  const li = await client.lIndex('l', 0);
  exact<typeof li, string | null>(true);
  check(li === 'b', 'lIndex');
  await client.LINDEX('l', 100);
  const lset = await client.lSet('l', 0, 'B');
  exact<typeof lset, 'OK'>(true);
  await client.LSET('l', -1, 'X');
  check((await client.lInsert('l', 'BEFORE', 'B', 'first')) === 3, 'lInsert');
  await client.LINSERT('l', 'AFTER', 'nopivot', 'x');
  check((await client.lRem('l', 0, 'first')) === 1, 'lRem');
  await client.LREM('l', -1, 'zz');
  await client.rPush('p', ['a', 'b', 'c', 'b', 'd', 'b']);
  const pos = await client.lPos('p', 'b');
  exact<typeof pos, number | null>(true);
  check(pos === 1, 'lPos');
  const posOptions: LPosOptions = { RANK: -1, MAXLEN: 0 };
  check((await client.LPOS('p', 'b', posOptions)) === 5, 'LPOS RANK -1');
  const posc = await client.lPosCount('p', 'b', 0);
  exact<typeof posc, number[]>(true);
  check(posc.join() === '1,3,5', 'lPosCount');
  await client.LPOS_COUNT('p', 'b', 2, { RANK: 2 });
  const side: ListSide = 'LEFT';
  const moved = await client.lMove('p', 'dst', side, 'RIGHT');
  exact<typeof moved, string | null>(true);
  check(moved === 'a', 'lMove');
  await client.LMOVE('nolist', 'dst', 'RIGHT', 'LEFT');
  check((await client.rPopLPush('p', 'dst')) === 'b', 'rPopLPush');
  await client.RPOPLPUSH('nolist', 'dst');
  const popOptions: LMPopOptions = { COUNT: 2 };
  const mp = await client.lmPop(['nolist', 'dst'], 'LEFT', popOptions);
  exact<typeof mp, [key: string, elements: string[]] | null>(true);
  check(mp !== null && mp[0] === 'dst' && mp[1].join() === 'b,a', 'lmPop');
  check((await client.LMPOP('nolist', 'RIGHT')) === null, 'LMPOP missing keys');
  check((await client.lTrim('p', 1, 2)) === 'OK', 'lTrim');
  await client.LTRIM('p', 5, 1);
  const listBuffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  exact<Awaited<ReturnType<typeof listBuffers.lRange>>, Buffer[]>(true);
  exact<Awaited<ReturnType<typeof listBuffers.lmPop>>, [key: Buffer, elements: Buffer[]] | null>(true);
  const lchain = client.multi().rPush('ml', ['a', 'b']).lRange('ml', 0, -1).lPopCount('ml', 5).lLen('ml');
  exact<typeof lchain, RedisMulti<{}, [number, string[], string[] | null, number]>>(true);
  const lreplies = await lchain.execTyped();
  check(lreplies[0] === 2 && lreplies[1].join() === 'a,b' && lreplies[3] === 0, 'lists in MULTI');
  await client.del(['l', 'p', 'dst']);

  // ---- sorted sets ----
  const za = await client.zAdd('z', { score: 1, value: 'a' });
  exact<typeof za, number>(true);
  check(za === 1, 'zAdd');
  const zmembers: SortedSetMember[] = [{ score: 2, value: 'b' }, { score: 3, value: Buffer.from('c') }];
  check((await client.zAdd('z', zmembers)) === 2, 'zAdd array');
  const zaddOptions: ZAddOptions = { condition: 'XX', comparison: 'GT', CH: true };
  check((await client.ZADD('z', { score: 5, value: 'a' }, zaddOptions)) === 1, 'ZADD XX GT CH');
  await client.zAdd('z', { score: 0, value: 'a' }, { NX: true });
  const zi = await client.zAddIncr('z', { score: 10, value: 'a' });
  exact<typeof zi, number | null>(true);
  check(zi === 15, 'zAddIncr');
  check((await client.ZADD_INCR('z', { score: 1, value: 'new' }, { condition: 'XX' })) === null, 'ZADD_INCR XX refused');
  const zinc = await client.zIncrBy('z', 0.5, 'b');
  exact<typeof zinc, number>(true);
  check(zinc === 2.5, 'zIncrBy');
  await client.ZINCRBY('z', -0.5, 'b');
  const zs = await client.zScore('z', 'b');
  exact<typeof zs, number | null>(true);
  check(zs === 2, 'zScore');
  await client.ZSCORE('z', 'nomember');
  const zms = await client.zmScore('z', ['a', 'nomember']);
  exact<typeof zms, Array<number | null>>(true);
  check(zms[0] === 15 && zms[1] === null, 'zmScore');
  await client.ZMSCORE('z', 'a');
  check((await client.zCard('z')) === 3, 'zCard');
  await client.ZCARD('z');
  check((await client.zCount('z', 2, '+inf')) === 3, 'zCount');
  await client.ZCOUNT('z', '(2', Infinity);
  await client.zAdd('lex', ['p', 'q', 'r', 's'].map((value) => ({ score: 0, value })));
  check((await client.zLexCount('lex', '[q', '+')) === 3, 'zLexCount');
  await client.ZLEXCOUNT('lex', '-', '(r');
  const rank = await client.zRank('z', 'b');
  exact<typeof rank, number | null>(true);
  check(rank === 0, 'zRank');
  await client.ZRANK('z', 'nomember');
  check((await client.zRevRank('z', 'b')) === 2, 'zRevRank');
  await client.ZREVRANK('z', 'a');
  // WITHSCORE needs Redis 7.2: redis-server 7.0 rejects it.
  const rws = await client.zRankWithScore('z', 'b').catch((err: unknown) => err);
  check(rws instanceof SimpleError || (typeof rws === 'object' && rws !== null && 'rank' in rws), 'zRankWithScore');
  await client.ZRANK_WITHSCORE('z', 'b').catch(() => null);
  await client.zRevRankWithScore('z', 'b').catch(() => null);
  await client.ZREVRANK_WITHSCORE('z', 'b').catch(() => null);
  const zr = await client.zRange('z', 0, -1);
  exact<typeof zr, string[]>(true);
  check(zr.join() === 'b,c,a', 'zRange');
  const rangeOptions: ZRangeOptions = { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: 2 } };
  check((await client.ZRANGE('z', '+inf', '-inf', rangeOptions)).join() === 'a,c', 'ZRANGE BYSCORE REV LIMIT');
  const zrw = await client.zRangeWithScores('z', 0, 0);
  exact<typeof zrw, Array<SortedSetEntry<{}>>>(true);
  check(zrw[0].value === 'b' && zrw[0].score === 2, 'zRangeWithScores');
  await client.ZRANGE_WITHSCORES('z', '-inf', '(3', { BY: 'SCORE', REV: false });
  check((await client.zRangeByScore('z', 2, 3)).join() === 'b,c', 'zRangeByScore');
  await client.ZRANGEBYSCORE('z', '-inf', '+inf', { LIMIT: { offset: 1, count: 1 } });
  const zrbs = await client.zRangeByScoreWithScores('z', '(2', 100);
  check(zrbs.length === 2 && zrbs[1].score === 15, 'zRangeByScoreWithScores');
  await client.ZRANGEBYSCORE_WITHSCORES('z', 0, 1);
  check((await client.zRangeByLex('lex', '-', '[q')).join() === 'p,q', 'zRangeByLex');
  await client.ZRANGEBYLEX('lex', '(p', '+', { LIMIT: { offset: 0, count: 1 } });
  check((await client.zRangeStore('zdst', 'z', 0, 1)) === 2, 'zRangeStore');
  await client.ZRANGESTORE('zdst', 'lex', '[p', '[q', { BY: 'LEX' });
  const zu = await client.zUnion(['z', 'lex']);
  exact<typeof zu, string[]>(true);
  check(zu.length === 7, 'zUnion');
  const weighted: ZKeys = [{ key: 'z', weight: 2 }, { key: 'zdst', weight: 1 }];
  await client.ZUNION(weighted, { AGGREGATE: 'MAX' });
  const zuw = await client.zUnionWithScores('z');
  exact<typeof zuw, Array<SortedSetEntry<{}>>>(true);
  await client.ZUNION_WITHSCORES({ key: 'z', weight: 3 });
  check((await client.zInter(['z', 'zdst'])).length === 0, 'zInter');
  await client.ZINTER('z', { AGGREGATE: 'MIN' });
  await client.zInterWithScores(['z', 'z']);
  await client.ZINTER_WITHSCORES(['z', 'z']);
  check((await client.zDiff(['z', 'lex'])).length === 3, 'zDiff');
  await client.ZDIFF('z');
  await client.zDiffWithScores(['z', 'nokey']);
  await client.ZDIFF_WITHSCORES('z');
  check((await client.zUnionStore('zu', ['z', 'lex'])) === 7, 'zUnionStore');
  await client.ZUNIONSTORE('zu', weighted, { AGGREGATE: 'SUM' });
  check((await client.zInterStore('zi', ['z', 'zu'])) === 3, 'zInterStore');
  await client.ZINTERSTORE('zi', 'z');
  check((await client.zDiffStore('zd', ['zu', 'z'])) === 2, 'zDiffStore');
  await client.ZDIFFSTORE('zd', 'z');
  check((await client.zInterCard(['z', 'zu'])) === 3, 'zInterCard');
  await client.ZINTERCARD(['z', 'zu'], { LIMIT: 1 });
  await client.zInterCard('z', 2);
  const zrm = await client.zRandMember('z');
  exact<typeof zrm, string | null>(true);
  check(isString(zrm) && ['a', 'b', 'c'].includes(zrm), 'zRandMember');
  await client.ZRANDMEMBER('nokey');
  const zrmc = await client.zRandMemberCount('z', -5);
  exact<typeof zrmc, string[]>(true);
  check(zrmc.length === 5, 'zRandMemberCount');
  await client.ZRANDMEMBER_COUNT('z', 2);
  const zrmw = await client.zRandMemberCountWithScores('z', 3);
  exact<typeof zrmw, Array<SortedSetEntry<{}>>>(true);
  check(zrmw.length === 3 && zrmw.every((e) => isNumber(e.score)), 'zRandMemberCountWithScores');
  await client.ZRANDMEMBER_COUNT_WITHSCORES('z', -1);
  const zpage = await client.zScan('z', '0', { MATCH: '*', COUNT: 10 });
  exact<typeof zpage, { cursor: string; members: Array<{ value: string; score: number }> }>(true);
  check(zpage.cursor === '0' && zpage.members.length === 3, 'zScan');
  await client.ZSCAN('z', '0');
  const zOptions: ZScanIteratorOptions = { COUNT: 5, cursor: '0' };
  let zcount = 0;
  for await (const page of client.zScanIterator('z', zOptions)) {
    exact<typeof page, Array<{ value: string; score: number }>>(true);
    zcount += page.length;
  }
  check(zcount === 3, 'zScanIterator');
  const pmin = await client.zPopMin('z');
  exact<typeof pmin, SortedSetEntry<{}> | null>(true);
  check(pmin !== null && pmin.value === 'b' && pmin.score === 2, 'zPopMin');
  await client.ZPOPMIN('nokey');
  check((await client.zPopMax('z'))?.value === 'a', 'zPopMax');
  await client.ZPOPMAX('z');
  const pminc = await client.zPopMinCount('lex', 2);
  exact<typeof pminc, Array<SortedSetEntry<{}>>>(true);
  check(pminc.length === 2, 'zPopMinCount');
  await client.ZPOPMIN_COUNT('lex', 1);
  await client.zPopMaxCount('zu', 2);
  await client.ZPOPMAX_COUNT('nokey', 2);
  const zmp = await client.zmPop(['nokey', 'zu'], 'MIN', { COUNT: 2 });
  exact<typeof zmp, { key: string; members: Array<SortedSetEntry<{}>> } | null>(true);
  check(zmp !== null && zmp.key === 'zu' && zmp.members.length === 2, 'zmPop');
  check((await client.ZMPOP('nokey', 'MAX')) === null, 'ZMPOP missing keys');
  await client.zAdd('zr', [{ score: 1, value: 'a' }, { score: 2, value: 'b' }, { score: 3, value: 'c' }]);
  check((await client.zRem('zr', 'a')) === 1, 'zRem');
  await client.ZREM('zr', ['x', 'y']);
  check((await client.zRemRangeByScore('zr', '-inf', '(3')) === 1, 'zRemRangeByScore');
  await client.ZREMRANGEBYSCORE('zr', 10, 20);
  check((await client.zRemRangeByRank('zr', 0, 0)) === 1, 'zRemRangeByRank');
  await client.ZREMRANGEBYRANK('zr', 0, -1);
  await client.zAdd('zl', [{ score: 0, value: 'a' }, { score: 0, value: 'b' }]);
  check((await client.zRemRangeByLex('zl', '[a', '[a')) === 1, 'zRemRangeByLex');
  await client.ZREMRANGEBYLEX('zl', '-', '+');
  const doubles = client.withTypeMapping({ [RESP_TYPES.DOUBLE]: String });
  const zsStr = await doubles.zScore('zi', 'a');
  exact<typeof zsStr, string | null>(true);
  exact<Awaited<ReturnType<typeof doubles.zRangeWithScores>>, Array<{ value: string; score: string }>>(true);
  exact<Awaited<ReturnType<typeof doubles.zScan>>['members'], Array<{ value: string; score: number }>>(true);
  const zbuf = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  exact<Awaited<ReturnType<typeof zbuf.zPopMin>>, { value: Buffer; score: number } | null>(true);
  const zchain = client.multi().zAdd('mz', { score: 1, value: 'a' }).zScore('mz', 'a').zRangeWithScores('mz', 0, -1).zPopMin('mz');
  exact<typeof zchain, RedisMulti<{}, [number, number | null, Array<SortedSetEntry<{}>>, SortedSetEntry<{}> | null]>>(true);
  const zreplies = await zchain.execTyped();
  check(zreplies[0] === 1 && zreplies[1] === 1 && zreplies[2][0].score === 1 && zreplies[3]?.value === 'a', 'sorted sets in MULTI');
  await client.del(['z', 'lex', 'zdst', 'zu', 'zi', 'zd']);

  // ---- keys ----
  check((await client.del('ap')) === 1, 'del one');
  check((await client.del(['m2', 'm3', 'nope'])) === 2, 'del array');
  check((await client.unlink(['m4'])) === 1, 'unlink');
  check((await client.unlink('m5')) === 1, 'unlink one');
  check((await client.exists(['s', 's', 'nope'])) === 2, 'exists');
  check((await client.exists('s')) === 1, 'exists one');
  const t = await client.type('s');
  exact<typeof t, string>(true);
  check(t === 'string', 'type');
  const keys = await client.keys('m*');
  exact<typeof keys, string[]>(true);
  const page = await client.scan('0', { MATCH: '*', COUNT: 100, TYPE: 'string' });
  exact<typeof page, { cursor: string; keys: string[] }>(true);
  check(isString(page.cursor) && Array.isArray(page.keys), 'scan');
  const scanOptions: ScanOptions = { COUNT: 10 };
  await client.SCAN('0', scanOptions);
  check((await client.rename('s', 's2')) === 'OK', 'rename');
  check((await client.renameNX('s2', 'n')) === 0, 'renameNX');
  check((await client.copy('s2', 's3')) === 1, 'copy');
  check((await client.copy('s2', 's4')) === 1 && (await client.move('s4', 5)) === 1, 'move');
  check((await client.copy('s2', 's3', { DB: 1, REPLACE: true })) === 1, 'copy DB REPLACE');
  const rk = await client.randomKey();
  exact<typeof rk, string | null>(true);
  check(isString(rk), 'randomKey');
  check((await client.touch(['s2', 's3'])) === 2, 'touch');
  await client.touch('s2');
  const enc = await client.objectEncoding('n');
  exact<typeof enc, string | null>(true);
  check(enc === 'int', 'objectEncoding');
  await client.OBJECT_ENCODING('s2');
  const idle = await client.objectIdleTime('n');
  exact<typeof idle, number | null>(true);
  check(idle === 0, 'objectIdleTime');
  check((await client.objectRefCount('n')) !== null, 'objectRefCount');
  const usage = await client.memoryUsage('n', { SAMPLES: 0 });
  exact<typeof usage, number | null>(true);
  check(typeof usage === 'number' && usage > 0, 'memoryUsage');
  check((await client.MEMORY_USAGE('nokey')) === null, 'MEMORY_USAGE');
  const lfu = createClient({ socket: { port: 47011 }, maxmemoryPolicy: 'allkeys-lfu', maxkeys: 100, maxmemory: '1mb' });
  await lfu.connect();
  await lfu.set('f', 'v');
  check((await lfu.objectFreq('f')) === 5, 'objectFreq');
  check((await lfu.configGet('maxkeys')).maxkeys === '100', 'maxkeys option');
  await lfu.close();
  // ---- the synchronous facade ----
  const sync = client.sync;
  const synced = sync.set('sync:k', 'v');
  check(synced === 'OK', 'sync.set');
  const syncGot = sync.get('sync:k');
  exact<typeof syncGot, string | null>(true);
  check(syncGot === 'v', 'sync.get');
  const syncN = sync.incr('sync:n');
  exact<typeof syncN, number>(true);
  check(syncN === 1, 'sync.incr');
  const syncZ = sync.zRangeWithScores('nozset', 0, -1);
  check(Array.isArray(syncZ) && syncZ.length === 0, 'sync.zRangeWithScores');
  const syncBuf = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).sync.get('sync:k');
  exact<typeof syncBuf, Buffer | null>(true);
  check(Buffer.isBuffer(syncBuf), 'sync with a type mapping');
  // @ts-expect-error blocking commands are not on the facade
  check(sync.blPop === undefined, 'no sync.blPop');

  const huge = createClient({ socket: { port: 47012 }, hugepages: true });
  await huge.connect();
  check((await huge.configGet('hugepages')).hugepages === 'yes', 'hugepages option');
  await huge.close();

  // ---- expiry ----
  check((await client.expire('s2', 100)) === 1, 'expire');
  await client.expire('s2', 50, 'XX');
  await client.expire('s2', 500, 'GT');
  await client.pExpire('s2', 200000, 'LT');
  await client.expireAt('s2', Math.floor(Date.now() / 1000) + 300);
  await client.expireAt('s2', new Date(Date.now() + 300000), 'NX');
  await client.pExpireAt('s2', Date.now() + 300000);
  await client.pExpireAt('s2', new Date(Date.now() + 300000));
  const ttl = await client.ttl('s2');
  exact<typeof ttl, number>(true);
  check(ttl > 0, 'ttl');
  check((await client.pTTL('s2')) > 0, 'pTTL');
  check((await client.expireTime('s2')) > 0, 'expireTime');
  check((await client.pExpireTime('s2')) > 0, 'pExpireTime');
  check((await client.persist('s2')) === 1, 'persist');

  // ---- server ----
  check((await client.ping()) === 'PONG', 'ping');
  check((await client.ping('hi')) === 'hi', 'ping message');
  check((await client.echo('x')) === 'x', 'echo');
  const [sec, micro] = await client.time();
  exact<typeof sec, string>(true);
  check(isString(sec) && isString(micro), 'time');
  const size = await client.dbSize();
  check(isNumber(size), 'dbSize');
  const info = await client.info('keyspace');
  exact<typeof info, string>(true);
  await client.info();
  check((await client.swapDb(0, 1)) === 'OK', 'swapDb');
  await client.SWAPDB(0, 1);
  await client.select(1);
  const selected = await client.SELECT(0);
  exact<typeof selected, void>(true);
  check((await client.flushDb('ASYNC')) === 'OK', 'flushDb');
  await client.flushDb();
  await client.flushAll('SYNC');
  const id = await client.clientId();
  check(isNumber(id) && id > 0, 'clientId');
  check((await client.configSet('notify-keyspace-events', 'Ex')) === 'OK', 'configSet');
  await client.configSet({ 'notify-keyspace-events': '' });
  const conf = await client.configGet('notify-keyspace-events');
  exact<typeof conf, Record<string, string>>(true);
  check(conf['notify-keyspace-events'] === '', 'configGet');
  check((await client.configResetStat()) === 'OK', 'configResetStat');

  // ---- pub/sub and WATCH ----
  const sub = client.duplicate();
  await sub.connect();
  const heard: Array<[string, string]> = [];
  const heardBuf: Buffer[] = [];
  const onMessage = (message: string, channel: string) => { heard.push([message, channel]); };
  await sub.subscribe('news', onMessage);
  await sub.SUBSCRIBE(['news', 'other'], (message: Buffer) => { heardBuf.push(message); }, true);
  await sub.pSubscribe('n*', (message, channel) => { heard.push([message, channel]); });
  check(sub.isPubSubActive, 'isPubSubActive');
  const receivers = await client.publish('news', 'hi');
  exact<typeof receivers, number>(true);
  check(receivers === 2, 'publish');
  await client.ping(); // delivery happens on a microtask after PUBLISH
  check(heard.length === 2 && heardBuf.length === 1 && Buffer.isBuffer(heardBuf[0]), 'listeners');
  const channels = await client.pubSubChannels('n*');
  check(channels.length === 1, 'pubSubChannels');
  check((await client.pubSubNumSub(['news']))['news'] === 1, 'pubSubNumSub');
  check((await client.pubSubNumPat()) === 1, 'pubSubNumPat');
  check(sub.getPubSubListeners('CHANNELS').get('news')?.strings.size === 1, 'getPubSubListeners');
  await sub.unsubscribe('news', onMessage);
  await sub.UNSUBSCRIBE();
  await sub.pUnsubscribe('n*');
  await sub.PUNSUBSCRIBE();
  const shardHeard: string[] = [];
  await sub.sSubscribe('shard', (message) => { shardHeard.push(message); });
  check((await client.sPublish('shard', 'sm')) === 1 && (await client.publish('shard', 'not shard')) === 0, 'sPublish');
  await client.ping();
  check(shardHeard.length === 1 && shardHeard[0] === 'sm', 'sSubscribe listener');
  check((await client.pubSubShardChannels()).length === 1, 'pubSubShardChannels');
  check((await client.pubSubShardNumSub('shard'))['shard'] === 1, 'pubSubShardNumSub');
  const heir = client.duplicate();
  await heir.connect();
  await heir.extendPubSubListeners('SHARDED', sub.getPubSubListeners('SHARDED'));
  await heir.extendPubSubChannelListeners('CHANNELS', 'extra', { buffers: new Set(), strings: new Set([() => undefined]) });
  check((await client.sPublish('shard', 'to both')) === 2 && (await client.publish('extra', 'x')) === 1, 'extend listeners');
  await client.ping();
  check(shardHeard.length === 3, 'heir listener heard');
  await heir.close();
  await sub.SSUBSCRIBE('shard2', () => undefined);
  await sub.sUnsubscribe('shard2');
  await sub.SUNSUBSCRIBE();
  check(!sub.isPubSubActive, 'unsubscribed');
  check((await client.watch(['w1', 'w2'])) === 'OK' && client.isWatching, 'watch');
  await sub.set('w1', 'changed');
  await client.multi().set('w2', 'x').exec().then(
    () => check(false, 'exec after a watched change'),
    (err: unknown) => check(err instanceof WatchError, 'WatchError')
  );
  await client.WATCH('w1');
  check((await client.unwatch()) === 'OK' && !client.isWatching, 'unwatch');
  await client.UNWATCH();
  await sub.close();

  // ---- blocking pops ----
  const waiter = client.duplicate();
  await waiter.connect();
  const waiting = waiter.blPop(['bq1', 'bq2'], 0);
  await client.rPush('bq2', ['a', 'b', 'c', 'd']);
  const first = await waiting;
  check(first !== null && first.key === 'bq2' && first.element === 'a', 'blPop');
  const r = await waiter.brPop('bq2', 1);
  check(r?.element === 'd', 'brPop');
  check((await waiter.blMove('bq2', 'bq3', 'LEFT', 'RIGHT', 0)) === 'b', 'blMove');
  check((await waiter.brPopLPush('bq3', 'bq2', 0)) === 'b', 'brPopLPush');
  const lm = await waiter.blmPop(0, 'bq2', 'LEFT', { COUNT: 5 });
  check(lm !== null && lm[1].length === 2, 'blmPop');
  check((await waiter.blPop('bnone', 0.01)) === null, 'blPop timeout');
  await client.zAdd('bz', [{ score: 1, value: 'x' }, { score: 2, value: 'y' }, { score: 3, value: 'w' }]);
  const zmin = await waiter.bzPopMin('bz', 0);
  check(zmin?.value === 'x' && zmin.score === 1, 'bzPopMin');
  check((await waiter.bzPopMax(['bz'], 0))?.value === 'w', 'bzPopMax');
  check((await waiter.bzmPop(0, 'bz', 'MIN'))?.members.length === 1, 'bzmPop');
  const waiterId = await waiter.clientId();
  const unblocked = waiter.BLPOP('bforever', 0);
  check((await client.clientUnblock(waiterId, 'TIMEOUT')) === 1, 'clientUnblock');
  check((await unblocked) === null, 'unblocked by CLIENT UNBLOCK');
  check((await client.CLIENT_UNBLOCK(waiterId)) === 0, 'CLIENT_UNBLOCK of a client not blocked');
  const forever = waiter.blPop('bforever', 0).then((v) => v, (e: unknown) => e);
  waiter.destroy();
  check((await forever) instanceof Error, 'destroy releases a blocked call');

  // ---- sendCommand ----
  const raw = await client.sendCommand(['SET', 'raw', '1']);
  exact<typeof raw, ReplyUnion>(true);
  const rawTyped = await client.sendCommand<string | null>(['GET', 'raw']);
  check(rawTyped === '1', 'sendCommand');
  const rawBuf = await client.sendCommand<Buffer>(['GET', 'raw'], {
    typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer }
  });
  check(Buffer.isBuffer(rawBuf), 'sendCommand with a type mapping');

  // ---- type mapping ----
  const buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const bufGet = await buffers.get('raw');
  exact<typeof bufGet, Buffer | null>(true);
  check(Buffer.isBuffer(bufGet), 'withTypeMapping Buffer');
  const bufKeys = await buffers.keys('*');
  exact<typeof bufKeys, Buffer[]>(true);
  const okStill = await buffers.set('raw', '2');
  check(okStill === 'OK', 'simple strings stay strings');
  const bufFloat = await buffers.incrByFloat('bf', 1);
  exact<typeof bufFloat, Buffer>(true);
  const numbers = client.withTypeMapping({ [RESP_TYPES.NUMBER]: String });
  const strCount = await numbers.incr('cnt');
  exact<typeof strCount, string>(true);
  check(strCount === '1', 'NUMBER -> String');
  const viaOptions = client.withCommandOptions({ typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer }, timeout: 100 });
  exact<Awaited<ReturnType<typeof viaOptions.get>>, Buffer | null>(true);
  const loose: TypeMapping = {};
  const looseClient = client.withTypeMapping(loose);
  exact<Awaited<ReturnType<typeof looseClient.get>>, string | Buffer | null>(true);
  const bufferClient = createClient({
    socket: { port: 47001 },
    commandOptions: { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } }
  });
  exact<Awaited<ReturnType<typeof bufferClient.mGet>>, Array<Buffer | null>>(true);

  // ---- MULTI ----
  const chain = client.multi().set('a', '1').get('a').incr('n').del(['a']).scan('0');
  exact<typeof chain, RedisMulti<{}, ['OK' | string | null, string | null, number, number, { cursor: string; keys: string[] }]>>(true);
  const typedReplies = await chain.execTyped();
  exact<typeof typedReplies[2], number>(true);
  check(typedReplies[0] === 'OK' && typedReplies[1] === '1' && typedReplies[2] === 1, 'execTyped');
  const generic = await client.multi().ping().exec();
  exact<typeof generic, ReplyUnion[]>(true);
  check(generic[0] === 'PONG', 'exec');
  const typedExec = await client.MULTI().incr('m').exec<'typed'>();
  exact<typeof typedExec, [number]>(true);
  await client.multi().ping().exec(true);
  await client.multi().ping().EXEC();
  const piped = await client.multi().set('p', '1').get('p').execAsPipeline();
  check(piped[1] === '1', 'execAsPipeline');
  const pipedTyped = await client.multi().get('p').execAsPipelineTyped();
  exact<typeof pipedTyped, [string | null]>(true);
  const mixed = await client
    .multi()
    .addCommand(['SET', 'ac', '1'])
    .addCommand(['GET', 'ac'], (reply: string) => Number(reply))
    .sendCommand(['GET', 'ac'])
    .select(0)
    .SELECT(0)
    .GET('ac')
    .execTyped();
  exact<typeof mixed, [ReplyUnion, number, ReplyUnion, 'OK', 'OK', string | null]>(true);
  check(mixed[1] === 1, 'addCommand transformReply');
  await client.set('notint', 'v');
  const multiErr = await rejection(client.multi().set('x', '1').incr('notint').get('x').exec(), 'failing exec');
  check(multiErr instanceof MultiErrorReply, 'MultiErrorReply');
  if (multiErr instanceof MultiErrorReply) {
    const indexes: number[] = multiErr.errorIndexes;
    check(indexes[0] === 1 && multiErr.replies.length === 3, 'MultiErrorReply fields');
    for (const e of multiErr.errors()) check(e instanceof SimpleError, 'errors() yields the SimpleErrors');
  }
  const pipeErr = await rejection(client.multi().incr('notint').execAsPipeline(), 'failing pipeline');
  check(pipeErr instanceof SimpleError, 'a pipeline rejects with the first error');

  // ---- errors ----
  await client.set('str', 'v');
  const replyErr = await rejection(client.incr('str'), 'incr on a non-integer');
  check(replyErr instanceof SimpleError && replyErr instanceof ErrorReply && replyErr instanceof Error, 'SimpleError');
  if (replyErr instanceof SimpleError) {
    const message: string = replyErr.message;
    check(message === 'ERR value is not an integer or out of range', 'SimpleError message');
  }
  const typeErr = await rejection(client.get(Buffer.from('k')).then(() => client.sendCommand(['GET', 1 as never])), 'number argument');
  check(typeErr instanceof TypeError, 'a number argument rejects TypeError');
  const errorClasses = [
    BlobError,
    WatchError,
    ClientClosedError,
    ClientOfflineError,
    DisconnectsClientError,
    SocketClosedUnexpectedlyError,
    ConnectionTimeoutError,
    TimeoutError,
    AbortError
  ];
  check(errorClasses.length === 9, 'error classes');
  const reconnect = new ReconnectStrategyError(new Error('gone'), 'socket');
  check(reconnect.message === 'gone' && reconnect.originalError.message === 'gone', 'ReconnectStrategyError');
  check(new WatchError().message.length > 0 && new ClientClosedError().message === 'The client is closed', 'messages');

  // ---- scanIterator ----
  await client.mSet({ 'it:1': 'a', 'it:2': 'b', 'it:3': 'c' });
  const seen = new Set<string>();
  for await (const keysPage of client.scanIterator({ MATCH: 'it:*', COUNT: 1 })) {
    exact<typeof keysPage, string[]>(true);
    for (const key of keysPage) seen.add(key);
  }
  check(seen.size === 3, 'scanIterator');
  const iterator: AsyncIterableIterator<string[]> = client.scanIterator();
  void iterator;
  for await (const keysPage of client.scanIterator({ TYPE: 'string', cursor: '0' })) void keysPage;

  // ---- duplicate, quit, close, destroy, disconnect ----
  const dup = client.duplicate();
  exact<typeof dup, RedisClient<{}>>(true);
  check(!dup.isOpen, 'duplicate is not connected');
  await dup.connect();
  check((await dup.get('it:1')) === 'a', 'duplicate shares the keyspace');
  const dupBuffers = client.duplicate({ commandOptions: { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } } });
  exact<typeof dupBuffers, RedisClient<{ 36: typeof Buffer }>>(true);
  const quitReply = await dup.QUIT();
  check(quitReply === 'OK', 'QUIT');
  const other = await createClient({ socket: { port: 47001 } })
    .on('error', (err) => events.push(err.message))
    .connect();
  exact<typeof other, RedisClient<{}>>(true);
  const closed: void = await other.close();
  void closed;
  const third = await RedisClient.create({ socket: { port: 47001 } }).connect();
  await third.quit();
  const fourth = await createClient({ socket: { port: 47001 } }).connect();
  const destroyed: void = fourth.destroy();
  void destroyed;
  await fourth.connect();
  await fourth.disconnect();
  await helpers(client);
  await client.close();
  check(events.includes('end'), 'end event');
}

// The Express and caching helpers, over the same client.
async function helpers(client: RedisClient): Promise<void> {
  const errors: Array<Error> = [];
  const mw: CacheMiddleware = cacheMiddleware({
    client, prefix: 'types:rc:', ttl: 30, jitter: 0.1, statuses: [200], cacheControl: 'public, max-age=30',
    tags: () => ['t1'], key: (req: { originalUrl: string }) => req.originalUrl, onError: (err) => errors.push(err)
  });
  const dropped: number = await mw.invalidate({ tags: ['t1'] });
  check(dropped === 0, 'invalidate of nothing');
  check((await mw.invalidate('nothing*')) === 0, 'invalidate by pattern');
  await mw.close();

  const cache: Cache = createCache({ client, prefix: 'types:c:', ttl: 60, local: { max: 10, ttl: 1 } });
  let fetches = 0;
  const v: { n: number } = await cache.get('k', async () => ({ n: ++fetches }), { ttl: 5, tags: ['tag'] });
  const again = await cache.wrap('k', async () => ({ n: ++fetches }));
  check(v.n === 1 && again.n === 1 && fetches === 1, 'cache-aside hit');
  await cache.set('other', [1, 2], { ttl: 1 });
  check((await cache.invalidate({ tags: ['tag'], pattern: escapeGlob('oth*') + '*' })) >= 1, 'invalidate');
  const ns: CacheNamespace = cache.namespace('users');
  await ns.set('u1', 'alice');
  const before: number = await ns.version();
  await ns.bump();
  check((await ns.version()) === before + 1 && (await ns.get('u1')) === undefined, 'namespace bump');
  check(cache.stats().misses >= 1, 'stats');
  await cache.close();

  const written: Array<string> = [];
  const id: number = await writeThrough({ client, key: 'types:wt', value: { a: 1 }, ttl: 10, write: async () => 7 });
  check(id === 7 && (await client.get('types:wt')) === '{"a":1}', 'write-through');
  const wb: WriteBehind = createWriteBehind({
    client, prefix: 'types:wb:', intervalMs: 10,
    write: async (batch) => { for (const e of batch) written.push(e.key); }
  });
  await wb.set('types:wb1', 1);
  await wb.set('types:wb1', 2);
  const pending: number = await wb.pending();
  check(pending === 1, 'write-behind coalesces');
  await wb.close();
  check(written.join() === 'types:wb1', 'write-behind drained');

  const store = new RedisStore({ client, prefix: 'types:sess:', ttl: (sess: SessionData) => (sess.user ? 60 : 10) });
  await store.set('sid1', { cookie: { maxAge: null }, user: 'alice' });
  const sess = await store.get('sid1');
  check(sess.user === 'alice' && store.getTTL(sess) === 60, 'session store');
  check((await store.length()) === 1, 'session length');
  await new Promise<void>((resolve, reject) => store.destroy('sid1', (err) => (err ? reject(err) : resolve())));
  check(errors.length === 0, 'no cache errors');
}

// ---- misuses (type errors; never run) -------------------------------------------------------

export function misuses(client: RedisClient, multi: RedisMulti): void {
  // @ts-expect-error a key is a string or a Buffer, not a number
  void client.get(1);
  // @ts-expect-error unknown SET option
  void client.set('k', 'v', { EXPIRE: 10 });
  // @ts-expect-error the expiration value is required
  void client.set('k', 'v', { expiration: { type: 'EX' } });
  // @ts-expect-error v3-style positional SET flags
  void client.set('k', 'v', 'EX', 10);
  // @ts-expect-error zAdd takes { score, value } members, not positional scores
  void client.zAdd('z', 1, 'a');
  // @ts-expect-error zAddIncr takes no deprecated flat flags
  void client.zAddIncr('z', { score: 1, value: 'a' }, { NX: true });
  // @ts-expect-error zmScore is spelled zmScore, not zMScore
  void client.zMScore('z', ['a']);
  // @ts-expect-error ZMPOP's side is MIN or MAX
  void client.zmPop('z', 'LEFT');
  // @ts-expect-error AGGREGATE is SUM, MIN or MAX
  void client.zUnion(['a', 'b'], { AGGREGATE: 'AVG' });
  // @ts-expect-error zRevRangeByScore was removed in node-redis v6
  void client.zRevRangeByScore('z', 0, 1);
  // @ts-expect-error zRevRange was removed in node-redis v6 (use zRange with REV)
  void client.zRevRange('z', 0, -1);
  // @ts-expect-error hmSet was removed in node-redis v6
  void client.hmSet('h', { a: '1' });
  // @ts-expect-error hSet needs a value after the field
  void client.hSet('h', 'f');
  // @ts-expect-error HSET values are strings, Buffers or numbers
  void client.hSet('h', { f: true });
  // @ts-expect-error hmGet is spelled hmGet, not hMGet
  void client.hMGet('h', ['f']);
  // @ts-expect-error HSCAN's cursor is a string, not a number
  void client.hScan('h', 0);
  // @ts-expect-error hScanIterator takes no TYPE option
  void client.hScanIterator('h', { TYPE: 'hash' });
  // @ts-expect-error SADD members are strings or Buffers, not numbers
  void client.sAdd('s', 1);
  // @ts-expect-error smIsMember is spelled smIsMember, not sMIsMember
  void client.sMIsMember('s', ['a']);
  // @ts-expect-error sPop takes no count (use sPopCount)
  void client.sPop('s', 2);
  // @ts-expect-error SSCAN's cursor is a string, not a number
  void client.sScan('s', 0);
  // @ts-expect-error list elements are strings or Buffers, not numbers
  void client.rPush('l', 5);
  // @ts-expect-error LINSERT's position is BEFORE or AFTER
  void client.lInsert('l', 'MIDDLE', 'p', 'e');
  // @ts-expect-error LMOVE's sides are LEFT or RIGHT
  void client.lMove('a', 'b', 'UP', 'DOWN');
  // @ts-expect-error lPop takes no count (use lPopCount)
  void client.lPop('l', 2);
  // @ts-expect-error there is no discard on the client
  void client.discard();
  // @ts-expect-error GETEX requires options
  void client.getEx('k');
  // @ts-expect-error EXPIRE's mode is one of NX, XX, GT, LT
  void client.expire('k', 10, 'XY');
  // @ts-expect-error SCAN's cursor is a string, not a number
  void client.scan(0);
  // @ts-expect-error mGet takes an array of keys
  void client.mGet('a', 'b');
  // @ts-expect-error numbers are not accepted as list of keys
  void client.del([1, 2]);
  // @ts-expect-error COPY's DB is a number
  void client.copy('a', 'b', { DB: '1' });
  // @ts-expect-error SET's expiration value does not take a Date
  void client.set('k', 'v', { expiration: { type: 'EXAT', value: new Date() } });
  // @ts-expect-error flush modes are ASYNC or SYNC
  void client.flushAll('LAZY');
  // @ts-expect-error a multi chain has no discard
  void multi.discard();
  // @ts-expect-error select's reply is void, not 'OK'
  const selected: Promise<'OK'> = client.select(1);
  void selected;
  // @ts-expect-error destroy() is synchronous
  void client.destroy().then(() => undefined);
  // @ts-expect-error an unknown socket option
  void createClient({ socket: { hots: 'localhost' } });
  // @ts-expect-error RESP is 2 or 3
  void createClient({ RESP: 4 });
  // @ts-expect-error the route cache needs a client
  void cacheMiddleware({ ttl: 5 });
  // @ts-expect-error cache keys are strings
  void createCache({ client }).get(1, async () => 1);
  // @ts-expect-error the session store needs a client
  void new RedisStore({ prefix: 'x' });
}
