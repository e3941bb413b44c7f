/* multi.c -- MULTI / EXEC / DISCARD. Commands issued inside MULTI are copied into the
 * client's queue; EXEC runs them back to back (nothing else can run in between: the core is
 * single-threaded) and replies with an array of their replies, errors included. A command
 * rejected at queue time (unknown, wrong arity) marks the transaction so EXEC aborts. */
#include "server.h"

#include <string.h>

static void freeQueued(rlQueued *q) {
    for (int i = 0; i < q->argc; i++)
        rl_free(q->argv[i]);
    rl_free(q->argv);
    rl_free(q->argvlen);
}

/* Drop the MULTI queue and flags. */
void freeClientMultiState(rlClient *c) {
    for (int i = 0; i < c->mcount; i++)
        freeQueued(&c->mstate[i]);
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
    rlQueued *q = &c->mstate[c->mcount++];
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

/* MULTI */
void multiCommand(rlClient *c) {
    if (c->flags & CLIENT_MULTI) {
        addReplyError(c, RL_ERR_MULTI_NESTED);
        return;
    }
    c->flags |= CLIENT_MULTI;
    addReplyOK(c);
}

/* DISCARD */
void discardCommand(rlClient *c) {
    if (!(c->flags & CLIENT_MULTI)) {
        addReplyError(c, RL_ERR_DISCARD_NOMULTI);
        return;
    }
    freeClientMultiState(c);
    addReplyOK(c);
}

/* EXEC: run the queue; reply an array with one reply per command. */
void execCommand(rlClient *c) {
    if (!(c->flags & CLIENT_MULTI)) {
        addReplyError(c, RL_ERR_EXEC_NOMULTI);
        return;
    }
    if (c->flags & CLIENT_DIRTY_EXEC) {
        freeClientMultiState(c);
        addReplyError(c, RL_ERR_EXECABORT);
        return;
    }
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
    for (int i = 0; i < count; i++) {
        c->argc = queue[i].argc;
        c->argv = (const char *const *)queue[i].argv;
        c->argvlen = queue[i].argvlen;
        call(c, queue[i].cmd);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);

    c->argc = argc;
    c->argv = argv;
    c->argvlen = argvlen;
    for (int i = 0; i < count; i++)
        freeQueued(&queue[i]);
    rl_free(queue);
}
