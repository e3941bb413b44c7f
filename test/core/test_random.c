/* test_random.c -- a seeded random command stream through rlExec under the sanitizers:
 * every command name of the table with random, mostly small arguments (numbers, options,
 * binary bytes), a clock that jumps around, cron steps in between, and the invariant check
 * after every batch. Asserts nothing about replies, only that nothing crashes, leaks or
 * breaks an invariant (the differential suite checks replies against Redis). */
#include "test_help.h"
#include "server.h"

#include <stdint.h>

static uint64_t nextRand(uint64_t *s) {
    return rlRandNext(s);
}

/* Tokens that make options and numbers likely to parse. */
static const char *const TOKENS[] = {
    "k",
    "k2",
    "k3",
    "0",
    "1",
    "-1",
    "10",
    "100",
    "1.5",
    "inf",
    "-inf",
    "nan",
    "EX",
    "PX",
    "EXAT",
    "PXAT",
    "NX",
    "XX",
    "GT",
    "LT",
    "GET",
    "KEEPTTL",
    "PERSIST",
    "MATCH",
    "COUNT",
    "TYPE",
    "string",
    "*",
    "k*",
    "[a-z]?",
    "DB",
    "REPLACE",
    "ASYNC",
    "SYNC",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999",
    "",
    "encoding",
    "1e400",
    "0x10",
    " 1",
    "15",
    "16",
    "f",
    "f2",
    "WITHVALUES",
    "hash",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", /* > 64 bytes */
};
#define NTOKENS (sizeof(TOKENS) / sizeof(TOKENS[0]))

int test_random_command_stream_keeps_invariants(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 12345);
    rlClient *c = rlClientNew(s);
    uint64_t rng = 0x5eed5eed5eedULL;
    char bin[8][24];
    const char *argv[12];
    size_t argvlen[12];
    size_t ncmds = rlCommandCount();
    for (int iter = 0; iter < 60000; iter++) {
        const rlCommandInfo *ci = rlCommandAt(nextRand(&rng) % ncmds);
        /* CONFIG RESETSTAT would zero the counters the end of the test checks. */
        if (strcmp(ci->name, "config|resetstat") == 0) continue;
        int argc = 1;
        char name[64];
        snprintf(name, sizeof(name), "%s", ci->name);
        char *bar = strchr(name, '|');
        argv[0] = name;
        if (bar) {
            *bar = '\0';
            argv[1] = bar + 1;
            argvlen[1] = strlen(bar + 1);
            argc = 2;
        }
        argvlen[0] = strlen(name);
        int extra = (int)(nextRand(&rng) % 7);
        for (int j = 0; j < extra && argc < 12; j++, argc++) {
            uint64_t r = nextRand(&rng);
            if (r % 8 == 0) { /* binary bytes, NULs included */
                char *b = bin[j % 8];
                size_t n = (size_t)(r >> 8) % sizeof(bin[0]);
                for (size_t q = 0; q < n; q++)
                    b[q] = (char)(nextRand(&rng) & 0xff);
                argv[argc] = b;
                argvlen[argc] = n;
            } else {
                argv[argc] = TOKENS[(r >> 8) % NTOKENS];
                argvlen[argc] = strlen(argv[argc]);
            }
        }
        sds out = sdsempty();
        rlExec(c, argc, argv, argvlen, &rlRespSink, &out);
        sdsfree(out);
        uint64_t r = nextRand(&rng);
        if (r % 16 == 0) clk.us += (long long)(r >> 40) % 3000000; /* up to 3 s forward */
        if (r % 64 == 1) rlCron(s, 1000);
        if (iter % 500 == 0) {
            char err[256];
            TEST_ASSERT_MESSAGE(err, rlDebugCheck(s, err, sizeof(err)));
        }
    }
    /* the stream exercised real work, not only argument errors */
    TEST_ASSERT(s->stats.total_commands > 10000); /* ~15,500 with this seed */
    TEST_ASSERT(s->stats.expired_keys > 0);
    TEST_ASSERT(s->stats.keyspace_hits > 100);
    /* leave MULTI if the stream ended inside one, then release everything */
    const char *discard[1] = {"DISCARD"};
    size_t dlen[1] = {7};
    sds out = sdsempty();
    rlExec(c, 1, discard, dlen, &rlRespSink, &out);
    sdsfree(out);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
