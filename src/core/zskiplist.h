/* zskiplist.h -- the ordered index of large sorted sets (after Redis's zskiplist): elements
 * ordered by (score, member bytes), each level link carrying its span so that rank lookups
 * are O(log N) too. Members are stored in the node (after its level array); nodes come from
 * the server's slab (rl_malloc above SLAB_MAX_SIZE).
 *
 * Score and lexicographic range specs are shared with the listpack encoding (t_zset.c). */
#ifndef RL_ZSKIPLIST_H
#define RL_ZSKIPLIST_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "slab.h"

#define ZSKIPLIST_MAXLEVEL 32

typedef struct zskiplistNode {
    double score;
    struct zskiplistNode *backward;
    uint32_t len; /* member bytes */
    int nlevel;
    struct zskiplistLevel {
        struct zskiplistNode *forward;
        unsigned long span;
    } level[];
    /* then 'len' member bytes */
} zskiplistNode;

typedef struct zskiplist {
    zskiplistNode *header, *tail;
    unsigned long length;
    int level;
} zskiplist;

/* The member bytes of a node. */
static inline const char *zslNodeEle(const zskiplistNode *x) {
    return (const char *)&x->level[x->nlevel];
}

/* A score interval; 'minex'/'maxex' make an end exclusive. */
typedef struct zrangespec {
    double min, max;
    int minex, maxex;
} zrangespec;

/* A lexicographic interval. 'mininf'/'maxinf': -1 for "-", +1 for "+", 0 for a member
 * (then 'min'/'minlen' and 'minex' apply). */
typedef struct zlexrangespec {
    const char *min, *max;
    size_t minlen, maxlen;
    int minex, maxex;
    int mininf, maxinf;
} zlexrangespec;

/* Compare two members as Redis does (memcmp, then the shorter first). */
int zslCompareEle(const char *a, size_t alen, const char *b, size_t blen);
int zslValueGteMin(double value, const zrangespec *r);
int zslValueLteMax(double value, const zrangespec *r);
int zslLexValueGteMin(const char *ele, size_t len, const zlexrangespec *r);
int zslLexValueLteMax(const char *ele, size_t len, const zlexrangespec *r);
/* 1 if the interval can hold anything at all (min <= max, and not (x, x)). */
int zslRangeNonEmpty(const zrangespec *r);
int zslLexRangeNonEmpty(const zlexrangespec *r);

zskiplist *zslCreate(rlSlab *sl);
/* Free everything. O(N). */
void zslFree(rlSlab *sl, zskiplist *zsl);
/* Free up to 'budget' nodes (lazy free). Returns 1 while nodes remain; once it returns 0,
 * 'zsl' itself has been freed. */
int zslFreeSome(rlSlab *sl, zskiplist *zsl, long budget);

/* Insert a member that is not yet in the list. 'rng' draws the node's level. O(log N). */
zskiplistNode *zslInsert(rlSlab *sl, zskiplist *zsl, uint64_t *rng, double score, const char *ele,
                         size_t len);
/* Delete the node of ('score', 'ele'); returns 1 if found. O(log N). */
int zslDelete(rlSlab *sl, zskiplist *zsl, double score, const char *ele, size_t len);
/* Move the existing ('curscore', 'ele') to 'newscore'; returns its (possibly new) node. */
zskiplistNode *zslUpdateScore(rlSlab *sl, zskiplist *zsl, uint64_t *rng, double curscore,
                              const char *ele, size_t len, double newscore);
/* 1-based rank of ('score', 'ele'), 0 when absent. O(log N). */
unsigned long zslGetRank(const zskiplist *zsl, double score, const char *ele, size_t len);
/* The node of 1-based 'rank', or NULL. O(log N). */
zskiplistNode *zslGetElementByRank(const zskiplist *zsl, unsigned long rank);

/* First / last node inside the interval, or NULL. O(log N). */
zskiplistNode *zslFirstInRange(const zskiplist *zsl, const zrangespec *r);
zskiplistNode *zslLastInRange(const zskiplist *zsl, const zrangespec *r);
zskiplistNode *zslFirstInLexRange(const zskiplist *zsl, const zlexrangespec *r);
zskiplistNode *zslLastInLexRange(const zskiplist *zsl, const zlexrangespec *r);

/* Delete every node in the interval (or of 1-based ranks start..end), removing each member
 * from 'd' too. Returns how many. O(log N + M). */
unsigned long zslDeleteRangeByScore(rlSlab *sl, zskiplist *zsl, const zrangespec *r, dict *d);
unsigned long zslDeleteRangeByLex(rlSlab *sl, zskiplist *zsl, const zlexrangespec *r, dict *d);
unsigned long zslDeleteRangeByRank(rlSlab *sl, zskiplist *zsl, unsigned long start,
                                   unsigned long end, dict *d);

/* 1 if the list is consistent: order, spans, backward links, length (debug check). */
/* Bytes the skiplist holds by the slab's count: header, header node and nodes (member
 * bytes included). With 'samples' > 0, measures that many nodes and extrapolates. */
size_t zslMemUsage(const zskiplist *zsl, long samples);
int zslValidate(const zskiplist *zsl);

#endif
