/* util.c -- number parsing/formatting with Redis 7's exact grammar, glob matching, and small
 * string helpers. See util.h for the contracts. Everything here is a pure function: no
 * allocation, no global mutable state (errno is the only thing touched, through strtod). */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Redis's MAX_LONG_DOUBLE_CHARS: string2ld rejects operands of this many bytes or more. */
#define RL_LD_MAX_INPUT 5120

/* string2d copies inputs shorter than this into a stack buffer for strtod; longer inputs are
 * first rewritten into an equivalent short literal (see reduceFloatLiteral). */
#define RL_D_BUF_SIZE 1024

/* Significant digits kept when shortening a long literal. Every rounding boundary of a
 * double (values and midpoints, subnormals included) has at most 767 significant decimal
 * digits, so 800 digits plus a non-zero "sticky" digit round exactly like the original. */
#define RL_D_KEEP_DEC 800
#define RL_D_KEEP_HEX 32

/* An explicit exponent is clamped here while shortening: far beyond any double's range, yet
 * small enough that adding the mantissa's own exponent cannot overflow a long long. */
#define RL_D_EXP_CLAMP 100000000000000000LL

/* Redis's stringmatchlen() gives up (no match) when its recursion passes 1000 '*' groups. */
#define RL_GLOB_MAX_NESTING 1000

/* ASCII isspace() as in the "C" locale (Redis never changes LC_CTYPE). */
static int isSpaceC(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* ASCII tolower(); bytes other than 'A'..'Z' are returned unchanged. */
static int foldAscii(int c) {
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* The value of a byte read as a signed char (Redis compares class ranges as x86 'char'). */
static int signedByte(unsigned char b) {
    return b < 128 ? (int)b : (int)b - 256;
}

/* 1 if 'c' is an ASCII decimal digit. */
static int isDigitC(unsigned char c) {
    return c >= '0' && c <= '9';
}

/* 1 if 'c' is an ASCII hexadecimal digit. */
static int isHexDigitC(unsigned char c) {
    return isDigitC(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int string2ll(const char *s, size_t len, long long *value) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int negative = 0;
    unsigned long long v;

    if (len == 0 || len >= RL_LONG_STR_SIZE) return 0;
    if (len == 1 && p[0] == '0') {
        if (value) *value = 0;
        return 1;
    }
    if (p[0] == '-') {
        negative = 1;
        i++;
        if (i == len) return 0;
    }
    /* The first digit must be 1-9: this rejects "01", "-0", "+1", " 1". */
    if (p[i] < '1' || p[i] > '9') return 0;
    v = (unsigned long long)(p[i] - '0');
    i++;
    for (; i < len; i++) {
        unsigned d;
        if (!isDigitC(p[i])) return 0;
        d = (unsigned)(p[i] - '0');
        if (v > ULLONG_MAX / 10) return 0;
        v *= 10;
        if (v > ULLONG_MAX - d) return 0;
        v += d;
    }
    if (negative) {
        /* |LLONG_MIN| = LLONG_MAX + 1. */
        if (v > (unsigned long long)LLONG_MAX + 1ULL) return 0;
        if (value) {
            if (v == (unsigned long long)LLONG_MAX + 1ULL)
                *value = LLONG_MIN;
            else
                *value = -(long long)v;
        }
    } else {
        if (v > (unsigned long long)LLONG_MAX) return 0;
        if (value) *value = (long long)v;
    }
    return 1;
}

int ll2string(char *dst, size_t dstlen, long long v) {
    char tmp[RL_LONG_STR_SIZE];
    size_t pos = sizeof(tmp);
    unsigned long long u;
    size_t n;

    /* Negate in unsigned arithmetic so LLONG_MIN is safe. */
    u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--pos] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    if (v < 0) tmp[--pos] = '-';
    n = sizeof(tmp) - pos;
    if (n + 1 > dstlen) {
        if (dstlen) dst[0] = '\0';
        return 0;
    }
    memcpy(dst, tmp + pos, n);
    dst[n] = '\0';
    return (int)n;
}

int string2ld(const char *s, size_t len, long double *value) {
    char buf[RL_LD_MAX_INPUT];
    char *end;
    long double v;

    if (len == 0 || len >= sizeof(buf)) return 0;
    if (isSpaceC((unsigned char)s[0])) return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    v = strtold(buf, &end);
    if (end != buf + len) return 0; /* trailing garbage or an embedded NUL */
    if (errno == ERANGE && (isinf(v) || v == 0)) return 0;
    if (errno == EINVAL || isnan(v)) return 0;
    if (value) *value = v;
    return 1;
}

int ld2string(char *dst, size_t dstlen, long double value) {
    int n;
    size_t l;

    if (isinf(value)) {
        if (dstlen < 5) { /* Redis reserves room for "-inf\0" either way */
            if (dstlen) dst[0] = '\0';
            return 0;
        }
        if (value > 0) {
            memcpy(dst, "inf", 4);
            return 3;
        }
        memcpy(dst, "-inf", 5);
        return 4;
    }
    n = snprintf(dst, dstlen, "%.17Lf", value);
    if (n < 0 || (size_t)n + 1 > dstlen) {
        if (dstlen) dst[0] = '\0';
        return 0;
    }
    l = (size_t)n;
    if (memchr(dst, '.', l) != NULL) {
        while (dst[l - 1] == '0')
            l--;
        if (dst[l - 1] == '.') l--;
    }
    if (l == 2 && dst[0] == '-' && dst[1] == '0') {
        dst[0] = '0';
        l = 1;
    }
    dst[l] = '\0';
    return (int)l;
}

/* Rewrite a literal that strtod would consume whole ('s'/'len', any length) into an equivalent
 * short literal in 'out' (RL_D_BUF_SIZE bytes): same sign, same value up to a sticky digit that
 * cannot change the rounding, same over/underflow. Returns 0 if strtod would not consume the
 * whole input as a decimal or hexadecimal number (long "inf"/"nan" spellings cannot parse whole,
 * or parse as NaN, which the caller rejects anyway). */
static int reduceFloatLiteral(const char *s, size_t len, char *out) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    int hex = 0, seenPoint = 0, leading = 1, sticky = 0, anyDigit = 0;
    size_t kept = 0;
    size_t keep;
    long long e = 0, x = 0;
    char expMark;

    if (i < len && (p[i] == '+' || p[i] == '-')) {
        if (p[i] == '-') out[o++] = '-';
        i++;
    }
    if (len - i >= 2 && p[i] == '0' && (p[i + 1] == 'x' || p[i + 1] == 'X')) {
        hex = 1;
        i += 2;
    }
    keep = hex ? RL_D_KEEP_HEX : RL_D_KEEP_DEC;
    expMark = hex ? 'p' : 'e';
    memcpy(out + o, hex ? "0x0." : "0.", hex ? 4 : 2);
    o += hex ? 4 : 2;
    /* Mantissa: value = 0.DIGITS * base^e with leading zeros stripped. */
    for (; i < len; i++) {
        unsigned char c = p[i];
        if (c == '.' && !seenPoint) {
            seenPoint = 1;
            continue;
        }
        if (!(hex ? isHexDigitC(c) : isDigitC(c))) break;
        anyDigit = 1;
        if (leading && c == '0') {
            if (seenPoint) e--;
            continue;
        }
        leading = 0;
        if (kept < keep) {
            out[o++] = (char)c;
            kept++;
        } else if (c != '0') {
            sticky = 1;
        }
        if (!seenPoint) e++;
    }
    if (!anyDigit) return 0;
    /* Optional exponent: 'e' for decimal, 'p' (binary, power of two) for hex. */
    if (i < len && foldAscii(p[i]) == expMark) {
        int negExp = 0;
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-')) {
            negExp = p[i] == '-';
            i++;
        }
        if (i >= len || !isDigitC(p[i])) return 0;
        for (; i < len && isDigitC(p[i]); i++) {
            if (x < RL_D_EXP_CLAMP) x = x * 10 + (p[i] - '0');
        }
        if (negExp) x = -x;
    }
    if (i != len) return 0;
    if (leading) {
        /* All digits were zero: the value is a (signed) zero whatever the exponent. */
        o = (o > 0 && out[0] == '-') ? 1 : 0;
        memcpy(out + o, "0", 2);
        return 1;
    }
    if (sticky) out[o++] = '1';
    if (hex) e *= 4; /* hex digits are 4 bits each; the 'p' exponent is binary */
    snprintf(out + o, RL_D_BUF_SIZE - o, "%c%lld", expMark, e + x);
    return 1;
}

int string2d(const char *s, size_t len, double *value) {
    char buf[RL_D_BUF_SIZE];
    char *end;
    size_t blen;
    double v;

    if (len == 0 || isSpaceC((unsigned char)s[0])) return 0;
    /* The common case, a plain integer of up to 15 digits (scores are often counts or
     * timestamps): exact as a double, so the result is strtod's without calling it. */
    if (len <= 16) {
        size_t i = s[0] == '-';
        uint64_t x = 0;
        size_t j = i;
        for (; j < len && s[j] >= '0' && s[j] <= '9'; j++)
            x = x * 10 + (uint64_t)(s[j] - '0');
        if (j == len && j > i && j - i <= 15) {
            if (value) *value = i ? -(double)x : (double)x;
            return 1;
        }
    }
    if (len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        blen = len;
    } else {
        if (!reduceFloatLiteral(s, len, buf)) return 0;
        blen = strlen(buf);
    }
    errno = 0;
    v = strtod(buf, &end);
    if ((size_t)(end - buf) != blen) return 0;
    if (errno == ERANGE && (isinf(v) || v == 0)) return 0;
    if (isnan(v)) return 0;
    if (value) *value = v;
    return 1;
}

int d2string(char *dst, size_t dstlen, double value) {
    int n;

    if (isnan(value)) {
        n = snprintf(dst, dstlen, "%s", "nan");
    } else if (isinf(value)) {
        n = snprintf(dst, dstlen, "%s", value < 0 ? "-inf" : "inf");
    } else if (value == 0) {
        n = snprintf(dst, dstlen, "%s", signbit(value) ? "-0" : "0");
    } else if (value > -4503599627370495.0 && value < 4503599627370496.0 &&
               value == (double)(long long)value) {
        /* Redis 7.0's "safe range" for printing an integral double as an integer. */
        return ll2string(dst, dstlen, (long long)value);
    } else {
        n = snprintf(dst, dstlen, "%.17g", value);
    }
    if (n < 0 || (size_t)n + 1 > dstlen) {
        if (dstlen) dst[0] = '\0';
        return 0;
    }
    return n;
}

/* Match the single-byte token (anything but '*') at pattern[pi] against byte 'c' with Redis's
 * rules; stores the index just past the token in '*next' (which does not depend on 'c').
 * Returns 1 if the token accepts 'c'. */
static int globToken(const char *pattern, size_t patternLen, size_t pi, unsigned char c, int nocase,
                     size_t *next) {
    const unsigned char *p = (const unsigned char *)pattern;
    size_t i;
    int negate = 0, match = 0;

    if (p[pi] == '?') {
        *next = pi + 1;
        return 1;
    }
    if (p[pi] != '[') {
        /* A literal; '\\' escapes the next byte, and a lone trailing one is a literal '\\'. */
        if (p[pi] == '\\' && patternLen - pi >= 2) pi++;
        *next = pi + 1;
        if (nocase) return foldAscii(p[pi]) == foldAscii(c);
        return p[pi] == c;
    }

    i = pi + 1;
    if (i < patternLen && p[i] == '^') {
        negate = 1;
        i++;
    }
    for (;;) {
        if (i >= patternLen) {
            /* Unterminated class: the bytes seen so far form the class. */
            *next = patternLen;
            break;
        }
        if (p[i] == '\\' && patternLen - i >= 2) {
            /* Escaped class member: compared exactly, even when 'nocase'. */
            if (p[i + 1] == c) match = 1;
            i += 2;
        } else if (p[i] == ']') {
            *next = i + 1;
            break;
        } else if (patternLen - i >= 3 && p[i + 1] == '-') {
            /* Range, either order; bytes compare as signed chars and 'nocase' folds the
             * bounds after ordering them (so "[m-Z]" is empty when folding). */
            int start = signedByte(p[i]), end = signedByte(p[i + 2]), ch = signedByte(c);
            if (start > end) {
                int t = start;
                start = end;
                end = t;
            }
            if (nocase) {
                start = foldAscii(start);
                end = foldAscii(end);
                ch = foldAscii(ch);
            }
            if (ch >= start && ch <= end) match = 1;
            i += 3;
        } else {
            if (nocase ? foldAscii(p[i]) == foldAscii(c) : p[i] == c) match = 1;
            i++;
        }
    }
    return negate ? !match : match;
}

/* Scans 'pattern' once. Returns 1 if Redis's recursive matcher would hit its nesting limit on
 * it: that happens for every non-empty string once the pattern has more than
 * RL_GLOB_MAX_NESTING groups of '*', unless group number RL_GLOB_MAX_NESTING + 1 is the last one
 * and ends the pattern. Otherwise returns 0 and describes the tail after the last '*' group:
 * '*tailStart' is its index (0 when the pattern has no '*'), '*tailWidth' its number of tokens,
 * each of which consumes exactly one byte. */
static int globScan(const char *pattern, size_t patternLen, size_t *tailStart, size_t *tailWidth) {
    size_t pi = 0, next, groups = 0, width = 0;

    *tailStart = 0;
    while (pi < patternLen) {
        if (pattern[pi] == '*') {
            while (pi < patternLen && pattern[pi] == '*')
                pi++;
            groups++;
            if (groups > RL_GLOB_MAX_NESTING && pi != patternLen) return 1;
            *tailStart = pi;
            width = 0;
            continue;
        }
        (void)globToken(pattern, patternLen, pi, 0, 0, &next);
        pi = next;
        width++;
    }
    *tailWidth = width;
    return 0;
}

/* Literal runs between two '*' groups at least this many tokens long are located with a
 * rolling hash instead of by restarting the match at every byte. */
#define RL_GLOB_HASHED_RUN 16

/* Rabin-Karp over two hashes modulo the prime 2^31 - 1 (products fit in 64 bits). */
#define RL_GLOB_MOD 2147483647ULL
#define RL_GLOB_BASE1 1000003ULL
#define RL_GLOB_BASE2 911382323ULL

/* If pattern[pi...] up to the next '*' group (or the end) is made only of literal tokens
 * (plain or escaped bytes: no '?', no class), returns how many and stores the index of the
 * byte just after them in '*end'; returns 0 otherwise. */
static size_t globLiteralRun(const char *pattern, size_t patternLen, size_t pi, size_t *end) {
    size_t n = 0;

    while (pi < patternLen && pattern[pi] != '*') {
        if (pattern[pi] == '?' || pattern[pi] == '[') return 0;
        pi += (pattern[pi] == '\\' && patternLen - pi >= 2) ? 2 : 1;
        n++;
    }
    *end = pi;
    return n;
}

/* The byte of the literal token at pattern[*pi] (folded when 'nocase'); advances '*pi'. */
static unsigned char globLiteralByte(const char *pattern, size_t patternLen, size_t *pi,
                                     int nocase) {
    unsigned char c;

    if (pattern[*pi] == '\\' && patternLen - *pi >= 2) ++*pi;
    c = (unsigned char)pattern[(*pi)++];
    return nocase ? (unsigned char)foldAscii(c) : c;
}

/* 1 if the 'n' literal tokens from pattern[pi] equal the bytes 'str'. */
static int globLiteralEq(const char *pattern, size_t patternLen, size_t pi, size_t n,
                         const unsigned char *str, int nocase) {
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned char c = nocase ? (unsigned char)foldAscii(str[i]) : str[i];
        if (globLiteralByte(pattern, patternLen, &pi, nocase) != c) return 0;
    }
    return 1;
}

/* The leftmost index q >= 'from' at which str[q..q+n) equals the 'n' literal tokens starting
 * at pattern[pi] (ASCII case folded when 'nocase'), or SIZE_MAX. Expected O(stringLen + n):
 * candidates are compared byte by byte only when both rolling hashes agree. */
static size_t globFindLiteral(const char *pattern, size_t patternLen, size_t pi, size_t n,
                              const unsigned char *str, size_t from, size_t stringLen, int nocase) {
    uint64_t want1 = 0, want2 = 0, h1 = 0, h2 = 0, top1 = 1, top2 = 1;
    size_t i, q, p = pi;

    if (stringLen - from < n) return SIZE_MAX;
    for (i = 0; i < n; i++) {
        uint64_t pc = globLiteralByte(pattern, patternLen, &p, nocase);
        uint64_t sc = nocase ? (uint64_t)foldAscii(str[from + i]) : str[from + i];
        want1 = (want1 * RL_GLOB_BASE1 + pc) % RL_GLOB_MOD;
        want2 = (want2 * RL_GLOB_BASE2 + pc) % RL_GLOB_MOD;
        h1 = (h1 * RL_GLOB_BASE1 + sc) % RL_GLOB_MOD;
        h2 = (h2 * RL_GLOB_BASE2 + sc) % RL_GLOB_MOD;
        if (i) {
            top1 = top1 * RL_GLOB_BASE1 % RL_GLOB_MOD;
            top2 = top2 * RL_GLOB_BASE2 % RL_GLOB_MOD;
        }
    }
    for (q = from;; q++) {
        uint64_t out, in;
        if (h1 == want1 && h2 == want2 &&
            globLiteralEq(pattern, patternLen, pi, n, str + q, nocase))
            return q;
        if (q + n >= stringLen) return SIZE_MAX;
        out = nocase ? (uint64_t)foldAscii(str[q]) : str[q];
        in = nocase ? (uint64_t)foldAscii(str[q + n]) : str[q + n];
        h1 = ((h1 + RL_GLOB_MOD - out * top1 % RL_GLOB_MOD) * RL_GLOB_BASE1 + in) % RL_GLOB_MOD;
        h2 = ((h2 + RL_GLOB_MOD - out * top2 % RL_GLOB_MOD) * RL_GLOB_BASE2 + in) % RL_GLOB_MOD;
    }
}

int stringmatchlen(const char *pattern, size_t patternLen, const char *string, size_t stringLen,
                   int nocase) {
    const unsigned char *str = (const unsigned char *)string;
    size_t pi = 0, si = 0, next;
    size_t starP = 0, starS = 0, tailStart, tailWidth, run;
    int haveStar = 0;

    /* Redis never enters its loop for an empty string: only the empty pattern matches it
     * (so "*" does not match "" here; KEYS special-cases a lone "*" before matching). */
    if (stringLen == 0) return patternLen == 0;
    if (globScan(pattern, patternLen, &tailStart, &tailWidth)) return 0;

    /* Every token but '*' consumes exactly one byte, so on a mismatch it is enough to let the
     * most recent '*' absorb one more byte: earlier stars never need to be revisited. Each
     * restart advances starS, bounding the work by O(patternLen * stringLen). After the last
     * '*' the tokens left consume exactly tailWidth bytes, so only the string's last tailWidth
     * bytes can match them: that case costs O(patternLen), with no restarts. Long literal runs
     * between stars are found by a rolling hash in expected O(stringLen). */
    while (si < stringLen) {
        if (pi < patternLen && pattern[pi] == '*') {
            while (pi < patternLen && pattern[pi] == '*')
                pi++;
            if (pi == patternLen) return 1; /* a trailing '*' swallows the rest */
            if (pi == tailStart) {
                if (stringLen - si < tailWidth) return 0;
                for (si = stringLen - tailWidth; si < stringLen; si++) {
                    if (!globToken(pattern, patternLen, pi, str[si], nocase, &next)) return 0;
                    pi = next;
                }
                return 1;
            }
            run = globLiteralRun(pattern, patternLen, pi, &next);
            if (run >= RL_GLOB_HASHED_RUN) {
                /* A literal run between two '*' groups: its leftmost occurrence is the best
                 * place for it (the next '*' absorbs whatever follows), and if it does not
                 * occur the pattern cannot match. */
                size_t at =
                    globFindLiteral(pattern, patternLen, pi, run, str, si, stringLen, nocase);
                if (at == SIZE_MAX) return 0;
                si = at + run;
                pi = next;
                haveStar = 0;
                continue;
            }
            haveStar = 1;
            starP = pi;
            starS = si;
            continue;
        }
        if (pi < patternLen && globToken(pattern, patternLen, pi, str[si], nocase, &next)) {
            pi = next;
            si++;
            continue;
        }
        if (!haveStar) return 0;
        starS++;
        si = starS;
        pi = starP;
    }
    while (pi < patternLen && pattern[pi] == '*')
        pi++;
    return pi == patternLen;
}

int rlStrEqNoCase(const char *s, size_t len, const char *token) {
    size_t i;

    for (i = 0; i < len; i++) {
        if (token[i] == '\0') return 0;
        if (foldAscii((unsigned char)s[i]) != foldAscii((unsigned char)token[i])) return 0;
    }
    return token[len] == '\0';
}
