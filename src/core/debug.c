/* debug.c -- rlDebugCheck: a full recount of the invariants the core promises. O(N), for
 * tests and fuzzing only. */
#include "server.h"

#include <stdio.h>
#include <string.h>

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

/* ---------------------------------------------------------------- registries
 * The registries of clients (WATCH, blocked clients, pub/sub) are checked in both
 * directions against the clients' own records. Every live client is in s->clients_by_id; a
 * registry may list only those: a listed pointer is looked up by its address before it is
 * ever read, so a released client left in a registry is reported, not dereferenced. Each
 * registry is matched against the clients in O(N) through a scratch set of (client, db,
 * name) registrations. Nothing the server owns is modified: its dicts are read with plain
 * iterators and dictPeek (dictFind would move a rehash step). */

#define NAME_SHOWN 64 /* bytes of a key or channel name quoted in a message */
#define NO_DB 0xff    /* the db byte of a registration outside the databases (pub/sub) */

static const dictType scratchSetType = {NULL, NULL, NULL, NULL, 0, NULL};

/* An empty keys-only dict on malloc, seeded from the server's RNG state (not advanced). */
static dict *scratchSet(const rlServer *s) {
    return dictCreate(&scratchSetType, NULL, s->rng ^ 0x9E3779B97F4A7C15ULL,
                      s->rng ^ 0xC2B2AE3D27D4EB4FULL);
}

/* The bytes snprintf wrote into 'size' bytes, given its result 'n' (0 on error). */
static size_t written(int n, size_t size) {
    if (n < 0 || size == 0) return 0;
    return (size_t)n < size ? (size_t)n : size - 1;
}

/* 1 if 'c' is a live client (a key of 'clients', see checkClients); 'c' is never read. */
static int isLiveClient(const dict *clients, const rlClient *c) {
    return dictPeek(clients, &c, sizeof(c)) != NULL;
}

/* The index of 'db' among the server's databases, or -1 if it is none of them. */
static int dbIndex(const rlServer *s, const rlDb *db) {
    for (int i = 0; i < RL_DBNUM; i++)
        if (db == &s->db[i]) return i;
    return -1;
}

/* One registry's registrations matched against the clients' own records: the registry side
 * adds each (client, db, name) once (regAddRegistry), each client's record claims its own
 * once (regClaim); they agree when every claim finds its registration unclaimed and nothing
 * is left unclaimed (regFinish). 'what' names the registry in messages. */
typedef struct regMatch {
    const char *what;
    dict *set; /* key: the client's address, a db byte (NO_DB: none), the name; v.u64: claimed */
    sds buf;
    unsigned long added, claimed;
} regMatch;

static void regInit(regMatch *m, const rlServer *s, const char *what) {
    m->what = what;
    m->set = scratchSet(s);
    m->buf = sdsempty();
    m->added = m->claimed = 0;
}

static void regFree(regMatch *m) {
    dictRelease(m->set);
    sdsfree(m->buf);
}

/* Build in m->buf the scratch key of 'c''s registration under 'name' in db 'dbid' (-1: none). */
static void regKey(regMatch *m, const rlClient *c, int dbid, const char *name, size_t len) {
    unsigned char d = (unsigned char)(dbid < 0 ? NO_DB : dbid);
    sdsclear(m->buf);
    m->buf = sdscatlen(m->buf, &c, sizeof(c));
    m->buf = sdscatlen(m->buf, &d, 1);
    m->buf = sdscatlen(m->buf, name, len);
}

/* Write "<registry>: [db<n> ]'<name>'" at the start of 'err'; returns its length. */
static size_t regWhere(const regMatch *m, int dbid, const char *name, size_t len, char *err,
                       size_t errlen) {
    int shown = (int)(len < NAME_SHOWN ? len : NAME_SHOWN);
    int n = dbid >= 0 ? snprintf(err, errlen, "%s: db%d '%.*s'", m->what, dbid, shown, name)
                      : snprintf(err, errlen, "%s: '%.*s'", m->what, shown, name);
    return written(n, errlen);
}

/* Claim live client 'c''s record of 'name' in db 'dbid' (-1: none): 1 when its registration
 * exists and was not claimed yet, else 0 with 'err' set. */
static int regClaim(regMatch *m, const rlClient *c, int dbid, const char *name, size_t len,
                    char *err, size_t errlen) {
    regKey(m, c, dbid, name, len);
    dictEntry *de = dictFind(m->set, m->buf, sdslen(m->buf));
    if (de && !dictGetU64(de)) {
        dictSetU64(de, 1);
        m->claimed++;
        return 1;
    }
    size_t n = regWhere(m, dbid, name, len, err, errlen);
    snprintf(err + n, errlen - n,
             de ? ": client %llu records it twice"
                : ": client %llu records it, but the registry does not list the client",
             (unsigned long long)c->id);
    return 0;
}

/* Every registration was claimed by its client's record: 1, else 0 naming one that was not. */
static int regFinish(regMatch *m, char *err, size_t errlen) {
    if (m->added == m->claimed) return 1;
    dictIterator *it = dictGetIterator(m->set);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL && dictGetU64(de))
        ;
    if (de) {
        const rlClient *c; /* live: regAddRegistry checked it */
        memcpy(&c, de->key, sizeof(c));
        unsigned char d = (unsigned char)de->key[sizeof(c)];
        size_t skip = sizeof(c) + 1;
        size_t n = regWhere(m, d == NO_DB ? -1 : d, de->key + skip, de->keylen - skip, err, errlen);
        snprintf(err + n, errlen - n, ": lists client %llu, whose own record lacks it",
                 (unsigned long long)c->id);
    } else {
        snprintf(err, errlen, "%s: %lu registrations, %lu client records", m->what, m->added,
                 m->claimed);
    }
    dictReleaseIterator(it);
    return 0;
}

/* Add to 'm' every registration of 'reg' (name -> rlClientList*) of db 'dbid' (-1: none):
 * each entry's list is well formed, non-empty (no entry left behind) and lists live clients,
 * each once; with 'blocked', only clients blocked in that database. Recounts the entries. */
static int regAddRegistry(regMatch *m, const rlServer *s, const dict *clients, dict *reg, int dbid,
                          int blocked, char *err, size_t errlen) {
    unsigned long entries = 0;
    const char *why = NULL;
    dictIterator *it = dictGetIterator(reg);
    dictEntry *de;
    while (!why && (de = dictNext(it)) != NULL) {
        entries++;
        const rlClientList *l = dictGetVal(de);
        if (!l)
            why = "NULL client list";
        else if (l->n == 0)
            why = "empty entry left behind";
        else if (l->n > l->cap || !l->v)
            why = "corrupt client list";
        for (size_t i = 0; !why && i < l->n; i++) {
            const rlClient *c = l->v[i];
            if (!c) {
                why = "NULL client listed";
            } else if (!isLiveClient(clients, c)) {
                why = "lists a client that is not live (released?)";
            } else if (blocked && !(c->flags & CLIENT_BLOCKED)) {
                why = "lists a client that is not blocked";
            } else if (blocked && c->bstate.db != &s->db[dbid]) {
                why = "lists a client blocked in another database";
            } else {
                regKey(m, c, dbid, de->key, de->keylen);
                if (dictAdd(m->set, m->buf, sdslen(m->buf), NULL) != DICT_OK)
                    why = "lists a client twice";
                else
                    m->added++;
            }
        }
        if (why) {
            size_t n = regWhere(m, dbid, de->key, de->keylen, err, errlen);
            snprintf(err + n, errlen - n, ": %s", why);
        }
    }
    dictReleaseIterator(it);
    if (why) return 0;
    if (entries != dictSize(reg)) {
        size_t n = written(snprintf(err, errlen, "%s: ", m->what), errlen);
        if (dbid >= 0) n += written(snprintf(err + n, errlen - n, "db%d: ", dbid), errlen - n);
        snprintf(err + n, errlen - n, "%lu entries iterated, count %lu", entries,
                 (unsigned long)dictSize(reg));
        return 0;
    }
    return 1;
}

/* The server's list of clients (clients_by_id: id -> client): each entry is keyed by its
 * client's id, the client belongs to this server and is in one of its databases, and
 * connected_clients counts them. Fills 'clients' (address -> client) with them. */
static int checkClients(rlServer *s, dict *clients, char *err, size_t errlen) {
    unsigned long count = 0;
    const char *why = NULL;
    dictIterator *it = dictGetIterator(s->clients_by_id);
    dictEntry *de;
    while (!why && (de = dictNext(it)) != NULL) {
        count++;
        rlClient *c = dictGetVal(de);
        if (!c)
            why = "NULL client";
        else if (de->keylen != sizeof(c->id) || memcmp(de->key, &c->id, sizeof(c->id)) != 0)
            why = "entry not keyed by its client's id";
        else if (c->srv != s)
            why = "client of another server";
        else if (dbIndex(s, c->db) < 0)
            why = "client's database is none of the server's";
        else if (dictAdd(clients, &c, sizeof(c), c) != DICT_OK)
            why = "client listed twice";
        if (why) {
            uint64_t id = 0;
            if (de->keylen == sizeof(id)) memcpy(&id, de->key, sizeof(id));
            snprintf(err, errlen, "clients: id %llu: %s", (unsigned long long)id, why);
        }
    }
    dictReleaseIterator(it);
    if (why) return 0;
    if (count != dictSize(s->clients_by_id) || s->connected_clients < 0 ||
        count != (unsigned long)s->connected_clients) {
        snprintf(err, errlen, "clients: %lu iterated, count %lu, connected_clients %d", count,
                 (unsigned long)dictSize(s->clients_by_id), s->connected_clients);
        return 0;
    }
    return 1;
}

/* WATCH: each key a live client watches is registered once, listing that client, in its
 * database's watched_keys, and each registration there is a live client's watched key. */
static int checkWatch(rlServer *s, const dict *clients, char *err, size_t errlen) {
    regMatch m;
    regInit(&m, s, "watch");
    int ok = 1;
    for (int i = 0; ok && i < RL_DBNUM; i++)
        ok = regAddRegistry(&m, s, clients, s->db[i].watched_keys, i, 0, err, errlen);
    dictIterator *it = dictGetIterator(s->clients_by_id);
    dictEntry *de;
    while (ok && (de = dictNext(it)) != NULL) {
        const rlClient *c = dictGetVal(de);
        if (c->nwatched > c->capwatched || (c->nwatched && !c->watched)) {
            snprintf(err, errlen, "watch: client %llu: corrupt watched-key array",
                     (unsigned long long)c->id);
            ok = 0;
        }
        for (size_t j = 0; ok && j < c->nwatched; j++) {
            const watchedKey *wk = &c->watched[j];
            int dbid = dbIndex(s, wk->db);
            if (dbid < 0 || !wk->key) {
                snprintf(err, errlen, "watch: client %llu: watched key %zu has no %s",
                         (unsigned long long)c->id, j, wk->key ? "database" : "name");
                ok = 0;
            } else {
                ok = regClaim(&m, c, dbid, wk->key, sdslen(wk->key), err, errlen);
            }
        }
    }
    dictReleaseIterator(it);
    if (ok) ok = regFinish(&m, err, errlen);
    regFree(&m);
    return ok;
}

/* Why blocked client 'c''s wait (bstate) is malformed, or NULL. */
static const char *badWait(const rlServer *s, const rlClient *c) {
    const blockState *b = &c->bstate;
    if (dbIndex(s, b->db) < 0) return "its wait has no database";
    if (b->nkeys < 1 || !b->keys) return "it waits on no key";
    if (b->btype != OBJ_LIST && b->btype != OBJ_ZSET) return "it waits for an unknown type";
    if (!b->cmdline.cmd || b->cmdline.argc < 1 || !b->cmdline.argv) return "it has no command";
    for (int i = 0; i < b->nkeys; i++)
        if (!b->keys[i]) return "it waits on a NULL key";
    return NULL;
}

/* Blocked clients: each key a blocked client waits on is registered once, listing that
 * client, in its database's blocking_keys, and each registration there is a blocked client's
 * key; a client not blocked holds no wait; none is left reprocessing between commands. */
static int checkBlocking(rlServer *s, const dict *clients, char *err, size_t errlen) {
    regMatch m;
    regInit(&m, s, "blocking");
    int ok = 1;
    for (int i = 0; ok && i < RL_DBNUM; i++)
        ok = regAddRegistry(&m, s, clients, s->db[i].blocking_keys, i, 1, err, errlen);
    dictIterator *it = dictGetIterator(s->clients_by_id);
    dictEntry *de;
    while (ok && (de = dictNext(it)) != NULL) {
        const rlClient *c = dictGetVal(de);
        const blockState *b = &c->bstate;
        const char *why = NULL;
        if (c->flags & CLIENT_REPROCESSING)
            why = "it is left reprocessing its command";
        else if (!(c->flags & CLIENT_BLOCKED) &&
                 (b->db || b->keys || b->nkeys || b->cmdline.argv || b->cmdline.argc))
            why = "it is not blocked but holds a wait";
        else if (c->flags & CLIENT_BLOCKED)
            why = badWait(s, c);
        if (why) {
            snprintf(err, errlen, "blocking: client %llu: %s", (unsigned long long)c->id, why);
            ok = 0;
        }
        if (!(c->flags & CLIENT_BLOCKED)) continue;
        int dbid = dbIndex(s, b->db);
        for (int j = 0; ok && j < b->nkeys; j++)
            ok = regClaim(&m, c, dbid, b->keys[j], sdslen(b->keys[j]), err, errlen);
    }
    dictReleaseIterator(it);
    if (ok) ok = regFinish(&m, err, errlen);
    regFree(&m);
    return ok;
}

/* The ready list (keys made ready for blocked clients, not yet served) and the databases'
 * ready_keys hold the same keys, each once; ready_tail is the list's last node. */
static int checkReadyList(rlServer *s, char *err, size_t errlen) {
    unsigned long count[RL_DBNUM] = {0};
    const readyKey *last = NULL;
    for (const readyKey *rk = s->ready_head; rk; rk = rk->next) {
        int dbid = dbIndex(s, rk->db);
        if (dbid < 0 || !rk->key) {
            snprintf(err, errlen, "blocking: ready list: a key without a %s",
                     rk->key ? "database" : "name");
            return 0;
        }
        if (!dictPeek(rk->db->ready_keys, rk->key, sdslen(rk->key))) {
            size_t len = sdslen(rk->key);
            snprintf(err, errlen, "blocking: ready list: db%d '%.*s' missing from ready_keys", dbid,
                     (int)(len < NAME_SHOWN ? len : NAME_SHOWN), rk->key);
            return 0;
        }
        count[dbid]++;
        last = rk;
    }
    if (s->ready_tail != last) {
        snprintf(err, errlen, "blocking: ready list: ready_tail is not its last node");
        return 0;
    }
    for (int i = 0; i < RL_DBNUM; i++) {
        if (count[i] != dictSize(s->db[i].ready_keys)) {
            snprintf(err, errlen, "blocking: db%d: %lu keys in the ready list, ready_keys %lu", i,
                     count[i], (unsigned long)dictSize(s->db[i].ready_keys));
            return 0;
        }
    }
    return 1;
}

/* The server's map of subscription kind 'kind' (0: channels, 1: patterns, 2: shard). */
static dict *serverSubs(const rlServer *s, int kind) {
    return kind == 0 ? s->pubsub_channels : kind == 1 ? s->pubsub_patterns : s->pubsub_shard;
}

/* Client 'c''s own set of subscriptions of kind 'kind' (NULL: none yet). */
static dict *clientSubs(const rlClient *c, int kind) {
    return kind == 0 ? c->sub_channels : kind == 1 ? c->sub_patterns : c->sub_shard;
}

/* Pub/sub, for channels, patterns and shard channels alike: each name in a live client's own
 * set is registered once, listing that client, in the server's map, and each registration
 * there is in its client's set; each set's and map's count equals a recount. */
static int checkPubsub(rlServer *s, const dict *clients, char *err, size_t errlen) {
    static const char *const names[3] = {"pubsub channels", "pubsub patterns",
                                         "pubsub shard channels"};
    int ok = 1;
    for (int kind = 0; ok && kind < 3; kind++) {
        regMatch m;
        regInit(&m, s, names[kind]);
        ok = regAddRegistry(&m, s, clients, serverSubs(s, kind), -1, 0, err, errlen);
        dictIterator *it = dictGetIterator(s->clients_by_id);
        dictEntry *de;
        while (ok && (de = dictNext(it)) != NULL) {
            const rlClient *c = dictGetVal(de);
            dict *mine = clientSubs(c, kind);
            if (!mine) continue;
            unsigned long count = 0;
            dictIterator *sit = dictGetIterator(mine);
            dictEntry *sde;
            while (ok && (sde = dictNext(sit)) != NULL) {
                count++;
                ok = regClaim(&m, c, -1, sde->key, sde->keylen, err, errlen);
            }
            dictReleaseIterator(sit);
            if (ok && count != dictSize(mine)) {
                snprintf(err, errlen, "%s: client %llu: %lu iterated, count %lu", names[kind],
                         (unsigned long long)c->id, count, (unsigned long)dictSize(mine));
                ok = 0;
            }
        }
        dictReleaseIterator(it);
        if (ok) ok = regFinish(&m, err, errlen);
        regFree(&m);
    }
    return ok;
}

int rlDebugCheck(rlServer *s, char *err, size_t errlen) {
    for (int i = 0; i < RL_DBNUM; i++) {
        rlDb *db = &s->db[i];
        unsigned long count = 0;
        dictIterator *it = dictGetIterator(db->expires);
        dictEntry *de;
        while ((de = dictNext(it)) != NULL) {
            count++;
            if (!dictPeek(db->keys, de->key, de->keylen)) {
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
            const char *why = checkValue(keyVal(de));
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
    /* The registries of clients, in both directions. */
    dict *clients = scratchSet(s);
    int ok = checkClients(s, clients, err, errlen) && checkWatch(s, clients, err, errlen) &&
             checkBlocking(s, clients, err, errlen) && checkReadyList(s, err, errlen) &&
             checkPubsub(s, clients, err, errlen);
    dictRelease(clients);
    return ok;
}
