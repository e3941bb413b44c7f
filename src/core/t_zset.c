/* t_zset.c -- the sorted set type: ZADD and friends, ranges by rank, score and lex, pops,
 * set algebra. Behaviour and error texts follow Redis 7.0.
 *
 * Encodings (as redis-server 7.0 without a config file): a listpack of member, score,
 * member, score... ordered by (score, member), while there are at most
 * ZSET_MAX_LISTPACK_ENTRIES members of at most ZSET_MAX_LISTPACK_VALUE bytes (scores are
 * stored as their 8 IEEE-754 bytes); past either threshold a skiplist plus a dict from
 * member to skiplist node (O(1) score lookups, O(log N) ranks and ranges), for good. */
#include "server.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct zset {
    dict *dict; /* member -> zskiplistNode* */
    zskiplist *zsl;
} zset;

/* ---------------------------------------------------------------- listpack helpers */

/* The score a listpack stores for 'score': Redis 7.0 keeps listpack scores as text, in which a
 * negative zero reads back as 0, while a skiplist keeps -0 as computed (and replies give the
 * computed score either way: ZINCRBY z -0 m replies -0 and stores 0 in a small zset). */
static inline double zzlStoredScore(double score) {
    return score == 0 ? 0 : score;
}

static double zzlScore(const unsigned char *sp) {
    size_t len;
    const char *s = lpGet(sp, &len);
    double d;
    memcpy(&d, s, sizeof(d));
    return d;
}

/* The member entry of 'ele', or NULL; '*score' gets its score. */
static unsigned char *zzlFind(unsigned char *lp, const char *ele, size_t len, double *score) {
    unsigned char *p = lpFind(lp, lpFirst(lp), ele, len, 1);
    if (p && score) *score = zzlScore(lpNext(lp, p));
    return p;
}

/* One pass over a listpack zset for ZADD: the entry of 'ele' if it is a member ('*cur' gets
 * its score); otherwise NULL, with '*ins' the entry before which (score, ele) belongs (NULL:
 * at the end). Saves the second scan a lookup followed by zzlInsert would make. */
static unsigned char *zzlFindOrPlace(unsigned char *lp, const char *ele, size_t len, double score,
                                     double *cur, unsigned char **ins) {
    unsigned char *p = lpFirst(lp), *end = lp + lpBytes(lp), *place = NULL;
    const unsigned char last = len ? (unsigned char)ele[len - 1] : 0;
    /* Fast path while members are under 127 bytes (every listpack zset within the default
     * thresholds): such an entry is [len][bytes][back] with one-byte len and back, and a
     * score entry is always [8][double][9], so both steps are additions. Members are
     * compared on length and last byte before memcmp (they often share a prefix). */
    while (p && p < end && p[0] < 127) {
        size_t elen = p[0];
        if (elen == len && (len == 0 || (p[len] == last && memcmp(p + 1, ele, len) == 0))) {
            memcpy(cur, p + elen + 3, sizeof(*cur));
            *ins = NULL;
            return p;
        }
        if (!place) {
            double s;
            memcpy(&s, p + elen + 3, sizeof(s));
            if (s > score || (s == score && zslCompareEle((const char *)p + 1, elen, ele, len) > 0))
                place = p;
        }
        p += elen + 12;
    }
    while (p && p < end) {
        size_t elen, slen;
        const char *e = lpGet(p, &elen);
        unsigned char *sp = lpSkip(p);
        double s;
        memcpy(&s, lpGet(sp, &slen), sizeof(s));
        if (elen == len && (len == 0 || (e[len - 1] == ele[len - 1] && memcmp(e, ele, len) == 0))) {
            *cur = s;
            *ins = NULL;
            return p;
        }
        if (!place && (s > score || (s == score && zslCompareEle(e, elen, ele, len) > 0)))
            place = p;
        p = lpSkip(sp);
    }
    *ins = place;
    return NULL;
}

/* Insert (member, score) at its place in the order. */
static unsigned char *zzlInsert(rlSlab *sl, unsigned char *lp, const char *ele, size_t len,
                                double score) {
    unsigned char *p = lpFirst(lp), *end = lp + lpBytes(lp);
    while (p && p < end) {
        unsigned char *sp = lpSkip(p);
        size_t slen, elen;
        double s;
        memcpy(&s, lpGet(sp, &slen), sizeof(s));
        if (s > score) break;
        if (s == score) {
            const char *e = lpGet(p, &elen);
            if (zslCompareEle(e, elen, ele, len) > 0) break;
        }
        p = lpSkip(sp);
    }
    if (p >= end) p = NULL;
    double stored = zzlStoredScore(score);
    return lpInsertPair(sl, lp, p, ele, len, (const char *)&stored, sizeof(stored));
}

/* ---------------------------------------------------------------- zset type API */

static const dictType zsetDictType = {NULL, serverEntryAlloc, serverEntryFree, serverDictAccount, 0,
                                      NULL};

static robj *createZsetListpackObject(rlServer *s) {
    return createObject(&s->slab, OBJ_ZSET, OBJ_ENCODING_LISTPACK, lpNew(&s->slab));
}

static robj *createZsetObject(rlServer *s) {
    zset *zs = slabAlloc(&s->slab, sizeof(*zs));
    zs->dict = serverCreateDict(s, &zsetDictType);
    zs->zsl = zslCreate(&s->slab);
    return createObject(&s->slab, OBJ_ZSET, OBJ_ENCODING_SKIPLIST, zs);
}

unsigned long zsetLength(const robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) return lpLength(o->u.ptr) / 2;
    return ((const zset *)o->u.ptr)->zsl->length;
}

static int zslFreeSomeCb(rlSlab *sl, void *zsl, long budget) {
    return zslFreeSome(sl, zsl, budget);
}

void zsetTypeFree(rlServer *s, robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        lpFree(&s->slab, o->u.ptr);
        return;
    }
    zset *zs = o->u.ptr;
    if (zs->zsl->length > LAZYFREE_THRESHOLD) {
        lazyfreeDict(s, zs->dict);
        lazyfreeObject(s, zs->zsl, zslFreeSomeCb);
    } else {
        dictRelease(zs->dict);
        zslFree(&s->slab, zs->zsl);
    }
    slabFree(&s->slab, zs, sizeof(*zs));
}

/* Add a member known to be absent from a skiplist zset. */
static void zsetSkiplistAdd(rlServer *s, zset *zs, double score, const char *ele, size_t len) {
    zskiplistNode *x = zslInsert(&s->slab, zs->zsl, &s->rng, score, ele, len);
    dictEntry *de = dictAddRaw(zs->dict, ele, len, NULL);
    if (de) dictSetVal(de, x);
}

/* Convert a listpack zset to a skiplist. O(N), N <= ZSET_MAX_LISTPACK_ENTRIES. */
static void zsetConvert(rlServer *s, robj *o) {
    if (o->encoding != OBJ_ENCODING_LISTPACK) return;
    unsigned char *lp = o->u.ptr;
    robj *n = createZsetObject(s);
    for (unsigned char *p = lpFirst(lp); p; p = lpNext(lp, lpNext(lp, p))) {
        size_t len;
        const char *ele = lpGet(p, &len);
        zsetSkiplistAdd(s, n->u.ptr, zzlScore(lpNext(lp, p)), ele, len);
    }
    lpFree(&s->slab, lp);
    o->encoding = OBJ_ENCODING_SKIPLIST;
    o->u.ptr = n->u.ptr;
    freeObjectHeader(&s->slab, n);
}

/* A skiplist zset small enough for a listpack becomes one (results of ZUNIONSTORE...). */
static void zsetConvertToListpackIfNeeded(rlServer *s, robj *o) {
    if (o->encoding != OBJ_ENCODING_SKIPLIST) return;
    zset *zs = o->u.ptr;
    if (zs->zsl->length > ZSET_MAX_LISTPACK_ENTRIES) return;
    for (zskiplistNode *x = zs->zsl->header->level[0].forward; x; x = x->level[0].forward)
        if (x->len > ZSET_MAX_LISTPACK_VALUE) return;
    unsigned char *lp = lpNew(&s->slab);
    for (zskiplistNode *x = zs->zsl->header->level[0].forward; x; x = x->level[0].forward) {
        double stored = zzlStoredScore(x->score);
        lp = lpInsertPair(&s->slab, lp, NULL, zslNodeEle(x), x->len, (const char *)&stored,
                          sizeof(stored));
    }
    dictRelease(zs->dict);
    zslFree(&s->slab, zs->zsl);
    slabFree(&s->slab, zs, sizeof(*zs));
    o->encoding = OBJ_ENCODING_LISTPACK;
    o->u.ptr = lp;
}

robj *zsetTypeDup(rlServer *s, const robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK)
        return createObject(&s->slab, OBJ_ZSET, OBJ_ENCODING_LISTPACK, lpDup(&s->slab, o->u.ptr));
    robj *n = createZsetObject(s);
    const zset *zs = o->u.ptr;
    for (zskiplistNode *x = zs->zsl->header->level[0].forward; x; x = x->level[0].forward)
        zsetSkiplistAdd(s, n->u.ptr, x->score, zslNodeEle(x), x->len);
    return n;
}

/* The score of 'ele' in '*score'; 1 if it is a member. */
static int zsetScore(const robj *o, const char *ele, size_t len, double *score) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) return zzlFind(o->u.ptr, ele, len, score) != NULL;
    dictEntry *de = dictFind(((zset *)o->u.ptr)->dict, ele, len);
    if (!de) return 0;
    *score = ((zskiplistNode *)dictGetVal(de))->score;
    return 1;
}

/* Delete 'ele'; 1 if it was a member. */
static int zsetDel(rlServer *s, robj *o, const char *ele, size_t len) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *p = zzlFind(o->u.ptr, ele, len, NULL);
        if (!p) return 0;
        o->u.ptr = lpDeleteRange(&s->slab, o->u.ptr, p, 2, NULL);
        return 1;
    }
    zset *zs = o->u.ptr;
    dictEntry *de = dictFind(zs->dict, ele, len);
    if (!de) return 0;
    zskiplistNode *x = dictGetVal(de);
    double score = x->score;
    dictDelete(zs->dict, ele, len); /* 'ele' may point into x: delete from the dict first */
    zslDelete(&s->slab, zs->zsl, score, ele, len);
    dictResizeIfNeeded(zs->dict);
    return 1;
}

/* 0-based rank of 'ele' (from the highest score with 'reverse'), or -1. */
static long zsetRank(const robj *o, const char *ele, size_t len, int reverse) {
    unsigned long llen = zsetLength(o);
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        long rank = 0;
        for (unsigned char *p = lpFirst(lp); p; p = lpNext(lp, lpNext(lp, p)), rank++)
            if (lpEq(p, ele, len)) return reverse ? (long)llen - 1 - rank : rank;
        return -1;
    }
    const zset *zs = o->u.ptr;
    dictEntry *de = dictFind(zs->dict, ele, len);
    if (!de) return -1;
    const zskiplistNode *x = dictGetVal(de);
    unsigned long rank = zslGetRank(zs->zsl, x->score, ele, len);
    return reverse ? (long)(llen - rank) : (long)rank - 1;
}

#define ZADD_IN_INCR (1 << 0)
#define ZADD_IN_NX (1 << 1)
#define ZADD_IN_XX (1 << 2)
#define ZADD_IN_GT (1 << 3)
#define ZADD_IN_LT (1 << 4)
#define ZADD_OUT_NOP (1 << 0)
#define ZADD_OUT_NAN (1 << 1)
#define ZADD_OUT_ADDED (1 << 2)
#define ZADD_OUT_UPDATED (1 << 3)

/* Add or update 'ele' with Redis's zsetAdd semantics (NX, XX, GT, LT, INCR). Returns 0 only
 * when the result would be NaN (then '*out' has ZADD_OUT_NAN and nothing changed). */
static int zsetAdd(rlServer *s, robj *o, double score, const char *ele, size_t len, int in,
                   int *out, double *newscore) {
    *out = 0;
    if (isnan(score)) {
        *out = ZADD_OUT_NAN;
        return 0;
    }
    double cur = 0;
    unsigned char *ins = NULL; /* listpack: where a new member goes */
    int found = o->encoding == OBJ_ENCODING_LISTPACK
                    ? zzlFindOrPlace(o->u.ptr, ele, len, score, &cur, &ins) != NULL
                    : zsetScore(o, ele, len, &cur);
    if (found) {
        if (in & ZADD_IN_NX) {
            *out |= ZADD_OUT_NOP;
            return 1;
        }
        if (in & ZADD_IN_INCR) {
            score += cur;
            if (isnan(score)) {
                *out |= ZADD_OUT_NAN;
                return 0;
            }
        }
        if (((in & ZADD_IN_LT) && score >= cur) || ((in & ZADD_IN_GT) && score <= cur)) {
            *out |= ZADD_OUT_NOP;
            return 1;
        }
        if (newscore) *newscore = score;
        if (score != cur) {
            if (o->encoding == OBJ_ENCODING_LISTPACK) {
                unsigned char *p = zzlFind(o->u.ptr, ele, len, NULL);
                o->u.ptr = lpDeleteRange(&s->slab, o->u.ptr, p, 2, NULL);
                o->u.ptr = zzlInsert(&s->slab, o->u.ptr, ele, len, score);
            } else {
                zset *zs = o->u.ptr;
                dictEntry *de = dictFind(zs->dict, ele, len);
                zskiplistNode *x = dictGetVal(de);
                dictSetVal(de,
                           zslUpdateScore(&s->slab, zs->zsl, &s->rng, x->score, ele, len, score));
            }
            *out |= ZADD_OUT_UPDATED;
        }
        return 1;
    }
    if (in & ZADD_IN_XX) {
        *out |= ZADD_OUT_NOP;
        return 1;
    }
    if (o->encoding == OBJ_ENCODING_LISTPACK &&
        (zsetLength(o) + 1 > ZSET_MAX_LISTPACK_ENTRIES || len > ZSET_MAX_LISTPACK_VALUE))
        zsetConvert(s, o);
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        double stored = zzlStoredScore(score);
        o->u.ptr =
            lpInsertPair(&s->slab, o->u.ptr, ins, ele, len, (const char *)&stored, sizeof(stored));
    } else {
        zsetSkiplistAdd(s, o->u.ptr, score, ele, len);
    }
    if (newscore) *newscore = score;
    *out |= ZADD_OUT_ADDED;
    return 1;
}

/* An empty zset in the encoding a first member of 'len' bytes gets. */
static robj *zsetCreateFor(rlServer *s, size_t len) {
    return len > ZSET_MAX_LISTPACK_VALUE ? createZsetObject(s) : createZsetListpackObject(s);
}

/* ---------------------------------------------------------------- cursors over ranges */

/* A position in a zset, walking forward (ascending) or in reverse. */
typedef struct zcur {
    const robj *o;
    int rev;
    unsigned char *p; /* listpack: member entry */
    zskiplistNode *x; /* skiplist */
} zcur;

static int zcurValid(const zcur *c) {
    return c->o->encoding == OBJ_ENCODING_LISTPACK ? c->p != NULL : c->x != NULL;
}

static const char *zcurEle(const zcur *c, size_t *len) {
    if (c->o->encoding == OBJ_ENCODING_LISTPACK) return lpGet(c->p, len);
    *len = c->x->len;
    return zslNodeEle(c->x);
}

static double zcurScore(const zcur *c) {
    if (c->o->encoding == OBJ_ENCODING_LISTPACK) return zzlScore(lpSkip(c->p));
    return c->x->score;
}

static void zcurNext(zcur *c) {
    if (c->o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = c->o->u.ptr;
        if (c->rev) {
            c->p = lpPrev(lp, c->p);
            if (c->p) c->p = lpPrev(lp, c->p);
        } else {
            c->p = lpSkip(lpSkip(c->p)); /* member, score: the next member */
            if (c->p >= lp + lpBytes(lp)) c->p = NULL;
        }
    } else {
        c->x = c->rev ? c->x->backward : c->x->level[0].forward;
    }
}

static void zcurInit(zcur *c, const robj *o, int rev) {
    c->o = o;
    c->rev = rev;
    c->p = NULL;
    c->x = NULL;
}

/* At 0-based 'rank' counted in the walking direction. */
static void zcurAtRank(zcur *c, const robj *o, long rank, int rev) {
    zcurInit(c, o, rev);
    long llen = (long)zsetLength(o);
    long idx = rev ? llen - 1 - rank : rank;
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        c->p = lpSeek(o->u.ptr, 2 * idx);
    } else {
        c->x = zslGetElementByRank(((const zset *)o->u.ptr)->zsl, (unsigned long)idx + 1);
    }
}

/* At the first member inside 'r' in the walking direction (invalid when none). */
static void zcurAtScore(zcur *c, const robj *o, const zrangespec *r, int rev) {
    zcurInit(c, o, rev);
    if (o->encoding == OBJ_ENCODING_SKIPLIST) {
        const zset *zs = o->u.ptr;
        c->x = rev ? zslLastInRange(zs->zsl, r) : zslFirstInRange(zs->zsl, r);
        return;
    }
    zcurAtRank(c, o, 0, rev);
    while (zcurValid(c)) {
        double sc = zcurScore(c);
        if (rev ? zslValueLteMax(sc, r) : zslValueGteMin(sc, r)) break;
        zcurNext(c);
    }
    if (zcurValid(c)) {
        double sc = zcurScore(c);
        if (!(rev ? zslValueGteMin(sc, r) : zslValueLteMax(sc, r))) c->p = NULL;
    }
}

static void zcurAtLex(zcur *c, const robj *o, const zlexrangespec *r, int rev) {
    zcurInit(c, o, rev);
    if (o->encoding == OBJ_ENCODING_SKIPLIST) {
        const zset *zs = o->u.ptr;
        c->x = rev ? zslLastInLexRange(zs->zsl, r) : zslFirstInLexRange(zs->zsl, r);
        return;
    }
    if (!zslLexRangeNonEmpty(r)) {
        c->p = NULL;
        return;
    }
    zcurAtRank(c, o, 0, rev);
    while (zcurValid(c)) {
        size_t len;
        const char *e = zcurEle(c, &len);
        if (rev ? zslLexValueLteMax(e, len, r) : zslLexValueGteMin(e, len, r)) break;
        zcurNext(c);
    }
    if (zcurValid(c)) {
        size_t len;
        const char *e = zcurEle(c, &len);
        if (!(rev ? zslLexValueGteMin(e, len, r) : zslLexValueLteMax(e, len, r))) c->p = NULL;
    }
}

/* ---------------------------------------------------------------- parsing */

/* Parse one end of a score range: "(1.5" (exclusive), "1.5", "-inf"... with Redis's
 * zslParseRange rules: plain strtod up to the first NUL byte (so "(" alone is an exclusive
 * 0, leading spaces, hex and overflow to inf are accepted), not NaN. */
static int parseScoreBound(const char *s, size_t len, double *v, int *ex) {
    *ex = 0;
    if (len && s[0] == '(') {
        *ex = 1;
        s++;
        len--;
    }
    char small[128];
    char *buf = len < sizeof(small) ? small : rl_malloc(len + 1);
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *eptr;
    *v = strtod(buf, &eptr);
    int ok = eptr[0] == '\0' && !isnan(*v);
    if (buf != small) rl_free(buf);
    return ok;
}

/* argv[minidx], argv[maxidx] as a score range; replies and returns RL_ERR on error. */
static int parseScoreRangeOrReply(rlClient *c, int minidx, int maxidx, zrangespec *r) {
    if (!parseScoreBound(c->argv[minidx], c->argvlen[minidx], &r->min, &r->minex) ||
        !parseScoreBound(c->argv[maxidx], c->argvlen[maxidx], &r->max, &r->maxex)) {
        addReplyError(c, "min or max is not a float");
        return RL_ERR;
    }
    return RL_OK;
}

/* One end of a lex range: "-", "+", "[member" or "(member". */
static int parseLexBound(const char *s, size_t len, const char **v, size_t *vlen, int *ex,
                         int *inf) {
    *ex = *inf = 0;
    if (len == 0) return 0;
    switch (s[0]) {
    case '+':
        if (len != 1) return 0;
        *inf = 1;
        return 1;
    case '-':
        if (len != 1) return 0;
        *inf = -1;
        return 1;
    case '(':
        *ex = 1;
        /* fall through */
    case '[':
        *v = s + 1;
        *vlen = len - 1;
        return 1;
    default:
        return 0;
    }
}

static int parseLexRangeOrReply(rlClient *c, int minidx, int maxidx, zlexrangespec *r) {
    memset(r, 0, sizeof(*r));
    if (!parseLexBound(c->argv[minidx], c->argvlen[minidx], &r->min, &r->minlen, &r->minex,
                       &r->mininf) ||
        !parseLexBound(c->argv[maxidx], c->argvlen[maxidx], &r->max, &r->maxlen, &r->maxex,
                       &r->maxinf)) {
        addReplyError(c, "min or max not valid string range item");
        return RL_ERR;
    }
    return RL_OK;
}

/* A read or write lookup of argv[idx] expecting a zset: NULL with '*err' after WRONGTYPE,
 * NULL without it when missing. */
static robj *zsetLookup(rlClient *c, int idx, int write, int *err) {
    return lookupArgTyped(c, idx, OBJ_ZSET, write, err);
}

static void replyEmptyArray(rlClient *c) {
    addReplyArrayLen(c, 0);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* A [member, score] pair (RESP3) or just the member. */
static void replyScored(rlClient *c, const char *ele, size_t len, double score, int withscores) {
    if (withscores) addReplyArrayLen(c, 2);
    addReplyBulk(c, ele, len);
    if (withscores) {
        addReplyDouble(c, score);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
    }
}

/* ---------------------------------------------------------------- ZADD ZINCRBY */

static void zaddGeneric(rlClient *c, int in) {
    int ch = 0, j = 2;
    for (; j < c->argc; j++) {
        if (argEq(c, j, "nx"))
            in |= ZADD_IN_NX;
        else if (argEq(c, j, "xx"))
            in |= ZADD_IN_XX;
        else if (argEq(c, j, "ch"))
            ch = 1;
        else if (argEq(c, j, "incr"))
            in |= ZADD_IN_INCR;
        else if (argEq(c, j, "gt"))
            in |= ZADD_IN_GT;
        else if (argEq(c, j, "lt"))
            in |= ZADD_IN_LT;
        else
            break;
    }
    int scoreidx = j, elements = c->argc - scoreidx;
    int incr = (in & ZADD_IN_INCR) != 0;
    if (elements % 2 || !elements) {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    elements /= 2;
    if ((in & ZADD_IN_NX) && (in & ZADD_IN_XX)) {
        addReplyError(c, "XX and NX options at the same time are not compatible");
        return;
    }
    if (((in & ZADD_IN_GT) && (in & ZADD_IN_NX)) || ((in & ZADD_IN_LT) && (in & ZADD_IN_NX)) ||
        ((in & ZADD_IN_GT) && (in & ZADD_IN_LT))) {
        addReplyError(c, "GT, LT, and/or NX options at the same time are not compatible");
        return;
    }
    if (incr && elements > 1) {
        addReplyError(c, "INCR option supports a single increment-element pair");
        return;
    }
    double *scores = rl_malloc(sizeof(double) * (size_t)elements);
    for (int i = 0; i < elements; i++) {
        int idx = scoreidx + 2 * i;
        if (!string2d(c->argv[idx], c->argvlen[idx], &scores[i])) {
            addReplyError(c, RL_ERR_NOTFLOAT);
            rl_free(scores);
            return;
        }
    }
    int err;
    robj *o = zsetLookup(c, 1, 1, &err);
    long long added = 0, updated = 0, processed = 0;
    double score = 0;
    if (err) goto done;
    if (!o) {
        if (in & ZADD_IN_XX) goto reply;
        o = dbAdd(c->db, c->argv[1], c->argvlen[1],
                  zsetCreateFor(c->srv, c->argvlen[scoreidx + 1]));
    }
    for (int i = 0; i < elements; i++) {
        int idx = scoreidx + 2 * i + 1, out;
        score = scores[i];
        if (!zsetAdd(c->srv, o, score, c->argv[idx], c->argvlen[idx], in, &out, &score)) {
            /* only INCR (one element, already a member) can get here: nothing changed */
            addReplyError(c, "resulting score is not a number (NaN)");
            goto done;
        }
        if (out & ZADD_OUT_ADDED) added++;
        if (out & ZADD_OUT_UPDATED) updated++;
        if (!(out & ZADD_OUT_NOP)) processed++;
    }
    /* Redis notifies only a real change: not for NX/XX/GT/LT no-ops nor a same score. */
    if (added || updated) {
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_ZSET, incr ? "zincr" : "zadd", c->argv[1], c->argvlen[1], c->db);
    }
reply:
    if (incr) {
        if (processed)
            addReplyDouble(c, score);
        else
            addReplyNull(c);
    } else {
        addReplyLongLong(c, ch ? added + updated : added);
    }
done:
    rl_free(scores);
}

/* ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] */
void zaddCommand(rlClient *c) {
    zaddGeneric(c, 0);
}

/* ZINCRBY key increment member */
void zincrbyCommand(rlClient *c) {
    zaddGeneric(c, ZADD_IN_INCR);
}

/* ---------------------------------------------------------------- point reads */

/* ZSCORE key member */
void zscoreCommand(rlClient *c) {
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    double score;
    if (o && zsetScore(o, c->argv[2], c->argvlen[2], &score))
        addReplyDouble(c, score);
    else
        addReplyNull(c);
}

/* ZMSCORE key member [member ...] */
void zmscoreCommand(rlClient *c) {
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    addReplyArrayLen(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++) {
        double score;
        if (o && zsetScore(o, c->argv[j], c->argvlen[j], &score))
            addReplyDouble(c, score);
        else
            addReplyNull(c);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* ZCARD key */
void zcardCommand(rlClient *c) {
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    addReplyLongLong(c, o ? (long long)zsetLength(o) : 0);
}

/* ZREM key member [member ...] */
void zremCommand(rlClient *c) {
    int err;
    robj *o = zsetLookup(c, 1, 1, &err);
    if (err) return;
    long long deleted = 0;
    int keyremoved = 0;
    if (o) {
        for (int j = 2; j < c->argc; j++) {
            deleted += zsetDel(c->srv, o, c->argv[j], c->argvlen[j]);
            if (zsetLength(o) == 0) {
                dbDelete(c->db, c->argv[1], c->argvlen[1]);
                keyremoved = 1;
                break;
            }
        }
    }
    if (deleted) {
        notifyKeyspaceEvent(NOTIFY_ZSET, "zrem", c->argv[1], c->argvlen[1], c->db);
        if (keyremoved)
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    }
    addReplyLongLong(c, deleted);
}

static void zrankGeneric(rlClient *c, int reverse) {
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    long rank = o ? zsetRank(o, c->argv[2], c->argvlen[2], reverse) : -1;
    if (rank >= 0)
        addReplyLongLong(c, rank);
    else
        addReplyNull(c);
}

/* ZRANK key member / ZREVRANK key member */
void zrankCommand(rlClient *c) {
    zrankGeneric(c, 0);
}

void zrevrankCommand(rlClient *c) {
    zrankGeneric(c, 1);
}

/* Members from 'first' to 'last' inclusive (0 when the range is empty: 'first' NULL), by
 * rank arithmetic: O(log N). */
static long long rankSpan(const zskiplist *zsl, const zskiplistNode *first,
                          const zskiplistNode *last) {
    if (!first || !last) return 0;
    return (long long)(zslGetRank(zsl, last->score, zslNodeEle(last), last->len) -
                       zslGetRank(zsl, first->score, zslNodeEle(first), first->len)) +
           1;
}

/* ZCOUNT key min max: O(log N) on a skiplist (rank arithmetic). */
void zcountCommand(rlClient *c) {
    zrangespec r;
    if (parseScoreRangeOrReply(c, 2, 3, &r) != RL_OK) return;
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    long long count = 0;
    if (o && o->encoding == OBJ_ENCODING_SKIPLIST) {
        const zset *zs = o->u.ptr;
        count = rankSpan(zs->zsl, zslFirstInRange(zs->zsl, &r), zslLastInRange(zs->zsl, &r));
    } else if (o) {
        zcur cur;
        for (zcurAtScore(&cur, o, &r, 0); zcurValid(&cur) && zslValueLteMax(zcurScore(&cur), &r);
             zcurNext(&cur))
            count++;
    }
    addReplyLongLong(c, count);
}

/* ZLEXCOUNT key min max */
void zlexcountCommand(rlClient *c) {
    zlexrangespec r;
    if (parseLexRangeOrReply(c, 2, 3, &r) != RL_OK) return;
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    long long count = 0;
    if (o && o->encoding == OBJ_ENCODING_SKIPLIST) {
        const zset *zs = o->u.ptr;
        count = rankSpan(zs->zsl, zslFirstInLexRange(zs->zsl, &r), zslLastInLexRange(zs->zsl, &r));
    } else if (o) {
        zcur cur;
        for (zcurAtLex(&cur, o, &r, 0); zcurValid(&cur); zcurNext(&cur)) {
            size_t len;
            const char *e = zcurEle(&cur, &len);
            if (!zslLexValueLteMax(e, len, &r)) break;
            count++;
        }
    }
    addReplyLongLong(c, count);
}

/* ---------------------------------------------------------------- ZRANGE family */

#define ZRANGE_RANK 0
#define ZRANGE_SCORE 1
#define ZRANGE_LEX 2
#define ZRANGE_AUTO -1

/* Members (and scores) of a range, collected before replying or storing. Pointers are into
 * the source zset, valid until it changes. */
typedef struct zitem {
    const char *ele;
    size_t len;
    double score;
} zitem;

/* A growable array of items; the first ZITEMS_LOCAL live inside the struct, so a short
 * range (ZRANGE key 0 9) allocates nothing. Release with zitemsFree. */
#define ZITEMS_LOCAL 16

typedef struct zitems {
    zitem *v;
    size_t n, cap;
    zitem local[ZITEMS_LOCAL];
} zitems;

static void zitemsInit(zitems *l) {
    l->v = l->local;
    l->n = 0;
    l->cap = ZITEMS_LOCAL;
}

static void zitemsPush(zitems *l, const char *ele, size_t len, double score) {
    if (l->n == l->cap) {
        l->cap *= 2;
        if (l->v == l->local) {
            l->v = rl_malloc(sizeof(*l->v) * l->cap);
            memcpy(l->v, l->local, sizeof(l->local));
        } else {
            l->v = rl_realloc(l->v, sizeof(*l->v) * l->cap);
        }
    }
    l->v[l->n++] = (zitem){ele, len, score};
}

static void zitemsFree(zitems *l) {
    if (l->v != l->local) rl_free(l->v);
    zitemsInit(l);
}

/* Collect the range of 'o' selected by the parsed arguments. Items of a rank range get
 * score 0 unless 'scores' asks for them (a listpack stores scores as text: parsing is
 * the larger part of a short ZRANGE without WITHSCORES). */
static void collectRange(const robj *o, int type, int rev, long long start, long long end,
                         const zrangespec *sr, const zlexrangespec *lr, long long offset,
                         long long limit, int scores, zitems *out) {
    zcur cur;
    if (type == ZRANGE_RANK) {
        long long llen = (long long)zsetLength(o);
        if (start < 0) start = llen + start;
        if (end < 0) end = llen + end;
        if (start < 0) start = 0;
        if (start > end || start >= llen) return;
        if (end >= llen) end = llen - 1;
        long long n = end - start + 1;
        zcurAtRank(&cur, o, (long)start, rev);
        for (long long i = 0; i < n && zcurValid(&cur); i++, zcurNext(&cur)) {
            size_t len;
            const char *e = zcurEle(&cur, &len);
            zitemsPush(out, e, len, scores ? zcurScore(&cur) : 0);
        }
        return;
    }
    if (offset < 0 || (offset > 0 && (unsigned long long)offset >= zsetLength(o))) return;
    if (type == ZRANGE_SCORE)
        zcurAtScore(&cur, o, sr, rev);
    else
        zcurAtLex(&cur, o, lr, rev);
    while (zcurValid(&cur) && offset > 0) {
        zcurNext(&cur);
        offset--;
    }
    while (zcurValid(&cur) && limit != 0) {
        size_t len;
        const char *e = zcurEle(&cur, &len);
        double sc = type == ZRANGE_SCORE || scores ? zcurScore(&cur) : 0;
        if (type == ZRANGE_SCORE) {
            if (!(rev ? zslValueGteMin(sc, sr) : zslValueLteMax(sc, sr))) break;
        } else if (!(rev ? zslLexValueGteMin(e, len, lr) : zslLexValueLteMax(e, len, lr))) {
            break;
        }
        zitemsPush(out, e, len, sc);
        if (limit > 0) limit--;
        zcurNext(&cur);
    }
}

/* A new zset holding 'items' (encoding chosen as Redis 7.0 does for stored results). */
static robj *zsetFromItems(rlServer *s, const zitems *items) {
    robj *o = createZsetListpackObject(s);
    for (size_t i = 0; i < items->n; i++) {
        int out;
        zsetAdd(s, o, items->v[i].score, items->v[i].ele, items->v[i].len, 0, &out, NULL);
    }
    return o;
}

/* Store 'result' at argv 'dstidx' (replacing any value and TTL) and notify 'event', or
 * delete the key when the result is empty (a "del" event if it existed); reply the number
 * of members. */
static void storeZsetResult(rlClient *c, int dstidx, robj *result, const char *event) {
    const char *key = c->argv[dstidx];
    size_t klen = c->argvlen[dstidx];
    unsigned long n = zsetLength(result);
    if (n) {
        setKey(c, c->db, key, klen, result, 0); /* signals the key */
        notifyKeyspaceEvent(NOTIFY_ZSET, event, key, klen, c->db);
    } else {
        freeObject(c->srv, result);
        if (dbDelete(c->db, key, klen)) {
            signalModifiedKey(c, c->db, key, klen);
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
        }
    }
    addReplyLongLong(c, (long long)n);
}

/* The ZRANGE family: 'srcidx' is the source key (after the destination for ZRANGESTORE);
 * min/max follow it. 'type'/'rev' are preset by the legacy commands (ZRANGEBYSCORE...) and
 * ZRANGE_AUTO / -1 for ZRANGE and ZRANGESTORE, which take BYSCORE/BYLEX/REV words. */
static void zrangeGeneric(rlClient *c, int srcidx, int store, int type, int rev) {
    int minidx = srcidx + 1, maxidx = srcidx + 2, withscores = 0;
    long long offset = 0, limit = -1;
    int haslimit = 0;
    for (int j = srcidx + 3; j < c->argc; j++) {
        int left = c->argc - j - 1;
        if (!store && argEq(c, j, "withscores")) {
            withscores = 1;
        } else if (argEq(c, j, "limit") && left >= 2) {
            if (getLongLongFromArgOrReply(c, j + 1, &offset, NULL) != RL_OK ||
                getLongLongFromArgOrReply(c, j + 2, &limit, NULL) != RL_OK)
                return;
            haslimit = 1;
            j += 2;
        } else if (rev == -1 && argEq(c, j, "rev")) {
            rev = 1;
        } else if (type == ZRANGE_AUTO && argEq(c, j, "bylex")) {
            type = ZRANGE_LEX;
        } else if (type == ZRANGE_AUTO && argEq(c, j, "byscore")) {
            type = ZRANGE_SCORE;
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    if (rev == -1) rev = 0;
    if (type == ZRANGE_AUTO) type = ZRANGE_RANK;
    if (haslimit && type == ZRANGE_RANK) {
        addReplyError(c, "syntax error, LIMIT is only supported in combination with either "
                         "BYSCORE or BYLEX");
        return;
    }
    if (withscores && type == ZRANGE_LEX) {
        addReplyError(c, "syntax error, WITHSCORES not supported in combination with BYLEX");
        return;
    }
    if (rev && type != ZRANGE_RANK) { /* the range is given as max, min */
        int t = minidx;
        minidx = maxidx;
        maxidx = t;
    }
    long long start = 0, end = 0;
    zrangespec sr = {0};
    zlexrangespec lr;
    memset(&lr, 0, sizeof(lr));
    if (type == ZRANGE_RANK) {
        if (getLongLongFromArgOrReply(c, minidx, &start, NULL) != RL_OK ||
            getLongLongFromArgOrReply(c, maxidx, &end, NULL) != RL_OK)
            return;
    } else if (type == ZRANGE_SCORE) {
        if (parseScoreRangeOrReply(c, minidx, maxidx, &sr) != RL_OK) return;
    } else if (parseLexRangeOrReply(c, minidx, maxidx, &lr) != RL_OK) {
        return;
    }
    int err;
    robj *o = zsetLookup(c, srcidx, 0, &err);
    if (err) return;
    zitems items;
    zitemsInit(&items);
    if (o)
        collectRange(o, type, rev, start, end, &sr, &lr, offset, limit, store || withscores,
                     &items);
    if (store) {
        storeZsetResult(c, 1, zsetFromItems(c->srv, &items), "zrangestore");
    } else {
        addReplyArrayLen(c, (long)items.n);
        for (size_t i = 0; i < items.n; i++)
            replyScored(c, items.v[i].ele, items.v[i].len, items.v[i].score, withscores);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
    }
    zitemsFree(&items);
}

void zrangeCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_AUTO, -1);
}

void zrangestoreCommand(rlClient *c) {
    zrangeGeneric(c, 2, 1, ZRANGE_AUTO, -1);
}

void zrevrangeCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_RANK, 1);
}

void zrangebyscoreCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_SCORE, 0);
}

void zrevrangebyscoreCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_SCORE, 1);
}

void zrangebylexCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_LEX, 0);
}

void zrevrangebylexCommand(rlClient *c) {
    zrangeGeneric(c, 1, 0, ZRANGE_LEX, 1);
}

/* ---------------------------------------------------------------- ZREMRANGEBY* */

static void zremrangeGeneric(rlClient *c, int type) {
    long long start = 0, end = 0;
    zrangespec sr = {0};
    zlexrangespec lr;
    memset(&lr, 0, sizeof(lr));
    if (type == ZRANGE_RANK) {
        if (getLongLongFromArgOrReply(c, 2, &start, NULL) != RL_OK ||
            getLongLongFromArgOrReply(c, 3, &end, NULL) != RL_OK)
            return;
    } else if (type == ZRANGE_SCORE) {
        if (parseScoreRangeOrReply(c, 2, 3, &sr) != RL_OK) return;
    } else if (parseLexRangeOrReply(c, 2, 3, &lr) != RL_OK) {
        return;
    }
    int err;
    robj *o = zsetLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyLongLong(c, 0);
        return;
    }
    long long deleted = 0;
    if (type == ZRANGE_RANK) {
        long long llen = (long long)zsetLength(o);
        if (start < 0) start = llen + start;
        if (end < 0) end = llen + end;
        if (start < 0) start = 0;
        if (start > end || start >= llen) {
            addReplyLongLong(c, 0);
            return;
        }
        if (end >= llen) end = llen - 1;
    }
    if (o->encoding == OBJ_ENCODING_SKIPLIST) {
        zset *zs = o->u.ptr;
        if (type == ZRANGE_RANK)
            deleted = (long long)zslDeleteRangeByRank(
                &c->srv->slab, zs->zsl, (unsigned long)start + 1, (unsigned long)end + 1, zs->dict);
        else if (type == ZRANGE_SCORE)
            deleted = (long long)zslDeleteRangeByScore(&c->srv->slab, zs->zsl, &sr, zs->dict);
        else
            deleted = (long long)zslDeleteRangeByLex(&c->srv->slab, zs->zsl, &lr, zs->dict);
        dictResizeIfNeeded(zs->dict);
    } else {
        /* listpack: find the first entry and count the run, then delete it at once */
        zcur cur;
        long long first = -1, n = 0, idx = 0;
        for (zcurAtRank(&cur, o, 0, 0); zcurValid(&cur); zcurNext(&cur), idx++) {
            size_t len;
            const char *e = zcurEle(&cur, &len);
            double sc = zcurScore(&cur);
            int in = type == ZRANGE_RANK ? idx >= start && idx <= end
                     : type == ZRANGE_SCORE
                         ? zslValueGteMin(sc, &sr) && zslValueLteMax(sc, &sr)
                         : zslLexValueGteMin(e, len, &lr) && zslLexValueLteMax(e, len, &lr);
            if (in) {
                if (first < 0) first = idx;
                n++;
            } else if (first >= 0) {
                break;
            }
        }
        if (n) {
            unsigned char *lp = o->u.ptr;
            o->u.ptr =
                lpDeleteRange(&c->srv->slab, lp, lpSeek(lp, 2 * first), 2 * (unsigned long)n, NULL);
        }
        deleted = n;
    }
    int keyremoved = 0;
    if (zsetLength(o) == 0) {
        dbDelete(c->db, c->argv[1], c->argvlen[1]);
        keyremoved = 1;
    }
    if (deleted) {
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_ZSET,
                            type == ZRANGE_RANK    ? "zremrangebyrank"
                            : type == ZRANGE_SCORE ? "zremrangebyscore"
                                                   : "zremrangebylex",
                            c->argv[1], c->argvlen[1], c->db);
        if (keyremoved)
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
    }
    addReplyLongLong(c, deleted);
}

void zremrangebyrankCommand(rlClient *c) {
    zremrangeGeneric(c, ZRANGE_RANK);
}

void zremrangebyscoreCommand(rlClient *c) {
    zremrangeGeneric(c, ZRANGE_SCORE);
}

void zremrangebylexCommand(rlClient *c) {
    zremrangeGeneric(c, ZRANGE_LEX);
}

/* ---------------------------------------------------------------- pops */

#define ZPOP_MIN 0
#define ZPOP_MAX 1

/* Pop up to 'count' members of 'o' from the 'where' end and reply them as an array of
 * [member, score] pairs ('nested' > 0), as one [member, score] pair (0: ZPOPMIN without a
 * count) or as a bare member and score (< 0: inside BZPOPMIN's [key, member, score]). Notifies
 * "zpopmin"/"zpopmax", then deletes the key with a "del" event when empty. */
static void zpopAndReply(rlClient *c, robj *o, int keyidx, int where, long long count, int nested) {
    unsigned long llen = zsetLength(o);
    unsigned long n = (unsigned long long)count < llen ? (unsigned long)count : llen;
    if (nested > 0) addReplyArrayLen(c, (long)n);
    for (unsigned long i = 0; i < n; i++) {
        zcur cur;
        zcurAtRank(&cur, o, 0, where == ZPOP_MAX);
        size_t len;
        const char *e = zcurEle(&cur, &len);
        replyScored(c, e, len, zcurScore(&cur), nested >= 0); /* the sink copies the bytes */
        if (nested < 0) addReplyDouble(c, zcurScore(&cur));
        zsetDel(c->srv, o, e, len); /* 'e' may point into o: see zsetDel */
    }
    if (nested > 0) addReplyAggregateEnd(c, RL_AGG_ARRAY);
    const char *key = c->argv[keyidx];
    size_t klen = c->argvlen[keyidx];
    if (n) {
        notifyKeyspaceEvent(NOTIFY_ZSET, where == ZPOP_MAX ? "zpopmax" : "zpopmin", key, klen,
                            c->db);
        signalModifiedKey(c, c->db, key, klen);
    }
    if (zsetLength(o) == 0) {
        dbDelete(c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
    }
}

/* ZPOPMIN / ZPOPMAX key [count] */
static void zpopGeneric(rlClient *c, int where) {
    if (c->argc > 3) {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    long long count = 1;
    if (c->argc == 3 && (getLongLongFromArg(c, 2, &count) != RL_OK || count < 0)) {
        addReplyError(c, "value is out of range, must be positive");
        return;
    }
    int err;
    robj *o = zsetLookup(c, 1, 1, &err);
    if (err) return;
    if (!o || count == 0) {
        replyEmptyArray(c);
        return;
    }
    zpopAndReply(c, o, 1, where, count, c->argc == 3);
}

void zpopminCommand(rlClient *c) {
    zpopGeneric(c, ZPOP_MIN);
}

void zpopmaxCommand(rlClient *c) {
    zpopGeneric(c, ZPOP_MAX);
}

/* ZMPOP's work on the command line as it stands (BZMPOP shifts it past its timeout). Returns
 * 1 when it replied (data or an error), 0 when every sorted set was missing. */
static int zmpopGeneric(rlClient *c, int *where_idx) {
    int where; /* ZPOP_MIN is 0 (MIN), ZPOP_MAX 1 (MAX) */
    long long count;
    if (parseMpopArgsOrReply(c, "min", "max", &where, where_idx, &count) != RL_OK) return 1;
    for (int j = 2; j < *where_idx; j++) {
        int err;
        robj *o = zsetLookup(c, j, 1, &err);
        if (err) return 1;
        if (!o) continue;
        addReplyArrayLen(c, 2);
        addReplyBulk(c, c->argv[j], c->argvlen[j]);
        zpopAndReply(c, o, j, where, count, 1);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return 1;
    }
    return 0;
}

/* ZMPOP numkeys key [key ...] MIN|MAX [COUNT count] */
void zmpopCommand(rlClient *c) {
    int where_idx;
    if (!zmpopGeneric(c, &where_idx)) addReplyNull(c);
}

/* BZPOPMIN / BZPOPMAX key [key ...] timeout: pop the lowest / highest member of the first
 * non-empty sorted set, replying [key, member, score]; block while all are empty. */
static void bzpopGeneric(rlClient *c, int where) {
    long long timeout;
    if (getTimeoutFromArgOrReply(c, c->argc - 1, &timeout) != RL_OK) return;
    for (int j = 1; j < c->argc - 1; j++) {
        int err;
        robj *o = zsetLookup(c, j, 1, &err);
        if (err) return;
        if (!o) continue;
        addReplyArrayLen(c, 3);
        addReplyBulk(c, c->argv[j], c->argvlen[j]);
        zpopAndReply(c, o, j, where, 1, -1);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return;
    }
    blockForKeyRange(c, OBJ_ZSET, 1, c->argc - 2, timeout);
}

void bzpopminCommand(rlClient *c) {
    bzpopGeneric(c, ZPOP_MIN);
}

void bzpopmaxCommand(rlClient *c) {
    bzpopGeneric(c, ZPOP_MAX);
}

/* BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] */
void bzmpopCommand(rlClient *c) {
    blockingMpopCommand(c, "min", "max", OBJ_ZSET, zmpopGeneric);
}

/* ---------------------------------------------------------------- ZRANDMEMBER */

static void zrandmemberWithCount(rlClient *c, long long l, int withscores) {
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    unsigned long size = o ? zsetLength(o) : 0;
    int uniq = l >= 0;
    unsigned long long count = uniq ? (unsigned long long)l : (unsigned long long)(-l);
    if (count == 0 || size == 0) {
        replyEmptyArray(c);
        return;
    }
    zitems all;
    zitemsInit(&all);
    zcur cur;
    for (zcurAtRank(&cur, o, 0, 0); zcurValid(&cur); zcurNext(&cur)) {
        size_t len;
        const char *e = zcurEle(&cur, &len);
        zitemsPush(&all, e, len, zcurScore(&cur));
        if (o->encoding == OBJ_ENCODING_SKIPLIST && uniq && count * 3 <= size) break;
    }
    if (!uniq || count == 1) { /* independent picks */
        addReplyArrayLen(c, (long)count);
        for (unsigned long long i = 0; i < count; i++) {
            zitem it;
            if (o->encoding == OBJ_ENCODING_LISTPACK) {
                it = all.v[rlRandNext(&c->srv->rng) % all.n];
            } else {
                const zset *zs = o->u.ptr;
                dictEntry *de = dictGetRandomKey(zs->dict, &c->srv->rng);
                zskiplistNode *x = dictGetVal(de);
                it = (zitem){zslNodeEle(x), x->len, x->score};
            }
            replyScored(c, it.ele, it.len, it.score, withscores);
        }
    } else if (count >= size) {
        addReplyArrayLen(c, (long)all.n);
        for (size_t i = 0; i < all.n; i++)
            replyScored(c, all.v[i].ele, all.v[i].len, all.v[i].score, withscores);
    } else if (o->encoding == OBJ_ENCODING_LISTPACK || count * 3 > size) {
        addReplyArrayLen(c, (long)count);
        for (size_t i = 0; i < count; i++) {
            size_t j = i + (size_t)(rlRandNext(&c->srv->rng) % (all.n - i));
            zitem t = all.v[i];
            all.v[i] = all.v[j];
            all.v[j] = t;
            replyScored(c, all.v[i].ele, all.v[i].len, all.v[i].score, withscores);
        }
    } else {
        dict *seen = serverCreateScratchDict(c->srv);
        const zset *zs = o->u.ptr;
        addReplyArrayLen(c, (long)count);
        while (dictSize(seen) < count) {
            dictEntry *de = dictGetRandomKey(zs->dict, &c->srv->rng);
            zskiplistNode *x = dictGetVal(de);
            if (dictAdd(seen, zslNodeEle(x), x->len, NULL) == DICT_OK)
                replyScored(c, zslNodeEle(x), x->len, x->score, withscores);
        }
        dictRelease(seen);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    zitemsFree(&all);
}

/* ZRANDMEMBER key [count [WITHSCORES]] */
void zrandmemberCommand(rlClient *c) {
    if (c->argc >= 3) {
        long long l;
        int withscores;
        if (parseRandCountOrReply(c, "withscores", &l, &withscores) != RL_OK) return;
        zrandmemberWithCount(c, l, withscores);
        return;
    }
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    if (!o) {
        addReplyNull(c);
        return;
    }
    zcur cur;
    zcurAtRank(&cur, o, (long)(rlRandNext(&c->srv->rng) % zsetLength(o)), 0);
    size_t len;
    const char *e = zcurEle(&cur, &len);
    addReplyBulk(c, e, len);
}

/* ---------------------------------------------------------------- set algebra */

#define ZOP_UNION 0
#define ZOP_INTER 1
#define ZOP_DIFF 2
#define AGGR_SUM 0
#define AGGR_MIN 1
#define AGGR_MAX 2

/* An input of ZUNION & co: a zset, a set (every score 1) or missing (NULL). */
typedef struct zsrc {
    robj *o;
    double weight;
} zsrc;

static unsigned long zsrcLength(const zsrc *s) {
    if (!s->o) return 0;
    return s->o->type == OBJ_ZSET ? zsetLength(s->o) : setTypeSize(s->o);
}

/* Score of 'ele' in the input (1 for a set member); 1 if present. */
static int zsrcScore(const zsrc *s, const char *ele, size_t len, double *score) {
    if (!s->o) return 0;
    if (s->o->type == OBJ_ZSET) return zsetScore(s->o, ele, len, score);
    *score = 1.0;
    return setTypeIsMember(s->o, ele, len);
}

/* Collects set members as items of score 1; intset members (formatted in a temporary
 * buffer by setTypeForEach) are copied into 'digits'. */
typedef struct setCollect {
    zitems *out;
    char *digits;
    size_t used;
} setCollect;

static void collectSetMember(void *ctx, const char *m, size_t len) {
    setCollect *sc = ctx;
    if (sc->digits) {
        memcpy(sc->digits + sc->used, m, len);
        m = sc->digits + sc->used;
        sc->used += len;
    }
    zitemsPush(sc->out, m, len, 1.0);
}

/* Every element of the input as (member, score) items (scores unweighted), replacing
 * 'out's contents. '*digits' (freed and reallocated here; the caller frees the last one)
 * holds intset members' bytes. */
static void zsrcCollect(const zsrc *s, zitems *out, char **digits) {
    out->n = 0;
    rl_free(*digits);
    *digits = NULL;
    if (!s->o) return;
    if (s->o->type == OBJ_ZSET) {
        zcur cur;
        for (zcurAtRank(&cur, s->o, 0, 0); zcurValid(&cur); zcurNext(&cur)) {
            size_t len;
            const char *e = zcurEle(&cur, &len);
            zitemsPush(out, e, len, zcurScore(&cur));
        }
        return;
    }
    setCollect sc = {out, NULL, 0};
    if (s->o->encoding == OBJ_ENCODING_INTSET)
        sc.digits = *digits = rl_malloc(setTypeSize(s->o) * RL_LONG_STR_SIZE + 1);
    setTypeForEach(s->o, collectSetMember, &sc);
}

static void aggregate(double *target, double val, int aggr) {
    if (aggr == AGGR_SUM) {
        *target = *target + val;
        if (isnan(*target)) *target = 0.0; /* +inf + -inf */
    } else if (aggr == AGGR_MIN) {
        if (val < *target) *target = val;
    } else if (val > *target) {
        *target = val;
    }
}

static int cmpZsrcLength(const void *a, const void *b) {
    unsigned long x = zsrcLength(a), y = zsrcLength(b);
    return (x > y) - (x < y);
}

/* ZUNION/ZINTER/ZDIFF[STORE], ZINTERCARD. 'dstidx' > 0 for the STORE forms; 'numidx' the
 * index of numkeys. */
static void zsetOpGeneric(rlClient *c, int dstidx, int numidx, int op, int cardinality) {
    long long setnum;
    if (getLongLongFromArgOrReply(c, numidx, &setnum, NULL) != RL_OK) return;
    if (setnum < 1) {
        char name[64];
        size_t n = c->argvlen[0] < sizeof(name) - 1 ? c->argvlen[0] : sizeof(name) - 1;
        for (size_t i = 0; i < n; i++) {
            char ch = c->argv[0][i];
            name[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
        name[n] = '\0';
        addReplyErrorFormat(c, "at least 1 input key is needed for '%s' command", name);
        return;
    }
    if (setnum > c->argc - (numidx + 1)) {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    zsrc *src = rl_calloc((size_t)setnum, sizeof(*src));
    int j = numidx + 1;
    for (long long i = 0; i < setnum; i++, j++) {
        robj *obj = dstidx ? lookupKeyWrite(c, c->db, c->argv[j], c->argvlen[j])
                           : lookupKeyRead(c, c->db, c->argv[j], c->argvlen[j]);
        if (obj && obj->type != OBJ_ZSET && obj->type != OBJ_SET) {
            rl_free(src);
            addReplyError(c, RL_ERR_WRONGTYPE);
            return;
        }
        src[i].o = obj;
        src[i].weight = 1.0;
    }
    int aggr = AGGR_SUM, withscores = 0;
    long long limit = 0;
    while (j < c->argc) {
        int remaining = c->argc - j;
        if (op != ZOP_DIFF && !cardinality && remaining >= setnum + 1 && argEq(c, j, "weights")) {
            j++;
            for (long long i = 0; i < setnum; i++, j++) {
                if (!string2d(c->argv[j], c->argvlen[j], &src[i].weight)) {
                    rl_free(src);
                    addReplyError(c, "weight value is not a float");
                    return;
                }
            }
        } else if (op != ZOP_DIFF && !cardinality && remaining >= 2 && argEq(c, j, "aggregate")) {
            j++;
            if (argEq(c, j, "sum"))
                aggr = AGGR_SUM;
            else if (argEq(c, j, "min"))
                aggr = AGGR_MIN;
            else if (argEq(c, j, "max"))
                aggr = AGGR_MAX;
            else {
                rl_free(src);
                addReplyError(c, RL_ERR_SYNTAX);
                return;
            }
            j++;
        } else if (!dstidx && !cardinality && argEq(c, j, "withscores")) {
            j++;
            withscores = 1;
        } else if (cardinality && remaining >= 2 && argEq(c, j, "limit")) {
            if (getLongLongFromArg(c, j + 1, &limit) != RL_OK || limit < 0) {
                rl_free(src);
                addReplyError(c, "LIMIT can't be negative");
                return;
            }
            j += 2;
        } else {
            rl_free(src);
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    /* The result, built as a skiplist zset (sorted as it is replied). */
    robj *dst = createZsetObject(c->srv);
    zset *dz = dst->u.ptr;
    zitems items;
    zitemsInit(&items);
    char *digits = NULL; /* storage for set members' digits (intsets) */
    long long card = 0;
    if (op == ZOP_INTER) {
        qsort(src, (size_t)setnum, sizeof(*src), cmpZsrcLength);
        if (src[0].o && zsrcLength(&src[0])) {
            zsrcCollect(&src[0], &items, &digits);
            for (size_t k = 0; k < items.n; k++) {
                double score = src[0].weight * items.v[k].score, v;
                if (isnan(score)) score = 0;
                long long m = 1;
                for (; m < setnum; m++) {
                    if (!zsrcScore(&src[m], items.v[k].ele, items.v[k].len, &v)) break;
                    aggregate(&score, src[m].weight * v, aggr);
                }
                if (m < setnum) continue;
                if (cardinality) {
                    card++;
                    if (limit && card >= limit) break;
                } else {
                    zsetSkiplistAdd(c->srv, dz, score, items.v[k].ele, items.v[k].len);
                }
            }
        }
    } else if (op == ZOP_UNION) {
        for (long long m = 0; m < setnum; m++) {
            zsrcCollect(&src[m], &items, &digits);
            for (size_t k = 0; k < items.n; k++) {
                double score = src[m].weight * items.v[k].score;
                if (isnan(score)) score = 0;
                dictEntry *de = dictFind(dz->dict, items.v[k].ele, items.v[k].len);
                if (!de) {
                    zsetSkiplistAdd(c->srv, dz, score, items.v[k].ele, items.v[k].len);
                } else {
                    zskiplistNode *x = dictGetVal(de);
                    double cur = x->score;
                    aggregate(&cur, score, aggr);
                    if (cur != x->score)
                        dictSetVal(de,
                                   zslUpdateScore(&c->srv->slab, dz->zsl, &c->srv->rng, x->score,
                                                  items.v[k].ele, items.v[k].len, cur));
                }
            }
        }
    } else if (src[0].o) { /* DIFF: members of the first input in none of the others */
        zsrcCollect(&src[0], &items, &digits);
        for (size_t k = 0; k < items.n; k++) {
            double v;
            long long m = 1;
            for (; m < setnum; m++)
                if (zsrcScore(&src[m], items.v[k].ele, items.v[k].len, &v)) break;
            if (m == setnum)
                zsetSkiplistAdd(c->srv, dz, items.v[k].score, items.v[k].ele, items.v[k].len);
        }
    }
    zitemsFree(&items);
    rl_free(digits);
    rl_free(src);
    if (cardinality) {
        addReplyLongLong(c, card);
        freeObject(c->srv, dst);
    } else if (dstidx) {
        zsetConvertToListpackIfNeeded(c->srv, dst);
        storeZsetResult(c, dstidx, dst,
                        op == ZOP_UNION   ? "zunionstore"
                        : op == ZOP_INTER ? "zinterstore"
                                          : "zdiffstore");
    } else {
        addReplyArrayLen(c, (long)dz->zsl->length);
        for (zskiplistNode *x = dz->zsl->header->level[0].forward; x; x = x->level[0].forward)
            replyScored(c, zslNodeEle(x), x->len, x->score, withscores);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        freeObject(c->srv, dst);
    }
}

void zunionstoreCommand(rlClient *c) {
    zsetOpGeneric(c, 1, 2, ZOP_UNION, 0);
}

void zinterstoreCommand(rlClient *c) {
    zsetOpGeneric(c, 1, 2, ZOP_INTER, 0);
}

void zdiffstoreCommand(rlClient *c) {
    zsetOpGeneric(c, 1, 2, ZOP_DIFF, 0);
}

void zunionCommand(rlClient *c) {
    zsetOpGeneric(c, 0, 1, ZOP_UNION, 0);
}

void zinterCommand(rlClient *c) {
    zsetOpGeneric(c, 0, 1, ZOP_INTER, 0);
}

void zdiffCommand(rlClient *c) {
    zsetOpGeneric(c, 0, 1, ZOP_DIFF, 0);
}

void zintercardCommand(rlClient *c) {
    zsetOpGeneric(c, 0, 1, ZOP_INTER, 1);
}

/* ---------------------------------------------------------------- ZSCAN */

/* A score as ZSCAN shows it: the text Redis 7.0 keeps in a listpack (an integer when the
 * score is integral within +-LLONG_MAX/2, else %.17g) or formats for a skiplist (%.17g,
 * integers below 2^52 without exponent). */
static int scoreText(char *buf, size_t len, double score, int listpack) {
    if (listpack && score >= (double)(-LLONG_MAX / 2) && score <= (double)(LLONG_MAX / 2)) {
        long long ll = (long long)score;
        if ((double)ll == score) return ll2string(buf, len, ll);
    }
    return d2string(buf, len, score);
}

static void zscanCollect(void *privdata, const dictEntry *de) {
    const zskiplistNode *x = dictGetVal(de);
    zitemsPush(privdata, zslNodeEle(x), x->len, x->score);
}

/* ZSCAN key cursor [MATCH pattern] [COUNT count]: a listpack zset is returned whole with
 * cursor 0; a skiplist's dict is scanned like the keyspace. Scores as strings. */
void zscanCommand(rlClient *c) {
    unsigned long cursor;
    if (parseScanCursorOrReply(c, 2, &cursor) != RL_OK) return;
    int err;
    robj *o = zsetLookup(c, 1, 0, &err);
    if (err) return;
    scanOptions opt = {0};
    if (o && parseScanOptionsOrReply(c, 3, 0, &opt) != RL_OK) return;
    zitems l;
    zitemsInit(&l);
    if (o && o->encoding == OBJ_ENCODING_LISTPACK) {
        zcur cur;
        for (zcurAtRank(&cur, o, 0, 0); zcurValid(&cur); zcurNext(&cur)) {
            size_t len;
            const char *e = zcurEle(&cur, &len);
            zitemsPush(&l, e, len, zcurScore(&cur));
        }
        cursor = 0;
    } else if (o) {
        long long maxiter = scanMaxIterations(opt.count);
        do {
            cursor = dictScan(((zset *)o->u.ptr)->dict, cursor, zscanCollect, &l);
        } while (cursor && maxiter-- && (long long)l.n < opt.count);
    } else {
        cursor = 0;
    }
    size_t kept = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (opt.pat && !stringmatchlen(opt.pat, opt.plen, l.v[i].ele, l.v[i].len, 0)) continue;
        l.v[kept++] = l.v[i];
    }
    addReplyArrayLen(c, 2);
    addReplyBulkLongLong(c, (long long)cursor);
    addReplyArrayLen(c, (long)kept * 2);
    int listpack = o && o->encoding == OBJ_ENCODING_LISTPACK;
    for (size_t i = 0; i < kept; i++) {
        char buf[RL_DOUBLE_STR_SIZE];
        int n = scoreText(buf, sizeof(buf), l.v[i].score, listpack);
        addReplyBulk(c, l.v[i].ele, l.v[i].len);
        addReplyBulk(c, buf, (size_t)n);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    zitemsFree(&l);
}

/* ---------------------------------------------------------------- debug */

const char *zsetTypeCheck(const robj *o) {
    if (zsetLength(o) == 0) return "empty zset";
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        if (!lpValidate(lp) || lpLength(lp) % 2) return "corrupt listpack zset";
        if (lpLength(lp) / 2 > ZSET_MAX_LISTPACK_ENTRIES) return "listpack zset too long";
        unsigned char *prev = NULL;
        for (unsigned char *p = lpFirst(lp); p; p = lpNext(lp, lpNext(lp, p))) {
            size_t slen;
            lpGet(lpNext(lp, p), &slen);
            if (slen != sizeof(double)) return "bad listpack score";
            if (prev) {
                size_t al, bl;
                const char *a = lpGet(prev, &al), *b = lpGet(p, &bl);
                double sa = zzlScore(lpNext(lp, prev)), sb = zzlScore(lpNext(lp, p));
                if (sa > sb || (sa == sb && zslCompareEle(a, al, b, bl) >= 0))
                    return "listpack zset out of order";
            }
            prev = p;
        }
        return NULL;
    }
    if (o->encoding != OBJ_ENCODING_SKIPLIST) return "bad zset encoding";
    const zset *zs = o->u.ptr;
    if (dictSize(zs->dict) != zs->zsl->length) return "zset dict/skiplist sizes differ";
    return zslValidate(zs->zsl) ? NULL : "corrupt skiplist";
}

size_t zsetTypeMemUsage(const robj *o, long samples) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) return lpAllocBytes(o->u.ptr);
    const zset *zs = o->u.ptr;
    return slabObjectBytes(sizeof(*zs)) + dictMemUsage(zs->dict, samples, NULL) +
           zslMemUsage(zs->zsl, samples);
}
