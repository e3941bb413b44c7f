/* multi.c -- MULTI / EXEC / DISCARD / WATCH / UNWATCH. Commands issued inside MULTI are
 * copied into the client's queue; EXEC runs them back to back (nothing else can run in
 * between: the core is single-threaded) and replies with an array of their replies, errors
 * included. A command rejected at queue time (unknown, wrong arity) marks the transaction
 * so EXEC aborts. WATCHed keys live in a per-db dict (key -> watching clients); every
 * write calls signalModifiedKey, which marks the watchers dirty so their EXEC fails. */
#include "server.h"

#include <string.h>

void queuedFree(rlQueued *q) {
    for (int i = 0; i < q->argc; i++)
        rl_free(q->argv[i]);
    rl_free(q->argv);
    rl_free(q->argvlen);
    memset(q, 0, sizeof(*q));
}

void queuedCopy(rlQueued *q, const rlClient *c, const rlCommand *cmd) {
    q->cmd = cmd;
    q->argc = c->argc;
    q->argv = rl_malloc(sizeof(char *) * (size_t)c->argc);
    q->argvlen = rl_malloc(sizeof(size_t) * (size_t)c->argc);
    for (int i = 0; i < c->argc; i++) {
        q->argv[i] = rl_malloc(c->argvlen[i] + 1);
        memcpy(q->argv[i], c->argv[i], c->argvlen[i]);
        q->argv[i][c->argvlen[i]] = '\0';
        q->argvlen[i] = c->argvlen[i];
    }
}

/* Drop the MULTI queue and flags. */
void freeClientMultiState(rlClient *c) {
    for (int i = 0; i < c->mcount; i++)
        queuedFree(&c->mstate[i]);
    rl_free(c->mstate);
    c->mstate = NULL;
    c->mcount = c->mcap = 0;
    c->flags &= ~(CLIENT_MULTI | CLIENT_DIRTY_EXEC);
}

/* Copy the current command into the queue. */
void queueMultiCommand(rlClient *c, const rlCommand *cmd) {
    if (c->mcount == c->mcap) {
        c->mcap = c->mcap ? c->mcap * 2 : 8;
        c->mstate = rl_realloc(c->mstate, sizeof(rlQueued) * (size_t)c->mcap);
    }
    queuedCopy(&c->mstate[c->mcount++], c, cmd);
}

/* MULTI */
void multiCommand(rlClient *c) {
    if (c->flags & CLIENT_MULTI) {
        addReplyError(c, RL_ERR_MULTI_NESTED);
        return;
    }
    c->flags |= CLIENT_MULTI;
    addReplyOK(c);
}

/* End the transaction without running it: drop the queue and every WATCH. */
static void discardTransaction(rlClient *c) {
    freeClientMultiState(c);
    c->flags &= ~CLIENT_DIRTY_CAS;
    unwatchAllKeys(c);
}

static int isWatchedKeyExpired(rlClient *c);

/* DISCARD */
void discardCommand(rlClient *c) {
    if (!(c->flags & CLIENT_MULTI)) {
        addReplyError(c, RL_ERR_DISCARD_NOMULTI);
        return;
    }
    discardTransaction(c);
    addReplyOK(c);
}

int multiQueuedFlags(const rlClient *c) {
    int flags = 0;
    for (int i = 0; i < c->mcount; i++)
        flags |= c->mstate[i].cmd->info.flags;
    return flags;
}

void execCommandAbort(rlClient *c, const char *error) {
    discardTransaction(c);
    if (error[0] == '-') error++;
    addReplyErrorFormat(c, "-EXECABORT Transaction discarded because of: %s", error);
}

/* EXEC: run the queue; reply an array with one reply per command. */
void execCommand(rlClient *c) {
    if (!(c->flags & CLIENT_MULTI)) {
        addReplyError(c, RL_ERR_EXEC_NOMULTI);
        return;
    }
    if (isWatchedKeyExpired(c)) c->flags |= CLIENT_DIRTY_CAS;
    /* A queue-time error aborts with EXECABORT; a changed WATCHed key with a null reply
     * (node-redis raises WatchError for it). */
    if (c->flags & (CLIENT_DIRTY_EXEC | CLIENT_DIRTY_CAS)) {
        if (c->flags & CLIENT_DIRTY_EXEC)
            addReplyError(c, RL_ERR_EXECABORT);
        else
            addReplyNull(c);
        discardTransaction(c);
        return;
    }
    unwatchAllKeys(c);
    /* Detach the queue so the commands run as if outside MULTI. */
    rlQueued *queue = c->mstate;
    int count = c->mcount;
    c->mstate = NULL;
    c->mcount = c->mcap = 0;
    c->flags &= ~CLIENT_MULTI;
    int argc = c->argc;
    const char *const *argv = c->argv;
    const size_t *argvlen = c->argvlen;

    addReplyArrayLen(c, count);
    c->flags |= CLIENT_IN_EXEC;
    for (int i = 0; i < count; i++) {
        c->argc = queue[i].argc;
        c->argv = (const char *const *)queue[i].argv;
        c->argvlen = queue[i].argvlen;
        call(c, queue[i].cmd);
    }
    c->flags &= ~CLIENT_IN_EXEC;
    addReplyAggregateEnd(c, RL_AGG_ARRAY);

    c->argc = argc;
    c->argv = argv;
    c->argvlen = argvlen;
    for (int i = 0; i < count; i++)
        queuedFree(&queue[i]);
    rl_free(queue);
}

/* ---------------------------------------------------------------- WATCH */

/* Watch 'key' in the client's db unless it already does. */
static void watchForKey(rlClient *c, const char *key, size_t len) {
    for (size_t i = 0; i < c->nwatched; i++) {
        watchedKey *wk = &c->watched[i];
        if (wk->db == c->db && sdslen(wk->key) == len && rlMemEq(wk->key, key, len)) return;
    }
    dictEntry *existing = NULL;
    dictEntry *de = dictAddRaw(c->db->watched_keys, key, len, &existing);
    if (de) dictSetVal(de, rl_calloc(1, sizeof(rlClientList)));
    clientListAppend(de ? dictGetVal(de) : dictGetVal(existing), c);
    if (c->nwatched == c->capwatched) {
        c->capwatched = c->capwatched ? c->capwatched * 2 : 4;
        c->watched = rl_realloc(c->watched, c->capwatched * sizeof(*c->watched));
    }
    watchedKey *wk = &c->watched[c->nwatched++];
    wk->db = c->db;
    wk->key = sdsnewlen(key, len);
    wk->expired = keyIsExpiredAt(c->db, key, len, cmdNowMs(c));
}

void unwatchAllKeys(rlClient *c) {
    for (size_t i = 0; i < c->nwatched; i++) {
        watchedKey *wk = &c->watched[i];
        dictEntry *de = dictFind(wk->db->watched_keys, wk->key, sdslen(wk->key));
        if (de) {
            rlClientList *l = dictGetVal(de);
            clientListRemove(l, c);
            if (l->n == 0) {
                clientListFree(l);
                dictDelete(wk->db->watched_keys, wk->key, sdslen(wk->key));
            }
        }
        sdsfree(wk->key);
    }
    rl_free(c->watched);
    c->watched = NULL;
    c->nwatched = c->capwatched = 0;
}

/* The client's watchedKey for 'key' in 'db', or NULL. */
static watchedKey *findWatched(rlClient *c, rlDb *db, const char *key, size_t len) {
    for (size_t i = 0; i < c->nwatched; i++) {
        watchedKey *wk = &c->watched[i];
        if (wk->db == db && sdslen(wk->key) == len && rlMemEq(wk->key, key, len)) return wk;
    }
    return NULL;
}

void touchWatchedKey(rlDb *db, const char *key, size_t len) {
    dictEntry *de = dictFind(db->watched_keys, key, len);
    if (!de) return;
    rlClientList *l = dictGetVal(de);
    for (size_t i = 0; i < l->n; i++) {
        rlClient *c = l->v[i];
        watchedKey *wk = findWatched(c, db, key, len);
        if (wk && wk->expired) {
            /* Watched while already (logically) expired: its deletion changes nothing
             * the client saw. Any later change counts. (Redis 7.0's rule.) */
            wk->expired = 0;
            if (!dictFind(db->keys, key, len)) continue;
        }
        c->flags |= CLIENT_DIRTY_CAS;
    }
}

void touchAllWatchedKeysInDb(rlDb *emptied, rlDb *replaced_with) {
    if (dictSize(emptied->watched_keys) == 0) return;
    dictIterator *it = dictGetIterator(emptied->watched_keys);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        int exists = dictFind(emptied->keys, de->key, de->keylen) != NULL;
        if (!exists && replaced_with)
            exists = dictFind(replaced_with->keys, de->key, de->keylen) != NULL;
        if (!exists) continue;
        rlClientList *l = dictGetVal(de);
        for (size_t i = 0; i < l->n; i++)
            l->v[i]->flags |= CLIENT_DIRTY_CAS;
    }
    dictReleaseIterator(it);
}

/* 1 if a watched key that was alive when watched has expired since (EXEC fails then). */
static int isWatchedKeyExpired(rlClient *c) {
    for (size_t i = 0; i < c->nwatched; i++) {
        watchedKey *wk = &c->watched[i];
        if (wk->expired) continue;
        if (keyIsExpiredAt(wk->db, wk->key, sdslen(wk->key), cmdNowMs(c))) return 1;
    }
    return 0;
}

/* WATCH key [key ...] */
void watchCommand(rlClient *c) {
    if (c->flags & CLIENT_MULTI) {
        addReplyError(c, RL_ERR_WATCH_IN_MULTI);
        return;
    }
    /* Already dirty: nothing more to watch for. */
    if (!(c->flags & CLIENT_DIRTY_CAS)) {
        for (int i = 1; i < c->argc; i++)
            watchForKey(c, c->argv[i], c->argvlen[i]);
    }
    addReplyOK(c);
}

/* UNWATCH */
void unwatchCommand(rlClient *c) {
    unwatchAllKeys(c);
    c->flags &= ~CLIENT_DIRTY_CAS;
    addReplyOK(c);
}
