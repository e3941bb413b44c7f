/* test_memory.c -- the keyspace's memory account: used_memory equals a recount after every
 * kind of write (EXPECT runs rlDebugCheck, which compares them), returns to the empty
 * figure when everything is deleted, and MEMORY USAGE / INFO memory report it. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>
#include <string.h>

/* Run 'cmd' and ignore the reply; with 'check', 0 when the invariants still hold. */
static int runChecked(rlClient *c, const char *cmdline, int check) {
    sdsfree(testRun(c, cmdline));
    char err[256];
    if (check && !rlDebugCheck(c->srv, err, sizeof(err))) {
        fprintf(stderr, "  invariant broken after %s: %s\n", cmdline, err);
        return 1;
    }
    return 0;
}

/* Run 'cmd' (setup and checks); 0 when the invariants still hold. */
static int run(rlClient *c, const char *cmdline) {
    return runChecked(c, cmdline, 1);
}

/* Free everything pending (lazy frees) so the recount applies. */
static void drain(rlServer *s) {
    while (lazyfreeStep(s, -1)) {
    }
}

int test_memory_account_matches_recount(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *c = rlClientNew(s);
    size_t empty = slabUsed(&s->slab);
    TEST_ASSERT(empty == keyspaceMemRecount(s));
    char cmd[256];
    /* strings of every encoding, in place growth, TTLs */
    TEST_ASSERT(!run(c, "SET a 12345"));
    TEST_ASSERT(!run(c, "SET b hello"));
    TEST_ASSERT(!run(c, "APPEND b world"));
    TEST_ASSERT(!run(c, "APPEND a 6"));
    TEST_ASSERT(!run(c, "SETRANGE c 300 x"));
    TEST_ASSERT(!run(c, "SETRANGE b 2 XYZ"));
    TEST_ASSERT(!run(c, "INCRBYFLOAT f 1.5"));
    TEST_ASSERT(!run(c, "EXPIRE b 100"));
    TEST_ASSERT(!run(c, "SET b again KEEPTTL"));
    /* collections through their conversions: 600 elements each (past every threshold) */
    for (int i = 0; i < 600; i++) {
        snprintf(cmd, sizeof(cmd), "HSET h f%d v%d", i, i);
        TEST_ASSERT(!run(c, cmd));
        snprintf(cmd, sizeof(cmd), "SADD si %d", i);
        TEST_ASSERT(!run(c, cmd));
        snprintf(cmd, sizeof(cmd), "SADD ss m%d", i);
        TEST_ASSERT(!run(c, cmd));
        snprintf(cmd, sizeof(cmd), "ZADD z %d m%d", i, i);
        TEST_ASSERT(!run(c, cmd));
        snprintf(cmd, sizeof(cmd), "RPUSH l element-%d", i);
        TEST_ASSERT(!run(c, cmd));
    }
    TEST_ASSERT(!run(c, "HSET h f1 a-much-longer-value-than-before-to-move-the-slab-class"));
    TEST_ASSERT(!run(c, "HINCRBY h n 5"));
    TEST_ASSERT(!run(c, "ZINCRBY z 1000 m3"));
    TEST_ASSERT(!run(c, "LSET l 300 replaced"));
    TEST_ASSERT(!run(c, "LINSERT l BEFORE replaced inserted"));
    TEST_ASSERT(!run(c, "LTRIM l 10 -10"));
    TEST_ASSERT(!run(c, "SPOP ss 10"));
    TEST_ASSERT(!run(c, "ZREMRANGEBYRANK z 0 9"));
    TEST_ASSERT(!run(c, "COPY h h2"));
    TEST_ASSERT(!run(c, "RENAME z z2"));
    TEST_ASSERT(!run(c, "SUNIONSTORE u si ss"));
    TEST_ASSERT(!run(c, "ZUNIONSTORE zu 1 z2"));
    TEST_ASSERT(!run(c, "LMOVE l l2 LEFT RIGHT"));
    TEST_ASSERT(!run(c, "SELECT 3"));
    TEST_ASSERT(!run(c, "SET other value EX 100"));
    TEST_ASSERT(!run(c, "SELECT 0"));
    /* big values queued for lazy free: the account drops as the queue is drained */
    TEST_ASSERT(!run(c, "DEL h h2 si ss z2 l u zu"));
    drain(s);
    TEST_ASSERT(slabUsed(&s->slab) == keyspaceMemRecount(s));
    TEST_ASSERT(!run(c, "FLUSHALL"));
    TEST_ASSERT(slabUsed(&s->slab) == empty);
    TEST_ASSERT(!run(c, "SET x 1"));
    TEST_ASSERT(!run(c, "FLUSHALL ASYNC"));
    drain(s);
    TEST_ASSERT(slabUsed(&s->slab) == keyspaceMemRecount(s));
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_memory_big_keyspace_grows_and_shrinks(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 9);
    rlClient *c = rlClientNew(s);
    size_t empty = slabUsed(&s->slab);
    char cmd[128];
    for (int i = 0; i < 20000; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d value-%d EX %d", i, i, 1000 + i);
        TEST_ASSERT(!runChecked(c, cmd, i % 1000 == 0)); /* a recount is O(N) */
    }
    size_t full = slabUsed(&s->slab);
    /* about 100 bytes a key here (entry, header, expiry entry, buckets) */
    TEST_ASSERT(full - empty > 20000 * 60 && full - empty < 20000 * 200);
    for (int i = 0; i < 20000; i++) {
        snprintf(cmd, sizeof(cmd), "DEL key:%d", i);
        TEST_ASSERT(!runChecked(c, cmd, i % 1000 == 0));
    }
    /* the tables shrink in the cron */
    rlCron(s, 1000000);
    TEST_ASSERT(slabUsed(&s->slab) == keyspaceMemRecount(s));
    TEST_ASSERT(slabUsed(&s->slab) < empty + 4096);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* INFO memory's allocator_allocated (slab pages held in memory plus large objects) after
 * growing to ~14 MB of pages (100000 entries of 136 bytes), deleting it all and letting the cron
 * run: the pages beyond the kept pool are given back (slabTrim), and the keyspace grows again on
 * the same pages. */
int test_memory_emptied_pages_go_back_to_the_system(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 11);
    rlClient *c = rlClientNew(s);
    char cmd[192];
    for (int i = 0; i < 100000; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d %0100d", i, i);
        TEST_ASSERT(!runChecked(c, cmd, 0));
    }
    long long full = testInfoField(c, "memory", "allocator_allocated");
    size_t pages = s->slab.pages_bytes;
    TEST_ASSERT(full > 12 * 1024 * 1024);
    for (int i = 0; i < 100000; i++) {
        snprintf(cmd, sizeof(cmd), "DEL key:%d", i);
        TEST_ASSERT(!runChecked(c, cmd, 0));
    }
    /* while pages are drawn from the pool between two steps, none is given back */
    rlCron(s, 1000000);
    size_t bare = s->slab.bare_pages;
    for (int i = 0; i < 2000; i++) {
        snprintf(cmd, sizeof(cmd), "SET again:%d %0100d", i, i);
        TEST_ASSERT(!runChecked(c, cmd, 0));
    }
    rlCron(s, 1000000);
    TEST_ASSERT(s->slab.bare_pages <= bare);
    for (int i = 0; i < 2000; i++) {
        snprintf(cmd, sizeof(cmd), "DEL again:%d", i);
        TEST_ASSERT(!runChecked(c, cmd, 0));
    }
    int calls = 0;
    while (s->slab.pool_pages > SLAB_POOL_KEEP_PAGES && calls++ < 1000)
        rlCron(s, 1000000);
    long long trimmed = testInfoField(c, "memory", "allocator_allocated");
    TEST_ASSERT(s->slab.bare_pages > 100);
    TEST_ASSERT(trimmed < full / 2);
    TEST_ASSERT(s->slab.pages_bytes == pages);
    for (int i = 0; i < 100000; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d %0100d", i, i);
        TEST_ASSERT(!runChecked(c, cmd, i % 10000 == 0));
    }
    TEST_ASSERT(s->slab.pages_bytes <= pages + SLAB_CHUNK_SIZE);
    EXPECT(c, "GET key:79999",
           "$100\r\n"
           "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "0000000079999\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_memory_usage_and_info(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 11);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "SET k v", "+OK\r\n");
    /* one entry: header 16, the key padded to 8, the object (16: none is smaller) */
    EXPECT(c, "MEMORY USAGE k", ":40\r\n");
    EXPECT(c, "EXPIRE k 100", ":1\r\n");
    /* and the expires entry: header 16, the key, the 8-byte time (25 -> 32) */
    EXPECT(c, "MEMORY USAGE k", ":72\r\n");
    EXPECT(c, "MEMORY USAGE nokey", "_\r\n");
    EXPECT(c, "MEMORY USAGE k SAMPLES -1", "-ERR syntax error\r\n");
    EXPECT(c, "MEMORY USAGE k SAMPLES x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "MEMORY USAGE k FOO", "-ERR syntax error\r\n");
    EXPECT(c, "MEMORY USAGE", "-ERR wrong number of arguments for 'memory|usage' command\r\n");
    char cmd[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(cmd, sizeof(cmd), "RPUSH l %d", i);
        TEST_ASSERT(!run(c, cmd));
    }
    /* sampled and exact estimates of a list agree closely (nodes are alike) */
    sds a = testRun(c, "MEMORY USAGE l"), b = testRun(c, "MEMORY USAGE l SAMPLES 0");
    long sampled = strtol(a + 1, NULL, 10), exact = strtol(b + 1, NULL, 10);
    TEST_ASSERT(exact > 1000 && labs(sampled - exact) * 10 < exact);
    sdsfree(a);
    sdsfree(b);
    /* INFO memory reports the account */
    sds info = testRun(c, "INFO memory");
    char want[64];
    snprintf(want, sizeof(want), "used_memory:%zu\r\n", slabUsed(&s->slab));
    TEST_ASSERT(strstr(info, want) != NULL);
    TEST_ASSERT(strstr(info, "maxmemory:0\r\n") != NULL);
    TEST_ASSERT(strstr(info, "maxmemory_policy:allkeys-lru\r\n") != NULL);
    TEST_ASSERT(strstr(info, "mem_fragmentation_ratio:") != NULL);
    sdsfree(info);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
