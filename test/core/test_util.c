/* test_util.c -- unit tests for util.c. Expected values were taken from a real Redis 7.0.15:
 * string2ld/ld2string from INCRBYFLOAT, string2d from ZADD, d2string from ZSCORE (RESP2), and
 * stringmatchlen from KEYS (case-sensitive) and CONFIG GET (which matches with nocase). */
#include "test_help.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prototypes (-Wmissing-prototypes); "extern" keeps them out of the runner's test list. */
extern int test_util_string2ll_accepts(void);
extern int test_util_string2ll_rejects(void);
extern int test_util_ll2string(void);
extern int test_util_string2ld_grammar(void);
extern int test_util_string2ld_length_limit(void);
extern int test_util_string2ld_extended_range(void);
extern int test_util_ld2string_human(void);
extern int test_util_ld2string_sums(void);
extern int test_util_ld2string_limits(void);
extern int test_util_string2d_grammar(void);
extern int test_util_string2d_long_input(void);
extern int test_util_string2d_integers(void);
extern int test_util_d2string(void);
extern int test_util_stringmatch_redis_table(void);
extern int test_util_stringmatch_binary(void);
extern int test_util_stringmatch_nocase(void);
extern int test_util_stringmatch_hostile(void);
extern int test_util_stringmatch_nesting_limit(void);
extern int test_util_stringmatch_exhaustive(void);
extern int test_util_stringmatch_literal_runs(void);
extern int test_util_streqnocase(void);
extern int test_util_memeq(void);

/* Size of the scratch buffers used to build long inputs. */
#define BIG 12000

static int ldExact(void) {
    return testLongDoubleExact();
}

/* string2ll over a NUL-terminated string. */
static int s2ll(const char *s, long long *v) {
    return string2ll(s, strlen(s), v);
}

/* string2ld over a NUL-terminated string. */
static int s2ld(const char *s, long double *v) {
    return string2ld(s, strlen(s), v);
}

/* string2d over a NUL-terminated string. */
static int s2d(const char *s, double *v) {
    return string2d(s, strlen(s), v);
}

/* 1 if ld2string(v) produces exactly 'want'. */
static int ldIs(long double v, const char *want) {
    char buf[RL_LD_STR_SIZE];
    int n = ld2string(buf, sizeof(buf), v);
    return n == (int)strlen(want) && strcmp(buf, want) == 0;
}

/* 1 if parsing 'in' with string2ld and formatting it back (INCRBYFLOAT k <in> on a key holding
 * 0) gives 'want'. */
static int incrFromZero(const char *in, const char *want) {
    long double v;
    if (!s2ld(in, &v)) return 0;
    return ldIs(0.0L + v, want);
}

/* 1 if d2string(v) produces exactly 'want'. */
static int dIs(double v, const char *want) {
    char buf[RL_DOUBLE_STR_SIZE];
    int n = d2string(buf, sizeof(buf), v);
    return n == (int)strlen(want) && strcmp(buf, want) == 0;
}

/* stringmatchlen over NUL-terminated strings. */
static int gm(const char *p, const char *s, int nocase) {
    return stringmatchlen(p, strlen(p), s, strlen(s), nocase);
}

/* Fill 'buf' with 'n' copies of 'unit' (NUL-terminated); returns the length. */
static size_t repeat(char *buf, const char *unit, size_t n) {
    size_t u = strlen(unit), i;
    for (i = 0; i < n; i++)
        memcpy(buf + i * u, unit, u);
    buf[n * u] = '\0';
    return n * u;
}

int test_util_string2ll_accepts(void) {
    static const struct {
        const char *s;
        long long v;
    } ok[] = {
        {"0", 0},
        {"1", 1},
        {"-1", -1},
        {"99", 99},
        {"-99", -99},
        {"10", 10},
        {"1000000", 1000000},
        {"9223372036854775807", LLONG_MAX},
        {"-9223372036854775808", LLONG_MIN},
        {"-9223372036854775807", -LLONG_MAX},
    };
    size_t i;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        long long v = 12345;
        TEST_ASSERT(s2ll(ok[i].s, &v) == 1);
        TEST_ASSERT(v == ok[i].v);
        TEST_ASSERT(s2ll(ok[i].s, NULL) == 1);
    }
    /* Only 'len' bytes are read. */
    {
        long long v = 0;
        TEST_ASSERT(string2ll("123abc", 3, &v) == 1 && v == 123);
    }
    return 0;
}

int test_util_string2ll_rejects(void) {
    static const char *const bad[] = {"",
                                      "-",
                                      "+1",
                                      " 1",
                                      "1 ",
                                      "01",
                                      "-0",
                                      "00",
                                      "-01",
                                      "0x10",
                                      "1.0",
                                      "1e3",
                                      "--1",
                                      "1-",
                                      "a",
                                      "12a",
                                      "\t1",
                                      "+0",
                                      "9223372036854775808",
                                      "-9223372036854775809",
                                      "18446744073709551616",
                                      "99999999999999999999",
                                      "-99999999999999999999",
                                      "000000000000000000001"};
    size_t i;
    long long v = 777;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        TEST_ASSERT_MESSAGE(bad[i], s2ll(bad[i], &v) == 0);
    }
    TEST_ASSERT(v == 777); /* untouched on failure */
    /* Embedded NUL and overlong inputs. */
    TEST_ASSERT(string2ll("1\0002", 3, &v) == 0); /* '1', NUL, '2' */
    TEST_ASSERT(string2ll("0\0", 2, &v) == 0);
    TEST_ASSERT(string2ll("100000000000000000000", 21, &v) == 0);
    return 0;
}

int test_util_ll2string(void) {
    static const struct {
        long long v;
        const char *s;
    } cases[] = {{0, "0"},
                 {7, "7"},
                 {-7, "-7"},
                 {10, "10"},
                 {-100, "-100"},
                 {1234567890123LL, "1234567890123"},
                 {LLONG_MAX, "9223372036854775807"},
                 {LLONG_MIN, "-9223372036854775808"}};
    char buf[RL_LONG_STR_SIZE];
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int n = ll2string(buf, sizeof(buf), cases[i].v);
        TEST_ASSERT(n == (int)strlen(cases[i].s));
        TEST_ASSERT(strcmp(buf, cases[i].s) == 0);
    }
    /* Round trip through string2ll. */
    for (i = 0; i < 63; i++) {
        long long v = (long long)(1ULL << i) - 3, back = 0;
        int n = ll2string(buf, sizeof(buf), v);
        TEST_ASSERT(string2ll(buf, (size_t)n, &back) == 1 && back == v);
    }
    /* Too small a buffer: 0 and an empty string. */
    TEST_ASSERT(ll2string(buf, 3, 123) == 0 && buf[0] == '\0');
    TEST_ASSERT(ll2string(buf, 4, 123) == 3 && strcmp(buf, "123") == 0);
    TEST_ASSERT(ll2string(buf, 0, 1) == 0);
    return 0;
}

int test_util_string2ld_grammar(void) {
    /* Accepted by INCRBYFLOAT (infinities parse; INCRBYFLOAT then says "would produce NaN or
     * Infinity"). strtold's extras are accepted: hex, exponents, '+', "5.", ".5". */
    static const char *const ok[] = {"1.5",   "0.1",      "1e5", "0x10",  "inf",    "-inf",
                                     "+inf",  "Infinity", "INF", "1e4",   "1e-400", ".5",
                                     "5.",    "+1.5",     "-0",  "3.0e3", "0x1p3",  "1e-310",
                                     "0.1e1", "00012",    "-.5", "1e+2",  "1E2",    "0X1A"};
    static const char *const bad[] = {" 1",  "1 ", "\t1", "\n1",     "nan", "-nan", "NaN",
                                      "",    "-",  "+",   ".",       "e5",  "1e",   "1_0",
                                      "1,5", "0x", "1/3", "infinit", "--1"};
    size_t i;
    long double v = 0;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        TEST_ASSERT_MESSAGE(ok[i], s2ld(ok[i], &v));
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        TEST_ASSERT_MESSAGE(bad[i], !s2ld(bad[i], &v));
    TEST_ASSERT(s2ld("0x10", &v) && v == 16.0L);
    TEST_ASSERT(s2ld("-0", &v) && v == 0 && signbit(v));
    /* Embedded NUL, and only 'len' bytes are read. */
    TEST_ASSERT(!string2ld("1\0", 2, &v));
    TEST_ASSERT(!string2ld("\0001", 2, &v)); /* NUL, '1' */
    TEST_ASSERT(string2ld("2.5xyz", 3, &v) && v == 2.5L);
    return 0;
}

int test_util_string2ld_length_limit(void) {
    /* Redis rejects operands of MAX_LONG_DOUBLE_CHARS (5120) bytes or more: "1.000..." of
     * 5119 bytes is 1, of 5120 bytes is "not a valid float". */
    char buf[BIG];
    long double v = 0;
    memset(buf, '0', sizeof(buf));
    buf[0] = '1';
    buf[1] = '.';
    TEST_ASSERT(string2ld(buf, 5118, &v) && v == 1.0L);
    TEST_ASSERT(string2ld(buf, 5119, &v) && v == 1.0L);
    TEST_ASSERT(!string2ld(buf, 5120, &v));
    TEST_ASSERT(!string2ld(buf, 5121, &v));
    TEST_ASSERT(!string2ld(buf, sizeof(buf), &v));
    return 0;
}

int test_util_string2ld_extended_range(void) {
    if (!ldExact()) return 0;
    {
        /* Beyond any long double, and well inside one (but not a double). */
        long double w = 0;
        TEST_ASSERT(!s2ld("1e5000", &w) && !s2ld("-1e5000", &w));
        TEST_ASSERT(s2ld("-inf", &w) && isinf(w) && w < 0);
        TEST_ASSERT(s2ld("1e400", &w) && s2ld("-1e400", &w) && s2ld("1e-400", &w) && w > 0);
    }
#if LDBL_MANT_DIG == 64
    /* x87 80-bit long double (what Redis on x86-64 uses): overflow past ~1.19e4932 and
     * underflow below the smallest subnormal (~3.6e-4951) are rejected; subnormals are not. */
    long double v = 0;
    TEST_ASSERT(s2ld("1e4932", &v));
    TEST_ASSERT(!s2ld("1.2e4932", &v));
    TEST_ASSERT(s2ld("0x1.fffffffffffffffep16383", &v) && v == LDBL_MAX);
    TEST_ASSERT(!s2ld("0x1p16384", &v));
    TEST_ASSERT(s2ld("1e-4940", &v) && v > 0);
    TEST_ASSERT(s2ld("1e-4950", &v) && v > 0);
    TEST_ASSERT(s2ld("3e-4951", &v) && v > 0);
    TEST_ASSERT(!s2ld("1e-4951", &v));
    TEST_ASSERT(!s2ld("1e-4952", &v));
    TEST_ASSERT(s2ld("0x1p-16445", &v) && v > 0);
    TEST_ASSERT(!s2ld("0x1p-16446", &v));
#endif
    return 0;
}

int test_util_ld2string_human(void) {
    if (!ldExact()) return 0;
    /* INCRBYFLOAT k <in> on a key holding 0 replies <out>. */
    static const struct {
        const char *in, *out;
    } cases[] = {{"1.5", "1.5"},
                 {"0.1", "0.1"},
                 {"1e5", "100000"},
                 {"0x10", "16"},
                 {".5", "0.5"},
                 {"5.", "5"},
                 {"+1.5", "1.5"},
                 {"-0", "0"},
                 {"3.0e3", "3000"},
                 {"3.0e-5", "0.00003"},
                 {"5.0e3", "5000"},
                 {"10.5", "10.5"},
                 {"-10.5", "-10.5"},
                 {"1e20", "100000000000000000000"},
                 {"0.1e1", "1"},
                 {"0x1p3", "8"},
                 {"1e-310", "0"},
                 {"1e-18", "0"},
                 {"-1e-18", "0"},
                 {"1e-17", "0.00000000000000001"},
                 {"0.3333333333333333333333", "0.33333333333333333"},
                 {"100", "100"},
                 {"-100", "-100"}};
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        TEST_ASSERT_MESSAGE(cases[i].in, incrFromZero(cases[i].in, cases[i].out));
    TEST_ASSERT(ldIs(INFINITY, "inf"));
    TEST_ASSERT(ldIs(-INFINITY, "-inf"));
    TEST_ASSERT(ldIs(-0.0L, "0"));
    TEST_ASSERT(ldIs(0.0L, "0"));
#if LDBL_MANT_DIG == 64
    TEST_ASSERT(incrFromZero("1e-400", "0"));
    TEST_ASSERT(incrFromZero("12345678901234567890.123", "12345678901234567890"));
    TEST_ASSERT(incrFromZero(
        "1e400", "100000000000000000002818806839475865145864534336290520386259106935396855340086298"
                 "620393639948483241605220940539273176162002958227772592557340238289765933406610177"
                 "974474345461739178624481166749717237789438243915933380474706750262466844013592375"
                 "136038303437354855052449559649790218250382800910684149474024568986530409510175126"
                 "58092615827588920183472511643316591362664138176309734806343732497430221946880"));
#endif
    return 0;
}

int test_util_ld2string_sums(void) {
    if (!ldExact()) return 0;
    /* INCRBYFLOAT sequences, evaluated in long double as Redis does. */
    long double a, b, c;
    TEST_ASSERT(s2ld("1.5", &a) && s2ld("0.1", &b));
    TEST_ASSERT(ldIs(a + b, "1.6"));
    TEST_ASSERT(s2ld("1.6", &a) && s2ld("-1.6", &b));
    TEST_ASSERT(ldIs(a + b, "0"));
    TEST_ASSERT(s2ld("0.1", &a) && s2ld("0.2", &b));
    TEST_ASSERT(ldIs(0.0L + a, "0.1"));
    TEST_ASSERT(ldIs(0.0L + a + b, "0.3"));
    TEST_ASSERT(s2ld("-20.5", &a));
    TEST_ASSERT(ldIs(10.0L + a, "-10.5"));
    TEST_ASSERT(s2ld("1e17", &a));
    TEST_ASSERT(ldIs(3.0L + a, "100000000000000003"));
    TEST_ASSERT(s2ld("-0.0", &c));
    TEST_ASSERT(ldIs(0.0L + c, "0"));
    return 0;
}

int test_util_ld2string_limits(void) {
    if (!ldExact()) return 0;
    char buf[RL_LD_STR_SIZE];
    /* Infinities need room for "-inf\0" even when positive. */
    TEST_ASSERT(ld2string(buf, 4, INFINITY) == 0);
    TEST_ASSERT(ld2string(buf, 5, INFINITY) == 3 && strcmp(buf, "inf") == 0);
    TEST_ASSERT(ld2string(buf, 5, -INFINITY) == 4 && strcmp(buf, "-inf") == 0);
    /* "%.17Lf" must fit before trimming: 1.5 prints as "1.50000000000000000" (19 chars). */
    TEST_ASSERT(ld2string(buf, 19, 1.5L) == 0);
    TEST_ASSERT(ld2string(buf, 20, 1.5L) == 3 && strcmp(buf, "1.5") == 0);
    TEST_ASSERT(ld2string(buf, 0, 1.5L) == 0);
#if LDBL_MANT_DIG == 64
    {
        /* LDBL_MAX: 4933 integer digits, "." and 17 decimals before trimming. */
        int n = ld2string(buf, sizeof(buf), LDBL_MAX);
        TEST_ASSERT(n == 4933);
        TEST_ASSERT(strncmp(buf, "1189731495357231765021263853030970205169", 40) == 0);
        TEST_ASSERT(ld2string(buf, 4951, LDBL_MAX) == 0);
        TEST_ASSERT(ld2string(buf, 4952, LDBL_MAX) == 4933);
        TEST_ASSERT(ld2string(buf, sizeof(buf), -LDBL_MAX) == 4934 && buf[0] == '-');
        n = ld2string(buf, sizeof(buf), 1e4932L);
        TEST_ASSERT(n == 4933 && strncmp(buf, "1000000000000000000006018949387963891323", 40) == 0);
    }
#endif
    return 0;
}

int test_util_string2d_grammar(void) {
    /* ZADD z <x> m: accepted vs "ERR value is not a valid float". */
    static const char *const ok[] = {
        "1.5",       "0.1",    "1e5",      "0x10",   "inf",
        "-inf",      "+inf",   "Inf",      "INF",    "Infinity",
        "-Infinity", "1e-310", "4.9e-324", "3e-324", ".5",
        "5.",        "+1.5",   "-0",       "3.0e3",  "0x1p3",
        "0x1P-1074", "00012",  "1e+2",     "1E2",    "1.7976931348623157e308",
        "0x.8"};
    static const char *const bad[] = {" 1",      "1 ",
                                      "\t1",     "infinit",
                                      "nan",     "-nan",
                                      "NaN",     "nan(123)",
                                      "1e400",   "-1e400",
                                      "1e-400",  "2e-324",
                                      "",        "-",
                                      "+",       ".",
                                      "e5",      "1e",
                                      "0x",      "0x1p-1075",
                                      "1/3",     "1.7976931348623159e308",
                                      "1e-4950", "1e5000",
                                      "--1",     "1,5"};
    size_t i;
    double v = 0;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        TEST_ASSERT_MESSAGE(ok[i], s2d(ok[i], &v));
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        TEST_ASSERT_MESSAGE(bad[i], !s2d(bad[i], &v));
    TEST_ASSERT(s2d("0x10", &v) && v == 16.0);
    TEST_ASSERT(s2d("Infinity", &v) && isinf(v) && v > 0);
    TEST_ASSERT(s2d("-inf", &v) && isinf(v) && v < 0);
    TEST_ASSERT(s2d("-0", &v) && v == 0 && signbit(v));
    TEST_ASSERT(s2d("3e-324", &v) && v == 4.9406564584124654e-324);
    TEST_ASSERT(s2d("1.5", &v) && v == 1.5);
    TEST_ASSERT(!string2d("\0001", 2, &v)); /* NUL, '1' */
    TEST_ASSERT(!string2d("1\0", 2, &v));
    TEST_ASSERT(string2d("2.5xyz", 3, &v) && v == 2.5);
    TEST_ASSERT(string2d("12", 1, &v) && v == 1.0);
    return 0;
}

static int agreesWithStrtod(const char *s);

int test_util_string2d_integers(void) {
    /* Plain integers take a fast path up to 15 digits; results must be strtod's. */
    static const char *const cases[] = {"0",
                                        "-0",
                                        "7",
                                        "-7",
                                        "007",
                                        "-007",
                                        "123456789012345",
                                        "-999999999999999",
                                        "1234567890123456",
                                        "-1234567890123456",
                                        "9007199254740993",
                                        "99999999999999999999",
                                        "-",
                                        "--1",
                                        "1-",
                                        "+12",
                                        "12a",
                                        "0000000000000001"};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        TEST_ASSERT_MESSAGE(cases[i], agreesWithStrtod(cases[i]));
    return 0;
}

/* 1 if string2d('s') agrees with strtod over the whole NUL-terminated string (Redis's own
 * check: whole input consumed, no overflow, no underflow to zero, not NaN, no leading space). */
static int agreesWithStrtod(const char *s) {
    double mine = 0, ref;
    char *end;
    int refOk, ok;
    size_t len = strlen(s);
    errno = 0;
    ref = strtod(s, &end);
    refOk = len > 0 && (size_t)(end - s) == len && !isnan(ref) &&
            !(errno == ERANGE && (isinf(ref) || ref == 0)) && s[0] != ' ';
    ok = string2d(s, len, &mine);
    if (ok != refOk) return 0;
    if (ok && memcmp(&mine, &ref, sizeof(mine)) != 0) return 0;
    return 1;
}

int test_util_string2d_long_input(void) {
    /* Inputs of 1024 bytes or more are shortened before strtod; results must not change.
     * Checked against ZADD as well: "1." + 6000 zeros is 1, "0." + 6000 zeros + "1e6003" is
     * 100, and the halfway case below rounds up only because of its final '1'. */
    static const char half[] = "1.00000000000000011102230246251565404236316680908203125";
    static const char *const prefixes[] = {"",   "-",  "+",    "0",    "0.",  "1",
                                           "1.", "0x", "0x1.", "0x0.", "-0x", "12345.678"};
    static const char *const fills[] = {"0", "1", "9", "5", "f", "."};
    static const char *const suffixes[] = {"",
                                           "1",
                                           "e5",
                                           "e-5",
                                           "e300",
                                           "e-300",
                                           "e-1100",
                                           "e+1100",
                                           "p3",
                                           "p-1070",
                                           "p1030",
                                           "e",
                                           "e+",
                                           "1e-99999999999999999999",
                                           "x",
                                           " ",
                                           "e0000000000000000000000002"};
    static const size_t counts[] = {1020, 1021, 1022, 1023, 1024, 1100, 3000, 6000};
    char *buf = malloc(BIG);
    size_t a, b, c, d, n;
    double v = 0;
    TEST_ASSERT(buf != NULL);
    for (a = 0; a < sizeof(prefixes) / sizeof(prefixes[0]); a++) {
        for (b = 0; b < sizeof(fills) / sizeof(fills[0]); b++) {
            for (c = 0; c < sizeof(suffixes) / sizeof(suffixes[0]); c++) {
                for (d = 0; d < sizeof(counts) / sizeof(counts[0]); d++) {
                    n = strlen(prefixes[a]);
                    memcpy(buf, prefixes[a], n);
                    n += repeat(buf + n, fills[b], counts[d]);
                    strcpy(buf + n, suffixes[c]);
                    if (!agreesWithStrtod(buf)) {
                        fprintf(stderr, "  mismatch: %.40s... (%zu bytes)\n", buf, strlen(buf));
                        free(buf);
                        TEST_ASSERT(0);
                    }
                }
            }
        }
    }
    /* Halfway between 1 and the next double: ties to even (1), any later non-zero digit
     * rounds up; the deciding digit sits thousands of bytes in. */
    n = strlen(half);
    memcpy(buf, half, n);
    n += repeat(buf + n, "0", 5000);
    TEST_ASSERT(string2d(buf, n, &v) && v == 1.0);
    buf[n++] = '1';
    buf[n] = '\0';
    TEST_ASSERT(string2d(buf, n, &v) && v == 1.0000000000000002);
    TEST_ASSERT(agreesWithStrtod(buf));
    /* Same in hex. */
    strcpy(buf, "0x1.00000000000008");
    n = strlen(buf);
    n += repeat(buf + n, "0", 2000);
    TEST_ASSERT(string2d(buf, n, &v) && v == 1.0);
    buf[n++] = '1';
    buf[n] = '\0';
    TEST_ASSERT(string2d(buf, n, &v) && v == 1.0000000000000002);
    /* A long leading-zero run still locates the value correctly. */
    strcpy(buf, "0.");
    n = 2 + repeat(buf + 2, "0", 6000);
    strcpy(buf + n, "1e6003");
    TEST_ASSERT(s2d(buf, &v) && v == 100.0);
    /* Long NaN payloads and long spaces stay rejected. */
    strcpy(buf, "nan(");
    n = 4 + repeat(buf + 4, "a", 2000);
    strcpy(buf + n, ")");
    TEST_ASSERT(!s2d(buf, &v));
    buf[0] = ' ';
    repeat(buf + 1, "1", 2000);
    TEST_ASSERT(!s2d(buf, &v));
    free(buf);
    return 0;
}

int test_util_d2string(void) {
    /* ZSCORE (RESP2) prints "%.17g"; Redis 7.0's d2string agrees and spells the specials. */
    TEST_ASSERT(dIs(1.5, "1.5"));
    TEST_ASSERT(dIs(0.1, "0.10000000000000001"));
    TEST_ASSERT(dIs(1e20, "1e+20"));
    TEST_ASSERT(dIs(1.0 / 3.0, "0.33333333333333331"));
    TEST_ASSERT(dIs(0.0, "0"));
    TEST_ASSERT(dIs(-0.0, "-0"));
    TEST_ASSERT(dIs(INFINITY, "inf"));
    TEST_ASSERT(dIs(-INFINITY, "-inf"));
    TEST_ASSERT(dIs(NAN, "nan"));
    TEST_ASSERT(dIs(-NAN, "nan"));
    TEST_ASSERT(dIs(123, "123"));
    TEST_ASSERT(dIs(-123, "-123"));
    TEST_ASSERT(dIs(4503599627370495.0, "4503599627370495"));
    TEST_ASSERT(dIs(-4503599627370495.0, "-4503599627370495"));
    TEST_ASSERT(dIs(4503599627370496.0, "4503599627370496"));
    TEST_ASSERT(dIs(9007199254740993.0, "9007199254740992"));
    TEST_ASSERT(dIs(1e15, "1000000000000000"));
    TEST_ASSERT(dIs(1e16, "10000000000000000"));
    TEST_ASSERT(dIs(1e17, "1e+17"));
    TEST_ASSERT(dIs(123456789012345678.0, "1.2345678901234568e+17"));
    TEST_ASSERT(dIs(1e-5, "1.0000000000000001e-05"));
    TEST_ASSERT(dIs(0.0001, "0.0001"));
    TEST_ASSERT(dIs(1e-300, "1e-300"));
    TEST_ASSERT(dIs(2.5e-10, "2.5000000000000002e-10"));
    TEST_ASSERT(dIs(100.25, "100.25"));
    TEST_ASSERT(dIs(-1.5e300, "-1.5000000000000001e+300"));
    TEST_ASSERT(dIs(4.9406564584124654e-324, "4.9406564584124654e-324"));
    TEST_ASSERT(dIs(DBL_MAX, "1.7976931348623157e+308"));
    TEST_ASSERT(dIs(-DBL_MAX, "-1.7976931348623157e+308"));
    /* Round trip through string2d. */
    {
        char buf[RL_DOUBLE_STR_SIZE];
        double vals[] = {0.1, 1.0 / 3.0, 1e-300, 123456.789, -2.5e300, 4503599627370495.0};
        size_t i;
        for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
            double back = 0;
            int n = d2string(buf, sizeof(buf), vals[i]);
            TEST_ASSERT(n > 0 && string2d(buf, (size_t)n, &back) && back == vals[i]);
        }
    }
    return 0;
}

int test_util_stringmatch_redis_table(void) {
    /* Every row checked against KEYS <pattern> with <string> as the only key. */
    static const struct {
        const char *p, *s;
        int m;
    } cases[] = {
        {"", "", 1},
        {"", "a", 0},
        {"a", "", 0},
        {"**", "", 0},
        {"?", "", 0},
        {"[^", "", 0},
        {"\\", "", 0},
        {"*", "a", 1},
        {"**", "abc", 1},
        {"a*", "a", 1},
        {"a*", "abc", 1},
        {"*c", "abc", 1},
        {"*c", "abcd", 0},
        {"a*c", "ac", 1},
        {"a*c", "abbbc", 1},
        {"a*c", "abcb", 0},
        {"a*b*c", "axbyc", 1},
        {"a*b*c", "acb", 0},
        {"*a*", "bab", 1},
        {"*a*", "bbb", 0},
        {"h?llo", "hello", 1},
        {"h?llo", "hllo", 0},
        {"???", "ab", 0},
        {"???", "abc", 1},
        {"???", "abcd", 0},
        {"h[ae]llo", "hallo", 1},
        {"h[ae]llo", "hillo", 0},
        {"h[^e]llo", "hallo", 1},
        {"h[^e]llo", "hello", 0},
        {"h[a-b]llo", "hbllo", 1},
        {"h[a-b]llo", "hcllo", 0},
        {"[z-a]", "m", 1},
        {"[z-a]", "A", 0},
        {"[]", "]", 0},
        {"[]", "a", 0},
        {"[]a]", "]", 0},
        {"[]a]", "a", 0},
        {"[^]", "x", 1},
        {"[^]a]", "]", 0},
        {"[^]a]", "a", 0},
        {"[", "[", 0},
        {"[", "a", 0},
        {"[a", "a", 1},
        {"[a", "b", 0},
        {"[ab", "b", 1},
        {"[^a", "b", 1},
        {"[^a", "a", 0},
        {"[^", "x", 1},
        {"[^", "xy", 0},
        {"x[^", "x", 0},
        {"[a-", "a", 1},
        {"[a-", "-", 1},
        {"[a-", "b", 0},
        {"[a-]", "a", 1},
        {"[a-]", "]", 1},
        {"[a-]", "_", 1},
        {"[a-]", "-", 0},
        {"[a-]x", "x", 1},
        {"[a-]x]", "x", 1},
        {"[a-]x]", "]", 1},
        {"[\\]]", "]", 1},
        {"[\\]", "]", 1},
        {"[\\]", "\\", 0},
        {"[\\", "\\", 1},
        {"[a\\-z]", "-", 1},
        {"[a\\-z]", "b", 0},
        {"[\\^a]", "^", 1},
        {"[\\a-z]", "q", 0},
        {"[a-\\]", "[", 0},
        {"[a-\\]", "b", 0},
        {"[*]", "*", 1},
        {"[*]", "x", 0},
        {"[?]", "?", 1},
        {"[?]", "x", 0},
        {"[^*]", "a", 1},
        {"\\*", "*", 1},
        {"\\*", "a", 0},
        {"\\?", "?", 1},
        {"\\?", "a", 0},
        {"\\[a]", "[a]", 1},
        {"\\[a]", "a", 0},
        {"\\", "\\", 1},
        {"a\\", "a\\", 1},
        {"\\\\", "\\", 1},
        {"\\a", "a", 1},
        {"*\\*", "ab*", 1},
        {"*\\*", "abc", 0},
        {"a**b", "ab", 1},
        {"a**b", "axxb", 1},
        {"*a*a*b", "aaab", 1},
        {"*a*a*b", "aab", 1},
        {"*a*a*b", "ab", 0},
        {"?*?", "ab", 1},
        {"?*?", "a", 0},
        {"*?", "a", 1},
        {"*??", "a", 0},
        {"[[]", "[", 1},
        {"[[]]", "[]", 1},
        {"[]]", "]", 0},
        {"[]]", "]]", 0},
        {"[-]", "-", 1},
        {"[-a]", "-", 1},
        {"[--]", "-", 1},
        {"[---]", "-", 1},
        {"[^-]", "-", 0},
        {"[^^]", "^", 0},
        {"[^^]", "a", 1},
        {"[^^]", "a", 1},
        {"[a-c-e]", "d", 0},
        {"[a-c-e]", "-", 1},
        {"[a-c-e]", "e", 1},
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (gm(cases[i].p, cases[i].s, 0) != cases[i].m) {
            fprintf(stderr, "  pattern '%s' string '%s' expected %d\n", cases[i].p, cases[i].s,
                    cases[i].m);
            TEST_ASSERT(0);
        }
    }
    return 0;
}

int test_util_stringmatch_binary(void) {
    /* Lengths are explicit: NUL bytes are ordinary. */
    TEST_ASSERT(stringmatchlen("a\0b", 3, "a\0b", 3, 0) == 1);
    TEST_ASSERT(stringmatchlen("a?b", 3, "a\0b", 3, 0) == 1);
    TEST_ASSERT(stringmatchlen("a*", 2, "a\0\0\0", 4, 0) == 1);
    TEST_ASSERT(stringmatchlen("a\0", 2, "a", 1, 0) == 0);
    TEST_ASSERT(stringmatchlen("[\0]", 3, "\0", 1, 0) == 1);
    /* Only patternLen bytes of the pattern are used. */
    TEST_ASSERT(stringmatchlen("abc", 2, "ab", 2, 0) == 1);
    TEST_ASSERT(stringmatchlen("[a]", 2, "a", 1, 0) == 1); /* unterminated "[a" */
    /* Class ranges compare bytes as signed chars, as Redis on x86-64 does (verified with
     * KEYS): [a-\xff] is the range \xff..a, so it takes \x00, \x01 and 'a' but not 'b'. */
    TEST_ASSERT(gm("[a-\xff]", "\xff", 0) == 1);
    TEST_ASSERT(stringmatchlen("[a-\xff]", 5, "\0", 1, 0) == 1);
    TEST_ASSERT(gm("[a-\xff]", "\x01", 0) == 1);
    TEST_ASSERT(gm("[a-\xff]", "a", 0) == 1);
    TEST_ASSERT(gm("[a-\xff]", "b", 0) == 0);
    TEST_ASSERT(gm("[a-\xff]", "\x80", 0) == 0);
    TEST_ASSERT(gm("[\xff-a]", "\x01", 0) == 1);
    TEST_ASSERT(gm("[\x01-\xff]", "\x01", 0) == 1);
    TEST_ASSERT(gm("[\x01-\xff]", "b", 0) == 0);
    TEST_ASSERT(gm("[\x80-\xff]", "\x80", 0) == 1);
    TEST_ASSERT(gm("[\x80-\xff]", "\xff", 0) == 1);
    TEST_ASSERT(gm("[\x80-\xff]", "a", 0) == 0);
    TEST_ASSERT(gm("\xff*", "\xff\xfe", 0) == 1);
    return 0;
}

int test_util_stringmatch_nocase(void) {
    /* Checked against CONFIG GET, which matches config names with nocase. */
    TEST_ASSERT(gm("[M]axmemory", "maxmemory", 1) == 1);
    TEST_ASSERT(gm("MAXMEM*", "maxmemory-policy", 1) == 1);
    TEST_ASSERT(gm("[l-n]AXMEMORY", "maxmemory", 1) == 1);
    TEST_ASSERT(gm("[A-z]axmemory", "maxmemory", 1) == 1);
    TEST_ASSERT(gm("[z-M]axmemory", "maxmemory", 1) == 1);
    TEST_ASSERT(gm("maxmemory-polic\\Y*", "maxmemory-policy", 1) == 1);
    TEST_ASSERT(gm("maxmemory-polic[Y]*", "maxmemory-policy", 1) == 1);
    TEST_ASSERT(gm("maxmemory-polic[^x-", "maxmemory-policy", 1) == 1);
    /* An escaped class member is compared exactly even with nocase. */
    TEST_ASSERT(gm("[\\M]axmemory", "maxmemory", 1) == 0);
    TEST_ASSERT(gm("maxmemory-polic[\\Y]*", "maxmemory-policy", 1) == 0);
    TEST_ASSERT(gm("maxmemory-polic[\\y]*", "maxmemory-policy", 1) == 1);
    /* Range bounds are folded after ordering them: [m-Z] is 'Z'..'m', folded to 'z'..'m',
     * which is empty. */
    TEST_ASSERT(gm("[m-Z]axmemory", "maxmemory", 1) == 0);
    TEST_ASSERT(gm("[Z-m]axmemory", "maxmemory", 1) == 0);
    TEST_ASSERT(gm("[m-Z]", "_", 0) == 1);
    TEST_ASSERT(gm("[m-Z]", "_", 1) == 0);
    /* Case-sensitive by default; folding is ASCII only. */
    TEST_ASSERT(gm("HELLO", "hello", 0) == 0);
    TEST_ASSERT(gm("HELLO", "hello", 1) == 1);
    TEST_ASSERT(gm("h?LL*", "HeLlo", 1) == 1);
    TEST_ASSERT(gm("[^A]", "a", 1) == 0);
    TEST_ASSERT(gm("\xc4", "\xe4", 1) == 0);
    return 0;
}

int test_util_stringmatch_hostile(void) {
    /* Exponential for a naive backtracker; linear-ish here. */
    char *s = malloc(BIG), *p = malloc(BIG);
    size_t slen, plen;
    TEST_ASSERT(s != NULL && p != NULL);
    slen = repeat(s, "a", 10000);
    plen = repeat(p, "*a", 15);
    strcpy(p + plen, "*b");
    plen += 2;
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 0);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 1) == 0);
    s[slen - 1] = 'b';
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    TEST_ASSERT(stringmatchlen(p, plen, s, 5000, 0) == 0);
    s[slen - 1] = 'a';
    /* "?" runs and classes between stars. */
    plen = repeat(p, "*?[a-b]", 30);
    strcpy(p + plen, "c");
    TEST_ASSERT(stringmatchlen(p, plen + 1, s, slen, 0) == 0);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    /* 1000 consecutive stars are a single group. */
    plen = repeat(p, "*", 1000);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    TEST_ASSERT(stringmatchlen(p, plen, "x", 1, 0) == 1);
    TEST_ASSERT(stringmatchlen(p, plen, "", 0, 0) == 0);
    strcpy(p + plen, "b");
    TEST_ASSERT(stringmatchlen(p, plen + 1, s, slen, 0) == 0);
    strcpy(p + plen, "a");
    TEST_ASSERT(stringmatchlen(p, plen + 1, s, slen, 0) == 1);
    free(s);
    free(p);
    return 0;
}

/* A plain backtracking matcher for patterns of literals, '?', '*' and '\\' only (Redis's
 * semantics: a lone trailing '\\' is a literal, and the empty string matches only the empty
 * pattern). Exponential, so only for tiny inputs. */
static int refGlob(const char *p, size_t pl, const char *s, size_t sl, int nocase) {
    size_t k;
    if (pl == 0) return sl == 0;
    if (p[0] == '*') {
        for (k = 0; k <= sl; k++)
            if (refGlob(p + 1, pl - 1, s + k, sl - k, nocase)) return 1;
        return 0;
    }
    if (sl == 0) return 0;
    if (p[0] == '?') return refGlob(p + 1, pl - 1, s + 1, sl - 1, nocase);
    if (p[0] == '\\' && pl >= 2) {
        p++;
        pl--;
    }
    if (nocase ? tolower((unsigned char)p[0]) != tolower((unsigned char)s[0]) : p[0] != s[0])
        return 0;
    return refGlob(p + 1, pl - 1, s + 1, sl - 1, nocase);
}

/* Writes the number 'n' in base strlen(alphabet) with 'len' digits of 'alphabet'. */
static void spell(char *out, size_t len, unsigned n, const char *alphabet) {
    size_t i, base = strlen(alphabet);
    for (i = 0; i < len; i++) {
        out[i] = alphabet[n % base];
        n /= (unsigned)base;
    }
}

/* Every pattern of up to 'maxP' bytes of 'pa' against every string of 1 to 'maxS' bytes of
 * 'sa': 1 if stringmatchlen agrees with refGlob on all of them. */
static int matchesReference(const char *pa, size_t maxP, const char *sa, size_t maxS, int nocase) {
    char p[8], s[8];
    size_t pl, sl;
    unsigned pn, sn, pcount, scount;
    for (pl = 0, pcount = 1; pl <= maxP; pl++, pcount *= (unsigned)strlen(pa)) {
        for (pn = 0; pn < pcount; pn++) {
            spell(p, pl, pn, pa);
            for (sl = 1, scount = (unsigned)strlen(sa); sl <= maxS;
                 sl++, scount *= (unsigned)strlen(sa)) {
                for (sn = 0; sn < scount; sn++) {
                    spell(s, sl, sn, sa);
                    if (stringmatchlen(p, pl, s, sl, nocase) != refGlob(p, pl, s, sl, nocase)) {
                        fprintf(stderr, "  pattern '%.*s' string '%.*s' nocase %d\n", (int)pl, p,
                                (int)sl, s, nocase);
                        return 0;
                    }
                }
            }
        }
    }
    return 1;
}

int test_util_stringmatch_exhaustive(void) {
    /* Every short pattern and string, so the shortcut taken after the last '*' (the tail that
     * can only match the string's end) is checked against plain backtracking. */
    TEST_ASSERT(matchesReference("ab?*\\", 5, "ab\\", 5, 0));
    TEST_ASSERT(matchesReference("Ab?*", 5, "aB", 4, 1));
    /* The tail after the last '*' is compared with the string's end only: a 100 KB string
     * against '*' then 999 'a's then 'b' (1e8 steps when every start is tried). */
    {
        char *s = malloc(100001), *p = malloc(1002);
        size_t slen, plen;
        TEST_ASSERT(s != NULL && p != NULL);
        slen = repeat(s, "a", 100000);
        p[0] = '*';
        plen = 1 + repeat(p + 1, "a", 999);
        p[plen++] = 'b';
        TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 0);
        s[slen - 1] = 'b';
        TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
        TEST_ASSERT(stringmatchlen(p, plen, s, 999, 0) == 0);
        free(s);
        free(p);
    }
    return 0;
}

int test_util_stringmatch_literal_runs(void) {
    /* Literal runs of 16+ tokens between stars are located by a rolling hash: random patterns
     * "*R1*R2*" (runs over 'a', 'b' and escapes) against strings stitched from pieces of the
     * runs and noise, checked against plain backtracking, in both case modes. */
    static const char *pieces[] = {"a", "b", "ab", "ba", "aab", "\\", "*"};
    unsigned seed = 12345;
    int iter, i, nocase;
    for (iter = 0; iter < 3000; iter++) {
        char p[128], s[256];
        size_t pl = 0, sl = 0, runs[2][2];
        int r;
        nocase = iter & 1;
        for (r = 0; r < 2; r++) {
            int len = 16 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
            p[pl++] = '*';
            runs[r][0] = pl;
            for (i = 0; i < len; i++) {
                unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
                if (x % 9 == 0) {
                    p[pl++] = '\\';
                    p[pl++] = x & 64 ? '*' : 'a';
                } else {
                    p[pl++] = (x & 1) ? 'a' : (nocase && (x & 2) ? 'B' : 'b');
                }
            }
            runs[r][1] = pl;
        }
        p[pl++] = '*';
        /* The string: for each run, noise, a truncated copy (a near miss), then the run itself
         * (damaged one time in four), all unescaped; then noise. */
        for (r = 0; r < 3; r++) {
            unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
            size_t k, cut = 0;
            int noise = (int)(x % 12);
            for (i = 0; i < noise; i++) {
                const char *piece = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % 7];
                memcpy(s + sl, piece, strlen(piece));
                sl += strlen(piece);
            }
            if (r == 2) break;
            for (k = runs[r][0]; k < runs[r][1] - (x >> 4) % 8; k++) {
                if (p[k] == '\\') k++;
                s[sl++] = p[k];
            }
            for (k = runs[r][0]; k < runs[r][1]; k++, cut++) {
                if (p[k] == '\\') k++;
                s[sl++] = p[k];
            }
            if ((x >> 8) % 4 == 0) s[sl - 1 - (x >> 10) % cut] ^= 3;
        }
        for (i = 0; (size_t)i <= sl; i += 3) {
            if (stringmatchlen(p, pl, s, (size_t)i, nocase) !=
                refGlob(p, pl, s, (size_t)i, nocase)) {
                fprintf(stderr, "  pattern '%.*s' string '%.*s' nocase %d\n", (int)pl, p, i, s,
                        nocase);
                TEST_ASSERT(0);
            }
        }
    }
    return 0;
}

int test_util_stringmatch_nesting_limit(void) {
    /* Redis's matcher recurses once per '*' group and fails past 1000 levels; verified with
     * KEYS against a key of 1100 'a's. A group that ends the pattern needs no recursion. */
    char *s = malloc(BIG), *p = malloc(BIG);
    size_t slen, plen;
    TEST_ASSERT(s != NULL && p != NULL);
    slen = repeat(s, "a", 1100);
    plen = repeat(p, "a*", 1001);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    strcpy(p + plen, "a");
    TEST_ASSERT(stringmatchlen(p, plen + 1, s, slen, 0) == 0);
    plen = repeat(p, "a*", 1000);
    strcpy(p + plen, "a");
    TEST_ASSERT(stringmatchlen(p, plen + 1, s, slen, 0) == 1);
    plen = repeat(p, "*a", 1001);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 0);
    plen = repeat(p, "*a", 1000);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    plen = repeat(p, "a*", 1002);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 0);
    /* Escaped stars and stars inside classes are not groups. */
    plen = repeat(p, "\\*[*]", 1500);
    slen = repeat(s, "**", 1500);
    TEST_ASSERT(stringmatchlen(p, plen, s, slen, 0) == 1);
    free(s);
    free(p);
    return 0;
}

int test_util_streqnocase(void) {
    TEST_ASSERT(rlStrEqNoCase("GET", 3, "get") == 1);
    TEST_ASSERT(rlStrEqNoCase("gEt", 3, "GET") == 1);
    TEST_ASSERT(rlStrEqNoCase("GETX", 3, "get") == 1); /* only 'len' bytes */
    TEST_ASSERT(rlStrEqNoCase("GE", 2, "get") == 0);
    TEST_ASSERT(rlStrEqNoCase("GETS", 4, "get") == 0);
    TEST_ASSERT(rlStrEqNoCase("", 0, "") == 1);
    TEST_ASSERT(rlStrEqNoCase("", 0, "x") == 0);
    TEST_ASSERT(rlStrEqNoCase("a\0", 2, "a") == 0);
    TEST_ASSERT(rlStrEqNoCase("[", 1, "{") == 0); /* '[' is not 'A'-'Z' folded */
    TEST_ASSERT(rlStrEqNoCase("@", 1, "`") == 0);
    TEST_ASSERT(rlStrEqNoCase("\xc4", 1, "\xe4") == 0); /* ASCII only */
    return 0;
}

/* rlMemEq agrees with memcmp for every length up to 40 and a difference at every position
 * (the 8-byte loop, its overlapping tail, the 4-byte and byte paths). */
int test_util_memeq(void) {
    char a[48], b[48];
    for (size_t i = 0; i < sizeof(a); i++)
        a[i] = b[i] = (char)('a' + i % 26);
    for (size_t len = 0; len <= 40; len++) {
        TEST_ASSERT(rlMemEq(a, b, len));
        for (size_t pos = 0; pos < len; pos++) {
            b[pos] ^= 0x40;
            TEST_ASSERT(!rlMemEq(a, b, len));
            TEST_ASSERT(rlMemEq(a, b, pos)); /* the prefix before the difference */
            b[pos] ^= 0x40;
        }
        /* Unaligned starts. */
        TEST_ASSERT(rlMemEq(a + 1, b + 1, len));
    }
    return 0;
}
