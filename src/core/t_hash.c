/* t_hash.c -- the hash type: HSET and friends. Behaviour and error texts follow Redis 7.0.
 *
 * Encodings: a listpack of field, value, field, value... while the hash has at most
 * HASH_MAX_LISTPACK_ENTRIES fields and no field or value longer than
 * HASH_MAX_LISTPACK_VALUE bytes (insertion order, O(N) lookups over a few cache lines);
 * past either threshold a dict (field embedded in the entry, value an hval), for good.
 * Values live in the server's slab like the entries, not in malloc: freeing a big hash
 * then never leaves glibc millions of small chunks to consolidate in one later call. */
#include "server.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- hash type API */

/* A value of a dict-encoded hash: its length, then its bytes. */
typedef struct hval {
    uint32_t len;
    char buf[];
} hval;

static hval *hvalNew(rlSlab *sl, const char *s, size_t len) {
    hval *v = slabAlloc(sl, sizeof(hval) + len);
    v->len = (uint32_t)len; /* values are at most 512 MB */
    if (len) memcpy(v->buf, s, len);
    return v;
}

static void hvalFree(rlSlab *sl, hval *v) {
    slabFree(sl, v, sizeof(hval) + v->len);
}

static void hashEntryDestructor(void *privdata, dictEntry *de) {
    hvalFree(&((rlServer *)privdata)->slab, dictGetVal(de));
}

/* Value bytes and length of a dict entry of a hash. */
#define HVAL(de) (((hval *)dictGetVal(de))->buf)
#define HVAL_LEN(de) ((size_t)((hval *)dictGetVal(de))->len)

static const dictType hashDictType = {
    hashEntryDestructor, serverEntryAlloc, serverEntryFree, serverDictAccount, 0, NULL};

dict *hashCreateDict(rlServer *s) {
    return serverCreateDict(s, &hashDictType);
}

robj *createHashObject(rlSlab *sl) {
    return createObject(sl, OBJ_HASH, OBJ_ENCODING_LISTPACK, lpNew(sl));
}

unsigned long hashTypeLength(const robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) return lpLength(o->u.ptr) / 2;
    return (unsigned long)dictSize((const dict *)o->u.ptr);
}

void hashTypeFree(rlServer *s, robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK)
        lpFree(&s->slab, o->u.ptr);
    else
        freeDictMaybeLazy(s, o->u.ptr);
}

/* Convert a listpack hash to a dict. O(N) with N <= HASH_MAX_LISTPACK_ENTRIES. */
static void hashTypeConvert(rlServer *s, robj *o) {
    if (o->encoding != OBJ_ENCODING_LISTPACK) return;
    unsigned char *lp = o->u.ptr;
    dict *d = hashCreateDict(s);
    for (unsigned char *p = lpFirst(lp); p; p = lpNext(lp, lpNext(lp, p))) {
        size_t flen, vlen;
        const char *f = lpGet(p, &flen);
        const char *v = lpGet(lpNext(lp, p), &vlen);
        dictEntry *de = dictAddRaw(d, f, flen, NULL);
        if (de) dictSetVal(de, hvalNew(&s->slab, v, vlen));
    }
    lpFree(&s->slab, lp);
    o->encoding = OBJ_ENCODING_HT;
    o->u.ptr = d;
}

robj *hashTypeDup(rlServer *s, const robj *o) {
    if (o->encoding == OBJ_ENCODING_LISTPACK)
        return createObject(&s->slab, OBJ_HASH, OBJ_ENCODING_LISTPACK, lpDup(&s->slab, o->u.ptr));
    dict *d = hashCreateDict(s);
    dictIterator *it = dictGetIterator(o->u.ptr);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        dictEntry *n = dictAddRaw(d, de->key, de->keylen, NULL);
        if (n) dictSetVal(n, hvalNew(&s->slab, HVAL(de), HVAL_LEN(de)));
    }
    dictReleaseIterator(it);
    return createObject(&s->slab, OBJ_HASH, OBJ_ENCODING_HT, d);
}

/* The value of 'field' in '*v'/'*vlen' (valid until the hash changes). Returns 1 if the
 * field exists. */
static int hashTypeGet(robj *o, const char *f, size_t flen, const char **v, size_t *vlen) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        unsigned char *p = lpFind(lp, lpFirst(lp), f, flen, 1);
        if (!p) return 0;
        *v = lpGet(lpNext(lp, p), vlen);
        return 1;
    }
    dictEntry *de = dictFind(o->u.ptr, f, flen);
    if (!de) return 0;
    *v = HVAL(de);
    *vlen = HVAL_LEN(de);
    return 1;
}

static int hashTypeExists(robj *o, const char *f, size_t flen) {
    const char *v;
    size_t vlen;
    return hashTypeGet(o, f, flen, &v, &vlen);
}

/* Set 'field' to 'value', converting to a dict past the thresholds. Returns 1 when the
 * field is new, 0 when an existing value was replaced. */
static int hashTypeSet(rlServer *s, robj *o, const char *f, size_t flen, const char *v,
                       size_t vlen) {
    if (o->encoding == OBJ_ENCODING_LISTPACK &&
        (flen > HASH_MAX_LISTPACK_VALUE || vlen > HASH_MAX_LISTPACK_VALUE))
        hashTypeConvert(s, o);
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        unsigned char *p = lpFind(lp, lpFirst(lp), f, flen, 1);
        if (p) {
            p = lpNext(lp, p);
            o->u.ptr = lpReplace(&s->slab, lp, &p, v, vlen);
            return 0;
        }
        o->u.ptr = lpInsertPair(&s->slab, lp, NULL, f, flen, v, vlen);
        if (hashTypeLength(o) > HASH_MAX_LISTPACK_ENTRIES) hashTypeConvert(s, o);
        return 1;
    }
    dictEntry *existing;
    dictEntry *de = dictAddRaw(o->u.ptr, f, flen, &existing);
    if (de) {
        dictSetVal(de, hvalNew(&s->slab, v, vlen));
        return 1;
    }
    hvalFree(&s->slab, dictGetVal(existing));
    dictSetVal(existing, hvalNew(&s->slab, v, vlen));
    return 0;
}

/* Delete 'field'; returns 1 if it existed. A dict shrinks (incrementally) when sparse. */
static int hashTypeDelete(robj *o, rlSlab *sl, const char *f, size_t flen) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        unsigned char *p = lpFind(lp, lpFirst(lp), f, flen, 1);
        if (!p) return 0;
        o->u.ptr = lpDeleteRange(sl, lp, p, 2, NULL);
        return 1;
    }
    if (dictDelete(o->u.ptr, f, flen) != DICT_OK) return 0;
    dictResizeIfNeeded(o->u.ptr);
    return 1;
}

/* Before a write of the fields/values argv[start..end]: convert a listpack hash when any
 * of them is longer than HASH_MAX_LISTPACK_VALUE (Redis's hashTypeTryConversion). */
static void hashTypeTryConversion(rlServer *s, robj *o, rlClient *c, int start, int end) {
    if (o->encoding != OBJ_ENCODING_LISTPACK) return;
    for (int i = start; i <= end; i++) {
        if (c->argvlen[i] > HASH_MAX_LISTPACK_VALUE) {
            hashTypeConvert(s, o);
            return;
        }
    }
}

/* Lookup for writing: the hash at argv[1], created (empty, not yet in the keyspace) when
 * missing; '*created' tells which. NULL after replying WRONGTYPE. */
static robj *hashLookupWriteOrNew(rlClient *c, int *created) {
    robj *o = lookupKeyWrite(c, c->db, c->argv[1], c->argvlen[1]);
    *created = 0;
    if (checkType(c, o, OBJ_HASH)) return NULL;
    if (!o) {
        o = createHashObject(&c->srv->slab);
        *created = 1;
    }
    return o;
}

/* Store a hash made by hashLookupWriteOrNew once it has fields ("new" for a new key), then
 * signal the key as modified and notify 'event' (NOTIFY_HASH), as Redis 7.0 does after every
 * successful HSET, HSETNX that set, HINCRBY and HINCRBYFLOAT. */
static void hashCommit(rlClient *c, robj *o, int created, const char *event) {
    if (created) dbAdd(c->db, c->argv[1], c->argvlen[1], o);
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    notifyKeyspaceEvent(NOTIFY_HASH, event, c->argv[1], c->argvlen[1], c->db);
}

/* A read lookup of argv[1] that replies WRONGTYPE (returns NULL, '*err' set) for another
 * type. NULL without '*err' when missing. */
static robj *hashLookupRead(rlClient *c, int *err) {
    return lookupArgTyped(c, 1, OBJ_HASH, 0, err);
}

/* ---------------------------------------------------------------- iteration */

/* Walks a hash of either encoding in its order (listpack: insertion order). */
typedef struct hashIter {
    robj *o;
    unsigned char *p; /* listpack: current field */
    dictIterator *di;
    dictEntry *de;
    int started;
} hashIter;

static void hashIterInit(hashIter *it, robj *o) {
    memset(it, 0, sizeof(*it));
    it->o = o;
    if (o->encoding == OBJ_ENCODING_HT) it->di = dictGetIterator(o->u.ptr);
}

static int hashIterNext(hashIter *it) {
    if (it->o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = it->o->u.ptr;
        it->p = it->started ? lpNext(lp, lpNext(lp, it->p)) : lpFirst(lp);
        it->started = 1;
        return it->p != NULL;
    }
    it->de = dictNext(it->di);
    return it->de != NULL;
}

static const char *hashIterField(hashIter *it, size_t *len) {
    if (it->o->encoding == OBJ_ENCODING_LISTPACK) return lpGet(it->p, len);
    *len = it->de->keylen;
    return it->de->key;
}

static const char *hashIterValue(hashIter *it, size_t *len) {
    if (it->o->encoding == OBJ_ENCODING_LISTPACK) return lpGet(lpNext(it->o->u.ptr, it->p), len);
    *len = HVAL_LEN(it->de);
    return HVAL(it->de);
}

static void hashIterRelease(hashIter *it) {
    if (it->di) dictReleaseIterator(it->di);
}

/* ---------------------------------------------------------------- commands */

static void hsetGeneric(rlClient *c, int reply_ok) {
    if (c->argc % 2 == 1) {
        addReplyErrorArity(c);
        return;
    }
    int created;
    robj *o = hashLookupWriteOrNew(c, &created);
    if (!o) return;
    hashTypeTryConversion(c->srv, o, c, 2, c->argc - 1);
    long long added = 0;
    for (int j = 2; j < c->argc; j += 2)
        added +=
            hashTypeSet(c->srv, o, c->argv[j], c->argvlen[j], c->argv[j + 1], c->argvlen[j + 1]);
    hashCommit(c, o, created, "hset"); /* HMSET too, even when nothing changed */
    if (reply_ok)
        addReplyOK(c);
    else
        addReplyLongLong(c, added);
}

/* HSET key field value [field value ...] */
void hsetCommand(rlClient *c) {
    hsetGeneric(c, 0);
}

/* HMSET key field value [field value ...]: HSET replying OK */
void hmsetCommand(rlClient *c) {
    hsetGeneric(c, 1);
}

/* HSETNX key field value */
void hsetnxCommand(rlClient *c) {
    int created;
    robj *o = hashLookupWriteOrNew(c, &created);
    if (!o) return;
    if (!created && hashTypeExists(o, c->argv[2], c->argvlen[2])) {
        addReplyLongLong(c, 0);
        return;
    }
    hashTypeTryConversion(c->srv, o, c, 2, 3);
    hashTypeSet(c->srv, o, c->argv[2], c->argvlen[2], c->argv[3], c->argvlen[3]);
    hashCommit(c, o, created, "hset");
    addReplyLongLong(c, 1);
}

/* HGET key field */
void hgetCommand(rlClient *c) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    const char *v;
    size_t vlen;
    if (o && hashTypeGet(o, c->argv[2], c->argvlen[2], &v, &vlen))
        addReplyBulk(c, v, vlen);
    else
        addReplyNull(c);
}

/* HMGET key field [field ...] */
void hmgetCommand(rlClient *c) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    addReplyArrayLen(c, c->argc - 2);
    for (int j = 2; j < c->argc; j++) {
        const char *v;
        size_t vlen;
        if (o && hashTypeGet(o, c->argv[j], c->argvlen[j], &v, &vlen))
            addReplyBulk(c, v, vlen);
        else
            addReplyNull(c);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

#define HASH_FIELDS 1
#define HASH_VALUES 2

/* HGETALL / HKEYS / HVALS: 'what' is HASH_FIELDS and/or HASH_VALUES. O(N). */
static void hgetallGeneric(rlClient *c, int what) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    int map = what == (HASH_FIELDS | HASH_VALUES);
    long n = o ? (long)hashTypeLength(o) : 0;
    if (map)
        addReplyMapLen(c, n);
    else
        addReplyArrayLen(c, n);
    if (o) {
        hashIter it;
        hashIterInit(&it, o);
        while (hashIterNext(&it)) {
            size_t len;
            const char *s;
            if (what & HASH_FIELDS) {
                s = hashIterField(&it, &len);
                addReplyBulk(c, s, len);
            }
            if (what & HASH_VALUES) {
                s = hashIterValue(&it, &len);
                addReplyBulk(c, s, len);
            }
        }
        hashIterRelease(&it);
    }
    addReplyAggregateEnd(c, map ? RL_AGG_MAP : RL_AGG_ARRAY);
}

void hgetallCommand(rlClient *c) {
    hgetallGeneric(c, HASH_FIELDS | HASH_VALUES);
}

void hkeysCommand(rlClient *c) {
    hgetallGeneric(c, HASH_FIELDS);
}

void hvalsCommand(rlClient *c) {
    hgetallGeneric(c, HASH_VALUES);
}

/* HDEL key field [field ...]: notifies "hdel" when a field went, then "del" when it was
 * the last (the key is deleted). Nothing when no field existed. */
void hdelCommand(rlClient *c) {
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    robj *o = lookupKeyWrite(c, c->db, key, klen);
    if (checkType(c, o, OBJ_HASH)) return;
    long long deleted = 0;
    if (o) {
        for (int j = 2; j < c->argc; j++) {
            deleted += hashTypeDelete(o, &c->srv->slab, c->argv[j], c->argvlen[j]);
            if (hashTypeLength(o) == 0) break;
        }
    }
    if (deleted) {
        int keyremoved = hashTypeLength(o) == 0;
        if (keyremoved) dbDelete(c->db, key, klen); /* frees o */
        signalModifiedKey(c, c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_HASH, "hdel", key, klen, c->db);
        if (keyremoved) notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
    }
    addReplyLongLong(c, deleted);
}

/* HEXISTS key field */
void hexistsCommand(rlClient *c) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    addReplyLongLong(c, o && hashTypeExists(o, c->argv[2], c->argvlen[2]));
}

/* HLEN key */
void hlenCommand(rlClient *c) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    addReplyLongLong(c, o ? (long long)hashTypeLength(o) : 0);
}

/* HSTRLEN key field */
void hstrlenCommand(rlClient *c) {
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    const char *v;
    size_t vlen = 0;
    if (!o || !hashTypeGet(o, c->argv[2], c->argvlen[2], &v, &vlen)) vlen = 0;
    addReplyLongLong(c, (long long)vlen);
}

/* HINCRBY key field increment */
void hincrbyCommand(rlClient *c) {
    long long incr, value = 0;
    if (getLongLongFromArgOrReply(c, 3, &incr, NULL) != RL_OK) return;
    int created;
    robj *o = hashLookupWriteOrNew(c, &created);
    if (!o) return;
    const char *v;
    size_t vlen;
    if (!created && hashTypeGet(o, c->argv[2], c->argvlen[2], &v, &vlen) &&
        !string2ll(v, vlen, &value)) {
        addReplyError(c, "hash value is not an integer");
        return;
    }
    if ((incr < 0 && value < 0 && incr < LLONG_MIN - value) ||
        (incr > 0 && value > 0 && incr > LLONG_MAX - value)) {
        if (created) freeObject(c->srv, o);
        addReplyError(c, RL_ERR_OVERFLOW);
        return;
    }
    value += incr;
    char buf[RL_LONG_STR_SIZE];
    int n = ll2string(buf, sizeof(buf), value);
    hashTypeSet(c->srv, o, c->argv[2], c->argvlen[2], buf, (size_t)n);
    hashCommit(c, o, created, "hincrby");
    addReplyLongLong(c, value);
}

/* HINCRBYFLOAT key field increment */
void hincrbyfloatCommand(rlClient *c) {
    long double incr, value = 0;
    if (getLongDoubleFromArgOrReply(c, 3, &incr, NULL) != RL_OK) return;
    if (isnan(incr) || isinf(incr)) {
        addReplyError(c, "value is NaN or Infinity");
        return;
    }
    int created;
    robj *o = hashLookupWriteOrNew(c, &created);
    if (!o) return;
    const char *v;
    size_t vlen;
    if (!created && hashTypeGet(o, c->argv[2], c->argvlen[2], &v, &vlen) &&
        !string2ld(v, vlen, &value)) {
        addReplyError(c, "hash value is not a float");
        return;
    }
    value += incr;
    if (isnan(value) || isinf(value)) {
        if (created) freeObject(c->srv, o);
        addReplyError(c, RL_ERR_NAN_INF);
        return;
    }
    char out[RL_LD_STR_SIZE];
    int n = ld2string(out, sizeof(out), value);
    hashTypeSet(c->srv, o, c->argv[2], c->argvlen[2], out, (size_t)n);
    hashCommit(c, o, created, "hincrbyfloat");
    addReplyBulk(c, out, (size_t)n);
}

/* ---------------------------------------------------------------- HRANDFIELD */

/* One field (and value) of the reply: a [field, value] pair with WITHVALUES (RESP3). */
static void replyHashPair(rlClient *c, int withvalues, const char *f, size_t flen, const char *v,
                          size_t vlen) {
    if (withvalues) addReplyArrayLen(c, 2);
    addReplyBulk(c, f, flen);
    if (withvalues) {
        addReplyBulk(c, v, vlen);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
    }
}

/* An element picked for the reply: field and value bytes. */
typedef struct hashPick {
    const char *f, *v;
    size_t flen, vlen;
} hashPick;

/* Every field of 'o' into a new array (caller frees). O(N). */
static hashPick *hashCollect(robj *o, unsigned long *n) {
    unsigned long size = hashTypeLength(o), i = 0;
    hashPick *all = rl_malloc(sizeof(*all) * (size ? size : 1));
    hashIter it;
    hashIterInit(&it, o);
    while (hashIterNext(&it) && i < size) {
        all[i].f = hashIterField(&it, &all[i].flen);
        all[i].v = hashIterValue(&it, &all[i].vlen);
        i++;
    }
    hashIterRelease(&it);
    *n = i;
    return all;
}

static unsigned long randBelow(rlClient *c, unsigned long n) {
    return (unsigned long)(rlRandNext(&c->srv->rng) % n);
}

/* A random field of a dict-encoded hash. */
static void randomDictPick(rlClient *c, dict *d, hashPick *pk) {
    dictEntry *de = dictGetRandomKey(d, &c->srv->rng);
    pk->f = de->key;
    pk->flen = de->keylen;
    pk->v = HVAL(de);
    pk->vlen = HVAL_LEN(de);
}

static void hrandfieldWithCount(rlClient *c, long long l, int withvalues) {
    robj *o = lookupKeyRead(c, c->db, c->argv[1], c->argvlen[1]);
    if (checkType(c, o, OBJ_HASH)) return;
    unsigned long size = o ? hashTypeLength(o) : 0;
    int uniq = l >= 0;
    unsigned long count = uniq ? (unsigned long)l : (unsigned long)(-l);
    if (count == 0 || size == 0) {
        addReplyArrayLen(c, 0);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return;
    }
    hashPick *all = NULL;
    unsigned long n = 0;
    if (o->encoding == OBJ_ENCODING_LISTPACK || (uniq && count * 3 > size))
        all = hashCollect(o, &n);
    if (!uniq || count == 1) {
        /* repeats allowed: independent picks */
        addReplyArrayLen(c, (long)count);
        for (unsigned long i = 0; i < count; i++) {
            hashPick pk;
            if (all)
                pk = all[randBelow(c, n)];
            else
                randomDictPick(c, o->u.ptr, &pk);
            replyHashPair(c, withvalues, pk.f, pk.flen, pk.v, pk.vlen);
        }
    } else if (count >= size) {
        /* the whole hash */
        addReplyArrayLen(c, (long)n);
        for (unsigned long i = 0; i < n; i++)
            replyHashPair(c, withvalues, all[i].f, all[i].flen, all[i].v, all[i].vlen);
    } else if (all) {
        /* a partial Fisher-Yates shuffle picks 'count' distinct fields */
        addReplyArrayLen(c, (long)count);
        for (unsigned long i = 0; i < count; i++) {
            unsigned long j = i + randBelow(c, n - i);
            hashPick t = all[i];
            all[i] = all[j];
            all[j] = t;
            replyHashPair(c, withvalues, all[i].f, all[i].flen, all[i].v, all[i].vlen);
        }
    } else {
        /* few of many: random picks, skipping fields already taken */
        dict *seen = serverCreateScratchDict(c->srv);
        addReplyArrayLen(c, (long)count);
        while (dictSize(seen) < count) {
            hashPick pk;
            randomDictPick(c, o->u.ptr, &pk);
            if (dictAdd(seen, pk.f, pk.flen, NULL) != DICT_OK) continue;
            replyHashPair(c, withvalues, pk.f, pk.flen, pk.v, pk.vlen);
        }
        dictRelease(seen);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    rl_free(all);
}

/* HRANDFIELD key [count [WITHVALUES]] */
void hrandfieldCommand(rlClient *c) {
    if (c->argc >= 3) {
        long long l;
        int withvalues;
        if (parseRandCountOrReply(c, "withvalues", &l, &withvalues) != RL_OK) return;
        hrandfieldWithCount(c, l, withvalues);
        return;
    }
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    if (!o) {
        addReplyNull(c);
        return;
    }
    hashPick pk;
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *p = lpSeek(o->u.ptr, 2 * (long)randBelow(c, hashTypeLength(o)));
        pk.f = lpGet(p, &pk.flen);
    } else {
        randomDictPick(c, o->u.ptr, &pk);
    }
    addReplyBulk(c, pk.f, pk.flen);
}

/* ---------------------------------------------------------------- HSCAN */

typedef struct pickList {
    hashPick *items;
    size_t count, cap;
} pickList;

static void pickListPush(pickList *l, const char *f, size_t flen, const char *v, size_t vlen) {
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = rl_realloc(l->items, sizeof(*l->items) * l->cap);
    }
    l->items[l->count++] = (hashPick){f, v, flen, vlen};
}

static void hscanCollect(void *privdata, const dictEntry *de) {
    pickListPush(privdata, de->key, de->keylen, HVAL(de), HVAL_LEN(de));
}

/* HSCAN key cursor [MATCH pattern] [COUNT count]: a listpack hash is returned whole with
 * cursor 0; a dict is scanned like the keyspace (SCAN's guarantees). */
void hscanCommand(rlClient *c) {
    unsigned long cursor;
    if (parseScanCursorOrReply(c, 2, &cursor) != RL_OK) return;
    int err;
    robj *o = hashLookupRead(c, &err);
    if (err) return;
    scanOptions opt = {0};
    if (o && parseScanOptionsOrReply(c, 3, 0, &opt) != RL_OK) return;
    pickList l = {0};
    if (o && o->encoding == OBJ_ENCODING_LISTPACK) {
        hashIter it;
        hashIterInit(&it, o);
        while (hashIterNext(&it)) {
            size_t flen, vlen;
            const char *f = hashIterField(&it, &flen);
            const char *v = hashIterValue(&it, &vlen);
            pickListPush(&l, f, flen, v, vlen);
        }
        hashIterRelease(&it);
        cursor = 0;
    } else if (o) {
        long long maxiter = scanMaxIterations(opt.count);
        do {
            cursor = dictScan(o->u.ptr, cursor, hscanCollect, &l);
        } while (cursor && maxiter-- && (long long)l.count < opt.count);
    } else {
        cursor = 0;
    }
    size_t kept = 0;
    for (size_t i = 0; i < l.count; i++) {
        if (opt.pat && !stringmatchlen(opt.pat, opt.plen, l.items[i].f, l.items[i].flen, 0))
            continue;
        l.items[kept++] = l.items[i];
    }
    addReplyArrayLen(c, 2);
    addReplyBulkLongLong(c, (long long)cursor);
    addReplyArrayLen(c, (long)kept * 2);
    for (size_t i = 0; i < kept; i++) {
        addReplyBulk(c, l.items[i].f, l.items[i].flen);
        addReplyBulk(c, l.items[i].v, l.items[i].vlen);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    rl_free(l.items);
}

static size_t hvalBytes(const dictEntry *de) {
    return slabObjectBytes(sizeof(hval) + HVAL_LEN(de));
}

size_t hashTypeMemUsage(const robj *o, long samples) {
    if (o->encoding == OBJ_ENCODING_LISTPACK) return lpAllocBytes(o->u.ptr);
    return dictMemUsage(o->u.ptr, samples, hvalBytes);
}
