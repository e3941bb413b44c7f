/* test_list.c -- the list type through rlExec (expected replies captured from
 * redis-server 7.0.15 with RESP3), and the quicklist against an array model. */
#include "test_help.h"
#include "server.h"

#include <stdlib.h>

int test_list_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "RPUSH l a b c d e", ":5\r\n");
    EXPECT(c, "LPUSH l z", ":6\r\n");
    EXPECT(c, "LRANGE l 0 -1",
           "*6\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
    EXPECT(c, "LRANGE l -100 1", "*2\r\n$1\r\nz\r\n$1\r\na\r\n");
    EXPECT(c, "LRANGE l 3 1", "*0\r\n");
    EXPECT(c, "LINDEX l -1", "$1\r\ne\r\n");
    EXPECT(c, "LINDEX l 9", "_\r\n");
    EXPECT(c, "LSET l 1 A", "+OK\r\n");
    EXPECT(c, "LINSERT l AFTER A x", ":7\r\n");
    EXPECT(c, "LINSERT l BEFORE z y", ":8\r\n");
    EXPECT(c, "LRANGE l 0 -1",
           "*8\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\nA\r\n$1\r\nx\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$"
           "1\r\ne\r\n");
    EXPECT(c, "LPOS l b", ":4\r\n");
    EXPECT(c, "RPUSH l b x", ":10\r\n");
    EXPECT(c, "LPOS l x RANK -1", ":9\r\n");
    EXPECT(c, "LPOS l x COUNT 0", "*2\r\n:3\r\n:9\r\n");
    EXPECT(c, "LPOS l x RANK 2 COUNT 1", "*1\r\n:9\r\n");
    EXPECT(c, "LPOS l b MAXLEN 2", "_\r\n");
    EXPECT(c, "LREM l -1 x", ":1\r\n");
    EXPECT(c, "LREM l 0 b", ":2\r\n");
    EXPECT(c, "LRANGE l 0 -1",
           "*7\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\nA\r\n$1\r\nx\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
    EXPECT(c, "LTRIM l 1 -2", "+OK\r\n");
    EXPECT(c, "LRANGE l 0 -1", "*5\r\n$1\r\nz\r\n$1\r\nA\r\n$1\r\nx\r\n$1\r\nc\r\n$1\r\nd\r\n");
    EXPECT(c, "LMOVE l l2 LEFT RIGHT", "$1\r\nz\r\n");
    EXPECT(c, "RPOPLPUSH l l", "$1\r\nd\r\n");
    EXPECT(c, "LRANGE l 0 -1", "*4\r\n$1\r\nd\r\n$1\r\nA\r\n$1\r\nx\r\n$1\r\nc\r\n");
    EXPECT(c, "LPOP l 2", "*2\r\n$1\r\nd\r\n$1\r\nA\r\n");
    EXPECT(c, "RPOP l 10", "*2\r\n$1\r\nc\r\n$1\r\nx\r\n");
    EXPECT(c, "EXISTS l", ":0\r\n");
    EXPECT(c, "LMPOP 2 nokey l2 LEFT COUNT 3", "*2\r\n$2\r\nl2\r\n*1\r\n$1\r\nz\r\n");
    EXPECT(c, "EXISTS l2", ":0\r\n");
    EXPECT(c, "OBJECT ENCODING l", "_\r\n");
    EXPECT(c, "RPUSH q 1", ":1\r\n");
    EXPECT(c, "OBJECT ENCODING q", "$9\r\nquicklist\r\n");
    EXPECT(c, "LPUSHX q 0", ":2\r\n");
    EXPECT(c, "RPUSHX q 2", ":3\r\n");
    EXPECT(c, "LRANGE q 0 -1", "*3\r\n$1\r\n0\r\n$1\r\n1\r\n$1\r\n2\r\n");
    EXPECT(c, "LLEN q", ":3\r\n");
    EXPECT(c, "LINDEX nokey x", "_\r\n");
    EXPECT(c, "LINDEX q x", "-ERR value is not an integer or out of range\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_list_errors(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "LPOP nokey 2", "_\r\n");
    EXPECT(c, "LPOP nokey", "_\r\n");
    EXPECT(c, "RPUSH l a b c", ":3\r\n");
    EXPECT(c, "LPOP l 0", "*0\r\n");
    EXPECT(c, "LPOP l -1", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "LPOP l x", "-ERR value is out of range, must be positive\r\n");
    EXPECT(c, "LPOP l 1 2", "-ERR wrong number of arguments for 'lpop' command\r\n");
    EXPECT(c, "LRANGE l x 1", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "LINDEX l x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "LSET nokey 0 x", "-ERR no such key\r\n");
    EXPECT(c, "LSET l 9 x", "-ERR index out of range\r\n");
    EXPECT(c, "LSET l x x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "LINSERT l MIDDLE a x", "-ERR syntax error\r\n");
    EXPECT(c, "LINSERT nokey BEFORE a x", ":0\r\n");
    EXPECT(c, "LINSERT l BEFORE zz x", ":-1\r\n");
    EXPECT(c, "LPOS l a RANK 0",
           "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or "
           "use negative to start from the end of the list\r\n");
    EXPECT(c, "LPOS l a RANK -9223372036854775808", ":0\r\n");
    EXPECT(c, "LPOS l a COUNT -1", "-ERR COUNT can't be negative\r\n");
    EXPECT(c, "LPOS l a MAXLEN -1", "-ERR MAXLEN can't be negative\r\n");
    EXPECT(c, "LPOS l a FOO", "-ERR syntax error\r\n");
    EXPECT(c, "LPOS l a RANK", "-ERR syntax error\r\n");
    EXPECT(c, "LPOS l a COUNT 0", "*1\r\n:0\r\n");
    EXPECT(c, "LPOS nokey a", "_\r\n");
    EXPECT(c, "LPOS nokey a COUNT 1", "*0\r\n");
    EXPECT(c, "LMOVE l l2 UP LEFT", "-ERR syntax error\r\n");
    EXPECT(c, "LMOVE nokey l2 LEFT LEFT", "_\r\n");
    EXPECT(c, "LMPOP 0 l LEFT", "-ERR numkeys should be greater than 0\r\n");
    EXPECT(c, "LMPOP 2 l LEFT", "-ERR syntax error\r\n");
    EXPECT(c, "LMPOP 1 l MIDDLE", "-ERR syntax error\r\n");
    EXPECT(c, "LMPOP 1 l LEFT COUNT 0", "-ERR count should be greater than 0\r\n");
    EXPECT(c, "LMPOP 1 l LEFT COUNT -1", "-ERR count should be greater than 0\r\n");
    EXPECT(c, "LMPOP 1 l LEFT COUNT 1 COUNT 2", "-ERR syntax error\r\n");
    EXPECT(c, "LMPOP 1 l LEFT FOO", "-ERR syntax error\r\n");
    EXPECT(c, "LMPOP 1 nokey LEFT", "_\r\n");
    EXPECT(c, "LPUSHX nokey a", ":0\r\n");
    EXPECT(c, "LREM l x a", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "SET s v", "+OK\r\n");
    EXPECT(c, "LMOVE s l2 LEFT LEFT",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "LMOVE l s LEFT LEFT",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "LMPOP 1 s LEFT",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "LPUSH s a",
           "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    EXPECT(c, "LTRIM l 1 0", "+OK\r\n");
    EXPECT(c, "EXISTS l", ":0\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

/* Random pushes, pops, inserts, replaces and deletes with elements of many sizes (some
 * bigger than a node) against an array model; the quicklist checked after every step. */
int test_quicklist_against_model(void) {
    rlSlab sl = {0};
    quicklist *ql = qlCreate(&sl);
    enum { MAXN = 3000 };
    static char *model[MAXN];
    static size_t lens[MAXN];
    size_t n = 0;
    uint64_t rng = 5;
    static const size_t SIZES[] = {0, 1, 7, 20, 100, 500, 3000, 9000};
    char buf[9001];
    for (int iter = 0; iter < 20000; iter++) {
        int op = (int)(rlRandNext(&rng) % 8);
        size_t len = SIZES[rlRandNext(&rng) % (sizeof(SIZES) / sizeof(SIZES[0]))];
        memset(buf, 'a' + (int)(rlRandNext(&rng) % 26), len);
        if ((op <= 2 || n == 0) && n < MAXN) { /* push */
            int where = op == 0 ? QL_HEAD : QL_TAIL;
            qlPush(&sl, ql, buf, len, where);
            char *copy = malloc(len + 1);
            memcpy(copy, buf, len);
            size_t pos = where == QL_HEAD ? 0 : n;
            memmove(model + pos + 1, model + pos, (n - pos) * sizeof(*model));
            memmove(lens + pos + 1, lens + pos, (n - pos) * sizeof(*lens));
            model[pos] = copy;
            lens[pos] = len;
            n++;
        } else if (op == 3 && n < MAXN) { /* insert before/after a random entry */
            size_t pos = (size_t)(rlRandNext(&rng) % n);
            int after = (int)(rlRandNext(&rng) & 1);
            qlEntry e;
            TEST_ASSERT(qlIndex(ql, (long)pos, &e));
            qlInsert(&sl, ql, &e, buf, len, after);
            pos += (size_t)after;
            char *copy = malloc(len + 1);
            memcpy(copy, buf, len);
            memmove(model + pos + 1, model + pos, (n - pos) * sizeof(*model));
            memmove(lens + pos + 1, lens + pos, (n - pos) * sizeof(*lens));
            model[pos] = copy;
            lens[pos] = len;
            n++;
        } else if (op == 4 && n) { /* replace */
            size_t pos = (size_t)(rlRandNext(&rng) % n);
            qlEntry e;
            TEST_ASSERT(qlIndex(ql, -(long)(n - pos), &e));
            qlReplace(&sl, ql, &e, buf, len);
            size_t got;
            const char *v = qlGet(&e, &got);
            TEST_ASSERT(got == len && (len == 0 || memcmp(v, buf, len) == 0));
            free(model[pos]);
            model[pos] = malloc(len + 1);
            memcpy(model[pos], buf, len);
            lens[pos] = len;
        } else if (op == 5 && n) { /* delete one, keep walking */
            size_t pos = (size_t)(rlRandNext(&rng) % n);
            int dir = (int)(rlRandNext(&rng) & 1);
            qlEntry e;
            TEST_ASSERT(qlIndex(ql, (long)pos, &e));
            int more = qlDelete(&sl, ql, &e, dir);
            free(model[pos]);
            memmove(model + pos, model + pos + 1, (n - pos - 1) * sizeof(*model));
            memmove(lens + pos, lens + pos + 1, (n - pos - 1) * sizeof(*lens));
            n--;
            size_t expect = dir == QL_TAIL ? pos : pos - 1; /* the entry it now points at */
            TEST_ASSERT(more == (dir == QL_TAIL ? pos < n : pos > 0));
            if (more) {
                size_t got;
                const char *v = qlGet(&e, &got);
                TEST_ASSERT(got == lens[expect] &&
                            (got == 0 || memcmp(v, model[expect], got) == 0));
            }
        } else if (n) { /* delete a range */
            size_t pos = (size_t)(rlRandNext(&rng) % n);
            size_t cnt = 1 + (size_t)(rlRandNext(&rng) % 40);
            if (cnt > n - pos) cnt = n - pos;
            qlDeleteRange(&sl, ql, (long)pos, cnt);
            for (size_t i = pos; i < pos + cnt; i++)
                free(model[i]);
            memmove(model + pos, model + pos + cnt, (n - pos - cnt) * sizeof(*model));
            memmove(lens + pos, lens + pos + cnt, (n - pos - cnt) * sizeof(*lens));
            n -= cnt;
        }
        TEST_ASSERT(qlValidate(ql) && ql->count == n);
        if (iter % 97 == 0 && n) { /* full walk both ways */
            qlEntry e;
            TEST_ASSERT(qlIndex(ql, 0, &e));
            for (size_t i = 0; i < n; i++) {
                size_t got;
                const char *v = qlGet(&e, &got);
                TEST_ASSERT(got == lens[i] && (got == 0 || memcmp(v, model[i], got) == 0));
                TEST_ASSERT(qlMove(ql, &e, QL_TAIL) == (i + 1 < n));
            }
            TEST_ASSERT(qlIndex(ql, -1, &e));
            for (size_t i = n; i-- > 0;)
                TEST_ASSERT(qlMove(ql, &e, QL_HEAD) == (i > 0));
        }
    }
    quicklist *dup = qlDup(&sl, ql);
    TEST_ASSERT(qlValidate(dup) && dup->count == n);
    qlRelease(&sl, dup);
    for (size_t i = 0; i < n; i++)
        free(model[i]);
    qlRelease(&sl, ql);
    slabRelease(&sl);
    return 0;
}

/* A 100k-element list: LRANGE in the middle, LTRIM, COPY, then DEL through the lazy-free
 * queue. */
int test_list_big(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 42);
    rlClient *c = rlClientNew(s);
    char v[32];
    for (int i = 0; i < 100000; i++) {
        snprintf(v, sizeof(v), "%d", i);
        const char *argv[3] = {"RPUSH", "l", v};
        size_t lens[3] = {5, 1, strlen(v)};
        sds out = sdsempty();
        rlExec(c, 3, argv, lens, &rlRespSink, &out);
        sdsfree(out);
    }
    EXPECT(c, "LINDEX l 50000", "$5\r\n50000\r\n");
    EXPECT(c, "LINDEX l -2", "$5\r\n99998\r\n");
    EXPECT(c, "LRANGE l 70000 70001", "*2\r\n$5\r\n70000\r\n$5\r\n70001\r\n");
    EXPECT(c, "LTRIM l 10 -11", "+OK\r\n");
    EXPECT(c, "LLEN l", ":99980\r\n");
    EXPECT(c, "LINDEX l 0", "$2\r\n10\r\n");
    EXPECT(c, "COPY l l2", ":1\r\n");
    EXPECT(c, "DEL l l2", ":2\r\n");
    TEST_ASSERT(s->lazyfree_head != NULL);
    while (lazyfreeStep(s, 1000))
        ;
    EXPECT(c, "DBSIZE", ":0\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
