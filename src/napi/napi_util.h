/* napi_util.h -- status checking for Node-API calls (in the style of node's
 * test/js-native-api/common.h) and the binding's per-instance data. */
#ifndef RL_NAPI_UTIL_H
#define RL_NAPI_UTIL_H

#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include <node_api.h>
#include <stddef.h>

#include "../core/redlite.h"

/* Per-instance (per worker thread) data: error constructors and scratch buffers reused by
 * every call so a command allocates nothing on the C heap in the common case. */
typedef struct rlAddon {
    napi_ref simple_error; /* lib/errors.js SimpleError */
    napi_ref map_ctor;     /* Map, and Map.prototype.set (for RL_REPLY_MAP_AS_MAP) */
    napi_ref map_put;
    napi_ref set_ctor; /* Set, and Set.prototype.add (for RL_REPLY_SET_AS_SET) */
    napi_ref set_put;
    napi_ref array_of;     /* (...a) => a: builds short reply arrays in one call */
    napi_ref outbox_ready; /* () => void: a server's outbox turned non-empty (lib drains) */
    napi_ref blocked;      /* what exec returns for a command that blocked (lib's BLOCKED) */
    napi_value *vals;      /* js_reply.c's value stack (handles of the current call only) */
    size_t vals_cap;
    char *arena; /* argument bytes of the current call (strings copied as UTF-8) */
    size_t arena_cap;
    uint16_t *u16; /* a string argument's UTF-16 code units, before encoding to the arena */
    size_t u16_cap;
    const char **argv;
    size_t *argvlen;
    size_t *argvoff; /* offset in arena, or SIZE_MAX when argv[i] points elsewhere */
    size_t argv_cap;
    char *pack; /* js_reply.c: a packed reply being built (RL_REPLY_PACK) */
    size_t pack_cap;
    int busy; /* exec or outboxDrain is running: the scratch above and a server are in use */
} rlAddon;

/* Throw an internal error (code ERR_REDLITE_INTERNAL) unless an exception is pending. */
void rlThrowInternal(napi_env env, const char *where);

#define NAPI_CALL(env, call)                                                                       \
    do {                                                                                           \
        if ((call) != napi_ok) {                                                                   \
            rlThrowInternal((env), #call);                                                         \
            return NULL;                                                                           \
        }                                                                                          \
    } while (0)

#define NAPI_CALL_INT(env, call)                                                                   \
    do {                                                                                           \
        if ((call) != napi_ok) {                                                                   \
            rlThrowInternal((env), #call);                                                         \
            return -1;                                                                             \
        }                                                                                          \
    } while (0)

/* js_args.c: convert JS arguments (strings/Buffers) for the core, from an array or from
 * 'n' values (with 'name' not NULL, argv[0] is 'name' and values[0] is not read). Returns
 * argc, or -1 with a JS exception pending (node-redis's TypeError for a bad argument). */
int rlArgsFromArray(napi_env env, rlAddon *a, napi_value array);
int rlArgsFromValues(napi_env env, rlAddon *a, size_t n, const napi_value *values,
                     const char *name);

/* js_reply.c: run a command and build its reply as a JS value (lib's BLOCKED object when
 * the command blocked the client: its reply comes later through the outbox). */
typedef struct rlJsReply rlJsReply;
/* 'cmdno' > 0: the command is row cmdno - 1 of the table (rlExecAt), else argv[0] names it. */
napi_value rlExecToJs(napi_env env, rlAddon *a, rlClient *c, int argc, int flags, int cmdno);
/* Remove the server's oldest outbox message and return it as a JS value built with 'flags'. */
napi_value rlOutboxPopToJs(napi_env env, rlAddon *a, rlServer *s, int flags);
/* exec's flags above the reply flags: when not 0, (flags >> RL_EXEC_NAME_SHIFT) is 1 + the
 * index of a command in the table (binding.commands()): its name is then argv[0] without
 * reading the JS value in its place, and the core runs it without looking the name up
 * (rlExecAt). lib's fast paths name their command so on every call. */
#define RL_EXEC_NAME_SHIFT 16
#define RL_REPLY_BUFFERS 1            /* bulk strings as Buffers instead of strings */
#define RL_REPLY_NUMBERS_AS_STRINGS 2 /* integer replies as decimal strings */
#define RL_REPLY_DOUBLES_AS_STRINGS 4 /* double replies as strings */
#define RL_REPLY_MAP_AS_MAP 8         /* maps as JS Map (keys strings) */
#define RL_REPLY_MAP_AS_ARRAY 16      /* maps as flat [k, v, ...] Arrays */
#define RL_REPLY_SET_AS_SET 32        /* sets as JS Set */
/* A top-level array (or set, unless RL_REPLY_SET_AS_SET) of ASCII bulk strings, without
 * RL_REPLY_BUFFERS, comes back as one packed string that lib/packed.js unpacks: 16-bit
 * count, 16-bit lengths, then the bytes, each 16-bit number as two chars (high byte
 * first). Creating one string is cheaper than one per element plus the array call. Any
 * other reply is built as usual, so the caller unpacks only a string reply of a command
 * whose reply is never a plain string. */
#define RL_REPLY_PACK 64
#define RL_PACK_MAX_ELEMENTS 1024
#define RL_PACK_MAX_LEN 65535

/* handles.c: type-tagged externals for servers and clients. */
napi_value rlWrapServer(napi_env env, rlServer *s);
napi_value rlWrapClient(napi_env env, rlClient *c);
rlServer *rlUnwrapServer(napi_env env, napi_value v);
/* Returns NULL (with an exception pending) for a forged or released handle. */
rlClient *rlUnwrapClient(napi_env env, napi_value v);
/* Release the client now; later unwraps fail. */
int rlReleaseClientHandle(napi_env env, napi_value v);

#endif
