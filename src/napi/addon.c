/* addon.c -- module registration and the exported functions. Context-aware: all state is
 * per instance (napi_set_instance_data), so the addon loads in several worker threads.
 *
 * Exports: init({SimpleError, MapClass, mapPut, SetClass, setPut, arrayOf, outboxReady,
 * blocked}),
 * commands(), variants(), serverNew(), clientNew(server), clientRelease(client),
 * exec(client, flags, ...args | [args]) (flags: RL_REPLY_* | command number << 16), cron(server,
 * budget_us), debugCheck(server), outboxDrain(server), clientSetPushFlags(client, flags),
 * clientSetProtocol(client, resp), clientBlockedTimeout(client). */
#include "napi_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rlThrowInternal(napi_env env, const char *where) {
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) return;
    const napi_extended_error_info *info = NULL;
    napi_get_last_error_info(env, &info);
    char msg[256];
    snprintf(msg, sizeof(msg), "redlite internal error in %s: %s", where,
             info && info->error_message ? info->error_message : "unknown");
    napi_throw_error(env, "ERR_REDLITE_INTERNAL", msg);
}

static void freeAddon(napi_env env, void *data, void *hint) {
    (void)hint;
    rlAddon *a = data;
    napi_ref refs[] = {a->simple_error, a->map_ctor, a->map_put,      a->set_ctor,
                       a->set_put,      a->array_of, a->outbox_ready, a->blocked};
    for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
        if (refs[i]) napi_delete_reference(env, refs[i]);
    free(a->arena);
    free(a->u16);
    free(a->vals);
    free((void *)a->argv);
    free(a->argvlen);
    free(a->argvoff);
    free(a->pack);
    free(a);
}

static rlAddon *getAddon(napi_env env) {
    void *data = NULL;
    if (napi_get_instance_data(env, &data) != napi_ok || !data) {
        rlThrowInternal(env, "instance data");
        return NULL;
    }
    return data;
}

/* Read up to 'n' arguments of the call. */
static int getArgs(napi_env env, napi_callback_info info, size_t n, napi_value *argv) {
    size_t argc = n;
    NAPI_CALL_INT(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    if (argc < n) {
        napi_throw_type_error(env, NULL, "redlite: missing argument to a native function");
        return -1;
    }
    return 0;
}

/* Keep a reference to property 'name' of 'obj' in '*ref' (replacing an older one). */
static int keepRef(napi_env env, napi_value obj, const char *name, napi_ref *ref) {
    napi_value v;
    NAPI_CALL_INT(env, napi_get_named_property(env, obj, name, &v));
    if (*ref) napi_delete_reference(env, *ref);
    *ref = NULL;
    NAPI_CALL_INT(env, napi_create_reference(env, v, 1, ref));
    return 0;
}

/* init({SimpleError, MapClass, mapPut, SetClass, setPut, arrayOf, outboxReady, blocked}):
 * the constructors replies are built with (mapPut/setPut: Map.prototype.set and
 * Set.prototype.add; arrayOf: a function returning its arguments as an Array), the function
 * called (with no arguments) after a command or cron step that made a server's outbox
 * non-empty, and the object exec returns for a command that blocked. */
static napi_value Init(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlAddon *a = getAddon(env);
    if (!a) return NULL;
    if (keepRef(env, argv[0], "SimpleError", &a->simple_error) != 0 ||
        keepRef(env, argv[0], "MapClass", &a->map_ctor) != 0 ||
        keepRef(env, argv[0], "mapPut", &a->map_put) != 0 ||
        keepRef(env, argv[0], "SetClass", &a->set_ctor) != 0 ||
        keepRef(env, argv[0], "setPut", &a->set_put) != 0 ||
        keepRef(env, argv[0], "arrayOf", &a->array_of) != 0 ||
        keepRef(env, argv[0], "outboxReady", &a->outbox_ready) != 0 ||
        keepRef(env, argv[0], "blocked", &a->blocked) != 0)
        return NULL;
    return NULL;
}

static napi_value setInt(napi_env env, napi_value obj, const char *name, int v) {
    napi_value n;
    NAPI_CALL(env, napi_create_int32(env, v, &n));
    NAPI_CALL(env, napi_set_named_property(env, obj, name, n));
    return obj;
}

static napi_value setStr(napi_env env, napi_value obj, const char *name, const char *s) {
    napi_value v;
    NAPI_CALL(env, napi_create_string_utf8(env, s, strlen(s), &v));
    NAPI_CALL(env, napi_set_named_property(env, obj, name, v));
    return obj;
}

/* commands(): the command table as an array of plain objects. */
static napi_value Commands(napi_env env, napi_callback_info info) {
    (void)info;
    size_t n = rlCommandCount();
    napi_value arr;
    NAPI_CALL(env, napi_create_array_with_length(env, n, &arr));
    for (size_t i = 0; i < n; i++) {
        const rlCommandInfo *ci = rlCommandAt(i);
        napi_value o;
        NAPI_CALL(env, napi_create_object(env, &o));
        if (!setStr(env, o, "name", ci->name) || !setStr(env, o, "method", ci->method) ||
            !setInt(env, o, "arity", ci->arity) || !setInt(env, o, "flags", ci->flags) ||
            !setInt(env, o, "firstKey", ci->firstkey) || !setInt(env, o, "lastKey", ci->lastkey) ||
            !setInt(env, o, "keyStep", ci->keystep))
            return NULL;
        NAPI_CALL(env, napi_set_element(env, arr, (uint32_t)i, o));
    }
    return arr;
}

/* variants(): the table's reply-shape variants as [{name, upper, method}]. */
static napi_value Variants(napi_env env, napi_callback_info info) {
    (void)info;
    size_t n = rlVariantCount();
    napi_value arr;
    NAPI_CALL(env, napi_create_array_with_length(env, n, &arr));
    for (size_t i = 0; i < n; i++) {
        const rlVariantInfo *vi = rlVariantAt(i);
        napi_value o;
        NAPI_CALL(env, napi_create_object(env, &o));
        if (!setStr(env, o, "name", vi->name) || !setStr(env, o, "upper", vi->upper) ||
            !setStr(env, o, "method", vi->method))
            return NULL;
        NAPI_CALL(env, napi_set_element(env, arr, (uint32_t)i, o));
    }
    return arr;
}

/* serverNew() */
static napi_value ServerNew(napi_env env, napi_callback_info info) {
    (void)info;
    rlConfig cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.active_expire = 1;
    return rlWrapServer(env, rlServerNew(&cfg));
}

/* clientNew(server) */
static napi_value ClientNew(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlServer *s = rlUnwrapServer(env, argv[0]);
    if (!s) return NULL;
    return rlWrapClient(env, rlClientNew(s));
}

/* clientRelease(client) */
static napi_value ClientRelease(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlReleaseClientHandle(env, argv[0]);
    return NULL;
}

/* Tell lib that a server's outbox has messages (lib drains it later, never inside this
 * call's caller). */
static int signalOutbox(napi_env env, rlAddon *a) {
    if (!a->outbox_ready) return 0;
    napi_value fn, undef;
    NAPI_CALL_INT(env, napi_get_reference_value(env, a->outbox_ready, &fn));
    NAPI_CALL_INT(env, napi_get_undefined(env, &undef));
    return napi_call_function(env, undef, fn, 0, NULL, NULL) == napi_ok ? 0 : -1;
}

/* Building a reply can run JS (Map.prototype.set for the Map type mapping, which code loaded
 * before redlite may have replaced); a command sent from there would reuse the argument and
 * reply scratch and enter a server in the middle of a command. It throws instead. */
static napi_value throwReentrant(napi_env env) {
    napi_throw_error(env, "ERR_REDLITE_REENTRANT",
                     "redlite: a command was sent while another one's reply was being built");
    return NULL;
}

/* Arguments read from the stack in exec's variadic form; longer commands use the array
 * form. */
#define EXEC_MAX_INLINE_ARGS 32

/* exec(client, flags, arg0, arg1, ...) or exec(client, flags, [arg0, arg1, ...]) -> the
 * reply (a SimpleError instance for an error reply). */
static napi_value Exec(napi_env env, napi_callback_info info) {
    napi_value argv[EXEC_MAX_INLINE_ARGS + 2];
    size_t argc = EXEC_MAX_INLINE_ARGS + 2;
    void *data = NULL; /* the instance's rlAddon, attached to this function at init */
    NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, &data));
    if (argc < 3) {
        napi_throw_type_error(env, NULL, "redlite: exec(client, flags, ...args)");
        return NULL;
    }
    rlAddon *a = data;
    rlClient *c = rlUnwrapClient(env, argv[0]);
    if (!c) return NULL;
    int32_t flags = 0;
    NAPI_CALL(env, napi_get_value_int32(env, argv[1], &flags));
    const char *name = NULL;
    int32_t cmdno = flags >> RL_EXEC_NAME_SHIFT;
    if (cmdno != 0) {
        if (cmdno < 0 || (size_t)cmdno > rlCommandCount()) {
            napi_throw_range_error(env, NULL, "redlite: exec: no such command number");
            return NULL;
        }
        name = rlCommandAt((size_t)cmdno - 1)->name;
        flags &= (1 << RL_EXEC_NAME_SHIFT) - 1;
    }
    bool is_array = false;
    if (argc == 3) NAPI_CALL(env, napi_is_array(env, argv[2], &is_array));
    if (!is_array && argc > EXEC_MAX_INLINE_ARGS + 2) {
        napi_throw_type_error(env, NULL, "redlite: long commands must be passed as an array");
        return NULL;
    }
    if (a->busy) return throwReentrant(env);
    a->busy = 1;
    int n = is_array ? rlArgsFromArray(env, a, argv[2])
                     : rlArgsFromValues(env, a, argc - 2, argv + 2, name);
    napi_value reply = n < 0 ? NULL : rlExecToJs(env, a, c, n, flags, is_array ? 0 : cmdno);
    a->busy = 0;
    if (reply && rlOutboxTakeSignal(rlClientServer(c)) && signalOutbox(env, a) != 0) return NULL;
    return reply;
}

/* Messages per outboxDrain call at most: the result is built by one call of lib's arrayOf
 * with 3 values per message (as short reply arrays are, js_reply.c). */
#define DRAIN_MAX 256

/* outboxDrain(server) -> [clientId, kind, message, clientId, kind, message, ...]: the oldest
 * (up to DRAIN_MAX) messages of the server's outbox, each built with its client's push
 * flags. Fewer than DRAIN_MAX messages means the outbox is now empty. */
static napi_value OutboxDrain(napi_env env, napi_callback_info info) {
    napi_value argv[1], fn, undef, arr;
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlAddon *a = getAddon(env);
    rlServer *s = rlUnwrapServer(env, argv[0]);
    if (!a || !s) return NULL;
    if (a->busy) return throwReentrant(env);
    napi_value vals[3 * DRAIN_MAX];
    uint64_t id;
    int kind, flags;
    size_t n = 0;
    int ok = 1;
    a->busy = 1;
    while (ok && n < 3 * DRAIN_MAX && rlOutboxPeek(s, &id, &kind, &flags)) {
        if (napi_create_double(env, (double)id, &vals[n]) != napi_ok ||
            napi_create_int32(env, kind, &vals[n + 1]) != napi_ok) {
            rlThrowInternal(env, "outbox message header");
            ok = 0;
        } else if (!(vals[n + 2] = rlOutboxPopToJs(env, a, s, flags))) {
            ok = 0;
        }
        n += 3;
    }
    a->busy = 0;
    if (!ok) return NULL;
    /* Drained: the next message must signal again. */
    if (!rlOutboxPending(s)) rlOutboxTakeSignal(s);
    NAPI_CALL(env, napi_get_reference_value(env, a->array_of, &fn));
    NAPI_CALL(env, napi_get_undefined(env, &undef));
    NAPI_CALL(env, napi_call_function(env, undef, fn, n, vals, &arr));
    return arr;
}

/* clientBlockedTimeout(client) -> the blocked command's timeout in ms (0: none). */
static napi_value ClientBlockedTimeout(napi_env env, napi_callback_info info) {
    napi_value argv[1], out;
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlClient *c = rlUnwrapClient(env, argv[0]);
    if (!c) return NULL;
    NAPI_CALL(env, napi_create_double(env, (double)rlClientBlockedTimeout(c), &out));
    return out;
}

/* clientSetProtocol(client, 2|3): the protocol the client speaks (RESP2's subscriber rules). */
static napi_value ClientSetProtocol(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (getArgs(env, info, 2, argv) != 0) return NULL;
    rlClient *c = rlUnwrapClient(env, argv[0]);
    if (!c) return NULL;
    int32_t resp = 3;
    NAPI_CALL(env, napi_get_value_int32(env, argv[1], &resp));
    rlClientSetProtocol(c, resp);
    return NULL;
}

/* clientSetPushFlags(client, flags): reply flags for the client's pub/sub messages. */
static napi_value ClientSetPushFlags(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (getArgs(env, info, 2, argv) != 0) return NULL;
    rlClient *c = rlUnwrapClient(env, argv[0]);
    if (!c) return NULL;
    int32_t flags = 0;
    NAPI_CALL(env, napi_get_value_int32(env, argv[1], &flags));
    rlClientSetPushFlags(c, flags);
    return NULL;
}

/* cron(server, budget_us) -> ms until the next call */
static napi_value Cron(napi_env env, napi_callback_info info) {
    napi_value argv[2], out;
    if (getArgs(env, info, 2, argv) != 0) return NULL;
    rlServer *s = rlUnwrapServer(env, argv[0]);
    if (!s) return NULL;
    int64_t budget = 0;
    NAPI_CALL(env, napi_get_value_int64(env, argv[1], &budget));
    NAPI_CALL(env, napi_create_int64(env, rlCron(s, budget), &out));
    rlAddon *a = getAddon(env);
    if (!a) return NULL;
    if (rlOutboxTakeSignal(s) && signalOutbox(env, a) != 0) return NULL;
    return out;
}

/* debugCheck(server) -> true, or an error message */
static napi_value DebugCheck(napi_env env, napi_callback_info info) {
    napi_value argv[1], out;
    if (getArgs(env, info, 1, argv) != 0) return NULL;
    rlServer *s = rlUnwrapServer(env, argv[0]);
    if (!s) return NULL;
    char err[256];
    if (rlDebugCheck(s, err, sizeof(err))) {
        NAPI_CALL(env, napi_get_boolean(env, true, &out));
    } else {
        NAPI_CALL(env, napi_create_string_utf8(env, err, NAPI_AUTO_LENGTH, &out));
    }
    return out;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
    rlAddon *a = calloc(1, sizeof(*a));
    if (!a || napi_set_instance_data(env, a, freeAddon, NULL) != napi_ok) {
        free(a);
        rlThrowInternal(env, "module init");
        return NULL;
    }
    napi_property_descriptor props[] = {
        {"init", NULL, Init, NULL, NULL, NULL, napi_default, NULL},
        {"commands", NULL, Commands, NULL, NULL, NULL, napi_default, NULL},
        {"variants", NULL, Variants, NULL, NULL, NULL, napi_default, NULL},
        {"serverNew", NULL, ServerNew, NULL, NULL, NULL, napi_default, NULL},
        {"clientNew", NULL, ClientNew, NULL, NULL, NULL, napi_default, NULL},
        {"clientRelease", NULL, ClientRelease, NULL, NULL, NULL, napi_default, NULL},
        {"exec", NULL, Exec, NULL, NULL, NULL, napi_default, a},
        {"cron", NULL, Cron, NULL, NULL, NULL, napi_default, NULL},
        {"debugCheck", NULL, DebugCheck, NULL, NULL, NULL, napi_default, NULL},
        {"outboxDrain", NULL, OutboxDrain, NULL, NULL, NULL, napi_default, NULL},
        {"clientSetPushFlags", NULL, ClientSetPushFlags, NULL, NULL, NULL, napi_default, NULL},
        {"clientSetProtocol", NULL, ClientSetProtocol, NULL, NULL, NULL, napi_default, NULL},
        {"clientBlockedTimeout", NULL, ClientBlockedTimeout, NULL, NULL, NULL, napi_default, NULL},
    };
    NAPI_CALL(env, napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props));
    return exports;
}
