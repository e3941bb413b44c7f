'use strict';

// A lock key shared by every process that uses one keyspace (redlite) or one Redis server
// (node-redis): acquired with SET key token NX PX ttl, released only by its holder.
//
// Release compares and deletes in one transaction: WATCH key, GET key, and only when the
// value is our token MULTI DEL EXEC, so a lock that expired and was taken by another
// holder in the meantime is left alone (Redis's documented pattern without scripting:
// redlite has no EVAL). WATCH needs a connection of its own, so releases go through one
// duplicate of the client, created on first use and used one release at a time.
const crypto = require('node:crypto');

class LockManager {
  // 'client': a connected redlite or node-redis client. 'onError(err)' receives the errors
  // of the release connection (a dropped network connection), which would otherwise be an
  // unhandled 'error' event.
  constructor(client, { onError } = {}) {
    this.client = client;
    this._onError = typeof onError === 'function' ? onError : () => {};
    this._releaser = null; // Promise of the connected duplicate
    this._queue = Promise.resolve();
    this._closed = false;
  }

  // Try once to take 'key' for 'ttlMs' milliseconds (a positive integer). Resolves the
  // token that proves ownership, or null when another holder has it. Rejects with the
  // client's error (closed client, OOM...).
  async acquire(key, ttlMs) {
    if (!Number.isInteger(ttlMs) || ttlMs <= 0) throw new TypeError('lock ttl must be a positive integer (ms)');
    const token = crypto.randomBytes(16).toString('hex');
    const reply = await this.client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return reply === 'OK' ? token : null;
  }

  // Delete 'key' if it still holds 'token'. Resolves true when deleted, false when the
  // lock had expired or belongs to someone else.
  release(key, token) {
    if (this._closed) return Promise.reject(new Error('LockManager is closed'));
    const run = this._queue.then(() => this._release(key, token));
    this._queue = run.catch(() => {});
    return run;
  }

  async _release(key, token) {
    const c = await this._connection();
    await c.watch(key);
    if ((await c.get(key)) !== token) {
      await c.unwatch();
      return false;
    }
    try {
      await c.multi().del(key).exec();
      return true;
    } catch (err) {
      if (err && err.name === 'WatchError') return false; // changed under us: not ours any more
      throw err;
    }
  }

  _connection() {
    if (!this._releaser) {
      const dup = this.client.duplicate();
      dup.on('error', (err) => this._onError(err));
      this._releaser = Promise.resolve(dup.connect()).then(() => dup, (err) => {
        this._releaser = null;
        throw err;
      });
    }
    return this._releaser;
  }

  // Wait for the releases already asked for, then close the release connection, if one
  // was opened; later releases reject. The main client is the caller's.
  async close() {
    this._closed = true;
    await this._queue;
    const p = this._releaser;
    this._releaser = null;
    if (!p) return;
    const c = await p.catch(() => null);
    if (c) await c.close();
  }
}

module.exports = { LockManager };
