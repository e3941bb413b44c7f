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
 * 'maxkeys' against the number of keys in all databases. Each step evicts until under both
 * or until its time budget (maxmemory-eviction-tenacity, as Redis: 500 us by default) is
 * spent; big values go to the lazy-free queue, so the step drives that queue first. */
#include "server.h"

#include <math.h>
#include <string.h>

/* Candidates kept between eviction steps (Redis's EVPOOL_SIZE). */
#define EVPOOL_SIZE 16
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
} evictionPoolEntry;

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
static void poolInsert(evictionPoolEntry *p, unsigned long long idle, int dbid, const char *key,
                       size_t len) {
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
        if (candidateScore(s, db, samples[j], &idle) == 0)
            poolInsert(p, idle, db->id, samples[j]->key, samples[j]->keylen);
    }
}

/* The best candidate still present, taken out of the pool: its key is copied into 'out'
 * (an sds the caller owns) and its database returned; NULL when there is none. For the
 * allkeys policies the key's entry is already unlinked from db->keys into '*unlinked' (one
 * lookup instead of a check and then a delete), for evictKey to finish. */
static rlDb *poolPick(rlServer *s, sds *out, dictEntry **unlinked) {
    int volatile_only = !(s->maxmemory_policy & MAXMEMORY_FLAG_ALLKEYS);
    for (;;) {
        int any = 0;
        for (int i = 0; i < RL_DBNUM; i++) {
            rlDb *db = &s->db[i];
            dict *d = volatile_only ? db->expires : db->keys;
            if (dictSize(d) == 0) continue;
            any = 1;
            poolPopulate(s, db, d);
        }
        if (!any) return NULL;
        evictionPoolEntry *p = pool(s);
        for (int k = EVPOOL_SIZE - 1; k >= 0; k--) {
            if (!p[k].used) continue;
            p[k].used = 0;
            rlDb *db = &s->db[p[k].dbid];
            if (volatile_only) {
                if (!dictFind(db->expires, p[k].key, sdslen(p[k].key))) continue; /* gone */
                *unlinked = NULL;
            } else {
                *unlinked = dictUnlink(db->keys, p[k].key, sdslen(p[k].key));
                if (!*unlinked) continue;                  /* gone since sampled */
                __builtin_prefetch(dictGetVal(*unlinked)); /* evictKey frees it */
            }
            sdsclear(*out);
            *out = sdscatlen(*out, p[k].key, sdslen(p[k].key));
            return db;
        }
    }
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
 * when poolPick already took it out of db->keys, else NULL. */
static void evictKey(rlServer *s, rlDb *db, const sds key, dictEntry *unlinked) {
    if (unlinked) {
        if (dictSize(db->expires)) dictDelete(db->expires, key, sdslen(key));
        dictFreeUnlinkedEntry(db->keys, unlinked);
    } else {
        dbDelete(db, key, sdslen(key));
    }
    s->stats.evicted_keys++;
    signalModifiedKey(NULL, db, key, sdslen(key));
    notifyKeyspaceEvent(NOTIFY_EVICTED, "evicted", key, sdslen(key), db);
}

int performEvictions(rlServer *s) {
    int over_mem = overMemory(s), over_keys = overKeys(s);
    if (!over_mem && !over_keys) return EVICT_OK;
    if (s->maxmemory_policy == MAXMEMORY_NO_EVICTION) return EVICT_FAIL;
    long long limit = evictTimeLimitUs(s);
    long long start = rlServerClockUs(s);
    s->clock_ms = start / 1000;
    s->lru_clock_now = lruClockFromMs(s->clock_ms);
    if (!s->evict_key) s->evict_key = sdsempty();
    long n = 0;
    while (over_mem || over_keys) {
        if (over_mem && !over_keys && s->lazyfree_head) {
            /* a value evicted (or unlinked) earlier is still being freed: finish that
             * before evicting more keys than needed */
            lazyfreeStep(s, EVICT_LAZYFREE_STEP);
        } else {
            dictEntry *unlinked = NULL;
            rlDb *db = (s->maxmemory_policy & (MAXMEMORY_FLAG_LRU | MAXMEMORY_FLAG_LFU)) ||
                               s->maxmemory_policy == MAXMEMORY_VOLATILE_TTL
                           ? poolPick(s, &s->evict_key, &unlinked)
                           : randomPick(s, &s->evict_key);
            if (!db) return s->lazyfree_head ? EVICT_RUNNING : EVICT_FAIL;
            evictKey(s, db, s->evict_key, unlinked);
        }
        if (++n % EVICT_CLOCK_CHECK == 0 && limit >= 0 && rlServerClockUs(s) - start > limit)
            return EVICT_RUNNING;
        over_mem = overMemory(s);
        over_keys = overKeys(s);
    }
    return EVICT_OK;
}
