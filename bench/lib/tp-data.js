'use strict';
// The workloads of bench/throughput.js: the ops, the order they run in, and the arguments
// of every call, precomputed so the timed loops only call the store.
const { makeData, KEY_BYTES } = require('./data');
const { rng, permutation } = require('./zipf');

// Every op, in the order a round runs them on one flushed keyspace: each op that reads
// data runs after the op that fills it (FILLED_BY).
const OPS = ['SET', 'GET', 'GETr', 'INCR', 'MULTI', 'HSET', 'HGET', 'LPUSH', 'LPOP', 'SADD', 'ZADD', 'ZRANGE'];
const FILLED_BY = { GET: 'SET', GETr: 'SET', HGET: 'HSET', LPOP: 'LPUSH', ZRANGE: 'ZADD' };
// Ops whose every call must answer a value: a null reply there is a bug of the bench.
const EXPECTS_VALUE = new Set(['GET', 'GETr', 'INCR', 'MULTI', 'HGET', 'LPOP', 'ZRANGE']);
// A MULTI op is one MULTI/EXEC block of MULTI_SETS SETs then GETs of the same keys.
const MULTI_SETS = 5;
// Collections hold ELEMENTS elements each, so they stay in their compact encoding.
const ELEMENTS = 100;

// The ops to run for the selected ones, in OPS order: the selected ops plus the ops that
// fill what they read; { op, timed } with timed false for a fill that was not selected.
function plan(selected) {
  const need = new Set(selected);
  for (const op of selected) if (FILLED_BY[op]) need.add(FILLED_BY[op]);
  return OPS.filter((op) => need.has(op)).map((op) => ({ op, timed: selected.includes(op) }));
}

const pad = (prefix, i) => prefix + String(i).padStart(KEY_BYTES - prefix.length, '0');

// Arguments of calls 0..n-1, all flat strings:
// - keys, values: n distinct 16-byte keys and 100-byte values (lib/data.js), for SET, GET,
//   MULTI (call i sets and gets keys 5i..5i+4, modulo n); order: a fixed random
//   permutation of 0..n-1 for GETr (the same for every peer and run);
// - counters: n distinct 16-byte keys for INCR;
// - hashes, lists, sets, zsets: call i's 16-byte collection key, i modulo n/100 of them, so
//   each collection gets 100 elements; fields: call i's 10-byte field or member, distinct
//   within its collection; elems: 10-byte hash values and list elements (as collections.js).
function makeWorkload(n) {
  const { keys, values } = makeData(n);
  const nkeys = Math.max(1, Math.floor(n / ELEMENTS));
  const names = (prefix) => Array.from({ length: nkeys }, (_, k) => pad(prefix, k));
  const [h, l, s, z] = [names('hash:'), names('list:'), names('set:'), names('zset:')];
  const d = { n, keys, values, order: permutation(n, rng(42)), counters: new Array(n), hashes: new Array(n),
    lists: new Array(n), sets: new Array(n), zsets: new Array(n), fields: new Array(n), elems: new Array(n) };
  for (let i = 0; i < n; i++) {
    const k = i % nkeys;
    d.counters[i] = pad('cnt:', i);
    d.hashes[i] = h[k];
    d.lists[i] = l[k];
    d.sets[i] = s[k];
    d.zsets[i] = z[k];
    d.fields[i] = 'field:' + String(Math.floor(i / nkeys)).padStart(4, '0');
    d.elems[i] = 'v' + String(i).padStart(9, '0');
  }
  return d;
}

module.exports = { OPS, FILLED_BY, EXPECTS_VALUE, MULTI_SETS, ELEMENTS, plan, makeWorkload };
