/* blocking.c -- clients blocked on keys (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP, BZPOPMIN,
 * BZPOPMAX, BZMPOP), as Redis's blocked.c.
 *
 * A blocking command that finds no data calls blockForKeys: the client is queued, in order,
 * on each of its keys in db->blocking_keys, and the command replies nothing (the embedder
 * sees rlClientIsBlocked). Any write that creates a key (dbAdd, setKey) calls
 * signalKeyAsReady, which records the key once in the server's ready list when a client
 * waits on it. After each top-level command (so after a whole EXEC) the dispatcher calls
 * handleClientsBlockedOnKeys: for each ready key, the clients blocked on it are tried in the
 * order they blocked by running their command again with a recording sink; a command that
 * now finds data replies, the client is unblocked and its reply is queued in the outbox
 * (RL_OUT_REPLY); one that still finds nothing stays blocked in its place. Serving a client
 * can make other keys ready (BLMOVE's destination): the loop runs until no key is ready.
 *
 * Timeouts belong to the embedder (a timer per blocked client with a timeout): it ends the
 * wait with CLIENT UNBLOCK <id> TIMEOUT, which queues the timeout reply the same way. */
#include "server.h"

#include <limits.h>
#include <math.h>
#include <string.h>

static const dictType blockingDictType = {NULL, NULL, NULL, NULL, 0, NULL};

void blockingInit(rlServer *s) {
    for (int i = 0; i < RL_DBNUM; i++) {
        s->db[i].blocking_keys = serverCreateDict(s, &blockingDictType);
        s->db[i].ready_keys = serverCreateDict(s, &blockingDictType);
    }
    s->clients_by_id = serverCreateDict(s, &blockingDictType);
}

void blockingFree(rlServer *s) {
    for (int i = 0; i < RL_DBNUM; i++) {
        dictRelease(s->db[i].blocking_keys); /* empty: clients unblock on release */
        dictRelease(s->db[i].ready_keys);
    }
    while (s->ready_head) {
        readyKey *rk = s->ready_head;
        s->ready_head = rk->next;
        sdsfree(rk->key);
        rl_free(rk);
    }
    s->ready_tail = NULL;
    dictRelease(s->clients_by_id);
}

void blockingClientAdd(rlClient *c) {
    dictAdd(c->srv->clients_by_id, &c->id, sizeof(c->id), c);
}

void blockingClientRemove(rlClient *c) {
    unblockClient(c);
    dictDelete(c->srv->clients_by_id, &c->id, sizeof(c->id));
}

int getTimeoutFromArgOrReply(rlClient *c, int idx, long long *timeout_ms) {
    long double secs;
    if (getLongDoubleFromArgOrReply(c, idx, &secs, "timeout is not a float or out of range") !=
        RL_OK)
        return RL_ERR;
    long double ms = ceill(secs * 1000.0L);
    /* Redis 7.0 converts with a plain cast, which turns anything past LLONG_MAX into a
     * negative number on x86: "timeout is negative" for those too. */
    if (!(ms >= 0) || ms >= 9223372036854775808.0L) {
        addReplyError(c, "timeout is negative");
        return RL_ERR;
    }
    *timeout_ms = (long long)ms;
    return RL_OK;
}

void blockForKeys(rlClient *c, int btype, const int *keyidx, int nkeys, long long timeout_ms) {
    if (c->flags & CLIENT_REPROCESSING) return; /* still nothing: stays blocked, in place */
    if (c->flags & CLIENT_IN_EXEC) {
        /* Inside a transaction nothing blocks: the command times out at once. */
        addReplyNull(c);
        return;
    }
    /* The embedder never runs a command on a blocked client (it queues them), but the core
     * must stay sound if one does: a new wait replaces the old one. */
    unblockClient(c);
    blockState *b = &c->bstate;
    b->btype = btype;
    b->db = c->db;
    b->timeout_ms = timeout_ms;
    b->nkeys = 0;
    b->keys = rl_malloc(sizeof(sds) * (size_t)nkeys);
    for (int i = 0; i < nkeys; i++) {
        const char *key = c->argv[keyidx[i]];
        size_t len = c->argvlen[keyidx[i]];
        int dup = 0;
        for (int j = 0; j < b->nkeys && !dup; j++)
            dup = sdslen(b->keys[j]) == len && rlMemEq(b->keys[j], key, len);
        if (dup) continue; /* BLPOP k k: queued once */
        b->keys[b->nkeys++] = sdsnewlen(key, len);
        dictEntry *existing = NULL;
        dictEntry *de = dictAddRaw(c->db->blocking_keys, key, len, &existing);
        if (de) dictSetVal(de, rl_calloc(1, sizeof(rlClientList)));
        clientListAppend(de ? dictGetVal(de) : dictGetVal(existing), c);
    }
    queuedCopy(&b->cmdline, c, c->cmd); /* run again when a key becomes ready */
    c->flags |= CLIENT_BLOCKED;
}

void blockForKeyRange(rlClient *c, int btype, int first, int last, long long timeout_ms) {
    int n = last - first + 1;
    int *idx = rl_malloc(sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++)
        idx[i] = first + i;
    blockForKeys(c, btype, idx, n, timeout_ms);
    rl_free(idx);
}

int blockingMpopCommand(rlClient *c, const char *end0, const char *end1, int btype,
                        int (*mpop)(rlClient *c, int *where_idx)) {
    int where, where_idx = 0, ok, done;
    long long count, timeout;
    clientShiftArgs(c, 1);
    ok = parseMpopArgsOrReply(c, end0, end1, &where, &where_idx, &count) == RL_OK;
    clientShiftArgs(c, -1);
    if (!ok || getTimeoutFromArgOrReply(c, 1, &timeout) != RL_OK) return 1;
    clientShiftArgs(c, 1);
    done = mpop(c, &where_idx);
    clientShiftArgs(c, -1);
    if (!done) blockForKeyRange(c, btype, 3, where_idx, timeout); /* keys: argv[3..where_idx] */
    return done;
}

void unblockClient(rlClient *c) {
    if (!(c->flags & CLIENT_BLOCKED)) return;
    blockState *b = &c->bstate;
    for (int i = 0; i < b->nkeys; i++) {
        dictEntry *de = dictFind(b->db->blocking_keys, b->keys[i], sdslen(b->keys[i]));
        if (de) {
            rlClientList *l = dictGetVal(de);
            clientListRemove(l, c);
            if (l->n == 0) {
                clientListFree(l);
                dictDelete(b->db->blocking_keys, b->keys[i], sdslen(b->keys[i]));
            }
        }
        sdsfree(b->keys[i]);
    }
    rl_free(b->keys);
    queuedFree(&b->cmdline);
    memset(b, 0, sizeof(*b));
    c->flags &= ~CLIENT_BLOCKED;
}

void signalKeyAsReadySlow(rlDb *db, const char *key, size_t len) {
    if (!dictFind(db->blocking_keys, key, len)) return;
    if (dictAdd(db->ready_keys, key, len, NULL) != DICT_OK) return; /* already listed */
    rlServer *s = db->srv;
    readyKey *rk = rl_malloc(sizeof(*rk));
    rk->db = db;
    rk->key = sdsnewlen(key, len);
    rk->next = NULL;
    if (s->ready_tail)
        s->ready_tail->next = rk;
    else
        s->ready_head = rk;
    s->ready_tail = rk;
}

/* Queue 'rec' as the blocked client's reply and unblock it. */
static void replyToBlocked(rlClient *bc, sds rec) {
    int flags = bc->bstate.reply_flags;
    unblockClient(bc);
    outboxAppend(bc->srv, bc, RL_OUT_REPLY, rec, flags);
}

/* Run blocked client 'bc''s command again. Returns 1 if it was served (and unblocked). */
static int serveBlockedClient(rlClient *bc) {
    blockState *b = &bc->bstate;
    const rlReplyOps *ops = bc->ops;
    void *ctx = bc->ctx;
    sds rec = sdsempty();
    bc->ops = &rlRecordSink;
    bc->ctx = &rec;
    bc->argc = b->cmdline.argc;
    bc->argv = (const char *const *)b->cmdline.argv;
    bc->argvlen = b->cmdline.argvlen;
    bc->db = b->db;
    bc->now_valid = 0;
    bc->flags |= CLIENT_REPROCESSING;
    call(bc, b->cmdline.cmd);
    bc->flags &= ~CLIENT_REPROCESSING;
    bc->ops = ops;
    bc->ctx = ctx;
    bc->argc = 0;
    bc->argv = NULL;
    bc->argvlen = NULL;
    int served = sdslen(rec) > 0;
    if (served) replyToBlocked(bc, rec);
    sdsfree(rec);
    return served;
}

void handleClientsBlockedOnKeys(rlServer *s) {
    while (s->ready_head) {
        readyKey *rk = s->ready_head;
        s->ready_head = rk->next;
        if (!s->ready_head) s->ready_tail = NULL;
        rlDb *db = rk->db;
        size_t len = sdslen(rk->key);
        dictDelete(db->ready_keys, rk->key, len);
        dictEntry *de = dictFind(db->blocking_keys, rk->key, len);
        if (de) {
            /* Serving unblocks clients (removing them from this list): walk a copy. */
            rlClientList *l = dictGetVal(de);
            size_t n = l->n;
            rlClient **order = rl_malloc(sizeof(*order) * n);
            memcpy(order, l->v, sizeof(*order) * n);
            for (size_t i = 0; i < n; i++) {
                dictEntry *kde = dictFind(db->keys, rk->key, len);
                if (!kde) break; /* emptied: the rest wait */
                /* A value of another type does not serve (Redis 7.0): the client waits on. */
                const robj *o = keyVal(kde);
                if (!(order[i]->flags & CLIENT_BLOCKED) || o->type != order[i]->bstate.btype)
                    continue;
                serveBlockedClient(order[i]);
            }
            rl_free(order);
        }
        sdsfree(rk->key);
        rl_free(rk);
    }
}

/* SWAPDB: every key of 'db' that clients wait on may now exist. */
void scanDatabaseForReadyKeys(rlDb *db) {
    if (dictSize(db->blocking_keys) == 0) return;
    dictIterator *it = dictGetIterator(db->blocking_keys);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL)
        if (dictFind(db->keys, de->key, de->keylen)) signalKeyAsReadySlow(db, de->key, de->keylen);
    dictReleaseIterator(it);
}

/* CLIENT UNBLOCK client-id [TIMEOUT|ERROR] */
void clientUnblockCommand(rlClient *c) {
    long long id;
    if (getLongLongFromArgOrReply(c, 2, &id, NULL) != RL_OK) return;
    int error = 0;
    if (c->argc == 4) {
        if (argEq(c, 3, "error")) {
            error = 1;
        } else if (!argEq(c, 3, "timeout")) {
            addReplyError(c, "CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
            return;
        }
    } else if (c->argc > 4) {
        addReplyErrorArity(c);
        return;
    }
    uint64_t key = (uint64_t)id;
    dictEntry *de = dictFind(c->srv->clients_by_id, &key, sizeof(key));
    rlClient *bc = de ? dictGetVal(de) : NULL;
    if (!bc || !(bc->flags & CLIENT_BLOCKED)) {
        addReplyLongLong(c, 0);
        return;
    }
    sds rec = sdsempty();
    if (error) {
        const char *msg = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
        rlRecordSink.error(&rec, msg, strlen(msg));
    } else {
        rlRecordSink.null(&rec);
    }
    replyToBlocked(bc, rec);
    sdsfree(rec);
    addReplyLongLong(c, 1);
}

int rlClientIsBlocked(const rlClient *c) {
    return (c->flags & CLIENT_BLOCKED) != 0;
}

long long rlClientBlockedTimeout(const rlClient *c) {
    return c->bstate.timeout_ms;
}

void rlClientSetBlockedReplyFlags(rlClient *c, int flags) {
    c->bstate.reply_flags = flags;
}
