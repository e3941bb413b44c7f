/* test_listpack.c -- the compact sequence: navigation both ways, inserts, replaces and
 * deletes at every position, entries of every varint size, against a plain model. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

/* Compare 'lp' with the model strings[0..n) forwards and backwards. */
static int matches(unsigned char *lp, char **strs, size_t *lens, size_t n) {
    if (!lpValidate(lp) || lpLength(lp) != n) return 0;
    size_t i = 0;
    for (unsigned char *p = lpFirst(lp); p; p = lpNext(lp, p), i++)
        if (i >= n || !lpEq(p, strs[i], lens[i])) return 0;
    if (i != n) return 0;
    for (unsigned char *p = lpLast(lp); p; p = lpPrev(lp, p)) {
        if (i == 0) return 0;
        i--;
        if (!lpEq(p, strs[i], lens[i])) return 0;
    }
    return i == 0;
}

int test_listpack_basic(void) {
    rlSlab sl = {0};
    unsigned char *lp = lpNew(&sl);
    TEST_ASSERT(lpLength(lp) == 0 && lpFirst(lp) == NULL && lpLast(lp) == NULL);
    lp = lpAppend(&sl, lp, "b", 1);
    lp = lpPrepend(&sl, lp, "a", 1);
    lp = lpAppend(&sl, lp, "", 0);
    char *strs[] = {"a", "b", ""};
    size_t lens[] = {1, 1, 0};
    TEST_ASSERT(matches(lp, strs, lens, 3));
    TEST_ASSERT(lpEq(lpSeek(lp, -1), "", 0) && lpEq(lpSeek(lp, 1), "b", 1));
    TEST_ASSERT(lpSeek(lp, 3) == NULL && lpSeek(lp, -4) == NULL);
    unsigned char *p = lpFind(lp, lpFirst(lp), "b", 1, 0);
    TEST_ASSERT(p && lpFind(lp, lpFirst(lp), "b", 1, 1) == NULL); /* skip 1: a, "" only */
    lp = lpReplace(&sl, lp, &p, "bbb", 3);
    TEST_ASSERT(lpEq(p, "bbb", 3) && lpLength(lp) == 3);
    unsigned char *next;
    lp = lpDelete(&sl, lp, lpFirst(lp), &next);
    TEST_ASSERT(lpEq(next, "bbb", 3) && lpLength(lp) == 2);
    lp = lpDeleteRange(&sl, lp, lpFirst(lp), 5, &next);
    TEST_ASSERT(next == NULL && lpLength(lp) == 0 && lpBytes(lp) == LP_HDR_SIZE);
    lpFree(&sl, lp);
    slabRelease(&sl);
    return 0;
}

/* Random operations with entry sizes that cross the 1-, 2- and 3-byte varint limits and
 * the slab/malloc boundary, checked against an array model after every step. */
int test_listpack_random_against_model(void) {
    rlSlab sl = {0};
    uint64_t rng = 7;
    static const size_t SIZES[] = {0, 1, 5, 63, 64, 125, 126, 127, 128, 300, 16383, 16384, 20000};
    enum { MAXN = 64 };
    char *strs[MAXN];
    size_t lens[MAXN];
    size_t n = 0;
    unsigned char *lp = lpNew(&sl);
    for (int iter = 0; iter < 3000; iter++) {
        int op = (int)(rlRandNext(&rng) % 4);
        size_t pos = n ? (size_t)(rlRandNext(&rng) % (n + 1)) : 0;
        if ((op == 0 || n < 2) && n < MAXN) { /* insert at pos */
            size_t len = SIZES[rlRandNext(&rng) % (sizeof(SIZES) / sizeof(SIZES[0]))];
            char *s = malloc(len + 1);
            for (size_t i = 0; i < len; i++)
                s[i] = (char)(rlRandNext(&rng) & 0xff);
            unsigned char *at = pos < n ? lpSeek(lp, (long)pos) : NULL, *np;
            lp = lpInsert(&sl, lp, at, s, len, &np);
            TEST_ASSERT(lpEq(np, s, len));
            memmove(strs + pos + 1, strs + pos, (n - pos) * sizeof(*strs));
            memmove(lens + pos + 1, lens + pos, (n - pos) * sizeof(*lens));
            strs[pos] = s;
            lens[pos] = len;
            n++;
        } else if (op == 1 && n) { /* replace */
            pos %= n;
            size_t len = SIZES[rlRandNext(&rng) % (sizeof(SIZES) / sizeof(SIZES[0]))];
            char *s = malloc(len + 1);
            memset(s, 'r', len);
            unsigned char *p = lpSeek(lp, (long)pos);
            lp = lpReplace(&sl, lp, &p, s, len);
            free(strs[pos]);
            strs[pos] = s;
            lens[pos] = len;
        } else if (n) { /* delete a range */
            pos %= n;
            size_t cnt = 1 + (size_t)(rlRandNext(&rng) % 3);
            if (cnt > n - pos) cnt = n - pos;
            lp = lpDeleteRange(&sl, lp, lpSeek(lp, (long)pos), cnt, NULL);
            for (size_t i = pos; i < pos + cnt; i++)
                free(strs[i]);
            memmove(strs + pos, strs + pos + cnt, (n - pos - cnt) * sizeof(*strs));
            memmove(lens + pos, lens + pos + cnt, (n - pos - cnt) * sizeof(*lens));
            n -= cnt;
        }
        TEST_ASSERT(matches(lp, strs, lens, n));
    }
    unsigned char *dup = lpDup(&sl, lp);
    TEST_ASSERT(matches(dup, strs, lens, n));
    lpFree(&sl, dup);
    for (size_t i = 0; i < n; i++)
        free(strs[i]);
    lpFree(&sl, lp);
    slabRelease(&sl);
    return 0;
}

/* lpFind with skip 1 (field/value pairs) against a naive search, with fields and values
 * of 0..130 bytes: the pair-stepping loop for entries under 127 bytes hands over to the
 * general loop at the first longer field or value and must agree with it everywhere. */
int test_listpack_find_pairs(void) {
    rlSlab sl = {0};
    srand(7);
    for (int round = 0; round < 200; round++) {
        unsigned char *lp = lpNew(&sl);
        char buf[140];
        int npairs = rand() % 12;
        char *strs[24];
        size_t lens[24];
        for (int i = 0; i < 2 * npairs; i++) {
            size_t len = (size_t)(rand() % 4 == 0 ? 120 + rand() % 11 : rand() % 4);
            strs[i] = malloc(len + 1);
            for (size_t j = 0; j < len; j++)
                strs[i][j] = (char)('a' + rand() % 2);
            lens[i] = len;
            lp = lpAppend(&sl, lp, strs[i], len);
        }
        for (int q = 0; q < 2 * npairs + 4; q++) {
            const char *s;
            size_t len;
            if (q < 2 * npairs) {
                s = strs[q];
                len = lens[q];
            } else {
                len = (size_t)(q % 2 ? 126 + q % 3 : q % 3);
                memset(buf, 'a', len);
                s = buf;
            }
            long want = -1; /* index of the first field equal to s */
            for (int i = 0; i < npairs && want < 0; i++)
                if (lens[2 * i] == len && memcmp(strs[2 * i], s, len) == 0) want = 2 * i;
            unsigned char *p = lpFind(lp, lpFirst(lp), s, len, 1);
            TEST_ASSERT(want < 0 ? p == NULL : p == lpSeek(lp, want));
        }
        for (int i = 0; i < 2 * npairs; i++)
            free(strs[i]);
        lpFree(&sl, lp);
    }
    slabRelease(&sl);
    return 0;
}
