/* dict.c -- hash table with incremental rehashing (see dict.h for the contract).
 *
 * Two bucket arrays: table[0] is the live one; while rehashing, table[1] is the new one,
 * buckets table[0][0 .. rehashidx-1] are already empty and every insertion goes to
 * table[1]. Each lookup/insert/delete moves DICT_REHASH_STEP buckets; dictRehash() moves
 * larger slices. The hash is SipHash-1-2 keyed with the dict's seeds.
 */
#include "dict.h"

#include "alloc.h"
#include "util.h"

#include <limits.h>
#include <string.h>

/* Walks over a whole table (rehashing, emptying) prefetch the first entry of the bucket this
 * many buckets ahead (a likely cache miss), so that the misses overlap instead of coming one
 * after another. */
#define DICT_WALK_PREFETCH 16
#if defined(__GNUC__)
#define PREFETCH_RW(p) __builtin_prefetch((p), 1)
/* PREFETCH_RW in a loop that does nothing else: GCC deletes such a loop, prefetches and all,
 * unless something in it must stay (an empty volatile asm). */
#define PREFETCH_RW_KEPT(p)                                                                        \
    do {                                                                                           \
        __builtin_prefetch((p), 1);                                                                \
        __asm__ volatile("" : : "r"(p));                                                           \
    } while (0)
#else
#define PREFETCH_RW(p) ((void)(p))
#define PREFETCH_RW_KEPT(p) ((void)(p))
#endif

/* SipHash rounds: 1 compression round, 2 finalization rounds (SipHash-1-2, as Redis). */
#ifndef RL_SIP_CROUNDS
#define RL_SIP_CROUNDS 1
#endif
#ifndef RL_SIP_DROUNDS
#define RL_SIP_DROUNDS 2
#endif

/* dictGetRandomKey: random probes before falling back to a linear walk. */
#define DICT_RANDOM_PROBES 64
/* dictGetSomeKeys: bucket visits allowed per requested key. */
#define DICT_SAMPLE_VISITS 10
/* Chain heads dictGetSomeKeys prefetches before walking them. */
#define DICT_SAMPLE_BATCH 16
/* Largest bucket count: rehashidx is a long, so indexes must fit in one. */
#define DICT_MAX_SIZE ((unsigned long)LONG_MAX / 2UL + 1UL)

#define ROTL64(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3)                                                                   \
    do {                                                                                           \
        v0 += v1;                                                                                  \
        v1 = ROTL64(v1, 13);                                                                       \
        v1 ^= v0;                                                                                  \
        v0 = ROTL64(v0, 32);                                                                       \
        v2 += v3;                                                                                  \
        v3 = ROTL64(v3, 16);                                                                       \
        v3 ^= v2;                                                                                  \
        v0 += v3;                                                                                  \
        v3 = ROTL64(v3, 21);                                                                       \
        v3 ^= v0;                                                                                  \
        v2 += v1;                                                                                  \
        v1 = ROTL64(v1, 17);                                                                       \
        v1 ^= v2;                                                                                  \
        v2 = ROTL64(v2, 32);                                                                       \
    } while (0)

/* Load 8 bytes as a little-endian 64-bit word (the SipHash byte order). */
static inline uint64_t loadLE64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, sizeof(v));
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) &&                                    \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* SipHash-c-d of 'len' bytes at 'in' (non-NULL) keyed with k0/k1, per the reference spec. */
static inline uint64_t sipHash(const unsigned char *in, size_t len, uint64_t k0, uint64_t k1) {
    uint64_t v0 = UINT64_C(0x736f6d6570736575) ^ k0;
    uint64_t v1 = UINT64_C(0x646f72616e646f6d) ^ k1;
    uint64_t v2 = UINT64_C(0x6c7967656e657261) ^ k0;
    uint64_t v3 = UINT64_C(0x7465646279746573) ^ k1;
    const unsigned char *end = in + (len & ~(size_t)7);
    uint64_t b = (uint64_t)len << 56;
    int i;

    for (; in != end; in += 8) {
        uint64_t m = loadLE64(in);
        v3 ^= m;
        for (i = 0; i < RL_SIP_CROUNDS; i++)
            SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    for (size_t r = len & 7; r > 0; r--)
        b |= (uint64_t)in[r - 1] << (8 * (r - 1));
    v3 ^= b;
    for (i = 0; i < RL_SIP_CROUNDS; i++)
        SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    for (i = 0; i < RL_SIP_DROUNDS; i++)
        SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t dictHashKey(const dict *d, const void *key, size_t len) {
    static const unsigned char empty[1] = {0};
    return sipHash(len ? (const unsigned char *)key : empty, len, d->seed0, d->seed1);
}

uint64_t rlRandNext(uint64_t *state) {
    uint64_t x = *state;
    if (x == 0) x = UINT64_C(0x9E3779B97F4A7C15); /* a zero state would stay zero */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * UINT64_C(0x2545F4914F6CDD1D);
}

/* True when 'de' holds exactly the key 'key'/'len'. */
static inline int keyEquals(const dictEntry *de, const void *key, size_t len) {
    return de->keylen == len && rlMemEq(de->key, key, len);
}

/* Number of segments of a table of 'size' buckets, and buckets per segment. */
static inline unsigned long segCount(unsigned long size) {
    return (size + DICT_SEG_MASK) >> DICT_SEG_SHIFT;
}

static inline unsigned long segBuckets(unsigned long size) {
    return size < DICT_SEG_BUCKETS ? size : DICT_SEG_BUCKETS;
}

/* Report 'delta' bytes of the dict's own memory to its type's accounting, if any. */
static inline void account(const dict *d, long long delta) {
    if (d->type && d->type->account) d->type->account(d->privdata, delta);
}

/* Zeroed memory for 'n' pointers of the dict's own (header, segment array, segment). */
static void *ownCalloc(dict *d, size_t n, size_t size) {
    void *p = rl_calloc(n, size);
    account(d, (long long)(n * size));
    return p;
}

static void ownFree(dict *d, void *p, size_t bytes) {
    if (!p) return;
    account(d, -(long long)bytes);
    rl_free(p);
}

/* Address of bucket 'i' of table 't' for writing; allocates its segment (zeroed) when it
 * has none yet. */
static inline dictEntry **bucketSlot(dict *d, int t, unsigned long i) {
    dictEntry ***segp = &d->table[t][i >> DICT_SEG_SHIFT];
    if (!*segp) *segp = ownCalloc(d, segBuckets(d->size[t]), sizeof(dictEntry *));
    return &(*segp)[i & DICT_SEG_MASK];
}

/* Bytes of the separately allocated segment array of a table of 'size' buckets: none for
 * a table of one segment, whose array is the dict's own seg1[t]. */
static inline size_t segArrayBytes(unsigned long size) {
    unsigned long n = segCount(size);
    return n > 1 ? n * sizeof(dictEntry **) : 0;
}

/* Free table 't' (its remaining segments and the segment array); entries must be gone. */
static void freeTable(dict *d, int t) {
    if (!d->table[t]) return;
    unsigned long n = segCount(d->size[t]);
    size_t seg = segBuckets(d->size[t]) * sizeof(dictEntry *);
    for (unsigned long s = 0; s < n; s++)
        ownFree(d, d->table[t][s], seg);
    if (d->table[t] == &d->seg1[t])
        d->seg1[t] = NULL;
    else
        ownFree(d, d->table[t], segArrayBytes(d->size[t]));
    d->table[t] = NULL;
}

size_t dictOverheadBytes(const dict *d) {
    size_t bytes = sizeof(dict);
    for (int t = 0; t < 2; t++) {
        if (!d->table[t]) continue;
        unsigned long n = segCount(d->size[t]);
        bytes += segArrayBytes(d->size[t]);
        for (unsigned long s = 0; s < n; s++)
            if (d->table[t][s]) bytes += segBuckets(d->size[t]) * sizeof(dictEntry *);
    }
    return bytes;
}

/* Smallest power of two >= 'size', at least the initial size, at most DICT_MAX_SIZE. */
static unsigned long nextPower(unsigned long size) {
    unsigned long p = 1UL << DICT_HT_INITIAL_EXP;
    if (size >= DICT_MAX_SIZE) return DICT_MAX_SIZE;
    while (p < size)
        p <<= 1;
    return p;
}

dict *dictCreate(const dictType *type, void *privdata, uint64_t seed0, uint64_t seed1) {
    dict *d = rl_calloc(1, sizeof(*d));
    d->type = type;
    d->privdata = privdata;
    account(d, (long long)sizeof(*d));
    d->seed0 = seed0;
    d->seed1 = seed1;
    d->rehashidx = -1;
    d->pauserehash = 0;
    d->resize_allowed = 1;
    return d;
}

/* Memory for an entry of 'size' bytes, through the type's allocator if it has one. */
static dictEntry *allocEntry(dict *d, size_t size) {
    if (d->type && d->type->entryAlloc) return d->type->entryAlloc(d->privdata, size);
    return rl_malloc(size);
}

size_t dictEntrySize(const dict *d, const dictEntry *de) {
    if (d->type && d->type->inlineSize)
        return DICT_INLINE_OFFSET(de->keylen) + d->type->inlineSize(dictInlineVal(de));
    return dictEntryAllocSize(d, de->keylen);
}

/* Free one entry's memory ('size' bytes), through the type's allocator if it has one. */
static void releaseEntry(dict *d, dictEntry *de, size_t size) {
    if (d->type && d->type->entryFree)
        d->type->entryFree(d->privdata, de, size);
    else
        rl_free(de);
}

/* Destroy and free one entry, calling the type's destructor first (the size is read
 * before: an inline value's header sizes the entry). */
static void freeEntry(dict *d, dictEntry *de) {
    size_t size = dictEntrySize(d, de);
    if (d->type && d->type->entryDestructor) d->type->entryDestructor(d->privdata, de);
    releaseEntry(d, de, size);
}

void dictEmpty(dict *d) {
    int t = 0;
    unsigned long idx = 0;
    while (dictEmptySome(d, &t, &idx, -1)) {
    }
}

int dictEmptySome(dict *d, int *table, unsigned long *idx, long budget) {
    long work = 0;
    while (*table < 2) {
        int t = *table;
        if (!d->table[t] || *idx >= d->size[t]) {
            freeTable(d, t);
            d->size[t] = 0;
            d->used[t] = 0;
            (*table)++;
            *idx = 0;
            continue;
        }
        if (budget >= 0 && work >= budget) return 1;
        dictEntry **seg = d->table[t][*idx >> DICT_SEG_SHIFT];
        unsigned long end = (*idx | DICT_SEG_MASK) + 1;
        if (end > d->size[t]) end = d->size[t];
        if (seg) {
            /* free this segment's entries, then the segment */
            for (; *idx < end; (*idx)++) {
                dictEntry **b = &seg[*idx & DICT_SEG_MASK];
                if (*idx + DICT_WALK_PREFETCH < end &&
                    seg[(*idx + DICT_WALK_PREFETCH) & DICT_SEG_MASK])
                    PREFETCH_RW(seg[(*idx + DICT_WALK_PREFETCH) & DICT_SEG_MASK]);
                while (*b) {
                    if (budget >= 0 && work >= budget) return 1;
                    dictEntry *de = *b;
                    *b = de->next;
                    freeEntry(d, de);
                    d->used[t]--;
                    work++;
                }
            }
            ownFree(d, seg, segBuckets(d->size[t]) * sizeof(dictEntry *));
            d->table[t][(end - 1) >> DICT_SEG_SHIFT] = NULL;
        }
        *idx = end;
        work++; /* a segment costs at least one unit, so empty tables end too */
    }
    d->rehashidx = -1;
    return 0;
}

void dictRelease(dict *d) {
    if (!d) return;
    dictEmpty(d);
    account(d, -(long long)sizeof(*d));
    rl_free(d);
}

/* Allocate a table of nextPower(size) buckets: the first table, or the rehash target.
 * Refused while rehashing or when the size would not change. */
static int expandTo(dict *d, unsigned long size) {
    if (dictIsRehashing(d)) return DICT_ERR;
    unsigned long realsize = nextPower(size);
    if (realsize == d->size[0]) return DICT_ERR;
    int slot = d->table[0] == NULL ? 0 : 1;
    dictEntry ***t;
    if (segCount(realsize) == 1) {
        d->seg1[slot] = NULL;
        t = &d->seg1[slot];
    } else {
        t = ownCalloc(d, segCount(realsize), sizeof(*t));
    }
    if (slot == 0) {
        d->table[0] = t;
        d->size[0] = realsize;
        d->used[0] = 0;
        return DICT_OK;
    }
    d->table[1] = t;
    d->size[1] = realsize;
    d->used[1] = 0;
    d->rehashidx = 0;
    if (d->size[0] <= DICT_REHASH_AT_ONCE_MAX) dictRehash(d, (int)d->size[0]);
    return DICT_OK;
}

/* Start growing when the load factor reaches 1 (or exceeds 5 if resizing is forbidden). */
static void expandIfNeeded(dict *d) {
    if (dictIsRehashing(d)) return;
    if (d->size[0] == 0) {
        expandTo(d, 1UL << DICT_HT_INITIAL_EXP);
        return;
    }
    if (d->used[0] >= d->size[0] && (d->resize_allowed || d->used[0] / d->size[0] > 5)) {
        unsigned long want = d->used[0] > ULONG_MAX / 2 ? ULONG_MAX : d->used[0] * 2;
        expandTo(d, want);
    }
}

int dictResizeIfNeeded(dict *d) {
    if (dictIsRehashing(d) || d->size[0] == 0 || !d->resize_allowed) return DICT_ERR;
    unsigned long used = d->used[0], size = d->size[0];
    if (size > (1UL << DICT_HT_INITIAL_EXP) && used < size / DICT_SHRINK_RATIO)
        return expandTo(d, used);
    if (used >= size) return expandTo(d, used > ULONG_MAX / 2 ? ULONG_MAX : used * 2);
    return DICT_ERR;
}

/* Step rehashidx past a bucket of table[0]; when that empties a whole segment (every bucket
 * before rehashidx has been moved), free the segment now: this spreads the release of the
 * old table over the rehash. */
static inline void advanceRehashIdx(dict *d) {
    unsigned long i = (unsigned long)d->rehashidx++;
    if (((i + 1) & DICT_SEG_MASK) == 0 || i + 1 == d->size[0]) {
        dictEntry ***segp = &d->table[0][i >> DICT_SEG_SHIFT];
        ownFree(d, *segp, segBuckets(d->size[0]) * sizeof(dictEntry *));
        *segp = NULL;
    }
}

int dictRehash(dict *d, int n) {
    if (!dictIsRehashing(d)) return 0;
    if (d->pauserehash > 0) return 1;
    unsigned long moves = n > 0 ? (unsigned long)n : 0;
    unsigned long empty_visits =
        moves > ULONG_MAX / DICT_REHASH_EMPTY_VISITS ? ULONG_MAX : moves * DICT_REHASH_EMPTY_VISITS;
    unsigned long mask1 = d->size[1] - 1;
    /* The loop prefetches the chain heads of the bucket DICT_WALK_PREFETCH ahead; when
     * several buckets move in this call, first the heads it would otherwise reach without
     * a prefetch (all of a small table's, which is rehashed in one call). */
    if (moves > 1) {
        unsigned long from = (unsigned long)d->rehashidx;
        unsigned long end = from + (moves < DICT_WALK_PREFETCH ? moves : DICT_WALK_PREFETCH);
        if (end > d->size[0]) end = d->size[0];
        for (unsigned long i = from; i < end; i++) {
            dictEntry *head = dictBucket(d, 0, i);
            if (head) PREFETCH_RW(head);
        }
    }

    while (moves-- > 0 && d->used[0] != 0) {
        /* used[0] != 0 guarantees a non-empty bucket at or after rehashidx. */
        dictEntry *de;
        unsigned long ahead = (unsigned long)d->rehashidx + DICT_WALK_PREFETCH;
        if (ahead < d->size[0] && (de = dictBucket(d, 0, ahead)) != NULL) PREFETCH_RW(de);
        while ((de = dictBucket(d, 0, (unsigned long)d->rehashidx)) == NULL) {
            advanceRehashIdx(d);
            if (--empty_visits == 0) return 1;
        }
        dictEntry **slot =
            &d->table[0][d->rehashidx >> DICT_SEG_SHIFT][d->rehashidx & DICT_SEG_MASK];
        while (de) {
            dictEntry *next = de->next;
            if (next) PREFETCH_RW(next); /* its miss overlaps the hashing of this one */
            unsigned long idx = (unsigned long)dictHashKey(d, de->key, de->keylen) & mask1;
            dictEntry **dst = bucketSlot(d, 1, idx);
            de->next = *dst;
            *dst = de;
            d->used[0]--;
            d->used[1]++;
            de = next;
        }
        *slot = NULL;
        advanceRehashIdx(d);
    }
    if (d->used[0] == 0) {
        freeTable(d, 0);
        if (d->table[1] == &d->seg1[1]) {
            d->seg1[0] = d->seg1[1];
            d->seg1[1] = NULL;
            d->table[1] = &d->seg1[0];
        }
        d->table[0] = d->table[1];
        d->size[0] = d->size[1];
        d->used[0] = d->used[1];
        d->table[1] = NULL;
        d->size[1] = 0;
        d->used[1] = 0;
        d->rehashidx = -1;
        return 0;
    }
    return 1;
}

/* One incremental rehash step, done by every lookup/insert/delete while rehashing. */
static inline void rehashStep(dict *d) {
    if (dictIsRehashing(d) && d->pauserehash == 0) dictRehash(d, DICT_REHASH_STEP);
}

/* Look 'key' up in both tables given its hash; no rehash step. Returns the link (bucket
 * slot or the previous entry's next field) that points at the key's entry, or NULL; with
 * 'table' set to the entry's table when found. */
static dictEntry **lookupLink(const dict *d, const void *key, size_t len, uint64_t h, int *table) {
    for (int t = 0; t < 2; t++) {
        if (d->size[t] == 0) break;
        unsigned long idx = (unsigned long)h & (d->size[t] - 1);
        /* Buckets of table[0] below rehashidx are already empty. */
        if (!(t == 0 && dictIsRehashing(d) && idx < (unsigned long)d->rehashidx)) {
            dictEntry **seg = d->table[t][idx >> DICT_SEG_SHIFT];
            for (dictEntry **link = seg ? &seg[idx & DICT_SEG_MASK] : NULL; link && *link;
                 link = &(*link)->next) {
                if (keyEquals(*link, key, len)) {
                    *table = t;
                    return link;
                }
            }
        }
        if (!dictIsRehashing(d)) break;
    }
    return NULL;
}

/* lookupLink's entry. */
static inline dictEntry *lookup(const dict *d, const void *key, size_t len, uint64_t h) {
    int t;
    dictEntry **link = lookupLink(d, key, len, h, &t);
    return link ? *link : NULL;
}

uint64_t dictPrefetch(const dict *d, const void *key, size_t len) {
    if (len > UINT32_MAX) return 0; /* such a key is never stored: nothing to prefetch */
    uint64_t h = dictHashKey(d, key, len);
#if defined(__GNUC__)
    if (dictSize(d) == 0) return h;
    for (int t = 0; t < 2; t++) {
        if (d->size[t] == 0) break;
        unsigned long i = (unsigned long)h & (d->size[t] - 1);
        dictEntry **seg = d->table[t][i >> DICT_SEG_SHIFT];
        if (seg) __builtin_prefetch(&seg[i & DICT_SEG_MASK]);
        if (!dictIsRehashing(d)) break;
    }
#endif
    return h;
}

dictEntry *dictFind(dict *d, const void *key, size_t len) {
    if (dictSize(d) == 0 || len > UINT32_MAX) return NULL;
    rehashStep(d);
    return lookup(d, key, len, dictHashKey(d, key, len));
}

dictEntry *dictPeek(const dict *d, const void *key, size_t len) {
    if (dictSize(d) == 0 || len > UINT32_MAX) return NULL;
    return lookup(d, key, len, dictHashKey(d, key, len));
}

dictEntry *dictAddRaw(dict *d, const void *key, size_t len, dictEntry **existing) {
    if (len > UINT32_MAX) { /* keylen is a uint32_t: rejected, not stored (nor hashed) */
        if (existing) *existing = NULL;
        return NULL;
    }
    return dictAddRawHashed(d, key, len, dictHashKey(d, key, len), existing);
}

/* Link a new entry for 'key'/'len' (absent) into its bucket: 'valbytes' bytes past the
 * key's offset (the value's, 'inl' for an inline value), the key copied, meta 0; the value
 * bytes are the caller's to fill. */
static dictEntry *insertNew(dict *d, const void *key, size_t len, uint64_t h, int inl,
                            size_t valbytes) {
    expandIfNeeded(d);
    if (valbytes > SIZE_MAX - sizeof(dictEntry) - 8 - len) rlOom(SIZE_MAX);
    dictEntry *de =
        allocEntry(d, (inl ? DICT_INLINE_OFFSET(len) : sizeof(dictEntry) + len) + valbytes);
    if (len) memcpy(de->key, key, len);
    de->keylen = (uint32_t)len;
    de->meta = 0;
    int t = dictIsRehashing(d) ? 1 : 0;
    unsigned long idx = (unsigned long)h & (d->size[t] - 1);
    dictEntry **slot = bucketSlot(d, t, idx);
    de->next = *slot;
    *slot = de;
    d->used[t]++;
    return de;
}

/* The insert of dictAddRawHashed and dictAddInline: NULL (and '*existing') when the key is
 * there, else insertNew's entry. */
static dictEntry *addHashed(dict *d, const void *key, size_t len, uint64_t h, int inl,
                            size_t valbytes, dictEntry **existing) {
    if (existing) *existing = NULL;
    if (len > UINT32_MAX) return NULL; /* keylen is a uint32_t: rejected, not stored */
    rehashStep(d);
    dictEntry *de = dictSize(d) ? lookup(d, key, len, h) : NULL;
    if (de) {
        if (existing) *existing = de;
        return NULL;
    }
    return insertNew(d, key, len, h, inl, valbytes);
}

dictEntry *dictAddRawHashed(dict *d, const void *key, size_t len, uint64_t h,
                            dictEntry **existing) {
    dictEntry *de = addHashed(d, key, len, h, 0, dictHasValues(d) ? 8 : 0, existing);
    if (de && dictHasValues(d)) dictSetU64(de, 0);
    return de;
}

dictEntry *dictAddInline(dict *d, const void *key, size_t len, uint64_t hash, const void *val,
                         size_t valsize, dictEntry **existing) {
    dictEntry *de = addHashed(d, key, len, hash, 1, valsize, existing);
    if (de) memcpy(dictInlineVal(de), val, valsize);
    return de;
}

dictEntry *dictSetInline(dict *d, const void *key, size_t len, uint64_t hash, const void *val,
                         size_t valsize, dictEntry **old) {
    *old = NULL;
    if (len > UINT32_MAX) return NULL; /* keylen is a uint32_t: rejected, not stored */
    rehashStep(d);
    int t;
    dictEntry **link = dictSize(d) ? lookupLink(d, key, len, hash, &t) : NULL;
    dictEntry *de;
    if (!link) {
        de = insertNew(d, key, len, hash, 1, valsize);
    } else {
        dictEntry *e = *link;
        size_t off = DICT_INLINE_OFFSET(len);
        if (valsize > SIZE_MAX - off) rlOom(SIZE_MAX);
        de = allocEntry(d, off + valsize);
        memcpy(de, e, off); /* next, keylen, meta, the key */
        *link = de;
        e->next = NULL;
        *old = e;
    }
    memcpy(dictInlineVal(de), val, valsize);
    return de;
}

int dictAdd(dict *d, const void *key, size_t len, void *val) {
    dictEntry *de = dictAddRaw(d, key, len, NULL);
    if (!de) return DICT_ERR;
    if (dictHasValues(d)) dictSetVal(de, val);
    return DICT_OK;
}

/* Remove 'key' from its bucket and return the entry (not freed), or NULL when absent. */
static dictEntry *unlinkKey(dict *d, const void *key, size_t len) {
    if (dictSize(d) == 0 || len > UINT32_MAX) return NULL;
    rehashStep(d);
    int t;
    dictEntry **link = lookupLink(d, key, len, dictHashKey(d, key, len), &t);
    if (!link) return NULL;
    dictEntry *de = *link;
    *link = de->next;
    de->next = NULL;
    d->used[t]--;
    return de;
}

int dictDelete(dict *d, const void *key, size_t len) {
    dictEntry *de = unlinkKey(d, key, len);
    if (!de) return DICT_ERR;
    freeEntry(d, de);
    return DICT_OK;
}

dictEntry *dictUnlink(dict *d, const void *key, size_t len) {
    return unlinkKey(d, key, len);
}

void dictFreeUnlinkedEntry(dict *d, dictEntry *de) {
    if (de) freeEntry(d, de);
}

void dictFreeUnlinkedEntryShell(dict *d, dictEntry *de) {
    if (de) releaseEntry(d, de, dictEntrySize(d, de));
}

/* Allocate an iterator positioned before the first entry. */
static dictIterator *newIterator(dict *d, int safe) {
    dictIterator *iter = rl_malloc(sizeof(*iter));
    iter->d = d;
    iter->index = -1;
    iter->table = 0;
    iter->safe = safe;
    iter->entry = NULL;
    iter->nextEntry = NULL;
    return iter;
}

dictIterator *dictGetIterator(dict *d) {
    return newIterator(d, 0);
}

dictIterator *dictGetSafeIterator(dict *d) {
    return newIterator(d, 1);
}

dictEntry *dictNext(dictIterator *iter) {
    dict *d = iter->d;
    for (;;) {
        if (iter->entry == NULL) {
            if (iter->index == -1 && iter->table == 0 && iter->safe) d->pauserehash++;
            iter->index++;
            if (iter->index >= (long)d->size[iter->table]) {
                if (dictIsRehashing(d) && iter->table == 0) {
                    iter->table = 1;
                    iter->index = 0;
                    if (d->size[1] == 0) break;
                } else {
                    break;
                }
            }
            iter->entry = dictBucket(d, iter->table, (unsigned long)iter->index);
        } else {
            iter->entry = iter->nextEntry;
        }
        if (iter->entry) {
            /* Saved now: the caller of a safe iterator may delete the entry returned. */
            iter->nextEntry = iter->entry->next;
            return iter->entry;
        }
    }
    return NULL;
}

void dictReleaseIterator(dictIterator *iter) {
    if (!iter) return;
    if (iter->safe && !(iter->index == -1 && iter->table == 0)) iter->d->pauserehash--;
    rl_free(iter);
}

/* Pick a uniformly random entry of the chain starting at 'de' (non-NULL). */
static dictEntry *randomInChain(dictEntry *de, uint64_t *rng) {
    unsigned long len = 0;
    for (dictEntry *e = de; e; e = e->next)
        len++;
    unsigned long k = (unsigned long)(rlRandNext(rng) % len);
    while (k--)
        de = de->next;
    return de;
}

/* Bucket at position 'pos' of the concatenation table[0] ++ table[1]. */
static inline dictEntry *bucketAt(const dict *d, unsigned long pos) {
    return pos < d->size[0] ? dictBucket(d, 0, pos) : dictBucket(d, 1, pos - d->size[0]);
}

dictEntry *dictGetRandomKey(dict *d, uint64_t *rng) {
    if (dictSize(d) == 0) return NULL;
    rehashStep(d);
    /* Positions below rehashidx in table[0] are empty: sample from the rest. */
    unsigned long first = dictIsRehashing(d) ? (unsigned long)d->rehashidx : 0;
    unsigned long span = d->size[0] + d->size[1] - first;
    unsigned long pos = first + (unsigned long)(rlRandNext(rng) % span);
    dictEntry *de = bucketAt(d, pos);
    for (int probes = 1; !de && probes < DICT_RANDOM_PROBES; probes++) {
        pos = first + (unsigned long)(rlRandNext(rng) % span);
        de = bucketAt(d, pos);
    }
    /* Very sparse table: walk on from the last probe. Ends within 'span' steps because
     * the dict is not empty; only reached when the load is far below 1/8. */
    for (unsigned long n = 0; !de && n < span; n++) {
        pos = pos + 1 < first + span ? pos + 1 : first;
        de = bucketAt(d, pos);
    }
    return de ? randomInChain(de, rng) : NULL;
}

/* Append the entries of the chains starting at heads[0..n) to des[*stored..count), in order
 * (each chain whole, as long as there is room). Returns the index of the first head whose
 * chain did not fit whole (n when all did). */
static unsigned emitChains(dictEntry *const *heads, unsigned n, dictEntry **des, unsigned *stored,
                           unsigned count) {
    for (unsigned h = 0; h < n; h++) {
        dictEntry *de = heads[h];
        for (; de && *stored < count; de = de->next)
            des[(*stored)++] = de;
        if (de) return h;
    }
    return n;
}

/* Prefetch the chain heads of up to 'n' non-empty buckets from index 'i' on (in both tables
 * while rehashing), looking at no more than 2n indexes: where the next call of
 * dictSampleKeysAt starts, so that its entries are on their way by then (the eviction
 * sampler calls it again for each key of a batch). Changes nothing. (Prefetching the
 * chains' second entries as well, read from heads prefetched one call earlier, measured
 * slower: 590-617 ns per evicting SET in a C loop, against 480-583.) */
static void prefetchSweep(const dict *d, unsigned long i, unsigned n, unsigned long maxmask) {
    unsigned found = 0;
    for (unsigned long v = 0; v < 2UL * n && found < n; v++, i = (i + 1) & maxmask) {
        for (int t = 0; t < 2; t++) {
            if (i >= d->size[t]) continue;
            if (t == 0 && dictIsRehashing(d) && i < (unsigned long)d->rehashidx) continue;
            dictEntry *de = dictBucket(d, t, i);
            if (!de) continue;
            found++;
            PREFETCH_RW_KEPT(de);
        }
    }
}

/* dictGetSomeKeys (rng: a random start, random jumps out of long empty runs) or
 * dictSampleKeysAt (cursor: start at *cursor, never jump, *cursor set to where the next call
 * must begin so that a sweep misses nothing that stays put). */
static unsigned int someKeys(dict *d, dictEntry **des, unsigned int count, uint64_t *rng,
                             unsigned long *cursor) {
    if (count == 0 || dictSize(d) == 0) return 0;
    if (dictSize(d) < count) count = (unsigned int)dictSize(d);
    rehashStep(d);

    int tables = dictIsRehashing(d) ? 2 : 1;
    unsigned long maxmask = d->size[0] - 1;
    if (tables == 2 && d->size[1] > d->size[0]) maxmask = d->size[1] - 1;
    unsigned long visits = (unsigned long)count * DICT_SAMPLE_VISITS;
    unsigned long i = (cursor ? *cursor : (unsigned long)rlRandNext(rng)) & maxmask;
    unsigned long emptyrun = 0;
    unsigned int stored = 0;
    /* The chain heads of the buckets visited, prefetched as they are found and walked in
     * batches: the entries (one cache miss each, and the caller reads them next) load in
     * parallel instead of one after the other. The result is the same as walking each chain
     * when its bucket is visited; a batch ends once its heads alone would fill 'des'. */
    dictEntry *heads[DICT_SAMPLE_BATCH];
    unsigned long bucketOf[DICT_SAMPLE_BATCH]; /* each head's bucket index (for 'cursor') */
    unsigned nheads = 0, cut = 0;
    unsigned long start = i, next = i; /* next: the first bucket index not fully visited */

    while (stored < count && visits > 0) {
        for (int t = 0; t < tables && visits > 0; t++) {
            if (tables == 2 && t == 0 && i < (unsigned long)d->rehashidx) {
                /* Already-moved part of table[0]; if 'i' is also past table[1]'s end
                 * (shrinking), nothing lives below rehashidx anywhere: jump there. */
                if (i >= d->size[1])
                    i = (unsigned long)d->rehashidx;
                else
                    continue;
            }
            if (i >= d->size[t]) continue;
            visits--;
            next = t == 0 && tables == 2 && i < d->size[1] ? i : (i + 1) & maxmask;
            dictEntry *de = dictBucket(d, t, i);
            if (!de) {
                /* Long empty runs: jump elsewhere rather than crawl. */
                if (!cursor && ++emptyrun >= 5 && emptyrun > count) {
                    i = (unsigned long)rlRandNext(rng) & maxmask;
                    emptyrun = 0;
                }
                continue;
            }
            emptyrun = 0;
            PREFETCH_RW(de);
            bucketOf[nheads] = i;
            heads[nheads++] = de;
            if (nheads == DICT_SAMPLE_BATCH || stored + nheads >= count) {
                cut = emitChains(heads, nheads, des, &stored, count);
                if (stored == count) goto done;
                nheads = 0;
            }
        }
        i = (i + 1) & maxmask;
    }
    cut = emitChains(heads, nheads, des, &stored, count);
done:
    /* A sweep resumes at the first bucket not taken whole (past it when this call began
     * there, a chain longer than 'count': every call moves on), else after the last visit. */
    if (cursor) {
        *cursor = cut == nheads            ? next
                  : bucketOf[cut] != start ? bucketOf[cut]
                                           : (bucketOf[cut] + 1) & maxmask;
        prefetchSweep(d, *cursor, count, maxmask);
    }
    return stored;
}

unsigned int dictGetSomeKeys(dict *d, dictEntry **des, unsigned int count, uint64_t *rng) {
    return someKeys(d, des, count, rng, NULL);
}

unsigned int dictSampleKeysAt(dict *d, dictEntry **des, unsigned int count, unsigned long *cursor) {
    return someKeys(d, des, count, NULL, cursor);
}

/* Reverse the bits of 'v' (the SCAN cursor is incremented in reversed-bit order). */
static unsigned long reverseBits(unsigned long v) {
    unsigned long s = CHAR_BIT * sizeof(v);
    unsigned long mask = ~0UL;
    while ((s >>= 1) > 0) {
        mask ^= mask << s;
        v = ((v >> s) & mask) | ((v << s) & ~mask);
    }
    return v;
}

/* Call 'fn' for each entry of a bucket; 'next' is read first so 'fn' may delete 'de'. */
static void scanBucket(dictEntry *de, dictScanFunction fn, void *privdata) {
    while (de) {
        dictEntry *next = de->next;
        fn(privdata, de);
        de = next;
    }
}

unsigned long dictScan(dict *d, unsigned long cursor, dictScanFunction fn, void *privdata) {
    unsigned long v = cursor;
    if (dictSize(d) == 0) return 0;
    d->pauserehash++;
    if (!dictIsRehashing(d)) {
        unsigned long m0 = d->size[0] - 1;
        scanBucket(dictBucket(d, 0, v & m0), fn, privdata);
        /* Set the unmasked bits so the reversed increment carries into the masked ones. */
        v |= ~m0;
        v = reverseBits(v);
        v++;
        v = reverseBits(v);
    } else {
        int small = d->size[0] <= d->size[1] ? 0 : 1, big = 1 - small;
        unsigned long m0 = d->size[small] - 1, m1 = d->size[big] - 1;
        scanBucket(dictBucket(d, small, v & m0), fn, privdata);
        /* Then every bucket of the larger table that expands the small-table bucket. */
        do {
            scanBucket(dictBucket(d, big, v & m1), fn, privdata);
            v |= ~m1;
            v = reverseBits(v);
            v++;
            v = reverseBits(v);
        } while (v & (m0 ^ m1));
    }
    d->pauserehash--;
    return v;
}
