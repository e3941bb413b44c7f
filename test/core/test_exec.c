/* test_exec.c -- commands through rlExec with the RESP3 text sink and a test clock:
 * replies and error texts as Redis gives them, keyspace unchanged on errors. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>
#include <string.h>

/* Run a space-separated command ("\\0" inside a word stands for a NUL byte is not
 * supported here: binary cases build argv by hand) and compare the RESP3 reply. */
char *testRun(rlClient *c, const char *cmdline) {
    char buf[1024];
    const char *argv[64];
    size_t argvlen[64];
    int argc = 0;
    snprintf(buf, sizeof(buf), "%s", cmdline);
    char *p = buf;
    while (*p && argc < 64) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        argv[argc] = p;
        while (*p && *p != ' ')
            p++;
        argvlen[argc] = (size_t)(p - argv[argc]);
        if (*p) *p++ = '\0';
        argc++;
    }
    sds out = sdsempty();
    rlExec(c, argc, argv, argvlen, &rlRespSink, &out);
    return out;
}

long long testInfoField(rlClient *c, const char *section, const char *field) {
    char cmd[64], name[64];
    snprintf(cmd, sizeof(cmd), "INFO %s", section);
    snprintf(name, sizeof(name), "%s:", field);
    sds info = testRun(c, cmd);
    const char *at = strstr(info, name);
    long long v = at ? atoll(at + strlen(name)) : -1;
    sdsfree(info);
    return v;
}

int testRunExpect(rlClient *c, const char *cmdline, const char *expect) {
    sds out = testRun(c, cmdline);
    int ok = strcmp(out, expect) == 0;
    if (!ok) fprintf(stderr, "  %s\n    got:      %s\n    expected: %s\n", cmdline, out, expect);
    sdsfree(out);
    char err[256];
    if (!rlDebugCheck(c->srv, err, sizeof(err))) {
        fprintf(stderr, "  invariant broken after %s: %s\n", cmdline, err);
        ok = 0;
    }
    return ok;
}

int test_exec_set_get(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "GET k", "_\r\n");
    EXPECT(c, "SET k v", "+OK\r\n");
    EXPECT(c, "get k", "$1\r\nv\r\n");
    EXPECT(c, "SET k v2 NX", "_\r\n");
    EXPECT(c, "SET k v3 XX GET", "$1\r\nv\r\n");
    EXPECT(c, "SET k v NX XX", "-ERR syntax error\r\n");
    EXPECT(c, "SET k v EX 0", "-ERR invalid expire time in 'set' command\r\n");
    EXPECT(c, "SET k v EX 1.5", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "GET k", "$2\r\nv3\r\n");
    EXPECT(c, "GET", "-ERR wrong number of arguments for 'get' command\r\n");
    EXPECT(c, "FOO a b", "-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n");
    EXPECT(c, "OBJECT ENCODING k", "$6\r\nembstr\r\n");
    EXPECT(c, "OBJECT FOO k", "-ERR unknown subcommand 'FOO'. Try OBJECT HELP.\r\n");
    EXPECT(c, "SET n 123", "+OK\r\n");
    EXPECT(c, "OBJECT ENCODING n", "$3\r\nint\r\n");
    EXPECT(c, "APPEND n 4", ":4\r\n");
    EXPECT(c, "OBJECT ENCODING n", "$3\r\nraw\r\n");
    EXPECT(c, "GETRANGE n 1 -1", "$3\r\n234\r\n");
    EXPECT(c, "SETRANGE s 3 x", ":4\r\n");
    EXPECT(c, "STRLEN s", ":4\r\n");
    EXPECT(c, "MSET a 1 b 2", "+OK\r\n");
    EXPECT(c, "MSET a 1 b", "-ERR wrong number of arguments for 'mset' command\r\n");
    EXPECT(c, "MSETNX a 1 c 3", ":0\r\n");
    EXPECT(c, "MGET a b c", "*3\r\n$1\r\n1\r\n$1\r\n2\r\n_\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_exec_counters(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "INCR x", ":1\r\n");
    EXPECT(c, "INCRBY x 10", ":11\r\n");
    EXPECT(c, "DECRBY x 20", ":-9\r\n");
    EXPECT(c, "SET big 9223372036854775807", "+OK\r\n");
    EXPECT(c, "INCR big", "-ERR increment or decrement would overflow\r\n");
    EXPECT(c, "SET v abc", "+OK\r\n");
    EXPECT(c, "INCR v", "-ERR value is not an integer or out of range\r\n");
    if (!testLongDoubleExact()) goto done;
    EXPECT(c, "INCRBYFLOAT f 1.5", "$3\r\n1.5\r\n");
    EXPECT(c, "INCRBYFLOAT f 0.1", "$3\r\n1.6\r\n");
    EXPECT(c, "INCRBYFLOAT f -1.6", "$1\r\n0\r\n");
    EXPECT(c, "INCRBYFLOAT f inf", "-ERR increment would produce NaN or Infinity\r\n");
    EXPECT(c, "INCRBYFLOAT v 1", "-ERR value is not a valid float\r\n");
    EXPECT(c, "OBJECT ENCODING f", "$6\r\nembstr\r\n");
done:
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_exec_expire_lazy_and_active(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "SET k v PX 100", "+OK\r\n");
    EXPECT(c, "PTTL k", ":100\r\n");
    EXPECT(c, "TTL k", ":0\r\n");
    clk.us += 100 * 1000;
    EXPECT(c, "GET k", "$1\r\nv\r\n"); /* expires strictly after its time */
    clk.us += 1000;
    EXPECT(c, "GET k", "_\r\n");
    EXPECT(c, "EXPIRE missing 10", ":0\r\n");
    EXPECT(c, "SET t v", "+OK\r\n");
    EXPECT(c, "EXPIRE t 100 NX", ":1\r\n");
    EXPECT(c, "EXPIRE t 50 NX", ":0\r\n");
    EXPECT(c, "EXPIRE t 50 GT", ":0\r\n");
    EXPECT(c, "EXPIRE t 500 GT", ":1\r\n");
    EXPECT(c, "EXPIRE t 5 NX XX",
           "-ERR NX and XX, GT or LT options at the same time are not compatible\r\n");
    EXPECT(c, "EXPIRE t 5 FOO", "-ERR Unsupported option FOO\r\n");
    EXPECT(c, "EXPIRE t 9999999999999999", "-ERR invalid expire time in 'expire' command\r\n");
    EXPECT(c, "TTL t", ":500\r\n");
    EXPECT(c, "PERSIST t", ":1\r\n");
    EXPECT(c, "TTL t", ":-1\r\n");
    EXPECT(c, "EXPIRE t 0", ":1\r\n");
    EXPECT(c, "EXISTS t", ":0\r\n");
    /* active expiry: 1000 keys with a TTL, half of them expired, reclaimed by cron */
    char cmd[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d v PX %d", i, i % 2 ? 10 : 100000);
        EXPECT(c, cmd, "+OK\r\n");
    }
    clk.us += 20 * 1000;
    for (int i = 0; i < 200 && rlCron(s, 1000000) == 0; i++) {
    }
    EXPECT(c, "DBSIZE", ":500\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_exec_keys_and_dbs(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "MSET a 1 b 2 ab 3", "+OK\r\n");
    EXPECT(c, "DEL a zz", ":1\r\n");
    EXPECT(c, "EXISTS b b zz", ":2\r\n");
    EXPECT(c, "TYPE b", "+string\r\n");
    EXPECT(c, "TYPE zz", "+none\r\n");
    EXPECT(c, "KEYS a*", "*1\r\n$2\r\nab\r\n");
    EXPECT(c, "RENAME zz q", "-ERR no such key\r\n");
    EXPECT(c, "RENAME b c", "+OK\r\n");
    EXPECT(c, "RENAMENX c ab", ":0\r\n");
    EXPECT(c, "COPY c c", "-ERR source and destination objects are the same\r\n");
    EXPECT(c, "COPY c d DB 1", ":1\r\n");
    EXPECT(c, "SELECT 1", "+OK\r\n");
    EXPECT(c, "GET d", "$1\r\n2\r\n");
    EXPECT(c, "SELECT 16", "-ERR DB index is out of range\r\n");
    EXPECT(c, "SWAPDB 0 1", "+OK\r\n");
    EXPECT(c, "DBSIZE", ":2\r\n");
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "DBSIZE", ":0\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "SET x 1", "+QUEUED\r\n");
    EXPECT(c, "INCR x", "+QUEUED\r\n");
    EXPECT(c, "EXEC", "*2\r\n+OK\r\n:2\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "SET x", "-ERR wrong number of arguments for 'set' command\r\n");
    EXPECT(c, "EXEC", "-EXECABORT Transaction discarded because of previous errors.\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Runs the command "<head><i><tail>" for i in [0, n) and expects +OK from each. */
static int setEach(rlClient *c, const char *head, const char *tail, int n) {
    char cmd[64];
    for (int i = 0; i < n; i++) {
        snprintf(cmd, sizeof(cmd), "%s%d%s", head, i, tail);
        EXPECT(c, cmd, "+OK\r\n");
    }
    return 0;
}

int test_exec_flushall_async_frees_in_slices(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    TEST_ASSERT(setEach(c, "SET key:", " v", 5000) == 0);
    EXPECT(c, "FLUSHALL ASYNC", "+OK\r\n");
    EXPECT(c, "DBSIZE", ":0\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    int steps = 0;
    while (lazyfreeStep(s, 1000))
        steps++;
    TEST_ASSERT(steps >= 4); /* 5000 entries in slices of 1000 */
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_exec_cron_runs_when_starved(void) {
    /* An embedder whose timer never fires (a caller that never yields to its event loop):
     * commands run the overdue cron themselves, so lazy frees and active expiry proceed. */
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    TEST_ASSERT(setEach(c, "SET key:", " v", 5000) == 0);
    TEST_ASSERT(setEach(c, "SET ttl:", " v PX 10", 100) == 0);
    EXPECT(c, "SELECT 1", "+OK\r\n");
    TEST_ASSERT(setEach(c, "SET key:", " v", 5000) == 0);
    EXPECT(c, "FLUSHDB ASYNC", "+OK\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    /* not overdue yet: the commands leave the work to the cron's caller */
    for (int i = 0; i < 300; i++)
        EXPECT(c, "PING", "+PONG\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    TEST_ASSERT(s->stats.expired_keys == 0);
    /* 10 ms past due (the server's first cron is due 100 ms after its start) */
    clk.us += 110 * 1000;
    for (int i = 0; i < 128; i++)
        EXPECT(c, "PING", "+PONG\r\n");
    TEST_ASSERT(s->lazyfree_head == NULL);
    TEST_ASSERT(s->stats.expired_keys == 100);
    EXPECT(c, "SELECT 0", "+OK\r\n");
    EXPECT(c, "DBSIZE", ":5000\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* SET key:0 .. key:n-1 with a 10 ms TTL; 1 when every SET replied OK. */
static int setExpiringKeys(rlClient *c, int n) {
    char cmd[64];
    for (int i = 0; i < n; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d v PX 10", i);
        if (!testRunExpect(c, cmd, "+OK\r\n")) return 0;
    }
    return 1;
}

int test_exec_active_expire_works_in_bounded_slices(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *c = rlClientNew(s);
    TEST_ASSERT(setExpiringKeys(c, 20000));
    clk.us += 1000 * 1000; /* every key is now expired */
    clk.step = 50;         /* each clock read costs 50 us of budget */
    int calls = 0;
    long long before = s->stats.expired_keys, most = 0;
    while (dictSize(s->db[0].keys) > 0 && calls < 100000) {
        long long delay = rlCron(s, 1000);
        long long done = s->stats.expired_keys - before;
        before = s->stats.expired_keys;
        if (done > most) most = done;
        calls++;
        if (dictSize(s->db[0].keys) > 0) TEST_ASSERT(delay == 0); /* asks to be called again */
    }
    TEST_ASSERT(dictSize(s->db[0].keys) == 0);
    TEST_ASSERT(calls > 10); /* the work was spread over many slices */
    /* A slice stops once its budget is spent: expiry gets half of the 1000 us, the clock is
     * read every 4 sampling loops and each read costs 50 us, so at most ~10 reads, ~40
     * loops of about 20 keys (a scanned bucket can add a few). */
    TEST_ASSERT(most <= 40 * 30);
    TEST_ASSERT(s->stats.expired_keys == 20000);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* The active cycle reads the clock every few deletions, not only between sampling loops:
 * when each deletion is slow (here each clock read moves time on by 100 us, as 40-70 us
 * deletions did on a cold VM) a 500 us cycle stops after a handful of keys, and the keys
 * sampled but not reached are sampled again next time (none is skipped or counted twice). */
int test_exec_active_expire_checks_the_clock_between_deletions(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 8);
    rlClient *c = rlClientNew(s);
    TEST_ASSERT(setExpiringKeys(c, 5000));
    clk.us += 1000 * 1000;
    clk.step = 100;
    long long before = s->stats.expired_keys, most = 0;
    int cycles = 0;
    while (dictSize(s->db[0].keys) > 0 && cycles < 100000) {
        activeExpireCycle(s, 500);
        long long done = s->stats.expired_keys - before;
        before = s->stats.expired_keys;
        if (done > most) most = done;
        cycles++;
    }
    TEST_ASSERT(dictSize(s->db[0].keys) == 0 && dictSize(s->db[0].expires) == 0);
    TEST_ASSERT(s->stats.expired_keys == 5000);
    /* ~5 clock reads fit in 500 us at 100 us each: about 4 deletions between reads, so a
     * cycle deletes a few dozen keys at most (checking only every 4 loops of 20 keys, it
     * deleted 80 or more) */
    TEST_ASSERT_MESSAGE("keys expired by one cycle", most <= 40);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_exec_randomkey_never_returns_an_expired_key(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char cmd[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(cmd, sizeof(cmd), "SET gone:%d v PX 5", i);
        TEST_ASSERT(testRunExpect(c, cmd, "+OK\r\n"));
    }
    EXPECT(c, "SET live v", "+OK\r\n");
    clk.us += 10 * 1000;
    for (int round = 0; round < 20; round++) {
        long long before = s->stats.expired_keys;
        sds out = sdsempty();
        const char *argv[1] = {"RANDOMKEY"};
        size_t argvlen[1] = {9};
        rlExec(c, 1, argv, argvlen, &rlRespSink, &out);
        int ok = strcmp(out, "_\r\n") == 0 || strcmp(out, "$4\r\nlive\r\n") == 0;
        sdsfree(out);
        TEST_ASSERT(ok);
        TEST_ASSERT(s->stats.expired_keys - before <= 100); /* bounded work per call */
    }
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* The row of the table named 'name', or -1. */
static long rowOf(const char *name) {
    for (size_t i = 0; i < rlCommandCount(); i++)
        if (strcmp(rlCommandAt(i)->name, name) == 0) return (long)i;
    return -1;
}

/* rlExecAt's reply as RESP3 text (an sds: sdsfree it). */
static sds execAt(rlClient *c, size_t index, int argc, const char **argv) {
    size_t lens[8];
    for (int i = 0; i < argc; i++)
        lens[i] = strlen(argv[i]);
    sds out = sdsempty();
    rlExecAt(c, index, argc, argv, lens, &rlRespSink, &out);
    return out;
}

/* rlExecAt runs the numbered command without reading argv[0]; an index out of range, of a
 * container or of a subcommand falls back to looking argv[0] up, as rlExec. */
int test_exec_at_runs_the_numbered_command(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 12);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "SET k v", "+OK\r\n");
    long get = rowOf("get"), object = rowOf("object"), encoding = rowOf("object|encoding");
    TEST_ASSERT(get >= 0 && object >= 0 && encoding >= 0);
    const char *byNumber[2] = {"whatever", "k"};
    sds r = execAt(c, (size_t)get, 2, byNumber);
    TEST_ASSERT(strcmp(r, "$1\r\nv\r\n") == 0);
    sdsfree(r);
    const char *arity[3] = {"get", "k", "extra"};
    r = execAt(c, (size_t)get, 3, arity);
    TEST_ASSERT(strcmp(r, "-ERR wrong number of arguments for 'get' command\r\n") == 0);
    sdsfree(r);
    const char *byName[2] = {"STRLEN", "k"};
    r = execAt(c, rlCommandCount() + 5, 2, byName); /* out of range: argv[0] */
    TEST_ASSERT(strcmp(r, ":1\r\n") == 0);
    sdsfree(r);
    const char *sub[3] = {"OBJECT", "ENCODING", "k"};
    r = execAt(c, (size_t)encoding, 3, sub); /* a subcommand row: argv[0] and argv[1] */
    TEST_ASSERT(strcmp(r, "$6\r\nembstr\r\n") == 0);
    sdsfree(r);
    r = execAt(c, (size_t)object, 3, sub); /* a container row: the same */
    TEST_ASSERT(strcmp(r, "$6\r\nembstr\r\n") == 0);
    sdsfree(r);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Run argv (argc words, binary-safe) and return the RESP3 reply (sdsfree it). */
static sds execArgv(rlClient *c, int argc, const char **argv, const size_t *argvlen) {
    sds out = sdsempty();
    rlExec(c, argc, argv, argvlen, &rlRespSink, &out);
    return out;
}

/* An EMBSTR keeps its length in 23 bits of the header word: a string of up to
 * OBJ_EMBSTR_MAX_LEN bytes is one allocation, a longer one is RAW, and both read back
 * byte for byte (GET, STRLEN, APPEND). */
int test_exec_strings_beyond_the_embstr_limit(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *c = rlClientNew(s);
    size_t sizes[2] = {OBJ_EMBSTR_MAX_LEN, (size_t)OBJ_EMBSTR_MAX_LEN + 2};
    const char *keys[2] = {"at", "over"};
    char *big = malloc(sizes[1] + 1);
    TEST_ASSERT(big != NULL);
    for (size_t i = 0; i < sizes[1] + 1; i++)
        big[i] = (char)('a' + i % 23);
    for (int k = 0; k < 2; k++) {
        const char *set[3] = {"SET", keys[k], big};
        size_t setlen[3] = {3, strlen(keys[k]), sizes[k]};
        sds r = execArgv(c, 3, set, setlen);
        TEST_ASSERT(strcmp(r, "+OK\r\n") == 0);
        sdsfree(r);
        robj *o = lookupKeyReadFlags(c, c->db, keys[k], strlen(keys[k]), LOOKUP_NOTOUCH);
        TEST_ASSERT(o && o->encoding == (k ? OBJ_ENCODING_RAW : OBJ_ENCODING_EMBSTR));
        TEST_ASSERT(stringObjectLen(o) == sizes[k]);
        const char *get[2] = {"GET", keys[k]};
        size_t getlen[2] = {3, strlen(keys[k])};
        r = execArgv(c, 2, get, getlen);
        char head[32];
        int n = snprintf(head, sizeof(head), "$%zu\r\n", sizes[k]);
        TEST_ASSERT(sdslen(r) == (size_t)n + sizes[k] + 2 && memcmp(r, head, (size_t)n) == 0 &&
                    memcmp(r + n, big, sizes[k]) == 0);
        sdsfree(r);
        char cmd[64];
        snprintf(cmd, sizeof(cmd), "APPEND %s x", keys[k]);
        char expect[32];
        snprintf(expect, sizeof(expect), ":%zu\r\n", sizes[k] + 1);
        EXPECT(c, cmd, expect);
        snprintf(cmd, sizeof(cmd), "OBJECT ENCODING %s", keys[k]);
        EXPECT(c, cmd, "$3\r\nraw\r\n");
    }
    free(big);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Run "SET k <len bytes>" (plus 'opts') and check the reply, the value and MEMORY USAGE
 * (the key's one entry: header 16, "k" padded to 8, the object: 4 + len, at least 16,
 * rounded to the slab's 8 bytes; plus 'ttl' bytes for an entry in the expires dict). */
static int setAndMeasure(rlClient *c, size_t len, const char *opts, size_t ttl) {
    char val[256], cmd[320], expect[320];
    memset(val, 'a' + (int)(len % 26), len);
    val[len] = '\0';
    snprintf(cmd, sizeof(cmd), "SET k %s%s", val, opts);
    TEST_ASSERT(testRunExpect(c, cmd, "+OK\r\n"));
    snprintf(expect, sizeof(expect), "$%zu\r\n%s\r\n", len, val);
    TEST_ASSERT(testRunExpect(c, "GET k", expect));
    size_t obj = 4 + len < 16 ? 16 : 4 + len;
    snprintf(expect, sizeof(expect), ":%zu\r\n", (16 + 8 + obj + 7) / 8 * 8 + ttl);
    TEST_ASSERT(testRunExpect(c, "MEMORY USAGE k", expect));
    return 0;
}

/* A key's value lives in its entry: overwrites of another size class move the key to a new
 * entry, of the same class rewrite it in place; either way the value, the TTL (KEEPTTL or
 * not), APPEND's conversion to RAW and the memory account (rlDebugCheck after each command)
 * come out right. */
int test_exec_overwrites_resize_the_key_entry(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 5);
    rlClient *c = rlClientNew(s);
    size_t lens[] = {10, 100, 101, 103, 12, 200, 3, 104};
    for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
        TEST_ASSERT(!setAndMeasure(c, lens[i], "", 0));
    EXPECT(c, "EXPIRE k 100", ":1\r\n");
    /* the expires entry: header 16, "k", the 8-byte time (25 -> 32) */
    TEST_ASSERT(!setAndMeasure(c, 104, " KEEPTTL", 32)); /* in place */
    EXPECT(c, "TTL k", ":100\r\n");
    TEST_ASSERT(!setAndMeasure(c, 20, " KEEPTTL", 32)); /* moved */
    EXPECT(c, "TTL k", ":100\r\n");
    TEST_ASSERT(!setAndMeasure(c, 30, "", 0));
    EXPECT(c, "TTL k", ":-1\r\n");
    EXPECT(c, "SET k 12345", "+OK\r\n");
    EXPECT(c, "MEMORY USAGE k", ":40\r\n");
    EXPECT(c, "INCRBY k 5", ":12350\r\n");
    EXPECT(c, "APPEND k x", ":6\r\n");
    EXPECT(c, "GET k", "$6\r\n12350x\r\n");
    EXPECT(c, "OBJECT ENCODING k", "$3\r\nraw\r\n");
    EXPECT(c, "SET k abcdefghijklmnopqrstuvwxyz", "+OK\r\n");
    EXPECT(c, "APPEND k 0", ":27\r\n"); /* EMBSTR to RAW in place: the entry stays */
    EXPECT(c, "GET k", "$27\r\nabcdefghijklmnopqrstuvwxyz0\r\n");
    EXPECT(c, "RENAME k k2", "+OK\r\n");
    EXPECT(c, "GET k2", "$27\r\nabcdefghijklmnopqrstuvwxyz0\r\n");
    EXPECT(c, "MOVE k2 1", ":1\r\n");
    EXPECT(c, "SELECT 1", "+OK\r\n");
    EXPECT(c, "APPEND k2 1", ":28\r\n");
    EXPECT(c, "COPY k2 k3", ":1\r\n");
    EXPECT(c, "GET k3", "$28\r\nabcdefghijklmnopqrstuvwxyz01\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
