'use strict';

// The engine behind createCache (cached.js): reads, single-flight loads behind a
// cross-process lock, writes with TTL/jitter/tags, invalidation, local copies and their
// broadcast. It works on full entry keys ('full' = the keyspace key, 'key' = the caller's
// key, used in errors and passed to fetch); the views in cached.js build the full keys.
//
// Keyspace layout under 'prefix' (P):
//   P<key>                      a root entry (see aside-codec.js for the entry string)
//   P__ns:<name>:<ver>:<key>    an entry of namespace <name> at version <ver>
//   P__ver:<name>               the namespace's version (INCR'd by bump; no TTL)
//   P__tag:<tag>                SET of the full keys written with <tag>; TTL >= its entries'
//   P__lock:<rest of full key>  the fill lock of one entry (SET NX PX, lock.js)
// Keys under P__ are the helper's own: callers' keys may not start with '__'.
const { SingleFlight } = require('./singleflight');
const { LockManager } = require('./lock');
const { LocalStore } = require('./aside-local');
const { Broadcaster } = require('./aside-broadcast');
const codec = require('./aside-codec');

const INTERNAL = '__';
const SCAN_COUNT = 100; // keys asked of each SCAN page by pattern invalidation

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class CacheCore {
  // 'cfg': the checked options of createCache (see cached.js).
  constructor(cfg) {
    Object.assign(this, cfg);
    this.flight = new SingleFlight();
    this.locks = new LockManager(this.client, { onError: (err) => this.report(err, 'lock') });
    this.local = cfg.localMax ? new LocalStore(cfg.localMax, cfg.localTtlMs) : null;
    this.broadcaster = cfg.channel === null ? null : new Broadcaster(this.client, cfg.channel,
      this.local ? (keys) => this.local.drop(keys) : null, (err) => this.report(err, 'broadcast'));
    this.closed = false;
    this.running = new Set(); // loads and refreshes close() waits for
    this.counters = { hits: 0, localHits: 0, misses: 0, stale: 0, fetches: 0, errors: 0 };
  }

  report(err, op, key) {
    this.counters.errors++;
    try {
      this.onError(err, { op, key });
    } catch {
      // a throwing onError must not turn a fail-open path into a failure
    }
  }

  checkOpen() {
    if (this.closed) throw new Error('cache: this cache is closed');
  }

  tagKey(tag) {
    return this.prefix + INTERNAL + 'tag:' + tag;
  }

  lockKey(full) {
    return this.prefix + INTERNAL + 'lock:' + full.slice(this.prefix.length);
  }

  track(promise) {
    this.running.add(promise);
    const done = () => this.running.delete(promise);
    promise.then(done, done);
    return promise;
  }

  // { entry, value } for an entry string, or null (reported) when it cannot be decoded.
  decode(raw, key) {
    const entry = codec.decodeEntry(raw);
    if (!entry) return null;
    try {
      return { entry, value: entry.negative ? null : this.serializer.parse(entry.payload) };
    } catch (err) {
      this.report(err, 'parse', key);
      return null;
    }
  }

  // The cached value of 'full' for a caller with options 'o': { value } on a hit (null for
  // a negative entry), undefined on a miss. Starts background refreshes when 'fetch' is
  // given and the entry is due (refresh-ahead) or stale within the window. Rejects with the
  // client's error.
  async lookup(full, key, fetch, o) {
    if (this.local) {
      const raw = this.local.get(full);
      const hit = raw === undefined ? null : this.decode(raw, key);
      if (hit && Date.now() < hit.entry.freshUntil) {
        this.counters.localHits++;
        this.refreshAhead(hit.entry, full, key, fetch, o);
        return hit;
      }
    }
    const epoch = this.local ? this.local.epoch : 0;
    const raw = await this.client.get(full);
    const hit = raw === null || raw === undefined ? null : this.decode(raw, key);
    if (!hit) return undefined;
    const now = Date.now();
    if (now < hit.entry.freshUntil) {
      this.counters.hits++;
      if (this.local) this.local.setIfEpoch(epoch, full, raw, hit.entry.freshUntil);
      this.refreshAhead(hit.entry, full, key, fetch, o);
      return hit;
    }
    if (fetch && o.swrMs > 0 && now < hit.entry.freshUntil + o.swrMs) {
      this.counters.stale++;
      this.refresh(full, key, fetch, o);
      return hit;
    }
    return undefined;
  }

  refreshAhead(entry, full, key, fetch, o) {
    if (fetch && o.refreshAhead > 0 && entry.freshUntil - Date.now() < o.refreshAhead * entry.ttlMs) {
      this.refresh(full, key, fetch, o);
    }
  }

  // Refresh 'full' in the background, once per process (single flight) and once across
  // processes (the fill lock: if another instance holds it, it is refreshing already).
  // Failures, including the fetch's, go to onError.
  refresh(full, key, fetch, o) {
    if (this.closed) return;
    const p = this.flight.do('refresh\0' + full, () => this.load(full, key, fetch, o, true));
    this.track(p.catch((err) => this.report(err, 'refresh', key)));
  }

  // The miss path: one load per key in this process.
  fill(full, key, fetch, o) {
    return this.track(this.flight.do('load\0' + full, () => this.load(full, key, fetch, o, false)));
  }

  // Fetch without the keyspace (its client failed): still one fetch per key in the process.
  fetchDirect(full, key, fetch) {
    return this.flight.do('direct\0' + full, async () => {
      this.counters.fetches++;
      return fetch(key);
    });
  }

  // Fetch 'key' and store it, holding the fill lock so that one instance fetches while the
  // others poll the keyspace for its value (for at most lockWait ms, then they fetch
  // themselves). A 'background' load gives up at once when the lock is taken. Resolves the
  // value; rejects with the fetch's error or a serializer error (nothing is stored).
  async load(full, key, fetch, o, background) {
    const lockKey = this.lockKey(full);
    let token = null;
    if (this.lockTtl > 0) {
      const deadline = Date.now() + this.lockWait;
      for (;;) {
        try {
          token = await this.locks.acquire(lockKey, this.lockTtl);
        } catch (err) {
          this.report(err, 'lock', key);
          break;
        }
        if (token || background) break;
        const found = await this.waitForFill(full, lockKey, key, deadline);
        if (found) return found.value;
        if (Date.now() >= deadline) break; // fall back: fetch ourselves
      }
      if (!token && background) return undefined;
    }
    try {
      this.counters.fetches++;
      const value = await fetch(key);
      await this.store(full, key, value, o, false);
      return value;
    } finally {
      if (token) await this.locks.release(lockKey, token).catch((err) => this.report(err, 'unlock', key));
    }
  }

  // Poll for another instance's fill until 'deadline': { value } once a fresh entry is
  // there; null when the lock is gone without one (try the lock again) or time is up.
  async waitForFill(full, lockKey, key, deadline) {
    for (let left = deadline - Date.now(); left > 0; left = deadline - Date.now()) {
      await sleep(Math.min(this.lockPoll, left));
      let raw, holder;
      try {
        [raw, holder] = await this.client.mGet([full, lockKey]);
      } catch (err) {
        this.report(err, 'get', key);
        return null;
      }
      const hit = raw === null || raw === undefined ? null : this.decode(raw, key);
      if (hit && Date.now() < hit.entry.freshUntil) return hit;
      if (holder === null || holder === undefined) return null;
    }
    return null;
  }

  // Store what a fetch resolved: undefined stores nothing, null a negative entry (or, when
  // negative caching is off, deletes the entry so no older value is served), anything else
  // the serialized value. With 'strict' client errors reject; otherwise they go to onError
  // (fail open). Serializer errors always reject.
  async store(full, key, value, o, strict) {
    if (value === undefined) return;
    let payload = null;
    let freshMs = o.negativeMs;
    if (value !== null) {
      payload = codec.serialize(this.serializer, key, value);
      freshMs = o.ttlMs;
    } else if (!(freshMs > 0)) {
      return this.remove([full], key, strict);
    }
    freshMs = Math.max(1, Math.round(freshMs * (1 - o.jitter * Math.random())));
    const now = Date.now();
    const raw = codec.encodeEntry(payload, now + freshMs, freshMs);
    const px = freshMs + (payload === null ? 0 : o.swrMs);
    try {
      if (o.tags.length === 0) {
        await this.client.set(full, raw, { expiration: { type: 'PX', value: px } });
      } else {
        const m = this.client.multi().set(full, raw, { expiration: { type: 'PX', value: px } });
        for (const tag of o.tags) {
          const tk = this.tagKey(tag);
          m.sAdd(tk, full).pExpire(tk, px, 'NX').pExpire(tk, px, 'GT');
        }
        await m.exec();
      }
    } catch (err) {
      if (strict) throw err;
      this.report(err, 'set', key);
      return;
    }
    await this.announce([full], key); // drops older copies (ours too), then keep the new one
    if (this.local) this.local.set(full, raw, now + freshMs);
  }

  // DEL 'fulls' and tell the other instances. Resolves the number of keys deleted.
  async remove(fulls, key, strict = true) {
    let n = 0;
    try {
      if (fulls.length) n = await this.client.del(fulls);
    } catch (err) {
      if (strict) throw err;
      this.report(err, 'del', key);
      return 0;
    }
    await this.announce(fulls, key);
    return n;
  }

  // Drop 'fulls' from the local copy and publish them to the other instances.
  async announce(fulls, key) {
    if (fulls.length === 0) return;
    if (this.local) this.local.drop(fulls);
    if (!this.broadcaster) return;
    try {
      await this.broadcaster.publish(fulls);
    } catch (err) {
      this.report(err, 'publish', key);
    }
  }

  // Delete every entry of each tag and the tag's set. Resolves the number of entries deleted.
  async removeTags(tagList) {
    let n = 0;
    for (const tag of tagList) {
      const [members] = await this.client.multi().sMembers(this.tagKey(tag)).del(this.tagKey(tag)).exec();
      n += await this.remove(members);
    }
    return n;
  }

  // Delete the entries under 'base' whose key (after base) matches the glob 'pattern', one
  // SCAN page at a time (never KEYS). The helper's own keys are left alone.
  async removePattern(base, pattern) {
    const internal = this.prefix + INTERNAL;
    const mine = base.startsWith(internal) ? () => true : (k) => !k.startsWith(internal);
    let n = 0;
    for await (const page of this.client.scanIterator({ MATCH: codec.escapeGlob(base) + pattern, COUNT: SCAN_COUNT })) {
      n += await this.remove(page.filter(mine));
    }
    return n;
  }

  // Resolve once the invalidation subscription (if any) is listening.
  ready() {
    return this.broadcaster ? this.broadcaster.listen() : Promise.resolve();
  }

  // Wait for running loads and refreshes, then close the subscription and the lock
  // connection. The client stays open (it is the caller's).
  async close() {
    if (this.closed) return;
    this.closed = true;
    while (this.running.size) await Promise.allSettled([...this.running]);
    if (this.broadcaster) await this.broadcaster.close();
    await this.locks.close();
    if (this.local) this.local.clear();
  }
}

module.exports = { CacheCore, INTERNAL };
