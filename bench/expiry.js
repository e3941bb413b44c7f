'use strict';
// Expiry storm: 1M keys expiring in the same second, and what reclaiming them costs.
//   node bench/expiry.js [--quick] [--keys N] [--spread MS] [--only=redlite,redis-server,node-cache,lru-cache] [--idle]
// Each subject runs alone in a child process (bench/lib/expiry-subject.js, node --expose-gc),
// one after another. It loads N keys (16-byte keys, 100-byte values; --quick: 100,000) with
// an absolute expiry at T, a whole second a few seconds after the loading ends (--spread MS:
// key i at T + floor(i * MS / N) instead; default 0, every key at the same millisecond T,
// the harshest case), plus one key that never expires. Then its event loop keeps running
// with a light background load (a GET of the non-expiring key every 1 ms; --idle: none) while
// a 10 ms poll counts the keys left. Measured from T:
//   - reclaim ms: until a poll sees all N keys gone (redlite and redis-server: DBSIZE back to
//     the one non-expiring key and INFO stats expired_keys grown by N; node-cache:
//     getStats().keys; lru-cache: size), to the poll's 10 ms resolution;
//   - for the stores in the Node.js process (redlite, node-cache, lru-cache), over the window
//     from T to reclaimed + 1 s: monitorEventLoopDelay({ resolution: 1 }) max, p99 and p99.9
//     (enabled 10 ms before T, so that a stall that begins at T is caught; an idle loop reads
//     ~1 ms at that resolution); the largest gap between consecutive ticks of a 1 ms
//     setInterval and the number of gaps over 2 ms; the 'own' gap: the largest tick gap less
//     the time the main thread waited for a CPU in it (Linux schedstat: on a shared machine,
//     preemption by other processes is not the store's stall); the longest V8 GC pause in the
//     window; and the same tick-gap figures in the second before T, the control (the
//     machine's noise and the store's own idle cost);
//   - memory right before T (keys loaded) and after the window, each after full GCs: RSS, and
//     INFO memory used_memory and allocator_allocated (redlite, redis-server) or the V8 heap
//     used (node-cache, lru-cache).
// Subjects:
//   redlite        this package, SET key value { PXAT };
//   redis-server   a private redis-server (test/helpers/redis-server.js), loaded through node-redis
//                  6 with Promise.all batches of 1000 SETs with PXAT; reclaim time and its own
//                  used_memory / used_memory_rss only: its event loop is not ours, no stall figure;
//   node-cache     new NodeCache({ stdTTL: 0, checkperiod: 1 }), TTLs in (fractional) seconds up
//                  to T: its check deletes every expired key in one synchronous sweep;
//   lru-cache      new LRUCache({ max: 2e6, ttl, ttlAutopurge: true }), per-key ttl up to T: one
//                  setTimeout per key.
// Preconditions, checked first: enough MemAvailable (/proc/meminfo), redis-server present, the
// addon built, the npm packages installed; a subject that cannot run is printed and recorded as
// skipped with the reason. A child that crashes, or whose keys are not reclaimed within CAP_MS of
// T, is recorded as failed, never as a figure.
// Writes bench/results-expiry.json (results-expiry.quick.json with --quick; nothing with
// --only) and prints the same JSON on one line at the end.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { findRedisServer } = require('../test/helpers/redis-server');
const { KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { int, table } = require('./lib/stats');
const { machine, pkgVersion, memAvailable, writeResults } = require('./lib/machine');

const SUBJECTS = ['redlite', 'redis-server', 'node-cache', 'lru-cache'];
const PACKAGES = ['redis', 'lru-cache', 'node-cache'];
const SUBJECT_JS = path.join(__dirname, 'lib', 'expiry-subject.js');
const ADDON = path.join(__dirname, '..', 'build', 'Release', 'redlite.node');
const CAP_MS = 120000; // keys not reclaimed this long after T: failed
const KILL_SLACK_MS = 60000; // a child silent this long after T + CAP_MS is killed (its loop is stuck)
const LOAD_MS_PER_KEY = 0.3; // the time allowed to load, per key (at least MIN_LOAD_TIMEOUT_MS)
const MIN_LOAD_TIMEOUT_MS = 120000;
const MEM_BASE = 512 * 1048576; // memory needed: this plus MEM_PER_KEY per key
const MEM_PER_KEY = 1536;
const TICK_MS = 1; // the tick period of lib/expiry-subject.js
// A loop kept busy over this long between two ticks (a tick gap over TICK_MS + this) during the
// storm, not counting the time it waited for a CPU, is a finding.
const STALL_LIMIT_MS = 2;

// The value of --name=V or --name V, or undefined.
function argValue(name) {
  const i = process.argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
}

// A non-negative integer flag (dflt when absent); exits with a usage error otherwise.
function intArg(name, dflt) {
  const v = argValue(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name}: expected a non-negative integer, got '${v}'`);
    process.exit(2);
  }
  return n;
}

// The subjects named by --only (all of SUBJECTS without it); exits on an unknown name.
function onlySubjects() {
  const v = argValue('--only');
  if (v === undefined) return SUBJECTS;
  const names = v.split(',').filter(Boolean);
  const unknown = names.filter((n) => !SUBJECTS.includes(n));
  if (unknown.length || !names.length) {
    console.error(`--only: unknown or missing subject(s) '${unknown.join(',')}'; subjects: ${SUBJECTS.join(', ')}`);
    process.exit(2);
  }
  return names;
}

const QUICK = process.argv.includes('--quick');
const KEYS = intArg('--keys', QUICK ? 100000 : 1000000);
const SPREAD_MS = intArg('--spread', 0);
const IDLE = process.argv.includes('--idle');
const ONLY = onlySubjects();
const OUT = path.join(__dirname, QUICK ? 'results-expiry.quick.json' : 'results-expiry.json');

if (KEYS < 1) {
  console.error('--keys: at least 1');
  process.exit(2);
}

// Checks every precondition and prints it; returns Map subject -> reason it is skipped.
function preconditions() {
  const skip = new Map();
  const gb = (b) => (b / 1073741824).toFixed(1) + ' GB';
  const need = MEM_BASE + KEYS * MEM_PER_KEY;
  const avail = memAvailable();
  if (avail === null) {
    console.log('memory: /proc/meminfo not readable, not checked');
  } else if (avail < need) {
    console.log(`memory: ${gb(avail)} available, NOT enough (need ~${gb(need)} for ${int(KEYS)} keys)`);
    for (const s of ONLY) skip.set(s, `only ${gb(avail)} of memory available, need ~${gb(need)}`);
  } else {
    console.log(`memory: ${gb(avail)} available (need ~${gb(need)}): ok`);
  }
  if (!fs.existsSync(ADDON)) skip.set('redlite', `addon not built (${path.relative(process.cwd(), ADDON)} missing)`);
  try {
    console.log(`redis-server: ${findRedisServer()}`);
  } catch (err) {
    console.log(`redis-server: missing (${err.message.split('\n')[0]})`);
    skip.set('redis-server', err.message.split('\n')[0]);
  }
  const needs = { 'redis-server': 'redis', 'node-cache': 'node-cache', 'lru-cache': 'lru-cache' };
  for (const [s, p] of Object.entries(needs)) {
    if (!skip.has(s) && !pkgVersion(p)) skip.set(s, `npm package ${p} not installed`);
  }
  return skip;
}

// Runs one subject's child process; resolves its result record, or { name, failed } when the
// child crashed, sent nothing, or had to be killed (load too long, or stuck after T).
function runSubject(name) {
  return new Promise((resolve) => {
    const args = ['--expose-gc', SUBJECT_JS, name, String(KEYS), String(SPREAD_MS), String(CAP_MS)];
    if (IDLE) args.push('--idle');
    const child = childProcess.spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result = null;
    let killedFor = null;
    let spawnError = null;
    const kill = (why) => {
      killedFor = why;
      child.kill('SIGKILL');
    };
    const loadTimeout = Math.max(MIN_LOAD_TIMEOUT_MS, KEYS * LOAD_MS_PER_KEY);
    let timer = setTimeout(() => kill(`not loaded within ${Math.round(loadTimeout / 1000)} s`), loadTimeout);
    child.on('message', (m) => {
      if (m.type === 'armed') {
        clearTimeout(timer);
        const wait = m.expiryAt - Date.now() + CAP_MS + KILL_SLACK_MS;
        timer = setTimeout(() => kill(`no result ${(CAP_MS + KILL_SLACK_MS) / 1000} s after the expiry instant`), wait);
      } else if (m.type === 'result') {
        result = m.result;
      }
    });
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else if (killedFor) resolve({ name, failed: `timed out: ${killedFor} (killed)` });
      else if (spawnError) resolve({ name, failed: `cannot spawn: ${spawnError.message}` });
      else resolve({ name, failed: `crashed (exit code ${code}, signal ${signal})` });
    });
  });
}

// The table, the notes and the findings about stalls and reclaim times.
function report(results) {
  const fix = (x) => (x === undefined ? '-' : x.toFixed(2));
  const mem = (a, b) => (a === undefined ? '-' : `${a.toFixed(1)} > ${b === undefined ? '?' : b.toFixed(1)}`);
  const rows = [['subject', 'keys', 'reclaim ms', 'half ms', 'max delay ms', 'max tick gap ms', 'own gap ms',
    'gaps >2ms', 'p99 ms', 'p99.9 ms', 'control gap/own ms', 'used_memory MB', 'RSS MB']];
  for (const r of results) {
    if (r.skipped || r.failed) {
      rows.push([r.name, int(KEYS), r.skipped ? 'skipped' : 'failed', '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    const ours = r.maxTickGapMs !== undefined;
    const na = (x) => (ours ? x : 'n/a');
    rows.push([r.name, int(KEYS), int(r.reclaimMs), r.halfReclaimMs === undefined ? '-' : int(r.halfReclaimMs),
      na(fix(r.maxStallMs)), na(fix(r.maxTickGapMs)), na(fix(r.maxOwnTickGapMs)), na(String(r.tickGapsOver2Ms)),
      na(fix(r.p99Ms)), na(fix(r.p999Ms)), na(`${fix(r.controlMaxTickGapMs)}/${fix(r.controlMaxOwnTickGapMs)}`),
      mem(r.usedMemoryBeforeMB, r.usedMemoryAfterMB), mem(r.rssBeforeMB, r.rssAfterMB)]);
  }
  console.log('\n' + table(rows));
  console.log('\nreclaim: from the expiry instant T to the first 10 ms poll that saw every key gone ' +
    `(half: half of them)${SPREAD_MS ? `; the last key expired at T + ${SPREAD_MS - 1} ms` : ''}.`);
  console.log('max delay, p99, p99.9: monitorEventLoopDelay (resolution 1 ms; an idle loop reads ~1 ms) ' +
    'from 10 ms before T to reclaimed + 1 s; max tick gap: the largest gap between 1 ms setInterval ticks in that window; ' +
    'own gap: the largest gap less the time the main thread waited for a CPU in it (preempted by other ' +
    'processes); control: the same two in the second before T. Memory: before T (loaded) > after the window.');
  for (const r of results) {
    if (r.skipped) console.log(`skipped ${r.name}: ${r.skipped}`);
    if (r.failed) console.log(`failed ${r.name}: ${r.failed}`);
    if (r.note) console.log(`${r.name}: ${r.note}`);
    if (r.probeErrors) console.log(`warning: ${r.name}: ${r.probeErrors} background GETs of the non-expiring key failed`);
    if (r.earlyLoss) console.log(`warning: ${r.name}: ${int(r.earlyLoss)} keys were gone before T`);
  }
  for (const r of results) {
    if (r.skipped || r.failed || r.maxTickGapMs === undefined) continue;
    const own = r.maxOwnTickGapMs === undefined ? r.maxTickGapMs : r.maxOwnTickGapMs;
    const stall = Math.max(r.maxTickGapMs, r.maxStallMs || 0);
    if (stall > TICK_MS + STALL_LIMIT_MS) {
      console.log(`${own > TICK_MS + STALL_LIMIT_MS ? 'finding' : 'note'}: ${r.name}: the event loop stalled up to ` +
        `${stall.toFixed(1)} ms during the storm; the largest tick gap not spent waiting for a CPU: ${own.toFixed(1)} ms ` +
        `(${r.tickGapsOver2Ms} tick gaps over 2 ms, the longest from ${r.maxTickGapAtMs} ms after T; longest GC ` +
        `pause in the window ${r.maxGcPauseMs} ms; control, the second before T: ${r.controlTickGapsOver2Ms} gaps ` +
        `over 2 ms, largest ${r.controlMaxTickGapMs} ms, own ${r.controlMaxOwnTickGapMs} ms)`);
    }
  }
  for (const r of results) {
    if (r.skipped || r.failed || r.rssEmptyMB === undefined) continue;
    console.log(`${r.name}: RSS ${r.rssEmptyMB} MB before loading, ${r.rssBeforeMB} loaded, ${r.rssAfterMB} after` +
      (r.allocatorBeforeMB === undefined ? '' : `; allocator_allocated ${r.allocatorBeforeMB} > ${r.allocatorAfterMB} MB`) +
      (r.heapUsedBeforeMB === undefined ? '' : `; V8 heap used ${r.heapUsedBeforeMB} > ${r.heapUsedAfterMB} MB`));
  }
  for (const r of results) {
    if (!r.progressMs) continue;
    console.log(`${r.name}: reclaimed by ms after T: ` +
      Object.entries(r.progressMs).map(([p, ms]) => `${p === '0' ? 'first key' : p + '%'} ${ms === null ? '-' : ms}`)
        .join(', '));
  }
  const [rl, rs] = ['redlite', 'redis-server'].map((n) => results.find((r) => r.name === n && r.reclaimMs !== undefined));
  if (rl && rs) {
    console.log(`reclaim: redlite ${int(rl.reclaimMs)} ms, redis-server ${int(rs.reclaimMs)} ms ` +
      `(redlite/redis-server ${(rl.reclaimMs / Math.max(1, rs.reclaimMs)).toFixed(2)}x)`);
  }
}

async function main() {
  const info = machine(PACKAGES);
  console.log(`node ${info.node}, ${info.cpu} x${info.cpus}, redis-server ${info.redisServer || 'missing'}`);
  console.log(`expiry storm: ${int(KEYS)} keys (${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values) expiring ` +
    (SPREAD_MS ? `over ${SPREAD_MS} ms` : 'at the same millisecond') +
    `, ${IDLE ? 'idle event loop' : 'a GET every 1 ms meanwhile'}; cap ${CAP_MS / 1000} s after the expiry instant` +
    `${QUICK ? ' (--quick)' : ''}${ONLY === SUBJECTS ? '' : '; subjects: ' + ONLY.join(', ')}`);
  const skip = preconditions();
  const t0 = Date.now();
  const results = [];
  for (const name of ONLY) {
    if (skip.has(name)) {
      console.log(`skipped ${name}: ${skip.get(name)}`);
      results.push({ name, skipped: skip.get(name) });
      continue;
    }
    console.log(`${name}...`);
    const r = await runSubject(name);
    if (r.failed) console.log(`failed ${name}: ${r.failed}`);
    results.push(r);
  }
  report(results);
  const out = { bench: 'expiry', quick: QUICK, date: new Date().toISOString(), ...info, keys: KEYS,
    keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, spreadMs: SPREAD_MS, idle: IDLE, capMs: CAP_MS,
    secs: Math.round((Date.now() - t0) / 1000), subjects: results };
  writeResults(out, OUT, ONLY !== SUBJECTS);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
