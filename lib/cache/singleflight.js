'use strict';

// Single-flight within one process: concurrent calls for one key share one run of the
// work. The first caller's fn runs; callers arriving while it is pending get the same
// promise (its value or its rejection). Once it settles the key is free again, so a later
// call runs fn anew. Nothing is cached beyond the pending promise.
class SingleFlight {
  constructor() {
    this._pending = new Map(); // key -> Promise
  }

  // The pending promise for 'key', or a new one from fn() (sync throws become rejections).
  do(key, fn) {
    const pending = this._pending.get(key);
    if (pending) return pending;
    let p;
    try {
      p = Promise.resolve(fn());
    } catch (err) {
      p = Promise.reject(err);
    }
    const done = p.finally(() => {
      if (this._pending.get(key) === done) this._pending.delete(key);
    });
    this._pending.set(key, done);
    return done;
  }

  // Whether a run for 'key' is pending.
  has(key) {
    return this._pending.has(key);
  }

  // Number of keys with a pending run.
  get size() {
    return this._pending.size;
  }
}

module.exports = { SingleFlight };
