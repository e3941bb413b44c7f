/* test_evict.c -- memory limits and eviction policies: limits hold after every command,
 * each policy evicts only what it may, noeviction answers OOM and keeps the data, LRU and
 * LFU keep the keys in use, CONFIG parameters and OBJECT IDLETIME / FREQ. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

/* Run a command, expecting a reply that starts with 'prefix'. */
static int execIs(rlClient *c, const char *cmdline, const char *prefix) {
    sds out = testRun(c, cmdline);
    int ok = strncmp(out, prefix, strlen(prefix)) == 0;
    if (!ok) fprintf(stderr, "  %s -> %s (expected %s...)\n", cmdline, out, prefix);
    sdsfree(out);
    return ok;
}

static unsigned long long keysInAllDbs(rlServer *s) {
    unsigned long long n = 0;
    for (int i = 0; i < RL_DBNUM; i++)
        n += dictSize(s->db[i].keys);
    return n;
}

static int exists(rlServer *s, int db, const char *key) {
    return dictFind(s->db[db].keys, key, strlen(key)) != NULL;
}

int test_evict_maxkeys_lru_keeps_recently_used(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 21);
    rlClient *c = rlClientNew(s);
    /* 20 samples of 100 keys: the pool sees nearly every key, so eviction is exact LRU
     * (with the default 5, sampled LRU keeps ~38 of the 50, random eviction ~31) */
    EXPECT(c, "CONFIG SET maxkeys 100 maxmemory-samples 20", "+OK\r\n");
    char cmd[64];
    for (int i = 0; i < 100; i++) {
        snprintf(cmd, sizeof(cmd), "SET k%d v", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
    }
    clk.us += 100000; /* 100 ms later, the even keys are read */
    for (int i = 0; i < 100; i += 2) {
        snprintf(cmd, sizeof(cmd), "GET k%d", i);
        TEST_ASSERT(execIs(c, cmd, "$1"));
    }
    clk.us += 100000;
    for (int i = 100; i < 150; i++) {
        snprintf(cmd, sizeof(cmd), "SET k%d v", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        TEST_ASSERT(keysInAllDbs(s) <= 100); /* the limit holds after every command */
    }
    int hot = 0;
    for (int i = 0; i < 100; i += 2) {
        snprintf(cmd, sizeof(cmd), "k%d", i);
        hot += exists(s, 0, cmd);
    }
    TEST_ASSERT_MESSAGE("recently read keys kept", hot == 50);
    EXPECT(c, "DBSIZE", ":100\r\n");
    sds info = testRun(c, "INFO stats");
    TEST_ASSERT(strstr(info, "evicted_keys:50\r\n") != NULL);
    sdsfree(info);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_evict_noeviction_answers_oom(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 22);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "CONFIG SET maxmemory-policy noeviction maxkeys 2", "+OK\r\n");
    EXPECT(c, "SET a 1", "+OK\r\n");
    EXPECT(c, "SET b 2", "+OK\r\n");
    /* maxkeys is a hard limit: a full keyspace that may not evict refuses writes */
    const char *oom = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";
    EXPECT(c, "SET c 3", oom);
    EXPECT(c, "INCR a", oom);
    EXPECT(c, "GET a", "$1\r\n1\r\n"); /* reads and deletes still work */
    EXPECT(c, "DBSIZE", ":2\r\n");
    /* MULTI: any command queued while out of memory is refused and dirties the transaction */
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "GET a", oom);
    EXPECT(c, "EXEC", "-EXECABORT Transaction discarded because of previous errors.\r\n");
    EXPECT(c, "DEL b", ":1\r\n");
    EXPECT(c, "SET d 4", "+OK\r\n");
    EXPECT(c, "SET e 5", oom);
    EXPECT(c, "DEL d", ":1\r\n");
    /* EXEC refused when memory ran out after its commands were queued */
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "SET x 1", "+QUEUED\r\n");
    rlClient *other = rlClientNew(s);
    EXPECT(other, "SET y 1", "+OK\r\n");
    EXPECT(c, "EXEC",
           "-EXECABORT Transaction discarded because of: OOM command not allowed when used "
           "memory > 'maxmemory'.\r\n");
    EXPECT(c, "EXISTS x", ":0\r\n");
    EXPECT(c, "CONFIG SET maxkeys 0", "+OK\r\n");
    EXPECT(c, "SET d 4", "+OK\r\n");
    rlClientRelease(other);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_evict_volatile_policies_spare_persistent_keys(void) {
    const char *policies[] = {"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"};
    for (int p = 0; p < 4; p++) {
        testClock clk;
        rlServer *s = testServerNew(&clk, 23);
        rlClient *c = rlClientNew(s);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "CONFIG SET maxmemory-policy %s maxkeys 30 maxmemory-samples 20",
                 policies[p]);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        for (int i = 0; i < 20; i++) {
            snprintf(cmd, sizeof(cmd), "SET p%d v", i);
            TEST_ASSERT(execIs(c, cmd, "+OK"));
        }
        for (int i = 0; i < 20; i++) {
            /* TTLs from 1000 s down: the later a key is written, the sooner it expires */
            snprintf(cmd, sizeof(cmd), "SET t%d v EX %d", i, 1000 - i);
            TEST_ASSERT(execIs(c, cmd, "+OK"));
            TEST_ASSERT(keysInAllDbs(s) <= 30);
        }
        for (int i = 0; i < 20; i++) {
            snprintf(cmd, sizeof(cmd), "p%d", i);
            TEST_ASSERT_MESSAGE(policies[p], exists(s, 0, cmd)); /* never evicted */
        }
        if (p == 3) {
            /* volatile-ttl evicts the keys that expire soonest: the last ones written */
            for (int i = 0; i < 10; i++) {
                snprintf(cmd, sizeof(cmd), "t%d", i);
                TEST_ASSERT_MESSAGE("longest TTLs kept", exists(s, 0, cmd));
            }
        }
        /* only persistent keys left to evict: out of memory */
        TEST_ASSERT(execIs(c, "CONFIG SET maxkeys 15", "+OK"));
        TEST_ASSERT(keysInAllDbs(s) == 20);
        TEST_ASSERT(execIs(c, "SET new v", "-OOM"));
        TEST_ASSERT(execIs(c, "DBSIZE", ":20"));
        rlClientRelease(c);
        rlServerRelease(s);
    }
    return 0;
}

int test_evict_allkeys_random_and_lfu(void) {
    const char *policies[] = {"allkeys-random", "allkeys-lfu"};
    for (int p = 0; p < 2; p++) {
        testClock clk;
        rlServer *s = testServerNew(&clk, 24);
        rlClient *c = rlClientNew(s);
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "CONFIG SET maxmemory-policy %s maxkeys 50", policies[p]);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        for (int i = 0; i < 50; i++) {
            snprintf(cmd, sizeof(cmd), "SET k%d v", i);
            TEST_ASSERT(execIs(c, cmd, "+OK"));
        }
        /* keys k0..k9 are read often */
        for (int r = 0; r < 100; r++) {
            for (int i = 0; i < 10; i++) {
                snprintf(cmd, sizeof(cmd), "GET k%d", i);
                TEST_ASSERT(execIs(c, cmd, "$1"));
            }
        }
        for (int i = 50; i < 150; i++) {
            snprintf(cmd, sizeof(cmd), "SET k%d v", i);
            TEST_ASSERT(execIs(c, cmd, "+OK"));
            TEST_ASSERT(keysInAllDbs(s) <= 50);
        }
        if (p == 1) {
            int kept = 0;
            for (int i = 0; i < 10; i++) {
                snprintf(cmd, sizeof(cmd), "k%d", i);
                kept += exists(s, 0, cmd);
            }
            TEST_ASSERT_MESSAGE("frequently read keys kept by LFU", kept >= 9);
            EXPECT(c, "OBJECT IDLETIME k0",
                   "-ERR An LFU maxmemory policy is selected, idle time "
                   "not tracked. Please note that when switching "
                   "between policies at runtime LRU and LFU data will "
                   "take some time to adjust.\r\n");
            sds f = testRun(c, "OBJECT FREQ k0");
            TEST_ASSERT(f[0] == ':' && atoi(f + 1) > 5); /* grew from LFU_INIT_VAL */
            sdsfree(f);
        }
        rlClientRelease(c);
        rlServerRelease(s);
    }
    return 0;
}

int test_evict_maxmemory_holds_and_shrinks(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 25);
    rlClient *c = rlClientNew(s);
    const size_t limit = 200000;
    char cmd[256], val[101];
    memset(val, 'x', 100);
    val[100] = '\0';
    EXPECT(c, "CONFIG SET maxmemory 200000", "+OK\r\n");
    for (int i = 0; i < 10000; i++) {
        snprintf(cmd, sizeof(cmd), "SET key:%d %s", i, val);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        TEST_ASSERT(slabUsed(&s->slab) <= limit); /* enforced after every command */
    }
    TEST_ASSERT(slabUsed(&s->slab) > limit * 9 / 10);
    /* a lower limit at run time shrinks the keyspace at once (bounded step), the cron
     * finishes */
    EXPECT(c, "CONFIG SET maxmemory 50kb", "+OK\r\n");
    while (rlCron(s, 1000) == 0) {
    }
    TEST_ASSERT(slabUsed(&s->slab) <= 51200);
    EXPECT(c, "CONFIG GET maxmemory", "%1\r\n$9\r\nmaxmemory\r\n$5\r\n51200\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_evict_big_collection_freed_lazily(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 26);
    rlClient *c = rlClientNew(s);
    char cmd[128];
    for (int i = 0; i < 5000; i++) {
        snprintf(cmd, sizeof(cmd), "HSET big field:%d value:%d", i, i);
        TEST_ASSERT(execIs(c, cmd, ":1"));
    }
    size_t big = slabUsed(&s->slab);
    EXPECT(c, "SET small v", "+OK\r\n");
    clk.us += 1000000; /* 'big' is now the least recently used */
    rlCron(s, 1000);   /* (the cron keeps the access clock current while no limit is set) */
    EXPECT(c, "GET small", "$1\r\nv\r\n");
    char limit[64];
    snprintf(limit, sizeof(limit), "CONFIG SET maxmemory %zu", big / 2);
    /* evicting 'big' queues it for lazy free; the step then frees it slice by slice */
    TEST_ASSERT(execIs(c, limit, "+OK"));
    while (rlCron(s, 1000) == 0) {
    }
    EXPECT(c, "EXISTS big", ":0\r\n");
    EXPECT(c, "GET small", "$1\r\nv\r\n"); /* no key more than needed was evicted */
    TEST_ASSERT(slabUsed(&s->slab) == keyspaceMemRecount(s));
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_evict_notifies_and_idletime(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 27);
    rlClient *sub = rlClientNew(s);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "CONFIG SET notify-keyspace-events Ee", "+OK\r\n");
    EXPECT(sub, "SUBSCRIBE __keyevent@0__:evicted",
           "*1\r\n*3\r\n$9\r\nsubscribe\r\n$22\r\n__keyevent@0__:evicted\r\n:1\r\n");
    EXPECT(c, "SET old v", "+OK\r\n");
    clk.us += 5000000;
    rlCron(s, 1000); /* the cron keeps the access clock current while no limit is set */
    EXPECT(c, "OBJECT IDLETIME old", ":5\r\n");
    EXPECT(c, "OBJECT FREQ old",
           "-ERR An LFU maxmemory policy is not selected, access "
           "frequency not tracked. Please note that when switching "
           "between policies at runtime LRU and LFU data will take "
           "some time to adjust.\r\n");
    EXPECT(c, "OBJECT IDLETIME nokey", "_\r\n");
    EXPECT(c, "SET new v", "+OK\r\n");
    EXPECT(c, "CONFIG SET maxkeys 1", "+OK\r\n");
    EXPECT_OUTBOX(s, "1:*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:evicted\r\n$3\r\nold\r\n|");
    EXPECT(c, "OBJECT IDLETIME new", ":0\r\n");
    rlClientRelease(c);
    rlClientRelease(sub);
    rlServerRelease(s);
    return 0;
}

int test_evict_config_errors_keep_settings(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 28);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "CONFIG SET maxmemory -1",
           "-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be "
           "a memory value\r\n");
    EXPECT(c, "CONFIG SET maxmemory 1.5mb",
           "-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be "
           "a memory value\r\n");
    EXPECT(c, "CONFIG SET maxmemory-policy foo",
           "-ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - "
           "argument(s) must be one of the following: volatile-lru, volatile-lfu, "
           "volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, "
           "noeviction\r\n");
    EXPECT(c, "CONFIG SET maxmemory-samples 0",
           "-ERR CONFIG SET failed (possibly related to argument 'maxmemory-samples') - "
           "argument must be between 1 and 2147483647 inclusive\r\n");
    EXPECT(c, "CONFIG SET maxmemory-samples x",
           "-ERR CONFIG SET failed (possibly related to argument 'maxmemory-samples') - "
           "argument couldn't be parsed into an integer\r\n");
    EXPECT(c, "CONFIG SET active-expire-effort 11",
           "-ERR CONFIG SET failed (possibly related to argument 'active-expire-effort') - "
           "argument must be between 1 and 10 inclusive\r\n");
    EXPECT(c, "CONFIG SET maxkeys -5",
           "-ERR CONFIG SET failed (possibly related to argument 'maxkeys') - argument must be "
           "between 0 and 9223372036854775807 inclusive\r\n");
    /* all or nothing: a bad second parameter leaves the first unchanged */
    EXPECT(c, "CONFIG SET maxmemory 10mb lfu-log-factor -1",
           "-ERR CONFIG SET failed (possibly related to argument 'lfu-log-factor') - argument "
           "must be between 0 and 2147483647 inclusive\r\n");
    EXPECT(c, "CONFIG GET maxmemory", "%1\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n");
    EXPECT(c, "CONFIG SET maxmemory 10MB maxmemory-policy VOLATILE-TTL", "+OK\r\n");
    EXPECT(c, "CONFIG GET maxmemory*",
           "%4\r\n$9\r\nmaxmemory\r\n$8\r\n10485760\r\n$27\r\nmaxmemory-eviction-tenacity\r\n"
           "$2\r\n10\r\n$16\r\nmaxmemory-policy\r\n$12\r\nvolatile-ttl\r\n"
           "$17\r\nmaxmemory-samples\r\n$1\r\n5\r\n");
    EXPECT(c, "CONFIG SET maxmemory 1k", "+OK\r\n");
    EXPECT(c, "CONFIG GET maxmemory", "%1\r\n$9\r\nmaxmemory\r\n$4\r\n1000\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* evicted_keys from INFO stats. */
int test_evict_batches_down_to_the_low_watermark(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 29);
    rlClient *c = rlClientNew(s);
    /* maxkeys 5000: once over, eviction goes down to 5000 - 5000/1024 = 4996 keys */
    EXPECT(c, "CONFIG SET maxkeys 5000", "+OK\r\n");
    char cmd[64];
    unsigned long long lowest = ~0ULL;
    for (int i = 0; i < 20000; i++) {
        snprintf(cmd, sizeof(cmd), "SET k%d v", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        unsigned long long n = keysInAllDbs(s);
        TEST_ASSERT(n <= 5000);
        if (i >= 5000 && n < lowest) lowest = n;
    }
    TEST_ASSERT_MESSAGE("stops at the low watermark", lowest == 4996);
    TEST_ASSERT(testInfoField(c, "stats", "evicted_keys") == 20000 - (long long)keysInAllDbs(s));
    /* a limit under 1024 has no margin: one key per write, as Redis */
    EXPECT(c, "CONFIG SET maxkeys 1000", "+OK\r\n");
    TEST_ASSERT(keysInAllDbs(s) == 1000);
    TEST_ASSERT(execIs(c, "SET another v", "+OK"));
    TEST_ASSERT(keysInAllDbs(s) == 1000);
    /* maxmemory: under the limit after every command, and never far under it */
    EXPECT(c, "CONFIG SET maxkeys 0 maxmemory 1000000", "+OK\r\n");
    for (int i = 0; i < 20000; i++) {
        snprintf(cmd, sizeof(cmd), "SET m%d 0123456789012345678901234567890123456789", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
        TEST_ASSERT(slabUsed(&s->slab) <= 1000000);
        if (i > 15000) TEST_ASSERT(slabUsed(&s->slab) > 1000000 - 1000000 / 1024 - 2048);
    }
    TEST_ASSERT(testInfoField(c, "stats", "evicted_keys") == 40001 - (long long)keysInAllDbs(s));
    TEST_ASSERT(rlDebugCheck(s, NULL, 0) == 1);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_evict_volatile_batch_counts_each_key_once(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 31);
    rlClient *c = rlClientNew(s);
    /* three keys with a TTL among 2000: every batch samples the same three, so a key can
     * be taken twice; it is deleted and counted once */
    EXPECT(c, "CONFIG SET maxmemory-policy volatile-lru maxkeys 2003", "+OK\r\n");
    char cmd[64];
    for (int i = 0; i < 2000; i++) {
        snprintf(cmd, sizeof(cmd), "SET p%d v", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
    }
    for (int i = 0; i < 3; i++) {
        snprintf(cmd, sizeof(cmd), "SET t%d v EX 100", i);
        TEST_ASSERT(execIs(c, cmd, "+OK"));
    }
    /* lowWater(1500) = 1499: 504 keys to evict, 3 of which may go */
    TEST_ASSERT(execIs(c, "CONFIG SET maxkeys 1500", "+OK"));
    TEST_ASSERT(keysInAllDbs(s) == 2000);
    TEST_ASSERT(testInfoField(c, "stats", "evicted_keys") == 3);
    TEST_ASSERT(execIs(c, "SET new v", "-OOM"));
    TEST_ASSERT(rlDebugCheck(s, NULL, 0) == 1);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* hugepages is a yes/no parameter (redlite's own), off by default, and sets the slab's
 * advice; a bad value is refused with Redis's text for bool parameters. */
int test_config_hugepages_yes_no(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "CONFIG GET hugepages", "%1\r\n$9\r\nhugepages\r\n$2\r\nno\r\n");
    TEST_ASSERT(s->slab.hugepages == 0);
    EXPECT(c, "CONFIG SET hugepages YES", "+OK\r\n");
    TEST_ASSERT(s->slab.hugepages == 1);
    EXPECT(c, "CONFIG GET huge*", "%1\r\n$9\r\nhugepages\r\n$3\r\nyes\r\n");
    EXPECT(c, "CONFIG SET hugepages maybe",
           "-ERR CONFIG SET failed (possibly related to argument 'hugepages') - argument must be "
           "'yes' or 'no'\r\n");
    TEST_ASSERT(s->slab.hugepages == 1);
    EXPECT(c, "CONFIG SET hugepages no", "+OK\r\n");
    TEST_ASSERT(s->slab.hugepages == 0);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
