'use strict';
// SVG charts of the merged benchmark results, for the README:
//   node bench/charts.js [--quick] [--in bench/results.json] [--out bench/charts]
// --quick reads bench/results.quick.json and writes to bench/charts-quick/ by default.
// A chart is written only if its section is present and did not fail; every chart's
// subtitle names the machine, the commit and the data size.
const fs = require('node:fs');
const path = require('node:path');
const { barChart, formatNumber } = require('./lib/svg');

const isRedlite = (name) => /^redlite/.test(String(name));
const SYNC_PEER = /sync\b|^lru-cache|^node-cache|^map$/i; // peers a sync-mode chart shows
const ms = (v) => `${formatNumber(v)} ms`;
const count = (n) => formatNumber(Number(n));

// { quick, input, output } from the command line 'argv' (paths resolved against the cwd).
function parseArgs(argv) {
  const quick = argv.includes('--quick');
  const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  return {
    quick,
    input: path.resolve(opt('--in') || path.join(__dirname, quick ? 'results.quick.json' : 'results.json')),
    output: path.resolve(opt('--out') || path.join(__dirname, quick ? 'charts-quick' : 'charts'))
  };
}

// The subtitle line naming what produced the results: machine, node, commit, date.
function provenance(r) {
  const m = r.machine || {};
  const parts = [];
  if (m.cpu) parts.push(`${m.cpu}${m.cpus ? ` x ${m.cpus}` : ''}`);
  if (m.node) parts.push(`node ${m.node}`);
  if (r.commit) parts.push(`commit ${String(r.commit).slice(0, 12)}${r.dirty ? '+changes' : ''}`);
  if (r.date) parts.push(String(r.date).slice(0, 10));
  if (r.quick) parts.push('quick run');
  return parts.join(' · ');
}

// Why 'section' cannot be charted ('absent', 'failed: ...'), or null if it can.
function unusable(section) {
  if (!section) return 'absent';
  if (section.failed) return `failed: ${typeof section.failed === 'string' ? section.failed : 'see results'}`;
  return null;
}

// The note of a subject that was not measured: 'skipped: why', 'failed: why' or null.
function subjectNote(s) {
  for (const k of ['skipped', 'failed']) {
    if (s[k]) return typeof s[k] === 'string' ? `${k}: ${s[k]}` : k;
  }
  return null;
}

// Items of 'list' keyed by 'key', in order of first appearance, redlite first.
function distinct(list, key) {
  const seen = [...new Set(list.map(key))];
  return seen.filter(isRedlite).concat(seen.filter((k) => !isRedlite(k)));
}

// The chart of throughput rows of mode 'mode' (group = op, bar = peer), or null if none.
function throughputChart(r, mode, title) {
  const t = r.throughput;
  const rows = (t.results || []).filter((x) => x.mode === mode);
  if (!rows.length) return null;
  const skipped = (t.skipped || []).filter((s) => (s.mode ? s.mode === mode : SYNC_PEER.test(s.peer) === (mode === 'sync')));
  const peers = distinct(rows, (x) => x.peer);
  peers.push(...skipped.map((s) => s.peer).filter((p) => !peers.includes(p)));
  const groups = distinct(rows, (x) => x.op).map((op) => ({
    label: op,
    bars: peers.map((peer) => {
      const row = rows.find((x) => x.op === op && x.peer === peer);
      const skip = skipped.find((s) => s.peer === peer);
      if (!row) return { label: peer, value: null, note: skip ? `skipped: ${skip.reason}` : 'not measured' };
      return { label: peer, value: row.opsPerSec, highlight: isRedlite(peer), note: ratioNote(row) };
    })
  }));
  const ns = [...new Set(rows.map((x) => x.n))];
  const usual = ns.sort((a, b) => rows.filter((x) => x.n === b).length - rows.filter((x) => x.n === a).length)[0];
  const odd = distinct(rows.filter((x) => x.n !== usual), (x) => x.peer)
    .map((p) => `${p}: ${count(rows.find((x) => x.peer === p).n)}`);
  const size = `N = ${count(usual)} calls per op and peer${odd.length ? ` (${odd.join(', ')})` : ''}`;
  return barChart({ title, subtitle: [size, provenance(r)], unit: 'ops/s, higher is better', log: true, groups });
}

// 'redlite 2.1x faster' / 'redlite batch100 3x slower' (redliteRatio > 1: redlite is faster;
// the mode is named when redlite's row is of another mode) for a peer's row, else undefined.
function ratioNote(row) {
  const q = row.redliteRatio;
  if (isRedlite(row.peer) || !(q > 0)) return undefined;
  const who = row.vs && row.vs.mode && row.vs.mode !== row.mode ? `redlite ${row.vs.mode}` : 'redlite';
  return `${who} ${formatNumber(q >= 1 ? q : 1 / q)}x ${q >= 1 ? 'faster' : 'slower'}`;
}

// Bars for one figure 'field' of each subject in 'subjects' (null with a note if not measured).
function subjectBars(subjects, field) {
  return subjects.map((s) => {
    const note = subjectNote(s);
    const v = typeof field === 'function' ? field(s) : s[field];
    if (note || v === undefined || v === null) return { label: s.name, value: null, note: note || 'not measured' };
    return { label: s.name, value: v, highlight: isRedlite(s.name) };
  });
}

function latencyChart(r) {
  const l = r.latency;
  const subjects = l.subjects || [];
  const groups = [['p50', 'p50Ms'], ['p99', 'p99Ms'], ['p99.9', 'p999Ms'], ['max', 'maxMs']]
    .map(([label, field]) => ({ label: `event-loop delay ${label}`, bars: subjectBars(subjects, field) }));
  if (subjects.some((s) => s.gcPauses)) {
    groups.push({ label: 'longest GC pause', bars: subjectBars(subjects, (s) => s.gcPauses && s.gcPauses.maxMs) });
  }
  if (subjects.some((s) => s.forcedFullGcMs !== undefined)) {
    groups.push({ label: 'one forced full GC (gc())', bars: subjectBars(subjects, (s) => s.forcedFullGcMs) });
  }
  const size = [l.keys && `${count(l.keys)} keys resident`, l.rate && `${count(l.rate)} ops/s offered`,
    l.seconds && `for ${formatNumber(l.seconds)} s`].filter(Boolean).join(', ');
  return barChart({ title: 'Event-loop delay with a large cache resident', subtitle: [size, provenance(r)],
    unit: 'ms, lower is better', log: true, groups, format: ms, tickFormat: formatNumber });
}

function memoryChart(r) {
  const m = r.memory;
  const rows = m.results || [];
  if (!rows.length) return null;
  const groups = distinct(rows, (x) => x.measure).map((measure) => ({
    label: measure,
    bars: rows.filter((x) => x.measure === measure).map((x) => ({
      label: x.store, value: x.bytesPerKey ?? (m.keys ? x.bytes / m.keys : null), highlight: isRedlite(x.store)
    }))
  }));
  return barChart({ title: 'Memory per key', subtitle: [m.keys ? `${count(m.keys)} keys` : '', provenance(r)].filter(Boolean),
    unit: 'bytes per key, lower is better', groups, format: (v) => `${formatNumber(v)} B` });
}

function expiryChart(r) {
  const e = r.expiry;
  const subjects = e.subjects || [];
  const groups = [
    { label: 'longest event-loop stall while keys expire', bars: subjectBars(subjects, 'maxStallMs') },
    { label: 'time to reclaim the expired keys', bars: subjectBars(subjects, 'reclaimMs') }
  ];
  return barChart({ title: 'Mass expiry', subtitle: [e.keys ? `${count(e.keys)} keys expiring` : '', provenance(r)].filter(Boolean),
    unit: 'ms, lower is better', log: true, groups, format: ms, tickFormat: formatNumber });
}

// The charts of results 'r': [{ file, section, make() -> svg string | null }].
function charts(r) {
  return [
    { file: 'throughput-seq.svg', section: 'throughput', make: () => throughputChart(r, 'seq', 'Throughput, one awaited call at a time') },
    { file: 'throughput-batch.svg', section: 'throughput', make: () => throughputChart(r, 'batch100', 'Throughput, batches of 100 concurrent calls') },
    { file: 'throughput-sync.svg', section: 'throughput', make: () => throughputChart(r, 'sync', 'Throughput, synchronous calls') },
    { file: 'latency.svg', section: 'latency', make: () => latencyChart(r) },
    { file: 'memory.svg', section: 'memory', make: () => memoryChart(r) },
    { file: 'expiry.svg', section: 'expiry', make: () => expiryChart(r) }
  ];
}

// Writes the charts of the results file 'input' into 'output'; returns { written, skipped }.
function main({ input, output }) {
  const r = JSON.parse(fs.readFileSync(input, 'utf8'));
  fs.mkdirSync(output, { recursive: true });
  const written = [];
  const skipped = [];
  for (const c of charts(r)) {
    const why = unusable(r[c.section]);
    const svg = why ? null : c.make();
    if (!svg) {
      skipped.push(c.file);
      console.log(`skipped ${c.file}: ${c.section} ${why || 'has no rows for this chart'}`);
      continue;
    }
    fs.writeFileSync(path.join(output, c.file), svg);
    written.push(c.file);
    const rel = path.relative(process.cwd(), path.join(output, c.file));
    console.log(`wrote ${rel.startsWith('..') ? path.join(output, c.file) : rel}`);
  }
  return { written, skipped };
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.input)) {
    console.error(`charts: no results file ${args.input} (run the suite first, or pass --in)`);
    process.exit(1);
  }
  main(args);
}

module.exports = { main, charts, parseArgs };
