'use strict';

// Hostile and oversized input: bounded work and Redis's errors, never a crash or a hang.
const assert = require('node:assert');
const { createClient, SimpleError } = require('../../index');

describe('limits and hostile input', () => {
  let c;
  before(async () => {
    c = createClient({ url: 'redis://limits-test.local:1' });
    await c.connect();
  });
  after(() => c.close());

  it('KEYS and SCAN MATCH with a backtracking pattern over long keys stay correct and bounded', async () => {
    const long = 'a'.repeat(20000);
    await c.mSet([[long, '1'], [`${long}b`, '2'], ['short', '3']]);
    const hostile = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const keys = await c.keys(hostile);
    assert.deepStrictEqual(keys, [`${long}b`]);
    const seen = [];
    for await (const page of c.scanIterator({ MATCH: hostile, COUNT: 1000 })) seen.push(...page);
    assert.deepStrictEqual(seen, [`${long}b`]);
  });

  it('accepts a 512 MB value and refuses one byte more with Redis\'s protocol error', async function () {
    this.timeout(60000);
    const max = 512 * 1024 * 1024;
    const big = Buffer.allocUnsafe(max + 1);
    const err = await c.set('big', big).catch((e) => e);
    assert.ok(err instanceof SimpleError);
    assert.strictEqual(err.message, 'ERR Protocol error: invalid bulk length');
    assert.strictEqual(await c.exists('big'), 0);
    assert.strictEqual(await c.set('big', big.subarray(0, max)), 'OK');
    assert.strictEqual(await c.strLen('big'), max);
    await assert.rejects(c.append('big', 'x'), { message: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)' });
    await assert.rejects(c.setRange('big2', max, 'x'), { message: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)' });
    assert.strictEqual(await c.del('big'), 1);
  });
});
