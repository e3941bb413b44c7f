/* test_dict.c -- unit tests for dict.c: basics with binary keys, bounded incremental
 * rehashing, SCAN across resizes, iterators, sampling, destructors. */
#include "test_help.h"
#include "dict.h"

#include <stdint.h>
#include <stdlib.h>

/* Prototypes (-Wmissing-prototypes); "extern" keeps them out of the runner's test list. */
extern int test_dict_create_empty(void);
extern int test_dict_binary_keys(void);
extern int test_dict_long_key(void);
extern int test_dict_duplicate_add(void);
extern int test_dict_hash_keyed(void);
extern int test_dict_growth_bounded_rehash(void);
extern int test_dict_rehash_empty_visit_bound(void);
extern int test_dict_scan_guarantee_across_resizes(void);
extern int test_dict_scan_stable(void);
extern int test_dict_safe_iterator_delete(void);
extern int test_dict_unsafe_iterator(void);
extern int test_dict_random_keys(void);
extern int test_dict_destructor_counts(void);
extern int test_dict_unlink(void);
extern int test_dict_resize_policy(void);
extern int test_dict_empty_reuse(void);
extern int test_dict_rand_next(void);
extern int test_dict_entry_sizes_and_values(void);
extern int test_dict_some_keys_walks_chains_in_order(void);
extern int test_dict_sample_keys_at_sweeps(void);

#define SEED0 UINT64_C(0x0706050403020100)
#define SEED1 UINT64_C(0x0f0e0d0c0b0a0908)

/* Bucket window one rehash step may advance over: DICT_REHASH_STEP moves plus the empty
 * buckets it may skip. */
#define STEP_WINDOW (DICT_REHASH_STEP * (DICT_REHASH_EMPTY_VISITS + 1))

/* Format "<prefix><i>" into buf; return its length. */
static size_t mkKey(char *buf, size_t cap, const char *prefix, long i) {
    int n = snprintf(buf, cap, "%s%ld", prefix, i);
    return n > 0 ? (size_t)n : 0;
}

/* Parse the number after the first ':' of a key made by mkKey, or -1. */
static long keyId(const dictEntry *de) {
    const char *p = memchr(de->key, ':', de->keylen);
    return p ? strtol(p + 1, NULL, 10) : -1;
}

/* Destructor counting calls: privdata is a counter, the entry value (if set) a per-entry
 * counter. */
static void countingDestructor(void *privdata, dictEntry *de) {
    (*(long *)privdata)++;
    if (dictGetVal(de)) (*(int *)dictGetVal(de))++;
}

static const dictType countingType = {countingDestructor, NULL, NULL, NULL, 0, NULL};
static const dictType plainType = {NULL, NULL, NULL, NULL, 0, NULL};

/* Finish any rehash in progress. */
static void rehashAll(dict *d) {
    while (dictRehash(d, 1000)) {
    }
}

int test_dict_create_empty(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    TEST_ASSERT(d->table[0] == NULL && d->table[1] == NULL);
    TEST_ASSERT(d->size[0] == 0 && dictSize(d) == 0 && !dictIsRehashing(d));
    TEST_ASSERT(dictFind(d, "a", 1) == NULL);
    TEST_ASSERT(dictDelete(d, "a", 1) == DICT_ERR);
    TEST_ASSERT(dictUnlink(d, "a", 1) == NULL);
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_ERR);
    TEST_ASSERT(dictRehash(d, 10) == 0);
    TEST_ASSERT(dictAdd(d, "a", 1, NULL) == DICT_OK);
    TEST_ASSERT(d->size[0] == (1UL << DICT_HT_INITIAL_EXP) && !dictIsRehashing(d));
    dictRelease(d);
    dictRelease(NULL);
    return 0;
}

int test_dict_binary_keys(void) {
    static const char k1[] = {'a', '\0', 'b'};
    static const char k2[] = {'a', '\0', 'c'};
    static const char k3[] = {'\0'};
    static const char k4[] = {'a'};
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    int v1, v2, v3, v4, v5;
    TEST_ASSERT(dictAdd(d, k1, sizeof(k1), &v1) == DICT_OK);
    TEST_ASSERT(dictAdd(d, k2, sizeof(k2), &v2) == DICT_OK);
    TEST_ASSERT(dictAdd(d, k3, sizeof(k3), &v3) == DICT_OK);
    TEST_ASSERT(dictAdd(d, k4, sizeof(k4), &v4) == DICT_OK);
    TEST_ASSERT(dictAdd(d, "", 0, &v5) == DICT_OK);
    TEST_ASSERT(dictSize(d) == 5);

    dictEntry *de = dictFind(d, k1, sizeof(k1));
    TEST_ASSERT(de && dictGetVal(de) == &v1 && de->keylen == 3);
    TEST_ASSERT(memcmp(de->key, k1, 3) == 0);
    TEST_ASSERT(dictGetVal(dictFind(d, k2, sizeof(k2))) == &v2);
    TEST_ASSERT(dictGetVal(dictFind(d, k3, sizeof(k3))) == &v3);
    TEST_ASSERT(dictGetVal(dictFind(d, k4, sizeof(k4))) == &v4);
    de = dictFind(d, NULL, 0);
    TEST_ASSERT(de && dictGetVal(de) == &v5 && de->keylen == 0);
    TEST_ASSERT(dictFind(d, "a", 2) == NULL); /* "a\0" */
    TEST_ASSERT(dictFind(d, k1, 2) == NULL);

    TEST_ASSERT(dictDelete(d, k1, sizeof(k1)) == DICT_OK);
    TEST_ASSERT(dictDelete(d, k1, sizeof(k1)) == DICT_ERR);
    TEST_ASSERT(dictFind(d, k1, sizeof(k1)) == NULL);
    TEST_ASSERT(dictGetVal(dictFind(d, k2, sizeof(k2))) == &v2);
    TEST_ASSERT(dictDelete(d, "", 0) == DICT_OK);
    TEST_ASSERT(dictFind(d, "", 0) == NULL);
    TEST_ASSERT(dictSize(d) == 3);

    /* Values are a union: integers and doubles round-trip. */
    de = dictFind(d, k2, sizeof(k2));
    dictSetS64(de, -42);
    TEST_ASSERT(dictGetS64(dictFind(d, k2, sizeof(k2))) == -42);
    dictSetDouble(de, 2.5);
    TEST_ASSERT(dictGetDouble(dictFind(d, k2, sizeof(k2))) == 2.5);
    dictRelease(d);
    return 0;
}

int test_dict_long_key(void) {
    size_t len = 1 << 20;
    char *big = malloc(len);
    TEST_ASSERT(big != NULL);
    for (size_t i = 0; i < len; i++)
        big[i] = (char)(i * 31);
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    dictEntry *de = dictAddRaw(d, big, len, NULL);
    TEST_ASSERT(de && de->keylen == len && memcmp(de->key, big, len) == 0);
    TEST_ASSERT(dictFind(d, big, len) == de);
    TEST_ASSERT(dictFind(d, big, len - 1) == NULL);
    big[len - 1] ^= 1;
    TEST_ASSERT(dictFind(d, big, len) == NULL);
#if SIZE_MAX > UINT32_MAX
    /* Longer than a uint32_t keylen: rejected without reading the bytes. */
    dictEntry *existing = de;
    TEST_ASSERT(dictAddRaw(d, big, (size_t)UINT32_MAX + 1, &existing) == NULL);
    TEST_ASSERT(existing == NULL);
    TEST_ASSERT(dictFind(d, big, (size_t)UINT32_MAX + 1) == NULL);
    TEST_ASSERT(dictDelete(d, big, (size_t)UINT32_MAX + 1) == DICT_ERR);
#endif
    TEST_ASSERT(dictSize(d) == 1);
    dictRelease(d);
    free(big);
    return 0;
}

int test_dict_duplicate_add(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    dictEntry *de = dictAddRaw(d, "key", 3, NULL);
    TEST_ASSERT(de != NULL && dictGetU64(de) == 0);
    dictSetU64(de, 7);
    dictEntry *existing = NULL;
    TEST_ASSERT(dictAddRaw(d, "key", 3, &existing) == NULL);
    TEST_ASSERT(existing == de && dictGetU64(existing) == 7);
    TEST_ASSERT(dictAddRaw(d, "key", 3, NULL) == NULL);
    TEST_ASSERT(dictAdd(d, "key", 3, NULL) == DICT_ERR);
    TEST_ASSERT(dictSize(d) == 1);
    /* Duplicates are detected in both tables while rehashing. */
    char buf[32];
    for (long i = 0; i < 100; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", i), NULL);
    for (long i = 0; i < 100; i++) {
        size_t n = mkKey(buf, sizeof(buf), "k:", i);
        existing = NULL;
        TEST_ASSERT(dictAddRaw(d, buf, n, &existing) == NULL && existing != NULL);
        TEST_ASSERT(existing->keylen == n && memcmp(existing->key, buf, n) == 0);
    }
    TEST_ASSERT(dictSize(d) == 101);
    dictRelease(d);
    return 0;
}

int test_dict_hash_keyed(void) {
    dict *a = dictCreate(&plainType, NULL, SEED0, SEED1);
    dict *b = dictCreate(&plainType, NULL, SEED0 + 1, SEED1);
    dict *c = dictCreate(&plainType, NULL, SEED0, SEED1);
    static const char msg[] = "hello world, a key longer than sixteen bytes";
    for (size_t n = 0; n < sizeof(msg); n++) {
        TEST_ASSERT(dictHashKey(a, msg, n) == dictHashKey(c, msg, n));
        TEST_ASSERT(dictHashKey(a, msg, n) != dictHashKey(b, msg, n));
        if (n) TEST_ASSERT(dictHashKey(a, msg, n) != dictHashKey(a, msg, n - 1));
    }
    /* SipHash-1-2 regression values, key 00..0f, message 00 01 02 ... (the code is checked
     * against the SipHash-2-4 reference vectors with the round counts overridden). */
    unsigned char m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (unsigned char)i;
    TEST_ASSERT(dictHashKey(a, m, 0) == UINT64_C(0xcea28b51565c12e2));
    TEST_ASSERT(dictHashKey(a, m, 7) == UINT64_C(0xf03c4cbcf492b05a));
    TEST_ASSERT(dictHashKey(a, m, 8) == UINT64_C(0x606845b4d093af74));
    TEST_ASSERT(dictHashKey(a, m, 15) == UINT64_C(0xec8f61bc1c8966a6));
    dictRelease(a);
    dictRelease(b);
    dictRelease(c);
    return 0;
}

/* Most buckets a snapshot records: enough for dictRehash(d, 4). */
#define SNAP_MAX (4 * (DICT_REHASH_EMPTY_VISITS + 1))

/* State captured before an operation, to check how many buckets it moved. */
typedef struct {
    int rehashing;
    dictEntry ***t0;
    long r0;
    unsigned long used0;
    unsigned long win; /* buckets of table[0] captured from r0 */
    unsigned long chain[SNAP_MAX];
} stepSnap;

/* Record the chain lengths of table[0]'s buckets [rehashidx, rehashidx + win). */
static void snapTake(const dict *d, stepSnap *s, unsigned long win) {
    s->rehashing = dictIsRehashing(d);
    s->t0 = d->table[0];
    s->r0 = d->rehashidx;
    s->used0 = d->used[0];
    s->win = 0;
    if (!s->rehashing) return;
    for (unsigned long i = (unsigned long)s->r0; i < d->size[0] && s->win < win; i++) {
        unsigned long n = 0;
        for (dictEntry *de = dictBucket(d, 0, i); de; de = de->next)
            n++;
        s->chain[s->win++] = n;
    }
}

/* Check that the operation since snapTake(d, s, steps * (DICT_REHASH_EMPTY_VISITS + 1))
 * moved at most 'steps' non-empty buckets and skipped at most steps *
 * DICT_REHASH_EMPTY_VISITS empty ones (the window). Returns 0 if so, else a reason code. */
static int snapCheck(const dict *d, const stepSnap *s, unsigned long steps) {
    if (!s->rehashing) {
        /* An operation that starts a rehash moves nothing. */
        return (d->rehashidx == -1 || d->rehashidx == 0) ? 0 : 1;
    }
    int same = d->table[0] == s->t0 && dictIsRehashing(d);
    unsigned long upto, nonempty = 0, entries = 0;
    if (same) {
        if (d->rehashidx < s->r0) return 2;
        upto = (unsigned long)(d->rehashidx - s->r0);
        if (upto > s->win) return 3;
    } else {
        /* The rehash finished: everything left must have been inside the window. */
        upto = s->win;
    }
    for (unsigned long i = 0; i < upto; i++) {
        if (s->chain[i]) nonempty++;
        entries += s->chain[i];
    }
    if (nonempty > steps) return 4;
    if (same ? s->used0 - d->used[0] != entries : entries != s->used0) return 5;
    return 0;
}

int test_dict_growth_bounded_rehash(void) {
    const long n = 1000000;
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    stepSnap s;
    long rehashingAdds = 0, rehashesStarted = 0;
    for (long i = 0; i < n; i++) {
        size_t len = mkKey(buf, sizeof(buf), "key:", i);
        snapTake(d, &s, STEP_WINDOW);
        dictEntry *de = dictAddRaw(d, buf, len, NULL);
        TEST_ASSERT(de != NULL);
        dictSetS64(de, i);
        TEST_ASSERT(snapCheck(d, &s, DICT_REHASH_STEP) == 0);
        if (s.rehashing) rehashingAdds++;
        if (!s.rehashing && dictIsRehashing(d)) rehashesStarted++;
        /* While rehashing, new entries go to table[1]. */
        if (dictIsRehashing(d)) TEST_ASSERT(d->used[1] > 0);
        if ((i & 1023) == 0) {
            /* Lookups and deletes obey the same bound. */
            snapTake(d, &s, STEP_WINDOW);
            TEST_ASSERT(dictFind(d, buf, len) == de);
            TEST_ASSERT(snapCheck(d, &s, DICT_REHASH_STEP) == 0);
            snapTake(d, &s, STEP_WINDOW);
            TEST_ASSERT(dictFind(d, "absent", 6) == NULL);
            TEST_ASSERT(snapCheck(d, &s, DICT_REHASH_STEP) == 0);
        }
    }
    TEST_ASSERT(dictSize(d) == (unsigned long)n);
    /* growths from 512 buckets on are incremental (smaller tables are rehashed at once) */
    TEST_ASSERT(rehashesStarted >= 10 && rehashingAdds > n / 2);
    for (long i = 0; i < n; i++) {
        size_t len = mkKey(buf, sizeof(buf), "key:", i);
        dictEntry *de = dictFind(d, buf, len);
        TEST_ASSERT(de != NULL && dictGetS64(de) == i);
    }
    rehashAll(d);
    /* Load factor 1: the table ends as the power of two above the element count. */
    TEST_ASSERT(d->size[0] >= (unsigned long)n && d->size[0] <= 4UL * (unsigned long)n);
    for (long i = 0; i < n; i += 2) {
        size_t len = mkKey(buf, sizeof(buf), "key:", i);
        snapTake(d, &s, STEP_WINDOW);
        TEST_ASSERT(dictDelete(d, buf, len) == DICT_OK);
        TEST_ASSERT(snapCheck(d, &s, DICT_REHASH_STEP) == 0);
    }
    TEST_ASSERT(dictSize(d) == (unsigned long)n / 2);
    dictRelease(d);
    return 0;
}

int test_dict_rehash_empty_visit_bound(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    const long n = 4096;
    for (long i = 0; i < n; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", i), NULL);
    rehashAll(d);
    unsigned long size = d->size[0], mask = size - 1;
    TEST_ASSERT(size >= 4096);
    /* Keep only keys whose bucket is >= 200, and few enough of them that the table must
     * shrink: the shrink rehash then starts with 200 empty buckets. */
    long kept = 0;
    for (long i = 0; i < n; i++) {
        size_t len = mkKey(buf, sizeof(buf), "k:", i);
        unsigned long idx = (unsigned long)dictHashKey(d, buf, len) & mask;
        if (idx < 200 || kept >= (long)(size / DICT_SHRINK_RATIO) - 1)
            TEST_ASSERT(dictDelete(d, buf, len) == DICT_OK);
        else
            kept++;
    }
    TEST_ASSERT(kept > 0 && !dictIsRehashing(d));
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_OK);
    TEST_ASSERT(dictIsRehashing(d) && d->rehashidx == 0 && d->size[1] < d->size[0]);

    /* Paused: nothing moves. */
    d->pauserehash++;
    TEST_ASSERT(dictRehash(d, 100) == 1 && d->rehashidx == 0);
    d->pauserehash--;

    /* n = 1: ten empty buckets, nothing moved. */
    TEST_ASSERT(dictRehash(d, 1) == 1);
    TEST_ASSERT(d->rehashidx == DICT_REHASH_EMPTY_VISITS && d->used[0] == (unsigned long)kept);
    /* n = 3: thirty more. */
    TEST_ASSERT(dictRehash(d, 3) == 1);
    TEST_ASSERT(d->rehashidx == 4 * DICT_REHASH_EMPTY_VISITS);
    TEST_ASSERT(d->used[0] == (unsigned long)kept);
    TEST_ASSERT(dictRehash(d, 0) == 1 && d->rehashidx == 4 * DICT_REHASH_EMPTY_VISITS);

    /* From now on every call obeys: at most n buckets moved, n*10 empty ones skipped. */
    stepSnap s;
    int calls = 0, more = 1;
    while (more) {
        unsigned long steps = 1 + (unsigned long)calls % 4;
        snapTake(d, &s, steps * (DICT_REHASH_EMPTY_VISITS + 1));
        more = dictRehash(d, (int)steps);
        TEST_ASSERT(more == dictIsRehashing(d));
        TEST_ASSERT(snapCheck(d, &s, steps) == 0);
        TEST_ASSERT(++calls < 100000);
    }
    TEST_ASSERT(dictSize(d) == (unsigned long)kept);
    TEST_ASSERT(d->size[0] < size && d->size[0] >= (unsigned long)kept);
    dictRelease(d);
    return 0;
}

/* SCAN bookkeeping: how often each "o:<id>" key was returned. */
typedef struct {
    int *seen;
    long n;
    long calls;
} scanState;

/* dictScan callback: count original keys. */
static void scanCount(void *privdata, const dictEntry *de) {
    scanState *st = privdata;
    st->calls++;
    if (de->keylen >= 2 && de->key[0] == 'o' && de->key[1] == ':') {
        long id = keyId(de);
        if (id >= 0 && id < st->n) st->seen[id]++;
    }
}

/* One SCAN pass over 'n' original keys while 'extra' keys are added (the table grows
 * mid-scan), then deleted and the table shrunk (mid-scan too). Returns 0 on success. */
static int scanAcrossResizes(long n, long extra, unsigned long perStep, uint64_t seed) {
    dict *d = dictCreate(&plainType, NULL, seed, ~seed);
    char buf[32];
    scanState st = {calloc((size_t)n, sizeof(int)), n, 0};
    TEST_ASSERT(st.seen != NULL);
    for (long i = 0; i < n; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    rehashAll(d);
    long added = 0, deleted = 0, steps = 0, growingSteps = 0, shrinkingSteps = 0;
    int shrunk = 0;
    unsigned long cursor = 0;
    do {
        cursor = dictScan(d, cursor, scanCount, &st);
        steps++;
        if (dictIsRehashing(d)) {
            if (d->size[1] > d->size[0])
                growingSteps++;
            else
                shrinkingSteps++;
        }
        if (steps >= 4 && added < extra) {
            /* Phase 1: grow (each add does one rehash step, so scans see two tables). */
            for (unsigned long k = 0; k < perStep && added < extra; k++, added++)
                dictAdd(d, buf, mkKey(buf, sizeof(buf), "x:", added), NULL);
        } else if (added == extra && deleted < extra) {
            /* Phase 2: delete the extra keys again. */
            for (unsigned long k = 0; k < perStep && deleted < extra; k++, deleted++)
                TEST_ASSERT(dictDelete(d, buf, mkKey(buf, sizeof(buf), "x:", deleted)) == DICT_OK);
        } else if (deleted == extra) {
            /* Phase 3: shrink, then rehash slowly so scans straddle both tables. */
            if (!shrunk && !dictIsRehashing(d) && dictResizeIfNeeded(d) == DICT_OK) shrunk = 1;
            dictRehash(d, 1);
        }
        TEST_ASSERT(steps < 10000000);
    } while (cursor != 0);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(st.seen[i] >= 1);
    TEST_ASSERT(dictSize(d) == (unsigned long)(n + added - deleted));
    TEST_ASSERT(d->pauserehash == 0);
    free(st.seen);
    dictRelease(d);
    /* The run must really have scanned during both a growth and a shrink. */
    TEST_ASSERT(added == extra && growingSteps > 0);
    TEST_ASSERT(deleted == extra && shrunk && shrinkingSteps > 0);
    return 0;
}

int test_dict_scan_guarantee_across_resizes(void) {
    /* 'extra' is large enough for the originals alone to be under 1/8 of the grown table. */
    TEST_ASSERT(scanAcrossResizes(1000, 7000, 20, 1) == 0);
    TEST_ASSERT(scanAcrossResizes(500, 20000, 100, 2) == 0);
    TEST_ASSERT(scanAcrossResizes(3000, 30000, 60, 3) == 0);
    for (uint64_t seed = 10; seed < 20; seed++) {
        long n = 200 + (long)seed * 37;
        TEST_ASSERT(scanAcrossResizes(n, 16 * n, (unsigned long)n / 10, seed) == 0);
    }
    return 0;
}

int test_dict_scan_stable(void) {
    /* No resize: every key exactly once. */
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    const long n = 5000;
    scanState st = {calloc((size_t)n, sizeof(int)), n, 0};
    TEST_ASSERT(st.seen != NULL);
    TEST_ASSERT(dictScan(d, 0, scanCount, &st) == 0 && st.calls == 0);
    for (long i = 0; i < n; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    rehashAll(d);
    unsigned long cursor = 0, steps = 0;
    do {
        cursor = dictScan(d, cursor, scanCount, &st);
        steps++;
    } while (cursor != 0);
    TEST_ASSERT(steps == d->size[0]);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(st.seen[i] == 1);
    free(st.seen);
    dictRelease(d);
    return 0;
}

int test_dict_safe_iterator_delete(void) {
    for (int rehashing = 0; rehashing < 2; rehashing++) {
        dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
        char buf[32];
        const long n = 3000;
        int *seen = calloc((size_t)n, sizeof(int));
        TEST_ASSERT(seen != NULL);
        for (long i = 0; i < n; i++)
            dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
        if (rehashing) {
            /* Grow by a few adds so the iteration starts mid-rehash. */
            rehashAll(d);
            long i = n;
            while (!dictIsRehashing(d)) {
                TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL) == DICT_OK);
                TEST_ASSERT(dictDelete(d, buf, mkKey(buf, sizeof(buf), "o:", i)) == DICT_OK);
                TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "z:", i), NULL) == DICT_OK);
                i++;
            }
            dictRehash(d, 10);
            TEST_ASSERT(dictIsRehashing(d));
        }
        unsigned long total = dictSize(d);
        long r0 = d->rehashidx;
        dictIterator *it = dictGetSafeIterator(d);
        dictEntry *de;
        unsigned long visited = 0, removed = 0;
        while ((de = dictNext(it)) != NULL) {
            TEST_ASSERT(d->pauserehash == 1);
            visited++;
            long id = keyId(de);
            if (de->key[0] == 'o') {
                TEST_ASSERT(id >= 0 && id < n);
                seen[id]++;
            }
            if (id % 2 == 0) {
                /* Delete the current entry: a copy of the key, as the entry is freed. */
                char k[32];
                size_t kl = de->keylen;
                memcpy(k, de->key, kl);
                TEST_ASSERT(dictDelete(d, k, kl) == DICT_OK);
                removed++;
            }
            /* Rehashing stays paused: lookups move nothing. */
            TEST_ASSERT(d->rehashidx == r0);
            TEST_ASSERT(dictFind(d, "o:1", 3) != NULL);
        }
        TEST_ASSERT(dictNext(it) == NULL);
        dictReleaseIterator(it);
        TEST_ASSERT(d->pauserehash == 0);
        TEST_ASSERT(visited == total && dictSize(d) == total - removed);
        for (long i = 0; i < n; i++)
            TEST_ASSERT(seen[i] == 1);
        for (long i = 0; i < n; i++) {
            dictEntry *f = dictFind(d, buf, mkKey(buf, sizeof(buf), "o:", i));
            TEST_ASSERT((f != NULL) == (i % 2 == 1));
        }
        free(seen);
        dictRelease(d);
    }
    /* A safe iterator released before/after its first dictNext leaves no pause behind. */
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    dictReleaseIterator(dictGetSafeIterator(d));
    TEST_ASSERT(d->pauserehash == 0);
    dictIterator *it = dictGetSafeIterator(d);
    TEST_ASSERT(dictNext(it) == NULL);
    dictReleaseIterator(it);
    TEST_ASSERT(d->pauserehash == 0);
    dictReleaseIterator(NULL);
    dictRelease(d);
    return 0;
}

int test_dict_unsafe_iterator(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    int *seen = calloc(4096, sizeof(int));
    long n = 0;
    TEST_ASSERT(seen != NULL);
    /* At least 700 keys, and stop while a rehash is in progress (both tables visited). */
    while (n < 700 || !dictIsRehashing(d)) {
        TEST_ASSERT(n < 4096);
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", n), NULL);
        n++;
    }
    TEST_ASSERT(d->used[0] > 0 && d->used[1] > 0);
    dictIterator *it = dictGetIterator(d);
    dictEntry *de;
    long count = 0;
    while ((de = dictNext(it)) != NULL) {
        TEST_ASSERT(d->pauserehash == 0);
        seen[keyId(de)]++;
        count++;
    }
    dictReleaseIterator(it);
    TEST_ASSERT(count == n);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(seen[i] == 1);
    free(seen);
    dictRelease(d);
    return 0;
}

/* Which table holds 'de' (0 or 1), or -1. */
static int tableOf(dict *d, const dictEntry *de) {
    uint64_t h = dictHashKey(d, de->key, de->keylen);
    for (int t = 0; t < 2; t++) {
        if (d->size[t] == 0) continue;
        for (dictEntry *e = dictBucket(d, t, h & (d->size[t] - 1)); e; e = e->next)
            if (e == de) return t;
    }
    return -1;
}

int test_dict_random_keys(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    uint64_t rng = 12345;
    dictEntry *des[64];
    char buf[32];
    TEST_ASSERT(dictGetRandomKey(d, &rng) == NULL);
    TEST_ASSERT(dictGetSomeKeys(d, des, 10, &rng) == 0);

    /* Small dict: every key eventually drawn, and only members. */
    const long n = 10;
    int seen[10] = {0};
    for (long i = 0; i < n; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    for (int j = 0; j < 2000; j++) {
        dictEntry *de = dictGetRandomKey(d, &rng);
        TEST_ASSERT(de != NULL && dictFind(d, de->key, de->keylen) == de);
        seen[keyId(de)]++;
    }
    for (long i = 0; i < n; i++)
        TEST_ASSERT(seen[i] > 0);
    unsigned int got = dictGetSomeKeys(d, des, 64, &rng);
    TEST_ASSERT(got >= 1 && got <= (unsigned int)n);
    for (unsigned int j = 0; j < got; j++)
        TEST_ASSERT(dictFind(d, des[j]->key, des[j]->keylen));
    TEST_ASSERT(dictGetSomeKeys(d, des, 0, &rng) == 0);

    /* Larger dict, sampled while rehashing in both directions. */
    for (long i = n; i < 5000; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    for (int j = 0; j < 1000; j++) {
        dictEntry *de = dictGetRandomKey(d, &rng);
        TEST_ASSERT(de != NULL && dictFind(d, de->key, de->keylen) == de);
        got = dictGetSomeKeys(d, des, 20, &rng);
        TEST_ASSERT(got <= 20);
        for (unsigned int k = 0; k < got; k++)
            TEST_ASSERT(dictFind(d, des[k]->key, des[k]->keylen) == des[k]);
    }
    rehashAll(d);

    /* Mid-rehash (paused halfway), samples come from both tables. */
    long m = 5000;
    while (!dictIsRehashing(d))
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", m++), NULL);
    while (d->used[0] > d->used[1])
        dictRehash(d, 1);
    d->pauserehash++;
    long fromT[2] = {0, 0}, someT[2] = {0, 0};
    for (int j = 0; j < 400; j++) {
        int t = tableOf(d, dictGetRandomKey(d, &rng));
        TEST_ASSERT(t == 0 || t == 1);
        fromT[t]++;
        got = dictGetSomeKeys(d, des, 4, &rng);
        for (unsigned int k = 0; k < got; k++) {
            t = tableOf(d, des[k]);
            TEST_ASSERT(t == 0 || t == 1);
            someT[t]++;
        }
    }
    TEST_ASSERT(fromT[0] > 0 && fromT[1] > 0 && someT[0] > 0 && someT[1] > 0);
    d->pauserehash--;
    rehashAll(d);
    for (long i = 5000; i < m; i++)
        TEST_ASSERT(dictDelete(d, buf, mkKey(buf, sizeof(buf), "o:", i)) == DICT_OK);
    for (long i = 0; i < 4990; i++)
        TEST_ASSERT(dictDelete(d, buf, mkKey(buf, sizeof(buf), "o:", i)) == DICT_OK);
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_OK && dictIsRehashing(d));
    d->pauserehash++; /* keep the shrink rehash in progress */
    int hits = 0;
    for (int j = 0; j < 1000; j++) {
        dictEntry *de = dictGetRandomKey(d, &rng);
        TEST_ASSERT(de != NULL && keyId(de) >= 4990);
        got = dictGetSomeKeys(d, des, 5, &rng);
        TEST_ASSERT(got <= 5);
        for (unsigned int k = 0; k < got; k++)
            TEST_ASSERT(keyId(des[k]) >= 4990);
        hits += got > 0;
    }
    TEST_ASSERT(hits > 0);
    d->pauserehash--;
    rehashAll(d);

    /* One key in a huge sparse table: dictGetRandomKey still finds it. */
    dictEmpty(d);
    for (long i = 0; i < 100000; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    rehashAll(d);
    for (long i = 1; i < 100000; i++)
        dictDelete(d, buf, mkKey(buf, sizeof(buf), "o:", i));
    TEST_ASSERT(dictSize(d) == 1 && d->size[0] >= 100000);
    for (int j = 0; j < 20; j++) {
        dictEntry *de = dictGetRandomKey(d, &rng);
        TEST_ASSERT(de != NULL && de->keylen == 3 && memcmp(de->key, "o:0", 3) == 0);
    }
    got = dictGetSomeKeys(d, des, 3, &rng); /* bounded: may well find nothing */
    TEST_ASSERT(got <= 1);
    dictRelease(d);
    return 0;
}

int test_dict_destructor_counts(void) {
    long calls = 0;
    const long n = 2000;
    int *per = calloc((size_t)n, sizeof(int));
    TEST_ASSERT(per != NULL);
    char buf[32];

    /* dictDelete destroys exactly the deleted entry. */
    dict *d = dictCreate(&countingType, &calls, SEED0, SEED1);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), &per[i]) == DICT_OK);
    TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", 0), &per[1]) == DICT_ERR);
    TEST_ASSERT(calls == 0);
    for (long i = 0; i < n; i += 3)
        TEST_ASSERT(dictDelete(d, buf, mkKey(buf, sizeof(buf), "o:", i)) == DICT_OK);
    TEST_ASSERT(dictDelete(d, "o:0", 3) == DICT_ERR);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(per[i] == (i % 3 == 0 ? 1 : 0));

    /* dictEmpty destroys the rest, once each; the dict stays usable. */
    long before = calls;
    dictEmpty(d);
    TEST_ASSERT(dictSize(d) == 0 && !dictIsRehashing(d) && d->size[0] == 0);
    TEST_ASSERT(calls - before == n - (n + 2) / 3);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(per[i] == 1);

    /* dictRelease, also mid-rehash. */
    memset(per, 0, (size_t)n * sizeof(int));
    calls = 0;
    for (long i = 0; i < n; i++)
        TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), &per[i]) == DICT_OK);
    long extra = 0; /* add value-less keys until a rehash is in progress */
    while (!dictIsRehashing(d))
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "x:", extra++), NULL);
    dictRelease(d);
    TEST_ASSERT(calls == n + extra);
    for (long i = 0; i < n; i++)
        TEST_ASSERT(per[i] == 1);
    free(per);
    return 0;
}

int test_dict_unlink(void) {
    long calls = 0;
    int slot = 0;
    dict *d = dictCreate(&countingType, &calls, SEED0, SEED1);
    char buf[32];
    for (long i = 0; i < 100; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "o:", i), NULL);
    TEST_ASSERT(dictAdd(d, "victim", 6, &slot) == DICT_OK);
    TEST_ASSERT(dictUnlink(d, "nope", 4) == NULL);
    dictEntry *de = dictUnlink(d, "victim", 6);
    TEST_ASSERT(de != NULL && dictGetVal(de) == &slot && calls == 0 && slot == 0);
    TEST_ASSERT(de->keylen == 6 && memcmp(de->key, "victim", 6) == 0);
    TEST_ASSERT(dictFind(d, "victim", 6) == NULL && dictSize(d) == 100);
    TEST_ASSERT(dictUnlink(d, "victim", 6) == NULL);
    /* The key can be re-added while the unlinked entry is still alive. */
    TEST_ASSERT(dictAdd(d, "victim", 6, NULL) == DICT_OK);
    dictFreeUnlinkedEntry(d, de);
    TEST_ASSERT(calls == 1 && slot == 1);
    dictFreeUnlinkedEntry(d, NULL);
    TEST_ASSERT(calls == 1);
    TEST_ASSERT(dictFind(d, "victim", 6) != NULL);
    dictRelease(d);
    TEST_ASSERT(calls == 102 && slot == 1);
    return 0;
}

int test_dict_resize_policy(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    const unsigned long init = 1UL << DICT_HT_INITIAL_EXP;
    /* Load factor 1: the 'init'-th insert fills the table, the next one starts growing. */
    for (unsigned long i = 0; i < init; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", (long)i), NULL);
    TEST_ASSERT(!dictIsRehashing(d) && d->size[0] == init);
    /* ... and a table this small is rehashed at once */
    dictAdd(d, "one more", 8, NULL);
    TEST_ASSERT(!dictIsRehashing(d) && d->size[0] == 2 * init && dictSize(d) == init + 1);
    /* a table above DICT_REHASH_AT_ONCE_MAX buckets grows incrementally */
    for (unsigned long i = init; dictSize(d) <= DICT_REHASH_AT_ONCE_MAX; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", (long)i), NULL);
    TEST_ASSERT(!dictIsRehashing(d) && d->size[0] == 2 * DICT_REHASH_AT_ONCE_MAX);
    for (unsigned long i = 0; dictSize(d) <= 2 * DICT_REHASH_AT_ONCE_MAX; i++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "m:", (long)i), NULL);
    TEST_ASSERT(dictIsRehashing(d) && d->size[1] == 4 * DICT_REHASH_AT_ONCE_MAX);
    rehashAll(d);
    TEST_ASSERT(d->size[0] == 4 * DICT_REHASH_AT_ONCE_MAX);
    dictRelease(d);

    /* resize_allowed == 0: grow only past 5 entries per bucket. */
    d = dictCreate(&plainType, NULL, SEED0, SEED1);
    d->resize_allowed = 0;
    long i = 0;
    while (d->size[0] <= init)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", i++), NULL);
    TEST_ASSERT((unsigned long)i == 6 * init + 1); /* the add that saw used/size > 5 */
    TEST_ASSERT(d->size[0] >= 12 * init);
    rehashAll(d);
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_ERR);
    d->resize_allowed = 1;

    /* Shrink: only below 1/DICT_SHRINK_RATIO, never below the initial size. */
    for (long k = 0; k < 10000; k++)
        dictAdd(d, buf, mkKey(buf, sizeof(buf), "b:", k), NULL);
    rehashAll(d);
    unsigned long big = d->size[0];
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_ERR);
    long k = 0;
    while (dictSize(d) * DICT_SHRINK_RATIO >= big)
        dictDelete(d, buf, mkKey(buf, sizeof(buf), "b:", k++));
    TEST_ASSERT(d->size[0] == big); /* deletes never shrink by themselves */
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_OK && dictIsRehashing(d));
    TEST_ASSERT(dictResizeIfNeeded(d) == DICT_ERR); /* already rehashing */
    rehashAll(d);
    TEST_ASSERT(d->size[0] < big && d->size[0] >= dictSize(d));
    dictEmpty(d);
    dictAdd(d, "x", 1, NULL);
    dictAdd(d, "y", 1, NULL);
    dictDelete(d, "y", 1);
    TEST_ASSERT(d->size[0] == init && dictResizeIfNeeded(d) == DICT_ERR);
    dictRelease(d);
    return 0;
}

int test_dict_empty_reuse(void) {
    dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
    char buf[32];
    for (int round = 0; round < 3; round++) {
        for (long i = 0; i < 3000; i++)
            TEST_ASSERT(dictAdd(d, buf, mkKey(buf, sizeof(buf), "k:", i), NULL) == DICT_OK);
        TEST_ASSERT(dictSize(d) == 3000);
        dictEmpty(d);
        TEST_ASSERT(dictSize(d) == 0 && d->table[0] == NULL && d->rehashidx == -1);
        TEST_ASSERT(dictFind(d, "k:1", 3) == NULL);
    }
    dictRelease(d);
    return 0;
}

int test_dict_rand_next(void) {
    uint64_t a = 1, b = 1, z = 0;
    uint64_t first = rlRandNext(&a);
    TEST_ASSERT(first == rlRandNext(&b) && a == b && a != 1);
    TEST_ASSERT(rlRandNext(&a) != first);
    /* A zero state does not get stuck at zero. */
    TEST_ASSERT(rlRandNext(&z) != 0 && z != 0);
    /* Low bits look uniform enough for bucket sampling. */
    int buckets[8] = {0};
    for (int i = 0; i < 8000; i++)
        buckets[rlRandNext(&a) & 7]++;
    for (int i = 0; i < 8; i++)
        TEST_ASSERT(buckets[i] > 800 && buckets[i] < 1200);
    return 0;
}

int test_dict_prefetch_changes_nothing(void) {
    dict *d = dictCreate(&plainType, NULL, 1, 2);
    dictPrefetch(d, "a", 1); /* empty dict */
    for (int i = 0; i < 1000; i++) {
        char k[16];
        int n = snprintf(k, sizeof(k), "k%d", i);
        dictPrefetch(d, k, (size_t)n); /* also while rehashing */
        TEST_ASSERT(dictAdd(d, k, (size_t)n, NULL) == DICT_OK);
    }
    TEST_ASSERT(dictSize(d) == 1000);
    dictRelease(d);
    return 0;
}

/* Non-NULL segments of table 't'. */
static unsigned long liveSegments(const dict *d, int t) {
    if (!d->table[t]) return 0;
    unsigned long n = 0, segs = (d->size[t] + DICT_SEG_MASK) >> DICT_SEG_SHIFT;
    for (unsigned long i = 0; i < segs; i++)
        if (d->table[t][i]) n++;
    return n;
}

int test_dict_old_table_is_released_segment_by_segment(void) {
    dict *d = dictCreate(&plainType, NULL, 3, 4);
    char k[24];
    /* grow to 2^19 buckets, then watch the next rehash (2^19 -> 2^20) op by op */
    unsigned long i = 0;
    for (; dictSize(d) < (1UL << 19); i++) {
        int n = snprintf(k, sizeof(k), "key:%lu", i);
        TEST_ASSERT(dictAdd(d, k, (size_t)n, NULL) == DICT_OK);
    }
    int saw_rehash = 0;
    for (; i < (3UL << 19); i++) {
        unsigned long before = dictIsRehashing(d) ? liveSegments(d, 0) : 0;
        unsigned long size0 = d->size[0];
        int was = dictIsRehashing(d);
        int n = snprintf(k, sizeof(k), "key:%lu", i);
        TEST_ASSERT(dictAdd(d, k, (size_t)n, NULL) == DICT_OK);
        if (was) {
            saw_rehash = 1;
            /* one step frees at most one segment of the old table, even the last step */
            unsigned long after = dictIsRehashing(d)
                                      ? liveSegments(d, 0)
                                      : (d->size[0] == size0 ? liveSegments(d, 0) : 0);
            TEST_ASSERT(before - after <= 1);
        }
    }
    TEST_ASSERT(saw_rehash);
    dictRelease(d);
    return 0;
}

/* Entry allocator that checks the size handed back on free against the one allocated (the
 * size is stored in front of the entry); privdata is the running balance of bytes. */
static void *sizedAlloc(void *privdata, size_t size) {
    size_t *p = malloc(sizeof(size_t) + size);
    if (!p) abort();
    *p = size;
    *(long long *)privdata += (long long)size;
    return p + 1;
}

static void sizedFree(void *privdata, void *ptr, size_t size) {
    size_t *p = (size_t *)ptr - 1;
    if (*p != size) abort(); /* caught as a crash: the sizes must match */
    *(long long *)privdata -= (long long)size;
    free(p);
}

static size_t allocatedSize(const dictEntry *de) {
    return ((const size_t *)de)[-1];
}

/* Entries of a no_value dict are exactly header + key (no NUL, no value slot: ASan sees any
 * write past it); a valued dict's entries carry 8 more bytes, which hold values of every kind
 * at every key length (unaligned), through growth, rehash and deletes. */
int test_dict_entry_sizes_and_values(void) {
    static const dictType noValueType = {NULL, sizedAlloc, sizedFree, NULL, 1, NULL};
    static const dictType valuedType = {NULL, sizedAlloc, sizedFree, NULL, 0, NULL};
    long long balance = 0;
    dict *set = dictCreate(&noValueType, &balance, SEED0, SEED1);
    dict *map = dictCreate(&valuedType, &balance, SEED0, SEED1);
    char buf[64];
    const long n = 5000;
    for (long i = 0; i < n; i++) {
        size_t len = (size_t)(i % 41); /* 0..40 bytes: every alignment of the value */
        memset(buf, 'a' + (int)(i % 26), sizeof(buf));
        size_t klen = len > 8 ? len : 8;
        memcpy(buf, &i, sizeof(i));                                /* unique prefix */
        TEST_ASSERT(dictAdd(set, buf, klen, &balance) == DICT_OK); /* the value is ignored */
        dictEntry *de = dictAddRaw(map, buf, klen, NULL);
        TEST_ASSERT(de != NULL && dictGetU64(de) == 0 && de->meta == 0);
        TEST_ASSERT(dictEntryAllocSize(set, klen) == sizeof(dictEntry) + klen);
        TEST_ASSERT(dictEntryAllocSize(map, klen) == sizeof(dictEntry) + klen + 8);
        TEST_ASSERT(allocatedSize(de) == dictEntryAllocSize(map, klen));
        TEST_ASSERT(allocatedSize(dictFind(set, buf, klen)) == dictEntryAllocSize(set, klen));
        switch (i % 3) {
        case 0:
            dictSetS64(de, -i);
            break;
        case 1:
            dictSetDouble(de, (double)i + 0.5);
            break;
        default:
            dictSetVal(de, &buf[i % 64]);
            break;
        }
    }
    rehashAll(set);
    rehashAll(map);
    for (long i = 0; i < n; i++) {
        size_t len = (size_t)(i % 41);
        memset(buf, 'a' + (int)(i % 26), sizeof(buf));
        size_t klen = len > 8 ? len : 8;
        memcpy(buf, &i, sizeof(i));
        const dictEntry *de = dictFind(map, buf, klen);
        TEST_ASSERT(de != NULL && de->keylen == klen && memcmp(de->key, buf, klen) == 0);
        switch (i % 3) {
        case 0:
            TEST_ASSERT(dictGetS64(de) == -i);
            break;
        case 1:
            TEST_ASSERT(dictGetDouble(de) == (double)i + 0.5);
            break;
        default:
            TEST_ASSERT(dictGetVal(de) == &buf[i % 64]);
            break;
        }
        TEST_ASSERT(dictFind(set, buf, klen) != NULL);
        if (i % 2) {
            TEST_ASSERT(dictDelete(set, buf, klen) == DICT_OK);
            TEST_ASSERT(dictDelete(map, buf, klen) == DICT_OK);
        }
    }
    TEST_ASSERT(dictSize(set) == (unsigned long)(n + 1) / 2 && dictSize(map) == dictSize(set));
    dictRelease(set);
    dictRelease(map);
    TEST_ASSERT(balance == 0);
    return 0;
}

/* dictGetSomeKeys as a plain walk: each chain whole when its bucket is visited (the contract
 * the prefetching version keeps; its rng use may differ after the result is complete). */
static unsigned int refSomeKeys(dict *d, dictEntry **des, unsigned int count, uint64_t *rng) {
    if (count == 0 || dictSize(d) == 0) return 0;
    if (dictSize(d) < count) count = (unsigned int)dictSize(d);
    int tables = dictIsRehashing(d) ? 2 : 1;
    unsigned long maxmask = d->size[0] - 1;
    if (tables == 2 && d->size[1] > d->size[0]) maxmask = d->size[1] - 1;
    unsigned long visits = (unsigned long)count * 10, emptyrun = 0;
    unsigned long i = (unsigned long)rlRandNext(rng) & maxmask;
    unsigned int stored = 0;
    while (stored < count && visits > 0) {
        for (int t = 0; t < tables && visits > 0; t++) {
            if (tables == 2 && t == 0 && i < (unsigned long)d->rehashidx) {
                if (i >= d->size[1])
                    i = (unsigned long)d->rehashidx;
                else
                    continue;
            }
            if (i >= d->size[t]) continue;
            visits--;
            dictEntry *de = dictBucket(d, t, i);
            if (!de) {
                if (++emptyrun >= 5 && emptyrun > count) {
                    i = (unsigned long)rlRandNext(rng) & maxmask;
                    emptyrun = 0;
                }
                continue;
            }
            emptyrun = 0;
            for (; de; de = de->next) {
                des[stored++] = de;
                if (stored == count) return stored;
            }
        }
        i = (i + 1) & maxmask;
    }
    return stored;
}

/* The sampler returns what the plain walk returns, entry for entry, at every count, in
 * sparse and dense tables (long chains: resizing forbidden) and while rehashing. */
/* Inline values for the tests: a length byte, then that many bytes. */
static size_t inlineTestSize(const void *val) {
    return 1 + (size_t) * (const unsigned char *)val;
}

static long inlineDestroyed;
static void inlineTestDestructor(void *privdata, dictEntry *de) {
    (void)privdata;
    (void)de;
    inlineDestroyed++;
}

/* Write the inline test value for 'i' with 'len' bytes into 'buf' (>= 1 + len bytes). */
static size_t inlineTestValue(unsigned char *buf, long i, size_t len) {
    buf[0] = (unsigned char)len;
    for (size_t j = 0; j < len; j++)
        buf[1 + j] = (unsigned char)(i * 7 + (long)j);
    return 1 + len;
}

/* An inline-value dict (the keyspace's kind): each entry is one allocation of the header,
 * the key padded to 8 bytes and the value, sized by the value's own bytes; values read back
 * after growth and rehashing; dictSetInline moves a key to a new entry in the old one's
 * place (same meta, the old entry handed back without its destructor), also while
 * rehashing; every byte allocated is freed with the size it was allocated with. */
int test_dict_inline_values(void) {
    static const dictType inlineType = {inlineTestDestructor, sizedAlloc, sizedFree, NULL, 0,
                                        inlineTestSize};
    long long balance = 0;
    inlineDestroyed = 0;
    dict *d = dictCreate(&inlineType, &balance, SEED0, SEED1);
    unsigned char val[64];
    char key[32];
    const long n = 5000;
    int saw_rehash = 0;
    for (long i = 0; i < n; i++) {
        size_t klen = mkKey(key, sizeof(key), "inline:", i);
        size_t vsize = inlineTestValue(val, i, (size_t)(i % 50));
        dictEntry *de = dictAddInline(d, key, klen, dictHashKey(d, key, klen), val, vsize, NULL);
        TEST_ASSERT(de != NULL && de->meta == 0 && de->keylen == klen);
        de->meta = (uint32_t)i;
        TEST_ASSERT(((uintptr_t)dictInlineVal(de) & 7) == 0);
        TEST_ASSERT(allocatedSize(de) == DICT_INLINE_OFFSET(klen) + vsize);
        TEST_ASSERT(dictEntrySize(d, de) == allocatedSize(de));
        dictEntry *existing = NULL;
        TEST_ASSERT(dictAddInline(d, key, klen, dictHashKey(d, key, klen), val, vsize, &existing) ==
                        NULL &&
                    existing == de);
        if (i % 3 == 0 && i > 0) { /* replace an earlier key, often while rehashing */
            long k = i / 2;
            saw_rehash |= dictIsRehashing(d);
            size_t kl = mkKey(key, sizeof(key), "inline:", k);
            dictEntry *before = dictPeek(d, key, kl), *old = NULL;
            vsize = inlineTestValue(val, k + 1, (size_t)((k + 1) % 61));
            dictEntry *after = dictSetInline(d, key, kl, dictHashKey(d, key, kl), val, vsize, &old);
            TEST_ASSERT(old == before && after != NULL && after != before);
            TEST_ASSERT(after->meta == before->meta && dictPeek(d, key, kl) == after);
            long destroyed = inlineDestroyed;
            dictFreeUnlinkedEntryShell(d, old);
            TEST_ASSERT(inlineDestroyed == destroyed);
        }
    }
    TEST_ASSERT(saw_rehash && dictSize(d) == (unsigned long)n);
    for (long i = 0; i < n; i++) {
        size_t klen = mkKey(key, sizeof(key), "inline:", i);
        dictEntry *de = dictFind(d, key, klen);
        TEST_ASSERT(de != NULL && de->meta == (uint32_t)i);
        /* the keys replaced hold the value of k + 1; the others their own */
        int replaced = 0;
        for (long j = 2 * i; j <= 2 * i + 1; j++) /* the j with j / 2 == i */
            replaced |= j >= 3 && j < n && j % 3 == 0;
        size_t vsize = replaced ? inlineTestValue(val, i + 1, (size_t)((i + 1) % 61))
                                : inlineTestValue(val, i, (size_t)(i % 50));
        TEST_ASSERT(memcmp(dictInlineVal(de), val, vsize) == 0);
        TEST_ASSERT(allocatedSize(de) == dictEntrySize(d, de));
    }
    /* a missing key is inserted */
    dictEntry *old = (dictEntry *)&balance; /* anything but NULL: it must be reset */
    size_t vsize = inlineTestValue(val, 1, 3);
    dictEntry *de = dictSetInline(d, "fresh", 5, dictHashKey(d, "fresh", 5), val, vsize, &old);
    TEST_ASSERT(de != NULL && old == NULL && dictSize(d) == (unsigned long)n + 1);
    dictRelease(d);
    TEST_ASSERT(inlineDestroyed == n + 1 && balance == 0);
    return 0;
}

int test_dict_some_keys_walks_chains_in_order(void) {
    char buf[32];
    static const long sizes[] = {1, 3, 40, 700, 5000};
    for (int dense = 0; dense < 2; dense++) {
        for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
            dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
            if (dense) d->resize_allowed = 0;
            for (long i = 0; i < sizes[z]; i++)
                dictAdd(d, buf, mkKey(buf, sizeof(buf), "s:", i), NULL);
            if (sizes[z] > 600 && !dense) { /* sparse: delete most, shrink (rehashing) */
                for (long i = 0; i < sizes[z]; i += 8)
                    for (long j = i; j < i + 7 && j < sizes[z]; j++)
                        dictDelete(d, buf, mkKey(buf, sizeof(buf), "s:", j));
                dictResizeIfNeeded(d);
            }
            for (unsigned count = 1; count <= 64; count = count * 2 + 1) {
                for (uint64_t seed = 1; seed <= 200; seed++) {
                    dictEntry *got[64], *want[64];
                    uint64_t r1 = seed * UINT64_C(0x9E3779B97F4A7C15), r2 = r1;
                    /* the reference first: the sampler's own rehash step may move buckets */
                    int rehashing = dictIsRehashing(d);
                    d->pauserehash++;
                    unsigned nw = refSomeKeys(d, want, count, &r2);
                    unsigned ng = dictGetSomeKeys(d, got, count, &r1);
                    d->pauserehash--;
                    TEST_ASSERT(rehashing == dictIsRehashing(d));
                    TEST_ASSERT(ng == nw);
                    for (unsigned k = 0; k < ng; k++)
                        TEST_ASSERT(got[k] == want[k]);
                }
            }
            dictRelease(d);
        }
    }
    return 0;
}

/* dictSampleKeysAt walks the table in order: calls from one cursor see every entry within
 * about one sweep, in dense, sparse and rehashing tables, and never more than count. */
int test_dict_sample_keys_at_sweeps(void) {
    char buf[32];
    static const long sizes[] = {1, 7, 1000, 20000};
    for (int sparse = 0; sparse < 2; sparse++) {
        for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
            dict *d = dictCreate(&plainType, NULL, SEED0, SEED1);
            long n = sizes[z];
            for (long i = 0; i < n; i++)
                dictAdd(d, buf, mkKey(buf, sizeof(buf), "w:", i), NULL);
            if (sparse && n > 100) { /* keep 1 in 16, then shrink (incremental: rehashing) */
                for (long i = 0; i < n; i++)
                    if (i % 16) dictDelete(d, buf, mkKey(buf, sizeof(buf), "w:", i));
                dictResizeIfNeeded(d);
            }
            int *seen = calloc((size_t)n, sizeof(int));
            TEST_ASSERT(seen != NULL);
            unsigned long cursor = 12345, calls = 0;
            long distinct = 0, live = (long)dictSize(d);
            d->pauserehash++; /* the table stays as it is during the sweep */
            unsigned long buckets = d->size[0] > d->size[1] ? d->size[0] : d->size[1];
            while (distinct < live) {
                dictEntry *des[16]; /* (a chain longer than a call's count is cut short) */
                unsigned got = dictSampleKeysAt(d, des, 16, &cursor);
                TEST_ASSERT(got <= 16);
                for (unsigned k = 0; k < got; k++) {
                    long id = keyId(des[k]);
                    TEST_ASSERT(id >= 0 && id < n && dictPeek(d, des[k]->key, des[k]->keylen));
                    if (!seen[id]++) distinct++;
                }
                /* each call moves on by at least one bucket: one sweep is at most
                 * 'buckets' calls */
                TEST_ASSERT(++calls <= buckets + 1);
            }
            d->pauserehash--;
            free(seen);
            dictRelease(d);
        }
    }
    dict *e = dictCreate(&plainType, NULL, SEED0, SEED1);
    unsigned long c = 7;
    dictEntry *one[1];
    TEST_ASSERT(dictSampleKeysAt(e, one, 1, &c) == 0 && c == 7);
    dictRelease(e);
    return 0;
}
