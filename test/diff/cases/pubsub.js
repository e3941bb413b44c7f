'use strict';
// Pub/sub, keyspace notifications and WATCH: several clients per side (c.duplicate()),
// messages collected by listeners and compared once they have all arrived.

const { group, raw } = require('../scenario.js');

const g = group('pub/sub, keyspace notifications and WATCH');
const { scenario } = g;

const WAIT_MS = 3000;

/* Resolves once 'done()' holds (messages arrive asynchronously on both sides), or after
 * WAIT_MS; the transcript then shows what arrived. */
async function until(done) {
  const t0 = Date.now();
  while (!done() && Date.now() - t0 < WAIT_MS) await new Promise((r) => setTimeout(r, 5));
}

/* A connected duplicate of 'c' whose 'error' events are collected in 'errors'. */
async function open(c, errors = []) {
  const d = c.duplicate();
  d.on('error', (e) => errors.push(e.message));
  await d.connect();
  return d;
}

/* A listener that records [tag, message, channel], Buffers shown as 'Buffer:<text>'. */
function recorder(log, tag) {
  const show = (v) => (Buffer.isBuffer(v) ? `Buffer:${v.toString('latin1')}` : v);
  return (message, channel) => log.push([tag, show(message), show(channel)]);
}

/* Notifications are server-wide: every scenario that enables them turns them off again. */
async function setEvents(c, ctx, flags) {
  await ctx.call(`notify-keyspace-events ${flags || "''"}`, () => c.configSet('notify-keyspace-events', flags));
}

scenario('SUBSCRIBE/PUBLISH: counts, payloads and order, string and Buffer listeners', async (c, ctx) => {
  const sub = await open(c);
  const log = [];
  try {
    await ctx.call('subscribe', () => sub.subscribe('ch1', recorder(log, 'A')));
    await ctx.call('second listener, buffer mode', () => sub.subscribe('ch1', recorder(log, 'B'), true));
    await ctx.call('two channels at once', () => sub.subscribe(['ch2', 'ch3'], recorder(log, 'C')));
    await ctx.call('isPubSubActive', () => sub.isPubSubActive);
    await ctx.call('publish to ch1', () => c.publish('ch1', 'one'));
    await ctx.call('publish to ch2', () => c.publish('ch2', 'two'));
    await ctx.call('publish a Buffer', () => c.publish(Buffer.from('ch3'), Buffer.from([0x68, 0x00, 0xff])));
    await ctx.call('publish utf-8', () => c.publish('ch1', 'caf\u00e9 \u20ac'));
    await ctx.call('publish empty', () => c.publish('ch1', ''));
    await ctx.call('publish to nobody', () => c.publish('nobody', 'x'));
    for (let i = 0; i < 50; i++) await c.publish('ch2', `seq${i}`);
    await until(() => log.length >= 58);
    ctx.note('messages in order', log);
    await ctx.call('a subscribed client runs ordinary commands (RESP3)', () => sub.set('fromsub', 'v'));
    await ctx.call('and publishes to itself', () => sub.publish('ch1', 'self'));
    await until(() => log.length >= 60);
    ctx.note('own message', log.slice(58));
  } finally {
    await sub.close();
  }
});

scenario('PSUBSCRIBE: the listener gets the concrete channel', async (c, ctx) => {
  const sub = await open(c);
  const log = [];
  try {
    await ctx.call('pSubscribe', () => sub.pSubscribe('news.*', recorder(log, 'P')));
    await ctx.call('pSubscribe buffers', () => sub.pSubscribe(['b?f', 'x[yz]'], recorder(log, 'Q'), true));
    await ctx.call('subscribe a matching channel too', () => sub.subscribe('news.sport', recorder(log, 'S')));
    await ctx.call('publish: channel and pattern both count', () => c.publish('news.sport', 'goal'));
    await ctx.call('publish to the pattern only', () => c.publish('news.art', 'paint'));
    await ctx.call('publish to buf', () => c.publish('buf', 'b1'));
    await ctx.call('publish to xz', () => c.publish('xz', 'b2'));
    await ctx.call('publish to xa', () => c.publish('xa', 'none'));
    await until(() => log.length >= 5);
    ctx.note('messages', log);
    await ctx.call('pUnsubscribe one', () => sub.pUnsubscribe('news.*'));
    await ctx.call('publish after pUnsubscribe', () => c.publish('news.sport', 'again'));
    await ctx.call('pUnsubscribe all', () => sub.pUnsubscribe());
    await ctx.call('publish to buf after', () => c.publish('buf', 'gone'));
    await ctx.call('still active (a channel remains)', () => sub.isPubSubActive);
    await ctx.call('unsubscribe all', () => sub.unsubscribe());
    await ctx.call('no longer active', () => sub.isPubSubActive);
    await until(() => log.length >= 6);
    ctx.note('after unsubscribing', log.slice(5));
  } finally {
    await sub.close();
  }
});

scenario('UNSUBSCRIBE: by listener, by channel, everything', async (c, ctx) => {
  const sub = await open(c);
  const log = [];
  const l1 = recorder(log, 'L1');
  const l2 = recorder(log, 'L2');
  try {
    await ctx.call('subscribe L1', () => sub.subscribe(['u1', 'u2'], l1));
    await ctx.call('subscribe L2', () => sub.subscribe('u1', l2));
    await ctx.call('remove L2 only', () => sub.unsubscribe('u1', l2));
    await ctx.call('u1 still has a subscriber', () => c.publish('u1', 'm1'));
    await ctx.call('numsub', () => c.pubSubNumSub(['u1', 'u2', 'u3']));
    await ctx.call('remove a listener that was never added', () => sub.unsubscribe('u2', l2));
    await ctx.call('remove the last listener of u1', () => sub.unsubscribe('u1', l1));
    await ctx.call('u1 has no subscriber', () => c.publish('u1', 'm2'));
    await ctx.call('unsubscribe a channel never subscribed', () => sub.unsubscribe('never'));
    await ctx.call('unsubscribe u2 by name', () => sub.unsubscribe('u2'));
    await ctx.call('publish u2', () => c.publish('u2', 'm3'));
    await ctx.call('unsubscribe with nothing subscribed', () => sub.unsubscribe());
    await ctx.call('pUnsubscribe with nothing subscribed', () => sub.pUnsubscribe());
    await ctx.call('isPubSubActive', () => sub.isPubSubActive);
    await until(() => log.length >= 1);
    ctx.note('messages', log);
  } finally {
    await sub.close();
  }
});

scenario('PUBSUB CHANNELS / NUMSUB / NUMPAT and closing subscribers', async (c, ctx) => {
  const a = await open(c);
  const b = await open(c);
  const noop = () => {};
  try {
    await a.subscribe(['p1', 'p2', 'other'], noop);
    await b.subscribe(['p1'], noop);
    await b.pSubscribe(['p*', 'q*'], noop);
    await a.pSubscribe('p*', noop);
    await ctx.sorted('channels', () => c.pubSubChannels());
    await ctx.sorted('channels p*', () => c.pubSubChannels('p*'));
    await ctx.call('channels with no match', () => c.pubSubChannels('zz*'));
    await ctx.call('numsub', () => c.pubSubNumSub(['p1', 'p2', 'none']));
    await ctx.call('numsub of one', () => c.pubSubNumSub('p1'));
    await ctx.call('numsub of none', () => c.pubSubNumSub());
    await ctx.call('numpat', () => c.pubSubNumPat());
    await ctx.call('publish p1: 2 channel + 2 pattern receivers', () => c.publish('p1', 'x'));
    await b.close();
    // The server sees the closed connection go asynchronously (another socket): wait for it.
    for (const t0 = Date.now(); Date.now() - t0 < WAIT_MS;) {
      if ((await c.pubSubNumSub('p1')).p1 === 1) break;
      await ctx.sleep(5);
    }
    await ctx.call('numsub after a subscriber closed', () => c.pubSubNumSub(['p1']));
    await ctx.call('numpat after', () => c.pubSubNumPat());
    await ctx.call('publish p1 after', () => c.publish('p1', 'y'));
    await ctx.call('raw PUBSUB NUMSUB', () => raw(c, 'PUBSUB', 'NUMSUB', 'p1', 'p2'));
    await ctx.call('raw PUBSUB', () => raw(c, 'PUBSUB'));
    await ctx.call('raw PUBSUB FOO', () => raw(c, 'PUBSUB', 'FOO'));
    await ctx.call('raw PUBSUB CHANNELS with two patterns', () => raw(c, 'PUBSUB', 'CHANNELS', 'a', 'b'));
    await ctx.call('raw PUBSUB NUMPAT with an argument', () => raw(c, 'PUBSUB', 'NUMPAT', 'x'));
    await ctx.call('raw PUBLISH without a message', () => raw(c, 'PUBLISH', 'ch'));
  } finally {
    if (b.isOpen) await b.close();
    await a.close();
  }
});

scenario('SSUBSCRIBE/SPUBLISH: shard channels are their own namespace', async (c, ctx) => {
  const sub = await open(c);
  const log = [];
  try {
    await ctx.call('sSubscribe', () => sub.sSubscribe(['s1', 's2'], recorder(log, 'S')));
    await ctx.call('sSubscribe buffers', () => sub.sSubscribe('s1', recorder(log, 'B'), true));
    await ctx.call('subscribe the same name as a channel', () => sub.subscribe('s1', recorder(log, 'C')));
    await ctx.call('sPublish', () => c.sPublish('s1', 'shard msg'));
    await ctx.call('publish reaches only the channel', () => c.publish('s1', 'channel msg'));
    await ctx.call('sPublish to nobody', () => c.sPublish('nobody', 'x'));
    await ctx.sorted('shard channels', () => c.pubSubShardChannels());
    await ctx.call('shard channels s1*', () => c.pubSubShardChannels('s1*'));
    await ctx.call('shard numsub', () => c.pubSubShardNumSub(['s1', 's2', 'z']));
    await ctx.call('channels (not shard ones)', () => c.pubSubChannels());
    await until(() => log.length >= 3);
    ctx.note('messages', log);
    await ctx.call('sUnsubscribe one', () => sub.sUnsubscribe('s2'));
    await ctx.call('sUnsubscribe all', () => sub.sUnsubscribe());
    await ctx.call('sPublish after', () => c.sPublish('s1', 'gone'));
    await ctx.call('still active (a channel remains)', () => sub.isPubSubActive);
    await ctx.call('raw SPUBLISH arity', () => raw(c, 'SPUBLISH', 'ch'));
    await ctx.call('raw SHARDCHANNELS with two patterns', () => raw(c, 'PUBSUB', 'SHARDCHANNELS', 'a', 'b'));
  } finally {
    await sub.close();
  }
});

scenario('a subscribed RESP2 client may only (un)subscribe and PING', async (c, ctx) => {
  // node-redis refuses its maintenance notifications (on in duplicates) over RESP2.
  const sub = c.duplicate({ RESP: 2, maintNotifications: 'disabled' });
  sub.on('error', () => {});
  await sub.connect();
  try {
    await ctx.call('get before subscribing', () => sub.get('k'));
    await ctx.call('subscribe', () => sub.subscribe('r2', () => {}));
    await ctx.call('get', () => sub.get('k'));
    await ctx.call('sendCommand GET', () => sub.sendCommand(['GET', 'k']));
    await ctx.call('set', () => sub.set('k', 'v'));
    await ctx.call('publish', () => sub.publish('r2', 'x'));
    await ctx.call('hGetAll', () => sub.hGetAll('h'));
    await ctx.call('multi', () => sub.multi().get('k').exec());
    await ctx.call('ping', () => sub.ping());
    await ctx.call('ping with a message', () => sub.ping('hello'));
    await ctx.call('pSubscribe', () => sub.pSubscribe('r*', () => {}));
    await ctx.call('unsubscribe all', () => sub.unsubscribe());
    await ctx.call('still subscribed to a pattern', () => sub.get('k'));
    await ctx.call('pUnsubscribe all', () => sub.pUnsubscribe());
    await ctx.call('get after', () => sub.get('k'));
  } finally {
    await sub.close();
  }
});

scenario('extendPubSubListeners moves listeners to another client', async (c, ctx) => {
  const a = await open(c);
  const b = await open(c);
  const log = [];
  try {
    await ctx.call('a subscribes', () => a.subscribe(['e1', 'e2'], recorder(log, 'L')));
    await ctx.call('b subscribes e2 itself', () => b.subscribe('e2', recorder(log, 'M')));
    await ctx.call('b takes a\'s listeners', () => b.extendPubSubListeners('CHANNELS', a.getPubSubListeners('CHANNELS')));
    await ctx.call('and one more channel', () => b.extendPubSubChannelListeners('CHANNELS', 'e3',
      { buffers: new Set(), strings: new Set([recorder(log, 'N')]) }));
    await ctx.call('a unsubscribes', () => a.unsubscribe());
    await ctx.call('numsub', () => c.pubSubNumSub(['e1', 'e2', 'e3']));
    await ctx.call('publish e1', () => c.publish('e1', 'one'));
    await ctx.call('publish e2', () => c.publish('e2', 'two'));
    await ctx.call('publish e3', () => c.publish('e3', 'three'));
    await until(() => log.length >= 4);
    ctx.note('messages', log);
  } finally {
    await a.close();
    await b.close();
  }
});

scenario('pub/sub misuse', async (c, ctx) => {
  const errors = [];
  const sub = await open(c, errors);
  const log = [];
  try {
    await ctx.call('subscribe with no channel', () => sub.subscribe(undefined, () => {}));
    await ctx.call('subscribe with a number channel', () => sub.subscribe(5, () => {}));
    await ctx.call('subscribe with an empty list', () => sub.subscribe([], () => {}));
    await ctx.call('pSubscribe with no pattern', () => sub.pSubscribe(undefined, () => {}));
    await ctx.call('publish a number', () => c.publish('ch', 5));
    await ctx.call('publish with no message', () => c.publish('ch'));
    await ctx.call('publish with no channel', () => c.publish());
    await ctx.call('numsub with a number', () => c.pubSubNumSub([1]));
    await ctx.call('still inactive', () => sub.isPubSubActive);
    // A listener that throws is reported on the client's 'error' event; delivery goes on.
    await ctx.call('subscribe a throwing listener', () => sub.subscribe('boom', () => {
      throw new Error('listener failed');
    }));
    await ctx.call('subscribe a recorder', () => sub.subscribe('boom', recorder(log, 'R')));
    await ctx.call('publish boom', () => c.publish('boom', 'x'));
    await ctx.call('publish boom again', () => c.publish('boom', 'y'));
    await until(() => errors.length >= 2);
    ctx.note('messages', log);
    ctx.note('error events', errors);
    await ctx.call('client still usable', () => sub.ping());
  } finally {
    await sub.close();
  }
});

scenario('keyspace notifications: flags, channels and events', async (c, ctx) => {
  const sub = await open(c);
  const log = [];
  try {
    await setEvents(c, ctx, '');
    await ctx.call('config get default', () => c.configGet('notify-keyspace-events'));
    await ctx.call('unknown flag', () => c.configSet('notify-keyspace-events', 'KEQ'));
    await ctx.call('duplicate parameter', () => raw(c, 'CONFIG', 'SET', 'notify-keyspace-events', 'K',
      'notify-keyspace-events', 'E'));
    await ctx.call('unknown parameter', () => c.configSet('no-such-parameter', 'x'));
    for (const flags of ['KEA', 'Ex', 'g$lshzxetmdn', 'Kn', 'AKEm', 'E$']) {
      await setEvents(c, ctx, flags);
      await ctx.call(`config get after ${flags}`, () => c.configGet('notify-keyspace-events'));
    }
    await ctx.call('pSubscribe all key events', () => sub.pSubscribe('__key*__:*', recorder(log, 'K')));
    await setEvents(c, ctx, '');
    await ctx.call('set with notifications off', () => c.set('quiet', 'v'));
    await setEvents(c, ctx, 'KEA');
    await ctx.call('set', () => c.set('k', 'v'));
    await ctx.call('set with EX', () => c.set('k', 'v2', { EX: 100 }));
    await ctx.call('expire', () => c.expire('k', 200));
    await ctx.call('persist', () => c.persist('k'));
    await ctx.call('incr', () => c.incr('n'));
    await ctx.call('append', () => c.append('k', 'x'));
    await ctx.call('del', () => c.del(['k', 'missing']));
    await ctx.call('hSet', () => c.hSet('h', { f: '1', g: '2' }));
    await ctx.call('hDel', () => c.hDel('h', ['f', 'g']));
    await ctx.call('lPush', () => c.lPush('l', ['a', 'b']));
    await ctx.call('rPop', () => c.rPop('l'));
    await ctx.call('sAdd', () => c.sAdd('s', ['x']));
    await ctx.call('zAdd', () => c.zAdd('z', [{ score: 1, value: 'm' }]));
    await ctx.call('zIncrBy', () => c.zIncrBy('z', 2, 'm'));
    await ctx.call('rename', () => c.rename('z', 'z2'));
    await ctx.call('move to db 4', () => c.move('z2', 4));
    await ctx.call('set with PX, then expire it', () => c.set('short', 'v', { PX: 30 }));
    await ctx.sleep(80);
    await ctx.call('get of the expired key', () => c.get('short'));
    await until(() => log.some((m) => m[1] === 'short' && m[2] === '__keyevent@0__:expired'));
    ctx.note('events', log);
    log.length = 0;
    await setEvents(c, ctx, 'Eg');
    await ctx.call('select 2', () => c.select(2));
    await ctx.call('set in db 2 (no $)', () => c.set('d2', 'v'));
    await ctx.call('del in db 2', () => c.del('d2'));
    await ctx.call('select 0', () => c.select(0));
    await until(() => log.length >= 1);
    ctx.note('generic key-event only, db 2', log);
  } finally {
    await c.configSet('notify-keyspace-events', '');
    await sub.close();
  }
});

scenario('CONFIG RESETSTAT zeroes the INFO counters; CLIENT ID grows per connection', async (c, ctx) => {
  const stat = (info, name) => Number((info.match(new RegExp(`^${name}:(\\d+)`, 'm')) || [])[1]);
  await c.set('hit', 'v');
  await c.get('hit');
  await c.get('miss');
  await ctx.call('counters before', async () => stat(await c.info('stats'), 'keyspace_hits') > 0 &&
    stat(await c.info('stats'), 'keyspace_misses') > 0);
  await ctx.call('configResetStat', () => c.configResetStat());
  await ctx.call('counters after', async () => {
    const info = await c.info('stats');
    return [stat(info, 'keyspace_hits'), stat(info, 'keyspace_misses'), stat(info, 'expired_keys')];
  });
  await ctx.call('raw CONFIG RESETSTAT with an argument', () => raw(c, 'CONFIG', 'RESETSTAT', 'x'));
  const d = await open(c);
  try {
    await ctx.call('a later connection has a larger id', async () => (await d.clientId()) > (await c.clientId()));
  } finally {
    await d.close();
  }
});

scenario('WATCH: a change by another client aborts exec() with WatchError', async (c, ctx) => {
  const other = await open(c);
  try {
    await ctx.call('set w', () => c.set('w', '0'));
    await ctx.call('watch', () => c.watch('w'));
    await ctx.call('isWatching', () => c.isWatching);
    await ctx.call('other client writes w', () => other.set('w', '1'));
    await ctx.call('exec is aborted', () => c.multi().set('w', 'mine').get('w').exec());
    await ctx.call('isWatching after exec', () => c.isWatching);
    await ctx.call('w unchanged by the aborted transaction', () => c.get('w'));
    await ctx.call('watch again, no change', () => c.watch(['w', 'w2']));
    await ctx.call('exec runs', () => c.multi().set('w', 'mine').get('w').exec());
    await ctx.call('a write by the watching client itself also aborts', async () => {
      await c.watch('w');
      await c.set('w', 'self');
      return c.multi().get('w').exec();
    });
    await ctx.call('unwatch then change', async () => {
      await c.watch('w');
      await c.unwatch();
      await other.set('w', '2');
      return c.multi().get('w').exec();
    });
    await ctx.call('isWatching after unwatch', () => c.isWatching);
    await ctx.call('a hash change aborts', async () => {
      await c.hSet('wh', 'f', '1');
      await c.watch('wh');
      await other.hSet('wh', 'f', '2');
      return c.multi().hGet('wh', 'f').exec();
    });
    await ctx.call('a no-op write does not abort', async () => {
      await c.watch('wh');
      await other.hDel('wh', 'nosuchfield');
      await other.del('nosuchkey');
      return c.multi().hGet('wh', 'f').exec();
    });
    await ctx.call('a list push aborts', async () => {
      await c.watch('wl');
      await other.rPush('wl', 'x');
      return c.multi().lLen('wl').exec();
    });
    await ctx.call('a zset change aborts', async () => {
      await c.watch('wz');
      await other.zAdd('wz', { score: 1, value: 'a' });
      return c.multi().zCard('wz').exec();
    });
    await ctx.call('a set change aborts', async () => {
      await c.watch('ws');
      await other.sAdd('ws', 'a');
      return c.multi().sCard('ws').exec();
    });
    await ctx.call('expiry of a watched key aborts', async () => {
      await c.set('we', 'v', { PX: 30 });
      await c.watch('we');
      await new Promise((r) => setTimeout(r, 60));
      return c.multi().get('we').exec();
    });
    await ctx.call('flushdb aborts when the key existed', async () => {
      await c.set('wf', '1');
      await c.watch('wf');
      await other.flushDb();
      return c.multi().get('wf').exec();
    });
    await ctx.call('flushdb does not abort for a missing watched key', async () => {
      await c.watch('wmissing');
      await other.flushDb();
      return c.multi().get('wmissing').exec();
    });
    await ctx.call('execAsPipeline ignores the WATCH', async () => {
      await c.watch('wp');
      await other.set('wp', '1');
      return c.multi().get('wp').execAsPipeline();
    });
    await ctx.call('and the next exec fails', () => c.multi().get('wp').exec());
    await ctx.call('WATCH with no key', () => raw(c, 'WATCH'));
    await ctx.call('UNWATCH with an argument', () => raw(c, 'UNWATCH', 'x'));
    await ctx.call('WATCH inside MULTI', () => c.multi().sendCommand(['WATCH', 'x']).get('w').exec());
    await ctx.call('UNWATCH inside MULTI', () => c.multi().sendCommand(['UNWATCH']).exec());
    await ctx.call('watch a number', () => c.watch(5));
  } finally {
    await other.close();
  }
});

module.exports = g;
