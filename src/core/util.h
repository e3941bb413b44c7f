/* util.h -- number parsing/formatting with Redis's exact grammar, glob matching, and small
 * string helpers. Pure functions: no allocation, no global state. */
#ifndef RL_UTIL_H
#define RL_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <string.h>

/* The length of the 'len' bytes at 's' up to their first NUL byte (strnlen, which strict C11
 * does not declare): the part of an argument Redis sees where it reads it as a C string. */
static inline size_t rlLenToNul(const char *s, size_t len) {
    const char *nul = memchr(s, '\0', len);
    return nul ? (size_t)(nul - s) : len;
}

/* 1 if the 'len' bytes at 'a' and 'b' are equal. For the short keys and command names of
 * lookups: compares 8 bytes at a time inline instead of calling memcmp through the PLT
 * (that call measured as a tenth of an in-cache GET's native time). */
static inline int rlMemEq(const void *a, const void *b, size_t len) {
    const unsigned char *p = a, *q = b;
    if (len >= 8) {
        uint64_t x, y;
        while (len > 8) {
            memcpy(&x, p, 8);
            memcpy(&y, q, 8);
            if (x != y) return 0;
            p += 8;
            q += 8;
            len -= 8;
        }
        /* The last 8 bytes, overlapping what was compared already. */
        memcpy(&x, p + len - 8, 8);
        memcpy(&y, q + len - 8, 8);
        return x == y;
    }
    if (len >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, p, 4);
        memcpy(&y0, q, 4);
        memcpy(&x1, p + len - 4, 4);
        memcpy(&y1, q + len - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    for (size_t i = 0; i < len; i++)
        if (p[i] != q[i]) return 0;
    return 1;
}

/* Largest buffer any of the formatters below need (including the NUL). */
#define RL_LONG_STR_SIZE 21
#define RL_LD_STR_SIZE 5600 /* %.17Lf of LDBL_MAX is ~4950 digits */
#define RL_DOUBLE_STR_SIZE 128

/* Parse 's'/'len' as a signed 64-bit integer with Redis's strict grammar (string2ll):
 * optional '-', no '+', no leading zeros (except "0"), no spaces, no empty string,
 * at most 20 characters, no overflow. Returns 1 and stores '*value' on success, 0 otherwise. */
int string2ll(const char *s, size_t len, long long *value);

/* Format 'v' in base 10 into 'dst' (at least RL_LONG_STR_SIZE bytes). Returns the length. */
int ll2string(char *dst, size_t dstlen, long long v);

/* Parse 's'/'len' as a long double the way Redis's string2ld does (INCRBYFLOAT operands):
 * reject the empty string, strings of 5120 bytes or more (Redis's MAX_LONG_DOUBLE_CHARS), a
 * leading space, trailing garbage, NaN, and overflow/underflow (ERANGE). "inf"/"-inf" parse
 * (the caller rejects an infinite result). Returns 1 and stores '*value' on success. */
int string2ld(const char *s, size_t len, long double *value);

/* Format a long double the way Redis's ld2string(..., LD_STR_HUMAN) does (INCRBYFLOAT's
 * reply): "%.17Lf" then trailing zeros and a trailing '.' removed; "-0" becomes "0";
 * infinities are "inf"/"-inf". Returns the length, or 0 if it does not fit in 'dstlen'. */
int ld2string(char *dst, size_t dstlen, long double value);

/* Parse a double with Redis's strict grammar (string2d / getDoubleFromObject): no empty
 * string, no leading space, no trailing garbage, not NaN; "inf", "+inf", "-inf" (any case)
 * accepted. Returns 1 on success. */
int string2d(const char *s, size_t len, double *value);

/* Format a double as Redis 7 does for replies that carry a double as a string (d2string):
 * "inf", "-inf", "nan"; integers in the safe range without a fraction; otherwise "%.17g".
 * Returns the length. 'dstlen' >= RL_DOUBLE_STR_SIZE. */
int d2string(char *dst, size_t dstlen, double value);

/* Glob-style match of 'string'/'stringLen' against 'pattern'/'patternLen' with Redis's
 * syntax: '*', '?', '[abc]', '[^abc]', '[a-z]', and '\' escaping the next character.
 * 'nocase' folds ASCII case. Returns 1 on match. As in Redis, an empty string matches only
 * the empty pattern ("*" included: KEYS/SCAN must special-case a lone "*" as Redis does).
 * Cost is bounded by O(patternLen * stringLen) whatever the pattern (no exponential
 * backtracking, no recursion), so hostile patterns such as "*a*a*a*a*a*a*a*b" cannot hang
 * the caller; the part after the last '*', and literal runs of 16 bytes or more between
 * stars, cost O(patternLen + stringLen) (the latter expected: a rolling hash). */
int stringmatchlen(const char *pattern, size_t patternLen, const char *string, size_t stringLen,
                   int nocase);

/* ASCII case-insensitive comparison of a byte string with a NUL-terminated token:
 * returns 1 when 's'/'len' equals 'token' ignoring ASCII case. */
int rlStrEqNoCase(const char *s, size_t len, const char *token);

#endif
