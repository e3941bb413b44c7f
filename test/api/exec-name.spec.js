'use strict';

// exec's command number (src/napi/napi_util.h RL_EXEC_NAME_SHIFT): the fast paths name their
// command by its place in the table, and the binding puts the table's name in argv[0]
// without reading the value passed there. Same replies and errors as the name itself; a
// number outside the table is refused before anything runs.
const assert = require('node:assert/strict');
const { createClient, SimpleError } = require('../..');
const { binding } = require('../../lib/native');
const { COMMANDS } = require('../../lib/commander');

const SHIFT = 16;
const numberOf = (name) => COMMANDS.find((c) => c.row.name === name).row.index + 1;

describe('exec with a command number', () => {
  let c;
  let h;
  before(async () => {
    c = createClient({ url: 'redis://exec-name-spec:1' });
    await c.connect();
    h = c._state.handle;
  });
  after(() => c.close());

  it('runs the numbered command whatever is passed in the name\'s place', () => {
    assert.equal(binding.exec(h, numberOf('set') << SHIFT, 'not read', 'k', 'v'), 'OK');
    assert.equal(binding.exec(h, numberOf('get') << SHIFT, 'not read', 'k'), 'v');
    assert.equal(binding.exec(h, numberOf('get') << SHIFT, 12345, 'k'), 'v');
    assert.equal(binding.exec(h, 0, 'GET', 'k'), 'v');
  });

  it('gives the same errors as the name (arity, type, argument index)', () => {
    const byNumber = binding.exec(h, numberOf('get') << SHIFT, 'x', 'k', 'extra');
    const byName = binding.exec(h, 0, 'GET', 'k', 'extra');
    assert.ok(byNumber instanceof SimpleError);
    assert.equal(byNumber.message, byName.message);
    assert.equal(byNumber.message, "ERR wrong number of arguments for 'get' command");
    binding.exec(h, 0, 'HSET', 'h', 'f', 'v');
    assert.equal(binding.exec(h, numberOf('get') << SHIFT, 'x', 'h').message,
      'WRONGTYPE Operation against a key holding the wrong kind of value');
    assert.throws(() => binding.exec(h, numberOf('get') << SHIFT, 'x', 42),
      { name: 'TypeError', message: '"arguments[1]" must be of type "string | Buffer", got number instead.' });
  });

  it('keeps the reply flags below the number', () => {
    const reply = binding.exec(h, (numberOf('get') << SHIFT) | 1, 'x', 'k');
    assert.deepEqual(reply, Buffer.from('v'));
  });

  it('refuses a number outside the table before running anything', () => {
    const before = binding.exec(h, 0, 'DBSIZE');
    for (const n of [COMMANDS.length + 10000, -1]) {
      assert.throws(() => binding.exec(h, n << SHIFT, 'SET', 'new', 'v'), RangeError);
    }
    assert.equal(binding.exec(h, 0, 'DBSIZE'), before);
    assert.equal(binding.exec(h, 0, 'EXISTS', 'new'), 0);
  });
});
