'use strict';
// What keyspace notifications cost when they are off, with 1M idle keys carrying TTLs.
//   node --expose-gc bench/notify_cost.js [--quick]
// One keyspace holds N keys (16-byte keys, 100-byte values, a TTL of one hour: the active
// expiry cycle samples them every tick and finds nothing to do). For each setting of
// notify-keyspace-events -- '' (off, the default), 'KEA' with nobody subscribed, 'KEA' with
// one pattern subscriber -- it measures, alternating the settings over ROUNDS rounds:
//   idle:  CPU time the process spends over IDLE_MS with no command running (the cron timer);
//   write: SET ... EX 3600 of existing keys, awaited one at a time (ops/s);
//   read:  GET of existing keys, awaited one at a time (ops/s).
// Medians are printed with each setting's ratio to 'off'.
const redlite = require('..');
const { gc } = require('./lib/gc');
const { makeData } = require('./lib/data');
const { median, int, table } = require('./lib/stats');

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 100000 : 1000000;
const OPS = QUICK ? 50000 : 200000;
const IDLE_MS = QUICK ? 1000 : 3000;
const ROUNDS = QUICK ? 2 : 5;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function idleCpuMs() {
  gc();
  const t0 = process.cpuUsage();
  await sleep(IDLE_MS);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

async function rate(n, op) {
  gc();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op(i);
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function main() {
  const url = 'redis://bench-notify-cost:6379';
  const c = redlite.createClient({ url });
  const sub = redlite.createClient({ url });
  await c.connect();
  await sub.connect();
  const { keys, values } = makeData(N);
  for (let i = 0; i < N; i++) await c.set(keys[i], values[i], { EX: 3600 });
  let heard = 0;
  const settings = [
    { name: "off ('')", events: '', subscribe: false },
    { name: 'KEA, no subscriber', events: 'KEA', subscribe: false },
    { name: 'KEA, one subscriber', events: 'KEA', subscribe: true }
  ];
  const samples = new Map(settings.map((s) => [s.name, { idle: [], write: [], read: [] }]));
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 ? [...settings].reverse() : settings;
    for (const s of order) {
      await c.configSet('notify-keyspace-events', s.events);
      if (s.subscribe) await sub.pSubscribe('__key*__:*', () => { heard++; });
      const idle = await idleCpuMs();
      const write = await rate(OPS, (i) => c.set(keys[i], values[i], { EX: 3600 }));
      const read = await rate(OPS, (i) => c.get(keys[i]));
      if (s.subscribe) await sub.pUnsubscribe();
      if (round === 0) continue; // warm-up
      const m = samples.get(s.name);
      m.idle.push(idle);
      m.write.push(write);
      m.read.push(read);
    }
  }
  await c.configSet('notify-keyspace-events', '');
  const off = samples.get(settings[0].name);
  const rows = [['notify-keyspace-events', 'idle CPU ms / s', 'SET EX ops/s', 'vs off', 'GET ops/s', 'vs off']];
  for (const s of settings) {
    const m = samples.get(s.name);
    const idle = median(m.idle) / (IDLE_MS / 1000);
    rows.push([s.name, idle.toFixed(1), int(median(m.write)), (median(m.write) / median(off.write)).toFixed(2),
      int(median(m.read)), (median(m.read) / median(off.read)).toFixed(2)]);
  }
  console.log(`${int(N)} keys with a 1 h TTL, ${int(OPS)} awaited ops per measurement, ${ROUNDS} rounds + 1 ` +
    `warm-up${QUICK ? ' (--quick)' : ''}; messages heard by the subscriber: ${int(heard)}`);
  console.log(table(rows));
  await Promise.all([c.close(), sub.close()]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
