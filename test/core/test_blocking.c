/* test_blocking.c -- blocking pops: served in the order clients blocked, by pushes from any
 * client, after a whole EXEC, through the outbox (RL_OUT_REPLY); timeouts through CLIENT
 * UNBLOCK. Replies captured from redis-server 7.0.15 (RESP3) with three connections. */
#include "test_help.h"

#include "server.h"

#include <string.h>

/* A blocked command replies nothing (its reply comes through the outbox). */
#define EXPECT_BLOCKS(c, cmd)                                                                      \
    do {                                                                                           \
        EXPECT(c, cmd, "");                                                                        \
        TEST_ASSERT_MESSAGE(cmd, rlClientIsBlocked(c));                                            \
    } while (0)

int test_blocking_lists_served_in_order(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s), *c = rlClientNew(s);
    EXPECT_BLOCKS(b, "BLPOP q1 q2 0");
    EXPECT_BLOCKS(c, "BRPOP q2 0");
    TEST_ASSERT(rlClientBlockedTimeout(b) == 0);
    EXPECT(a, "RPUSH q2 x y z", ":3\r\n");
    EXPECT_OUTBOX(s, "2:*2\r\n$2\r\nq2\r\n$1\r\nx\r\n|3:*2\r\n$2\r\nq2\r\n$1\r\nz\r\n|");
    TEST_ASSERT(!rlClientIsBlocked(b) && !rlClientIsBlocked(c));
    EXPECT(a, "LRANGE q2 0 -1", "*1\r\n$1\r\ny\r\n");
    /* BLMOVE serves, and its push serves the next client in the same command. */
    EXPECT_BLOCKS(b, "BLMOVE src dst LEFT RIGHT 0");
    EXPECT_BLOCKS(c, "BLPOP dst 0");
    EXPECT(a, "RPUSH src m", ":1\r\n");
    EXPECT_OUTBOX(s, "2:$1\r\nm\r\n|3:*2\r\n$3\r\ndst\r\n$1\r\nm\r\n|");
    EXPECT(a, "EXISTS src dst", ":0\r\n");
    /* BLMPOP after a whole EXEC: the LPOP inside ran first. */
    EXPECT_BLOCKS(b, "BLMPOP 0 2 l1 l2 RIGHT COUNT 2");
    EXPECT(a, "MULTI", "+OK\r\n");
    EXPECT(a, "RPUSH l2 1 2 3", "+QUEUED\r\n");
    EXPECT(a, "LPOP l2", "+QUEUED\r\n");
    EXPECT(a, "EXEC", "*2\r\n:3\r\n$1\r\n1\r\n");
    EXPECT_OUTBOX(s, "2:*2\r\n$2\r\nl2\r\n*2\r\n$1\r\n3\r\n$1\r\n2\r\n|");
    /* A key of another type does not serve (Redis 7.0); a list later does. */
    EXPECT_BLOCKS(b, "BLPOP w 0");
    EXPECT(a, "SET w str", "+OK\r\n");
    EXPECT_OUTBOX(s, "");
    TEST_ASSERT(rlClientIsBlocked(b));
    EXPECT(a, "DEL w", ":1\r\n");
    EXPECT(a, "RPUSH w v", ":1\r\n");
    EXPECT_OUTBOX(s, "2:*2\r\n$1\r\nw\r\n$1\r\nv\r\n|");
    /* Created and deleted inside one EXEC: nothing to serve. */
    EXPECT_BLOCKS(b, "BLPOP e 0");
    EXPECT(a, "MULTI", "+OK\r\n");
    EXPECT(a, "RPUSH e 1", "+QUEUED\r\n");
    EXPECT(a, "DEL e", "+QUEUED\r\n");
    EXPECT(a, "EXEC", "*2\r\n:1\r\n:1\r\n");
    EXPECT_OUTBOX(s, "");
    EXPECT(a, "RPUSH e 2", ":1\r\n");
    EXPECT_OUTBOX(s, "2:*2\r\n$1\r\ne\r\n$1\r\n2\r\n|");
    /* BRPOPLPUSH onto the same list. */
    EXPECT_BLOCKS(b, "BRPOPLPUSH s2 s2 0");
    EXPECT(a, "RPUSH s2 a b", ":2\r\n");
    EXPECT_OUTBOX(s, "2:$1\r\nb\r\n|");
    EXPECT(a, "LRANGE s2 0 -1", "*2\r\n$1\r\nb\r\n$1\r\na\r\n");
    rlClientRelease(a);
    rlClientRelease(b);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_blocking_zsets(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s);
    EXPECT(a, "ZADD z 1 a 2 b", ":2\r\n");
    EXPECT(b, "BZPOPMIN z 0", "*3\r\n$1\r\nz\r\n$1\r\na\r\n,1\r\n");
    EXPECT(b, "BZMPOP 0 1 z MIN", "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
    EXPECT_BLOCKS(b, "BZPOPMIN z1 z2 0");
    EXPECT(a, "ZADD z2 3 c 1 a", ":2\r\n");
    EXPECT_OUTBOX(s, "2:*3\r\n$2\r\nz2\r\n$1\r\na\r\n,1\r\n|");
    EXPECT(b, "BZMPOP 0 2 z1 z2 MAX COUNT 5", "*2\r\n$2\r\nz2\r\n*1\r\n*2\r\n$1\r\nc\r\n,3\r\n");
    EXPECT_BLOCKS(b, "BZPOPMAX z3 1.5");
    TEST_ASSERT(rlClientBlockedTimeout(b) == 1500);
    EXPECT(a, "ZADD z3 5 x 7 y", ":2\r\n");
    EXPECT_OUTBOX(s, "2:*3\r\n$2\r\nz3\r\n$1\r\ny\r\n,7\r\n|");
    rlClientRelease(a);
    rlClientRelease(b);
    rlServerRelease(s);
    return 0;
}

int test_blocking_timeouts_errors_and_release(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s);
    EXPECT(a, "BLPOP", "-ERR wrong number of arguments for 'blpop' command\r\n");
    EXPECT(a, "BLPOP k", "-ERR wrong number of arguments for 'blpop' command\r\n");
    EXPECT(a, "BLPOP k -1", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLPOP k abc", "-ERR timeout is not a float or out of range\r\n");
    EXPECT(a, "BLPOP k 1e400", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLPOP k inf", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLPOP k 9223372036854776", "-ERR timeout is negative\r\n");
    EXPECT(a, "BZPOPMIN z -1", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLMPOP -1 1 k LEFT", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLMPOP 0.01 0 k LEFT", "-ERR numkeys should be greater than 0\r\n");
    EXPECT(a, "BLMOVE a b LEFT RIGHT -1", "-ERR timeout is negative\r\n");
    EXPECT(a, "BLMOVE a b UP RIGHT 0", "-ERR syntax error\r\n");
    EXPECT(a, "SET str v", "+OK\r\n");
    EXPECT(a, "BLPOP str 0",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(a, "BRPOPLPUSH str b 0",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    TEST_ASSERT(!rlClientIsBlocked(a));
    /* Inside MULTI nothing blocks: the command answers null at once. */
    EXPECT(a, "MULTI", "+OK\r\n");
    EXPECT(a, "BLPOP nolist 0", "+QUEUED\r\n");
    EXPECT(a, "BZPOPMIN nozset 0", "+QUEUED\r\n");
    EXPECT(a, "EXEC", "*2\r\n_\r\n_\r\n");
    /* Timeout: the embedder ends the wait with CLIENT UNBLOCK id TIMEOUT; ERROR gives the
     * UNBLOCKED error. */
    EXPECT_BLOCKS(b, "BLPOP t 0.5");
    TEST_ASSERT(rlClientBlockedTimeout(b) == 500);
    EXPECT(a, "CLIENT UNBLOCK 2 TIMEOUT", ":1\r\n");
    EXPECT(a, "CLIENT UNBLOCK 2", ":0\r\n");
    EXPECT_OUTBOX(s, "2:_\r\n|");
    EXPECT_BLOCKS(b, "BLPOP t 0");
    EXPECT(a, "CLIENT UNBLOCK 2 ERROR", ":1\r\n");
    EXPECT_OUTBOX(s, "2:-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n|");
    EXPECT(a, "CLIENT UNBLOCK 999", ":0\r\n");
    EXPECT(a, "CLIENT UNBLOCK 999 FOO",
           "-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n");
    EXPECT(a, "CLIENT UNBLOCK abc", "-ERR value is not an integer or out of range\r\n");
    /* A blocked client released: it leaves the queue; the next one is served. */
    rlClient *c = rlClientNew(s);
    EXPECT_BLOCKS(b, "BLPOP r 0");
    EXPECT_BLOCKS(c, "BLPOP r 0");
    rlClientRelease(b);
    EXPECT(a, "RPUSH r 1", ":1\r\n");
    EXPECT_OUTBOX(s, "3:*2\r\n$1\r\nr\r\n$1\r\n1\r\n|");
    TEST_ASSERT(dictSize(s->db[0].blocking_keys) == 0);
    /* SWAPDB brings a list in: its waiter is served. */
    EXPECT_BLOCKS(c, "BLPOP sw 0");
    EXPECT(a, "SELECT 1", "+OK\r\n");
    EXPECT(a, "RPUSH sw v", ":1\r\n");
    EXPECT(a, "SWAPDB 0 1", "+OK\r\n");
    EXPECT_OUTBOX(s, "3:*2\r\n$2\r\nsw\r\n$1\r\nv\r\n|");
    rlClientRelease(a);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
