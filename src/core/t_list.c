/* t_list.c -- the list type: pushes and pops at both ends, ranges, LPOS, LMOVE, LMPOP.
 * Behaviour and error texts follow Redis 7.0. Every list is a quicklist (what Redis 7.0
 * reports for lists of any size). */
#include "server.h"

#include <limits.h>
#include <string.h>

#define LIST_HEAD QL_HEAD
#define LIST_TAIL QL_TAIL

/* ---------------------------------------------------------------- list type API */

static robj *createListObject(rlServer *s) {
    return createObject(&s->slab, OBJ_LIST, OBJ_ENCODING_QUICKLIST, qlCreate(&s->slab));
}

unsigned long listTypeLength(const robj *o) {
    return ((const quicklist *)o->u.ptr)->count;
}

static int qlFreeSome(rlSlab *sl, void *ql, long budget) {
    return qlReleaseSome(sl, ql, budget);
}

void listTypeFree(rlServer *s, robj *o) {
    quicklist *ql = o->u.ptr;
    if (ql->count > LAZYFREE_THRESHOLD)
        lazyfreeObject(s, ql, qlFreeSome);
    else
        qlRelease(&s->slab, ql);
}

robj *listTypeDup(rlServer *s, const robj *o) {
    return createObject(&s->slab, OBJ_LIST, OBJ_ENCODING_QUICKLIST, qlDup(&s->slab, o->u.ptr));
}

/* Pop from 'where' into a new allocation (caller frees with rl_free), for LMOVE, which
 * pushes the element again (maybe onto the same list); the list must not be empty. */
static char *listTypePop(rlServer *s, robj *o, int where, size_t *len) {
    quicklist *ql = o->u.ptr;
    qlEntry e;
    qlIndex(ql, where == LIST_HEAD ? 0 : -1, &e);
    const char *v = qlGet(&e, len);
    char *copy = rl_malloc(*len + 1);
    memcpy(copy, v, *len);
    qlDelete(&s->slab, ql, &e, LIST_TAIL);
    return copy;
}

/* Lookup of argv[idx] expecting a list ('write': no hit/miss stats). NULL with '*err' set
 * after WRONGTYPE, NULL without it when missing. */
static robj *listLookup(rlClient *c, int idx, int write, int *err) {
    return lookupArgTyped(c, idx, OBJ_LIST, write, err);
}

/* LEFT / RIGHT of argv[idx] into '*where'; replies a syntax error otherwise. */
static int getListPositionOrReply(rlClient *c, int idx, int *where) {
    if (argEq(c, idx, "left"))
        *where = LIST_HEAD;
    else if (argEq(c, idx, "right"))
        *where = LIST_TAIL;
    else {
        addReplyError(c, RL_ERR_SYNTAX);
        return RL_ERR;
    }
    return RL_OK;
}

/* ---------------------------------------------------------------- push / pop */

/* LPUSH / RPUSH / LPUSHX / RPUSHX: 'xx' pushes only onto an existing list. */
static void pushGeneric(rlClient *c, int where, int xx) {
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        if (xx) {
            addReplyLongLong(c, 0);
            return;
        }
        o = dbAdd(c->db, c->argv[1], c->argvlen[1], createListObject(c->srv));
    }
    for (int j = 2; j < c->argc; j++)
        qlPush(&c->srv->slab, o->u.ptr, c->argv[j], c->argvlen[j], where);
    addReplyLongLong(c, (long long)listTypeLength(o));
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    notifyKeyspaceEvent(NOTIFY_LIST, where == LIST_HEAD ? "lpush" : "rpush", c->argv[1],
                        c->argvlen[1], c->db);
}

void lpushCommand(rlClient *c) {
    pushGeneric(c, LIST_HEAD, 0);
}

void rpushCommand(rlClient *c) {
    pushGeneric(c, LIST_TAIL, 0);
}

void lpushxCommand(rlClient *c) {
    pushGeneric(c, LIST_HEAD, 1);
}

void rpushxCommand(rlClient *c) {
    pushGeneric(c, LIST_TAIL, 1);
}

/* After popping elements of 'o' (the list at 'key') from 'where': notify "lpop"/"rpop",
 * delete the key with a "del" event when the list is empty, and signal the change, in
 * Redis's order. 'key' must not point into the keyspace (argv does not). */
static void listElementsRemoved(rlClient *c, const char *key, size_t klen, int where, robj *o) {
    notifyKeyspaceEvent(NOTIFY_LIST, where == LIST_HEAD ? "lpop" : "rpop", key, klen, c->db);
    if (listTypeLength(o) == 0) {
        dbDelete(c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
    }
    signalModifiedKey(c, c->db, key, klen);
}

/* Reply the element at 'where' and remove it (no copy: the reply sink copies the bytes
 * before the entry goes). The list must not be empty. */
static void listPopAndReply(rlClient *c, robj *o, int where) {
    quicklist *ql = o->u.ptr;
    qlEntry e;
    qlIndex(ql, where == LIST_HEAD ? 0 : -1, &e);
    size_t len;
    const char *v = qlGet(&e, &len);
    addReplyBulk(c, v, len);
    qlDelete(&c->srv->slab, ql, &e, LIST_TAIL);
}

/* Pop up to 'count' elements of 'o' at 'where' and reply them as an array; deletes the key
 * when the list empties. Popping nothing (count 0) is not a change: no event. */
static void popRangeAndReply(rlClient *c, robj *o, const char *key, size_t klen, int where,
                             long long count) {
    unsigned long llen = listTypeLength(o);
    unsigned long n = (unsigned long long)count < llen ? (unsigned long)count : llen;
    addReplyArrayLen(c, (long)n);
    for (unsigned long i = 0; i < n; i++)
        listPopAndReply(c, o, where);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    if (n) listElementsRemoved(c, key, klen, where, o);
}

/* LPOP / RPOP key [count] */
static void popGeneric(rlClient *c, int where) {
    long long count = 0;
    int hascount = c->argc == 3;
    if (c->argc > 3) {
        addReplyErrorArity(c);
        return;
    }
    if (hascount && (getLongLongFromArg(c, 2, &count) != RL_OK || count < 0)) {
        addReplyError(c, "value is out of range, must be positive");
        return;
    }
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyNull(c);
        return;
    }
    if (hascount) {
        popRangeAndReply(c, o, c->argv[1], c->argvlen[1], where, count);
        return;
    }
    listPopAndReply(c, o, where);
    listElementsRemoved(c, c->argv[1], c->argvlen[1], where, o);
}

void lpopCommand(rlClient *c) {
    popGeneric(c, LIST_HEAD);
}

void rpopCommand(rlClient *c) {
    popGeneric(c, LIST_TAIL);
}

/* ---------------------------------------------------------------- reading */

/* LLEN key */
void llenCommand(rlClient *c) {
    int err;
    robj *o = listLookup(c, 1, 0, &err);
    if (err) return;
    addReplyLongLong(c, o ? (long long)listTypeLength(o) : 0);
}

/* LINDEX key index */
void lindexCommand(rlClient *c) {
    long long index;
    int err;
    robj *o = listLookup(c, 1, 0, &err);
    if (err) return;
    if (!o) {
        addReplyNull(c);
        return;
    }
    if (getLongLongFromArgOrReply(c, 2, &index, NULL) != RL_OK) return;
    qlEntry e;
    if (index < LONG_MIN || index > LONG_MAX || !qlIndex(o->u.ptr, (long)index, &e)) {
        addReplyNull(c);
        return;
    }
    size_t len;
    const char *v = qlGet(&e, &len);
    addReplyBulk(c, v, len);
}

/* LRANGE key start stop */
void lrangeCommand(rlClient *c) {
    long long start, end;
    if (getLongLongFromArgOrReply(c, 2, &start, NULL) != RL_OK ||
        getLongLongFromArgOrReply(c, 3, &end, NULL) != RL_OK)
        return;
    int err;
    robj *o = listLookup(c, 1, 0, &err);
    if (err) return;
    long long llen = o ? (long long)listTypeLength(o) : 0;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (!o || start > end || start >= llen) {
        addReplyArrayLen(c, 0);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return;
    }
    if (end >= llen) end = llen - 1;
    long long n = end - start + 1;
    addReplyArrayLen(c, (long)n);
    qlEntry e;
    qlIndex(o->u.ptr, (long)start, &e);
    for (long long i = 0; i < n; i++) {
        size_t len;
        const char *v = qlGet(&e, &len);
        addReplyBulk(c, v, len);
        if (i + 1 < n) qlMove(o->u.ptr, &e, LIST_TAIL);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] */
void lposCommand(rlClient *c) {
    long long rank = 1, count = -1, maxlen = 0;
    int direction = LIST_TAIL;
    for (int j = 3; j < c->argc; j++) {
        int more = j + 1 < c->argc;
        if (argEq(c, j, "rank") && more) {
            if (getLongLongFromArgOrReply(c, ++j, &rank, NULL) != RL_OK) return;
            if (rank == 0) {
                addReplyError(c, "RANK can't be zero: use 1 to start from the first match, 2 "
                                 "from the second ... or use negative to start from the end "
                                 "of the list");
                return;
            }
        } else if (argEq(c, j, "count") && more) {
            if (getLongLongFromArg(c, ++j, &count) != RL_OK || count < 0) {
                addReplyError(c, "COUNT can't be negative");
                return;
            }
        } else if (argEq(c, j, "maxlen") && more) {
            if (getLongLongFromArg(c, ++j, &maxlen) != RL_OK || maxlen < 0) {
                addReplyError(c, "MAXLEN can't be negative");
                return;
            }
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    if (rank < 0) {
        /* from the tail; Redis's -LONG_MIN wraps to itself and then matches the first hit */
        rank = rank == LLONG_MIN ? 1 : -rank;
        direction = LIST_HEAD;
    }
    int err;
    robj *o = listLookup(c, 1, 0, &err);
    if (err) return;
    if (!o) {
        if (count != -1) {
            addReplyArrayLen(c, 0);
            addReplyAggregateEnd(c, RL_AGG_ARRAY);
        } else {
            addReplyNull(c);
        }
        return;
    }
    long long llen = (long long)listTypeLength(o);
    /* matches are collected first: the reply length must come before them */
    long long *found = NULL;
    size_t nfound = 0, cap = 0;
    long long index = 0, matches = 0;
    qlEntry e;
    int ok = qlIndex(o->u.ptr, direction == LIST_TAIL ? 0 : -1, &e);
    while (ok && (maxlen == 0 || index < maxlen)) {
        size_t len;
        const char *v = qlGet(&e, &len);
        if (len == c->argvlen[2] && memcmp(v, c->argv[2], len) == 0) {
            matches++;
            if (matches >= rank) {
                if (nfound == cap) {
                    cap = cap ? cap * 2 : 8;
                    found = rl_realloc(found, sizeof(*found) * cap);
                }
                found[nfound++] = direction == LIST_TAIL ? index : llen - index - 1;
                if (count == -1 || (count && matches - rank + 1 >= count)) break;
            }
        }
        index++;
        ok = qlMove(o->u.ptr, &e, direction);
    }
    if (count != -1) {
        addReplyArrayLen(c, (long)nfound);
        for (size_t i = 0; i < nfound; i++)
            addReplyLongLong(c, found[i]);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
    } else if (nfound) {
        addReplyLongLong(c, found[0]);
    } else {
        addReplyNull(c);
    }
    rl_free(found);
}

/* ---------------------------------------------------------------- changing */

/* LSET key index element */
void lsetCommand(rlClient *c) {
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyError(c, RL_ERR_NOSUCHKEY);
        return;
    }
    long long index;
    if (getLongLongFromArgOrReply(c, 2, &index, NULL) != RL_OK) return;
    qlEntry e;
    if (index < LONG_MIN || index > LONG_MAX || !qlIndex(o->u.ptr, (long)index, &e)) {
        addReplyError(c, "index out of range");
        return;
    }
    qlReplace(&c->srv->slab, o->u.ptr, &e, c->argv[3], c->argvlen[3]);
    addReplyOK(c);
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    notifyKeyspaceEvent(NOTIFY_LIST, "lset", c->argv[1], c->argvlen[1], c->db);
}

/* LTRIM key start stop: an existing list is "changed" (event, WATCH) even when nothing is
 * trimmed, as in Redis. */
void ltrimCommand(rlClient *c) {
    long long start, end;
    if (getLongLongFromArgOrReply(c, 2, &start, NULL) != RL_OK ||
        getLongLongFromArgOrReply(c, 3, &end, NULL) != RL_OK)
        return;
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyOK(c);
        return;
    }
    long long llen = (long long)listTypeLength(o), ltrim, rtrim;
    if (start < 0) start = llen + start;
    if (end < 0) end = llen + end;
    if (start < 0) start = 0;
    if (start > end || start >= llen) {
        ltrim = llen; /* everything goes */
        rtrim = 0;
    } else {
        if (end >= llen) end = llen - 1;
        ltrim = start;
        rtrim = llen - end - 1;
    }
    quicklist *ql = o->u.ptr;
    qlDeleteRange(&c->srv->slab, ql, 0, (unsigned long)ltrim);
    if (rtrim)
        qlDeleteRange(&c->srv->slab, ql, (long)(ql->count - (unsigned long)rtrim),
                      (unsigned long)rtrim);
    notifyKeyspaceEvent(NOTIFY_LIST, "ltrim", c->argv[1], c->argvlen[1], c->db);
    if (ql->count == 0) {
        dbDelete(c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
    }
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    addReplyOK(c);
}

/* LREM key count element */
void lremCommand(rlClient *c) {
    long long toremove, removed = 0;
    if (getLongLongFromArgOrReply(c, 2, &toremove, NULL) != RL_OK) return;
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyLongLong(c, 0);
        return;
    }
    int dir = toremove < 0 ? LIST_HEAD : LIST_TAIL;
    unsigned long long limit =
        toremove < 0 ? 0ULL - (unsigned long long)toremove : (unsigned long long)toremove;
    qlEntry e;
    int ok = qlIndex(o->u.ptr, dir == LIST_TAIL ? 0 : -1, &e);
    while (ok) {
        size_t len;
        const char *v = qlGet(&e, &len);
        if (len == c->argvlen[3] && memcmp(v, c->argv[3], len) == 0) {
            ok = qlDelete(&c->srv->slab, o->u.ptr, &e, dir);
            removed++;
            if (limit && (unsigned long long)removed == limit) break;
        } else {
            ok = qlMove(o->u.ptr, &e, dir);
        }
    }
    if (removed) {
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_LIST, "lrem", c->argv[1], c->argvlen[1], c->db);
    }
    if (listTypeLength(o) == 0) {
        dbDelete(c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
    }
    addReplyLongLong(c, removed);
}

/* LINSERT key BEFORE|AFTER pivot element */
void linsertCommand(rlClient *c) {
    int after;
    if (argEq(c, 2, "after"))
        after = 1;
    else if (argEq(c, 2, "before"))
        after = 0;
    else {
        addReplyError(c, RL_ERR_SYNTAX);
        return;
    }
    int err;
    robj *o = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!o) {
        addReplyLongLong(c, 0);
        return;
    }
    qlEntry e;
    int ok = qlIndex(o->u.ptr, 0, &e);
    while (ok) {
        size_t len;
        const char *v = qlGet(&e, &len);
        if (len == c->argvlen[3] && memcmp(v, c->argv[3], len) == 0) {
            qlInsert(&c->srv->slab, o->u.ptr, &e, c->argv[4], c->argvlen[4], after);
            signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
            notifyKeyspaceEvent(NOTIFY_LIST, "linsert", c->argv[1], c->argvlen[1], c->db);
            addReplyLongLong(c, (long long)listTypeLength(o));
            return;
        }
        ok = qlMove(o->u.ptr, &e, LIST_TAIL);
    }
    addReplyLongLong(c, -1);
}

/* ---------------------------------------------------------------- moving */

/* LMOVE / RPOPLPUSH: pop at 'wherefrom' of argv[1], push at 'whereto' of argv[2]. Events as
 * in Redis: the push on the destination first, then the pop (and "del") on the source, also
 * when both are the same key. */
static void lmoveGeneric(rlClient *c, int wherefrom, int whereto) {
    int err;
    robj *src = listLookup(c, 1, 1, &err);
    if (err) return;
    if (!src) {
        addReplyNull(c);
        return;
    }
    robj *dst = listLookup(c, 2, 1, &err);
    if (err) return;
    size_t len;
    char *v = listTypePop(c->srv, src, wherefrom, &len);
    if (!dst) {
        dst = dbAdd(c->db, c->argv[2], c->argvlen[2], createListObject(c->srv));
    }
    signalModifiedKey(c, c->db, c->argv[2], c->argvlen[2]);
    qlPush(&c->srv->slab, dst->u.ptr, v, len, whereto);
    notifyKeyspaceEvent(NOTIFY_LIST, whereto == LIST_HEAD ? "lpush" : "rpush", c->argv[2],
                        c->argvlen[2], c->db);
    addReplyBulk(c, v, len);
    rl_free(v);
    listElementsRemoved(c, c->argv[1], c->argvlen[1], wherefrom, src);
}

/* LMOVE source destination LEFT|RIGHT LEFT|RIGHT */
void lmoveCommand(rlClient *c) {
    int from, to;
    if (getListPositionOrReply(c, 3, &from) != RL_OK || getListPositionOrReply(c, 4, &to) != RL_OK)
        return;
    lmoveGeneric(c, from, to);
}

/* RPOPLPUSH source destination */
void rpoplpushCommand(rlClient *c) {
    lmoveGeneric(c, LIST_TAIL, LIST_HEAD);
}

/* LMPOP's work on the command line as it stands (BLMPOP shifts it past its timeout): pop
 * from the first non-empty list. Returns 1 when it replied (data or an error), 0 when every
 * list was missing (nothing replied). '*where_idx' tells where the keys end. */
static int lmpopGeneric(rlClient *c, int *where_idx) {
    int where; /* LIST_HEAD is 0 (LEFT), LIST_TAIL 1 (RIGHT) */
    long long count;
    if (parseMpopArgsOrReply(c, "left", "right", &where, where_idx, &count) != RL_OK) return 1;
    for (int j = 2; j < *where_idx; j++) {
        int err;
        robj *o = listLookup(c, j, 1, &err);
        if (err) return 1;
        if (!o) continue;
        addReplyArrayLen(c, 2);
        addReplyBulk(c, c->argv[j], c->argvlen[j]);
        popRangeAndReply(c, o, c->argv[j], c->argvlen[j], where, count);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return 1;
    }
    return 0;
}

/* LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] */
void lmpopCommand(rlClient *c) {
    int where_idx;
    if (!lmpopGeneric(c, &where_idx)) addReplyNull(c);
}

/* ---------------------------------------------------------------- blocking */

/* BLPOP / BRPOP key [key ...] timeout: pop from the first non-empty list, replying
 * [key, element]; block while all are empty. */
static void bpopGeneric(rlClient *c, int where) {
    long long timeout;
    if (getTimeoutFromArgOrReply(c, c->argc - 1, &timeout) != RL_OK) return;
    for (int j = 1; j < c->argc - 1; j++) {
        int err;
        robj *o = listLookup(c, j, 1, &err);
        if (err) return;
        if (!o) continue;
        addReplyArrayLen(c, 2);
        addReplyBulk(c, c->argv[j], c->argvlen[j]);
        listPopAndReply(c, o, where);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        listElementsRemoved(c, c->argv[j], c->argvlen[j], where, o);
        return;
    }
    blockForKeyRange(c, OBJ_LIST, 1, c->argc - 2, timeout);
}

void blpopCommand(rlClient *c) {
    bpopGeneric(c, LIST_HEAD);
}

void brpopCommand(rlClient *c) {
    bpopGeneric(c, LIST_TAIL);
}

/* BLMOVE / BRPOPLPUSH with the timeout at argv['timeout_idx']: LMOVE once the source has
 * an element. */
static void bmoveGeneric(rlClient *c, int wherefrom, int whereto, int timeout_idx) {
    long long timeout;
    if (getTimeoutFromArgOrReply(c, timeout_idx, &timeout) != RL_OK) return;
    int err;
    robj *src = listLookup(c, 1, 1, &err);
    if (err) return;
    if (src) {
        lmoveGeneric(c, wherefrom, whereto);
        return;
    }
    blockForKeyRange(c, OBJ_LIST, 1, 1, timeout);
}

/* BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout */
void blmoveCommand(rlClient *c) {
    int from, to;
    if (getListPositionOrReply(c, 3, &from) != RL_OK || getListPositionOrReply(c, 4, &to) != RL_OK)
        return;
    bmoveGeneric(c, from, to, 5);
}

/* BRPOPLPUSH source destination timeout */
void brpoplpushCommand(rlClient *c) {
    bmoveGeneric(c, LIST_TAIL, LIST_HEAD, 3);
}

/* BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] */
void blmpopCommand(rlClient *c) {
    blockingMpopCommand(c, "left", "right", OBJ_LIST, lmpopGeneric);
}
