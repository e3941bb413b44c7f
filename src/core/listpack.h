/* listpack.h -- a compact sequence of byte strings in one allocation (our own format, in
 * the spirit of Redis's listpack): the small encoding of hashes, sets, sorted sets and the
 * nodes of lists.
 *
 * Layout: an 8-byte header (uint32 total bytes, uint32 entry count) then the entries. An
 * entry is [len][bytes][back]: 'len' the byte count as a little-endian base-128 varint,
 * 'back' the size of [len][bytes] as a varint written to be read backwards (its last byte
 * holds the lowest 7 bits; a set high bit means more bytes to the left). So both forward
 * and backward steps are O(1), and an entry of under 128 bytes costs 2 bytes of overhead.
 *
 * Entries are addressed by pointers into the listpack ('p'). Every function that changes
 * the listpack may move it: it returns the new listpack, and pointers held by the caller
 * are invalid afterwards unless the function hands back an updated one. Memory comes from
 * the server's slab (rl_malloc above SLAB_MAX_SIZE). Sizes are bounded by the callers'
 * encoding thresholds; the total must stay below 4 GB. */
#ifndef RL_LISTPACK_H
#define RL_LISTPACK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "slab.h"

#define LP_HDR_SIZE 8

/* An empty listpack. Never returns NULL. */
unsigned char *lpNew(rlSlab *sl);
void lpFree(rlSlab *sl, unsigned char *lp);
/* A copy of 'lp'. */
unsigned char *lpDup(rlSlab *sl, const unsigned char *lp);

/* Total bytes, and number of entries. O(1). */
/* Bytes allocated for 'lp' (its capacity, slabCapacity) by the slab's count. */
#define lpAllocBytes(lp) slabObjectBytes(slabCapacity(lpBytes(lp)))

static inline uint32_t lpBytes(const unsigned char *lp) {
    uint32_t v;
    memcpy(&v, lp, 4);
    return v;
}
static inline uint32_t lpLength(const unsigned char *lp) {
    uint32_t v;
    memcpy(&v, lp + 4, 4);
    return v;
}

/* First / last entry, or NULL when empty. Next / previous entry of 'p', or NULL. O(1). */
unsigned char *lpFirst(unsigned char *lp);
unsigned char *lpLast(unsigned char *lp);
unsigned char *lpNext(unsigned char *lp, unsigned char *p);
unsigned char *lpPrev(unsigned char *lp, unsigned char *p);
/* The entry at 'index' (negative: from the end, -1 the last), or NULL. O(N). */
unsigned char *lpSeek(unsigned char *lp, long index);

/* The bytes of the entry at 'p' and their count. */
const char *lpGetSlow(const unsigned char *p, size_t *len);
static inline const char *lpGet(const unsigned char *p, size_t *len) {
    if (p[0] < 128) { /* entries under 128 bytes: a one-byte length */
        *len = p[0];
        return (const char *)p + 1;
    }
    return lpGetSlow(p, len);
}

/* The entry after 'p', without checking for the end of the listpack: the caller compares
 * the result with lp + lpBytes(lp). For tight scans (sorted-set inserts). */
static inline unsigned char *lpSkip(unsigned char *p) {
    size_t len;
    const char *data = lpGet(p, &len);
    size_t e = (size_t)((const unsigned char *)data - p) + len;
    size_t back = 1;
    for (size_t v = e; v >= 128; v >>= 7)
        back++;
    return p + e + back;
}
/* 1 if the entry at 'p' holds exactly 's'/'len'. */
int lpEq(const unsigned char *p, const char *s, size_t len);

/* Starting at 'p', the first entry equal to 's'/'len' among p and every (skip+1)-th
 * entry after it (skip 1: compare fields of field/value pairs only), or NULL. O(N). */
unsigned char *lpFind(unsigned char *lp, unsigned char *p, const char *s, size_t len,
                      unsigned skip);

/* Insert 's'/'len' before the entry 'p' (NULL: at the end). '*newp' (if not NULL) gets
 * the inserted entry. */
unsigned char *lpInsert(rlSlab *sl, unsigned char *lp, unsigned char *p, const char *s, size_t len,
                        unsigned char **newp);
/* Insert two entries, 'a' then 'b', before 'p' (NULL: at the end) in one resize (a hash's
 * field and value, a sorted set's member and score). */
unsigned char *lpInsertPair(rlSlab *sl, unsigned char *lp, unsigned char *p, const char *a,
                            size_t alen, const char *b, size_t blen);
unsigned char *lpAppend(rlSlab *sl, unsigned char *lp, const char *s, size_t len);
unsigned char *lpPrepend(rlSlab *sl, unsigned char *lp, const char *s, size_t len);
/* Replace the entry '*p' with 's'/'len'; '*p' is updated to the new entry. */
unsigned char *lpReplace(rlSlab *sl, unsigned char *lp, unsigned char **p, const char *s,
                         size_t len);
/* Delete 'count' entries starting at 'p' (fewer if the listpack ends first). '*next' (if
 * not NULL) gets the entry that followed them, or NULL. */
unsigned char *lpDeleteRange(rlSlab *sl, unsigned char *lp, unsigned char *p, unsigned long count,
                             unsigned char **next);
/* Delete the entry 'p'. */
unsigned char *lpDelete(rlSlab *sl, unsigned char *lp, unsigned char *p, unsigned char **next);

/* 1 if every entry is well formed and the header counts agree (tests, debug check). */
int lpValidate(const unsigned char *lp);

#endif
