// Type definitions for redlite: the node-redis 6 client API over an in-process keyspace.
//
// Self-contained (no dependency on the `redis` package's types) and deliberately simpler than
// node-redis's: one table of command signatures (`RedisCommandSignatures`) is mapped onto the
// client (each command returns a Promise of its reply) and onto the MULTI chain (each command
// returns the chain, with the reply appended to the typed reply tuple used by `execTyped`).
// Reply types follow the replies measured from node-redis 6.3.1 with RESP3 (the default);
// a `typeMapping` that maps blob strings to `Buffer`, numbers or doubles to `String`, maps to
// `Map` / `Array` or sets to `Set` is reflected in the reply types (see `BlobReply`,
// `NumberReply`, `DoubleReply`, `MapReply` and `SetReply`).
//
// Requires @types/node (for Buffer and EventEmitter), as node-redis does.

/// <reference types="node" />

import { EventEmitter } from 'events';

// ---------------------------------------------------------------------------------------------
// Arguments

/** A key or value sent to the server. Numbers are only accepted where a signature says so. */
export type RedisArgument = string | Buffer;

/** One argument, or an array of them (e.g. `del('a')` or `del(['a', 'b'])`). */
export type RedisVariadicArgument = RedisArgument | Array<RedisArgument>;

/** The condition flag of EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT. */
export type ExpireMode = 'NX' | 'XX' | 'GT' | 'LT';

/** The mode of FLUSHDB and FLUSHALL. */
export type RedisFlushMode = 'ASYNC' | 'SYNC';

/** SET options: the current shape (`expiration`, `condition`, `GET`) or the deprecated flat one. */
export interface SetOptions {
  /** `{ type: 'EX' | 'PX' | 'EXAT' | 'PXAT', value }`, or keep the TTL with `'KEEPTTL'`. */
  expiration?:
    | { type: 'EX' | 'PX' | 'EXAT' | 'PXAT'; value: number }
    | { type: 'KEEPTTL' }
    | 'KEEPTTL';
  /** @deprecated Use `expiration: { type: 'EX', value }` instead. */
  EX?: number;
  /** @deprecated Use `expiration: { type: 'PX', value }` instead. */
  PX?: number;
  /** @deprecated Use `expiration: { type: 'EXAT', value }` instead. */
  EXAT?: number;
  /** @deprecated Use `expiration: { type: 'PXAT', value }` instead. */
  PXAT?: number;
  /** @deprecated Use `expiration: 'KEEPTTL'` instead. */
  KEEPTTL?: boolean;
  /**
   * `NX`: set only if the key does not exist; `XX`: only if it exists. The `IF*` conditions
   * (Redis 8.4) compare against `matchValue`.
   */
  condition?: 'NX' | 'XX' | 'IFEQ' | 'IFNE' | 'IFDEQ' | 'IFDNE';
  /** The value (or digest) compared by the `IF*` conditions. */
  matchValue?: RedisArgument;
  /** @deprecated Use `condition: 'NX'` instead. */
  NX?: boolean;
  /** @deprecated Use `condition: 'XX'` instead. */
  XX?: boolean;
  /** Return the old value (or null) instead of 'OK'. */
  GET?: boolean;
}

/** GETEX options (required): the `{ type, value }` shape or the deprecated flat one. */
export type GetExOptions =
  | { type: 'EX' | 'PX'; value: number }
  | { type: 'EXAT' | 'PXAT'; value: number | Date }
  | { type: 'PERSIST' }
  /** @deprecated Use `{ type: 'EX', value }` instead. */
  | { EX: number }
  /** @deprecated Use `{ type: 'PX', value }` instead. */
  | { PX: number }
  /** @deprecated Use `{ type: 'EXAT', value }` instead. */
  | { EXAT: number | Date }
  /** @deprecated Use `{ type: 'PXAT', value }` instead. */
  | { PXAT: number | Date }
  /** @deprecated Use `{ type: 'PERSIST' }` instead. */
  | { PERSIST: true };

/** Options shared by the SCAN family. */
export interface ScanCommonOptions {
  MATCH?: string;
  COUNT?: number;
}

/** SCAN options. */
export interface ScanOptions extends ScanCommonOptions {
  /** Only keys holding this type ('string', 'hash', ...). */
  TYPE?: RedisArgument;
}

/** scanIterator options: SCAN's, plus the cursor to start from (default '0'). */
export interface ScanIteratorOptions extends ScanOptions {
  cursor?: RedisArgument;
}

/** hScanIterator / hScanValuesIterator / hScanNoValuesIterator options: HSCAN's, plus the
 * cursor to start from (default '0'). */
export interface HScanIteratorOptions extends ScanCommonOptions {
  cursor?: RedisArgument;
}

/** sScanIterator options: SSCAN's, plus the cursor to start from (default '0'). */
export type SScanIteratorOptions = HScanIteratorOptions;

/** SINTERCARD's limit: `{ LIMIT }`, or (as node-redis still accepts) the limit as a number. */
export type SInterCardOptions = { LIMIT?: number } | number;

/** The end of a list: LMOVE's and LMPOP's sides. */
export type ListSide = 'LEFT' | 'RIGHT';

/** LPOS options. */
export interface LPosOptions {
  /** Which match to return: 1 the first, 2 the second, -1 the last... */
  RANK?: number;
  /** Compare at most this many elements (0: all). */
  MAXLEN?: number;
}

/** LMPOP options. */
export interface LMPopOptions {
  COUNT?: number;
}

/** A sorted set member with its score (ZADD). `Infinity`/`-Infinity` are sent as `+inf`/`-inf`. */
export interface SortedSetMember {
  value: RedisArgument;
  score: number;
}

/** ZADD options: the current shape (`condition`, `comparison`, `CH`) or the deprecated flat one. */
export interface ZAddOptions {
  /** `NX`: only add new members; `XX`: only update existing ones. */
  condition?: 'NX' | 'XX';
  /** @deprecated Use `condition: 'NX'` instead. */
  NX?: boolean;
  /** @deprecated Use `condition: 'XX'` instead. */
  XX?: boolean;
  /** `GT`/`LT`: only update when the new score is greater / less. */
  comparison?: 'LT' | 'GT';
  /** @deprecated Use `comparison: 'LT'` instead. */
  LT?: boolean;
  /** @deprecated Use `comparison: 'GT'` instead. */
  GT?: boolean;
  /** Reply the number of changed members (added or updated) instead of added ones. */
  CH?: boolean;
}

/** ZADD ... INCR options (no deprecated flat flags). */
export interface ZAddIncrOptions {
  condition?: 'NX' | 'XX';
  comparison?: 'LT' | 'GT';
  CH?: boolean;
}

/** A range bound: a number (`Infinity` -> `+inf`) or the raw text (`'(1'`, `'-inf'`, `'[a'`, `'-'`). */
export type ZRangeBound = RedisArgument | number;

/** LIMIT offset count of the ZRANGE family. */
export interface ZRangeLimit {
  offset: number;
  count: number;
}

/** ZRANGE / ZRANGESTORE options. */
export interface ZRangeOptions {
  BY?: 'SCORE' | 'LEX';
  REV?: boolean;
  LIMIT?: ZRangeLimit;
}

/** ZRANGEBYSCORE / ZRANGEBYLEX options. */
export interface ZRangeByOptions {
  LIMIT?: ZRangeLimit;
}

/** The end ZMPOP pops from. */
export type SortedSetSide = 'MIN' | 'MAX';

/** ZMPOP options. */
export interface ZMPopOptions {
  COUNT?: number;
}

/** A key with its weight (ZUNION, ZINTER and their STORE forms). */
export interface ZKeyAndWeight {
  key: RedisArgument;
  weight: number;
}

/** ZUNION/ZINTER keys: a key, a `{ key, weight }`, or a non-empty array of either kind. */
export type ZKeys =
  | RedisArgument
  | [RedisArgument, ...Array<RedisArgument>]
  | ZKeyAndWeight
  | [ZKeyAndWeight, ...Array<ZKeyAndWeight>];

/** ZUNION / ZINTER (and STORE) options. */
export interface ZAggregateOptions {
  AGGREGATE?: 'SUM' | 'MIN' | 'MAX';
}

/** ZINTERCARD's limit: `{ LIMIT }` (0 is not sent), or the limit as a number. */
export type ZInterCardOptions = { LIMIT?: number } | number;

/** zScanIterator options: ZSCAN's, plus the cursor to start from (default '0'). */
export type ZScanIteratorOptions = HScanIteratorOptions;

/** A hash field or value given to HSET: numbers are sent as their decimal text. */
export type HashTypes = RedisArgument | number;

/** HSET's field/value pairs as one argument: `{ f: v }`, `Map`, `[[f, v], ...]` or `[f, v, ...]`. */
export type HSETObject = Record<string | number, HashTypes>;
export type HSETMap = Map<HashTypes, HashTypes>;
export type HSETTuples = Array<[HashTypes, HashTypes]> | Array<HashTypes>;

/** HSET's argument lists: `(key, field, value)` or `(key, pairs)`. */
export type HSETArguments =
  | [key: RedisArgument, field: HashTypes, value: HashTypes]
  | [key: RedisArgument, value: HSETObject | HSETMap | HSETTuples];

/** COPY options. */
export interface CopyCommandOptions {
  DB?: number;
  REPLACE?: boolean;
}

/** MSET / MSETNX pairs: `[[k, v], ...]`, `[k, v, k, v, ...]` or `{ k: v, ... }`. */
export type MSetArguments =
  | Array<[RedisArgument, RedisArgument]>
  | Array<RedisArgument>
  | Record<string, RedisArgument>;

// ---------------------------------------------------------------------------------------------
// RESP types and type mapping

/** The ASCII code of each RESP3 type byte, used as keys of a `TypeMapping`. */
export declare const RESP_TYPES: {
  readonly NULL: 95;
  readonly BOOLEAN: 35;
  readonly NUMBER: 58;
  readonly BIG_NUMBER: 40;
  readonly DOUBLE: 44;
  readonly SIMPLE_STRING: 43;
  readonly BLOB_STRING: 36;
  readonly VERBATIM_STRING: 61;
  readonly SIMPLE_ERROR: 45;
  readonly BLOB_ERROR: 33;
  readonly ARRAY: 42;
  readonly SET: 126;
  readonly MAP: 37;
  readonly PUSH: 62;
};

/** One of the RESP_TYPES codes. */
export type RespTypes = (typeof RESP_TYPES)[keyof typeof RESP_TYPES];

/** The protocol version selected with the `RESP` option (3 by default). */
export type RespVersions = 2 | 3;

/** The default protocol version: 3. */
export declare const DEFAULT_RESP: 3;

/** A constructor or function a RESP type is mapped to (`Buffer`, `String`, `Map`, ...). */
export type MappedType<T = unknown> = ((...args: any) => T) | (new (...args: any) => T);

/** Maps RESP types to JS types, e.g. `{ [RESP_TYPES.BLOB_STRING]: Buffer }`. */
export type TypeMapping = { [P in RespTypes]?: MappedType };

/**
 * The JS type of a blob string reply under a type mapping: `string` by default, `Buffer` with
 * `{ [RESP_TYPES.BLOB_STRING]: Buffer }`, and `string | Buffer` when the mapping is not known
 * precisely (e.g. a variable typed `TypeMapping`).
 */
export type BlobReply<TM> = 36 extends keyof TM
  ? TM[36 & keyof TM] extends typeof Buffer
    ? Buffer
    : TM[36 & keyof TM] extends StringConstructor
      ? string
      : string | Buffer
  : string;

/**
 * The JS type of an integer reply under a type mapping: `number` by default, `string` with
 * `{ [RESP_TYPES.NUMBER]: String }`, `number | string` when not known precisely.
 */
export type NumberReply<TM> = 58 extends keyof TM
  ? TM[58 & keyof TM] extends StringConstructor
    ? string
    : TM[58 & keyof TM] extends NumberConstructor
      ? number
      : number | string
  : number;

/**
 * The JS type of a map reply (HGETALL) under a type mapping: a plain object with string keys
 * by default, a `Map` with `{ [RESP_TYPES.MAP]: Map }`, a flat `[k, v, k, v, ...]` array with
 * `{ [RESP_TYPES.MAP]: Array }`, any of them when the mapping is not known precisely.
 */
export type MapReply<TM, V> = 37 extends keyof TM
  ? TM[37 & keyof TM] extends MapConstructor
    ? Map<BlobReply<TM>, V>
    : TM[37 & keyof TM] extends ArrayConstructor
      ? Array<BlobReply<TM> | V>
      : Record<string, V> | Map<BlobReply<TM>, V> | Array<BlobReply<TM> | V>
  : Record<string, V>;

/**
 * The JS type of a RESP3 set reply (SMEMBERS, SINTER, SPOP with a count...) under a type
 * mapping: an `Array` by default, a `Set` with `{ [RESP_TYPES.SET]: Set }`, either when the
 * mapping is not known precisely.
 */
export type SetReply<TM, V> = 126 extends keyof TM
  ? TM[126 & keyof TM] extends SetConstructor
    ? Set<V>
    : TM[126 & keyof TM] extends ArrayConstructor
      ? Array<V>
      : Array<V> | Set<V>
  : Array<V>;

/**
 * The JS type of a double reply (ZSCORE, ZINCRBY...) under a type mapping: `number` by default
 * (`inf` -> `Infinity`), `string` with `{ [RESP_TYPES.DOUBLE]: String }`.
 */
export type DoubleReply<TM> = 44 extends keyof TM
  ? TM[44 & keyof TM] extends StringConstructor
    ? string
    : TM[44 & keyof TM] extends NumberConstructor
      ? number
      : number | string
  : number;

/** One `{ value, score }` of the WITHSCORES, ZPOP*, ZMPOP and ZRANDMEMBER ... WITHSCORES replies. */
export interface SortedSetEntry<TM> {
  value: BlobReply<TM>;
  score: DoubleReply<TM>;
}

/** One entry of HSCAN and HRANDFIELD ... WITHVALUES replies. */
export interface HashEntry<TM> {
  field: BlobReply<TM>;
  value: BlobReply<TM>;
}

/** Any reply, as returned by `sendCommand` and the untyped `exec`. */
export type ReplyUnion =
  | null
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | Array<ReplyUnion>
  | { [key: string]: ReplyUnion };

// ---------------------------------------------------------------------------------------------
// Client options

/** Per-client (or per-proxy) command options. */
export interface CommandOptions<TM extends TypeMapping = TypeMapping> {
  /** Maps RESP types to JS types (e.g. blob strings to `Buffer`). */
  typeMapping?: TM;
  /** Command timeout in milliseconds (node-redis's default is 5000). */
  timeout?: number;
}

/** What `socket.reconnectStrategy` may be. */
export type ReconnectStrategy = false | number | ((retries: number, cause: Error) => false | Error | number);

/**
 * Socket options. Clients with the same address (host and port, or `path`) share one in-process
 * keyspace, as clients of one Redis server do; another address is another, isolated keyspace.
 * The connection-level options are accepted for node-redis compatibility.
 */
export interface RedisSocketOptions {
  host?: string;
  port?: number;
  /** A unix socket path (an IPC address): identifies a keyspace of its own. */
  path?: string;
  tls?: boolean;
  connectTimeout?: number;
  socketTimeout?: number;
  reconnectStrategy?: ReconnectStrategy;
  keepAlive?: boolean | number;
  noDelay?: boolean;
  family?: number;
  ca?: string | Buffer | Array<string | Buffer>;
  cert?: string | Buffer | Array<string | Buffer>;
  key?: string | Buffer | Array<string | Buffer>;
  servername?: string;
  rejectUnauthorized?: boolean;
}

/** `createClient` options. */
export interface RedisClientOptions<TM extends TypeMapping = TypeMapping> {
  /** `redis[s]://[[username][:password]@][host][:port][/database]` */
  url?: string;
  socket?: RedisSocketOptions;
  username?: string;
  password?: string;
  /** Client name (CLIENT SETNAME). */
  name?: string;
  /** Database selected on connect. */
  database?: number;
  /** Protocol version (default 3). */
  RESP?: RespVersions;
  /** Per-client command defaults (`typeMapping`, `timeout`). */
  commandOptions?: CommandOptions<TM>;
  /** Reject commands issued while the client is not ready instead of queueing them. */
  disableOfflineQueue?: boolean;
  /** A prefix prepended to every key (node-redis 6). */
  keyPrefix?: RedisArgument;
  commandsQueueMaxLength?: number;
  readonly?: boolean;
  pingInterval?: number;
  disableClientInfo?: boolean;
  clientInfoTag?: string;
  /** redlite: `notify-keyspace-events` set on connect (e.g. 'Ex'); it applies to the whole
   * keyspace, as CONFIG SET does. */
  notifyKeyspaceEvents?: string;
  /** redlite: `maxmemory` set on connect, in bytes or with Redis's units ('100mb'). The limit
   * counts the keyspace (INFO memory `used_memory`) and is shared by every client of it. */
  maxmemory?: number | string;
  /** redlite: the most keys the keyspace holds (all databases), lru-cache's `max`. */
  maxkeys?: number;
  /** redlite: `hugepages` set on connect: the keyspace's memory after its first 2 MB is
   * advised to be transparent huge pages (Linux). Faster lookups in big keyspaces; the first
   * touch of each 2 MB page may take milliseconds. Off by default. */
  hugepages?: boolean;
  /** redlite: `maxmemory-policy` set on connect (default 'allkeys-lru'). */
  maxmemoryPolicy?:
    | 'noeviction'
    | 'allkeys-lru'
    | 'volatile-lru'
    | 'allkeys-lfu'
    | 'volatile-lfu'
    | 'allkeys-random'
    | 'volatile-random'
    | 'volatile-ttl';
}

/** A pub/sub listener: `(message, channel)`, both Buffers in buffer mode. */
export type PubSubListener<B extends boolean = false> = (
  message: B extends true ? Buffer : string,
  channel: B extends true ? Buffer : string
) => unknown;

/** Listener kinds of `getPubSubListeners`. */
export type PubSubType = 'CHANNELS' | 'PATTERNS' | 'SHARDED';

/** The listeners of one channel or pattern. */
export interface PubSubChannelListeners {
  buffers: Set<PubSubListener<true>>;
  strings: Set<PubSubListener<false>>;
}

/** What `RedisClient.parseURL` returns. */
export interface ParsedRedisURL {
  socket: { host: string; port?: number; tls?: boolean };
  username?: string;
  password?: string;
  database?: number;
}

// ---------------------------------------------------------------------------------------------
// Commands: one signature per method name, as installed at run time (UPPERCASE and camelCase).
// The return type is the reply; the client wraps it in a Promise and the MULTI chain appends
// it to the chain's reply tuple.

export interface RedisCommandSignatures<TM extends TypeMapping = {}> {
  // strings
  /** GET key: the value, or null. */
  get: (key: RedisArgument) => BlobReply<TM> | null;
  GET: RedisCommandSignatures<TM>['get'];
  /** SET key value [options]: 'OK', null when a condition failed, the old value with `GET`. */
  set: (key: RedisArgument, value: RedisArgument | number, options?: SetOptions) => 'OK' | BlobReply<TM> | null;
  SET: RedisCommandSignatures<TM>['set'];
  /** SETNX key value: 1 if set, 0 if the key existed. */
  setNX: (key: RedisArgument, value: RedisArgument) => NumberReply<TM>;
  SETNX: RedisCommandSignatures<TM>['setNX'];
  /** SETEX key seconds value */
  setEx: (key: RedisArgument, seconds: number, value: RedisArgument) => 'OK';
  SETEX: RedisCommandSignatures<TM>['setEx'];
  /** PSETEX key milliseconds value */
  pSetEx: (key: RedisArgument, ms: number, value: RedisArgument) => 'OK';
  PSETEX: RedisCommandSignatures<TM>['pSetEx'];
  /** MGET key [key ...]: one value (or null) per key. */
  mGet: (keys: Array<RedisArgument>) => Array<BlobReply<TM> | null>;
  MGET: RedisCommandSignatures<TM>['mGet'];
  /** MSET key value [key value ...] */
  mSet: (toSet: MSetArguments) => 'OK';
  MSET: RedisCommandSignatures<TM>['mSet'];
  /** MSETNX key value [key value ...]: 1 if all were set, 0 if none (one existed). */
  mSetNX: (toSet: MSetArguments) => NumberReply<TM>;
  MSETNX: RedisCommandSignatures<TM>['mSetNX'];
  /** GETSET key value: the old value, or null. */
  getSet: (key: RedisArgument, value: RedisArgument) => BlobReply<TM> | null;
  GETSET: RedisCommandSignatures<TM>['getSet'];
  /** GETDEL key: the value (the key is deleted), or null. */
  getDel: (key: RedisArgument) => BlobReply<TM> | null;
  GETDEL: RedisCommandSignatures<TM>['getDel'];
  /** GETEX key options: the value (its TTL changed), or null. */
  getEx: (key: RedisArgument, options: GetExOptions) => BlobReply<TM> | null;
  GETEX: RedisCommandSignatures<TM>['getEx'];
  /** APPEND key value: the new length. */
  append: (key: RedisArgument, value: RedisArgument) => NumberReply<TM>;
  APPEND: RedisCommandSignatures<TM>['append'];
  /** STRLEN key: the length in bytes (0 for a missing key). */
  strLen: (key: RedisArgument) => NumberReply<TM>;
  STRLEN: RedisCommandSignatures<TM>['strLen'];
  /** GETRANGE key start end: the substring ('' for a missing key). */
  getRange: (key: RedisArgument, start: number, end: number) => BlobReply<TM>;
  GETRANGE: RedisCommandSignatures<TM>['getRange'];
  /** SETRANGE key offset value: the new length. */
  setRange: (key: RedisArgument, offset: number, value: RedisArgument) => NumberReply<TM>;
  SETRANGE: RedisCommandSignatures<TM>['setRange'];
  /** INCR key: the new value. */
  incr: (key: RedisArgument) => NumberReply<TM>;
  INCR: RedisCommandSignatures<TM>['incr'];
  /** INCRBY key increment: the new value. */
  incrBy: (key: RedisArgument, increment: number) => NumberReply<TM>;
  INCRBY: RedisCommandSignatures<TM>['incrBy'];
  /** INCRBYFLOAT key increment: the new value, as a string. */
  incrByFloat: (key: RedisArgument, increment: number) => BlobReply<TM>;
  INCRBYFLOAT: RedisCommandSignatures<TM>['incrByFloat'];
  /** DECR key: the new value. */
  decr: (key: RedisArgument) => NumberReply<TM>;
  DECR: RedisCommandSignatures<TM>['decr'];
  /** DECRBY key decrement: the new value. */
  decrBy: (key: RedisArgument, decrement: number) => NumberReply<TM>;
  DECRBY: RedisCommandSignatures<TM>['decrBy'];

  // hashes
  /** HSET key field value [field value ...] (or pairs as an object, Map or array): the number of new fields. */
  hSet: (...args: HSETArguments) => NumberReply<TM>;
  HSET: RedisCommandSignatures<TM>['hSet'];
  /** HSETNX key field value: 1 if set, 0 if the field existed. */
  hSetNX: (key: RedisArgument, field: RedisArgument, value: RedisArgument) => NumberReply<TM>;
  HSETNX: RedisCommandSignatures<TM>['hSetNX'];
  /** HGET key field: the value, or null. */
  hGet: (key: RedisArgument, field: RedisArgument) => BlobReply<TM> | null;
  HGET: RedisCommandSignatures<TM>['hGet'];
  /** HMGET key field [field ...]: one value (or null) per field. */
  hmGet: (key: RedisArgument, fields: RedisVariadicArgument) => Array<BlobReply<TM> | null>;
  HMGET: RedisCommandSignatures<TM>['hmGet'];
  /** HGETALL key: the fields and values (`{}` for a missing key). */
  hGetAll: (key: RedisArgument) => MapReply<TM, BlobReply<TM>>;
  HGETALL: RedisCommandSignatures<TM>['hGetAll'];
  /** HDEL key field [field ...]: the number of fields removed. */
  hDel: (key: RedisArgument, fields: RedisVariadicArgument) => NumberReply<TM>;
  HDEL: RedisCommandSignatures<TM>['hDel'];
  /** HEXISTS key field: 1 or 0. */
  hExists: (key: RedisArgument, field: RedisArgument) => NumberReply<TM>;
  HEXISTS: RedisCommandSignatures<TM>['hExists'];
  /** HLEN key: the number of fields (0 for a missing key). */
  hLen: (key: RedisArgument) => NumberReply<TM>;
  HLEN: RedisCommandSignatures<TM>['hLen'];
  /** HSTRLEN key field: the value's length in bytes (0 when missing). */
  hStrLen: (key: RedisArgument, field: RedisArgument) => NumberReply<TM>;
  HSTRLEN: RedisCommandSignatures<TM>['hStrLen'];
  /** HKEYS key: the fields. */
  hKeys: (key: RedisArgument) => Array<BlobReply<TM>>;
  HKEYS: RedisCommandSignatures<TM>['hKeys'];
  /** HVALS key: the values. */
  hVals: (key: RedisArgument) => Array<BlobReply<TM>>;
  HVALS: RedisCommandSignatures<TM>['hVals'];
  /** HINCRBY key field increment: the new value. */
  hIncrBy: (key: RedisArgument, field: RedisArgument, increment: number) => NumberReply<TM>;
  HINCRBY: RedisCommandSignatures<TM>['hIncrBy'];
  /** HINCRBYFLOAT key field increment: the new value, as a string. */
  hIncrByFloat: (key: RedisArgument, field: RedisArgument, increment: number) => BlobReply<TM>;
  HINCRBYFLOAT: RedisCommandSignatures<TM>['hIncrByFloat'];
  /** HRANDFIELD key: a random field, or null for a missing key. */
  hRandField: (key: RedisArgument) => BlobReply<TM> | null;
  HRANDFIELD: RedisCommandSignatures<TM>['hRandField'];
  /** HRANDFIELD key count: distinct random fields (count > 0) or possibly repeated ones (count < 0). */
  hRandFieldCount: (key: RedisArgument, count: number) => Array<BlobReply<TM>>;
  HRANDFIELD_COUNT: RedisCommandSignatures<TM>['hRandFieldCount'];
  /** HRANDFIELD key count WITHVALUES: random `{ field, value }` entries. */
  hRandFieldCountWithValues: (key: RedisArgument, count: number) => Array<HashEntry<TM>>;
  HRANDFIELD_COUNT_WITHVALUES: RedisCommandSignatures<TM>['hRandFieldCountWithValues'];
  /** HSCAN key cursor [MATCH] [COUNT]: the next cursor ('0' when done) and a page of entries. */
  hScan: (
    key: RedisArgument,
    cursor: RedisArgument,
    options?: ScanCommonOptions
  ) => { cursor: BlobReply<TM>; entries: Array<HashEntry<TM>> };
  HSCAN: RedisCommandSignatures<TM>['hScan'];
  /** HSCAN key cursor [MATCH] [COUNT] NOVALUES (Redis 7.4+): the next cursor and a page of fields. */
  hScanNoValues: (
    key: RedisArgument,
    cursor: RedisArgument,
    options?: ScanCommonOptions
  ) => { cursor: BlobReply<TM>; fields: Array<BlobReply<TM>> };
  HSCAN_NOVALUES: RedisCommandSignatures<TM>['hScanNoValues'];

  // sets
  /** SADD key member [member ...]: the number of members added. */
  sAdd: (key: RedisArgument, members: RedisVariadicArgument) => NumberReply<TM>;
  SADD: RedisCommandSignatures<TM>['sAdd'];
  /** SREM key member [member ...]: the number of members removed. */
  sRem: (key: RedisArgument, members: RedisVariadicArgument) => NumberReply<TM>;
  SREM: RedisCommandSignatures<TM>['sRem'];
  /** SISMEMBER key member: 1 or 0. */
  sIsMember: (key: RedisArgument, member: RedisArgument) => NumberReply<TM>;
  SISMEMBER: RedisCommandSignatures<TM>['sIsMember'];
  /** SMISMEMBER key member [member ...]: 1 or 0 per member. */
  smIsMember: (key: RedisArgument, members: RedisVariadicArgument) => Array<NumberReply<TM>>;
  SMISMEMBER: RedisCommandSignatures<TM>['smIsMember'];
  /** SMEMBERS key: the members, in no particular order (`[]` for a missing key). */
  sMembers: (key: RedisArgument) => SetReply<TM, BlobReply<TM>>;
  SMEMBERS: RedisCommandSignatures<TM>['sMembers'];
  /** SCARD key: the number of members (0 for a missing key). */
  sCard: (key: RedisArgument) => NumberReply<TM>;
  SCARD: RedisCommandSignatures<TM>['sCard'];
  /** SPOP key: a removed random member, or null for a missing key. */
  sPop: (key: RedisArgument) => BlobReply<TM> | null;
  SPOP: RedisCommandSignatures<TM>['sPop'];
  /** SPOP key count: up to `count` removed random members (`[]` for a missing key). */
  sPopCount: (key: RedisArgument, count: number) => SetReply<TM, BlobReply<TM>>;
  SPOP_COUNT: RedisCommandSignatures<TM>['sPopCount'];
  /** SRANDMEMBER key: a random member, or null for a missing key. */
  sRandMember: (key: RedisArgument) => BlobReply<TM> | null;
  SRANDMEMBER: RedisCommandSignatures<TM>['sRandMember'];
  /** SRANDMEMBER key count: distinct random members (count > 0) or possibly repeated ones (count < 0). */
  sRandMemberCount: (key: RedisArgument, count: number) => Array<BlobReply<TM>>;
  SRANDMEMBER_COUNT: RedisCommandSignatures<TM>['sRandMemberCount'];
  /** SINTER key [key ...]: the intersection. */
  sInter: (keys: RedisVariadicArgument) => SetReply<TM, BlobReply<TM>>;
  SINTER: RedisCommandSignatures<TM>['sInter'];
  /** SUNION key [key ...]: the union. */
  sUnion: (keys: RedisVariadicArgument) => SetReply<TM, BlobReply<TM>>;
  SUNION: RedisCommandSignatures<TM>['sUnion'];
  /** SDIFF key [key ...]: the members of the first set not in the others. */
  sDiff: (keys: RedisVariadicArgument) => SetReply<TM, BlobReply<TM>>;
  SDIFF: RedisCommandSignatures<TM>['sDiff'];
  /** SINTERSTORE destination key [key ...]: the size of the stored intersection. */
  sInterStore: (destination: RedisArgument, keys: RedisVariadicArgument) => NumberReply<TM>;
  SINTERSTORE: RedisCommandSignatures<TM>['sInterStore'];
  /** SUNIONSTORE destination key [key ...]: the size of the stored union. */
  sUnionStore: (destination: RedisArgument, keys: RedisVariadicArgument) => NumberReply<TM>;
  SUNIONSTORE: RedisCommandSignatures<TM>['sUnionStore'];
  /** SDIFFSTORE destination key [key ...]: the size of the stored difference. */
  sDiffStore: (destination: RedisArgument, keys: RedisVariadicArgument) => NumberReply<TM>;
  SDIFFSTORE: RedisCommandSignatures<TM>['sDiffStore'];
  /** SINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection (at most `LIMIT`). */
  sInterCard: (keys: RedisVariadicArgument, options?: SInterCardOptions) => NumberReply<TM>;
  SINTERCARD: RedisCommandSignatures<TM>['sInterCard'];
  /** SMOVE source destination member: 1 if moved, 0 if not a member of source. */
  sMove: (source: RedisArgument, destination: RedisArgument, member: RedisArgument) => NumberReply<TM>;
  SMOVE: RedisCommandSignatures<TM>['sMove'];
  /** SSCAN key cursor [MATCH] [COUNT]: the next cursor ('0' when done) and a page of members. */
  sScan: (
    key: RedisArgument,
    cursor: RedisArgument,
    options?: ScanCommonOptions
  ) => { cursor: BlobReply<TM>; members: Array<BlobReply<TM>> };
  SSCAN: RedisCommandSignatures<TM>['sScan'];

  // lists
  /** LPUSH key element [element ...]: the new length. */
  lPush: (key: RedisArgument, elements: RedisVariadicArgument) => NumberReply<TM>;
  LPUSH: RedisCommandSignatures<TM>['lPush'];
  /** RPUSH key element [element ...]: the new length. */
  rPush: (key: RedisArgument, elements: RedisVariadicArgument) => NumberReply<TM>;
  RPUSH: RedisCommandSignatures<TM>['rPush'];
  /** LPUSHX key element [element ...]: the new length, 0 (nothing pushed) for a missing key. */
  lPushX: (key: RedisArgument, elements: RedisVariadicArgument) => NumberReply<TM>;
  LPUSHX: RedisCommandSignatures<TM>['lPushX'];
  /** RPUSHX key element [element ...]: the new length, 0 (nothing pushed) for a missing key. */
  rPushX: (key: RedisArgument, elements: RedisVariadicArgument) => NumberReply<TM>;
  RPUSHX: RedisCommandSignatures<TM>['rPushX'];
  /** LPOP key: the first element (removed), or null. */
  lPop: (key: RedisArgument) => BlobReply<TM> | null;
  LPOP: RedisCommandSignatures<TM>['lPop'];
  /** LPOP key count: up to `count` elements from the head, or null for a missing key. */
  lPopCount: (key: RedisArgument, count: number) => Array<BlobReply<TM>> | null;
  LPOP_COUNT: RedisCommandSignatures<TM>['lPopCount'];
  /** RPOP key: the last element (removed), or null. */
  rPop: (key: RedisArgument) => BlobReply<TM> | null;
  RPOP: RedisCommandSignatures<TM>['rPop'];
  /** RPOP key count: up to `count` elements from the tail, or null for a missing key. */
  rPopCount: (key: RedisArgument, count: number) => Array<BlobReply<TM>> | null;
  RPOP_COUNT: RedisCommandSignatures<TM>['rPopCount'];
  /** LRANGE key start stop: the elements between two indexes (inclusive; negative from the end). */
  lRange: (key: RedisArgument, start: number, stop: number) => Array<BlobReply<TM>>;
  LRANGE: RedisCommandSignatures<TM>['lRange'];
  /** LTRIM key start stop: keeps only that range (an empty range deletes the key). */
  lTrim: (key: RedisArgument, start: number, stop: number) => 'OK';
  LTRIM: RedisCommandSignatures<TM>['lTrim'];
  /** LLEN key: the length (0 for a missing key). */
  lLen: (key: RedisArgument) => NumberReply<TM>;
  LLEN: RedisCommandSignatures<TM>['lLen'];
  /** LINDEX key index: the element, or null when out of range. */
  lIndex: (key: RedisArgument, index: number) => BlobReply<TM> | null;
  LINDEX: RedisCommandSignatures<TM>['lIndex'];
  /** LSET key index element */
  lSet: (key: RedisArgument, index: number, element: RedisArgument) => 'OK';
  LSET: RedisCommandSignatures<TM>['lSet'];
  /** LREM key count element: the number of elements removed (count < 0: from the tail, 0: all). */
  lRem: (key: RedisArgument, count: number, element: RedisArgument) => NumberReply<TM>;
  LREM: RedisCommandSignatures<TM>['lRem'];
  /** LINSERT key BEFORE|AFTER pivot element: the new length, -1 without the pivot, 0 for a missing key. */
  lInsert: (key: RedisArgument, position: 'BEFORE' | 'AFTER', pivot: RedisArgument, element: RedisArgument) => NumberReply<TM>;
  LINSERT: RedisCommandSignatures<TM>['lInsert'];
  /** LPOS key element [RANK] [MAXLEN]: the index of a match, or null. */
  lPos: (key: RedisArgument, element: RedisArgument, options?: LPosOptions) => NumberReply<TM> | null;
  LPOS: RedisCommandSignatures<TM>['lPos'];
  /** LPOS key element [RANK] [MAXLEN] COUNT count: the indexes of up to `count` matches (0: all). */
  lPosCount: (key: RedisArgument, element: RedisArgument, count: number, options?: LPosOptions) => Array<NumberReply<TM>>;
  LPOS_COUNT: RedisCommandSignatures<TM>['lPosCount'];
  /** LMOVE source destination LEFT|RIGHT LEFT|RIGHT: the element moved, or null. */
  lMove: (source: RedisArgument, destination: RedisArgument, sourceSide: ListSide, destinationSide: ListSide) => BlobReply<TM> | null;
  LMOVE: RedisCommandSignatures<TM>['lMove'];
  /** RPOPLPUSH source destination: the element moved, or null. */
  rPopLPush: (source: RedisArgument, destination: RedisArgument) => BlobReply<TM> | null;
  RPOPLPUSH: RedisCommandSignatures<TM>['rPopLPush'];
  /** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT]: `[key, elements]` from the first non-empty list, or null. */
  lmPop: (
    keys: RedisVariadicArgument,
    side: ListSide,
    options?: LMPopOptions
  ) => [key: BlobReply<TM>, elements: Array<BlobReply<TM>>] | null;
  LMPOP: RedisCommandSignatures<TM>['lmPop'];
  /** BLPOP key [key ...] timeout: `{ key, element }` from the first non-empty list, waiting
   * up to `timeout` seconds (0: forever) for one; null on timeout. */
  blPop: (keys: RedisVariadicArgument, timeout: number) => { key: BlobReply<TM>; element: BlobReply<TM> } | null;
  BLPOP: RedisCommandSignatures<TM>['blPop'];
  /** BRPOP key [key ...] timeout: as BLPOP, from the tail. */
  brPop: (keys: RedisVariadicArgument, timeout: number) => { key: BlobReply<TM>; element: BlobReply<TM> } | null;
  BRPOP: RedisCommandSignatures<TM>['brPop'];
  /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout: LMOVE, waiting for an element. */
  blMove: (
    source: RedisArgument,
    destination: RedisArgument,
    sourceSide: ListSide,
    destinationSide: ListSide,
    timeout: number
  ) => BlobReply<TM> | null;
  BLMOVE: RedisCommandSignatures<TM>['blMove'];
  /** BRPOPLPUSH source destination timeout: RPOPLPUSH, waiting for an element. */
  brPopLPush: (source: RedisArgument, destination: RedisArgument, timeout: number) => BlobReply<TM> | null;
  BRPOPLPUSH: RedisCommandSignatures<TM>['brPopLPush'];
  /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT]: LMPOP, waiting for an element. */
  blmPop: (
    timeout: number,
    keys: RedisVariadicArgument,
    side: ListSide,
    options?: LMPopOptions
  ) => [key: BlobReply<TM>, elements: Array<BlobReply<TM>>] | null;
  BLMPOP: RedisCommandSignatures<TM>['blmPop'];

  // sorted sets
  /** ZADD key [NX|XX] [GT|LT] [CH] score member [...]: the number of members added (changed with CH). */
  zAdd: (key: RedisArgument, members: SortedSetMember | Array<SortedSetMember>, options?: ZAddOptions) => NumberReply<TM>;
  ZADD: RedisCommandSignatures<TM>['zAdd'];
  /** ZADD key [NX|XX] [GT|LT] [CH] INCR score member: the new score, or null when a condition refused it. */
  zAddIncr: (key: RedisArgument, members: SortedSetMember, options?: ZAddIncrOptions) => DoubleReply<TM> | null;
  ZADD_INCR: RedisCommandSignatures<TM>['zAddIncr'];
  /** ZINCRBY key increment member: the new score. */
  zIncrBy: (key: RedisArgument, increment: number, member: RedisArgument) => DoubleReply<TM>;
  ZINCRBY: RedisCommandSignatures<TM>['zIncrBy'];
  /** ZSCORE key member: the score, or null. */
  zScore: (key: RedisArgument, member: RedisArgument) => DoubleReply<TM> | null;
  ZSCORE: RedisCommandSignatures<TM>['zScore'];
  /** ZMSCORE key member [member ...]: one score (or null) per member. */
  zmScore: (key: RedisArgument, members: RedisVariadicArgument) => Array<DoubleReply<TM> | null>;
  ZMSCORE: RedisCommandSignatures<TM>['zmScore'];
  /** ZREM key member [member ...]: the number of members removed. */
  zRem: (key: RedisArgument, members: RedisVariadicArgument) => NumberReply<TM>;
  ZREM: RedisCommandSignatures<TM>['zRem'];
  /** ZCARD key: the number of members (0 for a missing key). */
  zCard: (key: RedisArgument) => NumberReply<TM>;
  ZCARD: RedisCommandSignatures<TM>['zCard'];
  /** ZCOUNT key min max: the number of members with a score in the range. */
  zCount: (key: RedisArgument, min: ZRangeBound, max: ZRangeBound) => NumberReply<TM>;
  ZCOUNT: RedisCommandSignatures<TM>['zCount'];
  /** ZLEXCOUNT key min max: the number of members in the lexicographic range (`[a`, `(b`, `-`, `+`). */
  zLexCount: (key: RedisArgument, min: RedisArgument, max: RedisArgument) => NumberReply<TM>;
  ZLEXCOUNT: RedisCommandSignatures<TM>['zLexCount'];
  /** ZRANK key member: the rank (0 = lowest score), or null. */
  zRank: (key: RedisArgument, member: RedisArgument) => NumberReply<TM> | null;
  ZRANK: RedisCommandSignatures<TM>['zRank'];
  /** ZRANK key member WITHSCORE (Redis 7.2+): `{ rank, score }`, or null. */
  zRankWithScore: (key: RedisArgument, member: RedisArgument) => { rank: NumberReply<TM>; score: DoubleReply<TM> } | null;
  ZRANK_WITHSCORE: RedisCommandSignatures<TM>['zRankWithScore'];
  /** ZREVRANK key member: the rank from the highest score, or null. */
  zRevRank: (key: RedisArgument, member: RedisArgument) => NumberReply<TM> | null;
  ZREVRANK: RedisCommandSignatures<TM>['zRevRank'];
  /** ZREVRANK key member WITHSCORE (Redis 7.2+): `{ rank, score }`, or null. */
  zRevRankWithScore: (key: RedisArgument, member: RedisArgument) => { rank: NumberReply<TM>; score: DoubleReply<TM> } | null;
  ZREVRANK_WITHSCORE: RedisCommandSignatures<TM>['zRevRankWithScore'];
  /** ZRANGE key min max [BYSCORE|BYLEX] [REV] [LIMIT]: the members. */
  zRange: (key: RedisArgument, min: ZRangeBound, max: ZRangeBound, options?: ZRangeOptions) => Array<BlobReply<TM>>;
  ZRANGE: RedisCommandSignatures<TM>['zRange'];
  /** ZRANGE ... WITHSCORES: `{ value, score }` entries. */
  zRangeWithScores: (
    key: RedisArgument,
    min: ZRangeBound,
    max: ZRangeBound,
    options?: ZRangeOptions
  ) => Array<SortedSetEntry<TM>>;
  ZRANGE_WITHSCORES: RedisCommandSignatures<TM>['zRangeWithScores'];
  /** ZRANGEBYSCORE key min max [LIMIT]: the members. */
  zRangeByScore: (key: RedisArgument, min: ZRangeBound, max: ZRangeBound, options?: ZRangeByOptions) => Array<BlobReply<TM>>;
  ZRANGEBYSCORE: RedisCommandSignatures<TM>['zRangeByScore'];
  /** ZRANGEBYSCORE ... WITHSCORES: `{ value, score }` entries. */
  zRangeByScoreWithScores: (
    key: RedisArgument,
    min: ZRangeBound,
    max: ZRangeBound,
    options?: ZRangeByOptions
  ) => Array<SortedSetEntry<TM>>;
  ZRANGEBYSCORE_WITHSCORES: RedisCommandSignatures<TM>['zRangeByScoreWithScores'];
  /** ZRANGEBYLEX key min max [LIMIT]: the members. */
  zRangeByLex: (key: RedisArgument, min: RedisArgument, max: RedisArgument, options?: ZRangeByOptions) => Array<BlobReply<TM>>;
  ZRANGEBYLEX: RedisCommandSignatures<TM>['zRangeByLex'];
  /** ZRANGESTORE destination source min max [BYSCORE|BYLEX] [REV] [LIMIT]: the number of members stored. */
  zRangeStore: (
    destination: RedisArgument,
    source: RedisArgument,
    min: ZRangeBound,
    max: ZRangeBound,
    options?: ZRangeOptions
  ) => NumberReply<TM>;
  ZRANGESTORE: RedisCommandSignatures<TM>['zRangeStore'];
  /** ZREMRANGEBYSCORE key min max: the number of members removed. */
  zRemRangeByScore: (key: RedisArgument, min: ZRangeBound, max: ZRangeBound) => NumberReply<TM>;
  ZREMRANGEBYSCORE: RedisCommandSignatures<TM>['zRemRangeByScore'];
  /** ZREMRANGEBYRANK key start stop: the number of members removed. */
  zRemRangeByRank: (key: RedisArgument, start: number, stop: number) => NumberReply<TM>;
  ZREMRANGEBYRANK: RedisCommandSignatures<TM>['zRemRangeByRank'];
  /** ZREMRANGEBYLEX key min max: the number of members removed. */
  zRemRangeByLex: (key: RedisArgument, min: RedisArgument, max: RedisArgument) => NumberReply<TM>;
  ZREMRANGEBYLEX: RedisCommandSignatures<TM>['zRemRangeByLex'];
  /** ZPOPMIN key: the lowest `{ value, score }` (removed), or null. */
  zPopMin: (key: RedisArgument) => SortedSetEntry<TM> | null;
  ZPOPMIN: RedisCommandSignatures<TM>['zPopMin'];
  /** ZPOPMIN key count: up to `count` lowest entries (`[]` for a missing key). */
  zPopMinCount: (key: RedisArgument, count: number) => Array<SortedSetEntry<TM>>;
  ZPOPMIN_COUNT: RedisCommandSignatures<TM>['zPopMinCount'];
  /** ZPOPMAX key: the highest `{ value, score }` (removed), or null. */
  zPopMax: (key: RedisArgument) => SortedSetEntry<TM> | null;
  ZPOPMAX: RedisCommandSignatures<TM>['zPopMax'];
  /** ZPOPMAX key count: up to `count` highest entries (`[]` for a missing key). */
  zPopMaxCount: (key: RedisArgument, count: number) => Array<SortedSetEntry<TM>>;
  ZPOPMAX_COUNT: RedisCommandSignatures<TM>['zPopMaxCount'];
  /** ZMPOP numkeys key [key ...] MIN|MAX [COUNT]: `{ key, members }` from the first non-empty set, or null. */
  zmPop: (
    keys: RedisVariadicArgument,
    side: SortedSetSide,
    options?: ZMPopOptions
  ) => { key: BlobReply<TM>; members: Array<SortedSetEntry<TM>> } | null;
  ZMPOP: RedisCommandSignatures<TM>['zmPop'];
  /** BZPOPMIN key [key ...] timeout: `{ key, value, score }` of the lowest member of the first
   * non-empty set, waiting up to `timeout` seconds (0: forever); null on timeout. */
  bzPopMin: (
    keys: RedisVariadicArgument,
    timeout: number
  ) => { key: BlobReply<TM>; value: BlobReply<TM>; score: DoubleReply<TM> } | null;
  BZPOPMIN: RedisCommandSignatures<TM>['bzPopMin'];
  /** BZPOPMAX key [key ...] timeout: as BZPOPMIN, the highest member. */
  bzPopMax: (
    keys: RedisVariadicArgument,
    timeout: number
  ) => { key: BlobReply<TM>; value: BlobReply<TM>; score: DoubleReply<TM> } | null;
  BZPOPMAX: RedisCommandSignatures<TM>['bzPopMax'];
  /** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT]: ZMPOP, waiting for a member. */
  bzmPop: (
    timeout: number,
    keys: RedisVariadicArgument,
    side: SortedSetSide,
    options?: ZMPopOptions
  ) => { key: BlobReply<TM>; members: Array<SortedSetEntry<TM>> } | null;
  BZMPOP: RedisCommandSignatures<TM>['bzmPop'];
  /** ZRANDMEMBER key: a random member, or null for a missing key. */
  zRandMember: (key: RedisArgument) => BlobReply<TM> | null;
  ZRANDMEMBER: RedisCommandSignatures<TM>['zRandMember'];
  /** ZRANDMEMBER key count: distinct random members (count > 0) or possibly repeated ones (count < 0). */
  zRandMemberCount: (key: RedisArgument, count: number) => Array<BlobReply<TM>>;
  ZRANDMEMBER_COUNT: RedisCommandSignatures<TM>['zRandMemberCount'];
  /** ZRANDMEMBER key count WITHSCORES: random `{ value, score }` entries. */
  zRandMemberCountWithScores: (key: RedisArgument, count: number) => Array<SortedSetEntry<TM>>;
  ZRANDMEMBER_COUNT_WITHSCORES: RedisCommandSignatures<TM>['zRandMemberCountWithScores'];
  /** ZUNIONSTORE destination numkeys key [...] [WEIGHTS] [AGGREGATE]: the size of the stored union. */
  zUnionStore: (destination: RedisArgument, keys: ZKeys, options?: ZAggregateOptions) => NumberReply<TM>;
  ZUNIONSTORE: RedisCommandSignatures<TM>['zUnionStore'];
  /** ZINTERSTORE destination numkeys key [...] [WEIGHTS] [AGGREGATE]: the size of the stored intersection. */
  zInterStore: (destination: RedisArgument, keys: ZKeys, options?: ZAggregateOptions) => NumberReply<TM>;
  ZINTERSTORE: RedisCommandSignatures<TM>['zInterStore'];
  /** ZDIFFSTORE destination numkeys key [...]: the size of the stored difference. */
  zDiffStore: (destination: RedisArgument, keys: RedisVariadicArgument) => NumberReply<TM>;
  ZDIFFSTORE: RedisCommandSignatures<TM>['zDiffStore'];
  /** ZUNION numkeys key [...] [WEIGHTS] [AGGREGATE]: the members, by score. */
  zUnion: (keys: ZKeys, options?: ZAggregateOptions) => Array<BlobReply<TM>>;
  ZUNION: RedisCommandSignatures<TM>['zUnion'];
  /** ZUNION ... WITHSCORES: `{ value, score }` entries. */
  zUnionWithScores: (keys: ZKeys, options?: ZAggregateOptions) => Array<SortedSetEntry<TM>>;
  ZUNION_WITHSCORES: RedisCommandSignatures<TM>['zUnionWithScores'];
  /** ZINTER numkeys key [...] [WEIGHTS] [AGGREGATE]: the members, by score. */
  zInter: (keys: ZKeys, options?: ZAggregateOptions) => Array<BlobReply<TM>>;
  ZINTER: RedisCommandSignatures<TM>['zInter'];
  /** ZINTER ... WITHSCORES: `{ value, score }` entries. */
  zInterWithScores: (keys: ZKeys, options?: ZAggregateOptions) => Array<SortedSetEntry<TM>>;
  ZINTER_WITHSCORES: RedisCommandSignatures<TM>['zInterWithScores'];
  /** ZDIFF numkeys key [...]: the members of the first set not in the others, by score. */
  zDiff: (keys: RedisVariadicArgument) => Array<BlobReply<TM>>;
  ZDIFF: RedisCommandSignatures<TM>['zDiff'];
  /** ZDIFF ... WITHSCORES: `{ value, score }` entries. */
  zDiffWithScores: (keys: RedisVariadicArgument) => Array<SortedSetEntry<TM>>;
  ZDIFF_WITHSCORES: RedisCommandSignatures<TM>['zDiffWithScores'];
  /** ZINTERCARD numkeys key [...] [LIMIT]: the size of the intersection (at most `LIMIT`). */
  zInterCard: (keys: RedisVariadicArgument, options?: ZInterCardOptions) => NumberReply<TM>;
  ZINTERCARD: RedisCommandSignatures<TM>['zInterCard'];
  /** ZSCAN key cursor [MATCH] [COUNT]: the next cursor and a page of `{ value, score }` (scores always numbers). */
  zScan: (
    key: RedisArgument,
    cursor: RedisArgument,
    options?: ScanCommonOptions
  ) => { cursor: BlobReply<TM>; members: Array<{ value: BlobReply<TM>; score: number }> };
  ZSCAN: RedisCommandSignatures<TM>['zScan'];

  // keys
  /** DEL key [key ...]: the number of keys removed. */
  del: (keys: RedisVariadicArgument) => NumberReply<TM>;
  DEL: RedisCommandSignatures<TM>['del'];
  /** UNLINK key [key ...]: the number of keys removed. */
  unlink: (keys: RedisVariadicArgument) => NumberReply<TM>;
  UNLINK: RedisCommandSignatures<TM>['unlink'];
  /** EXISTS key [key ...]: how many of the keys exist (repeats counted). */
  exists: (keys: RedisVariadicArgument) => NumberReply<TM>;
  EXISTS: RedisCommandSignatures<TM>['exists'];
  /** TYPE key: 'string', 'hash', 'list', 'set', 'zset', 'stream' or 'none'. */
  type: (key: RedisArgument) => string;
  TYPE: RedisCommandSignatures<TM>['type'];
  /** KEYS pattern */
  keys: (pattern: RedisArgument) => Array<BlobReply<TM>>;
  KEYS: RedisCommandSignatures<TM>['keys'];
  /** SCAN cursor [MATCH] [COUNT] [TYPE]: the next cursor ('0' when done) and a page of keys. */
  scan: (cursor: RedisArgument, options?: ScanOptions) => { cursor: BlobReply<TM>; keys: Array<BlobReply<TM>> };
  SCAN: RedisCommandSignatures<TM>['scan'];
  /** RENAME key newKey */
  rename: (key: RedisArgument, newKey: RedisArgument) => 'OK';
  RENAME: RedisCommandSignatures<TM>['rename'];
  /** RENAMENX key newKey: 1 if renamed, 0 if newKey existed. */
  renameNX: (key: RedisArgument, newKey: RedisArgument) => NumberReply<TM>;
  RENAMENX: RedisCommandSignatures<TM>['renameNX'];
  /** COPY source destination [DB db] [REPLACE]: 1 if copied, 0 if not. */
  copy: (source: RedisArgument, destination: RedisArgument, options?: CopyCommandOptions) => NumberReply<TM>;
  COPY: RedisCommandSignatures<TM>['copy'];
  /** MOVE key db: 1 if moved into database db, 0 if the key is missing or db holds it. */
  move: (key: RedisArgument, db: number) => NumberReply<TM>;
  MOVE: RedisCommandSignatures<TM>['move'];
  /** RANDOMKEY: a random key, or null when the database is empty. */
  randomKey: () => BlobReply<TM> | null;
  RANDOMKEY: RedisCommandSignatures<TM>['randomKey'];
  /** TOUCH key [key ...]: how many of the keys exist. */
  touch: (key: RedisVariadicArgument) => NumberReply<TM>;
  TOUCH: RedisCommandSignatures<TM>['touch'];
  /** OBJECT ENCODING key: 'int', 'embstr', 'raw', ... or null for a missing key. */
  objectEncoding: (key: RedisArgument) => BlobReply<TM> | null;
  OBJECT_ENCODING: RedisCommandSignatures<TM>['objectEncoding'];
  /** OBJECT IDLETIME key: seconds since the last access (LRU policies), null for a missing key. */
  objectIdleTime: (key: RedisArgument) => NumberReply<TM> | null;
  OBJECT_IDLETIME: RedisCommandSignatures<TM>['objectIdleTime'];
  /** OBJECT FREQ key: the logarithmic access counter (LFU policies), null for a missing key. */
  objectFreq: (key: RedisArgument) => NumberReply<TM> | null;
  OBJECT_FREQ: RedisCommandSignatures<TM>['objectFreq'];
  /** OBJECT REFCOUNT key: 1 (2147483647 for the integers Redis shares), null for a missing key. */
  objectRefCount: (key: RedisArgument) => NumberReply<TM> | null;
  OBJECT_REFCOUNT: RedisCommandSignatures<TM>['objectRefCount'];
  /** MEMORY USAGE key [SAMPLES n]: bytes the key holds (collections sampled, 0 = all), or null. */
  memoryUsage: (key: RedisArgument, options?: { SAMPLES?: number }) => NumberReply<TM> | null;
  MEMORY_USAGE: RedisCommandSignatures<TM>['memoryUsage'];

  // expiry
  /** EXPIRE key seconds [mode]: 1 if the timeout was set, 0 if not. */
  expire: (key: RedisArgument, seconds: number, mode?: ExpireMode) => NumberReply<TM>;
  EXPIRE: RedisCommandSignatures<TM>['expire'];
  /** PEXPIRE key milliseconds [mode]: 1 if the timeout was set, 0 if not. */
  pExpire: (key: RedisArgument, ms: number, mode?: ExpireMode) => NumberReply<TM>;
  PEXPIRE: RedisCommandSignatures<TM>['pExpire'];
  /** EXPIREAT key unix-seconds (or a Date) [mode]: 1 if the timeout was set, 0 if not. */
  expireAt: (key: RedisArgument, timestamp: number | Date, mode?: ExpireMode) => NumberReply<TM>;
  EXPIREAT: RedisCommandSignatures<TM>['expireAt'];
  /** PEXPIREAT key unix-milliseconds (or a Date) [mode]: 1 if the timeout was set, 0 if not. */
  pExpireAt: (key: RedisArgument, msTimestamp: number | Date, mode?: ExpireMode) => NumberReply<TM>;
  PEXPIREAT: RedisCommandSignatures<TM>['pExpireAt'];
  /** TTL key: seconds left, -1 without a timeout, -2 for a missing key. */
  ttl: (key: RedisArgument) => NumberReply<TM>;
  TTL: RedisCommandSignatures<TM>['ttl'];
  /** PTTL key: milliseconds left, -1 without a timeout, -2 for a missing key. */
  pTTL: (key: RedisArgument) => NumberReply<TM>;
  PTTL: RedisCommandSignatures<TM>['pTTL'];
  /** EXPIRETIME key: the expiry as unix seconds, -1 without a timeout, -2 for a missing key. */
  expireTime: (key: RedisArgument) => NumberReply<TM>;
  EXPIRETIME: RedisCommandSignatures<TM>['expireTime'];
  /** PEXPIRETIME key: the expiry as unix milliseconds, -1 / -2 as EXPIRETIME. */
  pExpireTime: (key: RedisArgument) => NumberReply<TM>;
  PEXPIRETIME: RedisCommandSignatures<TM>['pExpireTime'];
  /** PERSIST key: 1 if the timeout was removed, 0 if not. */
  persist: (key: RedisArgument) => NumberReply<TM>;
  PERSIST: RedisCommandSignatures<TM>['persist'];

  // server
  /** PING [message]: 'PONG', or the message. */
  ping: (message?: RedisArgument) => string | BlobReply<TM>;
  PING: RedisCommandSignatures<TM>['ping'];
  /** ECHO message */
  echo: (message: RedisArgument) => BlobReply<TM>;
  ECHO: RedisCommandSignatures<TM>['echo'];
  /** TIME: [unix seconds, microseconds], as strings. */
  time: () => [unixTimestamp: BlobReply<TM>, microseconds: BlobReply<TM>];
  TIME: RedisCommandSignatures<TM>['time'];
  /** DBSIZE: the number of keys in the selected database. */
  dbSize: () => NumberReply<TM>;
  DBSIZE: RedisCommandSignatures<TM>['dbSize'];
  /** FLUSHDB [ASYNC | SYNC] */
  flushDb: (mode?: RedisFlushMode) => 'OK';
  FLUSHDB: RedisCommandSignatures<TM>['flushDb'];
  /** FLUSHALL [ASYNC | SYNC] */
  flushAll: (mode?: RedisFlushMode) => 'OK';
  FLUSHALL: RedisCommandSignatures<TM>['flushAll'];
  /** SWAPDB index1 index2 */
  swapDb: (index1: number, index2: number) => 'OK';
  SWAPDB: RedisCommandSignatures<TM>['swapDb'];
  /** INFO [section]: one string with CRLF line ends. */
  info: (section?: RedisArgument) => string;
  INFO: RedisCommandSignatures<TM>['info'];
  /** CLIENT UNBLOCK id [TIMEOUT|ERROR]: end another client's blocking command (1), or 0. */
  clientUnblock: (clientId: number | RedisArgument, mode?: 'TIMEOUT' | 'ERROR') => NumberReply<TM>;
  CLIENT_UNBLOCK: RedisCommandSignatures<TM>['clientUnblock'];
  /** CLIENT ID: this connection's id in its keyspace. */
  clientId: () => NumberReply<TM>;
  CLIENT_ID: RedisCommandSignatures<TM>['clientId'];
  /** CONFIG GET parameter [parameter ...]: `{ name: value }` of the matching parameters. */
  configGet: (parameters: RedisVariadicArgument) => MapReply<TM, BlobReply<TM>>;
  CONFIG_GET: RedisCommandSignatures<TM>['configGet'];
  /** CONFIG SET parameter value, or an object of parameters: 'OK' (all or nothing). */
  configSet: (parameterOrConfig: RedisArgument | Record<string, RedisArgument>, value?: RedisArgument) => 'OK';
  CONFIG_SET: RedisCommandSignatures<TM>['configSet'];
  /** CONFIG RESETSTAT: zeroes INFO's counters. */
  configResetStat: () => 'OK';
  CONFIG_RESETSTAT: RedisCommandSignatures<TM>['configResetStat'];

  // pub/sub
  /** PUBLISH channel message: the number of clients (and patterns) that received it. */
  publish: (channel: RedisArgument, message: RedisArgument) => NumberReply<TM>;
  PUBLISH: RedisCommandSignatures<TM>['publish'];
  /** PUBSUB CHANNELS [pattern]: channels with at least one subscriber. */
  pubSubChannels: (pattern?: RedisArgument) => Array<BlobReply<TM>>;
  PUBSUB_CHANNELS: RedisCommandSignatures<TM>['pubSubChannels'];
  /** PUBSUB NUMSUB [channel ...]: `{ channel: subscribers }`. */
  pubSubNumSub: (channels?: RedisVariadicArgument) => Record<string, number>;
  PUBSUB_NUMSUB: RedisCommandSignatures<TM>['pubSubNumSub'];
  /** PUBSUB NUMPAT: the number of patterns with subscribers. */
  pubSubNumPat: () => NumberReply<TM>;
  PUBSUB_NUMPAT: RedisCommandSignatures<TM>['pubSubNumPat'];
  /** SPUBLISH shardchannel message: the number of shard subscribers that received it. */
  sPublish: (channel: RedisArgument, message: RedisArgument) => NumberReply<TM>;
  SPUBLISH: RedisCommandSignatures<TM>['sPublish'];
  /** PUBSUB SHARDCHANNELS [pattern]: shard channels with at least one subscriber. */
  pubSubShardChannels: (pattern?: RedisArgument) => Array<BlobReply<TM>>;
  PUBSUB_SHARDCHANNELS: RedisCommandSignatures<TM>['pubSubShardChannels'];
  /** PUBSUB SHARDNUMSUB [channel ...]: `{ channel: subscribers }`. */
  pubSubShardNumSub: (channels?: RedisVariadicArgument) => Record<string, number>;
  PUBSUB_SHARDNUMSUB: RedisCommandSignatures<TM>['pubSubShardNumSub'];
}

/** The command methods of a client: each resolves to its reply. */
export type RedisClientCommands<TM extends TypeMapping = {}> = {
  [K in keyof RedisCommandSignatures<TM>]: (
    ...args: Parameters<RedisCommandSignatures<TM>[K]>
  ) => Promise<ReturnType<RedisCommandSignatures<TM>[K]>>;
};

/** The commands that wait for data: not on `client.sync` (a synchronous call cannot wait). */
export type BlockingCommandName =
  | 'blPop' | 'BLPOP' | 'brPop' | 'BRPOP' | 'blMove' | 'BLMOVE' | 'brPopLPush' | 'BRPOPLPUSH'
  | 'blmPop' | 'BLMPOP' | 'bzPopMin' | 'BZPOPMIN' | 'bzPopMax' | 'BZPOPMAX' | 'bzmPop' | 'BZMPOP';

/**
 * `client.sync`: the client's command methods as synchronous calls (redlite's own). Each
 * returns the reply its promise would resolve to and throws what it would reject with
 * (`SimpleError`, `TypeError`, `ClientClosedError`); same arguments, reply shapes, type
 * mapping and keyPrefix. Throws an `Error` while its client waits on a blocking command.
 */
export type RedisSyncCommands<TM extends TypeMapping = {}> = {
  [K in Exclude<keyof RedisCommandSignatures<TM>, BlockingCommandName>]: RedisCommandSignatures<TM>[K];
};

/** The command methods of a MULTI chain: each queues the command and returns the chain. */
export type RedisMultiCommands<TM extends TypeMapping = {}, REPLIES extends Array<unknown> = []> = {
  [K in keyof RedisCommandSignatures<TM>]: (
    ...args: Parameters<RedisCommandSignatures<TM>[K]>
  ) => RedisMulti<TM, [...REPLIES, ReturnType<RedisCommandSignatures<TM>[K]>]>;
};

// ---------------------------------------------------------------------------------------------
// MULTI

/** `exec<'typed'>()` resolves to the typed reply tuple, `exec()` to `Array<ReplyUnion>`. */
export type MultiReply = 'generic' | 'typed';

export type MultiReplyType<T extends MultiReply, REPLIES> = T extends 'typed' ? REPLIES : Array<ReplyUnion>;

/**
 * The chain returned by `client.multi()`. Every command method queues its command and returns
 * the chain; `exec()` runs the queue as one MULTI/EXEC transaction (atomic), `execAsPipeline()`
 * runs it command by command. A failed command in a transaction rejects the whole exec with
 * `MultiErrorReply`; in a pipeline, with the first error.
 */
export interface RedisMulti<TM extends TypeMapping = {}, REPLIES extends Array<unknown> = []>
  extends RedisMultiCommands<TM, REPLIES> {
  /** Queue a raw command; `transformReply` reshapes its reply. */
  addCommand<T = ReplyUnion>(
    args: ReadonlyArray<RedisArgument>,
    transformReply?: (reply: any) => T
  ): RedisMulti<TM, [...REPLIES, T]>;
  /** Queue a raw command. */
  sendCommand(args: ReadonlyArray<RedisArgument>): RedisMulti<TM, [...REPLIES, ReplyUnion]>;
  /** Queue SELECT db: the commands after it (and the client, once run) use that database. */
  select(db: number): RedisMulti<TM, [...REPLIES, 'OK']>;
  SELECT(db: number): RedisMulti<TM, [...REPLIES, 'OK']>;
  /** Run the queue as a transaction (or as a pipeline with `exec(true)`). */
  exec<T extends MultiReply = 'generic'>(execAsPipeline?: boolean): Promise<MultiReplyType<T, REPLIES>>;
  EXEC<T extends MultiReply = 'generic'>(execAsPipeline?: boolean): Promise<MultiReplyType<T, REPLIES>>;
  /** `exec()` resolving to the typed reply tuple. */
  execTyped(execAsPipeline?: boolean): Promise<REPLIES>;
  /** Run the queue command by command, without MULTI/EXEC. */
  execAsPipeline<T extends MultiReply = 'generic'>(): Promise<MultiReplyType<T, REPLIES>>;
  /** `execAsPipeline()` resolving to the typed reply tuple. */
  execAsPipelineTyped(): Promise<REPLIES>;
}

// ---------------------------------------------------------------------------------------------
// Client

/**
 * A client of an in-process keyspace, with node-redis 6's API. Create it with `createClient`,
 * then `await client.connect()`. Commands on a client that is not open reject with
 * `ClientClosedError`.
 */
export declare class RedisClient<TM extends TypeMapping = {}> extends EventEmitter {
  /** Parses a `redis[s]://` URL into socket/username/password/database options. */
  static parseURL(url: string): ParsedRedisURL;
  static create<TM extends TypeMapping = {}>(options?: RedisClientOptions<TM>): RedisClient<TM>;

  constructor(options?: RedisClientOptions<TM>);

  /** The options the client was created with (a `url` already parsed into `socket` etc.). */
  get options(): RedisClientOptions<TM>;
  /** True from `connect()` until `close()`/`quit()`/`destroy()`/`disconnect()`. */
  get isOpen(): boolean;
  /** True once connected and usable. */
  get isReady(): boolean;
  /** True while the client has pub/sub listeners. */
  get isPubSubActive(): boolean;
  /** True from `watch()` until the next `exec()`, `unwatch()` or close. */
  get isWatching(): boolean;
  get isDirtyWatch(): boolean;

  /** Opens the client; resolves to the client itself after the 'connect' and 'ready' events. */
  connect(): Promise<this>;
  /** Closes the client (pending replies resolve first); rejects ClientClosedError if not open. */
  close(): Promise<void>;
  /** @deprecated Use `close()`. Resolves 'OK'. */
  quit(): Promise<'OK'>;
  /** @deprecated Use `close()`. Resolves 'OK'. */
  QUIT(): Promise<'OK'>;
  /** Closes the client at once; a no-op when not open. */
  destroy(): void;
  /** @deprecated Use `destroy()`. */
  disconnect(): Promise<void>;
  ref(): void;
  unref(): void;

  /** The commands as synchronous calls: `client.sync.get(key)` returns the value itself.
   * Blocking commands and client-level methods (multi, watch, subscribe...) are not on it. */
  get sync(): RedisSyncCommands<TM>;

  /** A new, unconnected client with the same options (plus `overrides`). */
  duplicate<TM2 extends TypeMapping = TM>(overrides?: Partial<RedisClientOptions<TM2>>): RedisClient<TM2>;
  /** A proxy sharing this connection whose commands use `options`. */
  withCommandOptions<TM2 extends TypeMapping = {}>(options: CommandOptions<TM2>): RedisClient<TM2>;
  /** A proxy sharing this connection whose replies use `typeMapping` (e.g. Buffers). */
  withTypeMapping<TM2 extends TypeMapping>(typeMapping: TM2): RedisClient<TM2>;

  /** Sends a raw command (no reply transform); `T` defaults to any reply. */
  sendCommand<T = ReplyUnion>(args: ReadonlyArray<RedisArgument>, options?: CommandOptions): Promise<T>;
  /** SELECT db; resolves undefined. */
  select(db: number): Promise<void>;
  SELECT(db: number): Promise<void>;
  /** Starts a MULTI chain. */
  multi(): RedisMulti<TM, []>;
  MULTI(): RedisMulti<TM, []>;
  /** WATCH key [key ...] (keyPrefix applied): a later `multi().exec()` rejects WatchError if
   * another client (or expiry) changes a watched key first. */
  watch(key: RedisVariadicArgument): Promise<'OK'>;
  WATCH(key: RedisVariadicArgument): Promise<'OK'>;
  /** UNWATCH: forget every watched key. */
  unwatch(): Promise<'OK'>;
  UNWATCH(): Promise<'OK'>;

  /** SUBSCRIBE: `listener(message, channel)` for every message on the channels; with
   * `bufferMode` both arguments are Buffers. Resolves once subscribed. */
  subscribe<B extends boolean = false>(
    channels: RedisVariadicArgument,
    listener: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  SUBSCRIBE: RedisClient<TM>['subscribe'];
  /** UNSUBSCRIBE: from every channel, from `channels`, or only `listener` of `channels`. */
  unsubscribe<B extends boolean = false>(
    channels?: RedisVariadicArgument,
    listener?: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  UNSUBSCRIBE: RedisClient<TM>['unsubscribe'];
  /** PSUBSCRIBE: `listener(message, channel)` (the concrete channel) for channels matching the
   * glob patterns. */
  pSubscribe<B extends boolean = false>(
    patterns: RedisVariadicArgument,
    listener: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  PSUBSCRIBE: RedisClient<TM>['pSubscribe'];
  /** PUNSUBSCRIBE: from every pattern, from `patterns`, or only `listener` of `patterns`. */
  pUnsubscribe<B extends boolean = false>(
    patterns?: RedisVariadicArgument,
    listener?: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  PUNSUBSCRIBE: RedisClient<TM>['pUnsubscribe'];
  /** SSUBSCRIBE: as subscribe, on shard channels (SPUBLISH's own namespace). */
  sSubscribe<B extends boolean = false>(
    channels: RedisVariadicArgument,
    listener: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  SSUBSCRIBE: RedisClient<TM>['sSubscribe'];
  /** SUNSUBSCRIBE: from every shard channel, from `channels`, or only `listener` of them. */
  sUnsubscribe<B extends boolean = false>(
    channels?: RedisVariadicArgument,
    listener?: PubSubListener<B>,
    bufferMode?: B
  ): Promise<void>;
  SUNSUBSCRIBE: RedisClient<TM>['sUnsubscribe'];
  /** The listeners of one kind: channel or pattern -> `{ buffers, strings }` listener sets. */
  getPubSubListeners(type: PubSubType): Map<string, PubSubChannelListeners>;
  /** Adds listener sets (from another client's getPubSubListeners) for one channel,
   * subscribing when this client did not listen to it yet. */
  extendPubSubChannelListeners(type: PubSubType, channel: string, listeners: PubSubChannelListeners): Promise<void>;
  /** extendPubSubChannelListeners for every channel of a getPubSubListeners map. */
  extendPubSubListeners(type: PubSubType, listeners: Map<string, PubSubChannelListeners>): Promise<void>;
  /** Iterates the keyspace with SCAN, yielding one array of keys per page (pages may be empty). */
  scanIterator(options?: ScanIteratorOptions): AsyncGenerator<Array<BlobReply<TM>>, void, unknown>;
  /** Iterates a hash with HSCAN, yielding one array of `{ field, value }` per page. */
  hScanIterator(key: RedisArgument, options?: HScanIteratorOptions): AsyncGenerator<Array<HashEntry<TM>>, void, unknown>;
  /** Iterates a hash with HSCAN, yielding one array of values per page. */
  hScanValuesIterator(key: RedisArgument, options?: HScanIteratorOptions): AsyncGenerator<Array<BlobReply<TM>>, void, unknown>;
  /** Iterates a hash with HSCAN ... NOVALUES (Redis 7.4+), yielding one array of fields per page. */
  hScanNoValuesIterator(key: RedisArgument, options?: HScanIteratorOptions): AsyncGenerator<Array<BlobReply<TM>>, void, unknown>;
  /** Iterates a set with SSCAN, yielding one array of members per page. */
  sScanIterator(key: RedisArgument, options?: SScanIteratorOptions): AsyncGenerator<Array<BlobReply<TM>>, void, unknown>;
  /** Iterates a sorted set with ZSCAN, yielding one array of `{ value, score }` per page. */
  zScanIterator(
    key: RedisArgument,
    options?: ZScanIteratorOptions
  ): AsyncGenerator<Array<{ value: BlobReply<TM>; score: number }>, void, unknown>;

  on(event: 'connect' | 'ready' | 'end' | 'reconnecting', listener: () => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'terminated', listener: (cause: unknown) => void): this;
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: 'connect' | 'ready' | 'end' | 'reconnecting', listener: () => void): this;
  once(event: 'error', listener: (err: Error) => void): this;
  once(event: 'terminated', listener: (cause: unknown) => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
}

// Every command method, in both spellings (see RedisCommandSignatures).
export interface RedisClient<TM extends TypeMapping = {}> extends RedisClientCommands<TM> {}

/** The client type, under node-redis's name. */
export type RedisClientType<TM extends TypeMapping = {}> = RedisClient<TM>;

/** Creates a client (not yet connected: call `connect()`). */
export declare function createClient<TM extends TypeMapping = {}>(options?: RedisClientOptions<TM>): RedisClient<TM>;

// ---------------------------------------------------------------------------------------------
// Errors (node-redis's classes; `err.name` stays 'Error', as in node-redis)

/** Base class of the errors replied by the server. */
export declare class ErrorReply extends Error {}
/** A `-ERR ...`/`-WRONGTYPE ...` reply; `message` is the server's text. */
export declare class SimpleError extends ErrorReply {}
/** A RESP3 blob error reply. */
export declare class BlobError extends ErrorReply {}
/** A transaction (exec) in which some commands failed. */
export declare class MultiErrorReply extends ErrorReply {
  /** Every reply, with the failed ones as error objects. */
  replies: Array<unknown>;
  /** The indexes of the failed replies. */
  errorIndexes: Array<number>;
  constructor(replies: Array<unknown>, errorIndexes: Array<number>);
  /** The failed replies. */
  errors(): Generator<ErrorReply, void, unknown>;
}
/** A WATCHed key changed: the transaction was not run. */
export declare class WatchError extends Error {
  constructor(message?: string);
}
/** 'The client is closed' */
export declare class ClientClosedError extends Error {
  constructor();
}
/** 'The client is offline' */
export declare class ClientOfflineError extends Error {
  constructor();
}
/** 'Disconnects client' */
export declare class DisconnectsClientError extends Error {
  constructor();
}
/** 'Socket closed unexpectedly' */
export declare class SocketClosedUnexpectedlyError extends Error {
  constructor();
}
/** 'Connection timeout' */
export declare class ConnectionTimeoutError extends Error {
  constructor();
}
/** A command timed out (empty message). */
export declare class TimeoutError extends Error {
  constructor();
}
/** 'The command was aborted' */
export declare class AbortError extends Error {
  constructor();
}
/** The reconnect strategy gave up; the message is `originalError`'s. */
export declare class ReconnectStrategyError extends Error {
  originalError: Error;
  socketError: unknown;
  constructor(originalError: Error, socketError: unknown);
}

// ---------------------------------------------------------------------------------------------
// Express and caching helpers (lib/cache). Each takes a connected redlite client or a node-redis
// one: the same code runs against a Redis server. Request/response types are structural, so
// these declarations need no @types/express.

/** The part of a Redis client the helpers use (a redlite or node-redis client). */
export type CacheClient = any;

/** An express-style request handler, with the route cache's extra methods. */
export interface CacheMiddleware {
  (req: any, res: any, next: (err?: unknown) => void): void;
  /**
   * Drops entries: `'glob'` or `{ pattern }` (SCAN MATCH over key parts; the prefix is
   * escaped), `{ tags }` (every entry with those tags) or `{ keys }` (exact key parts, with
   * their Vary variants). Resolves the number of keys deleted; rejects on client errors.
   */
  invalidate(what: string | { pattern?: string; tags?: Array<string>; keys?: Array<string> }): Promise<number>;
  /** Waits for held locks, then closes the lock's own connection (call it at shutdown). */
  close(): Promise<void>;
}

/** Options of `cacheMiddleware` (defaults in brackets). */
export interface CacheMiddlewareOptions {
  /** A connected redlite or node-redis client (required). */
  client: CacheClient;
  /** Key prefix ['rc:']. */
  prefix?: string;
  /** Seconds an entry is fresh [60]. */
  ttl?: number;
  /** Random extra freshness: below 1 a fraction of ttl, from 1 up seconds [0.1]. */
  jitter?: number;
  /** Seconds a stale entry is served (X-Cache: STALE) while one refresh runs [0]. */
  staleWhileRevalidate?: number;
  /** Largest body stored, in bytes; larger ones are served but not stored [1048576]. */
  maxSize?: number;
  /** Statuses that may be stored [[200]]. */
  statuses?: Array<number>;
  /** Methods that use the cache [['GET', 'HEAD']]. */
  methods?: Array<string>;
  /** The key part of a request; null/undefined bypasses the cache [req.originalUrl]. */
  key?: (req: any) => string | null | undefined;
  /** Cache-Control set on stored responses whose route set none. */
  cacheControl?: string;
  /** Tags of a stored response, for invalidate({ tags }). */
  tags?: (req: any, res: any) => Array<string>;
  /** Cache requests with Authorization or the session cookie; then `key` must include the user [false]. */
  cacheAuthenticated?: boolean;
  /** The session cookie's name; false for no cookie check ['connect.sid']. */
  sessionCookie?: string | false;
  /** Called once per failing cache operation (the request is served as if there were no cache). */
  onError?: (err: Error) => void;
  /** Stampede lock in Redis so one process rebuilds a missing entry [true]. */
  lock?: boolean;
  /** Milliseconds a lock is held at most [10000]. */
  lockTtl?: number;
  /** Milliseconds a request waits for another's rebuild before running the route [5000]. */
  lockWait?: number;
  /** Milliseconds per cache operation before failing open [1000]. */
  timeout?: number;
}

/** Route-cache middleware: caches whole responses (X-Cache: HIT/MISS/STALE, ETag, 304). */
export declare function cacheMiddleware(options: CacheMiddlewareOptions): CacheMiddleware;

/** Per-call options of cache-aside reads and writes (the cache's options are the defaults). */
export interface CacheCallOptions {
  /** Seconds the entry is fresh. */
  ttl?: number;
  /** Fraction in [0, 1]: the entry lives ttl × (1 − jitter × random). */
  jitter?: number;
  /** Tags, for invalidate({ tags }). */
  tags?: string | Array<string>;
  /** Seconds a `null` from fetch is cached as a negative entry (0: not cached). */
  negativeTtl?: number;
  /** Fraction: refresh in the background when less than this part of the ttl is left. */
  refreshAhead?: number;
  /** Seconds a stale value is served while one background refresh runs. */
  staleWhileRevalidate?: number;
}

/** Options of `createCache` (defaults in brackets). */
export interface CreateCacheOptions extends CacheCallOptions {
  /** A connected redlite or node-redis client (required; never closed by the cache). */
  client: CacheClient;
  /** Key prefix ['cache:']. */
  prefix?: string;
  /** How values are stored [JSON]. */
  serializer?: { stringify(value: unknown): string; parse(text: string): unknown };
  /** Milliseconds the cross-process fill lock is held at most; 0 turns it off [5000]. */
  lockTtl?: number;
  /** Milliseconds to wait for another instance's fill before fetching [lockTtl]. */
  lockWait?: number;
  /** Milliseconds between looks while waiting [25]. */
  lockPoll?: number;
  /** Client errors the cache fails open on, and failed background refreshes. */
  onError?: (err: Error, info: { op: string; key?: string }) => void;
  /** An in-process LRU copy of fresh entries [false]; true means { max: 1000, ttl: 5 }. */
  local?: boolean | { max?: number; ttl?: number };
  /** Publish invalidations so other instances drop their local copies [false]. */
  broadcast?: boolean;
  /** The pub/sub channel of broadcasts [prefix + '__invalidate']; giving it turns broadcast on. */
  channel?: string;
}

/** What cache-aside reads and writes share (a cache or one of its namespaces). */
export interface CacheView {
  /**
   * The cached value of `key`, else `fetch()`'s, cached with the TTL (single flight within the
   * process, a lock across processes). Without `fetch`, the cached value or undefined.
   */
  get<T = any>(key: string, fetch?: () => T | Promise<T>, options?: CacheCallOptions): Promise<T>;
  /** Alias of get. */
  wrap<T = any>(key: string, fetch: () => T | Promise<T>, options?: CacheCallOptions): Promise<T>;
  /** Alias of get. */
  cached<T = any>(key: string, fetch: () => T | Promise<T>, options?: CacheCallOptions): Promise<T>;
  /** Stores `value` (null: a negative entry). */
  set(key: string, value: unknown, options?: CacheCallOptions): Promise<void>;
  /** Drops `key`; resolves the number of keys deleted. */
  del(key: string): Promise<number>;
  /** Drops entries by key, tag or glob pattern (SCAN, never KEYS); resolves the count. */
  invalidate(what: { keys?: Array<string>; tags?: Array<string>; pattern?: string }): Promise<number>;
  /** Counters: hits, localHits, misses, stale, fetches, errors, localSize. */
  stats(): { hits: number; localHits: number; misses: number; stale: number; fetches: number; errors: number; localSize: number };
}

/** A versioned namespace: bump() invalidates all its entries at once. */
export interface CacheNamespace extends CacheView {
  readonly name: string;
  /** The current version number. */
  version(): Promise<number>;
  /** Moves to a new version (INCR); old entries age out by TTL. */
  bump(): Promise<number>;
}

/** A cache-aside helper over a client. */
export interface Cache extends CacheView {
  /** A versioned namespace of this cache. */
  namespace(name: string): CacheNamespace;
  /** Resolves once the broadcast subscription listens. */
  ready(): Promise<void>;
  /** Unsubscribes and closes what the cache opened (not the client). */
  close(): Promise<void>;
}

/** Creates a cache-aside helper. */
export declare function createCache(options: CreateCacheOptions): Cache;

/** `s` with glob characters escaped, for a literal part of an invalidate() pattern. */
export declare function escapeGlob(s: string): string;

/** Options of `writeThrough`: the database first, then the cache. */
export interface WriteThroughOptions<R = unknown> {
  /** The database write (required). */
  write(value: unknown): Promise<R> | R;
  /** The cache key (required). */
  key: string;
  /** The value written. */
  value: unknown;
  /** A cache from createCache (or one of its namespaces)... */
  cache?: CacheView;
  /** ...or a client, storing serializer.stringify(value) at `key`. */
  client?: CacheClient;
  /** Seconds the cached value lives. */
  ttl?: number;
  /** Tags (with `cache`). */
  tags?: string | Array<string>;
  /** With `client` [JSON]. */
  serializer?: { stringify(value: unknown): string; parse(text: string): unknown };
}

/**
 * Writes the database, then the cache. When the database write fails, the cache entry is
 * deleted and the error rethrown; when the cache write fails after it, the entry is deleted and
 * the error rethrown with `written: true`. Resolves what `write` resolved.
 */
export declare function writeThrough<R = unknown>(options: WriteThroughOptions<R>): Promise<R>;

/** Options of `createWriteBehind` (defaults in brackets). */
export interface WriteBehindOptions {
  /** A connected client; the queue lives in its keyspace (required). */
  client: CacheClient;
  /** Writes a batch of distinct keys to the database; a rejection is retried (required). */
  write(batch: Array<{ key: string; value: unknown }>): Promise<unknown>;
  /** Key prefix of the queue ['wb:']. */
  prefix?: string;
  /** Entries per batch; reaching it starts a flush [100]. */
  batchSize?: number;
  /** Milliseconds between a set() and the flush [1000]. */
  intervalMs?: number;
  /** Retries of a failed batch within one flush [5]. */
  maxRetries?: number;
  /** Milliseconds before retry n: backoff × 2^(n−1), or a function [100]. */
  backoff?: number | ((attempt: number, err: Error) => number);
  /** A cache from createCache to update on set(). */
  cache?: CacheView;
  /** Seconds, for the cache write. */
  ttl?: number;
  /** How values are kept in the queue [JSON]. */
  serializer?: { stringify(value: unknown): string; parse(text: string): unknown };
  /** Milliseconds the one-worker lock is held at most [60000]. */
  lockTtl?: number;
  /** Failures of background flushes (they are retried later). */
  onError?: (err: Error, info: { op: string }) => void;
}

/** A write-behind queue. */
export interface WriteBehind {
  /** Updates the cache now and queues the database write (repeated writes coalesce). */
  set(key: string, value: unknown): Promise<void>;
  /** Keys waiting to be written. */
  pending(): Promise<number>;
  /** Writes everything queued now. */
  flush(): Promise<void>;
  /** Drains the queue, then refuses writes. */
  close(): Promise<void>;
}

/** Creates a write-behind queue (see README for its data-loss window). */
export declare function createWriteBehind(options: WriteBehindOptions): WriteBehind;
