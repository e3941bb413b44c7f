/* dict.h -- hash table with incremental rehashing, keyed by binary-safe strings.
 *
 * The one table of redlite: the keyspace, the expires index and (later) every large
 * collection use it. The design follows Redis's dict.c (two tables, a rehash index that
 * moves a bounded number of buckets per operation, a reverse-binary SCAN cursor that
 * survives resizes); the code is our own.
 *
 * Keys are byte strings copied into the entry itself (one allocation per entry: the key
 * bytes follow the entry header, not NUL-terminated: every user goes by keylen). The value,
 * 8 bytes (a pointer, a signed/unsigned 64-bit integer or a double), follows the key's last
 * byte, unless the dict's type has none (a set's members): then an entry is 8 bytes smaller.
 * (An entry is 16 + keylen + 8 bytes: 40 for a 16-byte key, which the slab's 8-byte classes
 * store without padding.)
 *
 * Growth never moves all entries at once: when the table must grow, a second table is
 * started (its 64 KB bucket segments are allocated on first write) and entries migrate
 * DICT_REHASH_STEP buckets per lookup/insert/delete, or in larger bounded slices through
 * dictRehash(); old segments are freed as they empty. No function here other than
 * dictRelease()/dictEmpty() does work proportional to the table size (dictGetRandomKey
 * can walk a very sparse table; see its comment).
 */
#ifndef RL_DICT_H
#define RL_DICT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DICT_OK 0
#define DICT_ERR 1

/* Initial size of a table's first bucket array (power of two). */
#define DICT_HT_INITIAL_EXP 2
/* A table of at most this many buckets is rehashed completely when it is resized (a few
 * microseconds): small dicts, which grow often relative to their size, would otherwise
 * spend much of their life with two tables, every lookup probing both. */
#define DICT_REHASH_AT_ONCE_MAX 256
/* Buckets moved per ordinary operation while rehashing. */
#define DICT_REHASH_STEP 1
/* dictRehash(d, n) visits at most n * DICT_REHASH_EMPTY_VISITS empty buckets, so a call is
 * bounded even in a sparse table (Redis uses the same factor of 10). */
#define DICT_REHASH_EMPTY_VISITS 10
/* Shrink when fewer than 1 in DICT_SHRINK_RATIO buckets is used (and size > initial). */
#define DICT_SHRINK_RATIO 8

typedef struct dictEntry {
    struct dictEntry *next; /* chain in the bucket */
    uint32_t keylen;        /* length of key[] without the trailing NUL */
    uint32_t meta;          /* the dict user's, 0 when added (it fills the header's padding: no
                               extra bytes); the keyspace keeps the key's access clock here */
    char key[];             /* keylen bytes, then the value (unaligned: use the accessors
                               below) unless the dict's type has no_value */
} dictEntry;

/* The value of an entry of a dict with values (never of a no_value dict), read and written
 * as a pointer (dictGetVal/dictSetVal), int64_t (S64), uint64_t (U64) or double (Double). */
#define DICT_VAL_AT(de) ((de)->key + (de)->keylen)
#define DICT_VAL_ACCESSORS(Name, T)                                                                \
    static inline T dictGet##Name(const dictEntry *de) {                                           \
        T v;                                                                                       \
        memcpy(&v, DICT_VAL_AT(de), sizeof(v));                                                    \
        return v;                                                                                  \
    }                                                                                              \
    static inline void dictSet##Name(dictEntry *de, T v) {                                         \
        memcpy(DICT_VAL_AT(de), &v, sizeof(v));                                                    \
    }
DICT_VAL_ACCESSORS(Val, void *)
DICT_VAL_ACCESSORS(S64, int64_t)
DICT_VAL_ACCESSORS(U64, uint64_t)
DICT_VAL_ACCESSORS(Double, double)

typedef struct dictType {
    /* Called with (privdata, entry) when an entry is deleted or the dict is released or
     * emptied, before the entry's memory is freed. May be NULL. */
    void (*entryDestructor)(void *privdata, dictEntry *de);
    /* Entry memory: allocate / free 'size' bytes (the size is given back on free). Both
     * NULL: rl_malloc / rl_free. The keyspace uses the server's slab allocator. */
    void *(*entryAlloc)(void *privdata, size_t size);
    void (*entryFree)(void *privdata, void *p, size_t size);
    /* Memory accounting of the dict's own allocations (the dict header and bucket arrays,
     * which come from rl_malloc): called with +bytes after allocating, -bytes before
     * freeing. May be NULL. */
    void (*account)(void *privdata, long long delta);
    /* Nonzero: entries carry no value (a set's members), 8 bytes less each. */
    int no_value;
    /* Inline values (the keyspace's robj), when set: an entry holds its value itself, at
     * dictInlineVal (after the key, at an 8-byte boundary), and this returns the value's
     * size from the value's own bytes. Such a dict is filled only by dictAddInline and
     * dictSetInline (never dictAdd, dictAddRaw*, dictSetVal or dictGetVal). */
    size_t (*inlineSize)(const void *val);
} dictType;

/* Where an inline value starts in the entry of a 'keylen'-byte key: after the key, rounded
 * up to 8 bytes (entries are 8-byte aligned). A 16-byte key with a 104-byte value (a
 * 100-byte EMBSTR) makes an entry of 16 + 16 + 104 = 136 bytes, one allocation. */
#define DICT_INLINE_OFFSET(keylen) (sizeof(dictEntry) + (((size_t)(keylen) + 7) & ~(size_t)7))
static inline void *dictInlineVal(const dictEntry *de) {
    return (char *)de + DICT_INLINE_OFFSET(de->keylen);
}

typedef struct dict {
    /* What a lookup reads comes first, so that it shares the header's first cache line. */
    uint64_t seed0, seed1; /* hash key (SipHash-style keyed hash), set at creation */
    dictEntry ***table[2]; /* segment arrays: see dictBucket() */
    unsigned long size[2]; /* number of buckets, 0 or a power of two */
    long rehashidx;        /* -1 when not rehashing, else next bucket of table[0] to move */
    /* The segment array of a table of one segment (at most DICT_SEG_BUCKETS buckets, which
     * is every hash, set and sorted set of ordinary size): table[t] points here instead of
     * to an allocation of its own, which saves a dependent load (a likely cache miss) on
     * every lookup of a small dict, and an allocation. */
    dictEntry **seg1[2];
    unsigned long used[2];
    const dictType *type;
    void *privdata;     /* handed to the type's callbacks */
    int pauserehash;    /* >0: rehashing is paused (safe iterators, scans in progress) */
    int resize_allowed; /* 0 forbids growth/shrink except when load is extreme */
} dict;

/* Bucket arrays are split into segments of up to DICT_SEG_BUCKETS buckets (64 KB), each
 * allocated on its first write and freed as soon as rehashing has emptied it, so that no
 * single allocation or free grows with the table. (Freeing a 64 MB bucket array in one
 * free() measured 6-12 ms here: the munmap of touched pages; a segment costs microseconds.)
 * table[t] is an array of size[t] / DICT_SEG_BUCKETS segment pointers (at least one); a
 * NULL segment holds only empty buckets. */
#define DICT_SEG_SHIFT 13
#define DICT_SEG_BUCKETS (1UL << DICT_SEG_SHIFT)
#define DICT_SEG_MASK (DICT_SEG_BUCKETS - 1)

typedef struct dictIterator {
    dict *d;
    long index;
    int table, safe;
    dictEntry *entry, *nextEntry;
} dictIterator;

/* Called by dictScan for each entry visited. */
typedef void (*dictScanFunction)(void *privdata, const dictEntry *de);

/* Create an empty dict. 'type' may have NULL callbacks; 'privdata' is passed to them;
 * 'seed0'/'seed1' key the hash function (use random values per server: HashDoS).
 * Never returns NULL (allocation failure aborts through rlOom). O(1). */
dict *dictCreate(const dictType *type, void *privdata, uint64_t seed0, uint64_t seed1);

/* Free every entry (calling the destructor) and the dict itself. O(N). */
void dictRelease(dict *d);

/* Remove every entry (calling the destructor); the dict stays usable. O(N). */
void dictEmpty(dict *d);

/* Incremental dictEmpty for a dict nobody else uses any more (lazy free): free up to
 * 'budget' entries from position '*table'/'*idx' (both start at 0) onwards, releasing each
 * bucket segment once passed. Returns 1 while entries or tables remain, 0 when the dict is
 * empty (then dictRelease is O(1)). Never rehashes. */
int dictEmptySome(dict *d, int *table, unsigned long *idx, long budget);

/* Number of entries. */
#define dictSize(d) ((d)->used[0] + (d)->used[1])
#define dictIsRehashing(d) ((d)->rehashidx != -1)
/* Bytes of the dict's own allocations (header, segment arrays, allocated segments), not
 * counting entries: what it reported through its type's 'account'. O(segments). */
size_t dictOverheadBytes(const dict *d);
/* Number of buckets in both tables (memory overhead reporting). */
#define dictBuckets(d) ((d)->size[0] + (d)->size[1])

/* The head of bucket 'i' of table 't' (i < size[t]), or NULL. */
static inline dictEntry *dictBucket(const dict *d, int t, unsigned long i) {
    dictEntry **seg = d->table[t][i >> DICT_SEG_SHIFT];
    return seg ? seg[i & DICT_SEG_MASK] : NULL;
}

/* Keyed 64-bit hash of 'len' bytes at 'key' with the dict's seeds. */
uint64_t dictHashKey(const dict *d, const void *key, size_t len);

/* Find the entry for 'key'/'len', or NULL. Performs one rehash step. O(1) average. */
dictEntry *dictFind(dict *d, const void *key, size_t len);
/* dictFind without its rehash step: changes nothing (invariant checks). */
dictEntry *dictPeek(const dict *d, const void *key, size_t len);

/* Insert a new entry for 'key'/'len' with a zeroed value and return it. If the key exists,
 * return NULL and store the existing entry in '*existing' (when 'existing' is not NULL).
 * A key longer than UINT32_MAX bytes is rejected: NULL with '*existing' set to NULL.
 * May start a rehash (allocating the new table) but never moves more than
 * DICT_REHASH_STEP buckets. O(1) average. */
dictEntry *dictAddRaw(dict *d, const void *key, size_t len, dictEntry **existing);

/* Hint that 'key' will be looked up or inserted soon: prefetch its bucket(s) so the cache
 * miss overlaps the caller's work in between (e.g. building the value). No effect on
 * the dict's contents. Returns the key's hash, for dictAddRawHashed. O(1). */
uint64_t dictPrefetch(const dict *d, const void *key, size_t len);

/* dictAddRaw with the key's hash already computed (by dictHashKey or dictPrefetch on this
 * dict, with no resize of the dict's seeds in between: seeds never change). */
dictEntry *dictAddRawHashed(dict *d, const void *key, size_t len, uint64_t hash,
                            dictEntry **existing);

/* Add 'key' -> 'val' ('val' is ignored by a no_value dict). Returns DICT_OK, or DICT_ERR when
 * the key already exists. */
int dictAdd(dict *d, const void *key, size_t len, void *val);

/* Delete 'key', calling the destructor. Returns DICT_OK, or DICT_ERR when absent. */
int dictDelete(dict *d, const void *key, size_t len);

/* Remove 'key' from the table without calling the destructor or freeing the entry;
 * return the entry (or NULL when absent). The caller later calls dictFreeUnlinkedEntry. */
dictEntry *dictUnlink(dict *d, const void *key, size_t len);

/* 1 when the entries of 'd' carry a value (its type is not no_value). */
#define dictHasValues(d) (!((d)->type && (d)->type->no_value))

/* Bytes allocated for an entry of dict 'd' with a key of 'keylen' bytes (not for a dict
 * with inline values: see dictEntrySize). */
#define dictEntryAllocSize(d, keylen)                                                              \
    (sizeof(dictEntry) + (size_t)(keylen) + (dictHasValues(d) ? 8 : 0))

/* Call the destructor on an entry returned by dictUnlink and free it. NULL is a no-op. */
void dictFreeUnlinkedEntry(dict *d, dictEntry *de);
/* Free an entry returned by dictUnlink without calling the destructor: its value has been
 * moved elsewhere (an inline value's header must still be intact: it sizes the entry). */
void dictFreeUnlinkedEntryShell(dict *d, dictEntry *de);

/* Bytes allocated for entry 'de' of 'd' (dictEntryAllocSize, or with its inline value). */
size_t dictEntrySize(const dict *d, const dictEntry *de);

/* dictAddRawHashed for an inline-value dict: the new entry holds a copy of the 'valsize'
 * bytes at 'val'. NULL (with '*existing' set, when given) if the key exists. */
dictEntry *dictAddInline(dict *d, const void *key, size_t len, uint64_t hash, const void *val,
                         size_t valsize, dictEntry **existing);

/* Set 'key' of an inline-value dict to a copy of the 'valsize' bytes at 'val', in a new
 * entry either way (for a value whose size differs from the old one's: a caller that keeps
 * the size rewrites dictInlineVal in place). When the key was there, its new entry takes
 * the old one's place in the bucket, with the same meta, and the old entry is unlinked and
 * returned in '*old' (else NULL): the caller releases its value and frees it with
 * dictFreeUnlinkedEntryShell. No iterator may be on 'd'. O(1) average. */
dictEntry *dictSetInline(dict *d, const void *key, size_t len, uint64_t hash, const void *val,
                         size_t valsize, dictEntry **old);

/* Move up to 'n' buckets from the old table to the new one, visiting at most
 * n*DICT_REHASH_EMPTY_VISITS empty buckets. Returns 1 if rehashing is still in progress
 * afterwards, 0 when done (or not rehashing). Does nothing (returns 1) while rehashing is
 * paused by a safe iterator or a scan. Frees each segment of the old table as soon as it is
 * emptied, so the old table is released in pieces over the rehash. */
int dictRehash(dict *d, int n);

/* Shrink or grow the table toward the ideal size for its element count if it is far from
 * it (used by cron after mass deletions). Only starts an incremental rehash; O(1) plus the
 * allocation of the new bucket array. Returns DICT_OK if a resize was started. */
int dictResizeIfNeeded(dict *d);

/* Iterate. A safe iterator pauses rehashing so the caller may delete the entry it is on
 * (and only that entry); an unsafe iterator allows no modification at all. */
dictIterator *dictGetIterator(dict *d);
dictIterator *dictGetSafeIterator(dict *d);
dictEntry *dictNext(dictIterator *iter);
void dictReleaseIterator(dictIterator *iter);

/* Return a random entry, or NULL if empty. 'rng' is the caller's PRNG state (advanced).
 * Bounded: when it has to probe empty buckets it gives up after a fixed number of
 * probes and falls back to a bounded linear walk. */
dictEntry *dictGetRandomKey(dict *d, uint64_t *rng);

/* Fill 'des' with up to 'count' entries sampled from random positions (may repeat, may be
 * fewer than count). Bounded work (at most count*10 bucket visits). Returns how many
 * were stored. Used by active expiry and eviction sampling. */
unsigned int dictGetSomeKeys(dict *d, dictEntry **des, unsigned int count, uint64_t *rng);

/* dictGetSomeKeys from a sweeping position instead of a random one: the buckets from
 * '*cursor' on (taken modulo the table size), and '*cursor' moves past the last bucket
 * visited, so successive calls walk the table in order and a full sweep sees every entry
 * that stays put. The bucket array is read in order (cache- and prefetch-friendly); each
 * call visits at most count*10 buckets. Used by eviction sampling. */
unsigned int dictSampleKeysAt(dict *d, dictEntry **des, unsigned int count, unsigned long *cursor);

/* SCAN one step: call 'fn' for every entry of the bucket(s) at 'cursor' (in both tables
 * when rehashing) and return the next cursor, 0 when the iteration is complete.
 * Guarantee (as Redis's dictScan): every entry present for the whole iteration is
 * returned at least once, even across resizes; entries may be returned more than once. */
unsigned long dictScan(dict *d, unsigned long cursor, dictScanFunction fn, void *privdata);

/* Pseudo-random generator helper shared by the core: xorshift64* step. 'state' must be
 * non-zero. */
uint64_t rlRandNext(uint64_t *state);

#endif
