'use strict';

// RedisClient: node-redis 6's client surface over an in-process keyspace. Lifecycle
// (connect/close/quit/destroy/disconnect, isOpen/isReady, events), command methods built
// from the command table, sendCommand, select, multi, scan iterators, duplicate and the
// withTypeMapping/withCommandOptions proxies.
//
// State lives in one object (`_state`) shared with the proxies made by withTypeMapping,
// which are `Object.create(client)` like node-redis's.
const { EventEmitter } = require('events');
const {
  binding, BLOCKED, REPLY_BUFFERS, REPLY_NUMBERS_AS_STRINGS, REPLY_DOUBLES_AS_STRINGS, REPLY_MAP_AS_MAP, REPLY_MAP_AS_ARRAY,
  REPLY_SET_AS_SET
} = require('./native');
const { getKeyspace } = require('./keyspace');
const { attachCommands } = require('./commander');
const { attachFastPaths, finishReply } = require('./fastpath');
const { CommandParser, prefixKeys } = require('./parser');
const { RedisMulti } = require('./multi');
const { RESP_TYPES } = require('./resp-types');
const { SimpleError, ClientClosedError } = require('./errors');
const { attachPubSub, dispatch, newListeners } = require('./pubsub');
const { waitBlocked, deferWhileBlocked, onBlockedReply, releaseBlocked } = require('./blocking');
const { REPLY_PACK } = require('./packed');
const { plainArgs } = require('./args');
const { RedisSyncClient } = require('./sync');

// Outbox message kinds (src/core/redlite.h RL_OUT_*).
const OUT_MESSAGE = 1;

// Longest command passed to the binding as separate arguments (src/napi/addon.c).
const MAX_SPREAD_ARGS = 32;

// createClient's URL grammar, as node-redis's RedisClient.parseURL.
function parseURL(url) {
  const { hostname, port, protocol, username, password, pathname } = new URL(url);
  const parsed = { socket: { host: hostname.replace(/^\[|\]$/g, '') } };
  if (protocol === 'rediss:') {
    parsed.socket.tls = true;
  } else if (protocol !== 'redis:') {
    throw new TypeError(`Protocol - ${protocol} - is not a valid Redis protocol. Expected redis: or rediss:`);
  }
  if (port) parsed.socket.port = Number(port);
  if (username) parsed.username = decodeURIComponent(username);
  if (password) parsed.password = decodeURIComponent(password);
  if (pathname.length > 1) {
    const database = Number(pathname.substring(1));
    if (Number.isNaN(database)) throw new TypeError('Invalid pathname');
    parsed.database = database;
  }
  return parsed;
}

// command.parseCommand(parser, ...args) without a spread call for the common short
// argument lists (a spread call costs V8 a slow path on every command).
function callParse(command, parser, args) {
  switch (args.length) {
    case 0:
      return command.parseCommand(parser);
    case 1:
      return command.parseCommand(parser, args[0]);
    case 2:
      return command.parseCommand(parser, args[0], args[1]);
    case 3:
      return command.parseCommand(parser, args[0], args[1], args[2]);
    default:
      return command.parseCommand(parser, ...args);
  }
}

// Reply flags for the binding from a node-redis type mapping.
function replyFlags(typeMapping) {
  if (!typeMapping) return 0;
  let flags = 0;
  if (typeMapping[RESP_TYPES.BLOB_STRING] === Buffer) flags |= REPLY_BUFFERS;
  if (typeMapping[RESP_TYPES.NUMBER] === String) flags |= REPLY_NUMBERS_AS_STRINGS;
  if (typeMapping[RESP_TYPES.DOUBLE] === String) flags |= REPLY_DOUBLES_AS_STRINGS;
  if (typeMapping[RESP_TYPES.MAP] === Map) flags |= REPLY_MAP_AS_MAP;
  else if (typeMapping[RESP_TYPES.MAP] === Array) flags |= REPLY_MAP_AS_ARRAY;
  if (typeMapping[RESP_TYPES.SET] === Set) flags |= REPLY_SET_AS_SET;
  return flags;
}

// redlite's createClient options that set keyspace-wide CONFIG parameters on connect.
const CONFIG_OPTIONS = [
  ['notifyKeyspaceEvents', 'notify-keyspace-events'],
  ['maxmemoryPolicy', 'maxmemory-policy'],
  ['maxmemory', 'maxmemory'],
  ['maxkeys', 'maxkeys'],
  ['hugepages', 'hugepages']
];

// The CONFIG SET arguments (parameter, value, ...) the options ask for (a boolean as yes/no).
function configFromOptions(options) {
  const args = [];
  for (const [option, parameter] of CONFIG_OPTIONS) {
    const v = options[option];
    if (v !== undefined) args.push(parameter, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  }
  return args;
}

class RedisClient extends EventEmitter {
  static parseURL(url) {
    return parseURL(url);
  }

  static create(options) {
    return new RedisClient(options);
  }

  constructor(options) {
    super();
    const opts = { ...options };
    if (opts.url) {
      const parsed = parseURL(opts.url);
      opts.socket = { ...parsed.socket, ...opts.socket };
      for (const k of ['username', 'password', 'database']) {
        if (parsed[k] !== undefined && opts[k] === undefined) opts[k] = parsed[k];
      }
    }
    this._state = {
      options: opts,
      keyspace: getKeyspace(opts.socket),
      handle: null,
      isOpen: false,
      isReady: false,
      // One parser reused by every command call (reset each time; commands run
      // synchronously, so no two calls share it at once).
      parser: new CommandParser(opts.keyPrefix),
      parserBusy: false,
      id: 0, // the core's client id (CLIENT ID), the key of outbox messages
      listeners: newListeners(), // pub/sub (lib/pubsub.js)
      watching: false,
      blocked: null, // the pending blocked command (lib/blocking.js)
      waiting: [] // calls issued while blocked, run in order afterwards
    };
    this._commandOptions = opts.commandOptions;
    this._flags = replyFlags(opts.commandOptions && opts.commandOptions.typeMapping);
    this._sync = new RedisSyncClient(this);
  }

  // The client's commands as synchronous calls (lib/sync.js).
  get sync() {
    return this._sync;
  }

  get options() {
    return this._state.options;
  }

  get isOpen() {
    return this._state.isOpen;
  }

  get isReady() {
    return this._state.isReady;
  }

  get isWatching() {
    return this._state.watching;
  }

  get isDirtyWatch() {
    return false;
  }

  // Open the client: resolves to the client after 'connect' and 'ready'.
  connect() {
    const st = this._state;
    if (st.isOpen) return Promise.reject(new Error('Socket already opened'));
    st.isOpen = true;
    st.handle = binding.clientNew(st.keyspace.server);
    st.keyspace.acquire();
    st.id = binding.exec(st.handle, 0, 'CLIENT', 'ID');
    if (st.options.RESP === 2) binding.clientSetProtocol(st.handle, 2);
    st.keyspace.clients.set(st.id, this);
    const db = st.options.database;
    let failed = db ? binding.exec(st.handle, 0, 'SELECT', String(db)) : null;
    const config = configFromOptions(st.options);
    if (!(failed instanceof SimpleError) && config.length) {
      failed = binding.exec(st.handle, 0, 'CONFIG', 'SET', ...config);
    }
    return Promise.resolve().then(() => {
      if (failed instanceof SimpleError) {
        this._release();
        this.emit('error', failed);
        throw failed;
      }
      this.emit('connect');
      st.isReady = true;
      this.emit('ready');
      return this;
    });
  }

  _release() {
    const st = this._state;
    st.isOpen = false;
    st.isReady = false;
    st.watching = false;
    st.listeners = newListeners();
    releaseBlocked(this);
    if (st.handle) {
      st.keyspace.clients.delete(st.id);
      binding.clientRelease(st.handle);
      st.handle = null;
      st.keyspace.release();
    }
  }

  // A message for this client from the keyspace's outbox (lib/keyspace.js): a pub/sub
  // message, or the reply of its blocked command.
  _onOutboxMessage(kind, value) {
    if (kind === OUT_MESSAGE) dispatch(this, value);
    else onBlockedReply(this, value);
  }

  // Close after pending replies (all of ours are already computed).
  close() {
    const st = this._state;
    if (!st.isOpen) return Promise.reject(new ClientClosedError());
    st.isOpen = false;
    return Promise.resolve().then(() => {
      this._release();
      this.emit('end');
    });
  }

  quit() {
    return this.close().then(() => 'OK');
  }

  QUIT() {
    return this.quit();
  }

  destroy() {
    if (!this._state.isOpen) return undefined;
    this._release();
    this.emit('end');
    return undefined;
  }

  disconnect() {
    return Promise.resolve(this.destroy());
  }

  ref() {}

  unref() {}

  duplicate(overrides) {
    const opts = { ...this._state.options, ...overrides };
    return new RedisClient(opts);
  }

  withCommandOptions(options) {
    const proxy = Object.create(this);
    proxy._commandOptions = options;
    proxy._flags = replyFlags(options && options.typeMapping);
    proxy._sync = new RedisSyncClient(proxy);
    return proxy;
  }

  withTypeMapping(typeMapping) {
    return this.withCommandOptions({ ...this._commandOptions, typeMapping });
  }

  // Run argv now and return the raw reply (a SimpleError instance for an error reply).
  // Throws ClientClosedError when the client is not open, and node-redis's TypeError for
  // an argument that is not a string or Buffer.
  _execRaw(args, flags = this._flags) {
    return this._execArgs(args, args.length, flags);
  }

  // Run the first 'n' elements of 'args'. Short commands go as separate arguments (cheaper
  // for the binding, and no spread call), long ones and one-element ones (which could hold
  // an array) as one array.
  _execArgs(args, n, flags) {
    const handle = this._state.handle;
    if (!handle || !this._state.isOpen) throw new ClientClosedError();
    switch (n) {
      case 2:
        return binding.exec(handle, flags, args[0], args[1]);
      case 3:
        return binding.exec(handle, flags, args[0], args[1], args[2]);
      case 4:
        return binding.exec(handle, flags, args[0], args[1], args[2], args[3]);
      default: {
        const argv = n === args.length ? args : args.slice(0, n);
        return n > 1 && n <= MAX_SPREAD_ARGS
          ? binding.exec(handle, flags, ...argv)
          : binding.exec(handle, flags, argv);
      }
    }
  }

  // Run 'command' (a lib/commands module) with its method's arguments now and return its
  // reply, transformed as node-redis does; BLOCKED when the command blocked the client (its
  // reply comes later). Throws the reply's SimpleError, node-redis's TypeError for a bad
  // argument, ClientClosedError on a closed client. The caller deals with a blocked client.
  _runCommand(command, args) {
    const st = this._state;
    // Reuse the client's parser unless a call is already using it (an argument's
    // toString() that calls the client back): then take a fresh one.
    const shared = !st.parserBusy;
    const parser = shared ? st.parser : new CommandParser(st.options.keyPrefix);
    let reply;
    try {
      if (shared) {
        st.parserBusy = true;
        parser.reset();
      }
      callParse(command, parser, args);
      reply = this._execArgs(parser.args, parser.n, command.packReply ? this._flags | REPLY_PACK : this._flags);
    } finally {
      parser.clear();
      if (shared) st.parserBusy = false;
    }
    return reply === BLOCKED ? reply : finishReply(command, reply);
  }

  _executeCommand(command, args) {
    if (this._state.blocked) return deferWhileBlocked(this, () => this._executeCommand(command, args));
    let reply;
    try {
      reply = this._runCommand(command, args);
    } catch (err) {
      return Promise.reject(err);
    }
    if (reply === BLOCKED) return waitBlocked(this, command.transformReply);
    return Promise.resolve(reply);
  }

  sendCommand(args, options) {
    if (this._state.blocked) return deferWhileBlocked(this, () => this.sendCommand(args, options));
    let reply;
    try {
      const argv = typeof args === 'string' ? Array.from(args) : plainArgs(args);
      const flags = options && options.typeMapping ? replyFlags(options.typeMapping) : this._flags;
      reply = this._execRaw(argv, flags);
    } catch (err) {
      return Promise.reject(err);
    }
    if (reply === BLOCKED) return waitBlocked(this, undefined);
    return reply instanceof SimpleError ? Promise.reject(reply) : Promise.resolve(reply);
  }

  select(db) {
    let args;
    try {
      args = ['SELECT', db.toString()];
    } catch (err) {
      return Promise.reject(err);
    }
    return this.sendCommand(args).then(() => undefined);
  }

  SELECT(db) {
    return this.select(db);
  }

  multi() {
    return new RedisMulti(this);
  }

  // WATCH key|keys, with the client's keyPrefix applied, as node-redis's WATCH.
  watch(key) {
    let reply;
    try {
      reply = this._execRaw(['WATCH', ...prefixKeys(this._state.options.keyPrefix, key)], 0);
    } catch (err) {
      return Promise.reject(err);
    }
    if (reply instanceof SimpleError) return Promise.reject(reply);
    this._state.watching = true;
    return Promise.resolve(reply);
  }

  WATCH(key) {
    return this.watch(key);
  }

  unwatch() {
    let reply;
    try {
      reply = this._execRaw(['UNWATCH'], 0);
    } catch (err) {
      return Promise.reject(err);
    }
    this._state.watching = false;
    return Promise.resolve(reply);
  }

  UNWATCH() {
    return this.unwatch();
  }

  MULTI() {
    return this.multi();
  }

  async* scanIterator(options) {
    let cursor = (options && options.cursor) || '0';
    do {
      const reply = await this.scan(cursor, options);
      cursor = reply.cursor;
      yield reply.keys;
    } while (cursor.toString() !== '0');
  }

  // HSCAN iterators, as node-redis 6.3.1's: one yield per HSCAN page (pages may be empty),
  // starting from options.cursor ?? '0' (the cursor option is not sent as an argument).
  // hScanIterator yields [{ field, value }, ...], hScanValuesIterator [value, ...],
  // hScanNoValuesIterator [field, ...] (HSCAN ... NOVALUES, Redis 7.4+).
  async* hScanIterator(key, options) {
    let cursor = options?.cursor ?? '0';
    do {
      const reply = await this.hScan(key, cursor, options);
      cursor = reply.cursor;
      yield reply.entries;
    } while (cursor.toString() !== '0');
  }

  async* hScanValuesIterator(key, options) {
    let cursor = options?.cursor ?? '0';
    do {
      const reply = await this.hScan(key, cursor, options);
      cursor = reply.cursor;
      yield reply.entries.map((entry) => entry.value);
    } while (cursor.toString() !== '0');
  }

  async* hScanNoValuesIterator(key, options) {
    let cursor = options?.cursor ?? '0';
    do {
      const reply = await this.hScanNoValues(key, cursor, options);
      cursor = reply.cursor;
      yield reply.fields;
    } while (cursor.toString() !== '0');
  }

  // SSCAN iterator, as node-redis 6.3.1's: one array of members per SSCAN page.
  async* sScanIterator(key, options) {
    let cursor = options?.cursor ?? '0';
    do {
      const reply = await this.sScan(key, cursor, options);
      cursor = reply.cursor;
      yield reply.members;
    } while (cursor.toString() !== '0');
  }

  // ZSCAN iterator, as node-redis 6.3.1's: one array of { value, score } per ZSCAN page.
  async* zScanIterator(key, options) {
    let cursor = options?.cursor ?? '0';
    do {
      const reply = await this.zScan(key, cursor, options);
      cursor = reply.cursor;
      yield reply.members;
    } while (cursor.toString() !== '0');
  }
}

attachCommands(RedisClient.prototype, '_executeCommand');
attachPubSub(RedisClient.prototype);

attachFastPaths(RedisClient.prototype);

function createClient(options) {
  return new RedisClient(options);
}

module.exports = { RedisClient, createClient, parseURL };
