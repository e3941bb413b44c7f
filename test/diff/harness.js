'use strict';
// The differential harness: run one scenario against two clients that expose
// the node-redis 6 API ("real": node-redis + redis-server, "lite": redlite),
// record a transcript of every outcome on each side, and compare the two step
// by step.
//
// A scenario is `async (c, ctx) => { ... }`. Every observable goes through
// ctx: ctx.call(label, () => c.get('k')) records how the call settled
// (resolves / rejects / returns / throws), with the value or the error class
// and message. Values are rendered by canon() so that a Buffer never equals a
// string, 1 never equals '1', and a MultiErrorReply shows its replies.
// Nondeterministic replies (TTLs, key order, SCAN pages, RANDOMKEY, TIME) are
// normalized before they are recorded; see the ctx helpers below.

const CALL_TIMEOUT_MS = 4000; // a call that never settles is recorded, not hung on
const MAX_SCAN_ROUNDS = 100000;
const CONTEXT_STEPS = 10;

/* Errors that mean "the harness or the connection broke", never "Redis said
 * no". Seeing one on the real side fails the scenario: it is not a valid spec. */
const INFRA_ERRORS = new Set(['ClientClosedError', 'ClientOfflineError', 'TimeoutError',
  'SocketClosedUnexpectedlyError', 'DisconnectsClientError', 'ConnectionTimeoutError',
  'ReconnectStrategyError', 'HarnessTimeout']);

/* A number compared with a tolerance (TTL, PTTL, EXPIRETIME...). */
class Approx {
  constructor(value, tol) {
    this.value = value;
    this.tol = tol;
  }
}

function escapeBytes(buf) {
  let out = '';
  for (const b of buf) {
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out;
}

function errorName(e) {
  return (e && e.constructor && e.constructor.name) || typeof e;
}

/* Canonical text of a JS value. Returns {text, approx}: `text` has a '≈'
 * placeholder for each Approx, whose [value, tol] are listed in `approx`. */
function canon(v) {
  const approx = [];
  const walk = (x, depth) => {
    if (depth > 20) return '<too deep>';
    if (x === null) return 'null';
    if (x === undefined) return 'undefined';
    if (x instanceof Approx) {
      approx.push([x.value, x.tol]);
      return '≈';
    }
    switch (typeof x) {
      case 'string': return JSON.stringify(x);
      case 'number': return Object.is(x, -0) ? '-0' : String(x);
      case 'bigint': return `${x}n`;
      case 'boolean': return String(x);
      case 'symbol':
      case 'function': return `<${typeof x}>`;
    }
    if (Buffer.isBuffer(x)) return `Buffer<${escapeBytes(x)}>`;
    if (Array.isArray(x)) return '[' + x.map((y) => walk(y, depth + 1)).join(', ') + ']';
    if (x instanceof Map) {
      return 'Map{' + [...x].map(([k, y]) => `${walk(k, depth + 1)} => ${walk(y, depth + 1)}`).join(', ') + '}';
    }
    if (x instanceof Set) return 'Set{' + [...x].map((y) => walk(y, depth + 1)).join(', ') + '}';
    if (x instanceof Error) {
      let s = `${errorName(x)}(${JSON.stringify(x.message)})`;
      if (Array.isArray(x.replies)) s += ` replies=${walk(x.replies, depth + 1)}`;
      if (Array.isArray(x.errorIndexes)) s += ` errorIndexes=${walk(x.errorIndexes, depth + 1)}`;
      return s;
    }
    const proto = Object.getPrototypeOf(x);
    let prefix = '';
    if (proto === null) prefix = '[null prototype]';
    else if (proto !== Object.prototype) prefix = (proto.constructor && proto.constructor.name) || '?';
    const body = Object.keys(x).map((k) => `${JSON.stringify(k)}: ${walk(x[k], depth + 1)}`);
    return prefix + '{' + body.join(', ') + '}';
  };
  return { text: walk(v, 0), approx };
}

/* Display form of a canon() result: placeholders filled in. */
function showCanon({ text, approx }) {
  let i = 0;
  return text.replace(/≈/g, () => {
    const [value, tol] = approx[i++];
    return `≈${value}(±${tol})`;
  });
}

/* ---------- normalizers (applied to resolved values only) ---------- */

/* Sorts an array reply (KEYS, MGET of a set...) by canonical text. */
function sortReply(v) {
  if (!Array.isArray(v)) return v;
  return v.slice().sort((a, b) => {
    const ca = canon(a).text;
    const cb = canon(b).text;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
}

/* A factory of TTL-like normalizers: non-negative numbers compare within
 * 'tol'; -1 / -2 and everything else compare exactly. */
function approxNumber(tol) {
  return (v) => (typeof v === 'number' && v >= 0 ? new Approx(v, tol) : v);
}

/* ---------- recording ---------- */

function timeoutAfter(ms) {
  let timer;
  const promise = new Promise((resolve) => {
    timer = setTimeout(() => resolve(HARNESS_TIMEOUT), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}
const HARNESS_TIMEOUT = Symbol('timeout');
class HarnessTimeout extends Error {}

/* Runs 'fn' and describes how it settled:
 * {kind: 'resolves'|'returns'|'rejects'|'throws'|'pending', ok?, err?}. */
async function settle(fn, timeoutMs = CALL_TIMEOUT_MS) {
  let p;
  try {
    p = fn();
  } catch (e) {
    return { kind: 'throws', err: e };
  }
  if (!p || typeof p.then !== 'function') return { kind: 'returns', ok: p };
  const t = timeoutAfter(timeoutMs);
  try {
    const v = await Promise.race([p, t.promise]);
    if (v === HARNESS_TIMEOUT) {
      p.then(() => {}, () => {}); // settle later without an unhandled rejection
      return { kind: 'pending', err: new HarnessTimeout(`not settled after ${timeoutMs} ms`) };
    }
    return { kind: 'resolves', ok: v };
  } catch (e) {
    return { kind: 'rejects', err: e };
  } finally {
    t.cancel();
  }
}

/* Turns a settle() result into a transcript entry; 'norm' maps resolved values. */
function makeEntry(label, settled, norm) {
  const entry = { label, kind: settled.kind };
  if ('err' in settled) {
    const e = settled.err;
    entry.err = { cls: errorName(e), message: e && e.message };
    const c = canon(e);
    entry.text = c.text;
    entry.approx = c.approx;
  } else {
    entry.ok = settled.ok;
    let v = settled.ok;
    if (norm) v = norm(v);
    const c = canon(v);
    entry.text = c.text;
    entry.approx = c.approx;
  }
  return entry;
}

/* Applies 'norm' to the replies inside a MultiErrorReply too, so that a
 * normalized multi() result stays comparable when one command failed. */
function normalizeMultiError(settled, norm) {
  if (!norm || !settled.err || !Array.isArray(settled.err.replies)) return settled;
  const e = settled.err;
  const copy = Object.create(Object.getPrototypeOf(e));
  copy.message = e.message;
  copy.replies = norm(e.replies);
  copy.errorIndexes = e.errorIndexes;
  return { kind: settled.kind, err: copy };
}

function describe(entry) {
  if (entry.kind === 'note') return `note ${showCanon(entry)}`;
  return `${entry.kind} ${showCanon(entry)}`;
}

function sameEntry(a, b) {
  if (a.label !== b.label || a.kind !== b.kind || a.text !== b.text) return false;
  if (a.approx.length !== b.approx.length) return false;
  for (let i = 0; i < a.approx.length; i++) {
    const [va, ta] = a.approx[i];
    const [vb, tb] = b.approx[i];
    if (typeof va !== 'number' || typeof vb !== 'number') return false;
    if (Math.abs(va - vb) > Math.max(ta, tb)) return false;
  }
  return true;
}

/* The object a scenario receives as `ctx`. */
class Ctx {
  constructor(side, client, t0 = Date.now()) {
    this.side = side;
    this.client = client;
    this.t0 = t0; // one clock reading shared by both sides of a scenario
    this.entries = [];
  }

  /* Unix time in seconds, 'offset' seconds after the scenario started, the
   * same on both sides (so EXPIREAT/EXAT arguments are identical). */
  unix(offset = 0) {
    return Math.floor(this.t0 / 1000) + offset;
  }

  /* Unix time in milliseconds, 'offset' ms after the scenario started. */
  unixMs(offset = 0) {
    return this.t0 + offset;
  }

  /* Records one call. opts.norm maps a resolved value before comparison;
   * opts.quirk = 'why' marks an upstream quirk that redlite may choose not to
   * copy (REFERENCE.md §19): a mismatch there is only a warning unless
   * REDLITE_DIFF_STRICT is set. Returns the resolved value (undefined on any
   * failure) so that a scenario can chain calls; never branch on it in a way
   * that changes the labels. */
  async call(label, fn, opts = {}) {
    let settled = await settle(fn, opts.timeout);
    settled = normalizeMultiError(settled, opts.norm);
    const entry = makeEntry(label, settled, opts.norm);
    if (opts.quirk) entry.quirk = opts.quirk;
    this.entries.push(entry);
    return settled.kind === 'resolves' || settled.kind === 'returns' ? settled.ok : undefined;
  }

  /* Records a derived value (a sorted list, a count, a boolean check...). */
  note(label, value) {
    const c = canon(value);
    this.entries.push({ label, kind: 'note', ok: value, text: c.text, approx: c.approx });
    return value;
  }

  /* ctx.call with the array reply sorted (KEYS, SMEMBERS-like replies). */
  sorted(label, fn) {
    return this.call(label, fn, { norm: sortReply });
  }

  /* TTL-like call in seconds: non-negative replies equal within 'tol'. */
  ttl(label, fn, tol = 1) {
    return this.call(label, fn, { norm: approxNumber(tol) });
  }

  /* PTTL-like call in milliseconds: non-negative replies equal within 'tol'. */
  pttl(label, fn, tol = 100) {
    return this.call(label, fn, { norm: approxNumber(tol) });
  }

  /* ctx.call that records only shaper(value), e.g. the shape of TIME. */
  shape(label, fn, shaper) {
    return this.call(label, fn, { norm: shaper });
  }

  /* Iterates SCAN from cursor '0' until it returns '0' again and records the
   * sorted set of keys seen. opts: node-redis scan options ({MATCH, COUNT,
   * TYPE}); opts.raw = true drives it through sendCommand(['SCAN', ...]). */
  async scanAll(label, c, opts = {}) {
    const { raw, ...scanOpts } = opts;
    const keys = new Set();
    let cursor = '0';
    let rounds = 0;
    let failure = null;
    do {
      const settled = await settle(() => {
        if (!raw) return c.scan(cursor, scanOpts);
        const args = ['SCAN', cursor];
        if (scanOpts.MATCH !== undefined) args.push('MATCH', scanOpts.MATCH);
        if (scanOpts.COUNT !== undefined) args.push('COUNT', String(scanOpts.COUNT));
        if (scanOpts.TYPE !== undefined) args.push('TYPE', scanOpts.TYPE);
        return c.sendCommand(args);
      });
      if (settled.kind !== 'resolves') {
        failure = settled;
        break;
      }
      const reply = settled.ok;
      const page = raw ? { cursor: reply[0], keys: reply[1] } : reply;
      if (typeof page.cursor !== 'string' || !Array.isArray(page.keys)) {
        failure = { kind: 'resolves', ok: { badScanPage: page } };
        break;
      }
      for (const k of page.keys) keys.add(Buffer.isBuffer(k) ? `Buffer:${k.toString('hex')}` : k);
      cursor = page.cursor;
      if (++rounds > MAX_SCAN_ROUNDS) {
        failure = { kind: 'resolves', ok: { scanNeverEnded: rounds } };
        break;
      }
    } while (cursor !== '0');
    if (failure) {
      this.entries.push(makeEntry(label, failure));
      return undefined;
    }
    return this.note(label, [...keys].sort());
  }

  sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/* Brings a client to a known state: db 0, everything flushed. */
async function prepare(client) {
  await client.select(0);
  await client.flushAll();
}

/* Runs 'fn' with a fresh Ctx on one side and returns its entries. A scenario
 * that throws outside ctx.call is recorded as a final '<scenario threw>' step. */
async function record(fn, side, client, t0) {
  const ctx = new Ctx(side, client, t0);
  try {
    await fn(client, ctx);
  } catch (e) {
    ctx.entries.push(makeEntry('<scenario threw>', { kind: 'throws', err: e }));
  }
  return ctx.entries;
}

/* Step-by-step comparison. Returns {diff, quirks}: diff is null when the
 * transcripts agree, otherwise a readable report; quirks lists the tolerated
 * mismatches on steps marked as upstream quirks (unless opts.strict). */
function compareTranscripts(real, lite, opts = {}) {
  const names = opts.names || ['real', 'lite'];
  const quirks = [];
  const n = Math.max(real.length, lite.length);
  for (let i = 0; i < n; i++) {
    const a = real[i];
    const b = lite[i];
    if (a && b && sameEntry(a, b)) continue;
    if (!opts.strict && a && b && a.label === b.label && (a.quirk || b.quirk)) {
      quirks.push(`${JSON.stringify(a.label)} (${a.quirk || b.quirk}): ${names[0]} ${describe(a)}, ` +
        `${names[1]} ${describe(b)}`);
      continue;
    }
    const lines = [];
    const label = (a || b).label;
    lines.push(`transcripts differ at step ${i + 1}: ${JSON.stringify(label)}`);
    if (a && b && a.label !== b.label) {
      lines.push(`  (labels differ: ${names[0]} ${JSON.stringify(a.label)} vs ${names[1]} ${JSON.stringify(b.label)})`);
    }
    lines.push(`  ${names[0]}: ${a ? describe(a) : '<no such step>'}`);
    lines.push(`  ${names[1]}: ${b ? describe(b) : '<no such step>'}`);
    if (i > 0) {
      lines.push('  previous steps (equal on both sides):');
      for (let j = Math.max(0, i - CONTEXT_STEPS); j < i; j++) {
        lines.push(`    #${j + 1} ${real[j].label}: ${describe(real[j])}`);
      }
    }
    return { diff: lines.join('\n'), quirks };
  }
  return { diff: null, quirks };
}

/* Steps of the real transcript that show a broken harness or connection. */
function infraFailures(entries) {
  return entries.filter((e) => e.err && (INFRA_ERRORS.has(e.err.cls) ||
    (e.label === '<scenario threw>')));
}

/* Runs one scenario on both sides (concurrently, so sleeps count once) and
 * throws an Error with the diff when they disagree. opts: {dump, strict}. */
async function runScenario(fn, real, lite, opts = {}) {
  await Promise.all([prepare(real), prepare(lite)]);
  const t0 = Date.now();
  const [a, b] = await Promise.all([record(fn, 'real', real, t0), record(fn, 'lite', lite, t0)]);
  if (opts.dump) {
    for (const e of a) console.log(`    ${e.label}: ${describe(e)}`);
  }
  const broken = infraFailures(a);
  if (broken.length) {
    throw new Error('the scenario is broken on the real side:\n' +
      broken.map((e) => `  ${e.label}: ${describe(e)}`).join('\n'));
  }
  const { diff, quirks } = compareTranscripts(a, b, { strict: opts.strict });
  if (diff) throw new Error(diff);
  for (const q of quirks) console.warn(`    upstream quirk not reproduced (tolerated): ${q}`);
  return a;
}

module.exports = {
  Approx, Ctx, canon, showCanon, sortReply, approxNumber, settle, makeEntry, describe,
  sameEntry, compareTranscripts, infraFailures, runScenario, prepare, record,
  normalizeMultiError, CALL_TIMEOUT_MS,
};
