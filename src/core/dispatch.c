/* dispatch.c -- rlExec, Redis's processCommand in miniature.
 *
 * Order: lookup (unknown command text as Redis) -> container/subcommand -> arity ->
 * memory limits (evict; OOM for commands that grow memory) -> RESP2 subscriber gate ->
 * MULTI queueing -> clock read once -> the proc -> stats -> blocked clients served ->
 * memory limits again. Procs never re-check any of this. */
#include "server.h"

#include <string.h>

/* Longest argument excerpt quoted in an "unknown command" error, and how many args. */
#define UNKNOWN_ARGS_BYTES 128

/* Reply Redis's "unknown command" error: the name and up to the first arguments, each
 * quoted and followed by a space (as Redis 7 formats them). */
static void replyUnknownCommand(rlClient *c, int argc, const char *const *argv,
                                const size_t *argvlen) {
    char args[UNKNOWN_ARGS_BYTES + 64];
    size_t used = 0;
    args[0] = '\0';
    for (int i = 1; i < argc && used < UNKNOWN_ARGS_BYTES; i++) {
        size_t room = UNKNOWN_ARGS_BYTES - used;
        size_t n = argvlen[i] < room ? argvlen[i] : room;
        const char *nul = memchr(argv[i], '\0', n); /* Redis's '%.*s' stops at a NUL */
        if (nul) n = (size_t)(nul - argv[i]);
        args[used++] = '\'';
        memcpy(args + used, argv[i], n);
        used += n;
        args[used++] = '\'';
        args[used++] = ' ';
        args[used] = '\0';
    }
    char name[129];
    size_t nl = argvlen[0] < 128 ? argvlen[0] : 128;
    memcpy(name, argv[0], nl);
    name[nl] = '\0';
    addReplyErrorFormat(c, RL_ERR_UNKNOWN_CMD_FMT, name, args);
}

static void replyUnknownSubcommand(rlClient *c, const rlCommand *container) {
    char sub[129];
    size_t n = c->argvlen[1] < 128 ? c->argvlen[1] : 128;
    memcpy(sub, c->argv[1], n);
    sub[n] = '\0';
    char upper[32];
    size_t i = 0;
    for (const char *p = container->info.name; *p && i < sizeof(upper) - 1; p++)
        upper[i++] = (*p >= 'a' && *p <= 'z') ? (char)(*p - 32) : *p;
    upper[i] = '\0';
    addReplyErrorFormat(c, RL_ERR_UNKNOWN_SUBCMD_FMT, sub, upper);
}

/* lookupCommand through the client's small cache of names as sent ("GET", "get"...): a
 * hit costs one short memcmp instead of lowercasing and hashing. */
static const rlCommand *lookupCommandCached(rlClient *c, const char *name, size_t len) {
    if (len < CLIENT_CMD_CACHE_NAME) {
        for (int i = 0; i < CLIENT_CMD_CACHE; i++) {
            if (c->cmdcache[i].cmd && c->cmdcache[i].len == len &&
                rlMemEq(c->cmdcache[i].name, name, len))
                return c->cmdcache[i].cmd;
        }
    }
    const rlCommand *cmd = lookupCommand(c->srv, name, len);
    if (cmd && len < CLIENT_CMD_CACHE_NAME) {
        unsigned slot = c->cmdcache_next++ % CLIENT_CMD_CACHE;
        c->cmdcache[slot].cmd = cmd;
        c->cmdcache[slot].len = (uint8_t)len;
        memcpy(c->cmdcache[slot].name, name, len);
    }
    return cmd;
}

static int arityOk(const rlCommand *cmd, int argc) {
    int a = cmd->info.arity;
    return (a > 0 && argc == a) || (a < 0 && argc >= -a);
}

/* Run the proc of 'cmd' with the client's current argv; count it. */
void call(rlClient *c, const rlCommand *cmd) {
    const rlCommand *saved = c->cmd;
    c->cmd = cmd;
    c->touched = NULL;
    cmd->proc(c);
    c->cmd = saved;
    c->srv->stats.total_commands++;
}

/* The command to run for the client's current argv: checks argument sizes, looks the name
 * (and a container's subcommand) up unless 'known' gives the command, and checks the
 * arity. On failure it replies Redis's error and returns NULL. */
static const rlCommand *resolveCommand(rlClient *c, const rlCommand *known) {
    int argc = c->argc;
    const char *const *argv = c->argv;
    const size_t *argvlen = c->argvlen;
    /* Redis refuses a bulk argument longer than proto-max-bulk-len at the protocol level. */
    for (int i = 0; i < argc; i++) {
        if (argvlen[i] > (size_t)RL_MAX_STRING_SIZE) {
            addReplyError(c, RL_ERR_BULK_LENGTH);
            return NULL;
        }
    }
    const rlCommand *cmd = known ? known : lookupCommandCached(c, argv[0], argvlen[0]);
    if (!cmd) {
        replyUnknownCommand(c, argc, argv, argvlen);
        return NULL;
    }
    if (cmd->info.flags & RL_CMD_CONTAINER) {
        c->cmd = cmd;
        if (argc < 2) {
            addReplyErrorArity(c);
            return NULL;
        }
        const rlCommand *sub = lookupSubcommand(c->srv, cmd, argv[1], argvlen[1]);
        if (!sub) {
            replyUnknownSubcommand(c, cmd);
            return NULL;
        }
        cmd = sub;
    }
    c->cmd = cmd;
    if (!arityOk(cmd, argc)) {
        addReplyErrorArity(c);
        return NULL;
    }
    return cmd;
}

/* Redis's maxmemory gate: evict (a bounded step) while over a limit; when that fails,
 * refuse commands that may grow memory with OOM (inside MULTI: every command but EXEC and
 * DISCARD, flagging the transaction; EXEC when it queued such a command). Returns 1 when
 * 'cmd' was refused. */
static int rejectOnOom(rlClient *c, const rlCommand *cmd) {
    if (performEvictions(c->srv) != EVICT_FAIL && !evictKeysFull(c->srv)) return 0;
    int is_exec = cmd->proc == execCommand;
    int reject = (cmd->info.flags & RL_CMD_DENYOOM) ||
                 (is_exec && (c->flags & CLIENT_MULTI) && multiQueuedFlags(c) & RL_CMD_DENYOOM);
    if ((c->flags & CLIENT_MULTI) && !is_exec && cmd->proc != discardCommand) reject = 1;
    if (!reject) return 0;
    if (is_exec && (c->flags & CLIENT_MULTI)) {
        execCommandAbort(c, RL_ERR_OOM);
        return 1;
    }
    if (c->flags & CLIENT_MULTI) c->flags |= CLIENT_DIRTY_EXEC;
    addReplyError(c, RL_ERR_OOM);
    return 1;
}

/* rlExec / rlExecAt: 'known' is the command when the caller gave its number, else NULL. */
static void runArgv(rlClient *c, const rlCommand *known, int argc, const char *const *argv,
                    const size_t *argvlen, const rlReplyOps *ops, void *ctx) {
    c->ops = ops;
    c->ctx = ctx;
    if (argc < 1) {
        addReplyError(c, "empty command");
        return;
    }
    cronRunIfStarved(c->srv); /* between commands, as Redis's serverCron */
    c->argc = argc;
    c->argv = argv;
    c->argvlen = argvlen;
    const rlCommand *cmd = resolveCommand(c, known);
    c->now_valid = 0; /* the clock is read at first use (cmdNowMs), once per command */
    int limits = evictLimitSet(c->srv);
    if (cmd && limits) {
        cmdNowUs(c); /* fresh access clock for LRU/LFU stamps while a limit is set */
        if (rejectOnOom(c, cmd)) return;
    }
    if (cmd && (c->flags & CLIENT_RESP2) && pubsubRejectInContext(c, cmd)) cmd = NULL;
    if (!cmd) {
        /* a command rejected while queueing makes EXEC abort (EXECABORT) */
        if (c->flags & CLIENT_MULTI) c->flags |= CLIENT_DIRTY_EXEC;
        return;
    }
    if ((c->flags & CLIENT_MULTI) && !(cmd->info.flags & RL_CMD_NOQUEUE)) {
        queueMultiCommand(c, cmd);
        addReplyStatus(c, "QUEUED");
        return;
    }
    call(c, cmd);
    if (c->srv->ready_head) handleClientsBlockedOnKeys(c->srv);
    if (limits) performEvictions(c->srv); /* EXEC too: any command may have added */
}

void rlExec(rlClient *c, int argc, const char *const *argv, const size_t *argvlen,
            const rlReplyOps *ops, void *ctx) {
    runArgv(c, NULL, argc, argv, argvlen, ops, ctx);
}

void rlExecAt(rlClient *c, size_t index, int argc, const char *const *argv, const size_t *argvlen,
              const rlReplyOps *ops, void *ctx) {
    const rlCommand *known = commandAt(index);
    /* a container, or one of its subcommands ("object|encoding"), is found from the argv */
    if (known && ((known->info.flags & RL_CMD_CONTAINER) || strchr(known->info.name, '|')))
        known = NULL;
    runArgv(c, known, argc, argv, argvlen, ops, ctx);
}
