'use strict';
// Benchmark data: 16-byte keys ('key:' + 12 digits) and 100-byte values.
// flat() copies a string into a fresh flat (sequential) V8 string, so a JS Map
// holds real per-key strings, not cons strings sharing one padding string.

const KEY_BYTES = 16;
const VALUE_BYTES = 100;
const PAD = 'v'.repeat(VALUE_BYTES - 12);

const flat = (s) => Buffer.from(s, 'latin1').toString('latin1');

const key = (i) => 'key:' + String(i).padStart(KEY_BYTES - 4, '0');
const value = (i) => PAD + String(i).padStart(12, '0');

// Arrays of n keys and n values, flat strings.
function makeData(n) {
  const keys = new Array(n);
  const values = new Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = flat(key(i));
    values[i] = flat(value(i));
  }
  return { keys, values };
}

// A small hash of 5 fields (a user profile), for the hash memory measurement: field names
// of 3-6 bytes, values of 2-20 bytes, about 60 bytes of payload.
const HASH_FIELDS = 5;
const hashKey = (i) => 'user:' + String(i).padStart(KEY_BYTES - 5, '0');
function hashFields(i) {
  return ['name', 'user' + i, 'email', 'u' + i + '@example.com', 'age', String(18 + (i % 60)),
    'city', 'city' + (i % 1000), 'score', String((i * 7919) % 100000)];
}

// Sets of SET_MEMBERS 10-byte members each ('field:0000'...), as the collections bench.
const SET_MEMBERS = 100;
const setKey = (i) => 'set:' + String(i).padStart(KEY_BYTES - 4, '0');
const setMembers = () => Array.from({ length: SET_MEMBERS }, (_, j) => 'field:' + String(j).padStart(4, '0'));

module.exports = { KEY_BYTES, VALUE_BYTES, HASH_FIELDS, SET_MEMBERS, flat, key, value, makeData, hashKey, hashFields,
  setKey, setMembers };
