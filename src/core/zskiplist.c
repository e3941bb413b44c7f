/* zskiplist.c -- the skiplist described in zskiplist.h (the algorithm of Redis's t_zset.c,
 * written for this codebase: members stored in the node, slab memory, explicit RNG). */
#include "zskiplist.h"

#include <string.h>

#include "alloc.h"

/* Probability of each further level: 1/4, as Redis. */
#define ZSKIPLIST_P_16 (65536 / 4)

/* ---------------------------------------------------------------- comparisons */

int zslCompareEle(const char *a, size_t alen, const char *b, size_t blen) {
    size_t min = alen < blen ? alen : blen;
    int cmp = min ? memcmp(a, b, min) : 0;
    if (cmp) return cmp;
    return (alen > blen) - (alen < blen);
}

int zslValueGteMin(double value, const zrangespec *r) {
    return r->minex ? value > r->min : value >= r->min;
}

int zslValueLteMax(double value, const zrangespec *r) {
    return r->maxex ? value < r->max : value <= r->max;
}

int zslLexValueGteMin(const char *ele, size_t len, const zlexrangespec *r) {
    if (r->mininf) return r->mininf < 0; /* "-": everything; "+": nothing */
    int cmp = zslCompareEle(ele, len, r->min, r->minlen);
    return r->minex ? cmp > 0 : cmp >= 0;
}

int zslLexValueLteMax(const char *ele, size_t len, const zlexrangespec *r) {
    if (r->maxinf) return r->maxinf > 0; /* "+": everything; "-": nothing */
    int cmp = zslCompareEle(ele, len, r->max, r->maxlen);
    return r->maxex ? cmp < 0 : cmp <= 0;
}

int zslRangeNonEmpty(const zrangespec *r) {
    return !(r->min > r->max || (r->min == r->max && (r->minex || r->maxex)));
}

int zslLexRangeNonEmpty(const zlexrangespec *r) {
    if (r->mininf > 0 || r->maxinf < 0) return 0; /* min "+" or max "-" */
    if (r->mininf || r->maxinf) return 1;
    int cmp = zslCompareEle(r->min, r->minlen, r->max, r->maxlen);
    return !(cmp > 0 || (cmp == 0 && (r->minex || r->maxex)));
}

/* (score, ele) of node 'x' orders before (score, ele)? */
static int nodeBefore(const zskiplistNode *x, double score, const char *ele, size_t len) {
    return x->score < score ||
           (x->score == score && zslCompareEle(zslNodeEle(x), x->len, ele, len) < 0);
}

/* ---------------------------------------------------------------- nodes */

static size_t nodeSize(int level, size_t len) {
    return sizeof(zskiplistNode) + (size_t)level * sizeof(struct zskiplistLevel) + len;
}

static zskiplistNode *nodeNew(rlSlab *sl, int level, double score, const char *ele, size_t len) {
    zskiplistNode *x = slabAlloc(sl, nodeSize(level, len));
    x->score = score;
    x->backward = NULL;
    x->len = (uint32_t)len;
    x->nlevel = level;
    if (len) memcpy((char *)&x->level[level], ele, len);
    return x;
}

static void nodeFree(rlSlab *sl, zskiplistNode *x) {
    slabFree(sl, x, nodeSize(x->nlevel, x->len));
}

static int randomLevel(uint64_t *rng) {
    int level = 1;
    while (level < ZSKIPLIST_MAXLEVEL && (rlRandNext(rng) & 0xFFFF) < ZSKIPLIST_P_16)
        level++;
    return level;
}

zskiplist *zslCreate(rlSlab *sl) {
    zskiplist *zsl = slabAlloc(sl, sizeof(*zsl));
    zsl->level = 1;
    zsl->length = 0;
    zsl->header = nodeNew(sl, ZSKIPLIST_MAXLEVEL, 0, NULL, 0);
    for (int j = 0; j < ZSKIPLIST_MAXLEVEL; j++) {
        zsl->header->level[j].forward = NULL;
        zsl->header->level[j].span = 0;
    }
    zsl->tail = NULL;
    return zsl;
}

int zslFreeSome(rlSlab *sl, zskiplist *zsl, long budget) {
    long freed = 0;
    zskiplistNode *x = zsl->header->level[0].forward;
    while (x && (budget < 0 || freed < budget)) {
        zskiplistNode *next = x->level[0].forward;
        nodeFree(sl, x);
        x = next;
        freed++;
        zsl->length--;
    }
    zsl->header->level[0].forward = x; /* only level 0 is walked from here on */
    if (x) return 1;
    nodeFree(sl, zsl->header);
    slabFree(sl, zsl, sizeof(*zsl));
    return 0;
}

void zslFree(rlSlab *sl, zskiplist *zsl) {
    while (zslFreeSome(sl, zsl, -1))
        ;
}

/* ---------------------------------------------------------------- insert / delete */

zskiplistNode *zslInsert(rlSlab *sl, zskiplist *zsl, uint64_t *rng, double score, const char *ele,
                         size_t len) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL], *x = zsl->header;
    unsigned long rank[ZSKIPLIST_MAXLEVEL];
    for (int i = zsl->level - 1; i >= 0; i--) {
        rank[i] = i == zsl->level - 1 ? 0 : rank[i + 1];
        while (x->level[i].forward && nodeBefore(x->level[i].forward, score, ele, len)) {
            rank[i] += x->level[i].span;
            x = x->level[i].forward;
        }
        update[i] = x;
    }
    int level = randomLevel(rng);
    if (level > zsl->level) {
        for (int i = zsl->level; i < level; i++) {
            rank[i] = 0;
            update[i] = zsl->header;
            update[i]->level[i].span = zsl->length;
        }
        zsl->level = level;
    }
    x = nodeNew(sl, level, score, ele, len);
    for (int i = 0; i < level; i++) {
        x->level[i].forward = update[i]->level[i].forward;
        update[i]->level[i].forward = x;
        x->level[i].span = update[i]->level[i].span - (rank[0] - rank[i]);
        update[i]->level[i].span = (rank[0] - rank[i]) + 1;
    }
    for (int i = level; i < zsl->level; i++)
        update[i]->level[i].span++;
    x->backward = update[0] == zsl->header ? NULL : update[0];
    if (x->level[0].forward)
        x->level[0].forward->backward = x;
    else
        zsl->tail = x;
    zsl->length++;
    return x;
}

/* Unlink 'x' given the update vector. */
static void deleteNode(zskiplist *zsl, zskiplistNode *x, zskiplistNode **update) {
    for (int i = 0; i < zsl->level; i++) {
        if (update[i]->level[i].forward == x) {
            update[i]->level[i].span += x->level[i].span - 1;
            update[i]->level[i].forward = x->level[i].forward;
        } else {
            update[i]->level[i].span -= 1;
        }
    }
    if (x->level[0].forward)
        x->level[0].forward->backward = x->backward;
    else
        zsl->tail = x->backward;
    while (zsl->level > 1 && zsl->header->level[zsl->level - 1].forward == NULL)
        zsl->level--;
    zsl->length--;
}

/* Fill 'update' with the last node before (score, ele) at every level; return the
 * candidate node at level 0 (the first not before). */
static zskiplistNode *findUpdate(zskiplist *zsl, double score, const char *ele, size_t len,
                                 zskiplistNode **update) {
    zskiplistNode *x = zsl->header;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward && nodeBefore(x->level[i].forward, score, ele, len))
            x = x->level[i].forward;
        update[i] = x;
    }
    return x->level[0].forward;
}

static int nodeIs(const zskiplistNode *x, double score, const char *ele, size_t len) {
    return x && x->score == score && zslCompareEle(zslNodeEle(x), x->len, ele, len) == 0;
}

int zslDelete(rlSlab *sl, zskiplist *zsl, double score, const char *ele, size_t len) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL];
    zskiplistNode *x = findUpdate(zsl, score, ele, len, update);
    if (!nodeIs(x, score, ele, len)) return 0;
    deleteNode(zsl, x, update);
    nodeFree(sl, x);
    return 1;
}

zskiplistNode *zslUpdateScore(rlSlab *sl, zskiplist *zsl, uint64_t *rng, double curscore,
                              const char *ele, size_t len, double newscore) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL];
    zskiplistNode *x = findUpdate(zsl, curscore, ele, len, update);
    /* Still in place after the change: update the score only. */
    if ((x->backward == NULL || x->backward->score < newscore) &&
        (x->level[0].forward == NULL || x->level[0].forward->score > newscore)) {
        x->score = newscore;
        return x;
    }
    char small[64];
    char *copy = len <= sizeof(small) ? small : rl_malloc(len);
    memcpy(copy, ele, len);
    deleteNode(zsl, x, update);
    nodeFree(sl, x);
    zskiplistNode *n = zslInsert(sl, zsl, rng, newscore, copy, len);
    if (copy != small) rl_free(copy);
    return n;
}

/* ---------------------------------------------------------------- ranks */

unsigned long zslGetRank(const zskiplist *zsl, double score, const char *ele, size_t len) {
    const zskiplistNode *x = zsl->header;
    unsigned long rank = 0;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward && (x->level[i].forward->score < score ||
                                       (x->level[i].forward->score == score &&
                                        zslCompareEle(zslNodeEle(x->level[i].forward),
                                                      x->level[i].forward->len, ele, len) <= 0))) {
            rank += x->level[i].span;
            x = x->level[i].forward;
        }
        if (x != zsl->header && nodeIs(x, score, ele, len)) return rank;
    }
    return 0;
}

zskiplistNode *zslGetElementByRank(const zskiplist *zsl, unsigned long rank) {
    zskiplistNode *x = zsl->header;
    unsigned long traversed = 0;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward && traversed + x->level[i].span <= rank) {
            traversed += x->level[i].span;
            x = x->level[i].forward;
        }
        if (traversed == rank) return x == zsl->header ? NULL : x;
    }
    return NULL;
}

/* ---------------------------------------------------------------- ranges */

zskiplistNode *zslFirstInRange(const zskiplist *zsl, const zrangespec *r) {
    if (!zslRangeNonEmpty(r) || !zsl->tail || !zslValueGteMin(zsl->tail->score, r)) return NULL;
    zskiplistNode *x = zsl->header;
    for (int i = zsl->level - 1; i >= 0; i--)
        while (x->level[i].forward && !zslValueGteMin(x->level[i].forward->score, r))
            x = x->level[i].forward;
    x = x->level[0].forward;
    return x && zslValueLteMax(x->score, r) ? x : NULL;
}

zskiplistNode *zslLastInRange(const zskiplist *zsl, const zrangespec *r) {
    zskiplistNode *first = zsl->header->level[0].forward;
    if (!zslRangeNonEmpty(r) || !first || !zslValueLteMax(first->score, r)) return NULL;
    zskiplistNode *x = zsl->header;
    for (int i = zsl->level - 1; i >= 0; i--)
        while (x->level[i].forward && zslValueLteMax(x->level[i].forward->score, r))
            x = x->level[i].forward;
    return x != zsl->header && zslValueGteMin(x->score, r) ? x : NULL;
}

zskiplistNode *zslFirstInLexRange(const zskiplist *zsl, const zlexrangespec *r) {
    if (!zslLexRangeNonEmpty(r) || !zsl->tail ||
        !zslLexValueGteMin(zslNodeEle(zsl->tail), zsl->tail->len, r))
        return NULL;
    zskiplistNode *x = zsl->header;
    for (int i = zsl->level - 1; i >= 0; i--)
        while (x->level[i].forward &&
               !zslLexValueGteMin(zslNodeEle(x->level[i].forward), x->level[i].forward->len, r))
            x = x->level[i].forward;
    x = x->level[0].forward;
    return x && zslLexValueLteMax(zslNodeEle(x), x->len, r) ? x : NULL;
}

zskiplistNode *zslLastInLexRange(const zskiplist *zsl, const zlexrangespec *r) {
    zskiplistNode *first = zsl->header->level[0].forward;
    if (!zslLexRangeNonEmpty(r) || !first || !zslLexValueLteMax(zslNodeEle(first), first->len, r))
        return NULL;
    zskiplistNode *x = zsl->header;
    for (int i = zsl->level - 1; i >= 0; i--)
        while (x->level[i].forward &&
               zslLexValueLteMax(zslNodeEle(x->level[i].forward), x->level[i].forward->len, r))
            x = x->level[i].forward;
    return x != zsl->header && zslLexValueGteMin(zslNodeEle(x), x->len, r) ? x : NULL;
}

/* Delete nodes from 'x' (whose predecessors are in 'update') while 'keep' says so. */
#define DELETE_WHILE(cond)                                                                         \
    do {                                                                                           \
        while (x && (cond)) {                                                                      \
            zskiplistNode *next = x->level[0].forward;                                             \
            deleteNode(zsl, x, update);                                                            \
            if (d) dictDelete(d, zslNodeEle(x), x->len);                                           \
            nodeFree(sl, x);                                                                       \
            removed++;                                                                             \
            x = next;                                                                              \
        }                                                                                          \
    } while (0)

unsigned long zslDeleteRangeByScore(rlSlab *sl, zskiplist *zsl, const zrangespec *r, dict *d) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL], *x = zsl->header;
    unsigned long removed = 0;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward && !zslValueGteMin(x->level[i].forward->score, r))
            x = x->level[i].forward;
        update[i] = x;
    }
    x = x->level[0].forward;
    DELETE_WHILE(zslValueLteMax(x->score, r));
    return removed;
}

unsigned long zslDeleteRangeByLex(rlSlab *sl, zskiplist *zsl, const zlexrangespec *r, dict *d) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL], *x = zsl->header;
    unsigned long removed = 0;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward &&
               !zslLexValueGteMin(zslNodeEle(x->level[i].forward), x->level[i].forward->len, r))
            x = x->level[i].forward;
        update[i] = x;
    }
    x = x->level[0].forward;
    DELETE_WHILE(zslLexValueLteMax(zslNodeEle(x), x->len, r));
    return removed;
}

unsigned long zslDeleteRangeByRank(rlSlab *sl, zskiplist *zsl, unsigned long start,
                                   unsigned long end, dict *d) {
    zskiplistNode *update[ZSKIPLIST_MAXLEVEL], *x = zsl->header;
    unsigned long traversed = 0, removed = 0;
    for (int i = zsl->level - 1; i >= 0; i--) {
        while (x->level[i].forward && traversed + x->level[i].span < start) {
            traversed += x->level[i].span;
            x = x->level[i].forward;
        }
        update[i] = x;
    }
    traversed++;
    x = x->level[0].forward;
    DELETE_WHILE(traversed++ <= end);
    return removed;
}

int zslValidate(const zskiplist *zsl) {
    /* level 0: order, backward links, length; every level: spans add up to ranks */
    const zskiplistNode *prev = NULL;
    unsigned long n = 0;
    for (const zskiplistNode *x = zsl->header->level[0].forward; x; x = x->level[0].forward) {
        if (x->backward != prev) return 0;
        if (prev && !nodeBefore(prev, x->score, zslNodeEle(x), x->len)) return 0;
        prev = x;
        n++;
    }
    if (n != zsl->length || prev != zsl->tail) return 0;
    for (int i = 0; i < zsl->level; i++) {
        unsigned long rank = 0;
        const zskiplistNode *x = zsl->header;
        while (x->level[i].forward) {
            rank += x->level[i].span;
            x = x->level[i].forward;
            if (zslGetElementByRank(zsl, rank) != x) return 0;
        }
    }
    return 1;
}

size_t zslMemUsage(const zskiplist *zsl, long samples) {
    size_t bytes = 0, seen = 0;
    const zskiplistNode *x = zsl->header->level[0].forward;
    for (; x && (samples <= 0 || seen < (size_t)samples); x = x->level[0].forward) {
        bytes += slabObjectBytes(nodeSize(x->nlevel, x->len));
        seen++;
    }
    if (seen && seen < zsl->length)
        bytes = (size_t)((double)bytes / (double)seen * (double)zsl->length);
    return slabObjectBytes(sizeof(*zsl)) +
           slabObjectBytes(nodeSize(zsl->header->nlevel, zsl->header->len)) + bytes;
}
