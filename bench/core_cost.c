/* core_cost.c -- a fixed command mix through the core alone, for instruction counts.
 *   make bench-core-cost [CORE_DIR=path/to/another/tree/src/core]
 * 2 x 200,000 SET key value EX 3600 + GET key (16-byte keys, 100-byte values) through
 * rlExec with a sink that discards replies, counted by callgrind: deterministic, so two
 * builds (this tree and another commit's src/core) compare exactly on a noisy machine.
 * Notifications are off (the default), nobody WATCHes, nobody is blocked: what the
 * notification, WATCH and blocking machinery costs every write when unused. */
#include "redlite.h"

#include <stdio.h>
#include <string.h>

static void nopStr(void *c, const char *s, size_t l) {
    (void)c, (void)s, (void)l;
}
static void nopInt(void *c, long long v) {
    (void)c, (void)v;
}
static void nopDbl(void *c, double v) {
    (void)c, (void)v;
}
static void nopNull(void *c) {
    (void)c;
}
static void nopBool(void *c, int v) {
    (void)c, (void)v;
}
static void nopAgg(void *c, int k, long n) {
    (void)c, (void)k, (void)n;
}
static void nopEnd(void *c, int k) {
    (void)c, (void)k;
}
static const rlReplyOps discard = {nopStr, nopStr,  nopInt,  nopDbl, nopStr,
                                   nopStr, nopNull, nopBool, nopAgg, nopEnd};

int main(void) {
    rlConfig cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.seed = 42;
    rlServer *s = rlServerNew(&cfg);
    rlClient *c = rlClientNew(s);
    char key[32], val[101];
    memset(val, 'v', 100);
    val[100] = '\0';
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 200000; i++) {
            snprintf(key, sizeof(key), "key:%012d", i);
            const char *set[5] = {"SET", key, val, "EX", "3600"};
            size_t setlen[5] = {3, 16, 100, 2, 4};
            rlExec(c, 5, set, setlen, &discard, NULL);
            const char *get[2] = {"GET", key};
            size_t getlen[2] = {3, 16};
            rlExec(c, 2, get, getlen, &discard, NULL);
        }
    }
    rlClientRelease(c);
    rlServerRelease(s);
    puts("core_cost: 400000 SET EX + 400000 GET");
    return 0;
}
