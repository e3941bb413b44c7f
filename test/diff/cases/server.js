'use strict';
// PING ECHO DBSIZE FLUSHDB FLUSHALL SELECT SWAPDB INFO TIME, arity and
// unknown-command errors.

const { group, raw } = require('../scenario.js');

const g = group('server: PING ECHO DBSIZE FLUSH SELECT SWAPDB INFO TIME');
const { scenario } = g;

scenario('PING and ECHO', async (c, ctx) => {
  await ctx.call('ping', () => c.ping());
  await ctx.call('ping with message', () => c.ping('hi'));
  await ctx.call('ping empty message', () => c.ping(''));
  await ctx.call('raw PING', () => raw(c, 'PING'));
  await ctx.call('raw ping lower-case', () => raw(c, 'ping', 'x'));
  await ctx.call('raw PING two args', () => raw(c, 'PING', 'a', 'b'));
  await ctx.call('echo', () => c.echo('x'));
  await ctx.call('echo empty', () => c.echo(''));
  await ctx.call('echo Buffer', () => c.echo(Buffer.from('buf')));
  await ctx.call('raw ECHO no args', () => raw(c, 'ECHO'));
  await ctx.call('raw ECHO two args', () => raw(c, 'ECHO', 'a', 'b'));
  await ctx.call('echo number', () => c.echo(5));
});

scenario('DBSIZE, FLUSHDB and FLUSHALL with SYNC and ASYNC', async (c, ctx) => {
  await ctx.call('dbSize empty', () => c.dbSize());
  await ctx.call('mSet', () => c.mSet({ a: '1', b: '2', c: '3' }));
  await ctx.call('dbSize 3', () => c.dbSize());
  await ctx.call('flushDb', () => c.flushDb());
  await ctx.call('dbSize after flushDb', () => c.dbSize());
  await ctx.call('mSet again', () => c.mSet({ a: '1', b: '2' }));
  await ctx.call('flushDb ASYNC', () => c.flushDb('ASYNC'));
  await ctx.call('dbSize after ASYNC', () => c.dbSize());
  await ctx.call('set', () => c.set('a', '1'));
  await ctx.call('flushDb SYNC', () => c.flushDb('SYNC'));
  await ctx.call('dbSize after SYNC', () => c.dbSize());
  await ctx.call('raw FLUSHDB lower-case async', () => raw(c, 'FLUSHDB', 'async'));
  await ctx.call('raw FLUSHDB bad mode', () => raw(c, 'FLUSHDB', 'LATER'));
  await ctx.call('raw FLUSHDB two modes', () => raw(c, 'FLUSHDB', 'SYNC', 'ASYNC'));
  await ctx.call('raw FLUSHALL bad mode', () => raw(c, 'FLUSHALL', 'NOW'));
  await ctx.call('raw DBSIZE with argument', () => raw(c, 'DBSIZE', 'x'));
  await ctx.call('fill db 0', () => c.set('z0', '1'));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('fill db 1', () => c.mSet({ z1: '1', y1: '2' }));
  await ctx.call('flushDb only flushes db 1', () => c.flushDb());
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('db 0 untouched', () => c.dbSize());
  await ctx.call('select 2', () => c.select(2));
  await ctx.call('fill db 2', () => c.set('z2', '1'));
  await ctx.call('flushAll', () => c.flushAll());
  await ctx.call('db 2 empty', () => c.dbSize());
  await ctx.call('select 0 again', () => c.select(0));
  await ctx.call('db 0 empty', () => c.dbSize());
  await ctx.call('set with TTL', () => c.set('t', '1', { EX: 100 }));
  await ctx.call('flushAll ASYNC', () => c.flushAll('ASYNC'));
  await ctx.call('flushAll SYNC', () => c.flushAll('SYNC'));
  await ctx.call('ttl after flush', () => c.ttl('t'));
});

scenario('SELECT switches databases', async (c, ctx) => {
  await ctx.call('set in db 0', () => c.set('k', 'db0'));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('get in db 1', () => c.get('k'));
  await ctx.call('set in db 1', () => c.set('k', 'db1'));
  await ctx.call('select string 2', () => c.select('2'));
  await ctx.call('get in db 2', () => c.get('k'));
  await ctx.call('raw SELECT 1', () => raw(c, 'SELECT', '1'));
  await ctx.call('get after raw select', () => c.get('k'));
  await ctx.call('select out of range', () => c.select(16));
  await ctx.call('still db 1', () => c.get('k'));
  await ctx.call('select -1', () => c.select(-1));
  await ctx.call('raw SELECT abc', () => raw(c, 'SELECT', 'abc'));
  await ctx.call('raw SELECT 1.5', () => raw(c, 'SELECT', '1.5'));
  await ctx.call('raw SELECT huge', () => raw(c, 'SELECT', '99999999999999999999'));
  await ctx.call('raw SELECT wrong arity', () => raw(c, 'SELECT'));
  await ctx.call('select 15', () => c.select(15));
  await ctx.call('dbSize 15', () => c.dbSize());
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('get in db 0', () => c.get('k'));
});

scenario('SWAPDB exchanges two databases', async (c, ctx) => {
  await ctx.call('set in db 0', () => c.mSet({ a: '0', only0: 'x' }));
  await ctx.call('ttl key in db 0', () => c.set('t', 'v', { EX: 100 }));
  await ctx.call('select 1', () => c.select(1));
  await ctx.call('set in db 1', () => c.set('a', '1'));
  await ctx.call('swapDb 0 1', () => c.swapDb(0, 1));
  await ctx.call('db 1 now has db 0 data', () => c.get('a'));
  await ctx.call('only0 moved', () => c.get('only0'));
  await ctx.ttl('TTL moved with the db', () => c.ttl('t'));
  await ctx.call('dbSize db 1', () => c.dbSize());
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('db 0 now has db 1 data', () => c.get('a'));
  await ctx.call('dbSize db 0', () => c.dbSize());
  await ctx.call('swapDb same db', () => c.swapDb(0, 0));
  await ctx.call('raw SWAPDB', () => raw(c, 'SWAPDB', '1', '0'));
  await ctx.call('swapped back', () => c.get('a'));
  await ctx.call('swapDb out of range', () => c.swapDb(0, 16));
  await ctx.call('swapDb negative', () => c.swapDb(-1, 0));
  await ctx.call('raw SWAPDB bad first index', () => raw(c, 'SWAPDB', 'a', '0'));
  await ctx.call('raw SWAPDB bad second index', () => raw(c, 'SWAPDB', '0', 'b'));
  await ctx.call('raw SWAPDB wrong arity', () => raw(c, 'SWAPDB', '0'));
  await ctx.call('swapDb with an empty db', () => c.swapDb(0, 5));
  await ctx.call('db 0 is empty now', () => c.dbSize());
  await ctx.call('select 5', () => c.select(5));
  await ctx.call('db 5 has the data', () => c.dbSize());
  await ctx.call('select 0 again', () => c.select(0));
});

/* The fields of INFO that a compatible server must reproduce exactly. */
function infoFields(text) {
  const out = {};
  for (const line of text.split('\r\n')) {
    const m = /^(keyspace_hits|keyspace_misses|expired_keys):(\d+)$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

function keyspaceLines(text) {
  return text.split('\r\n').filter((l) => /^db\d+:/.test(l))
    .map((l) => l.replace(/,avg_ttl=\d+.*$/, ''));
}

function sections(text) {
  const names = ['# Server', '# Keyspace', '# Stats'];
  return names.map((s) => `${s}: ${text.split('\r\n').includes(s)}`);
}

scenario('INFO sections, keyspace lines and hit/miss/expired counters', async (c, ctx) => {
  await ctx.shape('info is one string with CRLF lines', () => c.info(),
    (t) => typeof t === 'string' && t.includes('\r\n') && t.endsWith('\r\n'));
  await ctx.shape('info sections present', () => c.info(), sections);
  await ctx.shape('info server', () => c.info('server'), (t) => sections(t));
  await ctx.shape('info stats', () => c.info('stats'), (t) => sections(t));
  await ctx.call('info keyspace on empty server', () => c.info('keyspace'));
  await ctx.shape('raw INFO keyspace', () => raw(c, 'INFO', 'KEYSPACE'), (t) => sections(t));
  await ctx.call('info unknown section', () => c.info('nosuchsection'));
  const before = await c.info('stats');
  await c.set('a', '1');
  await c.set('b', '2', { EX: 100 });
  await c.set('x', '2', { PX: 10 });
  await c.get('a'); // hit
  await c.get('nope'); // miss
  await c.mGet(['a', 'b', 'nope']); // 2 hits, 1 miss
  await c.exists(['a', 'nope']);
  await c.type('a');
  await c.strLen('nope');
  await c.getRange('a', 0, 1);
  await c.incr('cnt'); // a write: no hit, no miss
  await c.select(2);
  await c.set('c', '3', { EX: 100 });
  await c.select(0);
  await ctx.sleep(40);
  await c.get('x'); // expired: lazily deleted, a miss
  const after = await c.info('stats');
  const b = infoFields(before);
  const a = infoFields(after);
  ctx.note('counters present', Object.keys(a).sort());
  ctx.note('keyspace_hits delta', a.keyspace_hits - b.keyspace_hits);
  ctx.note('keyspace_misses delta', a.keyspace_misses - b.keyspace_misses);
  ctx.note('expired_keys delta', a.expired_keys - b.expired_keys);
  await ctx.shape('keyspace lines', () => c.info('keyspace'), keyspaceLines);
  await ctx.shape('keyspace lines in full INFO', () => c.info(), keyspaceLines);
  await ctx.shape('keyspace lines in INFO all', () => c.info('all'), keyspaceLines);
});

scenario('TIME returns seconds and microseconds as strings', async (c, ctx) => {
  const shape = (r) => Array.isArray(r) && r.length === 2 && r.map((x) => typeof x === 'string' && /^\d+$/.test(x));
  await ctx.shape('time', () => c.time(), shape);
  await ctx.shape('raw TIME', () => raw(c, 'TIME'), shape);
  await ctx.shape('time is now', () => c.time(), (r) => Math.abs(Number(r[0]) - Date.now() / 1000) < 5);
  await ctx.shape('microseconds below one million', () => c.time(), (r) => Number(r[1]) < 1e6);
  await ctx.call('raw TIME with argument', () => raw(c, 'TIME', 'x'));
});

scenario('Wrong number of arguments and unknown commands', async (c, ctx) => {
  const arity = [['GET'], ['SET', 'k'], ['MGET'], ['INCR'], ['DECRBY', 'k'], ['APPEND', 'k'],
    ['GETRANGE', 'k', '0'], ['SETRANGE', 'k', '0'], ['EXPIRE', 'k'], ['TTL'], ['RENAME', 'a'],
    ['DBSIZE', 'x'], ['RANDOMKEY', 'x'], ['TYPE'], ['STRLEN'], ['GETDEL'], ['PERSIST'],
    ['SWAPDB'], ['ECHO'], ['TOUCH'], ['KEYS'], ['SCAN'], ['COPY', 'a'], ['MSETNX'],
    ['PEXPIRETIME'], ['INCRBYFLOAT', 'k']];
  for (const argv of arity) {
    await ctx.call(`arity ${argv.join(' ')}`, () => c.sendCommand(argv));
  }
  await ctx.call('unknown command with args', () => raw(c, 'FOOBAR', 'x'));
  await ctx.call('unknown command with many args', () => raw(c, 'FOOBAR', 'a', 'b', 'c', 'd'));
  await ctx.call('unknown command without args', () => raw(c, 'FOOBAR'));
  await ctx.call('unknown command lower-case', () => raw(c, 'nosuchcmd', 'key'));
  await ctx.call('unknown command with a long arg', () => raw(c, 'FOO', 'x'.repeat(200)));
  await ctx.call('unknown command with an empty arg', () => raw(c, 'FOO', ''));
  await ctx.call('sendCommand with a string', () => c.sendCommand('PING'));
  await ctx.call('empty command name', () => raw(c, '', 'x'));
});

module.exports = g;
