/* t_string.c -- the string type: SET and its variants, GET and its variants, ranges,
 * APPEND, and the integer/float counters. Behaviour and error texts follow Redis 7.0. */
#include "server.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- string API */

#define OBJ_SET_NX (1 << 0)
#define OBJ_SET_XX (1 << 1)
#define OBJ_SET_GET (1 << 2)
#define OBJ_KEEPTTL (1 << 3)
#define OBJ_PERSIST (1 << 4)
#define OBJ_EX (1 << 5)
#define OBJ_PX (1 << 6)
#define OBJ_EXAT (1 << 7)
#define OBJ_PXAT (1 << 8)
#define OBJ_ANY_EXPIRE (OBJ_EX | OBJ_PX | OBJ_EXAT | OBJ_PXAT)

#define COMMAND_GET 0
#define COMMAND_SET 1

/* Reply the string-too-big error and return RL_ERR if 'size' + 'append' exceeds 512 MB. */
static int checkStringLength(rlClient *c, long long size, long long append) {
    /* both are non-negative; compare without forming a sum that could overflow */
    if (size > RL_MAX_STRING_SIZE || append > RL_MAX_STRING_SIZE - size) {
        addReplyError(c, RL_ERR_STRING_TOO_BIG);
        return RL_ERR;
    }
    return RL_OK;
}

/* Parse SET's (command_type COMMAND_SET) or GETEX's (COMMAND_GET) options from argv[j..],
 * with Redis's rules on which combinations are allowed. '*expire_idx' receives the index
 * of the expire argument (0 if none). Returns RL_ERR after replying a syntax error. */
static int parseExtendedStringArgumentsOrReply(rlClient *c, int j, int *flags, int *expire_idx,
                                               int command_type) {
    for (; j < c->argc; j++) {
        int has_next = j + 1 < c->argc;
        int f = *flags;
        if (argEq(c, j, "nx") && !(f & OBJ_SET_XX) && command_type == COMMAND_SET) {
            *flags |= OBJ_SET_NX;
        } else if (argEq(c, j, "xx") && !(f & OBJ_SET_NX) && command_type == COMMAND_SET) {
            *flags |= OBJ_SET_XX;
        } else if (argEq(c, j, "get") && command_type == COMMAND_SET) {
            *flags |= OBJ_SET_GET;
        } else if (argEq(c, j, "keepttl") && !(f & (OBJ_PERSIST | OBJ_ANY_EXPIRE)) &&
                   command_type == COMMAND_SET) {
            *flags |= OBJ_KEEPTTL;
        } else if (argEq(c, j, "persist") && command_type == COMMAND_GET &&
                   !(f & (OBJ_ANY_EXPIRE | OBJ_KEEPTTL))) {
            *flags |= OBJ_PERSIST;
        } else if (argEq(c, j, "ex") &&
                   !(f & (OBJ_KEEPTTL | OBJ_PERSIST | OBJ_EXAT | OBJ_PX | OBJ_PXAT)) && has_next) {
            *flags |= OBJ_EX;
            *expire_idx = ++j;
        } else if (argEq(c, j, "px") &&
                   !(f & (OBJ_KEEPTTL | OBJ_PERSIST | OBJ_EX | OBJ_EXAT | OBJ_PXAT)) && has_next) {
            *flags |= OBJ_PX;
            *expire_idx = ++j;
        } else if (argEq(c, j, "exat") &&
                   !(f & (OBJ_KEEPTTL | OBJ_PERSIST | OBJ_EX | OBJ_PX | OBJ_PXAT)) && has_next) {
            *flags |= OBJ_EXAT;
            *expire_idx = ++j;
        } else if (argEq(c, j, "pxat") &&
                   !(f & (OBJ_KEEPTTL | OBJ_PERSIST | OBJ_EX | OBJ_EXAT | OBJ_PX)) && has_next) {
            *flags |= OBJ_PXAT;
            *expire_idx = ++j;
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return RL_ERR;
        }
    }
    return RL_OK;
}

/* Turn the expire argument at 'idx' into an absolute time in ms according to 'flags'
 * (relative EX/PX add the command's time). Replies "invalid expire time" on a
 * non-positive or overflowing value. */
static int getExpireMillisecondsOrReply(rlClient *c, int idx, int flags, long long *ms) {
    long long v;
    if (getLongLongFromArgOrReply(c, idx, &v, NULL) != RL_OK) return RL_ERR;
    int seconds = (flags & (OBJ_EX | OBJ_EXAT)) != 0;
    if (v <= 0 || (seconds && v > LLONG_MAX / 1000)) goto invalid;
    if (seconds) v *= 1000;
    if (flags & (OBJ_EX | OBJ_PX)) {
        if (v > LLONG_MAX - cmdNowMs(c)) goto invalid;
        v += cmdNowMs(c);
    }
    *ms = v;
    return RL_OK;
invalid:
    addReplyErrorFormat(c, RL_ERR_INVALID_EXPIRE_FMT, c->cmd->info.name);
    return RL_ERR;
}

/* GET semantics shared by GET, GETSET, GETDEL, SET ... GET: reply the value or null;
 * WRONGTYPE (and RL_ERR) on another type. '*found' tells whether a string was there. */
static int getGenericCommand(rlClient *c, int *found) {
    robj *o = lookupKeyRead(c, c->db, c->argv[1], c->argvlen[1]);
    *found = 0;
    if (!o) {
        addReplyNull(c);
        return RL_OK;
    }
    if (checkType(c, o, OBJ_STRING)) return RL_ERR;
    addReplyBulkObject(c, o);
    *found = 1;
    return RL_OK;
}

/* The core of SET/SETNX/SETEX/PSETEX: store argv[validx] at argv[1] with 'flags' and the
 * expire argument at 'expire_idx' (0: none). 'ok_reply'/'abort_reply' choose the integer
 * replies of SETNX (-1: the usual OK / null). */
static void setGenericCommand(rlClient *c, int flags, int validx, int expire_idx, int ok_reply,
                              int abort_reply) {
    long long when = 0;
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    if (expire_idx && getExpireMillisecondsOrReply(c, expire_idx, flags, &when) != RL_OK) return;
    if (flags & OBJ_SET_GET) {
        int found;
        if (getGenericCommand(c, &found) != RL_OK) return;
        c->touched = NULL; /* Redis's SET looks the key up again for writing: one more access */
    }
    /* Without NX/XX the existence check is only needed for its lazy-expiry side effect;
     * setKey's own insert-or-find then does the one dict lookup. */
    int exists = 0;
    if (flags & (OBJ_SET_NX | OBJ_SET_XX))
        exists = lookupKeyWrite(c, c->db, key, klen) != NULL;
    else
        expireIfNeeded(c, c->db, key, klen);
    if (((flags & OBJ_SET_NX) && exists) || ((flags & OBJ_SET_XX) && !exists)) {
        if (!(flags & OBJ_SET_GET)) {
            if (abort_reply >= 0)
                addReplyLongLong(c, abort_reply);
            else
                addReplyNull(c);
        }
        return;
    }
    /* prefetch the key's bucket: the miss overlaps building the value */
    uint64_t hash = dictPrefetch(c->db->keys, key, klen);
    robjStack tmp; /* the usual value is built on the stack and copied into the key's entry */
    robj *val = stringObjectOnStack(&tmp, c->argv[validx], c->argvlen[validx]);
    if (val)
        storeKeyHashed(c, c->db, key, klen, hash, val, (flags & OBJ_KEEPTTL) != 0);
    else
        setKeyHashed(c, c->db, key, klen, hash,
                     createStringObject(&c->srv->slab, c->argv[validx], c->argvlen[validx]),
                     (flags & OBJ_KEEPTTL) != 0);
    notifyKeyspaceEvent(NOTIFY_STRING, "set", key, klen, c->db);
    if (expire_idx) {
        setExpire(c->db, key, klen, when);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "expire", key, klen, c->db);
    }
    if (!(flags & OBJ_SET_GET)) {
        if (ok_reply >= 0)
            addReplyLongLong(c, ok_reply);
        else
            addReplyOK(c);
    }
}

/* ---------------------------------------------------------------- commands */

/* GET key. O(1). */
void getCommand(rlClient *c) {
    int found;
    getGenericCommand(c, &found);
}

/* SET key value [NX|XX] [GET] [EX s|PX ms|EXAT t|PXAT t|KEEPTTL]. O(1). */
void setCommand(rlClient *c) {
    int flags = 0, expire_idx = 0;
    if (parseExtendedStringArgumentsOrReply(c, 3, &flags, &expire_idx, COMMAND_SET) != RL_OK)
        return;
    setGenericCommand(c, flags, 2, expire_idx, -1, -1);
}

/* SETNX key value */
void setnxCommand(rlClient *c) {
    setGenericCommand(c, OBJ_SET_NX, 2, 0, 1, 0);
}

/* SETEX key seconds value */
void setexCommand(rlClient *c) {
    setGenericCommand(c, OBJ_EX, 3, 2, -1, -1);
}

/* PSETEX key milliseconds value */
void psetexCommand(rlClient *c) {
    setGenericCommand(c, OBJ_PX, 3, 2, -1, -1);
}

/* MGET key [key ...]: null for missing keys and keys of other types. O(N). */
void mgetCommand(rlClient *c) {
    addReplyArrayLen(c, c->argc - 1);
    for (int j = 1; j < c->argc; j++) {
        robj *o = lookupKeyRead(c, c->db, c->argv[j], c->argvlen[j]);
        if (!o || o->type != OBJ_STRING)
            addReplyNull(c);
        else
            addReplyBulkObject(c, o);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* MSET / MSETNX key value [key value ...]; 'nx' sets nothing if any key exists. Each pair
 * notifies "set" (after "new" for a new key), a repeated key once per pair. */
static void msetGenericCommand(rlClient *c, int nx) {
    if (c->argc % 2 == 0) {
        addReplyErrorArity(c);
        return;
    }
    if (nx) {
        for (int j = 1; j < c->argc; j += 2) {
            if (lookupKeyWrite(c, c->db, c->argv[j], c->argvlen[j])) {
                addReplyLongLong(c, 0);
                return;
            }
        }
    }
    for (int j = 1; j < c->argc; j += 2) {
        setKey(c, c->db, c->argv[j], c->argvlen[j],
               createStringObject(&c->srv->slab, c->argv[j + 1], c->argvlen[j + 1]), 0);
        notifyKeyspaceEvent(NOTIFY_STRING, "set", c->argv[j], c->argvlen[j], c->db);
    }
    if (nx)
        addReplyLongLong(c, 1);
    else
        addReplyOK(c);
}

void msetCommand(rlClient *c) {
    msetGenericCommand(c, 0);
}

void msetnxCommand(rlClient *c) {
    msetGenericCommand(c, 1);
}

/* GETSET key value: the old value; the TTL is cleared. Notifies "set" (a miss of the read
 * also "keymiss", a new key "new" before it). */
void getsetCommand(rlClient *c) {
    int found;
    if (getGenericCommand(c, &found) != RL_OK) return;
    setKey(c, c->db, c->argv[1], c->argvlen[1],
           createStringObject(&c->srv->slab, c->argv[2], c->argvlen[2]), 0);
    notifyKeyspaceEvent(NOTIFY_STRING, "set", c->argv[1], c->argvlen[1], c->db);
}

/* GETDEL key: notifies "del" when it deleted the key. */
void getdelCommand(rlClient *c) {
    int found;
    if (getGenericCommand(c, &found) != RL_OK) return;
    if (found && dbDelete(c->db, c->argv[1], c->argvlen[1])) {
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", c->argv[1], c->argvlen[1], c->db);
    }
}

/* GETEX key [EX s|PX ms|EXAT t|PXAT t|PERSIST]: notifies "expire" for a new TTL, "del"
 * when an EXAT/PXAT time is already past (the key is deleted), "persist" when PERSIST
 * removed a TTL; nothing without options. */
void getexCommand(rlClient *c) {
    int flags = 0, expire_idx = 0;
    long long when = 0;
    if (parseExtendedStringArgumentsOrReply(c, 2, &flags, &expire_idx, COMMAND_GET) != RL_OK)
        return;
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    robj *o = lookupKeyRead(c, c->db, key, klen);
    if (!o) {
        addReplyNull(c);
        return;
    }
    if (checkType(c, o, OBJ_STRING)) return;
    if (expire_idx && getExpireMillisecondsOrReply(c, expire_idx, flags, &when) != RL_OK) return;
    addReplyBulkObject(c, o);
    if ((flags & (OBJ_EXAT | OBJ_PXAT)) && when <= cmdNowMs(c)) {
        dbDelete(c->db, key, klen);
        signalModifiedKey(c, c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, klen, c->db);
    } else if (expire_idx) {
        setExpire(c->db, key, klen, when);
        signalModifiedKey(c, c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "expire", key, klen, c->db);
    } else if ((flags & OBJ_PERSIST) && removeExpire(c->db, key, klen)) {
        signalModifiedKey(c, c->db, key, klen);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "persist", key, klen, c->db);
    }
}

/* APPEND key value: the new length. Amortised O(1). Notifies "append" (after "new" for a
 * new key), even for an empty value, as Redis does. */
void appendCommand(rlClient *c) {
    const char *key = c->argv[1];
    size_t klen = c->argvlen[1];
    long long totlen;
    robj *o = lookupKeyWrite(c, c->db, key, klen);
    if (!o) {
        dbAdd(c->db, key, klen, createStringObject(&c->srv->slab, c->argv[2], c->argvlen[2]));
        totlen = (long long)c->argvlen[2];
    } else {
        if (checkType(c, o, OBJ_STRING)) return;
        if (checkStringLength(c, (long long)stringObjectLen(o), (long long)c->argvlen[2]) != RL_OK)
            return;
        totlen = (long long)stringObjectAppend(&c->srv->slab, o, c->argv[2], c->argvlen[2]);
    }
    signalModifiedKey(c, c->db, key, klen);
    notifyKeyspaceEvent(NOTIFY_STRING, "append", key, klen, c->db);
    addReplyLongLong(c, totlen);
}

/* STRLEN key */
void strlenCommand(rlClient *c) {
    robj *o = lookupKeyRead(c, c->db, c->argv[1], c->argvlen[1]);
    if (!o) {
        addReplyLongLong(c, 0);
        return;
    }
    if (checkType(c, o, OBJ_STRING)) return;
    addReplyLongLong(c, (long long)stringObjectLen(o));
}

/* GETRANGE key start end (inclusive, negative from the end). O(N) in the returned length. */
void getrangeCommand(rlClient *c) {
    long long start, end;
    if (getLongLongFromArgOrReply(c, 2, &start, NULL) != RL_OK) return;
    if (getLongLongFromArgOrReply(c, 3, &end, NULL) != RL_OK) return;
    robj *o = lookupKeyRead(c, c->db, c->argv[1], c->argvlen[1]);
    if (!o) {
        addReplyBulk(c, "", 0);
        return;
    }
    if (checkType(c, o, OBJ_STRING)) return;
    char buf[RL_LONG_STR_SIZE];
    size_t slen;
    const char *str = stringObjectPtr(o, buf, &slen);
    long long len = (long long)slen;
    if (start < 0 && end < 0 && start > end) {
        addReplyBulk(c, "", 0);
        return;
    }
    if (start < 0) start = len + start;
    if (end < 0) end = len + end;
    if (start < 0) start = 0;
    if (end < 0) end = 0;
    if (end >= len) end = len - 1;
    if (start > end || len == 0)
        addReplyBulk(c, "", 0);
    else
        addReplyBulk(c, str + start, (size_t)(end - start + 1));
}

/* SETRANGE key offset value: the new length. Notifies "setrange" (after "new" for a new
 * key) unless the value is empty (then nothing changes). */
void setrangeCommand(rlClient *c) {
    long long offset;
    const char *key = c->argv[1], *val = c->argv[3];
    size_t klen = c->argvlen[1], vlen = c->argvlen[3];
    if (getLongLongFromArgOrReply(c, 2, &offset, NULL) != RL_OK) return;
    if (offset < 0) {
        addReplyError(c, RL_ERR_OFFSET);
        return;
    }
    robj *o = lookupKeyWrite(c, c->db, key, klen);
    if (!o) {
        if (vlen == 0) {
            addReplyLongLong(c, 0);
            return;
        }
        if (checkStringLength(c, offset, (long long)vlen) != RL_OK) return;
        o = dbAdd(c->db, key, klen, createRawStringObject(&c->srv->slab, NULL, 0));
    } else {
        if (checkType(c, o, OBJ_STRING)) return;
        if (vlen == 0) {
            addReplyLongLong(c, (long long)stringObjectLen(o));
            return;
        }
        if (checkStringLength(c, offset, (long long)vlen) != RL_OK) return;
    }
    size_t newlen = stringObjectSetRange(&c->srv->slab, o, (size_t)offset, val, vlen);
    signalModifiedKey(c, c->db, key, klen);
    notifyKeyspaceEvent(NOTIFY_STRING, "setrange", key, klen, c->db);
    addReplyLongLong(c, (long long)newlen);
}

/* Read the integer held by 'o' (NULL counts as 0); replies and returns RL_ERR if it is not
 * a canonical integer. */
static int getLongLongFromObjectOrReply(rlClient *c, const robj *o, long long *v) {
    if (!o) {
        *v = 0;
        return RL_OK;
    }
    if (o->encoding == OBJ_ENCODING_INT) {
        *v = o->u.ll;
        return RL_OK;
    }
    char buf[RL_LONG_STR_SIZE];
    size_t len;
    const char *p = stringObjectPtr(o, buf, &len);
    if (string2ll(p, len, v)) return RL_OK;
    addReplyError(c, RL_ERR_NOTINT);
    return RL_ERR;
}

/* Replace the value of an existing key keeping its TTL, or add it; either way the key is
 * signalled as modified (setKeyHashed does it for an existing key, which the caller's own
 * lookup already counted as an access, as Redis's dbReplaceValue). Returns the value as
 * stored. */
static robj *overwriteOrAdd(rlClient *c, robj *old, robj *val) {
    if (old) {
        const char *key = c->argv[1];
        size_t len = c->argvlen[1];
        return setKeyHashed(c, c->db, key, len, dictHashKey(c->db->keys, key, len), val, 1);
    }
    robj *o = dbAdd(c->db, c->argv[1], c->argvlen[1], val);
    signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    return o;
}

/* INCR/DECR/INCRBY/DECRBY: add 'incr' to the integer at argv[1]; reply the new value.
 * All four notify "incrby" (after "new" for a new key), also for an increment of 0. */
static void incrDecrCommand(rlClient *c, long long incr) {
    robj *o = lookupKeyWrite(c, c->db, c->argv[1], c->argvlen[1]);
    if (checkType(c, o, OBJ_STRING)) return;
    long long value;
    if (getLongLongFromObjectOrReply(c, o, &value) != RL_OK) return;
    if ((incr < 0 && value < 0 && incr < (LLONG_MIN - value)) ||
        (incr > 0 && value > 0 && incr > (LLONG_MAX - value))) {
        addReplyError(c, RL_ERR_OVERFLOW);
        return;
    }
    value += incr;
    if (o && o->encoding == OBJ_ENCODING_INT) {
        o->u.ll = value; /* in place: same key, same TTL */
        signalModifiedKey(c, c->db, c->argv[1], c->argvlen[1]);
    } else {
        o = overwriteOrAdd(c, o, createStringObjectFromLongLong(&c->srv->slab, value));
    }
    objectMaybeShare(c->srv, o);
    notifyKeyspaceEvent(NOTIFY_STRING, "incrby", c->argv[1], c->argvlen[1], c->db);
    addReplyLongLong(c, value);
}

void incrCommand(rlClient *c) {
    incrDecrCommand(c, 1);
}

void decrCommand(rlClient *c) {
    incrDecrCommand(c, -1);
}

void incrbyCommand(rlClient *c) {
    long long incr;
    if (getLongLongFromArgOrReply(c, 2, &incr, NULL) != RL_OK) return;
    incrDecrCommand(c, incr);
}

void decrbyCommand(rlClient *c) {
    long long incr;
    if (getLongLongFromArgOrReply(c, 2, &incr, NULL) != RL_OK) return;
    if (incr == LLONG_MIN) {
        addReplyError(c, "decrement would overflow");
        return;
    }
    incrDecrCommand(c, -incr);
}

/* INCRBYFLOAT key increment: long double arithmetic, reply the new value as a bulk
 * string formatted as Redis does. Notifies "incrbyfloat" (after "new" for a new key). */
void incrbyfloatCommand(rlClient *c) {
    robj *o = lookupKeyWrite(c, c->db, c->argv[1], c->argvlen[1]);
    if (checkType(c, o, OBJ_STRING)) return;
    long double value = 0, incr;
    if (o) {
        char buf[RL_LONG_STR_SIZE];
        size_t len;
        const char *p = stringObjectPtr(o, buf, &len);
        if (o->encoding == OBJ_ENCODING_INT) {
            value = (long double)o->u.ll;
        } else if (!string2ld(p, len, &value)) {
            addReplyError(c, RL_ERR_NOTFLOAT);
            return;
        }
    }
    if (getLongDoubleFromArgOrReply(c, 2, &incr, NULL) != RL_OK) return;
    value += incr;
    if (isnan(value) || isinf(value)) {
        addReplyError(c, RL_ERR_NAN_INF);
        return;
    }
    char out[RL_LD_STR_SIZE];
    int n = ld2string(out, sizeof(out), value);
    overwriteOrAdd(c, o, createEmbeddedStringObject(&c->srv->slab, out, (size_t)n));
    notifyKeyspaceEvent(NOTIFY_STRING, "incrbyfloat", c->argv[1], c->argvlen[1], c->db);
    addReplyBulk(c, out, (size_t)n);
}
