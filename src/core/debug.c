/* debug.c -- rlDebugCheck: a full recount of the invariants the core promises. O(N), for
 * tests and fuzzing only. */
#include "server.h"

#include <stdio.h>

/* NULL when 'o' is a well-formed value, else what is wrong with it. */
static const char *checkValue(const robj *o) {
    switch (o->type) {
    case OBJ_STRING:
        if (o->encoding != OBJ_ENCODING_RAW && o->encoding != OBJ_ENCODING_INT &&
            o->encoding != OBJ_ENCODING_EMBSTR)
            return "bad string encoding";
        return NULL;
    case OBJ_HASH:
        if (hashTypeLength(o) == 0) return "empty hash";
        if (o->encoding == OBJ_ENCODING_LISTPACK) {
            const unsigned char *lp = o->u.ptr;
            if (!lpValidate(lp)) return "corrupt listpack";
            if (lpLength(lp) % 2) return "odd listpack hash";
            if (lpLength(lp) / 2 > HASH_MAX_LISTPACK_ENTRIES) return "listpack hash too long";
            return NULL;
        }
        return o->encoding == OBJ_ENCODING_HT ? NULL : "bad hash encoding";
    case OBJ_SET:
        if (setTypeSize(o) == 0) return "empty set";
        if (o->encoding == OBJ_ENCODING_INTSET) {
            if (!intsetValidate(o->u.ptr)) return "corrupt intset";
            if (intsetLen(o->u.ptr) > SET_MAX_INTSET_ENTRIES) return "intset too long";
            return NULL;
        }
        return o->encoding == OBJ_ENCODING_HT ? NULL : "bad set encoding";
    case OBJ_LIST:
        if (o->encoding != OBJ_ENCODING_QUICKLIST) return "bad list encoding";
        if (listTypeLength(o) == 0) return "empty list";
        return qlValidate(o->u.ptr) ? NULL : "corrupt quicklist";
    case OBJ_ZSET:
        return zsetTypeCheck(o);
    default:
        return "unknown type";
    }
}

int rlDebugCheck(rlServer *s, char *err, size_t errlen) {
    for (int i = 0; i < RL_DBNUM; i++) {
        rlDb *db = &s->db[i];
        unsigned long count = 0;
        dictIterator *it = dictGetIterator(db->expires);
        dictEntry *de;
        while ((de = dictNext(it)) != NULL) {
            count++;
            if (!dictFind(db->keys, de->key, de->keylen)) {
                dictReleaseIterator(it);
                snprintf(err, errlen, "db%d: key with TTL missing from the keyspace", i);
                return 0;
            }
        }
        dictReleaseIterator(it);
        if (count != dictSize(db->expires)) {
            snprintf(err, errlen, "db%d: expires count %lu != %lu", i, count,
                     (unsigned long)dictSize(db->expires));
            return 0;
        }
        count = 0;
        it = dictGetIterator(db->keys);
        while ((de = dictNext(it)) != NULL) {
            count++;
            robj *o = de->v.val;
            const char *why = o ? checkValue(o) : "NULL value";
            if (why) {
                dictReleaseIterator(it);
                snprintf(err, errlen, "db%d: key '%.*s': %s", i, (int)de->keylen, de->key, why);
                return 0;
            }
        }
        dictReleaseIterator(it);
        if (count != dictSize(db->keys)) {
            snprintf(err, errlen, "db%d: keys count %lu != %lu", i, count,
                     (unsigned long)dictSize(db->keys));
            return 0;
        }
    }
    /* The running memory account equals a recount, unless a lazy free is still releasing
     * memory the keyspace no longer references. */
    if (!s->lazyfree_head) {
        size_t used = slabUsed(&s->slab), recount = keyspaceMemRecount(s);
        if (used != recount) {
            snprintf(err, errlen, "used_memory %zu != recount %zu", used, recount);
            return 0;
        }
    }
    return 1;
}
