'use strict';
// The benchmark suite behind `npm run bench`:
//   node bench/run.js [--quick] [--only=throughput,latency,memory,expiry]
// Runs each selected script as a child process (`node --expose-gc bench/NAME.js [--quick]`,
// output inherited), one after another; a script that is not there is skipped with a line.
// Then merges their result files (bench/results-NAME.json, or .quick.json) into
// bench/results.json (results.quick.json with --quick), with the commit and the machine; a
// script that failed is recorded as { failed: 'exit code N' }, one not run as null. Then
// runs bench/charts.js [--quick] when it exists. Exits non-zero if anything failed, after
// merging what there is.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { machine } = require('./lib/machine');

const SCRIPTS = ['throughput', 'latency', 'memory', 'expiry'];
const QUICK = process.argv.includes('--quick');
const ROOT = path.join(__dirname, '..');
const SUFFIX = QUICK ? '.quick.json' : '.json';
const OUT = path.join(__dirname, 'results' + SUFFIX);

// The scripts named by --only=a,b (or --only a,b), in suite order; all without it. Throws
// on an unknown name.
function selected() {
  const i = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return SCRIPTS;
  const a = process.argv[i];
  const names = (a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1] || '')
    .split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!SCRIPTS.includes(n)) throw new Error(`unknown script '${n}': one of ${SCRIPTS.join(', ')}`);
  }
  return SCRIPTS.filter((s) => names.includes(s));
}

// The output of `git args...` in the repository, trimmed; null when git fails (not a
// checkout, no git).
function git(args) {
  try {
    return childProcess.execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim();
  } catch {
    return null;
  }
}

// Runs `node ...argv` (this node) with inherited output; returns null on exit code 0, else
// what failed ('exit code N', 'signal S', or the spawn error).
function runNode(argv) {
  const r = childProcess.spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) return r.error.message;
  if (r.status === 0) return null;
  return r.status === null ? `signal ${r.signal}` : `exit code ${r.status}`;
}

// The parsed results file of script 'name' if it was written at or after 'since' (ms), else
// a { failed } saying what is wrong with it.
function readResults(name, since) {
  const file = path.join(__dirname, `results-${name}${SUFFIX}`);
  const rel = path.relative(ROOT, file);
  if (!fs.existsSync(file)) return { failed: `wrote no ${rel}` };
  if (fs.statSync(file).mtimeMs < since) return { failed: `did not rewrite ${rel}` };
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { failed: `${rel}: ${err.message}` };
  }
}

function main() {
  const t0 = Date.now();
  const names = selected();
  // Before the scripts run, so their own result files do not count; result files are
  // excluded anyway (a previous run leaves them modified).
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const status = commit === null ? null
    : git(['status', '--porcelain', '--', 'src', 'lib', 'bench', ':(exclude)bench/results*.json']);
  const dirty = status === null ? null : status.length > 0;
  const args = QUICK ? ['--quick'] : [];
  const merged = Object.fromEntries(SCRIPTS.map((s) => [s, null]));
  let failures = 0;
  let ran = 0;
  for (const name of names) {
    const file = path.join(__dirname, `${name}.js`);
    if (!fs.existsSync(file)) {
      console.log(`skipped ${name}: bench/${name}.js not found`);
      continue;
    }
    console.log(`\n=== bench/${name}.js${QUICK ? ' --quick' : ''}`);
    ran++;
    const started = Date.now();
    const failed = runNode(['--expose-gc', file, ...args]);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    merged[name] = failed ? { failed } : readResults(name, started);
    if (merged[name].failed) {
      failures++;
      console.log(`=== bench/${name}.js failed after ${secs} s: ${merged[name].failed}`);
    } else {
      console.log(`=== bench/${name}.js done in ${secs} s`);
    }
  }
  const out = { bench: 'suite', quick: QUICK, date: new Date().toISOString(), commit, dirty,
    machine: machine(['redis', 'ioredis-mock', 'lru-cache', 'node-cache']), ...merged };
  fs.writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  const charts = path.join(__dirname, 'charts.js');
  if (fs.existsSync(charts)) {
    console.log(`\n=== bench/charts.js${QUICK ? ' --quick' : ''}`);
    const failed = runNode([charts, ...args]);
    if (failed) {
      failures++;
      console.log(`=== bench/charts.js failed: ${failed}`);
    }
  }
  const total = (Date.now() - t0) / 1000;
  console.log(`\nbench suite: ${ran} script(s) in ${Math.floor(total / 60)} min ${(total % 60).toFixed(0)} s` +
    (failures ? `, ${failures} failed` : ''));
  if (failures) process.exitCode = 1;
}

try {
  main();
} catch (err) {
  console.error(err.message);
  process.exitCode = 2;
}
