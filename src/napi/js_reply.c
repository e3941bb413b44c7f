/* js_reply.c -- an rlReplyOps sink that builds JS values directly, following node-redis's
 * RESP3 decoding defaults: bulk -> string (Buffer with RL_REPLY_BUFFERS), status -> string,
 * integer/double -> number, null -> null, array/set -> Array, map -> plain object, and
 * error -> a SimpleError instance (returned, not thrown: lib decides to reject). */
#include "napi_util.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Deepest reply nesting we build (our replies nest at most 3 levels: EXEC > SCAN > keys). */
#define MAX_DEPTH 16

typedef struct frame {
    napi_value value; /* Array or Object */
    int kind;
    uint32_t index; /* next array index */
    napi_value key; /* map: pending key, or NULL */
} frame;

struct rlJsReply {
    napi_env env;
    rlAddon *addon;
    int flags;
    int failed; /* a napi call failed: stop building */
    int depth;
    frame stack[MAX_DEPTH];
    napi_value result;
};

/* Place 'v' into the open aggregate, or make it the result. */
static void emit(rlJsReply *r, napi_value v) {
    if (r->failed || !v) {
        r->failed = 1;
        return;
    }
    if (r->depth == 0) {
        r->result = v;
        return;
    }
    frame *f = &r->stack[r->depth - 1];
    napi_status st;
    if (f->kind == RL_AGG_MAP) {
        if (!f->key) {
            f->key = v;
            return;
        }
        st = napi_set_property(r->env, f->value, f->key, v);
        f->key = NULL;
    } else {
        st = napi_set_element(r->env, f->value, f->index++, v);
    }
    if (st != napi_ok) r->failed = 1;
}

/* 1 when the bytes are all ASCII (then Latin-1 and UTF-8 decoding agree, and V8's Latin-1
 * path is a plain copy). Checks 8 bytes at a time. */
static int isAscii(const char *s, size_t len) {
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) return 0;
    }
    for (; i < len; i++)
        if ((unsigned char)s[i] & 0x80) return 0;
    return 1;
}

/* A JS string from UTF-8 bytes (invalid sequences become U+FFFD, as node-redis decodes). */
static napi_value makeString(rlJsReply *r, const char *s, size_t len) {
    napi_value v = NULL;
    napi_status st = isAscii(s, len) ? napi_create_string_latin1(r->env, s, len, &v)
                                     : napi_create_string_utf8(r->env, s, len, &v);
    return st == napi_ok ? v : NULL;
}

static void jsStatus(void *ctx, const char *s, size_t len) {
    rlJsReply *r = ctx;
    emit(r, makeString(r, s, len));
}

static void jsError(void *ctx, const char *s, size_t len) {
    rlJsReply *r = ctx;
    napi_value ctor, msg, err = NULL;
    if (napi_get_reference_value(r->env, r->addon->simple_error, &ctor) != napi_ok || !ctor ||
        !(msg = makeString(r, s, len)) || napi_new_instance(r->env, ctor, 1, &msg, &err) != napi_ok)
        err = NULL;
    emit(r, err);
}

static void jsInteger(void *ctx, long long v) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (r->flags & RL_REPLY_NUMBERS_AS_STRINGS) {
        char buf[32];
        int n = snprintf(buf, sizeof(buf), "%lld", v);
        out = makeString(r, buf, (size_t)n);
    } else if (napi_create_int64(r->env, v, &out) != napi_ok) {
        out = NULL;
    }
    emit(r, out);
}

/* Doubles as node-redis's RESP3 decoder gives them as strings: the server's text, which
 * for redlite is %.17g with inf/-inf/nan spelled as Redis spells them. */
static void jsDouble(void *ctx, double v) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (r->flags & RL_REPLY_DOUBLES_AS_STRINGS) {
        char buf[64];
        int n = isinf(v)   ? snprintf(buf, sizeof(buf), "%s", v > 0 ? "inf" : "-inf")
                : isnan(v) ? snprintf(buf, sizeof(buf), "nan")
                           : snprintf(buf, sizeof(buf), "%.17g", v);
        out = makeString(r, buf, (size_t)n);
    } else if (napi_create_double(r->env, v, &out) != napi_ok) {
        out = NULL;
    }
    emit(r, out);
}

static void jsBulk(void *ctx, const char *s, size_t len) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (r->flags & RL_REPLY_BUFFERS) {
        if (napi_create_buffer_copy(r->env, len, s, NULL, &out) != napi_ok) out = NULL;
    } else {
        out = makeString(r, s, len);
    }
    emit(r, out);
}

static void jsNull(void *ctx) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (napi_get_null(r->env, &out) != napi_ok) out = NULL;
    emit(r, out);
}

static void jsBool(void *ctx, int v) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (napi_get_boolean(r->env, v != 0, &out) != napi_ok) out = NULL;
    emit(r, out);
}

static void jsAggBegin(void *ctx, int kind, long count) {
    rlJsReply *r = ctx;
    napi_value v = NULL;
    napi_status st = kind == RL_AGG_MAP ? napi_create_object(r->env, &v)
                                        : napi_create_array_with_length(r->env, (size_t)count, &v);
    if (st != napi_ok || r->depth >= MAX_DEPTH) {
        r->failed = 1;
        return;
    }
    frame *f = &r->stack[r->depth++];
    f->value = v;
    f->kind = kind;
    f->index = 0;
    f->key = NULL;
}

static void jsAggEnd(void *ctx, int kind) {
    rlJsReply *r = ctx;
    (void)kind;
    if (r->failed || r->depth == 0) {
        r->failed = 1;
        return;
    }
    napi_value v = r->stack[--r->depth].value;
    emit(r, v);
}

static const rlReplyOps jsSink = {jsStatus, jsError, jsInteger, jsDouble,   jsBulk,
                                  jsStatus, jsNull,  jsBool,    jsAggBegin, jsAggEnd};

napi_value rlExecToJs(napi_env env, rlAddon *a, rlClient *c, int argc, int flags) {
    rlJsReply r;
    r.env = env;
    r.addon = a;
    r.flags = flags;
    r.failed = 0;
    r.depth = 0;
    r.result = NULL;
    rlExec(c, argc, a->argv, a->argvlen, &jsSink, &r);
    if (r.failed || r.depth != 0 || !r.result) {
        rlThrowInternal(env, "building the reply");
        return NULL;
    }
    return r.result;
}
