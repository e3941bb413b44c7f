'use strict';
// The README's benchmark tables, as Markdown, from the suite's merged results.
//   node bench/summary.js [--quick] [--in bench/results.json]
// Prints one table per section present (throughput, latency, memory, expiry); a section
// that is missing or failed is named as such, never filled in.
const fs = require('node:fs');
const path = require('node:path');

const QUICK = process.argv.includes('--quick');
const inArg = process.argv.indexOf('--in');
const IN = inArg > 0 ? process.argv[inArg + 1] : path.join(__dirname, QUICK ? 'results.quick.json' : 'results.json');

const int = (x) => Math.round(x).toLocaleString('en-US');
const fixed = (x, d) => (x === undefined || x === null ? '-' : Number(x).toFixed(d));

// A Markdown table from a header row and body rows (arrays of strings).
function markdown(rows) {
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

// Throughput: per op, redlite's awaited and sync ops/s, then redlite/peer for each peer
// (the paired ratio of the same mode: seq for async peers, sync for sync ones).
function throughput(t) {
  const ops = [...new Set(t.results.map((r) => r.op))];
  const find = (peer, op, mode) => t.results.find((r) => r.peer === peer && r.op === op && r.mode === mode);
  const peers = [['node-redis tcp', 'seq'], ['node-redis unix', 'seq'], ['ioredis-mock', 'seq'], ['async Map', 'seq'],
    ['lru-cache', 'sync'], ['node-cache', 'sync']];
  const rows = [['op', 'redlite awaited/s', 'redlite sync/s', ...peers.map(([p, m]) => `vs ${p} (${m})`)]];
  for (const op of ops) {
    const a = find('redlite', op, 'seq');
    const s = find('redlite sync', op, 'sync');
    rows.push([op, a ? int(a.opsPerSec) : '-', s ? int(s.opsPerSec) : '-', ...peers.map(([p, m]) => {
      const r = find(p, op, m);
      return r && r.redliteRatio !== null ? `${fixed(r.redliteRatio, r.redliteRatio < 10 ? 2 : 0)}x` : '-';
    })]);
  }
  return `Throughput, ${int(t.n)} calls per op (node-redis ${int(t.nTcp)}), median of ${t.rounds} rounds; ` +
    '"vs" columns: redlite/peer, paired within each round (above 1: redlite faster)\n\n' + markdown(rows);
}

function latency(l) {
  const rows = [['subject', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'GC pauses (full)', 'longest GC ms',
    'forced full GC ms', 'RSS MB', 'JS heap MB']];
  for (const s of l.subjects) {
    if (s.skipped || s.failed) {
      rows.push([s.name, s.skipped ? `skipped: ${s.skipped}` : 'FAILED', ...Array(8).fill('-')]);
      continue;
    }
    rows.push([s.name, fixed(s.p50Ms, 2), fixed(s.p99Ms, 2), fixed(s.p999Ms, 2), fixed(s.maxMs, 2),
      `${s.gcPauses.count} (${s.gcPauses.major})`, fixed(s.gcPauses.maxMs, 2), fixed(s.forcedFullGcMs, 1),
      fixed(s.rssMB, 0), fixed(s.heapUsedMB, 0)]);
  }
  return `Event-loop delay, ${int(l.keys)} keys resident, ${int(l.rate)} ops/s for ${l.seconds} s\n\n` + markdown(rows);
}

function memory(m) {
  const rows = [['store', 'measure', 'growth MB', 'bytes/key']];
  for (const r of m.results) rows.push([r.store, r.measure, fixed(r.bytes / 1048576, 1), fixed(r.bytesPerKey, 1)]);
  return `Memory, ${int(m.keys)} keys\n\n` + markdown(rows);
}

function expiry(e) {
  const rows = [['subject', 'reclaimed in ms', 'longest stall ms', 'own stall ms', 'p99.9 delay ms']];
  for (const s of e.subjects) {
    if (s.skipped || s.failed) {
      rows.push([s.name, s.skipped ? `skipped: ${s.skipped}` : 'FAILED', '-', '-', '-']);
      continue;
    }
    rows.push([s.name, int(s.reclaimMs), fixed(s.maxTickGapMs, 2), fixed(s.maxOwnTickGapMs, 2), fixed(s.p999Ms, 2)]);
  }
  return `Expiry storm, ${int(e.keys)} keys expiring at once\n\n` + markdown(rows);
}

function main() {
  const r = JSON.parse(fs.readFileSync(IN, 'utf8'));
  console.log(`<!-- node bench/summary.js: ${path.basename(IN)} of commit ${r.commit}${r.dirty ? '+changes' : ''}, ` +
    `${r.date}; ${r.machine.cpu} x${r.machine.cpus}, node ${r.machine.node} -->\n`);
  const sections = { throughput, latency, memory, expiry };
  for (const [name, fn] of Object.entries(sections)) {
    const s = r[name];
    if (!s) console.log(`(${name}: not run)\n`);
    else if (s.failed) console.log(`(${name}: failed: ${s.failed})\n`);
    else console.log(fn(s) + '\n');
  }
}

main();
