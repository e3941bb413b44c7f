'use strict';
// Pub/sub delivery in process: asynchronous (never inside publish), ordered per subscriber,
// scoped to a keyspace, nothing lost at scale; keyspace notifications as a client option.
const assert = require('node:assert');
const { createClient } = require('../../index.js');

let port = 42000;
const freshUrl = () => `redis://pubsub-spec:${port++}`;

async function open(url, options = {}) {
  const c = createClient({ url, ...options });
  await c.connect();
  return c;
}

describe('pub/sub delivery', () => {
  it('never calls a listener inside publish(); the message arrives before publish() resolves to its awaiter', async () => {
    const url = freshUrl();
    const [pub, sub] = [await open(url), await open(url)];
    const log = [];
    await sub.subscribe('ch', (m) => log.push(`listener ${m}`));
    const p = pub.publish('ch', 'a');
    log.push('publish returned');
    assert.strictEqual(await p, 1);
    log.push('publish awaited');
    assert.deepStrictEqual(log, ['publish returned', 'listener a', 'publish awaited']);
    await Promise.all([pub.close(), sub.close()]);
  });

  it('a listener may use the client again (re-entrancy) and publish more', async () => {
    const url = freshUrl();
    const [pub, sub] = [await open(url), await open(url)];
    const got = [];
    await sub.subscribe('ping', async (m) => {
      got.push(m);
      if (Number(m) < 5) await sub.publish('ping', String(Number(m) + 1));
    });
    await pub.publish('ping', '0');
    for (let i = 0; i < 50 && got.length < 6; i++) await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(got, ['0', '1', '2', '3', '4', '5']);
    await Promise.all([pub.close(), sub.close()]);
  });

  it('channels belong to a keyspace: another URL does not hear them', async () => {
    const a = await open(freshUrl());
    const b = await open(freshUrl());
    const heard = [];
    await b.subscribe('shared', (m) => heard.push(m));
    assert.strictEqual(await a.publish('shared', 'x'), 0);
    const b2 = await open(b.options.url);
    assert.strictEqual(await b2.publish('shared', 'y'), 1);
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(heard, ['y']);
    await Promise.all([a.close(), b.close(), b2.close()]);
  });

  it('a closed subscriber receives nothing more, and is no longer counted', async () => {
    const url = freshUrl();
    const [pub, sub] = [await open(url), await open(url)];
    const heard = [];
    await sub.subscribe('c', (m) => heard.push(m));
    assert.strictEqual(await pub.publish('c', 'before'), 1);
    await sub.close();
    assert.strictEqual(await pub.publish('c', 'after'), 0);
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(heard, ['before']);
    assert.strictEqual(sub.isPubSubActive, false);
    await pub.close();
  });

  it('10,000 subscribers and 100,000 messages: nothing lost, nothing reordered', async function () {
    this.timeout(120000);
    const url = freshUrl();
    const CLIENTS = 10000;
    const CHANNELS = 1000;
    const MESSAGES = 100000;
    const pub = await open(url);
    const subs = [];
    const received = new Array(CLIENTS);
    for (let i = 0; i < CLIENTS; i++) {
      const s = await open(url);
      const mine = [];
      received[i] = mine;
      await s.subscribe(`ch:${i % CHANNELS}`, (m) => mine.push(Number(m)));
      subs.push(s);
    }
    let total = 0;
    for (let n = 0; n < MESSAGES; n++) total += await pub.publish(`ch:${n % CHANNELS}`, String(n));
    assert.strictEqual(total, MESSAGES * (CLIENTS / CHANNELS));
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < CLIENTS; i++) {
      const ch = i % CHANNELS;
      const got = received[i];
      assert.strictEqual(got.length, MESSAGES / CHANNELS, `client ${i}`);
      for (let k = 0; k < got.length; k++) {
        if (got[k] !== ch + k * CHANNELS) assert.fail(`client ${i}: message ${k} is ${got[k]}`);
      }
    }
    for (const s of subs) await s.close();
    await pub.close();
  });
});

describe('keyspace notifications', () => {
  it('the notifyKeyspaceEvents option sets notify-keyspace-events for the keyspace', async () => {
    const url = freshUrl();
    const c = await open(url, { notifyKeyspaceEvents: 'Ex' });
    assert.deepStrictEqual(await c.configGet('notify-keyspace-events'), { 'notify-keyspace-events': 'xE' });
    const events = [];
    const sub = await open(url);
    await sub.subscribe('__keyevent@0__:expired', (key) => events.push(key));
    await c.set('gone', 'v', { PX: 20 });
    for (let i = 0; i < 200 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    // The active expiry cycle (a timer) deleted it: nobody read the key.
    assert.deepStrictEqual(events, ['gone']);
    await Promise.all([c.close(), sub.close()]);
  });

  it('an invalid notifyKeyspaceEvents option makes connect() reject with Redis\'s error', async () => {
    const c = createClient({ url: freshUrl(), notifyKeyspaceEvents: 'Q' });
    const errors = [];
    c.on('error', (e) => errors.push(e));
    await assert.rejects(c.connect(), {
      message: "ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'."
    });
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(c.isOpen, false);
  });
});
