/* js_reply.c -- an rlReplyOps sink that builds JS values directly, following node-redis's
 * RESP3 decoding defaults: bulk -> string (Buffer with RL_REPLY_BUFFERS), status -> string,
 * integer/double -> number, null -> null, array/set -> Array, map -> plain object, and
 * error -> a SimpleError instance (returned, not thrown: lib decides to reject). With
 * RL_REPLY_MAP_AS_MAP / RL_REPLY_MAP_AS_ARRAY / RL_REPLY_SET_AS_SET, maps become a JS Map
 * or a flat [k, v, ...] Array and sets a JS Set, as node-redis's type mapping does (map
 * keys stay strings except in the flat Array form, as there). */
#include "napi_util.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* V8's longest string (String::kMaxLength on 64-bit hosts): a longer bulk reply can only be
 * read as a Buffer. */
#define V8_MAX_STRING_LENGTH 0x1fffffe8

/* Deepest reply nesting we build (our replies nest at most 3 levels: EXEC > SCAN > keys). */
#define MAX_DEPTH 16

/* How a frame stores what is emitted into it. */
#define FRAME_ARRAY 0   /* value[index++] = v */
#define FRAME_OBJECT 1  /* value[key] = v (a map as a plain object) */
#define FRAME_CALL 2    /* adder.call(value, key, v) or adder.call(value, v): Map.set, Set.add */
#define FRAME_COLLECT 3 /* pushed on the value stack; one arrayOf(...values) call at the end */
#define FRAME_PACK 4    /* ASCII bulk strings appended to the addon's pack buffer (RL_REPLY_PACK) */

/* Arrays of up to this many elements are built with one call of lib/native.js's arrayOf
 * (a rest parameter) over the collected values: one V8 call instead of one napi_set_element
 * per element (ZRANGE of 10 members: 900 -> 520 ns per call). Longer ones are built element
 * by element (no huge argument lists on the stack). */
#define COLLECT_MAX 1024

typedef struct frame {
    napi_value value; /* Array, Object, Map or Set */
    int kind;         /* RL_AGG_* */
    int store;        /* FRAME_* */
    uint32_t index;   /* next array index */
    napi_value key;   /* map: pending key, or NULL */
    napi_value adder; /* FRAME_CALL: the method */
    size_t base;      /* FRAME_COLLECT: where its values start on the value stack */
    uint32_t count;   /* FRAME_PACK: elements announced */
    int key_own;      /* FRAME_OBJECT: the pending key is "__proto__" (see emit) */
} frame;

struct rlJsReply {
    napi_env env;
    rlAddon *addon;
    int flags;
    int failed;   /* a napi call failed: stop building */
    int too_long; /* ... because a string was longer than V8 allows */
    int depth;
    frame stack[MAX_DEPTH];
    size_t nvals;  /* values on the addon's value stack (FRAME_COLLECT frames) */
    size_t packed; /* bytes used in the addon's pack buffer (FRAME_PACK) */
    napi_value result;
};

static napi_value makeString(rlJsReply *r, const char *s, size_t len);
static int pushValue(rlJsReply *r, napi_value v);

/* Room for 'n' bytes in the addon's pack buffer. */
static int reservePack(rlAddon *a, size_t n) {
    if (n <= a->pack_cap) return 0;
    size_t cap = a->pack_cap ? a->pack_cap : 4096;
    while (cap < n)
        cap *= 2;
    char *p = realloc(a->pack, cap);
    if (!p) return -1;
    a->pack = p;
    a->pack_cap = cap;
    return 0;
}

/* Turn packed frame 'f' into a FRAME_COLLECT one: its elements so far become strings on
 * the value stack, and the rest of the reply is built as usual. */
static void unpackFrame(rlJsReply *r, frame *f) {
    const unsigned char *hdr = (const unsigned char *)r->addon->pack;
    size_t off = 2 + 2 * (size_t)f->count;
    f->store = FRAME_COLLECT;
    f->base = r->nvals;
    for (uint32_t i = 0; i < f->index && !r->failed; i++) {
        size_t len = ((size_t)hdr[2 + 2 * i] << 8) | hdr[3 + 2 * i];
        napi_value v = makeString(r, r->addon->pack + off, len);
        if (!v || pushValue(r, v) != 0) r->failed = 1;
        off += len;
    }
    f->index = 0;
}

/* Push 'v' on the value stack (kept in the addon between calls). */
static int pushValue(rlJsReply *r, napi_value v) {
    rlAddon *a = r->addon;
    if (r->nvals == a->vals_cap) {
        size_t cap = a->vals_cap ? a->vals_cap * 2 : 64;
        napi_value *n = realloc(a->vals, cap * sizeof(*n));
        if (!n) return -1;
        a->vals = n;
        a->vals_cap = cap;
    }
    a->vals[r->nvals++] = v;
    return 0;
}

/* 1 for a map stored key by key (a plain object or a Map), 0 for one flattened into an
 * Array (RL_REPLY_MAP_AS_ARRAY) and for arrays and sets. */
static int storedByKey(const frame *f) {
    return f->kind == RL_AGG_MAP && (f->store == FRAME_OBJECT || f->store == FRAME_CALL);
}

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
    if (f->store == FRAME_PACK) unpackFrame(r, f);
    if (storedByKey(f)) {
        if (!f->key) {
            f->key = v;
            return;
        }
        if (f->store == FRAME_OBJECT && f->key_own) {
            /* A field named __proto__ becomes an own data property: assigning it would call
             * Object.prototype's __proto__ setter, which drops a string and makes a Buffer
             * the object's prototype. */
            napi_property_descriptor d = {NULL,
                                          f->key,
                                          NULL,
                                          NULL,
                                          NULL,
                                          v,
                                          napi_writable | napi_enumerable | napi_configurable,
                                          NULL};
            st = napi_define_properties(r->env, f->value, 1, &d);
            f->key_own = 0;
        } else if (f->store == FRAME_OBJECT) {
            st = napi_set_property(r->env, f->value, f->key, v);
        } else {
            napi_value args[2] = {f->key, v};
            st = napi_call_function(r->env, f->value, f->adder, 2, args, NULL);
        }
        f->key = NULL;
    } else if (f->store == FRAME_COLLECT) {
        st = pushValue(r, v) == 0 ? napi_ok : napi_generic_failure;
    } else if (f->store == FRAME_CALL) {
        st = napi_call_function(r->env, f->value, f->adder, 1, &v, NULL);
    } else {
        st = napi_set_element(r->env, f->value, f->index++, v);
    }
    if (st != napi_ok) r->failed = 1;
}

/* 1 when the next value emitted is the key of a map stored by key (node-redis decodes
 * those keys as strings whatever the BLOB_STRING mapping). */
static int atMapKey(const rlJsReply *r) {
    if (r->depth == 0) return 0;
    const frame *f = &r->stack[r->depth - 1];
    return storedByKey(f) && !f->key;
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
    if (st != napi_ok && len > V8_MAX_STRING_LENGTH) r->too_long = 1;
    return st == napi_ok ? v : NULL;
}

/* Mark the key about to be emitted into a plain-object map if it is "__proto__". */
static void noteMapKey(rlJsReply *r, const char *s, size_t len) {
    if (len == 9 && atMapKey(r) && r->stack[r->depth - 1].store == FRAME_OBJECT &&
        memcmp(s, "__proto__", 9) == 0)
        r->stack[r->depth - 1].key_own = 1;
}

static void jsStatus(void *ctx, const char *s, size_t len) {
    rlJsReply *r = ctx;
    noteMapKey(r, s, len);
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

/* The JS number node-redis's decoder makes of integer 'v': it accumulates the decimal
 * digits in a double, n = n * 10 + byte - 48, which rounds at every step once n passes
 * 2^53. Below that the result is exact; above it, redoing the same steps gives the same
 * (differently rounded) number node-redis gives. */
static double nodeRedisInteger(long long v) {
    if (v >= -(1LL << 53) && v <= (1LL << 53)) return (double)v;
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%lld", v);
    int neg = buf[0] == '-';
    double x = 0;
    for (int i = neg; i < n; i++) {
        x = x * 10 + (double)(unsigned char)buf[i];
        x = x - 48;
    }
    return neg ? -x : x;
}

static void jsInteger(void *ctx, long long v) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (r->flags & RL_REPLY_NUMBERS_AS_STRINGS) {
        char buf[32];
        int n = snprintf(buf, sizeof(buf), "%lld", v);
        out = makeString(r, buf, (size_t)n);
    } else if (napi_create_double(r->env, nodeRedisInteger(v), &out) != napi_ok) {
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

/* Append 's'/'len' to packed frame 'f' if it qualifies; 0 when it does not (nothing done). */
static int packBulk(rlJsReply *r, frame *f, const char *s, size_t len) {
    if (len > RL_PACK_MAX_LEN || f->index >= f->count || !isAscii(s, len)) return 0;
    rlAddon *a = r->addon;
    if (reservePack(a, r->packed + len) != 0) return 0;
    unsigned char *hdr = (unsigned char *)a->pack + 2 + 2 * (size_t)f->index;
    hdr[0] = (unsigned char)(len >> 8);
    hdr[1] = (unsigned char)(len & 0xFF);
    memcpy(a->pack + r->packed, s, len);
    r->packed += len;
    f->index++;
    return 1;
}

static void jsBulk(void *ctx, const char *s, size_t len) {
    rlJsReply *r = ctx;
    napi_value out = NULL;
    if (r->depth > 0 && r->stack[r->depth - 1].store == FRAME_PACK &&
        packBulk(r, &r->stack[r->depth - 1], s, len))
        return;
    noteMapKey(r, s, len);
    if ((r->flags & RL_REPLY_BUFFERS) && !atMapKey(r)) {
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

/* A new instance of the constructor referenced by 'ctor' (Map, Set) and, in '*adder',
 * the method referenced by 'put' (Map.prototype.set, Set.prototype.add). */
static napi_status newCollection(napi_env env, napi_ref ctor, napi_ref put, napi_value *out,
                                 napi_value *adder) {
    napi_value c;
    napi_status st = napi_get_reference_value(env, ctor, &c);
    if (st == napi_ok) st = napi_new_instance(env, c, 0, NULL, out);
    if (st == napi_ok) st = napi_get_reference_value(env, put, adder);
    return st;
}

static void jsAggBegin(void *ctx, int kind, long count) {
    rlJsReply *r = ctx;
    napi_value v = NULL, adder = NULL;
    int store = FRAME_ARRAY;
    napi_status st;
    if (kind == RL_AGG_MAP && (r->flags & RL_REPLY_MAP_AS_MAP)) {
        store = FRAME_CALL;
        st = newCollection(r->env, r->addon->map_ctor, r->addon->map_put, &v, &adder);
    } else if (kind == RL_AGG_MAP && (r->flags & RL_REPLY_MAP_AS_ARRAY) &&
               count * 2 <= COLLECT_MAX) {
        store = FRAME_COLLECT;
        st = napi_ok;
    } else if (kind == RL_AGG_MAP && (r->flags & RL_REPLY_MAP_AS_ARRAY)) {
        st = napi_create_array_with_length(r->env, (size_t)count * 2, &v);
    } else if (kind == RL_AGG_MAP) {
        store = FRAME_OBJECT;
        st = napi_create_object(r->env, &v);
    } else if (kind == RL_AGG_SET && (r->flags & RL_REPLY_SET_AS_SET)) {
        store = FRAME_CALL;
        st = newCollection(r->env, r->addon->set_ctor, r->addon->set_put, &v, &adder);
    } else if (r->depth == 0 && (r->flags & RL_REPLY_PACK) && !(r->flags & RL_REPLY_BUFFERS) &&
               count >= 1 && count <= RL_PACK_MAX_ELEMENTS &&
               reservePack(r->addon, 2 + 2 * (size_t)count) == 0) {
        /* (a set reaches here only without RL_REPLY_SET_AS_SET, a map never) */
        store = FRAME_PACK;
        st = napi_ok;
        r->addon->pack[0] = (char)(count >> 8);
        r->addon->pack[1] = (char)(count & 0xFF);
        r->packed = 2 + 2 * (size_t)count;
    } else if (count <= COLLECT_MAX) {
        store = FRAME_COLLECT;
        st = napi_ok;
    } else {
        st = napi_create_array_with_length(r->env, (size_t)count, &v);
    }
    if (st != napi_ok || r->depth >= MAX_DEPTH) {
        r->failed = 1;
        return;
    }
    frame *f = &r->stack[r->depth++];
    f->value = v;
    f->kind = kind;
    f->store = store;
    f->index = 0;
    f->key = NULL;
    f->key_own = 0;
    f->adder = adder;
    f->base = r->nvals;
    f->count = store == FRAME_PACK ? (uint32_t)count : 0;
}

static void jsAggEnd(void *ctx, int kind) {
    rlJsReply *r = ctx;
    (void)kind;
    if (r->failed || r->depth == 0) {
        r->failed = 1;
        return;
    }
    frame *f = &r->stack[--r->depth];
    napi_value v = f->value;
    if (f->store == FRAME_PACK && f->index != f->count) unpackFrame(r, f);
    if (f->store == FRAME_PACK) {
        if (napi_create_string_latin1(r->env, r->addon->pack, r->packed, &v) != napi_ok) v = NULL;
    } else if (f->store == FRAME_COLLECT) {
        napi_value fn, undef;
        size_t n = r->nvals - f->base;
        if (napi_get_reference_value(r->env, r->addon->array_of, &fn) != napi_ok ||
            napi_get_undefined(r->env, &undef) != napi_ok ||
            napi_call_function(r->env, undef, fn, n, r->addon->vals + f->base, &v) != napi_ok)
            v = NULL;
        r->nvals = f->base;
    }
    emit(r, v);
}

static const rlReplyOps jsSink = {jsStatus, jsError, jsInteger, jsDouble,   jsBulk,
                                  jsStatus, jsNull,  jsBool,    jsAggBegin, jsAggEnd};

static void initReply(rlJsReply *r, napi_env env, rlAddon *a, int flags) {
    r->env = env;
    r->addon = a;
    r->flags = flags;
    r->failed = 0;
    r->too_long = 0;
    r->depth = 0;
    r->nvals = 0;
    r->packed = 0;
    r->result = NULL;
}

static napi_value finishReply(rlJsReply *r) {
    bool pending = false;
    if (r->too_long && napi_is_exception_pending(r->env, &pending) == napi_ok && !pending) {
        /* what Buffer.prototype.toString throws for such a string */
        napi_throw_error(r->env, "ERR_STRING_TOO_LONG",
                         "Cannot create a string longer than 0x1fffffe8 characters");
        return NULL;
    }
    if (r->failed || r->depth != 0 || !r->result) {
        rlThrowInternal(r->env, "building the reply");
        return NULL;
    }
    return r->result;
}

napi_value rlExecToJs(napi_env env, rlAddon *a, rlClient *c, int argc, int flags, int cmdno) {
    rlJsReply r;
    initReply(&r, env, a, flags);
    if (cmdno > 0)
        rlExecAt(c, (size_t)cmdno - 1, argc, a->argv, a->argvlen, &jsSink, &r);
    else
        rlExec(c, argc, a->argv, a->argvlen, &jsSink, &r);
    if (!r.result && !r.failed && r.depth == 0 && rlClientIsBlocked(c)) {
        /* No reply yet: it will come through the outbox, rendered with these flags. */
        rlClientSetBlockedReplyFlags(c, flags & ~RL_REPLY_PACK);
        napi_value marker;
        if (napi_get_reference_value(env, a->blocked, &marker) != napi_ok) marker = NULL;
        if (!marker) rlThrowInternal(env, "the blocked marker");
        return marker;
    }
    return finishReply(&r);
}

napi_value rlOutboxPopToJs(napi_env env, rlAddon *a, rlServer *s, int flags) {
    rlJsReply r;
    initReply(&r, env, a, flags);
    rlOutboxPop(s, &jsSink, &r);
    return finishReply(&r);
}
