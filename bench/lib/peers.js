'use strict';
// The stores compared by throughput.js, behind one shape:
//   { name, sync, open(), set(k, v), get(k), flush(), close() }
// Async peers return promises from set/get; sync peers (lru-cache) return values.
const fs = require('node:fs');
const path = require('node:path');
const { LRUCache } = require('lru-cache');
const IORedisMock = require('ioredis-mock');
const nodeRedis = require('redis');
const redlite = require('../..');

function pkgVersion(name) {
  const file = path.join(__dirname, '..', '..', 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

// A peer behind the node-redis API (redlite and node-redis alike).
function nodeRedisApiPeer(name, c) {
  return {
    name,
    sync: false,
    open: () => c.connect(),
    set: (k, v) => c.set(k, v),
    get: (k) => c.get(k),
    flush: () => c.flushAll(),
    close: () => c.close()
  };
}

function redlitePeer() {
  return nodeRedisApiPeer('redlite', redlite.createClient());
}

// node-redis over TCP to a real redis-server at url.
function nodeRedisPeer(url) {
  const c = nodeRedis.createClient({ url });
  c.on('error', (err) => console.error('node-redis:', err.message));
  return nodeRedisApiPeer('node-redis+redis-server', c);
}

function ioredisMockPeer() {
  const c = new IORedisMock();
  return {
    name: 'ioredis-mock',
    sync: false,
    open: async () => {},
    set: (k, v) => c.set(k, v),
    get: (k) => c.get(k),
    flush: () => c.flushall(),
    close: async () => c.disconnect()
  };
}

function lruCachePeer() {
  const cache = new LRUCache({ max: 1e6 });
  return {
    name: 'lru-cache',
    sync: true,
    open: async () => {},
    set: (k, v) => cache.set(k, v),
    get: (k) => cache.get(k),
    flush: async () => cache.clear(),
    close: async () => {}
  };
}

// A Map behind async functions: the floor for any promise-returning store.
function asyncMapPeer() {
  const m = new Map();
  const store = {
    async set(k, v) {
      m.set(k, v);
      return 'OK';
    },
    async get(k) {
      const v = m.get(k);
      return v === undefined ? null : v;
    }
  };
  return {
    name: 'async Map',
    sync: false,
    open: async () => {},
    set: (k, v) => store.set(k, v),
    get: (k) => store.get(k),
    flush: async () => m.clear(),
    close: async () => {}
  };
}

module.exports = { pkgVersion, redlitePeer, nodeRedisPeer, ioredisMockPeer, lruCachePeer, asyncMapPeer };
