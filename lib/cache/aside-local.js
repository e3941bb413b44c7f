'use strict';

// The in-process copy in front of the keyspace (createCache's `local` option): a Map of at
// most 'max' entries evicted in LRU order (a hit moves the entry to the young end; a
// full store drops the least recently used one), each kept at most 'ttlMs' and never
// past the expiry the caller gives it. Values are stored as the caller hands them (the
// cache stores the entry string, so every hit parses a private copy).
//
// 'epoch' counts invalidations: a reader notes it before going to the keyspace and fills
// the copy only if no invalidation arrived meanwhile (setIfEpoch), so a value read just
// before another instance's invalidation is not kept after it.
class LocalStore {
  constructor(max, ttlMs) {
    this.max = max;
    this.ttlMs = ttlMs;
    this.epoch = 0;
    this._map = new Map(); // key -> { value, expiresAt }
  }

  // The value stored for 'key' and not expired at 'now', or undefined.
  get(key, now = Date.now()) {
    const e = this._map.get(key);
    if (!e) return undefined;
    this._map.delete(key);
    if (e.expiresAt <= now) return undefined;
    this._map.set(key, e); // most recently used last
    return e.value;
  }

  // Store 'value' for 'key' until min(now + ttlMs, 'expiresAt'), evicting the least
  // recently used entries beyond max.
  set(key, value, expiresAt, now = Date.now()) {
    const until = Math.min(now + this.ttlMs, expiresAt);
    this._map.delete(key);
    if (until <= now) return;
    this._map.set(key, { value, expiresAt: until });
    while (this._map.size > this.max) this._map.delete(this._map.keys().next().value);
  }

  // set() only when no invalidation happened since 'epoch' was read.
  setIfEpoch(epoch, key, value, expiresAt) {
    if (epoch === this.epoch) this.set(key, value, expiresAt);
  }

  // Drop 'keys' (an array) and start a new epoch.
  drop(keys) {
    this.epoch++;
    for (const k of keys) this._map.delete(k);
  }

  // Drop every entry and start a new epoch.
  clear() {
    this.epoch++;
    this._map.clear();
  }

  get size() {
    return this._map.size;
  }
}

module.exports = { LocalStore };
