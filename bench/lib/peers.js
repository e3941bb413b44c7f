'use strict';
// The stores compared by throughput.js, behind one shape:
//   { name, modes, ops: { OP(i) }, open(), flush(), close() }
// - modes: ['seq', 'batch100'] for async peers, whose ops return promises; ['sync'] for
//   synchronous ones, whose ops return the reply;
// - ops: the ops the peer supports (names from lib/tp-data.js OPS), each running call i
//   of the workload d given to the factory (lib/tp-data.js makeWorkload); an op the peer
//   lacks is absent, and is never run. Valid once open() has resolved;
// - open() rejects with a PeerSkipped when the peer cannot run here (its reason is the
//   line to print); flush() empties the peer's keyspace; close() releases it.
// Each peer has a keyspace of its own.
const { LRUCache } = require('lru-cache');
const IORedisMock = require('ioredis-mock');
const NodeCache = require('node-cache');
const nodeRedis = require('redis');
const redlite = require('../..');
const { MULTI_SETS } = require('./tp-data');

// Thrown by open() for a peer that cannot run in this build or on this machine.
class PeerSkipped extends Error {}

// MULTI call i on client c (c.multi() with chainable set/get and exec(), as node-redis and
// ioredis have): one MULTI/EXEC block of MULTI_SETS SETs then GETs of consecutive string
// keys, wrapping at n.
function multiOp(c, d) {
  return (i) => {
    const m = c.multi();
    for (let j = 0; j < MULTI_SETS; j++) {
      const k = (i * MULTI_SETS + j) % d.n;
      m.set(d.keys[k], d.values[k]);
    }
    for (let j = 0; j < MULTI_SETS; j++) m.get(d.keys[(i * MULTI_SETS + j) % d.n]);
    return m.exec();
  };
}

// The ops of a client with node-redis 6's camelCase command methods (redlite, node-redis,
// redlite's client.sync), over workload d. With multi, MULTI too (c.multi()...exec()).
function commandOps(c, d, multi) {
  const ops = {
    SET: (i) => c.set(d.keys[i], d.values[i]),
    GET: (i) => c.get(d.keys[i]),
    GETr: (i) => c.get(d.keys[d.order[i]]),
    INCR: (i) => c.incr(d.counters[i]),
    HSET: (i) => c.hSet(d.hashes[i], d.fields[i], d.elems[i]),
    HGET: (i) => c.hGet(d.hashes[i], d.fields[i]),
    LPUSH: (i) => c.lPush(d.lists[i], d.elems[i]),
    LPOP: (i) => c.lPop(d.lists[i]),
    SADD: (i) => c.sAdd(d.sets[i], d.fields[i]),
    ZADD: (i) => c.zAdd(d.zsets[i], { score: i, value: d.fields[i] }),
    ZRANGE: (i) => c.zRange(d.zsets[i], 0, 9)
  };
  if (multi) ops.MULTI = multiOp(c, d);
  return ops;
}

// A peer behind the node-redis API; flush is FLUSHDB (the two node-redis peers share one
// server, each on its own database).
function nodeRedisApiPeer(name, c, d, flush) {
  return {
    name,
    modes: ['seq', 'batch100'],
    ops: commandOps(c, d, true),
    open: () => c.connect(),
    flush,
    close: () => c.close()
  };
}

// redlite's async client, on its default keyspace.
function redlitePeer(d) {
  const c = redlite.createClient();
  return nodeRedisApiPeer('redlite', c, d, () => c.flushAll());
}

// The client.sync method each op of the redlite sync peer calls.
const SYNC_METHODS = { SET: 'set', GET: 'get', GETr: 'get', INCR: 'incr', HSET: 'hSet', HGET: 'hGet', LPUSH: 'lPush',
  LPOP: 'lPop', SADD: 'sAdd', ZADD: 'zAdd', ZRANGE: 'zRange' };

// redlite's synchronous facade: client.sync, an object with the async client's camelCase
// command methods (get, set, incr, hSet, hGet, lPush, lPop, sAdd, zAdd, zRange, ...) that
// return plain replies and throw errors; no multi. On a keyspace of its own (another
// address). open() rejects with PeerSkipped when the build has no client.sync.
function redliteSyncPeer(d) {
  const c = redlite.createClient({ socket: { path: 'redlite-bench-sync' } });
  const peer = {
    name: 'redlite sync',
    modes: ['sync'],
    ops: {},
    open: async () => {
      await c.connect();
      const s = c.sync;
      if (s === undefined || s === null) {
        await c.close();
        throw new PeerSkipped('this build has no client.sync');
      }
      peer.ops = commandOps(s, d, false);
      for (const [op, method] of Object.entries(SYNC_METHODS)) {
        if (typeof s[method] === 'function') continue;
        delete peer.ops[op];
        console.log(`redlite sync: client.sync has no ${method}(): ${op} not run`);
      }
    },
    flush: () => c.flushAll(),
    close: async () => {
      if (c.isOpen) await c.close();
    }
  };
  return peer;
}

// node-redis to a real redis-server, at socket options 'socket' ({ host, port } or
// { path }), on database 'database'.
function nodeRedisPeer(name, socket, database, d) {
  const c = nodeRedis.createClient({ socket, database });
  c.on('error', (err) => console.error(`${name}:`, err.message));
  return nodeRedisApiPeer(name, c, d, () => c.flushDb());
}

function ioredisMockPeer(d) {
  const c = new IORedisMock();
  return {
    name: 'ioredis-mock',
    modes: ['seq', 'batch100'],
    ops: {
      SET: (i) => c.set(d.keys[i], d.values[i]),
      GET: (i) => c.get(d.keys[i]),
      GETr: (i) => c.get(d.keys[d.order[i]]),
      INCR: (i) => c.incr(d.counters[i]),
      MULTI: multiOp(c, d),
      HSET: (i) => c.hset(d.hashes[i], d.fields[i], d.elems[i]),
      HGET: (i) => c.hget(d.hashes[i], d.fields[i]),
      LPUSH: (i) => c.lpush(d.lists[i], d.elems[i]),
      LPOP: (i) => c.lpop(d.lists[i]),
      SADD: (i) => c.sadd(d.sets[i], d.fields[i]),
      ZADD: (i) => c.zadd(d.zsets[i], i, d.fields[i]),
      ZRANGE: (i) => c.zrange(d.zsets[i], 0, 9)
    },
    open: async () => {},
    flush: () => c.flushall(),
    close: async () => c.disconnect()
  };
}

// The ops of a synchronous key-value cache with get(k) (undefined on a miss) and set(k, v):
// GET, SET, GETr, and INCR as a get then a set of the number.
function cacheOps(cache, d) {
  return {
    SET: (i) => cache.set(d.keys[i], d.values[i]),
    GET: (i) => cache.get(d.keys[i]),
    GETr: (i) => cache.get(d.keys[d.order[i]]),
    INCR: (i) => {
      const k = d.counters[i];
      const v = cache.get(k);
      const next = v === undefined ? 1 : v + 1;
      cache.set(k, next);
      return next;
    }
  };
}

function lruCachePeer(d) {
  const cache = new LRUCache({ max: 1e6 });
  return {
    name: 'lru-cache',
    modes: ['sync'],
    ops: cacheOps(cache, d),
    open: async () => {},
    flush: async () => cache.clear(),
    close: async () => {}
  };
}

function nodeCachePeer(d) {
  const cache = new NodeCache({ useClones: false, checkperiod: 0 });
  return {
    name: 'node-cache',
    modes: ['sync'],
    ops: cacheOps(cache, d),
    open: async () => {},
    flush: async () => cache.flushAll(),
    close: async () => cache.close()
  };
}

// A Map behind async functions: the floor for any promise-returning store.
function asyncMapPeer(d) {
  const m = new Map();
  const store = {
    async set(k, v) {
      m.set(k, v);
      return 'OK';
    },
    async get(k) {
      const v = m.get(k);
      return v === undefined ? null : v;
    },
    async incr(k) {
      const v = (m.get(k) || 0) + 1;
      m.set(k, v);
      return v;
    }
  };
  return {
    name: 'async Map',
    modes: ['seq', 'batch100'],
    ops: {
      SET: (i) => store.set(d.keys[i], d.values[i]),
      GET: (i) => store.get(d.keys[i]),
      GETr: (i) => store.get(d.keys[d.order[i]]),
      INCR: (i) => store.incr(d.counters[i])
    },
    open: async () => {},
    flush: async () => m.clear(),
    close: async () => {}
  };
}

module.exports = { PeerSkipped, redlitePeer, redliteSyncPeer, nodeRedisPeer, ioredisMockPeer,
  lruCachePeer, nodeCachePeer, asyncMapPeer };
