'use strict';

// Write-behind: createWriteBehind(options) → wb. wb.set(key, value) updates the cache at
// once and queues the database write; a worker writes the queue in batches later.
//
// options:
//   client             required; connected. The queue lives in its keyspace; never closed here.
//   write(batch)       required: writes [{ key, value }, ...] (distinct keys, in the order they
//                      were first queued) to the database; a rejection is retried.
//   prefix = 'wb:'     the queue's keys (below).
//   batchSize = 100    entries per write(batch); reaching it starts a flush at once.
//   intervalMs = 1000  a flush runs this long after a set(), while anything is queued.
//   maxRetries = 5     retries of a failed batch within one flush (then the flush fails, the
//                      batch stays first in the queue and the next flush starts with it).
//   backoff = 100      ms before retry n: backoff × 2^(n−1), at most 30 s; or a function
//                      (n, err) → ms.
//   cache              a createCache cache or namespace: set() calls cache.set(key, value,
//                      { ttl }). Without it, set() stores serializer.stringify(value) at
//                      `key` itself (same MULTI as the queueing), with a PX TTL if ttl is given.
//   ttl                seconds, for the cache write.
//   serializer = JSON  how values are kept in the queue (and in the plain cache entry).
//   lockTtl = 60000    ms: one worker across processes flushes at a time (SET NX PX lock).
//   onError(err, { op })  failures of background flushes (they are retried later).
//
// Keyspace: P = prefix. P'pending' HASH key → latest value (repeated writes coalesce);
// P'order' ZSET key → sequence number of its first queuing (ZADD NX; the number comes from
// INCR P'seq', so order holds across processes); a flush RENAMEs both to P'inflight' and
// P'inflight:order' (claiming them atomically while new writes start a fresh queue), then
// writes them in batches, deleting each batch once write(batch) resolved. P'lock': the
// worker lock.
//
// Delivery and data-loss window. A value is queued (and cached) when set() resolves, and
// leaves the queue only after write(batch) resolved: delivery is at least once (a process
// that dies between a successful write and the deletion of the batch writes it again on
// the next flush), so write must be idempotent. What a dying process loses depends on where
// the keyspace lives:
//   - redlite: the queue is in the process's memory. Everything not yet written (up to
//     intervalMs of writes, plus any batch being retried) is lost with the process. Call
//     close() before exiting: it drains the queue.
//   - a Redis server: the queue outlives the process (as far as the server's own
//     persistence allows); the next worker on the same prefix writes what is left, the
//     claimed batch first.
// A set() whose queuing failed rejects and nothing is queued; with `cache`, a cache write
// that fails after queuing deletes the cache entry and rejects (the database still gets it).
const { LockManager } = require('./lock');
const { checkSerializer, serialize } = require('./aside-codec');
const check = require('./aside-options');

const MAX_BACKOFF_MS = 30000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class WriteBehind {
  constructor(o) {
    this.client = check.client('client', o.client);
    this._write = check.func('write', o.write);
    if (!this._write) throw new TypeError('write(batch) is required');
    const p = check.string('prefix', o.prefix, 'wb:');
    this._k = { pending: p + 'pending', order: p + 'order', seq: p + 'seq', lock: p + 'lock',
      inflight: p + 'inflight', inflightOrder: p + 'inflight:order' };
    this.batchSize = check.count('batchSize', o.batchSize, 100);
    this.intervalMs = check.ms('intervalMs', o.intervalMs, 1000);
    this.maxRetries = check.count('maxRetries', o.maxRetries, 5, 0);
    if (typeof o.backoff === 'function') {
      this._backoff = o.backoff;
    } else {
      const base = check.ms('backoff', o.backoff, 100);
      this._backoff = (n) => Math.min(base * 2 ** (n - 1), MAX_BACKOFF_MS);
    }
    this.cache = o.cache || null;
    this.ttlMs = check.secondsToMs('ttl', o.ttl, 0);
    this.serializer = checkSerializer(o.serializer);
    this.lockTtl = check.ms('lockTtl', o.lockTtl, 60000, 1);
    this.onError = check.func('onError', o.onError, () => {});
    this._locks = new LockManager(this.client, { onError: (err) => this.onError(err, { op: 'lock' }) });
    this._timer = null;
    this._chain = Promise.resolve();
    this._next = null; // the queued flush not started yet
    this._sets = new Set(); // set() calls in progress
    this._closing = null;
    // A queue left by an earlier process (Redis server) is written too.
    Promise.resolve().then(() => this.pending()).then((n) => n > 0 && this._arm(), () => {});
  }

  // Cache 'value' at 'key' and queue its database write. Resolves once both are done.
  set(key, value) {
    const p = this._set(key, value);
    this._sets.add(p);
    const done = () => this._sets.delete(p);
    p.then(done, done);
    return p;
  }

  async _set(key, value) {
    if (this._closing) throw new Error('write-behind: closed');
    if (typeof key !== 'string') throw new TypeError('write-behind: key must be a string');
    const text = serialize(this.serializer, key, value);
    const k = this._k;
    const seq = await this.client.incr(k.seq);
    const m = this.client.multi()
      .hSet(k.pending, key, text)
      .zAdd(k.order, { score: seq, value: key }, { condition: 'NX' })
      .zCard(k.order);
    if (!this.cache) m.set(key, text, this.ttlMs ? { expiration: { type: 'PX', value: this.ttlMs } } : undefined);
    const [, , queued] = await m.exec();
    if (this.cache) {
      try {
        await this.cache.set(key, value, { ttl: this.ttlMs ? this.ttlMs / 1000 : undefined });
      } catch (err) {
        await this.cache.del(key).catch(() => {});
        throw err;
      }
    }
    if (queued >= this.batchSize) this._background();
    else this._arm();
  }

  // Number of queued keys not yet written (a key queued again while its previous value is
  // being written counts twice: both writes will happen).
  async pending() {
    const [a, b] = await this.client.multi().zCard(this._k.order).zCard(this._k.inflightOrder).exec();
    return a + b;
  }

  // Write everything queued before the call. Resolves the number of entries written;
  // rejects when a batch still fails after maxRetries retries, or when another worker
  // holds the queue through maxRetries waits.
  async flush() {
    for (let busy = 0; ;) {
      const r = await this._run();
      if (!r.busy) return r.written;
      if (++busy > this.maxRetries) throw new Error('write-behind: another worker is flushing this queue');
      await sleep(this._backoff(busy, null));
    }
  }

  // Stop the timer, then drain the queue (each batch with its retries) before resolving.
  // Rejects (and stops anyway) when the queue cannot be drained; what is left stays in the
  // keyspace (see the data-loss window above).
  close() {
    if (!this._closing) this._closing = this._close();
    return this._closing;
  }

  async _close() {
    clearTimeout(this._timer);
    this._timer = null;
    try {
      while (this._sets.size) await Promise.allSettled([...this._sets]);
      let written;
      do {
        written = await this.flush();
      } while (written > 0 && (await this.pending()) > 0);
    } finally {
      await this._chain;
      await this._locks.close();
    }
  }

  // Run one flush after the ones already running; a flush queued but not yet started
  // takes in later requests too.
  _run() {
    if (!this._next) {
      this._next = this._chain.then(() => {
        this._next = null;
        return this._cycle();
      });
      this._chain = this._next.catch(() => {});
    }
    return this._next;
  }

  // A flush nobody waits for (timer, full batch): errors go to onError; while anything
  // may be left, the timer is armed again (not once the client is closed: the next set()
  // or flush() reports that).
  _background() {
    this._run().then((r) => {
      if (r.left > 0) this._arm();
    }, (err) => {
      this.onError(err, { op: 'flush' });
      if (this.client.isOpen) this._arm();
    });
  }

  _arm() {
    if (this._timer || this._closing) return;
    this._timer = setTimeout(() => {
      this._timer = null;
      this._background();
    }, this.intervalMs);
  }

  // One flush under the worker lock: first what an earlier flush claimed and did not
  // finish, then a claim of the whole queue. Resolves { written, left, busy }.
  async _cycle() {
    const k = this._k;
    const token = await this._locks.acquire(k.lock, this.lockTtl);
    if (!token) return { written: 0, left: await this.pending(), busy: true };
    try {
      let written = await this._drainInflight();
      if (await this.client.exists(k.order)) {
        await this.client.multi().renameNX(k.pending, k.inflight).renameNX(k.order, k.inflightOrder).exec();
        written += await this._drainInflight();
      }
      return { written, left: await this.pending(), busy: false };
    } finally {
      await this._locks.release(k.lock, token).catch((err) => this.onError(err, { op: 'unlock' }));
    }
  }

  async _drainInflight() {
    const k = this._k;
    let written = 0;
    for (;;) {
      const keys = await this.client.zRange(k.inflightOrder, 0, this.batchSize - 1);
      if (keys.length === 0) return written;
      const texts = await this.client.hmGet(k.inflight, keys);
      const batch = [];
      keys.forEach((key, i) => {
        if (texts[i] !== null) batch.push({ key, value: this.serializer.parse(texts[i]) });
      });
      if (batch.length) await this._writeWithRetry(batch);
      await this.client.multi().hDel(k.inflight, keys).zRem(k.inflightOrder, keys).exec();
      written += batch.length;
    }
  }

  async _writeWithRetry(batch) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this._write(batch);
      } catch (err) {
        if (attempt >= this.maxRetries) throw err;
        await sleep(this._backoff(attempt + 1, err));
      }
    }
  }
}

// A write-behind queue over options.client (options: see the top of this file). Methods:
// set(key, value), pending(), flush(), close().
function createWriteBehind(options) {
  if (!options || typeof options !== 'object') throw new TypeError('createWriteBehind(options): options.client is required');
  return new WriteBehind(options);
}

module.exports = { createWriteBehind };
