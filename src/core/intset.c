/* intset.c -- the sorted integer set described in intset.h. */
#include "intset.h"

#include <string.h>

#include "alloc.h"

struct intset {
    uint32_t width; /* bytes per element: 2, 4 or 8 */
    uint32_t length;
    int8_t contents[];
};

static size_t sizeFor(uint32_t width, uint32_t length) {
    return sizeof(intset) + (size_t)width * length;
}

/* Smallest width that holds 'v'. */
static uint32_t widthFor(int64_t v) {
    if (v >= INT16_MIN && v <= INT16_MAX) return 2;
    if (v >= INT32_MIN && v <= INT32_MAX) return 4;
    return 8;
}

static int64_t getWidth(const intset *is, uint32_t pos, uint32_t width) {
    if (width == 2) {
        int16_t v;
        memcpy(&v, is->contents + (size_t)pos * 2, 2);
        return v;
    }
    if (width == 4) {
        int32_t v;
        memcpy(&v, is->contents + (size_t)pos * 4, 4);
        return v;
    }
    int64_t v;
    memcpy(&v, is->contents + (size_t)pos * 8, 8);
    return v;
}

static void set(intset *is, uint32_t pos, int64_t v) {
    if (is->width == 2) {
        int16_t x = (int16_t)v;
        memcpy(is->contents + (size_t)pos * 2, &x, 2);
    } else if (is->width == 4) {
        int32_t x = (int32_t)v;
        memcpy(is->contents + (size_t)pos * 4, &x, 4);
    } else {
        memcpy(is->contents + (size_t)pos * 8, &v, 8);
    }
}

int64_t intsetGet(const intset *is, uint32_t pos) {
    return getWidth(is, pos, is->width);
}

uint32_t intsetLen(const intset *is) {
    return is->length;
}

size_t intsetBlobLen(const intset *is) {
    return sizeFor(is->width, is->length);
}

/* A new intset of 'width' x 'length' (contents uninitialised). */
static intset *alloc(rlSlab *sl, uint32_t width, uint32_t length) {
    size_t size = sizeFor(width, length);
    if (size > UINT32_MAX) rlOom(size); /* callers' thresholds keep intsets small */
    intset *is = slabAlloc(sl, size);
    is->width = width;
    is->length = length;
    return is;
}

intset *intsetNew(rlSlab *sl) {
    return alloc(sl, 2, 0);
}

void intsetFree(rlSlab *sl, intset *is) {
    if (is) slabFree(sl, is, intsetBlobLen(is));
}

intset *intsetDup(rlSlab *sl, const intset *is) {
    intset *n = alloc(sl, is->width, is->length);
    memcpy(n->contents, is->contents, (size_t)is->width * is->length);
    return n;
}

/* Binary search: 1 and '*pos' = index if found, else 0 and '*pos' = insertion point. */
static int search(const intset *is, int64_t v, uint32_t *pos) {
    uint32_t lo = 0, hi = is->length;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int64_t cur = intsetGet(is, mid);
        if (cur == v) {
            *pos = mid;
            return 1;
        }
        if (cur < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    *pos = lo;
    return 0;
}

int intsetFind(const intset *is, int64_t v) {
    uint32_t pos;
    return widthFor(v) <= is->width && search(is, v, &pos);
}

intset *intsetAdd(rlSlab *sl, intset *is, int64_t v, int *added) {
    uint32_t width = widthFor(v), pos;
    *added = 0;
    if (width <= is->width && search(is, v, &pos)) return is;
    if (width < is->width) width = is->width;
    if (width > is->width) pos = v < 0 ? 0 : is->length; /* beyond every current element */
    intset *n = alloc(sl, width, is->length + 1);
    for (uint32_t i = 0, j = 0; i < n->length; i++) {
        if (i == pos)
            set(n, i, v);
        else
            set(n, i, getWidth(is, j++, is->width));
    }
    intsetFree(sl, is);
    *added = 1;
    return n;
}

intset *intsetRemove(rlSlab *sl, intset *is, int64_t v, int *removed) {
    uint32_t pos;
    *removed = 0;
    if (widthFor(v) > is->width || !search(is, v, &pos)) return is;
    intset *n = alloc(sl, is->width, is->length - 1);
    size_t w = is->width;
    memcpy(n->contents, is->contents, w * pos);
    memcpy(n->contents + w * pos, is->contents + w * (pos + 1), w * (is->length - pos - 1));
    intsetFree(sl, is);
    *removed = 1;
    return n;
}

int intsetValidate(const intset *is) {
    if (is->width != 2 && is->width != 4 && is->width != 8) return 0;
    uint32_t maxw = 2;
    for (uint32_t i = 0; i < is->length; i++) {
        int64_t v = intsetGet(is, i);
        if (widthFor(v) > maxw) maxw = widthFor(v);
        if (i && intsetGet(is, i - 1) >= v) return 0;
    }
    return is->length == 0 || maxw <= is->width;
}
