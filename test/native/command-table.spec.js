'use strict';

// The one command table drives both the C dispatcher and the JS methods: check that the
// two sides agree and that the table is well formed.
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { binding } = require('../../lib/native');
const { RedisClient } = require('../../index');
const { RedisMulti } = require('../../lib/multi');

const COMMANDS_DIR = path.join(__dirname, '..', '..', 'lib', 'commands');
// Rows node-redis 6 has no generated method for: client-level methods, containers, and
// commands it removed (reachable through sendCommand).
const CLIENT_LEVEL = new Set([
  'select', 'multi', 'exec', 'discard', 'object', 'substr', 'hmset', 'zrevrange', 'zrevrangebyscore', 'zrevrangebylex',
  'watch', 'unwatch', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe',
  'pubsub', 'config', 'client', 'memory'
]);

describe('command table', () => {
  const rows = binding.commands();

  it('has unique lowercase names, non-zero arity and consistent flags', () => {
    const names = new Set();
    for (const row of rows) {
      assert.strictEqual(row.name, row.name.toLowerCase(), row.name);
      assert.ok(!names.has(row.name), `duplicate ${row.name}`);
      names.add(row.name);
      assert.notStrictEqual(row.arity, 0, row.name);
      const WRITE = 1;
      const READONLY = 2;
      assert.ok(!((row.flags & WRITE) && (row.flags & READONLY)), `${row.name} is both write and readonly`);
      if (row.name.includes('|')) assert.ok(names.has(row.name.split('|')[0]), `container of ${row.name}`);
    }
  });

  it('gives every callable row a camelCase and an UPPERCASE method on the client and on multi()', () => {
    for (const row of rows) {
      if (!row.method) {
        assert.ok(CLIENT_LEVEL.has(row.name), `${row.name} has no method and is not client-level`);
        continue;
      }
      const upper = row.name.toUpperCase().replace('|', '_');
      for (const proto of [RedisClient.prototype, RedisMulti.prototype]) {
        assert.strictEqual(typeof proto[row.method], 'function', `${row.method}`);
        assert.strictEqual(typeof proto[upper], 'function', `${upper}`);
      }
    }
  });

  it('gives every variant a known row and both method names', () => {
    const names = new Set(rows.map((r) => r.name));
    for (const v of binding.variants()) {
      assert.ok(names.has(v.name), `${v.upper} names no row`);
      assert.ok(v.upper.startsWith(v.name.toUpperCase() + '_'), v.upper);
      for (const proto of [RedisClient.prototype, RedisMulti.prototype]) {
        assert.strictEqual(typeof proto[v.method], 'function', v.method);
        assert.strictEqual(typeof proto[v.upper], 'function', v.upper);
      }
    }
  });

  it('has a row or variant for every lib/commands module', () => {
    const uppers = new Set(rows.map((r) => r.name.toUpperCase().replace('|', '_')));
    for (const v of binding.variants()) uppers.add(v.upper);
    for (const file of fs.readdirSync(COMMANDS_DIR)) {
      const name = path.basename(file, '.js');
      assert.ok(uppers.has(name), `lib/commands/${file} names no command in the table`);
    }
  });

  it('has the client-level methods node-redis writes by hand', () => {
    for (const m of ['select', 'SELECT', 'multi', 'MULTI', 'sendCommand', 'scanIterator', 'quit', 'QUIT']) {
      assert.strictEqual(typeof RedisClient.prototype[m], 'function', m);
    }
    for (const absent of ['exec', 'discard', 'zRevRange', 'hmSet', 'subStr']) {
      assert.strictEqual(RedisClient.prototype[absent], undefined, absent);
    }
  });
});
