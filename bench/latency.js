'use strict';
// Event-loop latency of a Node process with a big cache resident (the off-heap argument).
//   node bench/latency.js [--keys 5000000] [--seconds 20] [--rate 200000] [--quick]
//                         [--only=redlite,redlite-sync,lru-cache,map,noop]
// --quick: 500,000 keys for 5 s. --only=... runs a subset (results are then printed but not
// written).
//
// Each subject runs in its own child process (bench/lib/latency-subject.js, with --expose-gc
// and --max-old-space-size=12288), one after another: it loads N keys (16-byte keys, 100-byte
// values), runs a full GC and a settle pause, then serves a mixed load at a fixed rate for S s
// (90% GET of a random resident key, 10% SET of a random resident key to a new 100-byte value;
// the ops owed are issued each tick, at most ~2 ms of work a tick) while
// monitorEventLoopDelay({ resolution: 1 }) samples the event loop and V8's GC pauses are
// recorded (all of them, and how many were full mark-compact collections). Subjects:
//   redlite    the keys in a redlite keyspace (off the V8 heap), awaited get/set;
//   redlite sync  the same through client.sync (no promise per call);
//   lru-cache  new LRUCache({ max: N + 1000 }), synchronous get/set;
//   Map        a plain Map, synchronous get/set;
//   noop       the control: the same awaited calls, nothing stored (what this machine's event
//              loop reads under the load loop alone).
// The table says how much of the rate each subject delivered; one left with more than 250 ms
// of ops owed at the end is reported as not keeping up.
// Before each child, MemAvailable (/proc/meminfo) must cover the subject's estimated need
// (BASE_MB + perKey x N, below) plus RESERVE_MB, or the subject is skipped. A child that crashes, is killed or
// prints no result is reported as failed with the tail of its stderr.
// Prints a table and the ratios of the JS stores' p99.9 to redlite's; writes
// bench/results-latency.json (results-latency.quick.json with --quick) and prints it as one
// JSON line.
const childProcess = require('node:child_process');
const path = require('node:path');
const { machine, memAvailable, writeResults } = require('./lib/machine');
const { KEY_BYTES, VALUE_BYTES } = require('./lib/data');
const { int, table } = require('./lib/stats');

// Subjects: the --only name, the display name, estimated bytes of RSS per resident key.
// redlite measured ~183 bytes/key of RSS (README, grow.js); a Map / lru-cache of flat strings
// ~210-240 once collected, more while loading (garbage, V8's heap growing ahead of its use).
const SUBJECTS = [
  { id: 'redlite', name: 'redlite', perKey: 300 },
  { id: 'redlite-sync', name: 'redlite sync', perKey: 300 },
  { id: 'lru-cache', name: 'lru-cache', perKey: 600 },
  { id: 'map', name: 'Map', perKey: 600 },
  { id: 'noop', name: 'noop', perKey: 0 }
];
const BASE_MB = 200; // a Node process with the addon and lru-cache loaded, and the load's garbage
const RESERVE_MB = 1024; // left free for the rest of the machine
const CHILD_FLAGS = ['--expose-gc', '--max-old-space-size=12288'];
const HEAP_LIMIT_MB = 12288;
const STDERR_TAIL = 20; // lines of a failed child's stderr kept for the report
const READ_RATIO = 0.9; // the share of GETs in the load

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!(v > 0)) {
    console.error(`${name}: expected a positive number, got '${process.argv[i + 1]}'`);
    process.exit(2);
  }
  return v;
}

const QUICK = process.argv.includes('--quick');
const KEYS = Math.floor(arg('--keys', QUICK ? 500000 : 5000000));
const SECONDS = arg('--seconds', QUICK ? 5 : 20);
const RATE = Math.floor(arg('--rate', 200000));
const ONLY = onlySubjects();
const OUT = path.join(__dirname, QUICK ? 'results-latency.quick.json' : 'results-latency.json');

// The subjects named by --only=a,b (case-insensitive; all of SUBJECTS without it), in
// SUBJECTS order; exits with a usage error on an unknown name.
function onlySubjects() {
  const a = process.argv.find((x) => x.startsWith('--only='));
  if (!a) return SUBJECTS;
  const names = a.slice('--only='.length).toLowerCase().split(',').filter(Boolean);
  const unknown = names.filter((n) => !SUBJECTS.some((s) => s.id === n));
  if (unknown.length || !names.length) {
    console.error(`--only: unknown or missing subject(s) '${unknown.join(',')}'; subjects: ` +
      SUBJECTS.map((s) => s.id).join(', '));
    process.exit(2);
  }
  return SUBJECTS.filter((s) => names.includes(s.id));
}

// MemAvailable in MB, or null.
function memAvailableMB() {
  const bytes = memAvailable();
  return bytes === null ? null : bytes / 1048576;
}

// Estimated MB of RSS a subject's child needs at its peak, and its JS heap (MB) for the
// JS stores (0 for the others).
function need(s) {
  const storeMB = (KEYS * s.perKey) / 1048576;
  return { rssMB: BASE_MB + storeMB, heapMB: s.id === 'lru-cache' || s.id === 'map' ? storeMB : 0 };
}

// Why subject s cannot run now (a string), or null if it fits.
function skipReason(s) {
  const n = need(s);
  if (n.heapMB > HEAP_LIMIT_MB) {
    return `needs ~${int(n.heapMB)} MB of JS heap, over the child's --max-old-space-size=${HEAP_LIMIT_MB}`;
  }
  const avail = memAvailableMB();
  if (avail === null) return 'cannot read MemAvailable from /proc/meminfo';
  if (n.rssMB + RESERVE_MB > avail) {
    return `needs ~${int(n.rssMB)} MB (+${RESERVE_MB} MB kept free), MemAvailable is ${int(avail)} MB`;
  }
  return null;
}

// Runs subject s in a child process. Resolves the child's JSON result with the display name,
// or { name, failed: reason } if the child exited with an error, was killed, timed out or
// printed no result. The child's stderr (its progress) is relayed to ours as it comes.
function runChild(s) {
  const args = [...CHILD_FLAGS, path.join(__dirname, 'lib', 'latency-subject.js'), s.id, String(KEYS),
    String(SECONDS), String(RATE), String(READ_RATIO)];
  // Loading runs at >= ~100k keys/s even on a slow day; anything far beyond that is stuck.
  const timeoutMs = (600 + KEYS / 10000 + SECONDS * 2) * 1000;
  return new Promise((resolve) => {
    const child = childProcess.spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    let relayed = 0; // stderr up to here has been relayed (whole lines only)
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
      const end = stderr.lastIndexOf('\n') + 1;
      if (end > relayed) process.stderr.write(stderr.slice(relayed, end).replace(/^/gm, '  ').slice(0, -2));
      relayed = Math.max(relayed, end);
    });
    child.on('error', (err) => resolve({ name: s.name, failed: `could not start: ${err.message}` }));
    child.on('close', (code, signal) => {
      if (stderr.length > relayed) process.stderr.write('  ' + stderr.slice(relayed) + '\n');
      const tail = stderr.trimEnd().split('\n').slice(-STDERR_TAIL).join('\n');
      const fail = (why) => resolve({ name: s.name, failed: why + (tail ? `; stderr tail:\n${tail}` : '') });
      if (signal === 'SIGTERM' && child.killed) return fail(`timed out after ${timeoutMs / 1000} s`);
      if (signal) return fail(`killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`);
      if (code !== 0) return fail(`exited with code ${code}`);
      let r;
      try {
        r = JSON.parse(stdout.trim().split('\n').pop());
      } catch {
        return fail('printed no result');
      }
      resolve({ ...r, name: s.name });
    });
  });
}

// p99.9 of subject 'name' over redlite's, or null unless both were measured.
function p999Ratio(results, name) {
  const a = results.find((r) => r.name === name);
  const b = results.find((r) => r.name === 'redlite');
  if (!a || !b || a.skipped || a.failed || b.skipped || b.failed || !(b.p999Ms > 0)) return null;
  return +(a.p999Ms / b.p999Ms).toFixed(2);
}

function report(results, info) {
  const rows = [['subject', 'ops/s', 'of rate', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'GC pauses (full)',
    'GC max ms', 'GC total ms', 'full GC ms', 'RSS MB', 'heap MB', 'load s']];
  for (const r of results) {
    if (r.skipped || r.failed) {
      rows.push([r.name, r.skipped ? 'skipped' : 'FAILED', ...Array(rows[0].length - 2).fill('-')]);
      continue;
    }
    rows.push([r.name, int(r.opsPerSec), Math.round((100 * r.opsDone) / r.opsOwed) + '%', r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2), r.p999Ms.toFixed(2), r.maxMs.toFixed(2), `${int(r.gcPauses.count)} (${r.gcPauses.major})`,
      r.gcPauses.maxMs.toFixed(2), r.gcPauses.totalMs.toFixed(1), r.forcedFullGcMs.toFixed(1), r.rssMB.toFixed(0), r.heapUsedMB.toFixed(0),
      r.loadSeconds.toFixed(1)]);
  }
  console.log('\n' + table(rows));
  console.log('\nevent-loop delay: monitorEventLoopDelay({ resolution: 1 }), so an idle loop reads ~1 ms; ' +
    'GC pauses: V8 pauses in the measured window (full: mark-compact); full GC: one forced gc() after the window, ' +
    'the stop-the-world pause of a full collection with the store resident; RSS and heap: after loading and a full GC.');
  for (const r of results) {
    if (r.skipped) console.log(`${r.name}: skipped: ${r.skipped}`);
    if (r.failed) console.log(`${r.name}: FAILED: ${r.failed}`);
    if (r.skipped || r.failed) continue;
    if (!r.keptUp) {
      console.log(`${r.name}: could not keep up with ${int(RATE)} ops/s: did ${int(r.opsDone)} of the ` +
        `${int(r.opsOwed)} ops owed over ${r.seconds} s (a backlog of ` +
        `${int((1000 * (r.opsOwed - r.opsDone)) / RATE)} ms of load at the end)`);
    }
    if (r.misses) console.log(`warning: ${r.name}: ${int(r.misses)} GETs found no value`);
    if (r.name !== 'noop' && (r.dbsize !== KEYS || r.dbsizeAfter !== KEYS)) {
      console.log(`warning: ${r.name} held ${int(r.dbsize)} keys after loading and ${int(r.dbsizeAfter)} ` +
        `at the end, not ${int(KEYS)}`);
    }
  }
  const ratios = { lruCacheP999OverRedlite: p999Ratio(results, 'lru-cache'), mapP999OverRedlite: p999Ratio(results, 'Map') };
  const show = (x) => (x === null ? 'n/a (not both measured)' : x.toFixed(2) + 'x');
  console.log(`\np99.9 event-loop delay, lru-cache / redlite: ${show(ratios.lruCacheP999OverRedlite)}`);
  console.log(`p99.9 event-loop delay, Map / redlite:       ${show(ratios.mapP999OverRedlite)}`);

  const out = { bench: 'latency', quick: QUICK, date: new Date().toISOString(), ...info, keys: KEYS,
    keyBytes: KEY_BYTES, valueBytes: VALUE_BYTES, seconds: SECONDS, rate: RATE, readRatio: READ_RATIO,
    childFlags: CHILD_FLAGS, subjects: results, ratios };
  writeResults(out, OUT, ONLY !== SUBJECTS);
}

async function main() {
  const info = machine(['lru-cache']);
  console.log(`node ${info.node}, ${info.cpu} x${info.cpus}, lru-cache ${info.packages['lru-cache']}`);
  console.log(`latency: ${int(KEYS)} keys resident (${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values), ` +
    `${SECONDS} s of load at ${int(RATE)} ops/s (${100 * READ_RATIO}% GET, ${100 - 100 * READ_RATIO}% SET ` +
    `of a new value), each subject in its own process${QUICK ? ' (--quick)' : ''}`);
  const avail = memAvailableMB();
  console.log(`memory: MemAvailable ${avail === null ? 'unknown' : int(avail) + ' MB'}; estimated need: ` +
    ONLY.map((s) => `${s.name} ~${int(need(s).rssMB)} MB`).join(', ') + ` (+${RESERVE_MB} MB kept free)`);
  const results = [];
  for (const s of ONLY) {
    const why = skipReason(s); // checked again before each child: the machine is shared
    if (why) {
      console.log(`${s.name}: skipped: ${why}`);
      results.push({ name: s.name, skipped: why });
      continue;
    }
    console.log(`${s.name}: running`);
    const r = await runChild(s);
    if (r.failed) console.log(`${s.name}: FAILED: ${r.failed.split('\n')[0].replace(/; stderr tail:$/, '')}`);
    results.push(r);
  }
  report(results, info);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
