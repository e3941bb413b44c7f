'use strict';
// Child process of memory.js: loads N keys into one store and prints its memory growth
// as a JSON line { subject, dbsize, rss, heapUsed } (after gc(); redlite subjects add
// used: the growth of INFO memory used_memory).
// Usage: node --expose-gc lib/memory-subject.js redlite|map|lru-cache N
// ('redlite-hashes': N hashes of 5 fields instead of strings; 'redlite-sets': N members in
// N/100 sets of 100).
const { LRUCache } = require('lru-cache');
const { createClient } = require('../..');
const { key, value, flat, hashKey, hashFields, SET_MEMBERS, setKey, setMembers } = require('./data');

const [subject, n] = [process.argv[2], Number(process.argv[3])];
const BATCH = 100;

function memory() {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

// The JS stores keep flat strings: one real string per key and per value.
function fill(store) {
  for (let i = 0; i < n; i++) store.set(flat(key(i)), flat(value(i)));
  return store;
}

// INFO memory's used_memory of redlite client c.
async function usedMemory(c) {
  return Number((await c.info('memory')).match(/^used_memory:(\d+)/m)[1]);
}

async function loadRedlite(client, kind) {
  if (kind === 'redlite-sets') {
    const members = setMembers();
    for (let i = 0; i < n / SET_MEMBERS; i += BATCH) {
      const pending = [];
      for (let j = i; j < Math.min(i + BATCH, n / SET_MEMBERS); j++) pending.push(client.sAdd(setKey(j), members));
      await Promise.all(pending);
    }
    return;
  }
  for (let i = 0; i < n; i += BATCH) {
    const pending = [];
    for (let j = i; j < Math.min(i + BATCH, n); j++) {
      pending.push(kind === 'redlite-hashes' ? client.hSet(hashKey(j), hashFields(j)) : client.set(key(j), value(j)));
    }
    await Promise.all(pending);
  }
}

async function main() {
  let client = null;
  let store = null; // the JS store, used again after the measurement so it stays alive
  const isRedlite = subject.startsWith('redlite');
  if (isRedlite) {
    client = createClient();
    await client.connect();
    await client.set('warm', 'up');
    await client.del('warm');
  }
  const usedBefore = isRedlite ? await usedMemory(client) : 0;
  const before = memory();
  if (isRedlite) await loadRedlite(client, subject);
  else if (subject === 'map') store = fill(new Map());
  else if (subject === 'lru-cache') store = fill(new LRUCache({ max: n }));
  else throw new Error(`unknown subject ${subject}`);
  const after = memory();
  const dbsize = store ? store.size : await client.dbSize();
  const used = isRedlite ? { used: (await usedMemory(client)) - usedBefore } : {};
  console.log(JSON.stringify({ subject, dbsize, ...used, rss: after.rss - before.rss,
    heapUsed: after.heapUsed - before.heapUsed }));
  if (client) await client.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
