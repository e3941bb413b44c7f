'use strict';

// The hugepages option (redlite's own CONFIG parameter): off by default, set on connect or at
// run time, refused with Redis's text for bool parameters, and a keyspace grown past many
// 2 MB chunks with it on holds its data as one without.
const assert = require('node:assert/strict');
const { openedClients } = require('../helpers/clients');
const { SimpleError } = require('../..');

let port = 46100;
const freshUrl = () => `redis://hugepages-spec:${port++}`;
const configError = (param, why) => `ERR CONFIG SET failed (possibly related to argument '${param}') - ${why}`;

describe('hugepages', () => {
  const open = openedClients();

  it('is off by default and set by createClient({ hugepages }) or configSet', async () => {
    const url = freshUrl();
    const plain = await open({ url });
    assert.deepEqual({ ...await plain.configGet('hugepages') }, { hugepages: 'no' });
    await open({ url, hugepages: true });
    assert.deepEqual({ ...await plain.configGet('hugepages') }, { hugepages: 'yes' });
    await open({ url, hugepages: false });
    assert.deepEqual({ ...await plain.configGet('hugepages') }, { hugepages: 'no' });
    assert.equal(await plain.configSet('hugepages', 'YES'), 'OK');
    assert.deepEqual({ ...await plain.configGet('huge*') }, { hugepages: 'yes' });
  });

  it('refuses a value other than yes or no and keeps the old one', async () => {
    const c = await open({ url: freshUrl() });
    const err = await c.configSet('hugepages', 'maybe').then(() => null, (e) => e);
    assert.ok(err instanceof SimpleError);
    assert.equal(err.message, configError('hugepages', "argument must be 'yes' or 'no'"));
    assert.deepEqual({ ...await c.configGet('hugepages') }, { hugepages: 'no' });
  });

  it('a keyspace grown over many 2 MB chunks with it on reads back every key', async () => {
    const c = await open({ url: freshUrl(), hugepages: true });
    const n = 60000; // ~10 MB of entries and values: several chunks
    const value = (i) => `${i}:`.padEnd(100, 'v');
    for (let i = 0; i < n; i += 1000) {
      const batch = [];
      for (let j = i; j < i + 1000; j++) batch.push(c.set(`key:${j}`, value(j)));
      await Promise.all(batch);
    }
    assert.equal(await c.dbSize(), n);
    for (let i = 0; i < n; i += 7) assert.equal(await c.get(`key:${i}`), value(i));
    assert.equal(await c.del(['key:0', 'key:1']), 2);
    assert.equal(await c.dbSize(), n - 2);
  });
});
