/* test_set.c -- the set type through rlExec: replies and errors as Redis 7.0 gives them
 * (expected texts captured from redis-server 7.0.15), intset/hashtable conversions, set
 * algebra, empty sets deleted, big sets freed in slices. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

int test_set_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "SADD s 3 1 2", ":3\r\n");
    EXPECT(c, "SMEMBERS s", "~3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
    EXPECT(c, "OBJECT ENCODING s", "$6\r\nintset\r\n");
    EXPECT(c, "SADD s a", ":1\r\n");
    EXPECT(c, "OBJECT ENCODING s", "$9\r\nhashtable\r\n");
    EXPECT(c, "SISMEMBER s a", ":1\r\n");
    EXPECT(c, "SMISMEMBER s a zz 1", "*3\r\n:1\r\n:0\r\n:1\r\n");
    EXPECT(c, "SCARD s", ":4\r\n");
    EXPECT(c, "SREM s a 1 zz", ":2\r\n");
    EXPECT(c, "SADD s2 2 5", ":2\r\n");
    EXPECT(c, "SINTER s s2", "~1\r\n$1\r\n2\r\n");
    EXPECT(c, "SINTERSTORE d s s2", ":1\r\n");
    EXPECT(c, "SMEMBERS d", "~1\r\n$1\r\n2\r\n");
    EXPECT(c, "OBJECT ENCODING d", "$6\r\nintset\r\n");
    EXPECT(c, "SUNIONSTORE d s s2", ":3\r\n");
    EXPECT(c, "SMEMBERS d", "~3\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n");
    EXPECT(c, "SDIFF s s2", "~1\r\n$1\r\n3\r\n");
    EXPECT(c, "SDIFF s2 s", "~1\r\n$1\r\n5\r\n");
    EXPECT(c, "SDIFF s s", "~0\r\n");
    EXPECT(c, "SINTERCARD 2 s s2", ":1\r\n");
    EXPECT(c, "SMOVE s s2 3", ":1\r\n");
    EXPECT(c, "SMOVE s s2 2", ":1\r\n");
    EXPECT(c, "EXISTS s", ":0\r\n");
    EXPECT(c, "SPOP s2 10", "~3\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n5\r\n");
    EXPECT(c, "EXISTS s2", ":0\r\n");
    EXPECT(c, "SADD i 1 -5 100000 5000000000", ":4\r\n");
    EXPECT(c, "SMEMBERS i", "~4\r\n$2\r\n-5\r\n$1\r\n1\r\n$6\r\n100000\r\n$10\r\n5000000000\r\n");
    EXPECT(c, "SSCAN i 0 MATCH 1*", "*2\r\n$1\r\n0\r\n*2\r\n$1\r\n1\r\n$6\r\n100000\r\n");
    EXPECT(c, "SINTERSTORE i nokey", ":0\r\n");
    EXPECT(c, "EXISTS i", ":0\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_set_errors(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "SADD s1 a b", ":2\r\n");
    EXPECT(c, "SINTERCARD 0 s1", "-ERR numkeys should be greater than 0\r\n");
    EXPECT(c, "SINTERCARD 3 s1", "-ERR Number of keys can't be greater than number of args\r\n");
    EXPECT(c, "SINTERCARD 1 s1 LIMIT -1", "-ERR LIMIT can't be negative\r\n");
    EXPECT(c, "SINTERCARD 1 s1 LIMIT x", "-ERR LIMIT can't be negative\r\n");
    EXPECT(c, "SINTERCARD 1 s1 FOO", "-ERR syntax error\r\n");
    EXPECT(c, "SINTERCARD x s1", "-ERR numkeys should be greater than 0\r\n");
    EXPECT(c, "SINTERCARD 1 s1 LIMIT 1", ":1\r\n");
    EXPECT(c, "SINTERCARD 1 s1 LIMIT", "-ERR syntax error\r\n");
    EXPECT(c, "SPOP s1 x", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "SPOP s1 -1", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "SPOP s1 1 2", "-ERR syntax error\r\n");
    EXPECT(c, "SRANDMEMBER s1 x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "SMOVE s1 s1 a", ":1\r\n");
    EXPECT(c, "SMOVE s1 s1 zz", ":0\r\n");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "SMOVE s1 str a",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "SMOVE nokey str a", ":0\r\n");
    EXPECT(c, "SINTER nokey str",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "SINTERSTORE dst nokey", ":0\r\n");
    EXPECT(c, "SUNIONSTORE str s1", ":2\r\n");
    EXPECT(c, "TYPE str", "+set\r\n");
    EXPECT(c, "SSCAN s1 0 COUNT 0", "-ERR syntax error\r\n");
    EXPECT(c, "SSCAN nokey 0 COUNT 0", "*2\r\n$1\r\n0\r\n*0\r\n");
    EXPECT(c, "SINTERCARD 1 nokey", ":0\r\n");
    EXPECT(c, "SPOP nokey 2", "~0\r\n");
    EXPECT(c, "SPOP s1 0", "~0\r\n");
    EXPECT(c, "SRANDMEMBER nokey", "_\r\n");
    EXPECT(c, "SRANDMEMBER nokey 3", "*0\r\n");
    EXPECT(c, "SUNION nokey", "~0\r\n");
    EXPECT(c, "HSET h f v", ":1\r\n");
    EXPECT(c, "SADD h x", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "HGET s1 a",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

static sds runArgv(rlClient *c, int argc, const char **argv) {
    size_t lens[8];
    for (int i = 0; i < argc; i++)
        lens[i] = strlen(argv[i]);
    sds out = sdsempty();
    rlExec(c, argc, argv, lens, &rlRespSink, &out);
    return out;
}

/* Intset to hashtable at 513 integers; random picks stay members; a big set is freed in
 * slices; SPOP with a count empties it without repeats. */
int test_set_big(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char m[32];
    for (int i = 0; i < 512; i++) {
        snprintf(m, sizeof(m), "%d", i);
        const char *argv[3] = {"SADD", "is", m};
        sdsfree(runArgv(c, 3, argv));
    }
    EXPECT(c, "OBJECT ENCODING is", "$6\r\nintset\r\n");
    EXPECT(c, "SADD is 512", ":1\r\n");
    EXPECT(c, "OBJECT ENCODING is", "$9\r\nhashtable\r\n");
    for (int i = 0; i < 5000; i++) {
        snprintf(m, sizeof(m), "m%d", i);
        const char *argv[3] = {"SADD", "big", m};
        sdsfree(runArgv(c, 3, argv));
    }
    EXPECT(c, "SCARD big", ":5000\r\n");
    const char *pop[3] = {"SPOP", "big", "4990"};
    sds out = runArgv(c, 3, pop);
    TEST_ASSERT(strncmp(out, "~4990\r\n", 7) == 0);
    sdsfree(out);
    EXPECT(c, "SCARD big", ":10\r\n");
    const char *rnd[3] = {"SRANDMEMBER", "big", "-50"};
    out = runArgv(c, 3, rnd);
    TEST_ASSERT(strncmp(out, "*50\r\n", 5) == 0);
    sdsfree(out);
    EXPECT(c, "COPY is is2", ":1\r\n");
    EXPECT(c, "DEL is is2", ":2\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    while (lazyfreeStep(s, 100))
        ;
    TEST_ASSERT(s->lazyfree_head == NULL);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
