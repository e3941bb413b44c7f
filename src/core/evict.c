/* evict.c -- memory limits and eviction: the LRU/LFU clocks, the eviction policies and the
 * bounded eviction step run before and after commands and from the cron.
 *
 * The algorithm is Redis's (evict.c): sample maxmemory-samples keys per database into a
 * pool of the best EVPOOL_SIZE candidates seen so far, evict the best one still present.
 * What differs is the clock. Redis stamps keys with a 1-second clock, so in a cache that
 * turns over within a second every candidate looks equally idle and the sampler degrades
 * to random eviction. Here the stamp counts LRU_CLOCK_RESOLUTION_MS units, and the clock
 * is read at every command while a limit is set: on a Zipf(0.99) trace the pool then comes
 * within a fraction of a point of exact LRU (bench/eviction.js), at no per-key cost: the
 * stamp lives in the padding of the key's dict entry (dictEntry.meta), so a sample costs
 * one entry read and not also a read of the value.
 *
 * Limits: 'maxmemory' compares against the slab's account of the keyspace (slab.h),
 * 'maxkeys' against the number of keys in all databases. A step starts when a limit is
 * exceeded and evicts until a little under both (at most a batch under: keysLowWater,
 * memoryLowWater), or until its time budget
 * (maxmemory-eviction-tenacity, as Redis: 500 us by default) is spent; big values go to
 * the lazy-free queue, so the step drives that queue first. Redis stops as soon as it is
 * under the limit, which at a full cache means one eviction per write, each paying its
 * cache misses (the candidates' entries, the victim's bucket, entry and value) one after
 * another; with the margin, evictions come in batches whose misses overlap (evictBatch). */
#include "server.h"

#include <math.h>
#include <string.h>

/* Candidates kept between eviction steps (Redis's EVPOOL_SIZE). */
#define EVPOOL_SIZE 16
/* Keys evicted together by the pool policies: their candidates are taken from the pool
 * first, then the buckets, entries and values of all of them are prefetched before any is
 * read, so that the cache misses of a batch overlap instead of coming one after another. */
#define EVICT_BATCH 16
/* Evictions between clock reads in one step. */
#define EVICT_CLOCK_CHECK 16
/* Lazy-free entries released per turn of the eviction loop while a freed value is pending. */
#define EVICT_LAZYFREE_STEP 256
/* LFU: the counter of a new key, and the minutes clock's period (16 bits). */
#define LFU_INIT_VAL 5

typedef struct evictionPoolEntry {
    unsigned long long idle; /* the higher, the better a candidate */
    int dbid;
    sds key; /* NULL while the slot is free; kept for reuse otherwise */
    int used;
    const dictEntry *seen; /* the key's entry when sampled: only ever prefetched (it may be
                            * gone), never read */
} evictionPoolEntry;

/* A key taken from the pool to be evicted in the current batch. */
typedef struct evictVictim {
    sds key; /* kept for reuse between batches */
    int dbid;
    const dictEntry *seen; /* its entry when sampled: only prefetched */
    dictEntry *unlinked;   /* allkeys policies: its entry, out of db->keys */
    int live;              /* still present when the batch came to it */
} evictVictim;

static const struct {
    const char *name;
    int policy;
} policies[] = {
    {"volatile-lru", MAXMEMORY_VOLATILE_LRU},       {"volatile-lfu", MAXMEMORY_VOLATILE_LFU},
    {"volatile-random", MAXMEMORY_VOLATILE_RANDOM}, {"volatile-ttl", MAXMEMORY_VOLATILE_TTL},
    {"allkeys-lru", MAXMEMORY_ALLKEYS_LRU},         {"allkeys-lfu", MAXMEMORY_ALLKEYS_LFU},
    {"allkeys-random", MAXMEMORY_ALLKEYS_RANDOM},   {"noeviction", MAXMEMORY_NO_EVICTION},
};
#define NPOLICIES (sizeof(policies) / sizeof(policies[0]))

const char *evictPolicyName(int policy) {
    for (size_t i = 0; i < NPOLICIES; i++)
        if (policies[i].policy == policy) return policies[i].name;
    return "noeviction";
}

int evictPolicyFromName(const char *s, size_t len) {
    for (size_t i = 0; i < NPOLICIES; i++)
        if (rlStrEqNoCase(s, len, policies[i].name)) return policies[i].policy;
    return -1;
}

/* ---------------------------------------------------------------- LRU / LFU clocks */

/* LRU clock units from 'stamp' to 'now' (one wrap at most). */
static unsigned long long lruUnitsSince(unsigned now, unsigned stamp) {
    return now >= stamp ? now - stamp : now + (LRU_CLOCK_MAX - stamp);
}

unsigned long long estimateKeyIdleTime(rlServer *s, const dictEntry *de) {
    long long ms = rlServerClockUs(s) / 1000;
    unsigned long long units = lruUnitsSince(lruClockFromMs(ms), de->meta);
    /* the stamp rounded the access time down: count from the start of its unit */
    return units * LRU_CLOCK_RESOLUTION_MS + (unsigned long long)ms % LRU_CLOCK_RESOLUTION_MS;
}

/* Minutes since the epoch, 16 bits (the LFU decay clock, as Redis). */
static unsigned long lfuTimeInMinutes(long long ms) {
    return (unsigned long)((ms / 60000) & 65535);
}

/* Minutes elapsed since 'ldt' (one wrap at most). */
static unsigned long lfuTimeElapsed(const rlServer *s, unsigned long ldt) {
    unsigned long now = lfuTimeInMinutes(s->clock_ms);
    return now >= ldt ? now - ldt : 65535 - ldt + now;
}

/* The counter in 'meta' decayed by one per lfu-decay-time minutes since its last access. */
static unsigned long lfuDecrAndReturn(const rlServer *s, uint32_t meta) {
    unsigned long ldt = meta >> 8;
    unsigned long counter = meta & 255;
    unsigned long periods = s->lfu_decay_time ? lfuTimeElapsed(s, ldt) / s->lfu_decay_time : 0;
    if (periods) counter = periods > counter ? 0 : counter - periods;
    return counter;
}

/* Logarithmic increment: the higher the counter, the less likely it grows. */
static unsigned long lfuLogIncr(rlServer *s, unsigned long counter) {
    if (counter == 255) return 255;
    double r = (double)(rlRandNext(&s->rng) >> 11) * (1.0 / 9007199254740992.0);
    double base = counter > LFU_INIT_VAL ? (double)(counter - LFU_INIT_VAL) : 0;
    double p = 1.0 / (base * s->lfu_log_factor + 1);
    return r < p ? counter + 1 : counter;
}

void keyTouchLFU(rlServer *s, dictEntry *de) {
    unsigned long counter = lfuLogIncr(s, lfuDecrAndReturn(s, de->meta));
    de->meta = (uint32_t)((lfuTimeInMinutes(s->clock_ms) << 8) | counter);
}

void keyInitClock(rlServer *s, dictEntry *de) {
    if (s->maxmemory_policy & MAXMEMORY_FLAG_LFU)
        de->meta = (uint32_t)((lfuTimeInMinutes(s->clock_ms) << 8) | LFU_INIT_VAL);
    else
        de->meta = lruClockFromMs(s->clock_ms);
}

unsigned long keyFreq(rlServer *s, const dictEntry *de) {
    s->clock_ms = rlServerClockUs(s) / 1000;
    return lfuDecrAndReturn(s, de->meta);
}

/* ---------------------------------------------------------------- limits */

static unsigned long long totalKeys(const rlServer *s) {
    unsigned long long n = 0;
    for (int i = 0; i < RL_DBNUM; i++)
        n += dictSize(s->db[i].keys);
    return n;
}

static int overMemory(const rlServer *s) {
    return s->maxmemory && slabUsed(&s->slab) > s->maxmemory;
}

static int overKeys(const rlServer *s) {
    return s->maxkeys && totalKeys(s) > s->maxkeys;
}

/* Where eviction stops once a limit is exceeded: under the limit by 1/1024 of it, but by no
 * more than EVICT_BATCH - 1 keys (for maxmemory: that many keys of the average size), and
 * at the limit itself when it is under 1024. The keyspace then takes that many writes
 * before it evicts again, and evicts a batch (EVICT_BATCH) at a time instead of one key
 * per write. */
static unsigned long long keysLowWater(const rlServer *s) {
    unsigned long long margin = s->maxkeys / 1024;
    if (margin > EVICT_BATCH - 1) margin = EVICT_BATCH - 1;
    return s->maxkeys - margin;
}

static unsigned long long memoryLowWater(const rlServer *s) {
    unsigned long long margin = s->maxmemory / 1024, keys = totalKeys(s);
    if (keys) {
        unsigned long long batch = (EVICT_BATCH - 1) * (slabUsed(&s->slab) / keys);
        if (margin > batch) margin = batch;
    }
    return s->maxmemory - margin;
}

static int aboveLowMemory(const rlServer *s) {
    return s->maxmemory && slabUsed(&s->slab) > memoryLowWater(s);
}

static int aboveLowKeys(const rlServer *s) {
    return s->maxkeys && totalKeys(s) > keysLowWater(s);
}

/* How many keys to evict to get under both low watermarks: exact for maxkeys, estimated
 * from the average bytes per key for maxmemory; at least 1, at most EVICT_BATCH. */
static int batchSize(const rlServer *s) {
    unsigned long long keys = totalKeys(s), need = 1;
    if (s->maxkeys && keys > keysLowWater(s)) need = keys - keysLowWater(s);
    unsigned long long used = slabUsed(&s->slab), low = memoryLowWater(s);
    if (s->maxmemory && used > low && keys) {
        unsigned long long per_key = used / keys ? used / keys : 1;
        unsigned long long m = (used - low + per_key - 1) / per_key;
        if (m > need) need = m;
    }
    return need > EVICT_BATCH ? EVICT_BATCH : (int)need;
}

/* Redis's shared integers (OBJ_SHARED_INTEGERS) */
#define SHARED_INTEGERS 10000

void objectMaybeShare(const rlServer *s, robj *o) {
    o->shared =
        o->type == OBJ_STRING && o->encoding == OBJ_ENCODING_INT && o->u.ll >= 0 &&
        o->u.ll < SHARED_INTEGERS &&
        !(s->maxmemory && (s->maxmemory_policy & (MAXMEMORY_FLAG_LRU | MAXMEMORY_FLAG_LFU)));
}

int evictKeysFull(const rlServer *s) {
    if (!s->maxkeys || totalKeys(s) < s->maxkeys) return 0;
    if (s->maxmemory_policy == MAXMEMORY_NO_EVICTION) return 1;
    if (s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS) return 0;
    for (int i = 0; i < RL_DBNUM; i++)
        if (dictSize(s->db[i].expires)) return 0;
    return 1;
}

/* Time one step may take, from maxmemory-eviction-tenacity (Redis's formula): 50 us per
 * unit up to 10, then growing 15% per unit; 100 means no limit. */
static long long evictTimeLimitUs(const rlServer *s) {
    int t = s->eviction_tenacity;
    if (t <= 10) return 50LL * t;
    if (t < 100) return (long long)(500.0 * pow(1.15, t - 10.0));
    return -1;
}

/* ---------------------------------------------------------------- the pool */

static evictionPoolEntry *pool(rlServer *s) {
    if (!s->evict_pool) s->evict_pool = rl_calloc(EVPOOL_SIZE, sizeof(evictionPoolEntry));
    return s->evict_pool;
}

void evictFree(rlServer *s) {
    if (s->evict_batch) {
        for (int i = 0; i < EVICT_BATCH; i++)
            sdsfree(s->evict_batch[i].key);
        rl_free(s->evict_batch);
        s->evict_batch = NULL;
    }
    if (!s->evict_pool) return;
    for (int i = 0; i < EVPOOL_SIZE; i++)
        sdsfree(s->evict_pool[i].key);
    rl_free(s->evict_pool);
    s->evict_pool = NULL;
}

/* How good a candidate 'de' (an entry of the keys dict, or of the expires dict for the
 * volatile policies) is: idle time for LRU, 255 - frequency for LFU, time left inverted
 * for TTL. Returns 0 and sets '*idle', or -1 when the key has vanished. */
static int candidateScore(rlServer *s, rlDb *db, const dictEntry *de, unsigned long long *idle) {
    if (s->maxmemory_policy == MAXMEMORY_VOLATILE_TTL) {
        *idle = ~0ULL - (unsigned long long)dictGetS64(de);
        return 0;
    }
    if (!(s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS)) {
        de = dictFind(db->keys, de->key, de->keylen);
        if (!de) return -1;
    }
    if (s->maxmemory_policy & MAXMEMORY_FLAG_LFU)
        *idle = 255 - lfuDecrAndReturn(s, de->meta);
    else
        *idle = lruUnitsSince(s->lru_clock_now, de->meta);
    return 0;
}

/* Insert a candidate, keeping the pool sorted by ascending 'idle' (best at the end);
 * when full, a candidate better than the worst entry replaces it. */
static void poolInsert(evictionPoolEntry *p, unsigned long long idle, int dbid,
                       const dictEntry *de) {
    const char *key = de->key;
    size_t len = de->keylen;
    int k = 0;
    while (k < EVPOOL_SIZE && p[k].used && p[k].idle < idle)
        k++;
    if (k == 0 && p[EVPOOL_SIZE - 1].used) return; /* worse than everything in a full pool */
    if (k < EVPOOL_SIZE && !p[k].used) {
        /* free slot at k: nothing to move */
    } else if (!p[EVPOOL_SIZE - 1].used) {
        evictionPoolEntry spare = p[EVPOOL_SIZE - 1];
        memmove(p + k + 1, p + k, sizeof(*p) * (size_t)(EVPOOL_SIZE - k - 1));
        p[k] = spare;
    } else {
        evictionPoolEntry spare = p[0]; /* drop the worst entry, reuse its key buffer */
        k--;
        memmove(p, p + 1, sizeof(*p) * (size_t)k);
        p[k] = spare;
    }
    if (!p[k].key) p[k].key = sdsempty();
    sdsclear(p[k].key);
    p[k].key = sdscatlen(p[k].key, key, len);
    p[k].idle = idle;
    p[k].dbid = dbid;
    p[k].used = 1;
    p[k].seen = de;
}

/* Sample maxmemory-samples keys of 'db' into the pool, from where the last sampling of 'db'
 * stopped: a sweep over the table, which reads the bucket array in order where random
 * positions cost a cache miss each. (Simulated on bench/eviction.js's Zipf trace: 76.41%
 * hits, 76.31% with random positions, 76.44% for exact LRU.) */
static void poolPopulate(rlServer *s, rlDb *db, dict *sampledict) {
    dictEntry *samples[64];
    unsigned want = (unsigned)s->maxmemory_samples;
    if (want > 64) want = 64;
    unsigned n = dictSampleKeysAt(sampledict, samples, want, &db->evict_cursor);
    evictionPoolEntry *p = pool(s);
    for (unsigned j = 0; j < n; j++) {
        unsigned long long idle;
        if (candidateScore(s, db, samples[j], &idle) == 0) poolInsert(p, idle, db->id, samples[j]);
    }
}

/* Take the best candidate out of the pool into 'v' (key, database, entry as sampled),
 * sampling every non-empty database first. Whether the key is still there is left to the
 * caller. Returns 0 when there is no candidate (nothing to sample). */
static int poolTake(rlServer *s, evictVictim *v) {
    int volatile_only = !(s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS);
    int any = 0;
    for (int i = 0; i < RL_DBNUM; i++) {
        rlDb *db = &s->db[i];
        dict *d = volatile_only ? db->expires : db->keys;
        if (dictSize(d) == 0) continue;
        any = 1;
        poolPopulate(s, db, d);
    }
    if (!any) return 0;
    evictionPoolEntry *p = pool(s);
    for (int k = EVPOOL_SIZE - 1; k >= 0; k--) {
        if (!p[k].used) continue;
        p[k].used = 0;
        if (!v->key) v->key = sdsempty();
        sdsclear(v->key);
        v->key = sdscatlen(v->key, p[k].key, sdslen(p[k].key));
        v->dbid = p[k].dbid;
        v->seen = p[k].seen;
        return 1;
    }
    return 0;
}

static void evictKey(rlServer *s, rlDb *db, const sds key, dictEntry *unlinked);
/* Evict up to 'want' keys chosen by the pool, in three passes over the batch so that the
 * misses of its keys overlap: take the candidates and prefetch their buckets and entries;
 * unlink each one still present (allkeys policies; the volatile ones check db->expires)
 * and prefetch its value; then delete them. A candidate gone since it was sampled (or
 * taken twice) is skipped. Returns the number evicted, -1 when there was no candidate. */
static int evictBatch(rlServer *s, int want) {
    int volatile_only = !(s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS);
    if (!s->evict_batch) s->evict_batch = rl_calloc(EVICT_BATCH, sizeof(evictVictim));
    evictVictim *b = s->evict_batch;
    int n = 0;
    while (n < want && poolTake(s, &b[n])) {
        rlDb *db = &s->db[b[n].dbid];
        dictPrefetch(volatile_only ? db->expires : db->keys, b[n].key, sdslen(b[n].key));
        __builtin_prefetch(b[n].seen);
        n++;
    }
    if (n == 0) return -1;
    for (int j = 0; j < n; j++) {
        rlDb *db = &s->db[b[j].dbid];
        b[j].unlinked = NULL;
        if (volatile_only) {
            b[j].live = dictFind(db->expires, b[j].key, sdslen(b[j].key)) != NULL;
        } else {
            b[j].unlinked = dictUnlink(db->keys, b[j].key, sdslen(b[j].key));
            b[j].live = b[j].unlinked != NULL;
            if (b[j].live) __builtin_prefetch(keyVal(b[j].unlinked)); /* evictKey frees it */
        }
    }
    int evicted = 0;
    for (int j = 0; j < n; j++) {
        if (!b[j].live) continue;
        evictKey(s, &s->db[b[j].dbid], b[j].key, b[j].unlinked);
        evicted++;
    }
    return evicted;
}

/* A random key of a database (round robin over the non-empty ones), for the random
 * policies. */
static rlDb *randomPick(rlServer *s, sds *out) {
    int volatile_only = !(s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS);
    for (int i = 0; i < RL_DBNUM; i++) {
        rlDb *db = &s->db[(unsigned)(++s->evict_next_db) % RL_DBNUM];
        dict *d = volatile_only ? db->expires : db->keys;
        if (dictSize(d) == 0) continue;
        dictEntry *de = dictGetRandomKey(d, &s->rng);
        if (!de) continue;
        sdsclear(*out);
        *out = sdscatlen(*out, de->key, de->keylen);
        return db;
    }
    return NULL;
}

/* Evict one key: delete it (its value freed now, or queued for lazy free when big) and
 * tell WATCHers and keyspace-notification subscribers ("evicted"). 'unlinked' is its entry
 * when evictBatch already took it out of db->keys, else NULL (and a key that is no longer
 * there is left alone: a batch of a volatile policy may hold a key twice). */
static void evictKey(rlServer *s, rlDb *db, const sds key, dictEntry *unlinked) {
    if (unlinked) {
        if (dictSize(db->expires)) dictDelete(db->expires, key, sdslen(key));
        dictFreeUnlinkedEntry(db->keys, unlinked);
    } else if (!dbDelete(db, key, sdslen(key))) {
        return;
    }
    s->stats.evicted_keys++;
    signalModifiedKey(NULL, db, key, sdslen(key));
    notifyKeyspaceEvent(NOTIFY_EVICTED, "evicted", key, sdslen(key), db);
}

int performEvictions(rlServer *s) {
    if (!overMemory(s) && !overKeys(s)) return EVICT_OK;
    if (s->maxmemory_policy == MAXMEMORY_NO_EVICTION) return EVICT_FAIL;
    long long limit = evictTimeLimitUs(s);
    long long start = rlServerClockUs(s);
    s->clock_ms = start / 1000;
    s->lru_clock_now = lruClockFromMs(s->clock_ms);
    if (!s->evict_key) s->evict_key = sdsempty();
    int pooled = (s->maxmemory_policy & (MAXMEMORY_FLAG_LRU | MAXMEMORY_FLAG_LFU)) ||
                 s->maxmemory_policy == MAXMEMORY_VOLATILE_TTL;
    int nothing = 0; /* no key left that the policy may evict */
    long turns = 0;
    int low_mem = aboveLowMemory(s), low_keys = aboveLowKeys(s);
    while (low_mem || low_keys) {
        if (low_mem && !low_keys && s->lazyfree_head) {
            /* a value evicted (or unlinked) earlier is still being freed: finish that
             * before evicting more keys than needed */
            lazyfreeStep(s, EVICT_LAZYFREE_STEP);
        } else if (pooled) {
            if (evictBatch(s, batchSize(s)) < 0) nothing = 1;
        } else {
            rlDb *db = randomPick(s, &s->evict_key);
            if (db)
                evictKey(s, db, s->evict_key, NULL);
            else
                nothing = 1;
        }
        if (nothing) break;
        /* a batch is up to EVICT_BATCH keys: read the clock every turn then */
        if ((pooled || ++turns % EVICT_CLOCK_CHECK == 0) && limit >= 0 &&
            rlServerClockUs(s) - start > limit)
            break;
        low_mem = aboveLowMemory(s);
        low_keys = aboveLowKeys(s);
    }
    if (!overMemory(s) && !overKeys(s)) return EVICT_OK;
    if (nothing) return s->lazyfree_head ? EVICT_RUNNING : EVICT_FAIL;
    return EVICT_RUNNING; /* out of time: the cron goes on */
}
