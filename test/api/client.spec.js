'use strict';

// The client's lifecycle, keyspace sharing and JS-level behaviour, as measured for
// node-redis 6.3.1 in shared/node-redis/REFERENCE.md §3, §5, §13-§15.
const assert = require('node:assert');
const redlite = require('../../index');

const { createClient, RESP_TYPES, ClientClosedError, SimpleError, ErrorReply, MultiErrorReply } = redlite;

let port = 17000;
// A URL of its own for each test, so keyspaces never leak between tests.
function freshUrl(db) {
  port += 1;
  return `redis://api-test.local:${port}${db === undefined ? '' : `/${db}`}`;
}

async function open(url) {
  const c = createClient({ url });
  await c.connect();
  return c;
}

describe('client lifecycle', () => {
  it('connect() opens synchronously, resolves to the client after connect and ready', async () => {
    const c = createClient({ url: freshUrl() });
    assert.deepStrictEqual([c.isOpen, c.isReady], [false, false]);
    const events = [];
    c.on('connect', () => events.push('connect'));
    c.on('ready', () => events.push('ready'));
    const p = c.connect();
    assert.ok(p instanceof Promise);
    assert.deepStrictEqual([c.isOpen, c.isReady], [true, false]);
    assert.strictEqual(await p, c);
    assert.deepStrictEqual(events, ['connect', 'ready']);
    assert.deepStrictEqual([c.isOpen, c.isReady], [true, true]);
    await assert.rejects(c.connect(), (err) => err.constructor === Error && err.message === 'Socket already opened');
    await c.close();
  });

  it('close() resolves undefined, emits end, and later commands reject ClientClosedError', async () => {
    const c = await open(freshUrl());
    let ended = 0;
    c.on('end', () => { ended += 1; });
    const pending = c.set('k', 'v');
    const p = c.close();
    assert.deepStrictEqual([c.isOpen, c.isReady], [false, true]);
    assert.strictEqual(await pending, 'OK');
    assert.strictEqual(await p, undefined);
    assert.deepStrictEqual([c.isOpen, c.isReady, ended], [false, false, 1]);
    await assert.rejects(c.get('k'), (err) => err instanceof ClientClosedError && err.message === 'The client is closed');
    await assert.rejects(c.close(), ClientClosedError);
    await assert.rejects(c.quit(), ClientClosedError);
  });

  it('commands before connect() reject ClientClosedError and are never queued', async () => {
    const c = createClient({ url: freshUrl() });
    await assert.rejects(c.set('k', 'v'), ClientClosedError);
    await assert.rejects(c.sendCommand(['PING']), ClientClosedError);
    await c.connect();
    assert.strictEqual(await c.get('k'), null);
    await c.close();
  });

  it('quit() resolves OK; destroy() is synchronous and a no-op when closed; reconnect works', async () => {
    const url = freshUrl();
    const c = await open(url);
    await c.set('k', 'v');
    assert.strictEqual(await c.quit(), 'OK');
    assert.strictEqual(c.destroy(), undefined);
    assert.strictEqual(await c.connect(), c);
    assert.strictEqual(await c.get('k'), 'v');
    assert.strictEqual(c.destroy(), undefined);
    assert.deepStrictEqual([c.isOpen, c.isReady], [false, false]);
    await assert.rejects(c.get('k'), ClientClosedError);
  });

  it('rejects an unsupported URL protocol synchronously, as node-redis does', () => {
    assert.throws(() => createClient({ url: 'http://localhost:6379' }), {
      name: 'TypeError',
      message: 'Protocol - http: - is not a valid Redis protocol. Expected redis: or rediss:'
    });
  });

  it('a database out of range makes connect() reject and emit error', async () => {
    const c = createClient({ url: freshUrl(99) });
    const errors = [];
    c.on('error', (e) => errors.push(e));
    await assert.rejects(c.connect(), (err) => err instanceof SimpleError && err.message === 'ERR DB index is out of range');
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(c.isOpen, false);
  });
});

describe('keyspaces', () => {
  it('clients of one URL share data; another port is isolated; the path selects the db', async () => {
    const url = freshUrl();
    const a = await open(url);
    const b = await open(url);
    const other = await open(freshUrl());
    const db3 = await open(`${url}/3`);
    await a.set('shared', '1');
    assert.strictEqual(await b.get('shared'), '1');
    assert.strictEqual(await other.get('shared'), null);
    assert.strictEqual(await db3.get('shared'), null);
    await db3.set('indb3', 'x');
    await a.select(3);
    assert.strictEqual(await a.get('indb3'), 'x');
    await Promise.all([a.close(), b.close(), other.close(), db3.close()]);
  });

  it('localhost and 127.0.0.1 name the same keyspace; data outlives the clients', async () => {
    const p = (port += 1);
    const a = await open(`redis://localhost:${p}`);
    await a.set('k', 'kept');
    await a.close();
    const b = await open(`redis://127.0.0.1:${p}`);
    assert.strictEqual(await b.get('k'), 'kept');
    await b.close();
  });

  it('duplicate() returns an unconnected client on the same keyspace with the original options', async () => {
    const url = freshUrl(5);
    const c = await open(url);
    await c.select(2);
    const d = c.duplicate();
    assert.strictEqual(d.isOpen, false);
    await d.connect();
    await d.set('where', 'db5');
    await c.select(5);
    assert.strictEqual(await c.get('where'), 'db5');
    await Promise.all([c.close(), d.close()]);
  });
});

describe('commands from JS', () => {
  let c;
  beforeEach(async () => { c = await open(freshUrl()); });
  afterEach(async () => { if (c.isOpen) await c.close(); });

  it('never throws synchronously: argument errors reject with node-redis TypeErrors', async () => {
    let p;
    assert.doesNotThrow(() => { p = c.get(1); });
    await assert.rejects(p, { name: 'TypeError', message: '"arguments[1]" must be of type "string | Buffer", got number instead.' });
    await assert.rejects(c.set('k', null), { message: '"arguments[2]" must be of type "string | Buffer", got object instead.' });
    await assert.rejects(c.set('k', undefined), { message: '"arguments[2]" must be of type "string | Buffer", got undefined instead.' });
    await assert.rejects(c.setEx('k'), { name: 'TypeError', message: "Cannot read properties of undefined (reading 'toString')" });
    await assert.rejects(c.sendCommand(['SET', 'n', 1]), { message: '"arguments[2]" must be of type "string | Buffer", got number instead.' });
    assert.strictEqual(await c.dbSize(), 0);
  });

  it('server errors reject SimpleError (an ErrorReply) with Redis text; name stays Error', async () => {
    await c.set('s', 'v');
    const err = await c.incr('s').catch((e) => e);
    assert.ok(err instanceof SimpleError && err instanceof ErrorReply && err instanceof Error);
    assert.strictEqual(err.message, 'ERR value is not an integer or out of range');
    assert.strictEqual(err.name, 'Error');
    const unknown = await c.sendCommand(['FOOBAR', 'x']).catch((e) => e);
    assert.strictEqual(unknown.message, "ERR unknown command 'FOOBAR', with args beginning with: 'x' ");
  });

  it('sendCommand returns raw replies; a string is sent character by character', async () => {
    assert.strictEqual(await c.sendCommand(['SET', 'sc', '1']), 'OK');
    assert.strictEqual(await c.sendCommand(['INCR', 'sc']), 2);
    assert.deepStrictEqual(await c.sendCommand(['SCAN', '0']), ['0', ['sc']]);
    await assert.rejects(c.sendCommand('PING'), { message: "ERR unknown command 'P', with args beginning with: 'I' 'N' 'G' " });
    assert.deepStrictEqual(await c.sendCommand(['GET', 'sc'], { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } }), Buffer.from('2'));
  });

  it('withTypeMapping returns a proxy sharing the connection, with Buffers for blob strings', async () => {
    const bin = Buffer.from([0xde, 0xad, 0x00, 0xef]);
    await c.set(Buffer.from('bin\0key'), bin);
    const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    assert.notStrictEqual(b, c);
    assert.deepStrictEqual(await b.get(Buffer.from('bin\0key')), bin);
    assert.strictEqual(await b.get('missing'), null);
    assert.strictEqual(await b.set('k', 'v'), 'OK');
    assert.deepStrictEqual(await b.mGet(['k', 'missing']), [Buffer.from('v'), null]);
    assert.strictEqual(typeof (await c.get('k')), 'string');
    assert.strictEqual(await c.withTypeMapping({ [RESP_TYPES.NUMBER]: String }).incr('n'), '1');
  });

  it('commands that skip the parser (GET, HGET, INCR...) behave as the parsed path does', async () => {
    const { COMMANDS } = require('../../lib/commander.js');
    const fast = COMMANDS.filter((x) => x.fast).map((x) => x.camel);
    for (const name of ['get', 'hGet', 'sIsMember', 'zScore', 'incr', 'lLen', 'ttl']) assert.ok(fast.includes(name), name);
    assert.ok(!fast.includes('set') && !fast.includes('hScan') && !fast.includes('lPos'), 'commands with options or number conversions');
    await c.hSet('h', 'f', 'v');
    assert.strictEqual(await c.hGet('h', 'f'), 'v');
    assert.strictEqual(await c.hGet('h', 'f', 'ignored extra'), 'v');
    await assert.rejects(c.hGet('h', 1), { name: 'TypeError', message: '"arguments[2]" must be of type "string | Buffer", got number instead.' });
    await assert.rejects(c.hGet('h'), { message: '"arguments[2]" must be of type "string | Buffer", got undefined instead.' });
    await assert.rejects(c.incr('h'), { message: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    assert.deepStrictEqual(await c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).hGet('h', 'f'), Buffer.from('v'));
    const prefixed = createClient({ url: c.options.url, keyPrefix: 'p:' });
    await prefixed.connect();
    await prefixed.set('k', 'with prefix');
    assert.strictEqual(await prefixed.get('k'), 'with prefix');
    assert.strictEqual(await c.get('p:k'), 'with prefix');
    await prefixed.close();
    await assert.rejects(prefixed.get('k'), ClientClosedError);
  });

  it('string arguments are stored as the UTF-8 bytes Buffer.from(string) gives, lone surrogates as U+FFFD', async () => {
    const b = c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const samples = [
      '', 'ascii', 'caf\u00e9 \u00ff', '\u20ac\u4e2d\u6587', '\ud83d\ude00 emoji', 'lone \ud800 high',
      'lone \udc00 low', 'reversed \ude00\ud83d', 'end \ud83d', 'x'.repeat(255), 'y'.repeat(256),
      '\u00e9'.repeat(300), 'z'.repeat(70000) + '\u4e2d', '\ud83d\ude00'.repeat(1000)
    ];
    for (const [i, s] of samples.entries()) {
      await c.set(`enc:${i}:${s.slice(0, 40)}`, s);
      assert.deepStrictEqual(await b.get(`enc:${i}:${s.slice(0, 40)}`), Buffer.from(s), `sample ${i}`);
      assert.deepStrictEqual(await b.get(Buffer.from(`enc:${i}:${s.slice(0, 40)}`)), Buffer.from(s), `key ${i}`);
    }
  });

  it('select() resolves undefined and rejects an out-of-range db', async () => {
    assert.strictEqual(await c.select(1), undefined);
    await assert.rejects(c.select(16), { message: 'ERR DB index is out of range' });
  });

  it('scanIterator yields one array per SCAN page', async () => {
    const keys = [];
    for (let i = 0; i < 27; i++) keys.push(`k:${i}`);
    await c.mSet(keys.map((k) => [k, 'v']));
    const pages = [];
    for await (const page of c.scanIterator()) pages.push(page);
    assert.ok(pages.length > 1);
    assert.ok(pages.every(Array.isArray));
    assert.deepStrictEqual(pages.flat().sort(), keys.slice().sort());
    const matched = [];
    for await (const page of c.scanIterator({ MATCH: 'k:2*', COUNT: 100 })) matched.push(...page);
    assert.deepStrictEqual(matched.sort(), ['k:2', 'k:20', 'k:21', 'k:22', 'k:23', 'k:24', 'k:25', 'k:26']);
  });
});

describe('multi', () => {
  let c;
  beforeEach(async () => { c = await open(freshUrl()); });
  afterEach(async () => { if (c.isOpen) await c.close(); });

  it('exec() runs the queue atomically and transforms replies like the standalone commands', async () => {
    const m = c.multi();
    assert.strictEqual(m.set('a', '1'), m);
    const replies = await m.get('a').incr('n').scan('0').exec();
    assert.deepStrictEqual(replies, ['OK', '1', 1, { cursor: '0', keys: replies[3].keys }]);
    assert.deepStrictEqual(replies[3].keys.sort(), ['a', 'n']);
    assert.deepStrictEqual(await c.multi().exec(), []);
  });

  it('a runtime error rejects MultiErrorReply with replies and errorIndexes; the rest ran', async () => {
    await c.set('str', 'x');
    const err = await c.multi().set('x', '1').incr('str').get('x').exec().catch((e) => e);
    assert.ok(err instanceof MultiErrorReply);
    assert.deepStrictEqual(err.errorIndexes, [1]);
    assert.strictEqual(err.replies[0], 'OK');
    assert.ok(err.replies[1] instanceof SimpleError);
    assert.strictEqual(err.replies[2], '1');
    assert.deepStrictEqual([...err.errors()].map((e) => e.message), ['ERR value is not an integer or out of range']);
  });

  it('a queue-time error rejects with that error and runs nothing', async () => {
    const err = await c.multi().set('q', '1').addCommand(['SET', 'onlykey']).exec().catch((e) => e);
    assert.ok(err instanceof SimpleError);
    assert.strictEqual(err.message, "ERR wrong number of arguments for 'set' command");
    assert.strictEqual(await c.get('q'), null);
    assert.strictEqual(await c.set('after', 'ok'), 'OK');
  });

  it('execAsPipeline() rejects with the first error; earlier commands took effect', async () => {
    await c.set('str', 'x');
    const err = await c.multi().set('p', '1').incr('str').execAsPipeline().catch((e) => e);
    assert.ok(err instanceof SimpleError);
    assert.strictEqual(await c.get('p'), '1');
    assert.deepStrictEqual(await c.multi().ping().exec(true), ['PONG']);
  });

  it('a bad argument in the chain rejects the whole exec and leaves no transaction open', async () => {
    await assert.rejects(c.multi().set('a', '1').get(5).exec(), { name: 'TypeError' });
    assert.strictEqual(await c.get('a'), null);
    assert.strictEqual(await c.set('b', '1'), 'OK');
  });

  it('select inside multi moves the client to that db', async () => {
    assert.deepStrictEqual(await c.multi().select(1).set('db1', 'x').exec(), ['OK', 'OK']);
    assert.strictEqual(await c.get('db1'), 'x');
  });
});

describe('re-entrancy', () => {
  it('an argument whose toString() calls the client back does not corrupt either command', async () => {
    const c = await open(freshUrl());
    await c.set('inner', 'i');
    let innerReply;
    const ttl = { toString() { innerReply = c.get('inner'); return '100'; } };
    await c.set('outer', 'o');
    assert.strictEqual(await c.expire('outer', ttl), 1);
    assert.strictEqual(await innerReply, 'i');
    assert.strictEqual(await c.ttl('outer'), 100);
    await c.close();
  });
});
