/* test_hash.c -- the hash type through rlExec: replies and errors as Redis 7.0 gives
 * them, encoding conversions at the thresholds, empty hashes deleted, big hashes freed
 * in slices. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

int test_hash_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "HSET h f1 v1 f2 v2", ":2\r\n");
    EXPECT(c, "HSET h f1 x", ":0\r\n");
    EXPECT(c, "HMSET h f3 v3", "+OK\r\n");
    EXPECT(c, "HSET h f1", "-ERR wrong number of arguments for 'hset' command\r\n");
    EXPECT(c, "HMSET h f1 v f2", "-ERR wrong number of arguments for 'hmset' command\r\n");
    EXPECT(c, "HGET h f1", "$1\r\nx\r\n");
    EXPECT(c, "HGET h nope", "_\r\n");
    EXPECT(c, "HGET nokey f", "_\r\n");
    EXPECT(c, "HMGET h f1 nope f2", "*3\r\n$1\r\nx\r\n_\r\n$2\r\nv2\r\n");
    EXPECT(c, "HGETALL h",
           "%3\r\n$2\r\nf1\r\n$1\r\nx\r\n$2\r\nf2\r\n$2\r\nv2\r\n$2\r\nf3\r\n$2\r\nv3\r\n");
    EXPECT(c, "HGETALL nokey", "%0\r\n");
    EXPECT(c, "HKEYS h", "*3\r\n$2\r\nf1\r\n$2\r\nf2\r\n$2\r\nf3\r\n");
    EXPECT(c, "HVALS h", "*3\r\n$1\r\nx\r\n$2\r\nv2\r\n$2\r\nv3\r\n");
    EXPECT(c, "HLEN h", ":3\r\n");
    EXPECT(c, "HSTRLEN h f2", ":2\r\n");
    EXPECT(c, "HSTRLEN h nope", ":0\r\n");
    EXPECT(c, "HEXISTS h f3", ":1\r\n");
    EXPECT(c, "HSETNX h f3 y", ":0\r\n");
    EXPECT(c, "HSETNX h f4 y", ":1\r\n");
    EXPECT(c, "HSETNX new f y", ":1\r\n");
    EXPECT(c, "TYPE h", "+hash\r\n");
    EXPECT(c, "OBJECT ENCODING h", "$8\r\nlistpack\r\n");
    EXPECT(c, "HDEL h f1 nope f2", ":2\r\n");
    EXPECT(c, "HDEL h f3 f4", ":2\r\n");
    EXPECT(c, "EXISTS h", ":0\r\n");
    EXPECT(c, "HDEL h f", ":0\r\n");
    /* WRONGTYPE both ways, keyspace unchanged */
    EXPECT(c, "SET s v", "+OK\r\n");
    EXPECT(c, "HSET s f v",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "HGET s f", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "HMGET s f",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "GET new", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "MGET new s", "*2\r\n_\r\n$1\r\nv\r\n");
    EXPECT(c, "GET s", "$1\r\nv\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_hash_counters(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "HINCRBY h n 5", ":5\r\n");
    EXPECT(c, "HINCRBY h n -7", ":-2\r\n");
    EXPECT(c, "HINCRBY h n x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "HSET h s abc big 9223372036854775807", ":2\r\n");
    EXPECT(c, "HINCRBY h s 1", "-ERR hash value is not an integer\r\n");
    EXPECT(c, "HINCRBY h big 1", "-ERR increment or decrement would overflow\r\n");
    EXPECT(c, "HINCRBY nokey f 9223372036854775807", ":9223372036854775807\r\n");
    EXPECT(c, "HINCRBYFLOAT h fl 1.5", "$3\r\n1.5\r\n");
    EXPECT(c, "HINCRBYFLOAT h fl 1.5", "$1\r\n3\r\n");
    EXPECT(c, "HINCRBYFLOAT h n 0.5", "$4\r\n-1.5\r\n");
    EXPECT(c, "HINCRBYFLOAT h s 1", "-ERR hash value is not a float\r\n");
    if (testLongDoubleExact()) /* valgrind's long doubles lose infinities */
        EXPECT(c, "HINCRBYFLOAT h fl inf", "-ERR value is NaN or Infinity\r\n");
    EXPECT(c, "HINCRBYFLOAT h fl nan", "-ERR value is not a valid float\r\n");
    EXPECT(c, "HINCRBYFLOAT h fl abc", "-ERR value is not a valid float\r\n");
    if (testLongDoubleExact())
        EXPECT(c, "HINCRBYFLOAT nk f inf", "-ERR value is NaN or Infinity\r\n");
    EXPECT(c, "EXISTS nk", ":0\r\n");
    EXPECT(c, "HGET h fl", "$1\r\n3\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_hash_random_and_scan(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "HRANDFIELD nokey", "_\r\n");
    EXPECT(c, "HRANDFIELD nokey 5", "*0\r\n");
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HRANDFIELD h", "$1\r\na\r\n");
    EXPECT(c, "HRANDFIELD h 0", "*0\r\n");
    EXPECT(c, "HRANDFIELD h -3", "*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\na\r\n");
    EXPECT(c, "HRANDFIELD h 5 WITHVALUES", "*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    EXPECT(c, "HRANDFIELD h 1 withvalues x", "-ERR syntax error\r\n");
    EXPECT(c, "HRANDFIELD h 1 x", "-ERR syntax error\r\n");
    EXPECT(c, "HRANDFIELD h x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "HRANDFIELD h 4611686018427387904 WITHVALUES", "-ERR value is out of range\r\n");
    EXPECT(c, "HRANDFIELD h -9223372036854775808",
           "-ERR value is out of range, value must between -9223372036854775807 and "
           "9223372036854775807\r\n");
    EXPECT(c, "HSCAN h 0", "*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    EXPECT(c, "HSCAN h 0 MATCH b*", "*2\r\n$1\r\n0\r\n*0\r\n");
    EXPECT(c, "HSCAN h 0 TYPE string", "-ERR syntax error\r\n");
    EXPECT(c, "HSCAN h 0 NOVALUES", "-ERR syntax error\r\n");
    EXPECT(c, "HSCAN h x", "-ERR invalid cursor\r\n");
    EXPECT(c, "HSCAN nokey 0 COUNT 0", "*2\r\n$1\r\n0\r\n*0\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Run a command given as argv (binary-safe) and return the reply text (caller frees). */
static sds run(rlClient *c, int argc, const char **argv, const size_t *lens) {
    sds out = sdsempty();
    rlExec(c, argc, argv, lens, &rlRespSink, &out);
    return out;
}

static sds runf(rlClient *c, const char *cmd, const char *key, const char *f, const char *v) {
    const char *argv[4] = {cmd, key, f, v};
    size_t lens[4] = {strlen(cmd), strlen(key), f ? strlen(f) : 0, v ? strlen(v) : 0};
    return run(c, v ? 4 : f ? 3 : 2, argv, lens);
}

static int replyIs(sds out, const char *expect) {
    int ok = strcmp(out, expect) == 0;
    if (!ok) fprintf(stderr, "    got %s expected %s\n", out, expect);
    sdsfree(out);
    return ok;
}

int test_hash_encoding_conversions(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char f[32], v[80];
    for (int i = 0; i < 512; i++) { /* hash-max-listpack-entries: 512 in redis-server 7.0 */
        snprintf(f, sizeof(f), "f%d", i);
        TEST_ASSERT(replyIs(runf(c, "HSET", "h", f, "v"), ":1\r\n"));
    }
    EXPECT(c, "OBJECT ENCODING h", "$8\r\nlistpack\r\n");
    EXPECT(c, "HSET h f512 v", ":1\r\n");
    EXPECT(c, "OBJECT ENCODING h", "$9\r\nhashtable\r\n");
    EXPECT(c, "HLEN h", ":513\r\n");
    EXPECT(c, "HGET h f77", "$1\r\nv\r\n");
    for (int i = 0; i < 512; i++) {
        snprintf(f, sizeof(f), "f%d", i);
        TEST_ASSERT(replyIs(runf(c, "HDEL", "h", f, NULL), ":1\r\n"));
    }
    EXPECT(c, "OBJECT ENCODING h", "$9\r\nhashtable\r\n"); /* never converts back */
    EXPECT(c, "HGETALL h", "%1\r\n$4\r\nf512\r\n$1\r\nv\r\n");
    /* a value over 64 bytes converts at once, and so does a field */
    memset(v, 'x', 65);
    v[65] = '\0';
    TEST_ASSERT(replyIs(runf(c, "HSET", "h2", "a", v), ":1\r\n"));
    EXPECT(c, "OBJECT ENCODING h2", "$9\r\nhashtable\r\n");
    v[64] = '\0';
    TEST_ASSERT(replyIs(runf(c, "HSET", "h3", v, "a"), ":1\r\n"));
    EXPECT(c, "OBJECT ENCODING h3", "$8\r\nlistpack\r\n");
    TEST_ASSERT(replyIs(runf(c, "HSETNX", "h3", "b", "x"), ":1\r\n"));
    EXPECT(c, "OBJECT ENCODING h3", "$8\r\nlistpack\r\n");
    /* HINCRBYFLOAT producing a long value converts too */
    sdsfree(runf(c, "HINCRBYFLOAT", "h3", "big", "1e100"));
    if (testLongDoubleExact()) /* 9999...488 as Redis: long double digits */
        EXPECT(c, "HSTRLEN h3 big", ":100\r\n");
    EXPECT(c, "OBJECT ENCODING h3", "$9\r\nhashtable\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_hash_binary_copy_rename(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    const char *argv[4] = {"HSET", "h", "a\0b", "\xff\0"};
    size_t lens[4] = {4, 1, 3, 2};
    TEST_ASSERT(replyIs(run(c, 4, argv, lens), ":1\r\n"));
    argv[0] = "HGET";
    TEST_ASSERT(replyIs(run(c, 3, argv, lens), "$2\r\n\xff\0\r\n"));
    argv[2] = "a";
    lens[2] = 1;
    TEST_ASSERT(replyIs(run(c, 3, argv, lens), "_\r\n"));
    EXPECT(c, "HSET h x 1", ":1\r\n");
    EXPECT(c, "COPY h h2", ":1\r\n");
    EXPECT(c, "HSET h2 y 2", ":1\r\n");
    EXPECT(c, "HLEN h", ":2\r\n");
    EXPECT(c, "HLEN h2", ":3\r\n");
    EXPECT(c, "RENAME h2 h3", "+OK\r\n");
    EXPECT(c, "HGET h3 y", "$1\r\n2\r\n");
    EXPECT(c, "SCAN 0 TYPE hash MATCH h3", "*2\r\n$1\r\n0\r\n*1\r\n$2\r\nh3\r\n");
    EXPECT(c, "SCAN 0 TYPE string", "*2\r\n$1\r\n0\r\n*0\r\n");
    EXPECT(c, "SET h3 v", "+OK\r\n"); /* SET replaces any type */
    EXPECT(c, "TYPE h3", "+string\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* A 20k-field hash: COPY deep-copies the dict, DEL hands the dicts to the lazy-free queue,
 * which the cron drains in slices; HSCAN over it returns every field. */
int test_hash_big_lazyfree_and_scan(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char f[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(f, sizeof(f), "field:%d", i);
        sdsfree(runf(c, "HSET", "big", f, "value"));
    }
    EXPECT(c, "HLEN big", ":20000\r\n");
    /* HSCAN to completion: every field seen (duplicates allowed) */
    char *seen = calloc(20000, 1);
    unsigned long cursor = 0;
    int calls = 0;
    do {
        char cur[32];
        snprintf(cur, sizeof(cur), "%lu", cursor);
        const char *argv[5] = {"HSCAN", "big", cur, "COUNT", "100"};
        size_t lens[5] = {5, 3, strlen(cur), 5, 3};
        sds out = run(c, 5, argv, lens);
        /* reply: *2 $n cursor *m ($len field $len value)... */
        char *p = strstr(out, "\r\n") + 2;
        p = strstr(p, "\r\n") + 2;
        cursor = strtoul(p, NULL, 10);
        for (char *q = strstr(p, "field:"); q; q = strstr(q + 1, "field:"))
            seen[atoi(q + 6)] = 1;
        sdsfree(out);
        calls++;
    } while (cursor != 0 && calls < 100000);
    int all = 1;
    for (int i = 0; i < 20000; i++)
        all &= seen[i];
    free(seen);
    TEST_ASSERT(all);
    EXPECT(c, "COPY big big2", ":1\r\n");
    EXPECT(c, "DEL big big2", ":2\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    for (int i = 0; i < 1000 && s->lazyfree_head; i++)
        lazyfreeStep(s, 1000);
    TEST_ASSERT(s->lazyfree_head == NULL);
    EXPECT(c, "DBSIZE", ":0\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
