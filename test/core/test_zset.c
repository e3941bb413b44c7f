/* test_zset.c -- the sorted set type through rlExec (expected replies captured from
 * redis-server 7.0.15 with RESP3), encoding conversions, and the skiplist against a sorted
 * array model. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

int test_zset_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "ZADD z 1 a 2 b 0.1 c", ":3\r\n");
    EXPECT(c, "ZRANGE z 0 -1 WITHSCORES",
           "*3\r\n*2\r\n$1\r\nc\r\n,0.10000000000000001\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$"
           "1\r\nb\r\n,2\r\n");
    EXPECT(c, "ZSCORE z c", ",0.10000000000000001\r\n");
    EXPECT(c, "ZPOPMIN z", "*2\r\n$1\r\nc\r\n,0.10000000000000001\r\n");
    EXPECT(c, "ZPOPMIN z 1", "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
    EXPECT(c, "ZADD z 5 c", ":1\r\n");
    EXPECT(c, "ZMPOP 1 z MIN", "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
    EXPECT(c, "ZMPOP 1 z MIN COUNT 2", "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nc\r\n,5\r\n");
    EXPECT(c, "ZADD z 1 a 2 b", ":2\r\n");
    EXPECT(c, "ZADD z INCR 1 a", ",2\r\n");
    EXPECT(c, "ZADD z NX INCR 1 a", "_\r\n");
    EXPECT(c, "ZMSCORE z a zz", "*2\r\n,2\r\n_\r\n");
    EXPECT(c, "ZRANK z a WITHSCORE", "-ERR wrong number of arguments for 'zrank' command\r\n");
    EXPECT(c, "ZRANK z b", ":1\r\n");
    EXPECT(c, "ZREVRANK z b", ":0\r\n");
    EXPECT(c, "ZRANK z nope", "_\r\n");
    EXPECT(c, "ZUNION 1 z WITHSCORES", "*2\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$1\r\nb\r\n,2\r\n");
    EXPECT(c, "ZINCRBY z 1 b", ",3\r\n");
    EXPECT(c, "ZSCAN z 0", "*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nb\r\n$1\r\n3\r\n");
    EXPECT(c, "ZADD z 1e-5 d -0 e 1.0000000000000002 f 123456789012345678 g", ":4\r\n");
    EXPECT(c, "ZRANGE z 0 -1 WITHSCORES",
           "*6\r\n*2\r\n$1\r\ne\r\n,0\r\n*2\r\n$1\r\nd\r\n,1.0000000000000001e-05\r\n*2\r\n$"
           "1\r\nf\r\n,1.0000000000000002\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$1\r\nb\r\n,3\r\n*2\r\n$"
           "1\r\ng\r\n,1.2345678901234568e+17\r\n");
    EXPECT(c, "ZPOPMAX nokey", "*0\r\n");
    EXPECT(c, "ZPOPMAX nokey 2", "*0\r\n");
    EXPECT(c, "ZRANGE z (1 +inf BYSCORE LIMIT 0 2", "*2\r\n$1\r\nf\r\n$1\r\na\r\n");
    EXPECT(c, "ZRANGEBYSCORE z -inf +inf WITHSCORES LIMIT 1 1",
           "*1\r\n*2\r\n$1\r\nd\r\n,1.0000000000000001e-05\r\n");
    EXPECT(c, "ZREVRANGE z 0 0 WITHSCORES", "*1\r\n*2\r\n$1\r\ng\r\n,1.2345678901234568e+17\r\n");
    EXPECT(c, "ZREVRANGEBYSCORE z +inf (2 WITHSCORES",
           "*2\r\n*2\r\n$1\r\ng\r\n,1.2345678901234568e+17\r\n*2\r\n$1\r\nb\r\n,3\r\n");
    EXPECT(c, "ZRANGE z +inf (2 BYSCORE REV LIMIT 1 5", "*1\r\n$1\r\nb\r\n");
    EXPECT(c, "ZCOUNT z -inf +inf", ":6\r\n");
    EXPECT(c, "ZCOUNT z (0 2", ":3\r\n");
    EXPECT(c, "OBJECT ENCODING z", "$8\r\nlistpack\r\n");
    EXPECT(c, "ZMPOP 1 nokey MIN", "_\r\n");
    EXPECT(c, "ZSCAN z 0 MATCH [a-e]",
           "*2\r\n$1\r\n0\r\n*8\r\n$1\r\ne\r\n$1\r\n0\r\n$1\r\nd\r\n$22\r\n1.0000000000000001e-"
           "05\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nb\r\n$1\r\n3\r\n");
    EXPECT(c, "ZADD lex 0 a 0 b 0 c 0 d 0 e", ":5\r\n");
    EXPECT(c, "ZRANGEBYLEX lex [b (d", "*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
    EXPECT(c, "ZREVRANGEBYLEX lex + [c", "*3\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n");
    EXPECT(c, "ZLEXCOUNT lex - +", ":5\r\n");
    EXPECT(c, "ZLEXCOUNT lex (a [c", ":2\r\n");
    EXPECT(c, "ZRANGE lex [e - BYLEX REV LIMIT 1 2", "*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
    EXPECT(c, "ZREMRANGEBYLEX lex [b (d", ":2\r\n");
    EXPECT(c, "ZRANGE lex 0 -1", "*3\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\ne\r\n");
    EXPECT(c, "ZREMRANGEBYRANK lex 0 0", ":1\r\n");
    EXPECT(c, "ZREMRANGEBYSCORE lex -inf +inf", ":2\r\n");
    EXPECT(c, "EXISTS lex", ":0\r\n");
    EXPECT(c, "ZADD s1 1 a 2 b 3 c", ":3\r\n");
    EXPECT(c, "ZADD s2 10 b 20 c 30 d", ":3\r\n");
    EXPECT(c, "ZUNIONSTORE u 2 s1 s2 WEIGHTS 1 2 AGGREGATE SUM", ":4\r\n");
    EXPECT(c, "ZRANGE u 0 -1 WITHSCORES",
           "*4\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,22\r\n*2\r\n$1\r\nc\r\n,43\r\n*2\r\n$"
           "1\r\nd\r\n,60\r\n");
    EXPECT(c, "ZINTERSTORE i 2 s1 s2 AGGREGATE MIN", ":2\r\n");
    EXPECT(c, "ZRANGE i 0 -1 WITHSCORES", "*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\nc\r\n,3\r\n");
    EXPECT(c, "ZDIFFSTORE d 2 s1 s2", ":1\r\n");
    EXPECT(c, "ZRANGE d 0 -1 WITHSCORES", "*1\r\n*2\r\n$1\r\na\r\n,1\r\n");
    EXPECT(c, "ZINTERCARD 2 s1 s2", ":2\r\n");
    EXPECT(c, "ZINTERCARD 2 s1 s2 LIMIT 1", ":1\r\n");
    EXPECT(c, "ZRANGESTORE rs s2 1 -1", ":2\r\n");
    EXPECT(c, "ZRANGE rs 0 -1 WITHSCORES",
           "*2\r\n*2\r\n$1\r\nc\r\n,20\r\n*2\r\n$1\r\nd\r\n,30\r\n");
    EXPECT(c, "ZRANGESTORE rs s2 (100 +inf BYSCORE", ":0\r\n");
    EXPECT(c, "EXISTS rs", ":0\r\n");
    EXPECT(c, "ZDIFF 2 s2 s1 WITHSCORES", "*1\r\n*2\r\n$1\r\nd\r\n,30\r\n");
    EXPECT(c, "ZINTER 2 s1 s2 WITHSCORES",
           "*2\r\n*2\r\n$1\r\nb\r\n,12\r\n*2\r\n$1\r\nc\r\n,23\r\n");
    EXPECT(c, "SADD st 1 b", ":2\r\n");
    EXPECT(c, "ZUNION 2 s1 st WITHSCORES",
           "*4\r\n*2\r\n$1\r\n1\r\n,1\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,3\r\n*2\r\n$"
           "1\r\nc\r\n,3\r\n");
    EXPECT(c, "ZADD inf inf a -inf b", ":2\r\n");
    EXPECT(c, "ZINCRBY inf -inf a", "-ERR resulting score is not a number (NaN)\r\n");
    EXPECT(c, "ZRANGE inf 0 -1 WITHSCORES",
           "*2\r\n*2\r\n$1\r\nb\r\n,-inf\r\n*2\r\n$1\r\na\r\n,inf\r\n");
    EXPECT(c, "ZUNION 2 inf inf WITHSCORES",
           "*2\r\n*2\r\n$1\r\nb\r\n,-inf\r\n*2\r\n$1\r\na\r\n,inf\r\n");
    EXPECT(c, "ZADD z4 0x10 a", ":1\r\n");
    EXPECT(c, "ZSCORE z4 a", ",16\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_zset_errors(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "ZADD z 1 a 2 b", ":2\r\n");
    EXPECT(c, "ZUNIONSTORE d 0 z",
           "-ERR at least 1 input key is needed for 'zunionstore' command\r\n");
    EXPECT(c, "ZUNIONSTORE d 2 z", "-ERR syntax error\r\n");
    EXPECT(c, "ZINTERCARD 0 z", "-ERR at least 1 input key is needed for 'zintercard' command\r\n");
    EXPECT(c, "ZINTERCARD 2 z", "-ERR syntax error\r\n");
    EXPECT(c, "ZINTERCARD 1 z LIMIT -1", "-ERR LIMIT can't be negative\r\n");
    EXPECT(c, "ZUNION 1 z WEIGHTS x", "-ERR weight value is not a float\r\n");
    EXPECT(c, "ZUNION 1 z AGGREGATE foo", "-ERR syntax error\r\n");
    EXPECT(c, "ZDIFF 1 z WEIGHTS 1", "-ERR syntax error\r\n");
    EXPECT(c, "ZUNIONSTORE d 1 z WITHSCORES", "-ERR syntax error\r\n");
    EXPECT(c, "ZADD z NX XX 1 a", "-ERR XX and NX options at the same time are not compatible\r\n");
    EXPECT(c, "ZADD z GT LT 1 a",
           "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
    EXPECT(c, "ZADD z NX GT 1 a",
           "-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
    EXPECT(c, "ZADD z INCR 1 a 2 b",
           "-ERR INCR option supports a single increment-element pair\r\n");
    EXPECT(c, "ZADD z 1", "-ERR wrong number of arguments for 'zadd' command\r\n");
    EXPECT(c, "ZADD z 1 a 2", "-ERR syntax error\r\n");
    EXPECT(c, "ZADD z x a", "-ERR value is not a valid float\r\n");
    EXPECT(c, "ZADD z nan a", "-ERR value is not a valid float\r\n");
    EXPECT(c, "ZADD z 1e400 a", "-ERR value is not a valid float\r\n");
    EXPECT(c, "ZPOPMIN z -1", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "ZPOPMIN z x", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "ZPOPMIN z 1 2", "-ERR syntax error\r\n");
    EXPECT(c, "ZMPOP 1 z FOO", "-ERR syntax error\r\n");
    EXPECT(c, "ZMPOP 0 z MIN", "-ERR numkeys should be greater than 0\r\n");
    EXPECT(c, "ZMPOP 1 z MIN COUNT 0", "-ERR count should be greater than 0\r\n");
    EXPECT(c, "ZRANDMEMBER z 1 WITHSCORES x", "-ERR syntax error\r\n");
    EXPECT(c, "ZRANDMEMBER z x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "ZRANGESTORE d z 0 -1 WITHSCORES", "-ERR syntax error\r\n");
    EXPECT(c, "ZRANGEBYSCORE z 0 1 BYLEX", "-ERR syntax error\r\n");
    EXPECT(c, "ZRANGEBYLEX z - + WITHSCORES",
           "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
    EXPECT(c, "ZRANGE z 0 -1 LIMIT 0", "-ERR syntax error\r\n");
    EXPECT(c, "ZRANGE z 0 -1 LIMIT 0 1",
           "-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or "
           "BYLEX\r\n");
    EXPECT(c, "ZRANGE z 0 -1 BYSCORE BYLEX", "-ERR syntax error\r\n");
    EXPECT(c, "ZRANGE z 0 -1 REV WITHSCORES BYLEX",
           "-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
    EXPECT(c, "ZRANGEBYSCORE z 0 10 LIMIT x 1", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "ZRANGEBYSCORE z 0 10 LIMIT -1 1", "*0\r\n");
    EXPECT(c, "ZRANGEBYSCORE z 0 10 LIMIT 0 -1", "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
    EXPECT(c, "ZRANGEBYSCORE z 0 10 LIMIT 0 0", "*0\r\n");
    EXPECT(c, "ZREMRANGEBYSCORE z x 1", "-ERR min or max is not a float\r\n");
    EXPECT(c, "ZREMRANGEBYLEX z x 1", "-ERR min or max not valid string range item\r\n");
    EXPECT(c, "ZREMRANGEBYRANK z x 1", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "ZINCRBY z x a", "-ERR value is not a valid float\r\n");
    EXPECT(c, "ZCOUNT z x 1", "-ERR min or max is not a float\r\n");
    EXPECT(c, "ZLEXCOUNT z x 1", "-ERR min or max not valid string range item\r\n");
    EXPECT(c, "ZRANGEBYLEX z a b", "-ERR min or max not valid string range item\r\n");
    EXPECT(c, "ZRANGE z 0 x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "ZADD z XX 1 q", ":0\r\n");
    EXPECT(c, "ZADD nokey XX 1 q", ":0\r\n");
    EXPECT(c, "EXISTS nokey", ":0\r\n");
    EXPECT(c, "ZADD nokey XX INCR 1 q", "_\r\n");
    EXPECT(c, "ZADD z GT CH 5 a 0 b", ":1\r\n");
    EXPECT(c, "ZADD z LT CH 1 a 3 b", ":1\r\n");
    EXPECT(c, "ZADD z XX CH INCR -1 a", ",0\r\n");
    EXPECT(c, "ZADD z GT INCR -1 a", "_\r\n");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "ZADD str 1 a",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "ZUNION 2 z str",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "ZRANGE str 0 1",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "ZINCRBY z2 inf a", ",inf\r\n");
    EXPECT(c, "ZINCRBY z2 -inf a", "-ERR resulting score is not a number (NaN)\r\n");
    EXPECT(c, "ZSCORE z2 a", ",inf\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* A model element: score and member. */
typedef struct melem {
    double score;
    char m[16];
    size_t len;
} melem;

static int cmpMelem(const void *a, const void *b) {
    const melem *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? -1 : 1;
    return zslCompareEle(x->m, x->len, y->m, y->len);
}

/* Random inserts, deletes, score updates and range deletions against a sorted array; ranks,
 * rank lookups and score/lex range ends checked along the way. */
int test_zskiplist_against_model(void) {
    rlSlab sl = {0};
    zskiplist *zsl = zslCreate(&sl);
    dict *d = dictCreate(&(const dictType){NULL, NULL, NULL, NULL, 0, NULL}, NULL, 1, 2);
    enum { MAXN = 400 };
    melem model[MAXN];
    size_t n = 0;
    uint64_t rng = 11, lrng = 12;
    for (int iter = 0; iter < 6000; iter++) {
        int op = (int)(rlRandNext(&rng) % 6);
        if ((op <= 2 || n == 0) && n < MAXN) {
            melem e;
            e.score = (double)(rlRandNext(&rng) % 50) / 2;
            e.len = (size_t)snprintf(e.m, sizeof(e.m), "m%d", (int)(rlRandNext(&rng) % 1000));
            int dup = 0;
            for (size_t i = 0; i < n; i++)
                dup |= model[i].len == e.len && memcmp(model[i].m, e.m, e.len) == 0;
            if (dup) continue;
            zslInsert(&sl, zsl, &lrng, e.score, e.m, e.len);
            dictAdd(d, e.m, e.len, NULL);
            model[n++] = e;
        } else if (op == 3) {
            size_t i = (size_t)(rlRandNext(&rng) % n);
            TEST_ASSERT(zslDelete(&sl, zsl, model[i].score, model[i].m, model[i].len));
            dictDelete(d, model[i].m, model[i].len);
            model[i] = model[--n];
        } else if (op == 4) {
            size_t i = (size_t)(rlRandNext(&rng) % n);
            double ns = (double)(rlRandNext(&rng) % 50) / 2;
            zskiplistNode *x =
                zslUpdateScore(&sl, zsl, &lrng, model[i].score, model[i].m, model[i].len, ns);
            TEST_ASSERT(x->score == ns && x->len == model[i].len);
            model[i].score = ns;
        } else {
            zrangespec r = {(double)(rlRandNext(&rng) % 50) / 2, 0, (int)(rlRandNext(&rng) & 1),
                            (int)(rlRandNext(&rng) & 1)};
            r.max = r.min + (double)(rlRandNext(&rng) % 3);
            unsigned long expect = 0;
            for (size_t i = 0; i < n;) {
                if (zslValueGteMin(model[i].score, &r) && zslValueLteMax(model[i].score, &r)) {
                    model[i] = model[--n];
                    expect++;
                } else {
                    i++;
                }
            }
            TEST_ASSERT(zslDeleteRangeByScore(&sl, zsl, &r, d) == expect);
        }
        qsort(model, n, sizeof(*model), cmpMelem);
        TEST_ASSERT(zsl->length == n && dictSize(d) == n);
        if (iter % 50 == 0) {
            TEST_ASSERT(zslValidate(zsl));
            for (size_t i = 0; i < n; i++) {
                TEST_ASSERT(zslGetRank(zsl, model[i].score, model[i].m, model[i].len) == i + 1);
                zskiplistNode *x = zslGetElementByRank(zsl, i + 1);
                TEST_ASSERT(x && x->len == model[i].len &&
                            memcmp(zslNodeEle(x), model[i].m, x->len) == 0);
            }
            if (n) {
                zrangespec r = {model[0].score, model[n - 1].score, 1, 0};
                zskiplistNode *f = zslFirstInRange(zsl, &r);
                size_t k = 0;
                while (k < n && model[k].score == model[0].score)
                    k++;
                TEST_ASSERT(k < n ? f && f->score == model[k].score : f == NULL);
                TEST_ASSERT(zslLastInRange(zsl, &r) == (k < n ? zsl->tail : NULL));
            }
        }
    }
    dictRelease(d);
    zslFree(&sl, zsl);
    slabRelease(&sl);
    return 0;
}

/* Encoding thresholds (128 members, 64-byte members) and a big zset freed in slices. */
int test_zset_big(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char m[32], sc[32];
    for (int i = 0; i < 128; i++) {
        snprintf(m, sizeof(m), "m%d", i);
        snprintf(sc, sizeof(sc), "%d", i);
        const char *argv[4] = {"ZADD", "z", sc, m};
        size_t lens[4] = {4, 1, strlen(sc), strlen(m)};
        sds out = sdsempty();
        rlExec(c, 4, argv, lens, &rlRespSink, &out);
        sdsfree(out);
    }
    EXPECT(c, "OBJECT ENCODING z", "$8\r\nlistpack\r\n");
    EXPECT(c, "ZADD z 1000 last", ":1\r\n");
    EXPECT(c, "OBJECT ENCODING z", "$8\r\nskiplist\r\n");
    EXPECT(c, "ZRANK z m5", ":5\r\n");
    EXPECT(c, "ZREVRANK z last", ":0\r\n");
    EXPECT(c, "ZRANGE z 126 -1", "*3\r\n$4\r\nm126\r\n$4\r\nm127\r\n$4\r\nlast\r\n");
    EXPECT(c, "ZCOUNT z (10 20", ":10\r\n");
    EXPECT(c, "ZREMRANGEBYRANK z 0 9", ":10\r\n");
    EXPECT(c, "ZCARD z", ":119\r\n");
    EXPECT(c, "ZUNIONSTORE small 1 z", ":119\r\n");
    EXPECT(c, "OBJECT ENCODING small", "$8\r\nlistpack\r\n"); /* results convert back */
    EXPECT(c, "ZADD long 1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
           ":1\r\n");
    EXPECT(c, "OBJECT ENCODING long", "$8\r\nskiplist\r\n");
    EXPECT(c, "COPY z z2", ":1\r\n");
    EXPECT(c, "DEL z z2", ":2\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    while (lazyfreeStep(s, 10))
        ;
    EXPECT(c, "DBSIZE", ":2\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
