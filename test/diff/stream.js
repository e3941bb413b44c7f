'use strict';
// The seeded random command stream: the same generated commands go to both
// sides, outcome by outcome, stopping at the first mismatch with the last
// commands as context. Every CHECKPOINT_EVERY commands, and at the end, the
// whole keyspace of every database is compared too (GET, HGETALL, SMEMBERS, LRANGE, ZRANGE
// WITHSCORES with the scores as Redis formats them, PTTL, OBJECT ENCODING).
//
// Expiry without flakiness: long TTLs compare within a tolerance. A short PX
// (1-20 ms) marks its key "unstable" until the expiry is well past; any later
// command touching that key name (or the whole keyspace) first waits for it,
// so both sides see the key either clearly alive or clearly expired. Keys
// that expired are then "pending": before DBSIZE or a snapshot they are
// touched with EXISTS so lazy expiry reclaims them on both sides (DBSIZE
// counts expired keys that nobody has reclaimed yet).

const { settle, makeEntry, sameEntry, describe, normalizeMultiError, approxNumber, prepare, sortReply } =
  require('./harness.js');
const { Rng, Generator, DBS, sortedHash } = require('./stream-gen.js');
const { RESP_TYPES } = require('redis');

const DEFAULT_SEED = 20240611;
const DEFAULT_LENGTH = 3000;
const MULTI_CHANCE = 0.04;
const MULTI_MAX = 6;
const CHECKPOINT_EVERY = 500;
const SETTLE_MARGIN_MS = 30; // how long past its deadline a short key is surely expired
const CONTEXT = 10;
const TRACE = Boolean(process.env.REDLITE_DIFF_TRACE); // print every command and outcome

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/* Groups 2..MULTI_MAX multi-safe ops into one multi().exec() (or
 * execAsPipeline()) step. Ops with short expiries, SELECT and SWAPDB stay
 * out, so the db of every unstable key stays known. */
function makeBatch(gen, rng) {
  const ops = [];
  const n = rng.int(2, MULTI_MAX);
  for (let tries = 0; ops.length < n && tries < 50; tries++) {
    const op = gen.next();
    if (op.multi && !op.short) ops.push(op);
  }
  const pipeline = rng.chance(0.25);
  const finish = pipeline ? 'execAsPipeline' : 'exec';
  const norms = ops.map((op) => op.norm);
  return {
    label: `multi[${ops.map((op) => op.label).join('; ')}].${finish}()`,
    run: (c) => {
      const m = c.multi();
      for (const op of ops) op.chain(m);
      return m[finish]();
    },
    keys: ops.flatMap((op) => op.keys),
    whole: ops.some((op) => op.whole),
    counts: ops.some((op) => op.counts),
    norm: norms.some(Boolean)
      ? (arr) => (Array.isArray(arr) ? arr.map((x, j) => (norms[j] ? norms[j](x) : x)) : arr)
      : null,
    short: 0,
    size: ops.length,
  };
}

class StreamRun {
  constructor(real, lite, seed, length) {
    this.sides = [real, lite];
    this.seed = seed;
    this.length = length;
    this.db = 0; // the db both clients have selected
    this.unstable = new Map(); // key name -> {db, deadline}
    this.pending = []; // [{db, key}] expired, maybe not reclaimed yet
    this.slept = 0;
    this.history = [];
    this.counts = { commands: 0, multi: 0, checkpoints: 0, shortExpiries: 0 };
  }

  fail(what, a, b) {
    const lines = [`random stream diverged (seed ${this.seed}, length ${this.length}) at ${what}`,
      `  real: ${a}`, `  lite: ${b}`, `  last ${Math.min(CONTEXT, this.history.length)} commands (equal on both sides):`];
    for (const h of this.history.slice(-CONTEXT)) lines.push(`    ${h}`);
    lines.push(`  slept ${this.slept} ms so far; reproduce with REDLITE_DIFF_SEED=${this.seed} ` +
      `REDLITE_DIFF_STREAM=${this.length}`);
    throw new Error(lines.join('\n'));
  }

  /* Runs fn(client) on both sides, unrecorded; for bookkeeping commands. */
  async both(fn) {
    await Promise.all(this.sides.map((c) => fn(c)));
  }

  /* Waits until no unstable key touched by 'step' can still be racing its
   * expiry; those keys become pending. */
  async waitFor(step) {
    if (!this.unstable.size) return;
    const names = step.whole ? [...this.unstable.keys()]
      : [...new Set(step.keys)].filter((k) => this.unstable.has(k));
    if (!names.length) return;
    const deadline = Math.max(...names.map((k) => this.unstable.get(k).deadline));
    const delay = deadline - Date.now();
    if (delay > 0) {
      await sleep(delay);
      this.slept += delay;
    }
    for (const k of names) {
      this.pending.push({ db: this.unstable.get(k).db, key: k });
      this.unstable.delete(k);
    }
  }

  /* Touches every pending key so that lazy expiry reclaims it on both sides. */
  async reap() {
    if (!this.pending.length) return;
    const list = this.pending;
    this.pending = [];
    await this.both(async (c) => {
      for (const { db, key } of list) {
        await c.select(db);
        await c.exists(key);
      }
      await c.select(this.db);
    });
  }

  /* Bookkeeping after a step, driven by the real side's outcome. */
  afterStep(step, outcome, startedAt) {
    if (step.short) {
      this.counts.shortExpiries++;
      for (const k of step.keys) {
        const prev = this.unstable.get(k);
        const deadline = startedAt + step.short + SETTLE_MARGIN_MS;
        this.unstable.set(k, { db: this.db, deadline: prev ? Math.max(prev.deadline, deadline) : deadline });
      }
    }
    if (outcome.kind !== 'resolves') return;
    if (step.select !== undefined) this.db = step.select;
    if (step.swap) {
      const [x, y] = step.swap;
      for (const p of this.pending) {
        if (p.db === x) p.db = y;
        else if (p.db === y) p.db = x;
      }
    }
  }

  async step(step, index) {
    await this.waitFor(step);
    if (step.counts) await this.reap();
    const startedAt = Date.now();
    const [a, b] = await Promise.all(this.sides.map((c) => settle(() => step.run(c))));
    const ea = makeEntry(step.label, normalizeMultiError(a, step.norm), step.norm);
    const eb = makeEntry(step.label, normalizeMultiError(b, step.norm), step.norm);
    if (!sameEntry(ea, eb)) this.fail(`command #${index}: ${step.label}`, describe(ea), describe(eb));
    this.history.push(`#${index} ${step.label} -> ${describe(ea)}`);
    if (TRACE) console.log(`    ${this.history[this.history.length - 1]}`);
    if (this.history.length > CONTEXT) this.history.shift();
    this.afterStep(step, a, startedAt);
  }

  /* Compares the full content of every database on both sides. */
  async checkpoint(label) {
    this.counts.checkpoints++;
    await this.waitFor({ whole: true, keys: [] });
    await this.reap();
    const snap = async (c) => {
      const out = [];
      const keysByDb = [];
      for (let db = 0; db < DBS; db++) {
        await c.select(db);
        const keys = (await c.keys('*')).sort();
        keysByDb.push(keys);
        out.push(makeEntry(`db${db} keys`, { kind: 'resolves', ok: keys }));
        out.push(makeEntry(`db${db} dbSize`, await settle(() => c.dbSize())));
        for (const k of keys) {
          out.push(makeEntry(`db${db} GET ${k}`, await settle(() => c.get(k))));
          // (compared below with the time between the two sides' reads added to the tolerance)
          const pttl = await settle(() => c.pTTL(k));
          out.push({ pttl, at: Date.now(), label: `db${db} PTTL ${k}` });
          out.push(makeEntry(`db${db} OBJECT ENCODING ${k}`, await settle(() => c.objectEncoding(k))));
        }
      }
      // Hash, set, list and sorted set contents in a second pass, so that the PTTL reads above are not delayed
      // more on the (slower, networked) real side than they were before hashes existed.
      for (let db = 0; db < DBS; db++) {
        await c.select(db);
        for (const k of keysByDb[db]) {
          out.push(makeEntry(`db${db} HGETALL ${k}`, await settle(() => c.hGetAll(k)), sortedHash));
          out.push(makeEntry(`db${db} SMEMBERS ${k}`, await settle(() => c.sMembers(k)), sortReply));
          out.push(makeEntry(`db${db} LRANGE ${k}`, await settle(() => c.lRange(k, 0, -1))));
          out.push(makeEntry(`db${db} ZRANGE ${k} WITHSCORES`, await settle(() => c.sendCommand(['ZRANGE', k, '0', '-1', 'WITHSCORES'],
            { typeMapping: { [RESP_TYPES.DOUBLE]: String } }))));
        }
      }
      await c.select(this.db);
      return out;
    };
    const [a, b] = await Promise.all(this.sides.map(snap));
    // A PTTL read later on one side (the networked one, on a loaded machine) reads less.
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].pttl || !b[i].pttl) continue;
      const norm = approxNumber(100 + Math.abs(a[i].at - b[i].at));
      a[i] = makeEntry(a[i].label, a[i].pttl, norm);
      b[i] = makeEntry(b[i].label, b[i].pttl, norm);
    }
    for (const side of [a, b]) {
      for (let i = 0; i < side.length; i++) if (side[i].pttl) side[i] = makeEntry(side[i].label, side[i].pttl, approxNumber(100));
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] && b[i] && sameEntry(a[i], b[i])) continue;
      this.fail(`${label}, snapshot step ${(a[i] || b[i]).label}`,
        a[i] ? `${a[i].label}: ${describe(a[i])}` : '<none>', b[i] ? `${b[i].label}: ${describe(b[i])}` : '<none>');
    }
  }
}

/**
 * Runs 'length' seeded random commands against both clients and throws a
 * readable Error at the first divergence. Resolves a summary object.
 */
async function runStream(real, lite, { seed = DEFAULT_SEED, length = DEFAULT_LENGTH } = {}) {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`bad stream seed: ${seed}`);
  const rng = new Rng(seed);
  const gen = new Generator(rng, Date.now());
  const run = new StreamRun(real, lite, seed, length);
  await Promise.all([prepare(real), prepare(lite)]);
  let index = 0;
  let nextCheckpoint = CHECKPOINT_EVERY;
  while (index < length) {
    const isBatch = rng.chance(MULTI_CHANCE);
    const step = isBatch ? makeBatch(gen, rng) : gen.next();
    index += step.size || 1;
    if (isBatch) run.counts.multi++;
    run.counts.commands += step.size || 1;
    await run.step(step, index);
    if (index >= nextCheckpoint) {
      await run.checkpoint(`checkpoint after command #${index}`);
      nextCheckpoint += CHECKPOINT_EVERY;
    }
  }
  await run.checkpoint('final checkpoint');
  return { seed, ...run.counts, slept: run.slept };
}

module.exports = { runStream, DEFAULT_SEED, DEFAULT_LENGTH };
