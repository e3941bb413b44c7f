/* listpack.c -- the compact sequence of byte strings described in listpack.h. */
#include "listpack.h"

#include "alloc.h"
#include "util.h"

/* ---------------------------------------------------------------- memory */

static void setBytes(unsigned char *lp, uint32_t v) {
    memcpy(lp, &v, 4);
}

static void setLength(unsigned char *lp, uint32_t v) {
    memcpy(lp + 4, &v, 4);
}

/* Resize 'lp' from 'old' to 'size' bytes, keeping the first min(old, size) bytes. Nothing
 * moves while both sizes have the same capacity (slabCapacity: the slab's classes when small,
 * eighths of a power of two when large). */
static unsigned char *lpResize(rlSlab *sl, unsigned char *lp, size_t old, size_t size) {
    size_t oldcap = slabCapacity(old), cap = slabCapacity(size);
    if (oldcap == cap) return lp;
    return slabRealloc(sl, lp, oldcap, cap);
}

unsigned char *lpNew(rlSlab *sl) {
    unsigned char *lp = slabAlloc(sl, LP_HDR_SIZE);
    setBytes(lp, LP_HDR_SIZE);
    setLength(lp, 0);
    return lp;
}

void lpFree(rlSlab *sl, unsigned char *lp) {
    if (lp) slabFree(sl, lp, slabCapacity(lpBytes(lp)));
}

unsigned char *lpDup(rlSlab *sl, const unsigned char *lp) {
    unsigned char *n = slabAlloc(sl, slabCapacity(lpBytes(lp)));
    memcpy(n, lp, lpBytes(lp));
    return n;
}

/* ---------------------------------------------------------------- varints */

/* Bytes needed for 'v' as a varint (either direction). */
static size_t varintSize(uint64_t v) {
    size_t n = 1;
    while (v >= 128) {
        v >>= 7;
        n++;
    }
    return n;
}

/* Forward varint: lowest 7 bits first, high bit = more follow. */
static void writeForward(unsigned char *p, uint64_t v) {
    while (v >= 128) {
        *p++ = (unsigned char)(v | 128);
        v >>= 7;
    }
    *p = (unsigned char)v;
}

static uint64_t readForward(const unsigned char *p, size_t *n) {
    uint64_t v = 0;
    size_t i = 0;
    do {
        v |= (uint64_t)(p[i] & 127) << (7 * i);
    } while (p[i++] & 128);
    *n = i;
    return v;
}

/* Backward varint of 'size' bytes ending just before p + size: the last byte holds the
 * lowest 7 bits, each byte with its high bit set has more to its left. */
static void writeBackward(unsigned char *p, uint64_t v, size_t size) {
    for (size_t i = size; i-- > 0;) {
        p[i] = (unsigned char)((v & 127) | (i > 0 ? 128 : 0));
        v >>= 7;
    }
}

/* Read the backward varint that ends just before 'end'; '*n' gets its size. */
static uint64_t readBackward(const unsigned char *end, size_t *n) {
    uint64_t v = 0;
    size_t i = 0;
    do {
        i++;
        v |= (uint64_t)(end[-(long)i] & 127) << (7 * (i - 1));
    } while (end[-(long)i] & 128);
    *n = i;
    return v;
}

/* ---------------------------------------------------------------- entries */

/* Size of [len][bytes] for a string of 'len' bytes, and of the whole entry. */
static size_t encodedSize(size_t len) {
    return varintSize(len) + len;
}

static size_t entrySizeForLen(size_t len) {
    size_t e = encodedSize(len);
    return e + varintSize(e);
}

/* Size of the whole entry at 'p'. */
static size_t entrySize(const unsigned char *p) {
    size_t n;
    uint64_t len = readForward(p, &n);
    return entrySizeForLen((size_t)len);
}

static void writeEntry(unsigned char *p, const char *s, size_t len) {
    size_t n = varintSize(len);
    writeForward(p, len);
    if (len) memcpy(p + n, s, len);
    size_t e = n + len;
    writeBackward(p + e, e, varintSize(e));
}

const char *lpGetSlow(const unsigned char *p, size_t *len) {
    size_t n;
    *len = (size_t)readForward(p, &n);
    return (const char *)p + n;
}

int lpEq(const unsigned char *p, const char *s, size_t len) {
    size_t elen;
    const char *e = lpGet(p, &elen);
    return elen == len && (len == 0 || memcmp(e, s, len) == 0);
}

/* ---------------------------------------------------------------- navigation */

unsigned char *lpFirst(unsigned char *lp) {
    return lpLength(lp) ? lp + LP_HDR_SIZE : NULL;
}

unsigned char *lpLast(unsigned char *lp) {
    if (!lpLength(lp)) return NULL;
    unsigned char *end = lp + lpBytes(lp);
    size_t n;
    uint64_t e = readBackward(end, &n);
    return end - n - e;
}

unsigned char *lpNext(unsigned char *lp, unsigned char *p) {
    unsigned char *q = p + entrySize(p);
    return q < lp + lpBytes(lp) ? q : NULL;
}

unsigned char *lpPrev(unsigned char *lp, unsigned char *p) {
    if (p <= lp + LP_HDR_SIZE) return NULL;
    size_t n;
    uint64_t e = readBackward(p, &n);
    return p - n - e;
}

unsigned char *lpSeek(unsigned char *lp, long index) {
    long len = (long)lpLength(lp);
    if (index < 0) index += len;
    if (index < 0 || index >= len) return NULL;
    unsigned char *p;
    if (index < len / 2) {
        p = lpFirst(lp);
        while (index-- > 0)
            p = lpNext(lp, p);
    } else {
        p = lpLast(lp);
        for (long i = len - 1; i > index; i--)
            p = lpPrev(lp, p);
    }
    return p;
}

/* The hot loop of hash, set and sorted-set lookups: each entry is decoded once, and
 * candidates of the right length are first compared on their last byte (keys that share
 * a prefix, "field:0001"..."field:0099", differ there) before memcmp. */
unsigned char *lpFind(unsigned char *lp, unsigned char *p, const char *s, size_t len,
                      unsigned skip) {
    const unsigned char *end = lp + lpBytes(lp);
    unsigned pending = 0; /* entries still to skip before the next comparison */
    if (skip == 1 && len > 0 && len < 127) {
        /* Field/value pairs (hashes, sorted sets) whose entries are under 127 bytes: an
         * entry is then [len][bytes][back] with one-byte len and back, so a pair is one
         * step of two loads. Leaves to the general loop at the first longer entry. */
        const unsigned char last = (unsigned char)s[len - 1];
        while (p && p + 1 < end && p[0] < 127) {
            if (p[0] == len && p[len] == last && rlMemEq(p + 1, s, len)) return p;
            unsigned char *q = p + p[0] + 2; /* the value */
            if (q >= end) return NULL;
            if (q[0] >= 127) {
                p = q;
                pending = 1;
                break;
            }
            p = q + q[0] + 2;
        }
    }
    while (p && p < end) {
        size_t n;
        uint64_t elen;
        if (p[0] < 128) {
            elen = p[0];
            n = 1;
        } else {
            elen = readForward(p, &n);
        }
        if (pending == 0) {
            if (elen == len && (len == 0 || (p[n + len - 1] == (unsigned char)s[len - 1] &&
                                             rlMemEq(p + n, s, len))))
                return p;
            pending = skip;
        } else {
            pending--;
        }
        size_t e = n + (size_t)elen;
        p += e + (e < 128 ? 1 : varintSize(e));
    }
    return NULL;
}

/* ---------------------------------------------------------------- changes */

/* Replace the 'oldsize' bytes at offset 'off' with 'newsize' bytes (content left to the
 * caller), adjusting the total; returns the new listpack. */
static unsigned char *splice(rlSlab *sl, unsigned char *lp, size_t off, size_t oldsize,
                             size_t newsize) {
    size_t total = lpBytes(lp);
    size_t ntotal = total - oldsize + newsize;
    if (ntotal > UINT32_MAX) rlOom(ntotal); /* callers' thresholds keep listpacks small */
    if (newsize > oldsize) {
        lp = lpResize(sl, lp, total, ntotal);
        memmove(lp + off + newsize, lp + off + oldsize, total - off - oldsize);
    } else if (newsize < oldsize) {
        memmove(lp + off + newsize, lp + off + oldsize, total - off - oldsize);
        lp = lpResize(sl, lp, total, ntotal);
    }
    setBytes(lp, (uint32_t)ntotal);
    return lp;
}

unsigned char *lpInsert(rlSlab *sl, unsigned char *lp, unsigned char *p, const char *s, size_t len,
                        unsigned char **newp) {
    size_t off = p ? (size_t)(p - lp) : lpBytes(lp);
    size_t es = entrySizeForLen(len);
    lp = splice(sl, lp, off, 0, es);
    writeEntry(lp + off, s, len);
    setLength(lp, lpLength(lp) + 1);
    if (newp) *newp = lp + off;
    return lp;
}

unsigned char *lpInsertPair(rlSlab *sl, unsigned char *lp, unsigned char *p, const char *a,
                            size_t alen, const char *b, size_t blen) {
    size_t off = p ? (size_t)(p - lp) : lpBytes(lp);
    size_t ea = entrySizeForLen(alen);
    lp = splice(sl, lp, off, 0, ea + entrySizeForLen(blen));
    writeEntry(lp + off, a, alen);
    writeEntry(lp + off + ea, b, blen);
    setLength(lp, lpLength(lp) + 2);
    return lp;
}

unsigned char *lpAppend(rlSlab *sl, unsigned char *lp, const char *s, size_t len) {
    return lpInsert(sl, lp, NULL, s, len, NULL);
}

unsigned char *lpPrepend(rlSlab *sl, unsigned char *lp, const char *s, size_t len) {
    return lpInsert(sl, lp, lpFirst(lp), s, len, NULL);
}

unsigned char *lpReplace(rlSlab *sl, unsigned char *lp, unsigned char **p, const char *s,
                         size_t len) {
    size_t off = (size_t)(*p - lp);
    lp = splice(sl, lp, off, entrySize(*p), entrySizeForLen(len));
    writeEntry(lp + off, s, len);
    *p = lp + off;
    return lp;
}

unsigned char *lpDeleteRange(rlSlab *sl, unsigned char *lp, unsigned char *p, unsigned long count,
                             unsigned char **next) {
    size_t off = (size_t)(p - lp);
    unsigned char *q = p;
    unsigned long deleted = 0;
    while (q && deleted < count) {
        q = lpNext(lp, q);
        deleted++;
    }
    size_t oldsize = (q ? (size_t)(q - lp) : lpBytes(lp)) - off;
    lp = splice(sl, lp, off, oldsize, 0);
    setLength(lp, lpLength(lp) - (uint32_t)deleted);
    if (next) *next = off < lpBytes(lp) ? lp + off : NULL;
    return lp;
}

unsigned char *lpDelete(rlSlab *sl, unsigned char *lp, unsigned char *p, unsigned char **next) {
    return lpDeleteRange(sl, lp, p, 1, next);
}

int lpValidate(const unsigned char *lp) {
    uint32_t total = lpBytes(lp), count = 0;
    if (total < LP_HDR_SIZE) return 0;
    size_t off = LP_HDR_SIZE;
    while (off < total) {
        size_t n;
        if (total - off < 2) return 0;
        uint64_t len = readForward(lp + off, &n);
        if (len > total || off + n + len >= total) return 0;
        size_t e = n + (size_t)len;
        size_t bn = varintSize(e);
        if (off + e + bn > total) return 0;
        size_t rn;
        if (readBackward(lp + off + e + bn, &rn) != e || rn != bn) return 0;
        off += e + bn;
        count++;
    }
    return off == total && count == lpLength(lp);
}
