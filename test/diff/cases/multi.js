'use strict';
// multi()...exec() and execAsPipeline() with this commands.

const { group, raw } = require('../scenario.js');

const g = group('transactions: MULTI/EXEC with string and key commands');
const { scenario } = g;

scenario('MULTI/EXEC returns transformed replies in order', async (c, ctx) => {
  await ctx.call('exec', () => c.multi()
    .set('a', '1').get('a').incr('n').incrBy('n', 5).incrByFloat('f', 1.5)
    .append('a', 'x').strLen('a').mSet({ m1: 'x', m2: 'y' }).mGet(['m1', 'm2', 'zz'])
    .setNX('a', 'z').getSet('m1', 'q').getDel('m2').exists(['a', 'm1', 'm2']).type('a')
    .del(['m1']).dbSize().expire('a', 100).persist('a').ttl('a').ping().echo('e')
    .exec());
  await ctx.call('state after exec', () => c.mGet(['a', 'n', 'f', 'm1', 'm2']));
});

scenario('MULTI/EXEC with no commands', async (c, ctx) => {
  await ctx.call('empty exec', () => c.multi().exec());
  await ctx.call('empty execAsPipeline', () => c.multi().execAsPipeline());
});

scenario('MULTI/EXEC with TTL commands', async (c, ctx) => {
  await ctx.call('exec', () => c.multi()
    .set('t', 'v', { EX: 100 }).setEx('s', 50, 'v').pSetEx('p', 5000, 'v')
    .getEx('t', { type: 'PX', value: 80000 }).copy('t', 't2').rename('t2', 't3')
    .renameNX('t3', 't').exec());
  await ctx.call('exec TTL reads', () => c.multi().ttl('t').pTTL('t3').ttl('s').exec(),
    { norm: (r) => [r[0] >= 0 && r[0] <= 80, r[1] >= 79000 && r[1] <= 80000, r[2] >= 49 && r[2] <= 50] });
});

scenario('MULTI/EXEC with a runtime error rejects MultiErrorReply', async (c, ctx) => {
  await ctx.call('set a string', () => c.set('s', 'abc'));
  await ctx.call('exec with runtime errors', () => c.multi()
    .set('x', '1').incr('s').get('x').incrByFloat('s', 1).rename('nosuch', 'y')
    .expire('x', 100, 'NX').setRange('x', -1, 'z').exec());
  await ctx.call('other commands took effect', () => c.get('x'));
  await ctx.ttl('expire in the failed transaction applied', () => c.ttl('x'));
  await ctx.call('exec with a raw runtime error', () => c.multi()
    .sendCommand(['SET', 'y', '2']).sendCommand(['INCR', 's']).sendCommand(['GET', 'y']).exec());
  await ctx.call('execAsPipeline with a runtime error', () => c.multi()
    .set('p', '1').incr('s').set('p2', '2').execAsPipeline());
  await ctx.call('pipeline commands took effect', () => c.mGet(['p', 'p2']));
});

scenario('MULTI/EXEC with a queue-time error runs nothing', async (c, ctx) => {
  await ctx.call('wrong arity', () => c.multi().set('q', '1').sendCommand(['SET', 'onlykey']).exec());
  await ctx.call('q not set', () => c.exists('q'));
  await ctx.call('unknown command', () => c.multi().set('q', '1').sendCommand(['FOOBAR', 'x']).exec());
  await ctx.call('q still not set', () => c.exists('q'));
  await ctx.call('two queue-time errors', () => c.multi().sendCommand(['GET']).set('q', '1')
    .sendCommand(['NOPE']).exec());
  await ctx.call('q never set', () => c.exists('q'));
  await ctx.call('syntax errors are runtime errors', () => c.multi().set('q', '1')
    .sendCommand(['SET', 'k', 'v', 'NX', 'XX']).get('q').exec());
  await ctx.call('q set this time', () => c.get('q'));
  // node-redis rejects the TypeError, yet still sends MULTI, SET q 2, EXEC.
  const partial = 'node-redis runs the valid commands of a multi() that rejected a TypeError';
  await ctx.call('client-side TypeError inside multi', () => c.multi().set('q', '2').get(1).exec());
  await ctx.call('q after TypeError', () => c.get('q'), { quirk: partial });
});

scenario('MULTI/EXEC with SELECT and SWAPDB', async (c, ctx) => {
  await ctx.call('exec with select', () => c.multi().select(1).set('db1', 'x').dbSize().exec());
  await ctx.call('client is now on db 1', () => c.get('db1'));
  await ctx.call('select 0', () => c.select(0));
  await ctx.call('db1 key not in db 0', () => c.exists('db1'));
  await ctx.call('exec with raw select', () => c.multi().sendCommand(['SELECT', '2']).set('db2', 'y')
    .sendCommand(['SELECT', '0']).get('db2').exec());
  await ctx.call('exec with swapdb', () => c.multi().set('in0', 'z').swapDb(0, 3).exists('in0').exec());
  await ctx.call('select 3', () => c.select(3));
  await ctx.call('in0 moved to db 3', () => c.get('in0'));
  await ctx.call('select 0 again', () => c.select(0));
  await ctx.call('exec with an out-of-range select', () => c.multi().set('r', '1')
    .sendCommand(['SELECT', '99']).get('r').exec());
});

scenario('MULTI/EXEC addCommand and upper-case chain methods', async (c, ctx) => {
  await ctx.call('addCommand', () => c.multi().addCommand(['SET', 'ac', '1']).addCommand(['GET', 'ac']).exec());
  await ctx.call('upper-case', () => c.MULTI().SET('u', '1').INCR('u').GET('u').EXEC());
  await ctx.call('exec(true) is a pipeline', () => c.multi().ping().set('pp', '1').exec(true));
  await ctx.call('execAsPipeline', () => c.multi().set('p', '1').get('p').execAsPipeline());
  await ctx.call('flushDb inside multi', () => c.multi().set('z', '1').flushDb().dbSize().exec());
});

scenario('Implicit pipelining keeps order', async (c, ctx) => {
  await ctx.call('Promise.all', () => Promise.all([c.set('pa', '1'), c.get('pa'), c.incr('pn'),
    c.append('pa', '2'), c.get('pa'), c.del('pa'), c.exists('pa')]));
  await ctx.call('Promise.allSettled with an error in the middle', () => Promise.allSettled([
    c.set('s', 'x'), c.incr('s'), raw(c, 'GET'), c.get('s')])
    .then((rs) => rs.map((r) => (r.status === 'fulfilled' ? r.value : `${r.reason.constructor.name}: ${r.reason.message}`))));
});

module.exports = g;
