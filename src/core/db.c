/* db.c -- the keyspace: lookups with lazy expiry and hit/miss stats, add/overwrite/delete,
 * and the generic key and database commands (DEL, EXISTS, TYPE, KEYS, SCAN, RENAME, COPY,
 * RANDOMKEY, TOUCH, OBJECT ENCODING, DBSIZE, FLUSHDB, FLUSHALL, SELECT, SWAPDB). */
#include "server.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* RANDOMKEY deletes at most this many expired keys it meets (Redis deletes every one, which
 * is unbounded), then samples as many again without deleting; it never returns an expired
 * key, and answers null only if every sample was expired. */
#define RANDOMKEY_MAX_TRIES 100

/* ---------------------------------------------------------------- keyspace API */

/* Redis's lookupKey: an expired key is deleted (notifying "expired") and reported as
 * absent. A found key's access clock is refreshed (LRU/LFU) unless LOOKUP_NOTOUCH. Without
 * LOOKUP_NOSTATS (a read) a keyspace hit or miss is counted, and a read miss notifies
 * "keymiss" (NOTIFY_KEY_MISS) unless LOOKUP_NONOTIFY; write lookups do neither. Returns the
 * key's entry in db->keys (its value is keyVal(de)), or NULL. */
static inline dictEntry *lookupKeyEntry(rlClient *c, rlDb *db, const char *key, size_t len,
                                        int flags) {
    dictEntry *de = NULL;
    if (!expireIfNeeded(c, db, key, len)) {
        de = dictFind(db->keys, key, len);
        if (de && !(flags & LOOKUP_NOTOUCH)) {
            keyTouch(c->srv, de);
            c->touched = de;
        }
    }
    if (!(flags & LOOKUP_NOSTATS)) {
        if (de) {
            c->srv->stats.keyspace_hits++;
        } else {
            c->srv->stats.keyspace_misses++;
            if (!(flags & LOOKUP_NONOTIFY))
                notifyKeyspaceEvent(NOTIFY_KEY_MISS, "keymiss", key, len, db);
        }
    }
    return de;
}

/* lookupKeyEntry's value. */
static inline robj *lookupKey(rlClient *c, rlDb *db, const char *key, size_t len, int flags) {
    dictEntry *de = lookupKeyEntry(c, db, key, len, flags);
    return de ? keyVal(de) : NULL;
}

/* Look up 'key' in 'db' with LOOKUP_* 'flags' (see lookupKey): an expired key is deleted
 * and reported as absent. Returns the value or NULL. O(1). */
robj *lookupKeyReadFlags(rlClient *c, rlDb *db, const char *key, size_t len, int flags) {
    return lookupKey(c, db, key, len, flags);
}

dictEntry *lookupKeyEntryFlags(rlClient *c, rlDb *db, const char *key, size_t len, int flags) {
    return lookupKeyEntry(c, db, key, len, flags);
}

robj *lookupKeyRead(rlClient *c, rlDb *db, const char *key, size_t len) {
    return lookupKey(c, db, key, len, LOOKUP_NONE);
}

/* Look up 'key' for writing: lazy expiry applies, stats are not counted. */
robj *lookupKeyWrite(rlClient *c, rlDb *db, const char *key, size_t len) {
    return lookupKey(c, db, key, len, LOOKUP_NOSTATS);
}

/* Add a key that must not exist (notifies "new"), its entry holding a copy of 'val' (whose
 * own bytes the caller frees). The key's access clock starts now. Returns the key's entry
 * (NULL if the key existed: callers check that it does not). */
static dictEntry *dbAddEntry(rlDb *db, const char *key, size_t len, const robj *val) {
    dictEntry *de = dictAddInline(db->keys, key, len, dictHashKey(db->keys, key, len), val,
                                  objectAllocSize(val), NULL);
    if (!de) return NULL;
    keyInitClock(db->srv, de);
    signalKeyAsReady(db, key, len);
    notifyKeyspaceEvent(NOTIFY_NEW, "new", key, len, db);
    return de;
}

robj *dbAdd(rlDb *db, const char *key, size_t len, robj *val) {
    dictEntry *de = dbAddEntry(db, key, len, val);
    if (!de) return NULL;
    freeObjectHeader(&db->srv->slab, val);
    return keyVal(de);
}

/* Set 'key' to 'val' whether or not it exists (freeing the old value). The TTL is removed
 * unless 'keepttl'. Takes ownership of 'val'. Like Redis's setKey (which looks the key up
 * for writing first) an expired key is deleted first ("expired"), so it is then added
 * ("new"). */
robj *setKey(rlClient *c, rlDb *db, const char *key, size_t len, robj *val, int keepttl) {
    expireIfNeeded(c, db, key, len);
    c->touched = NULL; /* Redis's setKey looks the key up itself: one more access */
    return setKeyHashed(c, db, key, len, dictHashKey(db->keys, key, len), val, keepttl);
}

/* setKey with the key's hash in db->keys already known (from dictPrefetch). Like Redis's
 * setKey it signals the key as modified (WATCH) and notifies "new" for a new key; the
 * command notifies its own event. */
robj *setKeyHashed(rlClient *c, rlDb *db, const char *key, size_t len, uint64_t hash, robj *val,
                   int keepttl) {
    robj *o = storeKeyHashed(c, db, key, len, hash, val, keepttl);
    freeObjectHeader(&c->srv->slab, val);
    return o;
}

robj *storeKeyHashed(rlClient *c, rlDb *db, const char *key, size_t len, uint64_t hash, robj *val,
                     int keepttl) {
    dictEntry *existing;
    objectMaybeShare(c->srv, val);
    size_t size = objectAllocSize(val);
    dictEntry *de = dictAddInline(db->keys, key, len, hash, val, size, &existing);
    if (de) {
        keyInitClock(c->srv, de);
        signalKeyAsReady(db, key, len);
        notifyKeyspaceEvent(NOTIFY_NEW, "new", key, len, db);
    } else {
        /* an overwrite is an access, counted once per command (Redis's SET looks the key up
         * once and keeps the clock of the value it replaces): LRU restarts the clock, LFU
         * counts one more unless this command's lookup already did */
        if (existing != c->touched) keyTouch(c->srv, existing);
        robj *cur = keyVal(existing);
        freeObjectContents(c->srv, cur);
        size_t off = DICT_INLINE_OFFSET(len);
        if (slabObjectBytes(off + objectAllocSize(cur)) == slabObjectBytes(off + size)) {
            memcpy(cur, val, size); /* the entry's size class stays: rewritten in place */
            de = existing;
        } else {
            dictEntry *old;
            de = dictSetInline(db->keys, key, len, hash, val, size, &old);
            dictFreeUnlinkedEntryShell(db->keys, old);
            if (c->touched == old) c->touched = de;
        }
        if (!keepttl) removeExpire(db, key, len);
    }
    signalModifiedKey(c, db, key, len);
    return keyVal(de);
}

/* Delete 'key' and its TTL. Returns 1 if it existed. */
int dbDelete(rlDb *db, const char *key, size_t len) {
    if (dictSize(db->expires)) dictDelete(db->expires, key, len);
    return dictDelete(db->keys, key, len) == DICT_OK;
}

robj *lookupArgTyped(rlClient *c, int idx, int type, int write, int *err) {
    robj *o = write ? lookupKeyWrite(c, c->db, c->argv[idx], c->argvlen[idx])
                    : lookupKeyRead(c, c->db, c->argv[idx], c->argvlen[idx]);
    *err = checkType(c, o, type);
    return *err ? NULL : o;
}

/* Reply WRONGTYPE and return 1 when 'o' is not of 'type'. */
int checkType(rlClient *c, const robj *o, int type) {
    if (o && o->type != type) {
        addReplyError(c, RL_ERR_WRONGTYPE);
        return 1;
    }
    return 0;
}

long long rlDbSize(rlDb *db) {
    return (long long)dictSize(db->keys);
}

/* Empty database 'dbnum' (-1: all). With 'async' the old dicts are freed in slices by
 * the cron (lazy free) instead of now. */
void emptyDb(rlServer *s, int dbnum, int async) {
    for (int i = 0; i < RL_DBNUM; i++) {
        if (dbnum != -1 && dbnum != i) continue;
        rlDb *db = &s->db[i];
        touchAllWatchedKeysInDb(db, NULL);
        if (async && dictSize(db->keys) > LAZYFREE_THRESHOLD) {
            lazyfreeDict(s, db->keys);
            lazyfreeDict(s, db->expires);
            db->keys = serverCreateKeysDict(s);
            db->expires = serverCreateExpiresDict(s);
        } else {
            dictEmpty(db->keys);
            dictEmpty(db->expires);
        }
        db->avg_ttl = 0;
    }
    /* With every database empty and nothing left to lazy-free, no slab object is live:
     * reset the slab so new keys are laid out sequentially again (the free lists left by a
     * flush hand memory out in hash order, which scatters keys written together). */
    if (!s->lazyfree_head) {
        for (int i = 0; i < RL_DBNUM; i++)
            if (dictSize(s->db[i].keys) || dictSize(s->db[i].expires)) return;
        slabReset(&s->slab);
    }
}

rlDb *selectDbOrNull(rlServer *s, long long id) {
    return (id < 0 || id >= RL_DBNUM) ? NULL : &s->db[id];
}

static const char *typeName(const robj *o) {
    return o ? objectTypeName(o) : "none";
}

/* ---------------------------------------------------------------- commands */

/* DEL / UNLINK key [key ...]: values here are freed at once; big collections (later
 * types) go through the lazy-free queue in both. An expired key counts as missing (its
 * lazy deletion notifies "expired"); each deleted key notifies "del". */
static void delGenericCommand(rlClient *c) {
    long long deleted = 0;
    for (int j = 1; j < c->argc; j++) {
        const char *key = c->argv[j];
        size_t len = c->argvlen[j];
        expireIfNeeded(c, c->db, key, len);
        if (dbDelete(c->db, key, len)) {
            signalModifiedKey(c, c->db, key, len);
            notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, len, c->db);
            deleted++;
        }
    }
    addReplyLongLong(c, deleted);
}

void delCommand(rlClient *c) {
    delGenericCommand(c);
}

void unlinkCommand(rlClient *c) {
    delGenericCommand(c);
}

/* EXISTS key [key ...]: counts repeated keys each time. */
void existsCommand(rlClient *c) {
    long long count = 0;
    for (int j = 1; j < c->argc; j++)
        if (lookupKeyReadFlags(c, c->db, c->argv[j], c->argvlen[j], LOOKUP_NOTOUCH)) count++;
    addReplyLongLong(c, count);
}

/* TOUCH key [key ...] */
void touchCommand(rlClient *c) {
    long long count = 0;
    for (int j = 1; j < c->argc; j++)
        if (lookupKeyRead(c, c->db, c->argv[j], c->argvlen[j])) count++;
    addReplyLongLong(c, count);
}

/* TYPE key */
void typeCommand(rlClient *c) {
    robj *o = lookupKeyReadFlags(c, c->db, c->argv[1], c->argvlen[1], LOOKUP_NOTOUCH);
    addReplyStatus(c, typeName(o));
}

/* OBJECT's lookup of its key's entry: a read that neither touches the key nor notifies
 * "keymiss"; replies null and returns NULL when the key does not exist. */
static dictEntry *objectLookupEntry(rlClient *c) {
    dictEntry *de =
        lookupKeyEntry(c, c->db, c->argv[2], c->argvlen[2], LOOKUP_NOTOUCH | LOOKUP_NONOTIFY);
    if (!de) addReplyNull(c);
    return de;
}

/* OBJECT ENCODING key */
void objectEncodingCommand(rlClient *c) {
    dictEntry *de = objectLookupEntry(c);
    if (de) addReplyBulkCString(c, objectEncodingName(keyVal(de)));
}

/* OBJECT IDLETIME key: seconds since the last access (LRU policies only). */
void objectIdletimeCommand(rlClient *c) {
    dictEntry *de = objectLookupEntry(c);
    if (!de) return;
    if (c->srv->maxmemory_policy & MAXMEMORY_FLAG_LFU)
        addReplyError(c, RL_ERR_IDLETIME_LFU);
    else
        addReplyLongLong(c, (long long)(estimateKeyIdleTime(c->srv, de) / 1000));
}

/* OBJECT FREQ key: the logarithmic access counter (LFU policies only). */
void objectFreqCommand(rlClient *c) {
    dictEntry *de = objectLookupEntry(c);
    if (!de) return;
    if (!(c->srv->maxmemory_policy & MAXMEMORY_FLAG_LFU))
        addReplyError(c, RL_ERR_FREQ_NOT_LFU);
    else
        addReplyLongLong(c, (long long)keyFreq(c->srv, de));
}

/* What Redis reports for the integers it shares (objectMaybeShare); every other value has
 * one reference. */
#define OBJ_SHARED_REFCOUNT 2147483647

/* OBJECT REFCOUNT key: 1, or what Redis reports for the integers it shares. */
void objectRefcountCommand(rlClient *c) {
    dictEntry *de = objectLookupEntry(c);
    if (de) addReplyLongLong(c, keyVal(de)->shared ? OBJ_SHARED_REFCOUNT : 1);
}

/* A growable array of entry pointers, used to collect replies whose length is not known
 * in advance (KEYS, SCAN). */
typedef struct entryList {
    const dictEntry **items;
    size_t count, cap;
} entryList;

static void entryListPush(entryList *l, const dictEntry *de) {
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = rl_realloc(l->items, sizeof(*l->items) * l->cap);
    }
    l->items[l->count++] = de;
}

static void replyEntryKeys(rlClient *c, entryList *l) {
    addReplyArrayLen(c, (long)l->count);
    for (size_t i = 0; i < l->count; i++)
        addReplyBulk(c, l->items[i]->key, l->items[i]->keylen);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

int keyIsExpiredAt(rlDb *db, const char *key, size_t len, long long now_ms) {
    long long when = getExpire(db, key, len);
    return when >= 0 && now_ms > when;
}

/* KEYS pattern: O(N) over the database, as Redis documents. Expired keys are skipped. */
void keysCommand(rlClient *c) {
    const char *pat = c->argv[1];
    size_t plen = c->argvlen[1];
    int all = plen == 1 && pat[0] == '*';
    entryList l = {0};
    dictIterator *it = dictGetIterator(c->db->keys);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        if (!all && !stringmatchlen(pat, plen, de->key, de->keylen, 0)) continue;
        if (keyIsExpiredAt(c->db, de->key, de->keylen, cmdNowMs(c))) continue;
        entryListPush(&l, de);
    }
    dictReleaseIterator(it);
    replyEntryKeys(c, &l);
    rl_free(l.items);
}

static void scanCollect(void *privdata, const dictEntry *de) {
    entryListPush(privdata, de);
}

/* Parse a SCAN cursor as Redis 7.0 does (strtoul semantics: no leading space, no trailing
 * garbage, no overflow). */
int parseScanCursorOrReply(rlClient *c, int idx, unsigned long *cursor) {
    char buf[64];
    size_t len = c->argvlen[idx];
    if (len == 0 || len >= sizeof(buf) || memchr(c->argv[idx], '\0', len) ||
        c->argv[idx][0] == ' ' || (c->argv[idx][0] >= '\t' && c->argv[idx][0] <= '\r')) {
        addReplyError(c, RL_ERR_INVALID_CURSOR);
        return RL_ERR;
    }
    memcpy(buf, c->argv[idx], len);
    buf[len] = '\0';
    char *eptr;
    errno = 0;
    *cursor = strtoul(buf, &eptr, 10);
    if (eptr[0] != '\0' || errno == ERANGE) {
        addReplyError(c, RL_ERR_INVALID_CURSOR);
        return RL_ERR;
    }
    return RL_OK;
}

int parseScanOptionsOrReply(rlClient *c, int start, int allow_type, scanOptions *opt) {
    opt->count = 10;
    opt->pat = opt->type = NULL;
    opt->plen = opt->tlen = 0;
    for (int j = start; j < c->argc; j += 2) {
        int more = j + 1 < c->argc;
        if (argEq(c, j, "count") && more) {
            if (getLongLongFromArgOrReply(c, j + 1, &opt->count, NULL) != RL_OK) return RL_ERR;
            if (opt->count < 1) {
                addReplyError(c, RL_ERR_SYNTAX);
                return RL_ERR;
            }
        } else if (argEq(c, j, "match") && more) {
            opt->pat = c->argv[j + 1];
            opt->plen = c->argvlen[j + 1];
            if (opt->plen == 1 && opt->pat[0] == '*') opt->pat = NULL;
        } else if (allow_type && argEq(c, j, "type") && more) {
            opt->type = c->argv[j + 1];
            opt->tlen = c->argvlen[j + 1];
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return RL_ERR;
        }
    }
    return RL_OK;
}

int parseMpopArgsOrReply(rlClient *c, const char *end0, const char *end1, int *where,
                         int *where_idx, long long *count) {
    long long numkeys;
    if (getLongLongFromArg(c, 1, &numkeys) != RL_OK || numkeys < 1) {
        addReplyError(c, "numkeys should be greater than 0");
        return RL_ERR;
    }
    if (numkeys >= c->argc - 2) {
        addReplyError(c, RL_ERR_SYNTAX);
        return RL_ERR;
    }
    *where_idx = 2 + (int)numkeys;
    if (argEq(c, *where_idx, end0)) {
        *where = 0;
    } else if (argEq(c, *where_idx, end1)) {
        *where = 1;
    } else {
        addReplyError(c, RL_ERR_SYNTAX);
        return RL_ERR;
    }
    *count = -1;
    for (int j = *where_idx + 1; j < c->argc; j++) {
        if (*count == -1 && argEq(c, j, "count") && j + 1 < c->argc) {
            j++;
            if (getLongLongFromArg(c, j, count) != RL_OK || *count < 1) {
                addReplyError(c, "count should be greater than 0");
                return RL_ERR;
            }
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return RL_ERR;
        }
    }
    if (*count == -1) *count = 1;
    return RL_OK;
}

int parseRandCountOrReply(rlClient *c, const char *withword, long long *count, int *with) {
    if (getLongLongFromArgOrReply(c, 2, count, NULL) != RL_OK) return RL_ERR;
    if (*count < -LLONG_MAX) {
        addReplyErrorFormat(c, "value is out of range, value must between %lld and %lld",
                            -LLONG_MAX, LLONG_MAX);
        return RL_ERR;
    }
    if (c->argc > 4 || (c->argc == 4 && !argEq(c, 3, withword))) {
        addReplyError(c, RL_ERR_SYNTAX);
        return RL_ERR;
    }
    *with = c->argc == 4;
    if (*with && (*count < -LLONG_MAX / 2 || *count > LLONG_MAX / 2)) {
        addReplyError(c, "value is out of range");
        return RL_ERR;
    }
    return RL_OK;
}

/* SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] */
void scanCommand(rlClient *c) {
    unsigned long cursor;
    if (parseScanCursorOrReply(c, 1, &cursor) != RL_OK) return;
    scanOptions opt;
    if (parseScanOptionsOrReply(c, 2, 1, &opt) != RL_OK) return;
    long long count = opt.count;
    const char *pat = opt.pat, *type = opt.type;
    size_t plen = opt.plen, tlen = opt.tlen;
    entryList l = {0};
    dict *d = c->db->keys;
    long long maxiter = scanMaxIterations(count);
    do {
        cursor = dictScan(d, cursor, scanCollect, &l);
    } while (cursor && maxiter-- && (long long)l.count < count);
    /* Filter: pattern, type, then expiry (which deletes the key, as Redis does). Keys are
     * copied first because expiring one may free its entry. */
    size_t kept = 0;
    char **keys = rl_malloc(sizeof(char *) * (l.count ? l.count : 1));
    size_t *lens = rl_malloc(sizeof(size_t) * (l.count ? l.count : 1));
    for (size_t i = 0; i < l.count; i++) {
        const dictEntry *de = l.items[i];
        if (pat && !stringmatchlen(pat, plen, de->key, de->keylen, 0)) continue;
        if (type && !rlStrEqNoCase(type, tlen, typeName(keyVal(de)))) continue;
        keys[kept] = rl_malloc(de->keylen + 1);
        memcpy(keys[kept], de->key, de->keylen);
        lens[kept++] = de->keylen;
    }
    rl_free(l.items);
    size_t live = 0;
    for (size_t i = 0; i < kept; i++) {
        if (expireIfNeeded(c, c->db, keys[i], lens[i])) {
            rl_free(keys[i]);
            continue;
        }
        keys[live] = keys[i];
        lens[live++] = lens[i];
    }
    addReplyArrayLen(c, 2);
    addReplyBulkLongLong(c, (long long)cursor);
    /* the cursor is unsigned: format it as such when above LLONG_MAX */
    addReplyArrayLen(c, (long)live);
    for (size_t i = 0; i < live; i++) {
        addReplyBulk(c, keys[i], lens[i]);
        rl_free(keys[i]);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
    rl_free(keys);
    rl_free(lens);
}

/* Move the value of 'src' (existing) to 'dst' in 'dstdb' with its TTL; 'dst' must not
 * exist. */
static void moveKey(rlDb *srcdb, const char *src, size_t srclen, rlDb *dstdb, const char *dst,
                    size_t dstlen) {
    long long when = getExpire(srcdb, src, srclen);
    dictEntry *de = dictUnlink(srcdb->keys, src, srclen);
    robj *val = keyVal(de);
    uint32_t clock = de->meta; /* the value keeps its access clock, as in Redis */
    if (when >= 0) removeExpire(srcdb, src, srclen);
    dbAddEntry(dstdb, dst, dstlen, val)->meta = clock;
    dictFreeUnlinkedEntryShell(srcdb->keys, de); /* the contents are the new entry's */
    if (when >= 0) setExpire(dstdb, dst, dstlen, when);
}

/* RENAME / RENAMENX: 'nx' refuses to overwrite (reply 0). Notifies "new" (dst), then
 * "rename_from" (src) and "rename_to" (dst), as Redis does; renaming a key to itself
 * changes nothing and notifies nothing. */
static void renameGenericCommand(rlClient *c, int nx) {
    const char *src = c->argv[1], *dst = c->argv[2];
    size_t slen = c->argvlen[1], dlen = c->argvlen[2];
    int samekey = slen == dlen && memcmp(src, dst, slen) == 0;
    if (!lookupKeyWrite(c, c->db, src, slen)) {
        addReplyError(c, RL_ERR_NOSUCHKEY);
        return;
    }
    if (samekey) {
        if (nx)
            addReplyLongLong(c, 0);
        else
            addReplyOK(c);
        return;
    }
    if (lookupKeyWrite(c, c->db, dst, dlen)) {
        if (nx) {
            addReplyLongLong(c, 0);
            return;
        }
        dbDelete(c->db, dst, dlen);
    }
    moveKey(c->db, src, slen, c->db, dst, dlen); /* notifies "new" for dst */
    signalModifiedKey(c, c->db, src, slen);
    signalModifiedKey(c, c->db, dst, dlen);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "rename_from", src, slen, c->db);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "rename_to", dst, dlen, c->db);
    if (nx)
        addReplyLongLong(c, 1);
    else
        addReplyOK(c);
}

void renameCommand(rlClient *c) {
    renameGenericCommand(c, 0);
}

void renamenxCommand(rlClient *c) {
    renameGenericCommand(c, 1);
}

/* Parse a database index as Redis parses an int argument (SELECT, COPY ... DB, SWAPDB);
 * returns RL_ERR after replying: 'msg' for any failure when given (SWAPDB's texts), else
 * Redis's getIntFromObjectOrReply texts (not an integer / out of the int range). */
static int getDbIndexOrReply(rlClient *c, int idx, long long *id, const char *msg) {
    int isint = getLongLongFromArg(c, idx, id) == RL_OK;
    if (isint && *id >= -2147483648LL && *id <= 2147483647LL) return RL_OK;
    if (msg)
        addReplyError(c, msg);
    else if (!isint)
        addReplyError(c, RL_ERR_NOTINT);
    else /* Redis's getIntFromObjectOrReply, word for word */
        addReplyError(c, "value is out of range, value must between -2147483648 and 2147483647");
    return RL_ERR;
}

/* COPY source destination [DB destination-db] [REPLACE]: a read lookup of the source
 * ("keymiss" when missing); notifies "new" and "copy_to" on the destination's database. */
void copyCommand(rlClient *c) {
    rlDb *dst = c->db;
    int replace = 0;
    for (int j = 3; j < c->argc; j++) {
        int additional = c->argc - j - 1;
        if (argEq(c, j, "replace")) {
            replace = 1;
        } else if (argEq(c, j, "db") && additional) {
            long long id;
            if (getDbIndexOrReply(c, j + 1, &id, NULL) != RL_OK) return;
            dst = selectDbOrNull(c->srv, id);
            if (!dst) {
                addReplyError(c, RL_ERR_DBINDEX);
                return;
            }
            j++;
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    const char *src = c->argv[1], *newkey = c->argv[2];
    size_t slen = c->argvlen[1], nlen = c->argvlen[2];
    if (dst == c->db && slen == nlen && memcmp(src, newkey, slen) == 0) {
        addReplyError(c, RL_ERR_SAME_OBJECT);
        return;
    }
    robj *o = lookupKeyRead(c, c->db, src, slen);
    if (!o) {
        addReplyLongLong(c, 0);
        return;
    }
    long long when = getExpire(c->db, src, slen);
    if (lookupKeyWrite(c, dst, newkey, nlen)) {
        if (!replace) {
            addReplyLongLong(c, 0);
            return;
        }
        dbDelete(dst, newkey, nlen);
    }
    dbAdd(dst, newkey, nlen, dupObject(c->srv, o));
    if (when >= 0) setExpire(dst, newkey, nlen, when);
    signalModifiedKey(c, dst, newkey, nlen);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "copy_to", newkey, nlen, dst);
    addReplyLongLong(c, 1);
}

/* MOVE key db: the key, with its TTL and access clock, into database 'db' unless a key of
 * that name lives there (reply 1, else 0). Checks as Redis 7.0 does, in its order: the
 * index (an int, then an existing database), not the current database, then the key in
 * each database (expired keys are deleted first). Notifies "new" and then "move_from" on
 * the source database and "move_to" on the target. */
void moveCommand(rlClient *c) {
    long long id;
    if (getDbIndexOrReply(c, 2, &id, NULL) != RL_OK) return;
    rlDb *dst = selectDbOrNull(c->srv, id);
    if (!dst) {
        addReplyError(c, RL_ERR_DBINDEX);
        return;
    }
    if (dst == c->db) {
        addReplyError(c, RL_ERR_SAME_OBJECT);
        return;
    }
    const char *key = c->argv[1];
    size_t len = c->argvlen[1];
    if (!lookupKeyWrite(c, c->db, key, len) || lookupKeyWrite(c, dst, key, len)) {
        addReplyLongLong(c, 0);
        return;
    }
    moveKey(c->db, key, len, dst, key, len);
    signalModifiedKey(c, c->db, key, len);
    signalModifiedKey(c, dst, key, len);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "move_from", key, len, c->db);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "move_to", key, len, dst);
    addReplyLongLong(c, 1);
}

/* RANDOMKEY: a random live key, or null. Expired keys met on the way are deleted. */
void randomkeyCommand(rlClient *c) {
    rlDb *db = c->db;
    for (int tries = 0; tries < 2 * RANDOMKEY_MAX_TRIES; tries++) {
        dictEntry *de = dictGetRandomKey(db->keys, &c->srv->rng);
        if (!de) break;
        if (tries < RANDOMKEY_MAX_TRIES) {
            if (expireIfNeeded(c, db, de->key, de->keylen)) continue;
        } else if (keyIsExpiredAt(db, de->key, de->keylen, cmdNowMs(c))) {
            continue;
        }
        addReplyBulk(c, de->key, de->keylen);
        return;
    }
    addReplyNull(c);
}

/* DBSIZE */
void dbsizeCommand(rlClient *c) {
    addReplyLongLong(c, rlDbSize(c->db));
}

/* Parse the optional [ASYNC|SYNC] of FLUSHDB/FLUSHALL; returns 0/1, or -1 after replying. */
static int getFlushAsyncOrReply(rlClient *c) {
    if (c->argc > 2) {
        addReplyError(c, RL_ERR_SYNTAX);
        return -1;
    }
    if (c->argc == 1) return 0;
    if (argEq(c, 1, "async")) return 1;
    if (argEq(c, 1, "sync")) return 0;
    addReplyError(c, RL_ERR_SYNTAX);
    return -1;
}

/* FLUSHDB [ASYNC|SYNC]. Like FLUSHALL and SWAPDB it publishes no keyspace event (as
 * Redis); emptyDb marks the watchers of keys that existed dirty. */
void flushdbCommand(rlClient *c) {
    int async = getFlushAsyncOrReply(c);
    if (async < 0) return;
    emptyDb(c->srv, c->db->id, async);
    addReplyOK(c);
}

/* FLUSHALL [ASYNC|SYNC] */
void flushallCommand(rlClient *c) {
    int async = getFlushAsyncOrReply(c);
    if (async < 0) return;
    emptyDb(c->srv, -1, async);
    addReplyOK(c);
}

/* SELECT index */
void selectCommand(rlClient *c) {
    long long id;
    if (getDbIndexOrReply(c, 1, &id, NULL) != RL_OK) return;
    rlDb *db = selectDbOrNull(c->srv, id);
    if (!db) {
        addReplyError(c, RL_ERR_DBINDEX);
        return;
    }
    c->db = db;
    addReplyOK(c);
}

/* SWAPDB index1 index2: swaps the contents, so clients on either index see the other's
 * data, as in Redis. */
void swapdbCommand(rlClient *c) {
    long long a, b;
    if (getDbIndexOrReply(c, 1, &a, "invalid first DB index") != RL_OK) return;
    if (getDbIndexOrReply(c, 2, &b, "invalid second DB index") != RL_OK) return;
    rlDb *da = selectDbOrNull(c->srv, a), *db = selectDbOrNull(c->srv, b);
    if (!da || !db) {
        addReplyError(c, RL_ERR_DBINDEX);
        return;
    }
    if (da != db) {
        touchAllWatchedKeysInDb(da, db);
        touchAllWatchedKeysInDb(db, da);
        rlDb tmp = *da;
        da->keys = db->keys;
        da->expires = db->expires;
        da->avg_ttl = db->avg_ttl;
        db->keys = tmp.keys;
        db->expires = tmp.expires;
        db->avg_ttl = tmp.avg_ttl;
        scanDatabaseForReadyKeys(da);
        scanDatabaseForReadyKeys(db);
    }
    addReplyOK(c);
}
