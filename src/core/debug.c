/* debug.c -- rlDebugCheck: a full recount of the invariants the core promises. O(N), for
 * tests and fuzzing only. */
#include "server.h"

#include <stdio.h>

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
            if (!o || o->type != OBJ_STRING) {
                dictReleaseIterator(it);
                snprintf(err, errlen, "db%d: bad value object", i);
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
    return 1;
}
