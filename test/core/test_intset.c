/* test_intset.c -- the sorted integer set against a plain model: widths upgrade at the
 * 16/32-bit limits, order and membership hold after random adds and removes. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

static int cmpI64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int test_intset_against_model(void) {
    rlSlab sl = {0};
    intset *is = intsetNew(&sl);
    static const int64_t EDGES[] = {0,         1,        -1,         32767,         -32768,
                                    32768,     -32769,   2147483647, -2147483648LL, 2147483648LL,
                                    INT64_MAX, INT64_MIN};
    enum { MAXN = 600 };
    int64_t model[MAXN];
    size_t n = 0;
    uint64_t rng = 99;
    for (int iter = 0; iter < 20000; iter++) {
        int64_t v = (rlRandNext(&rng) % 4 == 0)
                        ? EDGES[rlRandNext(&rng) % (sizeof(EDGES) / sizeof(EDGES[0]))]
                        : (int64_t)(rlRandNext(&rng) % 2000) - 1000;
        size_t pos = 0;
        while (pos < n && model[pos] != v)
            pos++;
        int present = pos < n;
        TEST_ASSERT(intsetFind(is, v) == present);
        int changed;
        if (rlRandNext(&rng) % 3 && n < MAXN) {
            is = intsetAdd(&sl, is, v, &changed);
            TEST_ASSERT(changed == !present);
            if (!present) model[n++] = v;
        } else {
            is = intsetRemove(&sl, is, v, &changed);
            TEST_ASSERT(changed == present);
            if (present) model[pos] = model[--n];
        }
        TEST_ASSERT(intsetValidate(is) && intsetLen(is) == n);
    }
    qsort(model, n, sizeof(*model), cmpI64);
    for (size_t i = 0; i < n; i++)
        TEST_ASSERT(intsetGet(is, (uint32_t)i) == model[i]);
    intset *dup = intsetDup(&sl, is);
    TEST_ASSERT(intsetLen(dup) == n && intsetBlobLen(dup) == intsetBlobLen(is));
    intsetFree(&sl, dup);
    intsetFree(&sl, is);
    slabRelease(&sl);
    return 0;
}
