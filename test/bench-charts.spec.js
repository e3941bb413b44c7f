'use strict';

// The benchmark charts: bench/lib/svg.js writes well-formed, escaped, deterministic SVG
// that never draws a missing figure as a bar, and bench/charts.js writes one file per
// usable results section and says why it skipped the others.
const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { barChart } = require('../bench/lib/svg');

const CHARTS = path.join(__dirname, '..', 'bench', 'charts.js');

// Throws unless every tag opened in 'svg' is closed in order and the text between tags
// holds no raw '<' and no '&' outside an entity.
function assertBalanced(svg) {
  const stack = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g;
  let m;
  let last = 0;
  while ((m = tag.exec(svg))) {
    const text = svg.slice(last, m.index);
    assert.ok(!text.includes('<'), `raw '<' before ${m[0]}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|#39);)/.test(text), `raw '&' before ${m[0]}`);
    last = tag.lastIndex;
    if (m[3]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `closing ${m[0]}`);
    else stack.push(m[2]);
  }
  assert.deepEqual(stack, [], 'all tags closed');
  assert.equal(svg.slice(last).trim(), '', 'nothing after the last tag');
}

// The widths of the bars (not the empty slots) of 'svg', in document order.
const barWidths = (svg) => [...svg.matchAll(/<rect class="bar[^"]*"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

const sample = () => ({
  title: 'Throughput <SET & GET> "quoted"',
  subtitle: ['N = 1,000', 'cpu x 2 · node v20'],
  unit: 'ops/s',
  log: true,
  groups: [
    { label: 'SET', bars: [{ label: 'redlite', value: 1500000, highlight: true }, { label: 'a<b & "c"', value: 20000 }] },
    { label: 'GET', bars: [{ label: 'redlite', value: 2400000, highlight: true }, { label: 'peer', value: null, note: 'skipped: no <server>' }] }
  ]
});

describe('bench/lib/svg.js barChart', () => {
  it('writes well-formed SVG on its own white background', () => {
    const svg = barChart(sample());
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
    assertBalanced(svg);
  });

  it('escapes XML in the title and labels', () => {
    const svg = barChart(sample());
    assert.ok(svg.includes('Throughput &lt;SET &amp; GET&gt; &quot;quoted&quot;'));
    assert.ok(svg.includes('>a&lt;b &amp; &quot;c&quot;</text>'));
    assert.ok(svg.includes('skipped: no &lt;server&gt;'));
  });

  it('draws a null value as its note, with no bar', () => {
    const svg = barChart({ groups: [{ label: 'g', bars: [{ label: 'x', value: null, note: 'not measured' }, { label: 'y', value: undefined }] }] });
    assert.deepEqual(barWidths(svg), []);
    assert.match(svg, />not measured<\/text>/);
    assert.match(svg, />no data<\/text>/);
    assertBalanced(svg);
  });

  it('highlights the bars marked highlight, and only those', () => {
    const svg = barChart(sample());
    assert.equal(svg.match(/<rect class="bar hl"/g).length, 2);
    assert.equal(svg.match(/<rect class="bar"/g).length, 1);
  });

  it('places values 10x apart a fixed distance apart on a log axis', () => {
    const bars = [10, 100, 1000, 10000, 100000].map((value) => ({ label: String(value), value }));
    const w = barWidths(barChart({ log: true, groups: [{ label: 'g', bars }] }));
    assert.equal(w.length, 5);
    const steps = w.slice(1).map((x, i) => x - w[i]);
    assert.ok(steps[0] > 20, 'a decade is visible');
    for (const s of steps) assert.ok(Math.abs(s - steps[0]) <= 0.2, `steps ${steps}`);
  });

  it('is proportional on a linear axis', () => {
    const w = barWidths(barChart({ groups: [{ label: 'g', bars: [{ label: 'a', value: 50 }, { label: 'b', value: 100 }] }] }));
    assert.ok(Math.abs(w[1] - 2 * w[0]) <= 0.2, `widths ${w}`);
  });

  it('labels bars with formatted values', () => {
    const svg = barChart({ ...sample(), format: (v) => `${v / 1000}k/s` });
    assert.match(svg, />1500k\/s<\/text>/);
    assert.match(barChart(sample()), />1,500,000<\/text>/);
  });

  it('gives identical output for identical input', () => {
    assert.equal(barChart(sample()), barChart(sample()));
  });
});

describe('bench/charts.js', () => {
  let dir;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redlite-charts-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const results = {
    bench: 'suite', quick: true, date: '2026-01-02T03:04:05.000Z', commit: 'abc1234', dirty: true,
    machine: { node: 'v20.0.0', cpu: 'Test CPU', cpus: 4 },
    throughput: {
      results: [
        { peer: 'redlite', op: 'SET', mode: 'seq', n: 1000, opsPerSec: 1000000, redliteRatio: 1, vs: null },
        { peer: 'ioredis-mock', op: 'SET', mode: 'seq', n: 1000, opsPerSec: 400000, redliteRatio: 2.5, vs: { peer: 'redlite', mode: 'seq' } },
        { peer: 'redlite', op: 'SET', mode: 'batch100', n: 1000, opsPerSec: 1500000, redliteRatio: 1, vs: null }
      ],
      skipped: [{ peer: 'node-redis+redis-server', reason: 'no redis-server' }]
    },
    latency: { keys: 1000, seconds: 1, rate: 100, subjects: [{ name: 'redlite', p50Ms: 1, p99Ms: 2, p999Ms: 3, maxMs: 4 }, { name: 'Map', skipped: 'too slow' }] },
    memory: { keys: 1000, results: [{ store: 'redlite', measure: 'rss', bytes: 150000, bytesPerKey: 150 }] },
    expiry: { failed: 'child crashed' }
  };

  it('writes the charts of the usable sections and says why it skipped the others', () => {
    const input = path.join(dir, 'results.json');
    const out = path.join(dir, 'charts');
    fs.writeFileSync(input, JSON.stringify(results));
    const stdout = childProcess.execFileSync(process.execPath, [CHARTS, '--in', input, '--out', out], { encoding: 'utf8' });
    assert.deepEqual(fs.readdirSync(out).sort(), ['latency.svg', 'memory.svg', 'throughput-batch.svg', 'throughput-seq.svg']);
    assert.match(stdout, /skipped expiry\.svg: expiry failed: child crashed/);
    assert.match(stdout, /skipped throughput-sync\.svg/);
    const seq = fs.readFileSync(path.join(out, 'throughput-seq.svg'), 'utf8');
    assertBalanced(seq);
    assert.match(seq, /Test CPU x 4 · node v20\.0\.0 · commit abc1234\+changes/);
    assert.match(seq, /N = 1,000 calls/);
    assert.match(seq, /redlite 2\.5x faster/);
    assert.match(seq, /skipped: no redis-server/);
    assert.match(fs.readFileSync(path.join(out, 'latency.svg'), 'utf8'), /skipped: too slow/);
  });
});
