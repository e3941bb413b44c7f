/* redlite.h -- the public API of the redlite core.
 *
 * A server is one Redis-compatible keyspace (16 databases, expiry, stats). Clients are
 * connections to it: each has a selected database and its own MULTI state. Commands run
 * synchronously through rlExec() and reply through a sink of callbacks, so the caller
 * decides how replies are represented (JS values in the binding, RESP text in tests).
 *
 * Nothing here is global: several servers may live in one process or in several threads
 * (one thread per server at a time). This is the only core header the binding includes.
 */
#ifndef REDLITE_H
#define REDLITE_H

#include <stddef.h>
#include <stdint.h>

typedef struct rlServer rlServer;
typedef struct rlClient rlClient;

/* Aggregate kinds passed to rlReplyOps.aggregate_begin. */
#define RL_AGG_ARRAY 0
#define RL_AGG_SET 1
#define RL_AGG_MAP 2 /* 'count' is the number of key/value PAIRS */

/* A reply sink: how a command's reply is delivered (the model is hiredis's
 * redisReplyObjectFunctions). Aggregates are opened with aggregate_begin(count) and
 * closed with aggregate_end; their elements are the calls in between. Strings are
 * binary-safe and only valid during the call. */
typedef struct rlReplyOps {
    void (*status)(void *ctx, const char *s, size_t len);
    void (*error)(void *ctx, const char *s, size_t len);
    void (*integer)(void *ctx, long long v);
    void (*dbl)(void *ctx, double v);
    void (*bulk)(void *ctx, const char *s, size_t len);
    void (*verbatim)(void *ctx, const char *s, size_t len); /* INFO's text */
    void (*null)(void *ctx);
    void (*boolean)(void *ctx, int v);
    void (*aggregate_begin)(void *ctx, int kind, long count);
    void (*aggregate_end)(void *ctx, int kind);
} rlReplyOps;

/* Returns the current time in microseconds since the Unix epoch. */
typedef long long (*rlClockFn)(void *clock_ctx);

typedef struct rlConfig {
    rlClockFn clock;   /* NULL: the C library's timespec_get */
    void *clock_ctx;   /* handed to 'clock' */
    uint64_t seed;     /* seeds hash keys and sampling; 0 picks one from the clock */
    int active_expire; /* 0 disables the active expire cycle (tests) */
} rlConfig;

/* Create a server. 'cfg' may be NULL for defaults. The server starts with one reference
 * owned by the caller. */
rlServer *rlServerNew(const rlConfig *cfg);
/* Add / drop a reference; the last drop frees the server and everything in it. */
void rlServerRetain(rlServer *s);
void rlServerRelease(rlServer *s);

/* Create a client on 's' (database 0). The client holds a reference on the server. */
rlClient *rlClientNew(rlServer *s);
/* Free a client (its MULTI queue) and drop its server reference. */
void rlClientRelease(rlClient *c);

/* Run one command: 'argc' arguments, argv[i] of argvlen[i] bytes (argv[0] is the command
 * name, any case). The reply goes to 'ops' with 'ctx'. Arguments are only read during the
 * call. Never aborts on any input. */
void rlExec(rlClient *c, int argc, const char *const *argv, const size_t *argvlen,
            const rlReplyOps *ops, void *ctx);
/* rlExec of the command at 'index' in the table (rlCommandAt), without looking argv[0] up:
 * for callers that resolved the name once and pass the command's number on every call.
 * argv[0] should be its name (error replies and MULTI's queue show it). An index out of
 * range, of a container or of a subcommand is ignored: argv[0] is looked up as rlExec
 * does. */
void rlExecAt(rlClient *c, size_t index, int argc, const char *const *argv, const size_t *argvlen,
              const rlReplyOps *ops, void *ctx);

/* The protocol the client speaks (2 or 3; default 3). A RESP2 client that is subscribed
 * to anything may only run the subscription commands and PING, as in Redis. */
void rlClientSetProtocol(rlClient *c, int resp);
/* The server 'c' is a client of. */
rlServer *rlClientServer(const rlClient *c);
/* The client's id: unique in its server, from 1 upwards (CLIENT ID). */
uint64_t rlClientId(const rlClient *c);
/* Flags of the embedder's own (the binding's reply flags), copied into every outbox
 * message for 'c' so the embedder can render each message as that client wants. */
void rlClientSetPushFlags(rlClient *c, int flags);

/* ---- Blocking commands (BLPOP...). A command that has to wait replies nothing and leaves
 * the client blocked; its reply comes later through the outbox (RL_OUT_REPLY), when another
 * client's write serves it or when the embedder ends the wait with CLIENT UNBLOCK <id>
 * TIMEOUT (the core keeps no timers). */
int rlClientIsBlocked(const rlClient *c);
/* The blocked command's timeout in milliseconds; 0 waits forever. */
long long rlClientBlockedTimeout(const rlClient *c);
/* The flags the embedder wants the blocked command's reply rendered with (copied into its
 * RL_OUT_REPLY message). */
void rlClientSetBlockedReplyFlags(rlClient *c, int flags);

/* ---- The outbox: messages for clients outside their own command's reply.
 * The core never calls the embedder during a command. Pub/sub messages (PUBLISH, keyspace
 * notifications) are queued on the server, in order; the embedder drains them later,
 * replaying each into a sink. A message's client may have been released meanwhile: the
 * embedder drops messages whose client it no longer knows. */
/* ["message", channel, payload] or ["pmessage", pattern, channel, payload] */
#define RL_OUT_MESSAGE 1
/* the reply of the client's blocked command; the client is no longer blocked */
#define RL_OUT_REPLY 2

/* Number of queued messages. */
size_t rlOutboxPending(const rlServer *s);
/* 1 if the outbox became non-empty since the last call (then cleared): lets the embedder
 * schedule one drain per burst with a single test after each command. */
int rlOutboxTakeSignal(rlServer *s);
/* The oldest message's client id, kind (RL_OUT_*) and that client's push flags; 0 if the
 * outbox is empty. */
int rlOutboxPeek(const rlServer *s, uint64_t *client_id, int *kind, int *flags);
/* Remove the oldest message, replaying it into 'ops'/'ctx' first (when 'ops' is not NULL). */
void rlOutboxPop(rlServer *s, const rlReplyOps *ops, void *ctx);

/* Run background work (active expiry, dict rehashing, lazy frees) for at most about
 * 'budget_us' microseconds. Returns the delay in milliseconds the caller should wait
 * before the next call: 0 when work remains (call again soon), else the idle period. */
long long rlCron(rlServer *s, long long budget_us);

/* The command table as plain data (read by the binding to build the JS methods). */
typedef struct rlCommandInfo {
    const char *name;   /* wire name, lowercase; subcommands as "object|encoding" */
    const char *method; /* node-redis camelCase method name; "" for client-level commands */
    int arity;          /* Redis convention: N exactly, -N at least N */
    int flags;          /* RL_CMD_* */
    int firstkey, lastkey, keystep;
} rlCommandInfo;

#define RL_CMD_WRITE (1 << 0)
#define RL_CMD_READONLY (1 << 1)
#define RL_CMD_FAST (1 << 2)
#define RL_CMD_DENYOOM (1 << 3)
#define RL_CMD_NOQUEUE (1 << 4)   /* runs at once even inside MULTI (MULTI, EXEC, DISCARD) */
#define RL_CMD_CONTAINER (1 << 5) /* has subcommands; the row itself is not callable */
#define RL_CMD_BLOCKING (1 << 6)  /* may block the client (BLPOP...): not on the sync facade */

size_t rlCommandCount(void);
const rlCommandInfo *rlCommandAt(size_t i);

/* A reply-shape variant: one more JS method for an existing wire command, as node-redis
 * has (HRANDFIELD_COUNT / hRandFieldCount sends HRANDFIELD with a count). The C side
 * ignores these rows; the JS layer builds the methods from them. */
typedef struct rlVariantInfo {
    const char *name;   /* the wire command's row name */
    const char *upper;  /* node-redis UPPERCASE method name (its lib/commands module) */
    const char *method; /* node-redis camelCase method name */
} rlVariantInfo;

size_t rlVariantCount(void);
const rlVariantInfo *rlVariantAt(size_t i);

/* Check the server's internal invariants (dict counts, expires subset of keys...). Returns
 * 1 when all hold; otherwise 0 with a description in 'err'. O(N): tests and fuzzing only. */
int rlDebugCheck(rlServer *s, char *err, size_t errlen);

#endif
