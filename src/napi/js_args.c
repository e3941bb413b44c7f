/* js_args.c -- JS argument arrays to the core's (argv, argvlen) form.
 *
 * Only strings and Buffers are accepted, as node-redis's encoder accepts only them; any
 * other element throws its TypeError, with the element's index in the final argv. Strings
 * are written as UTF-8 into the instance's arena; Buffers are passed by pointer (valid for
 * the duration of the call). */
#include "napi_util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grow the per-argument arrays to hold 'n' entries. */
static int reserveArgs(rlAddon *a, size_t n) {
    if (n <= a->argv_cap) return 0;
    size_t cap = a->argv_cap ? a->argv_cap : 16;
    while (cap < n)
        cap *= 2;
    const char **argv = realloc((void *)a->argv, cap * sizeof(*argv));
    if (!argv) return -1;
    a->argv = argv;
    size_t *lens = realloc(a->argvlen, cap * sizeof(*lens));
    if (!lens) return -1;
    a->argvlen = lens;
    size_t *offs = realloc(a->argvoff, cap * sizeof(*offs));
    if (!offs) return -1;
    a->argvoff = offs;
    a->argv_cap = cap;
    return 0;
}

/* Grow the arena to at least 'n' bytes. */
static int reserveArena(rlAddon *a, size_t n) {
    if (n <= a->arena_cap) return 0;
    size_t cap = a->arena_cap ? a->arena_cap : 4096;
    while (cap < n)
        cap *= 2;
    char *p = realloc(a->arena, cap);
    if (!p) return -1;
    a->arena = p;
    a->arena_cap = cap;
    return 0;
}

static const char *typeofName(napi_valuetype t) {
    switch (t) {
    case napi_undefined:
        return "undefined";
    case napi_null:
        return "object";
    case napi_boolean:
        return "boolean";
    case napi_number:
        return "number";
    case napi_string:
        return "string";
    case napi_symbol:
        return "symbol";
    case napi_function:
        return "function";
    case napi_bigint:
        return "bigint";
    default:
        return "object";
    }
}

static int throwArgType(napi_env env, uint32_t i, napi_valuetype t) {
    char msg[128];
    snprintf(msg, sizeof(msg),
             "\"arguments[%u]\" must be of type \"string | Buffer\", got %s instead.", i,
             typeofName(t));
    napi_throw_type_error(env, NULL, msg);
    return -1;
}

/* Grow the UTF-16 scratch buffer to at least 'n' code units. */
static int reserveU16(rlAddon *a, size_t n) {
    if (n <= a->u16_cap) return 0;
    size_t cap = a->u16_cap ? a->u16_cap : 256;
    while (cap < n)
        cap *= 2;
    uint16_t *p = realloc(a->u16, cap * sizeof(*p));
    if (!p) return -1;
    a->u16 = p;
    a->u16_cap = cap;
    return 0;
}

/* Encode 'n' UTF-16 code units as UTF-8 into 'out' (room for 3 * n bytes), replacing a
 * lone surrogate with U+FFFD as V8's WriteUtf8 and Buffer.from(string) do. Returns the
 * byte count. */
static size_t utf16ToUtf8(const uint16_t *s, size_t n, char *out) {
    /* The common case, an ASCII string: two loops the compiler turns into vector code. */
    uint16_t any = 0;
    for (size_t i = 0; i < n; i++)
        any |= s[i];
    if (any < 0x80) {
        for (size_t i = 0; i < n; i++)
            out[i] = (char)s[i];
        return n;
    }
    unsigned char *o = (unsigned char *)out;
    size_t i = 0;
    while (i < n) {
        uint32_t u = s[i++];
        if (u < 0x80) {
            *o++ = (unsigned char)u;
        } else if (u < 0x800) {
            *o++ = (unsigned char)(0xC0 | (u >> 6));
            *o++ = (unsigned char)(0x80 | (u & 0x3F));
        } else {
            if (u >= 0xD800 && u <= 0xDFFF) {
                if (u <= 0xDBFF && i < n && s[i] >= 0xDC00 && s[i] <= 0xDFFF) {
                    uint32_t cp = 0x10000 + ((u - 0xD800) << 10) + (s[i++] - 0xDC00);
                    *o++ = (unsigned char)(0xF0 | (cp >> 18));
                    *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
                    *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
                    *o++ = (unsigned char)(0x80 | (cp & 0x3F));
                    continue;
                }
                u = 0xFFFD;
            }
            *o++ = (unsigned char)(0xE0 | (u >> 12));
            *o++ = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
            *o++ = (unsigned char)(0x80 | (u & 0x3F));
        }
    }
    return (size_t)((char *)o - out);
}

/* Append the UTF-8 bytes of 'v' to the arena at '*used' if it is a string. Returns 1 when
 * copied, 0 when 'v' is not a string (nothing pending), -1 on failure. The string is read
 * as UTF-16 (a plain copy in V8) and encoded here: cheaper than napi_get_value_string_utf8,
 * which measured as a quarter of a GET's native time. */
static int copyString(napi_env env, rlAddon *a, napi_value v, size_t *used, size_t *len) {
    /* Try the room we have first; a string that filled it may be truncated: ask its exact
     * length and copy again. napi_get_value_string_utf16 itself rejects non-strings, which
     * saves a napi_typeof on the common path. */
    if (reserveU16(a, 256) != 0) return -1;
    size_t n;
    napi_status st = napi_get_value_string_utf16(env, v, (char16_t *)a->u16, a->u16_cap, &n);
    if (st == napi_string_expected) return 0;
    if (st != napi_ok) return -1;
    if (n + 1 >= a->u16_cap) {
        if (napi_get_value_string_utf16(env, v, NULL, 0, &n) != napi_ok) return -1;
        if (n >= SIZE_MAX / 4 || reserveU16(a, n + 1) != 0) return -1;
        if (napi_get_value_string_utf16(env, v, (char16_t *)a->u16, n + 1, &n) != napi_ok)
            return -1;
    }
    if (n > (SIZE_MAX - *used) / 3 - 1 || reserveArena(a, *used + 3 * n + 1) != 0) return -1;
    *len = utf16ToUtf8(a->u16, n, a->arena + *used);
    *used += *len;
    return 1;
}

/* Convert element 'i' ('v') into a->argv[i]; strings go to the arena at '*used'. */
static int convertArg(napi_env env, rlAddon *a, uint32_t i, napi_value v, size_t *used) {
    size_t len;
    a->argvoff[i] = *used;
    int copied = copyString(env, a, v, used, &len);
    if (copied < 0) {
        rlThrowInternal(env, "argument conversion");
        return -1;
    }
    if (copied) {
        a->argvlen[i] = len;
        return 0;
    }
    napi_valuetype t;
    NAPI_CALL_INT(env, napi_typeof(env, v, &t));
    bool is_buffer = false;
    if (t == napi_object) NAPI_CALL_INT(env, napi_is_buffer(env, v, &is_buffer));
    if (!is_buffer) return throwArgType(env, i, t);
    void *data;
    NAPI_CALL_INT(env, napi_get_buffer_info(env, v, &data, &len));
    a->argv[i] = len ? data : "";
    a->argvlen[i] = len;
    a->argvoff[i] = SIZE_MAX;
    return 0;
}

/* Resolve arena offsets into pointers (the arena may have moved while growing). */
static void resolveArena(rlAddon *a, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (a->argvoff[i] != SIZE_MAX) a->argv[i] = a->arena + a->argvoff[i];
}

static int reserveOrThrow(napi_env env, rlAddon *a, size_t n) {
    if (n == 0) {
        napi_throw_type_error(env, NULL, "redlite: empty command");
        return -1;
    }
    if (n > INT32_MAX || reserveArgs(a, n) != 0) {
        rlThrowInternal(env, "argument arrays");
        return -1;
    }
    return 0;
}

int rlArgsFromArray(napi_env env, rlAddon *a, napi_value array) {
    uint32_t n;
    NAPI_CALL_INT(env, napi_get_array_length(env, array, &n));
    if (reserveOrThrow(env, a, n) != 0) return -1;
    size_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        napi_value v;
        NAPI_CALL_INT(env, napi_get_element(env, array, i, &v));
        if (convertArg(env, a, i, v, &used) != 0) return -1;
    }
    resolveArena(a, n);
    return (int)n;
}

int rlArgsFromValues(napi_env env, rlAddon *a, size_t n, const napi_value *values,
                     const char *name) {
    if (reserveOrThrow(env, a, n) != 0) return -1;
    size_t used = 0;
    uint32_t i = 0;
    if (name) {
        a->argv[0] = name;
        a->argvlen[0] = strlen(name);
        a->argvoff[0] = SIZE_MAX;
        i = 1;
    }
    for (; i < n; i++)
        if (convertArg(env, a, i, values[i], &used) != 0) return -1;
    resolveArena(a, (uint32_t)n);
    return (int)n;
}
