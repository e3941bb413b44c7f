/* t_set.c -- the set type: SADD and friends, set algebra. Behaviour and error texts follow
 * Redis 7.0.
 *
 * Encodings (as redis-server 7.0): an intset while every member is an integer and there are
 * at most SET_MAX_INTSET_ENTRIES of them; otherwise a dict of members (no values), for
 * good. Redis 7.0 has no listpack sets, so a small set of strings is a "hashtable". */
#include "server.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- set type API */

static const dictType setDictType = {
    NULL, serverEntryAlloc, serverEntryFree, serverDictAccount, 1 /* no_value */, NULL};

static dict *setCreateDict(rlServer *s) {
    return serverCreateDict(s, &setDictType);
}

/* An empty set for a first member 's': an intset if it is an integer, else a dict. */
static robj *setTypeCreate(rlServer *s, const char *m, size_t len) {
    long long v;
    if (string2ll(m, len, &v))
        return createObject(&s->slab, OBJ_SET, OBJ_ENCODING_INTSET, intsetNew(&s->slab));
    return createObject(&s->slab, OBJ_SET, OBJ_ENCODING_HT, setCreateDict(s));
}

unsigned long setTypeSize(const robj *o) {
    if (o->encoding == OBJ_ENCODING_INTSET) return intsetLen(o->u.ptr);
    return (unsigned long)dictSize((const dict *)o->u.ptr);
}

void setTypeFree(rlServer *s, robj *o) {
    if (o->encoding == OBJ_ENCODING_INTSET)
        intsetFree(&s->slab, o->u.ptr);
    else
        freeDictMaybeLazy(s, o->u.ptr);
}

/* Convert an intset to a dict. O(N), N <= SET_MAX_INTSET_ENTRIES. */
static void setTypeConvert(rlServer *s, robj *o) {
    if (o->encoding != OBJ_ENCODING_INTSET) return;
    intset *is = o->u.ptr;
    dict *d = setCreateDict(s);
    for (uint32_t i = 0; i < intsetLen(is); i++) {
        char buf[RL_LONG_STR_SIZE];
        int n = ll2string(buf, sizeof(buf), intsetGet(is, i));
        dictAdd(d, buf, (size_t)n, NULL);
    }
    intsetFree(&s->slab, is);
    o->encoding = OBJ_ENCODING_HT;
    o->u.ptr = d;
}

robj *setTypeDup(rlServer *s, const robj *o) {
    if (o->encoding == OBJ_ENCODING_INTSET)
        return createObject(&s->slab, OBJ_SET, OBJ_ENCODING_INTSET, intsetDup(&s->slab, o->u.ptr));
    dict *d = setCreateDict(s);
    dictIterator *it = dictGetIterator(o->u.ptr);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL)
        dictAdd(d, de->key, de->keylen, NULL);
    dictReleaseIterator(it);
    return createObject(&s->slab, OBJ_SET, OBJ_ENCODING_HT, d);
}

/* Add member 'm'; returns 1 if it was not there. Converts as needed. */
static int setTypeAdd(rlServer *s, robj *o, const char *m, size_t len) {
    long long v;
    if (o->encoding == OBJ_ENCODING_INTSET) {
        if (string2ll(m, len, &v)) {
            int added;
            o->u.ptr = intsetAdd(&s->slab, o->u.ptr, v, &added);
            if (added && intsetLen(o->u.ptr) > SET_MAX_INTSET_ENTRIES) setTypeConvert(s, o);
            return added;
        }
        setTypeConvert(s, o);
    }
    return dictAdd(o->u.ptr, m, len, NULL) == DICT_OK;
}

/* Remove member 'm'; returns 1 if it was there. */
static int setTypeRemove(rlServer *s, robj *o, const char *m, size_t len) {
    if (o->encoding == OBJ_ENCODING_INTSET) {
        long long v;
        int removed = 0;
        if (string2ll(m, len, &v)) o->u.ptr = intsetRemove(&s->slab, o->u.ptr, v, &removed);
        return removed;
    }
    if (dictDelete(o->u.ptr, m, len) != DICT_OK) return 0;
    dictResizeIfNeeded(o->u.ptr);
    return 1;
}

int setTypeIsMember(const robj *o, const char *m, size_t len) {
    if (o->encoding == OBJ_ENCODING_INTSET) {
        long long v;
        return string2ll(m, len, &v) && intsetFind(o->u.ptr, v);
    }
    return dictFind(o->u.ptr, m, len) != NULL;
}

/* A member as bytes: 'buf' (RL_LONG_STR_SIZE) holds the digits of an intset member. */
typedef struct setMember {
    const char *s;
    size_t len;
    char buf[RL_LONG_STR_SIZE];
} setMember;

static void memberFromInt(setMember *m, long long v) {
    m->len = (size_t)ll2string(m->buf, sizeof(m->buf), v);
    m->s = m->buf;
}

static void memberFromEntry(setMember *m, const dictEntry *de) {
    m->s = de->key;
    m->len = de->keylen;
}

/* Walks a set of either encoding (intset: ascending). */
typedef struct setIter {
    const robj *o;
    uint32_t pos;
    dictIterator *di;
} setIter;

static void setIterInit(setIter *it, const robj *o) {
    it->o = o;
    it->pos = 0;
    it->di = o->encoding == OBJ_ENCODING_HT ? dictGetIterator(o->u.ptr) : NULL;
}

static int setIterNext(setIter *it, setMember *m) {
    if (!it->di) {
        if (it->pos >= intsetLen(it->o->u.ptr)) return 0;
        memberFromInt(m, intsetGet(it->o->u.ptr, it->pos++));
        return 1;
    }
    dictEntry *de = dictNext(it->di);
    if (!de) return 0;
    memberFromEntry(m, de);
    return 1;
}

static void setIterRelease(setIter *it) {
    if (it->di) dictReleaseIterator(it->di);
}

void setTypeForEach(const robj *o, void (*fn)(void *ctx, const char *m, size_t len), void *ctx) {
    setIter it;
    setMember m;
    setIterInit(&it, o);
    while (setIterNext(&it, &m))
        fn(ctx, m.s, m.len);
    setIterRelease(&it);
}

/* A random member. The set must not be empty. */
static void setTypeRandom(rlClient *c, const robj *o, setMember *m) {
    if (o->encoding == OBJ_ENCODING_INTSET) {
        uint32_t n = intsetLen(o->u.ptr);
        memberFromInt(m, intsetGet(o->u.ptr, (uint32_t)(rlRandNext(&c->srv->rng) % n)));
    } else {
        memberFromEntry(m, dictGetRandomKey(o->u.ptr, &c->srv->rng));
    }
}

static void replyMember(rlClient *c, const setMember *m) {
    addReplyBulk(c, m->s, m->len);
}

/* Reply every member of 'o' (the caller opened the aggregate). */
static void replyAllMembers(rlClient *c, const robj *o) {
    setIter it;
    setMember m;
    setIterInit(&it, o);
    while (setIterNext(&it, &m))
        replyMember(c, &m);
    setIterRelease(&it);
}

/* Lookup of argv[idx] expecting a set: NULL with '*err' set after WRONGTYPE; NULL without
 * it when missing. 'write': a write lookup (no hit/miss stats). */
static robj *setLookup(rlClient *c, int idx, int write, int *err) {
    return lookupArgTyped(c, idx, OBJ_SET, write, err);
}

/* ---------------------------------------------------------------- commands */

/* SADD key member [member ...]: "sadd" only when a member was added ("new" before it for
 * a new key). */
void saddCommand(rlClient *c) {
    int err;
    robj *o = setLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        o = dbAdd(c->db, c->argv[1], c->argvlen[1],
                  setTypeCreate(c->srv, c->argv[2], c->argvlen[2]));
    }
    long long added = 0;
    for (int j = 2; j < c->argc; j++)
        added += setTypeAdd(c->srv, o, c->argv[j], c->argvlen[j]);
    if (added) {
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_SET, "sadd", c->argv[1], c->argvlen[1], c->db);
    }
    addReplyLongLong(c, added);
}

/* SREM key member [member ...]: "srem" when a member went, then "del" when it was the last
 * (the key is deleted). Nothing when no member was there. */
void sremCommand(rlClient *c) {
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    int err;
    robj *o = setLookup(c, 1, 1, &err);
    if (err) return;
    long long removed = 0;
    if (o) {
        for (int j = 2; j < c->argc; j++) {
            removed += setTypeRemove(c->srv, o, c->argv[j], c->argvlen[j]);
            if (setTypeSize(o) == 0) break;
        }
    }
    if (removed) {
        int keyremoved = setTypeSize(o) == 0;
        if (keyremoved) dbDelete(c->db, key, klen); /* frees o */
        signalModifiedKey(c, c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_SET, "srem", key, klen, c->db);
        if (keyremoved) notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
    }
    addReplyLongLong(c, removed);
}

/* SISMEMBER key member */
void sismemberCommand(rlClient *c) {
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    addReplyLongLong(c, o && setTypeIsMember(o, c->argv[2], c->argvlen[2]));
}

/* SMISMEMBER key member [member ...] */
void smismemberCommand(rlClient *c) {
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    addReplyArrayLen(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++)
        addReplyLongLong(c, o && setTypeIsMember(o, c->argv[j], c->argvlen[j]));
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* SCARD key */
void scardCommand(rlClient *c) {
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    addReplyLongLong(c, o ? (long long)setTypeSize(o) : 0);
}

/* Reply every member of 'o' (NULL: none) as a RESP3 set. O(N). */
static void replySet(rlClient *c, const robj *o) {
    addReplySetLen(c, o ? (long)setTypeSize(o) : 0);
    if (o) replyAllMembers(c, o);
    addReplyAggregateEnd(c, RL_AGG_SET);
}

/* SMEMBERS key */
void smembersCommand(rlClient *c) {
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    replySet(c, o);
}

/* SPOP key [count]: "spop" whenever members are popped (with a count: before the pops, as
 * Redis does), then "del" when the set is emptied (the key is deleted). Nothing for a
 * missing key or a count of 0. */
void spopCommand(rlClient *c) {
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    if (c->argc > 3) {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    long long count = 1;
    if (c->argc == 3) {
        if (getLongLongFromArg(c, 2, &count) != RL_OK || count < 0) {
            addReplyError(c, "value is out of range, must be positive");
            return;
        }
    }
    int err;
    robj *o = setLookup(c, 1, 1, &err);
    if (err) return;
    if (c->argc == 2) {
        if (!o) {
            addReplyNull(c);
            return;
        }
        setMember m;
        setTypeRandom(c, o, &m);
        addReplyBulk(c, m.s, m.len);
        setTypeRemove(c->srv, o, m.s, m.len); /* after the reply: m may point into o */
        notifyKeyspaceEvent(NOTIFY_SET, "spop", key, klen, c->db);
        if (setTypeSize(o) == 0) {
            dbDelete(c->db, key, klen); /* frees o */
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
        }
        signalModifiedKey(c, c->db, key, klen);
        return;
    }
    if (!o || count == 0) {
        addReplySetLen(c, 0);
        addReplyAggregateEnd(c, RL_AGG_SET);
        return;
    }
    unsigned long size = setTypeSize(o);
    notifyKeyspaceEvent(NOTIFY_SET, "spop", key, klen, c->db);
    if ((unsigned long long)count >= size) { /* the whole set, and the key goes */
        replySet(c, o);
        dbDelete(c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
        signalModifiedKey(c, c->db, key, klen);
        return;
    }
    unsigned long remaining = size - (unsigned long)count;
    if ((unsigned long long)remaining * 5 <= (unsigned long long)count) {
        /* Few members stay: move them to a new set (which takes the encoding its members
         * allow: an intset again for integers) and reply everything left in the old one,
         * as Redis does. O(size). */
        robj *newset = NULL;
        for (unsigned long i = 0; i < remaining; i++) {
            setMember m;
            setTypeRandom(c, o, &m);
            if (!newset) newset = setTypeCreate(c->srv, m.s, m.len);
            setTypeAdd(c->srv, newset, m.s, m.len);
            setTypeRemove(c->srv, o, m.s, m.len); /* m may point into o: used last */
        }
        replySet(c, o);
        /* Frees o, keeps the TTL, signals the key; no "new": the key exists. */
        setKey(c, c->db, key, klen, newset, 1);
        return;
    }
    /* 'count' random members, removed one by one: O(count) */
    addReplySetLen(c, (long)count);
    for (long long i = 0; i < count; i++) {
        setMember m;
        setTypeRandom(c, o, &m);
        addReplyBulk(c, m.s, m.len);          /* the sink copies the bytes */
        setTypeRemove(c->srv, o, m.s, m.len); /* m may point into o: used last */
    }
    addReplyAggregateEnd(c, RL_AGG_SET);
    signalModifiedKey(c, c->db, key, klen);
}

/* Members picked by SRANDMEMBER with a count. */
static void srandmemberWithCount(rlClient *c, long long l) {
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    unsigned long size = o ? setTypeSize(o) : 0;
    int uniq = l >= 0;
    unsigned long long count = uniq ? (unsigned long long)l : (unsigned long long)(-l);
    if (count == 0 || size == 0) {
        addReplyArrayLen(c, 0);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return;
    }
    if (!uniq || count == 1) { /* independent picks, repeats allowed */
        addReplyArrayLen(c, (long)count);
        for (unsigned long long i = 0; i < count; i++) {
            setMember m;
            setTypeRandom(c, o, &m);
            replyMember(c, &m);
        }
    } else if (count >= size) { /* the whole set */
        addReplyArrayLen(c, (long)size);
        replyAllMembers(c, o);
    } else if (o->encoding == OBJ_ENCODING_INTSET || count * 3 > size) {
        /* a partial Fisher-Yates shuffle over every member */
        setMember *all = rl_malloc(sizeof(*all) * size);
        setIter it;
        unsigned long n = 0;
        setIterInit(&it, o);
        while (n < size && setIterNext(&it, &all[n])) {
            if (all[n].s == all[n].buf) all[n].s = NULL; /* digits: re-point after copying */
            n++;
        }
        setIterRelease(&it);
        addReplyArrayLen(c, (long)count);
        for (unsigned long i = 0; i < count; i++) {
            unsigned long j = i + (unsigned long)(rlRandNext(&c->srv->rng) % (n - i));
            setMember t = all[i];
            all[i] = all[j];
            all[j] = t;
            addReplyBulk(c, all[i].s ? all[i].s : all[i].buf, all[i].len);
        }
        rl_free(all);
    } else { /* few of many: random picks, skipping repeats */
        dict *seen = serverCreateScratchDict(c->srv);
        addReplyArrayLen(c, (long)count);
        while (dictSize(seen) < count) {
            setMember m;
            setTypeRandom(c, o, &m);
            if (dictAdd(seen, m.s, m.len, NULL) == DICT_OK) replyMember(c, &m);
        }
        dictRelease(seen);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* SRANDMEMBER key [count] */
void srandmemberCommand(rlClient *c) {
    if (c->argc > 3) {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    if (c->argc == 3) {
        long long l;
        if (getLongLongFromArgOrReply(c, 2, &l, NULL) != RL_OK) return;
        if (l < -LLONG_MAX) {
            addReplyErrorFormat(c, "value is out of range, value must between %lld and %lld",
                                -LLONG_MAX, LLONG_MAX);
            return;
        }
        srandmemberWithCount(c, l);
        return;
    }
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    if (!o) {
        addReplyNull(c);
        return;
    }
    setMember m;
    setTypeRandom(c, o, &m);
    replyMember(c, &m);
}

/* SMOVE source destination member: "srem" on the source (then "del" if emptied), "new"
 * for a created destination, and "sadd" on the destination only when the member was not
 * already there; the destination is signalled (WATCH) only in that case too, as Redis 7.0
 * does. A moved-to-itself member or a missing member changes nothing. */
void smoveCommand(rlClient *c) {
    robj *src = lookupKeyWrite(c, c->db, c->argv[1], c->argvlen[1]);
    robj *dst = lookupKeyWrite(c, c->db, c->argv[2], c->argvlen[2]);
    const char *m = c->argv[3];
    size_t mlen = c->argvlen[3];
    if (!src) {
        addReplyLongLong(c, 0);
        return;
    }
    if (checkType(c, src, OBJ_SET) || checkType(c, dst, OBJ_SET)) return;
    if (src == dst) {
        addReplyLongLong(c, setTypeIsMember(src, m, mlen));
        return;
    }
    if (!setTypeRemove(c->srv, src, m, mlen)) {
        addReplyLongLong(c, 0);
        return;
    }
    notifyKeyspaceEvent(NOTIFY_SET, "srem", c->argv[1], c->argvlen[1], c->db);
    if (setTypeSize(src) == 0) {
        dbDelete(c->db, c->argv[1], c->argvlen[1]); /* frees src */
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
    }
    if (!dst) {
        dst = dbAdd(c->db, c->argv[2], c->argvlen[2], setTypeCreate(c->srv, m, mlen));
    }
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    if (setTypeAdd(c->srv, dst, m, mlen)) {
        signalModifiedKey(c, c->db, c->argv[2], c->argvlen[2]);
        notifyKeyspaceEvent(NOTIFY_SET, "sadd", c->argv[2], c->argvlen[2], c->db);
    }
    addReplyLongLong(c, 1);
}

/* ---------------------------------------------------------------- set algebra */

static int cmpSetSize(const void *a, const void *b) {
    const robj *x = *(const robj *const *)a, *y = *(const robj *const *)b;
    unsigned long sx = setTypeSize(x), sy = setTypeSize(y);
    return (sx > sy) - (sx < sy);
}

/* Look up the sets at argv[first..first+n): NULL entries for missing keys. Returns NULL
 * after replying WRONGTYPE (the first key of another type wins, even after a missing key,
 * as in Redis); '*missing' counts missing keys. */
static robj **lookupSets(rlClient *c, int first, int n, int write, int *missing) {
    robj **sets = rl_malloc(sizeof(*sets) * (size_t)n);
    *missing = 0;
    for (int j = 0; j < n; j++) {
        int err;
        sets[j] = setLookup(c, first + j, write, &err);
        if (err) {
            rl_free(sets);
            return NULL;
        }
        if (!sets[j]) (*missing)++;
    }
    return sets;
}

/* Store 'result' at 'dst' (replacing any value and TTL; "new" for a new key, then 'event'),
 * or delete 'dst' when 'result' is empty (then 'result' is freed; "del" if 'dst' existed,
 * nothing otherwise); reply the new cardinality. 'dst' is argv[1], valid after deletion. */
static void storeSetResult(rlClient *c, const char *dst, size_t dlen, robj *result,
                           const char *event) {
    unsigned long size = result ? setTypeSize(result) : 0;
    if (size == 0) {
        if (result) freeObject(c->srv, result);
        if (dbDelete(c->db, dst, dlen)) {
            signalModifiedKey(c, c->db, dst, dlen);
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", dst, dlen, c->db);
        }
    } else {
        setKey(c, c->db, dst, dlen, result, 0); /* signals the key */
        notifyKeyspaceEvent(NOTIFY_SET, event, dst, dlen, c->db);
    }
    addReplyLongLong(c, (long long)size);
}

/* SINTER / SINTERSTORE / SINTERCARD over the sets at argv[first..first+n). 'dst' (STORE)
 * or 'cardinality' (CARD, stopping at 'limit' when > 0) select the variant. */
static void sinterGeneric(rlClient *c, int first, int n, const char *dst, size_t dlen,
                          int cardinality, long long limit) {
    int missing;
    robj **sets = lookupSets(c, first, n, dst != NULL, &missing);
    if (!sets) return;
    if (missing) {
        rl_free(sets);
        if (dst) {
            storeSetResult(c, dst, dlen, NULL, "sinterstore");
        } else if (cardinality) {
            addReplyLongLong(c, 0);
        } else {
            addReplySetLen(c, 0);
            addReplyAggregateEnd(c, RL_AGG_SET);
        }
        return;
    }
    qsort(sets, (size_t)n, sizeof(*sets), cmpSetSize);
    robj *result =
        dst ? createObject(&c->srv->slab, OBJ_SET, OBJ_ENCODING_INTSET, intsetNew(&c->srv->slab))
            : NULL;
    /* Collect the intersection first (the reply length must come before the members). */
    setMember *out = NULL;
    size_t nout = 0, cap = 0;
    long long card = 0;
    setIter it;
    setMember m;
    setIterInit(&it, sets[0]);
    while (setIterNext(&it, &m)) {
        int all = 1;
        for (int j = 1; j < n && all; j++)
            all = sets[j] == sets[0] || setTypeIsMember(sets[j], m.s, m.len);
        if (!all) continue;
        if (cardinality) {
            card++;
            if (limit && card >= limit) break;
        } else if (result) {
            setTypeAdd(c->srv, result, m.s, m.len);
        } else {
            if (nout == cap) {
                cap = cap ? cap * 2 : 16;
                out = rl_realloc(out, sizeof(*out) * cap);
            }
            out[nout] = m;
            if (m.s == m.buf) out[nout].s = NULL; /* digits live in out[].buf */
            nout++;
        }
    }
    setIterRelease(&it);
    rl_free(sets);
    if (cardinality) {
        addReplyLongLong(c, card);
    } else if (result) {
        storeSetResult(c, dst, dlen, result, "sinterstore");
    } else {
        addReplySetLen(c, (long)nout);
        for (size_t i = 0; i < nout; i++)
            addReplyBulk(c, out[i].s ? out[i].s : out[i].buf, out[i].len);
        addReplyAggregateEnd(c, RL_AGG_SET);
    }
    rl_free(out);
}

void sinterCommand(rlClient *c) {
    sinterGeneric(c, 1, c->argc - 1, NULL, 0, 0, 0);
}

void sinterstoreCommand(rlClient *c) {
    sinterGeneric(c, 2, c->argc - 2, c->argv[1], c->argvlen[1], 0, 0);
}

/* SINTERCARD numkeys key [key ...] [LIMIT limit] */
void sintercardCommand(rlClient *c) {
    long long numkeys, limit = 0;
    if (getLongLongFromArg(c, 1, &numkeys) != RL_OK || numkeys <= 0) {
        addReplyError(c, "numkeys should be greater than 0");
        return;
    }
    if (numkeys > c->argc - 2) {
        addReplyError(c, "Number of keys can't be greater than number of args");
        return;
    }
    for (int j = 2 + (int)numkeys; j < c->argc; j++) {
        if (argEq(c, j, "limit") && j + 1 < c->argc) {
            if (getLongLongFromArg(c, j + 1, &limit) != RL_OK || limit < 0) {
                addReplyError(c, "LIMIT can't be negative");
                return;
            }
            j++;
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    sinterGeneric(c, 2, (int)numkeys, NULL, 0, 1, limit);
}

#define SET_OP_UNION 0
#define SET_OP_DIFF 1

/* SUNION / SDIFF (and their STORE forms) over the sets at argv[first..first+n): the
 * result is built as a set, then replied or stored. */
static void sunionDiffGeneric(rlClient *c, int first, int n, const char *dst, size_t dlen, int op) {
    int missing;
    robj **sets = lookupSets(c, first, n, dst != NULL, &missing);
    if (!sets) return;
    robj *result =
        createObject(&c->srv->slab, OBJ_SET, OBJ_ENCODING_INTSET, intsetNew(&c->srv->slab));
    setIter it;
    setMember m;
    if (op == SET_OP_UNION) {
        for (int j = 0; j < n; j++) {
            if (!sets[j]) continue;
            setIterInit(&it, sets[j]);
            while (setIterNext(&it, &m))
                setTypeAdd(c->srv, result, m.s, m.len);
            setIterRelease(&it);
        }
    } else if (sets[0]) {
        setIterInit(&it, sets[0]);
        while (setIterNext(&it, &m)) {
            int found = 0;
            for (int j = 1; j < n && !found; j++)
                found = sets[j] && (sets[j] == sets[0] || setTypeIsMember(sets[j], m.s, m.len));
            if (!found) setTypeAdd(c->srv, result, m.s, m.len);
        }
        setIterRelease(&it);
    }
    rl_free(sets);
    if (dst) {
        storeSetResult(c, dst, dlen, result, op == SET_OP_UNION ? "sunionstore" : "sdiffstore");
    } else {
        replySet(c, result);
        freeObject(c->srv, result);
    }
}

void sunionCommand(rlClient *c) {
    sunionDiffGeneric(c, 1, c->argc - 1, NULL, 0, SET_OP_UNION);
}

void sunionstoreCommand(rlClient *c) {
    sunionDiffGeneric(c, 2, c->argc - 2, c->argv[1], c->argvlen[1], SET_OP_UNION);
}

void sdiffCommand(rlClient *c) {
    sunionDiffGeneric(c, 1, c->argc - 1, NULL, 0, SET_OP_DIFF);
}

void sdiffstoreCommand(rlClient *c) {
    sunionDiffGeneric(c, 2, c->argc - 2, c->argv[1], c->argvlen[1], SET_OP_DIFF);
}

/* ---------------------------------------------------------------- SSCAN */

typedef struct memberList {
    setMember *items;
    size_t count, cap;
} memberList;

static void memberListPush(memberList *l, const setMember *m) {
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = rl_realloc(l->items, sizeof(*l->items) * l->cap);
    }
    l->items[l->count] = *m;
    if (m->s == m->buf) l->items[l->count].s = NULL; /* digits: in items[].buf */
    l->count++;
}

static void sscanCollect(void *privdata, const dictEntry *de) {
    setMember m;
    memberFromEntry(&m, de);
    memberListPush(privdata, &m);
}

/* SSCAN key cursor [MATCH pattern] [COUNT count]: an intset is returned whole with cursor
 * 0; a dict is scanned like the keyspace. */
void sscanCommand(rlClient *c) {
    unsigned long cursor;
    if (parseScanCursorOrReply(c, 2, &cursor) != RL_OK) return;
    int err;
    robj *o = setLookup(c, 1, 0, &err);
    if (err) return;
    scanOptions opt = {0};
    if (o && parseScanOptionsOrReply(c, 3, 0, &opt) != RL_OK) return;
    memberList l = {0};
    if (o && o->encoding == OBJ_ENCODING_INTSET) {
        setIter it;
        setMember m;
        setIterInit(&it, o);
        while (setIterNext(&it, &m))
            memberListPush(&l, &m);
        setIterRelease(&it);
        cursor = 0;
    } else if (o) {
        long long maxiter = scanMaxIterations(opt.count);
        do {
            cursor = dictScan(o->u.ptr, cursor, sscanCollect, &l);
        } while (cursor && maxiter-- && (long long)l.count < opt.count);
    } else {
        cursor = 0;
    }
    size_t kept = 0;
    for (size_t i = 0; i < l.count; i++) {
        setMember *m = &l.items[i];
        const char *s = m->s ? m->s : m->buf;
        if (opt.pat && !stringmatchlen(opt.pat, opt.plen, s, m->len, 0)) continue;
        if (kept != i) l.items[kept] = *m;
        kept++;
    }
    addReplyArrayLen(c, 2);
    addReplyBulkLongLong(c, (long long)cursor);
    addReplyArrayLen(c, (long)kept);
    for (size_t i = 0; i < kept; i++)
        addReplyBulk(c, l.items[i].s ? l.items[i].s : l.items[i].buf, l.items[i].len);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    rl_free(l.items);
}

size_t setTypeMemUsage(const robj *o, long samples) {
    if (o->encoding == OBJ_ENCODING_INTSET) return slabObjectBytes(intsetBlobLen(o->u.ptr));
    return dictMemUsage(o->u.ptr, samples, NULL);
}
