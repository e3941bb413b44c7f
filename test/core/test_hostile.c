/* test_hostile.c -- findings of the hostile-input and sanitizer runs (issue 7), one test each:
 * every one failed (under UBSan, or with a wrong reply) before its fix. */
#include "test_help.h"
#include "sds.h"

#include <string.h>

/* SCAN, HSCAN, SSCAN and ZSCAN with COUNT 9223372036854775807: the per-call bucket budget
 * (COUNT * 10) overflowed a long long (UBSan: signed integer overflow, found by
 * `npm run test:asan`); it now saturates, and the scans return everything. */
int test_hostile_scan_count_llong_max(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    char cmd[128];
    for (int i = 0; i < 300; i++) { /* past the compact encodings: real hashtables */
        snprintf(cmd, sizeof(cmd), "HSET h f%d v", i);
        sdsfree(testRun(c, cmd));
        snprintf(cmd, sizeof(cmd), "SADD s m%d", i);
        sdsfree(testRun(c, cmd));
        snprintf(cmd, sizeof(cmd), "ZADD z %d m%d", i, i);
        sdsfree(testRun(c, cmd));
    }
    const char *scans[] = {
        "SCAN 0 COUNT 9223372036854775807", "HSCAN h 0 COUNT 9223372036854775807",
        "SSCAN s 0 COUNT 9223372036854775807", "ZSCAN z 0 COUNT 9223372036854775807"};
    for (size_t i = 0; i < sizeof(scans) / sizeof(scans[0]); i++) {
        char *r = testRun(c, scans[i]);
        /* one call returns the whole collection: cursor 0 */
        TEST_ASSERT_MESSAGE(scans[i], strncmp(r, "*2\r\n$1\r\n0\r\n", 11) == 0);
        sdsfree(r);
    }
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Keys whose expiry is near LLONG_MAX (PEXPIREAT 9223372036854775000): the active expire
 * cycle summed their remaining TTLs for the average in a long long, which overflowed
 * (UBSan: signed integer overflow, found by `npm run test:asan` in CI). */
int test_hostile_expire_avg_ttl_overflow(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    char cmd[128];
    for (int i = 0; i < 40; i++) {
        snprintf(cmd, sizeof(cmd), "SET k%d v", i);
        sdsfree(testRun(c, cmd));
        snprintf(cmd, sizeof(cmd), "PEXPIREAT k%d %lld", i, 9223372036854775000LL - i);
        sdsfree(testRun(c, cmd));
    }
    for (int i = 0; i < 5; i++)
        rlCron(s, 1000);
    char *r = testRun(c, "DBSIZE");
    TEST_ASSERT_MESSAGE(r, strcmp(r, ":40\r\n") == 0);
    sdsfree(r);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
