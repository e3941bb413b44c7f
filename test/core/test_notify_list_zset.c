/* test_notify_list_zset.c -- keyspace notifications and WATCH invalidation of the list and
 * sorted-set write commands. Every row (command, RESP3 reply, events, WATCH outcome) was
 * captured from redis-server 7.0.15: one connection (HELLO 3) ran the commands, a second was
 * PSUBSCRIBEd to __key*__:*, and for the WATCH rows a third WATCHed the key before the
 * command and then ran MULTI / EXISTS nokeyw / EXEC (null when the command touched it). */
#include "test_help.h"

#include "server.h"

#include <stdio.h>
#include <string.h>

/* Client ids: the writer is 1, the subscriber 2, the watcher 3. */
#define SUB_ID 2ULL

typedef struct evCase {
    const char *cmd;    /* run by the writer (space-separated arguments) */
    const char *reply;  /* its RESP3 reply */
    const char *events; /* "event:key ..." ("" for none); "K:event:key" / "E:event:key" for a
                         * keyspace / keyevent message alone (partial flags), else both */
    const char *watch;  /* NULL, or the key the watcher WATCHes before 'cmd' */
    const char *exec;   /* the watcher's EXEC reply after 'cmd' (null: aborted) */
} evCase;

static sds addPmessage(sds out, const char *chan, const char *payload) {
    return sdscatprintf(
        out, "%llu:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$%zu\r\n%s\r\n$%zu\r\n%s\r\n|",
        SUB_ID, strlen(chan), chan, strlen(payload), payload);
}

/* The outbox text the subscriber gets for 'spec' (db 0). */
static sds specToOutbox(const char *spec) {
    sds out = sdsempty();
    char buf[512], chan[160];
    snprintf(buf, sizeof(buf), "%s", spec);
    for (char *item = strtok(buf, " "); item; item = strtok(NULL, " ")) {
        int ks = 1, ke = 1;
        if (item[0] && item[1] == ':' && (item[0] == 'K' || item[0] == 'E')) {
            ks = item[0] == 'K';
            ke = !ks;
            item += 2;
        }
        char *colon = strchr(item, ':');
        if (!colon) continue;
        *colon = '\0';
        const char *event = item, *key = colon + 1;
        if (ks) {
            snprintf(chan, sizeof(chan), "__keyspace@0__:%s", key);
            out = addPmessage(out, chan, event);
        }
        if (ke) {
            snprintf(chan, sizeof(chan), "__keyevent@0__:%s", event);
            out = addPmessage(out, chan, key);
        }
    }
    return out;
}

static int eventsAre(rlServer *s, const char *cmd, const char *spec) {
    sds exp = specToOutbox(spec);
    int ok = testOutboxIs(s, exp);
    if (!ok) fprintf(stderr, "    after: %s\n", cmd);
    sdsfree(exp);
    return ok;
}

/* Run 'cases' in order on a fresh server (notifications off until a row turns them on). */
static int runCases(const evCase *cases, size_t n) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s), *sub = rlClientNew(s), *w = rlClientNew(s);
    TEST_ASSERT(rlClientId(sub) == SUB_ID);
    EXPECT(sub, "PSUBSCRIBE __key*__:*",
           "*1\r\n*3\r\n$10\r\npsubscribe\r\n$10\r\n__key*__:*\r\n:1\r\n");
    for (size_t i = 0; i < n; i++) {
        const evCase *k = &cases[i];
        if (k->watch) {
            char cmd[128];
            snprintf(cmd, sizeof(cmd), "WATCH %s", k->watch);
            EXPECT(w, cmd, "+OK\r\n");
        }
        EXPECT(c, k->cmd, k->reply);
        TEST_ASSERT_MESSAGE(k->cmd, eventsAre(s, k->cmd, k->events));
        if (k->watch) {
            EXPECT(w, "MULTI", "+OK\r\n");
            EXPECT(w, "EXISTS nokeyw", "+QUEUED\r\n");
            TEST_ASSERT_MESSAGE(k->cmd, testRunExpect(w, "EXEC", k->exec));
        }
    }
    TEST_ASSERT(rlOutboxPending(s) == 0);
    rlClientRelease(c);
    rlClientRelease(sub);
    rlClientRelease(w);
    rlServerRelease(s);
    return 0;
}

#define RUN_CASES(cases) runCases(cases, sizeof(cases) / sizeof(cases[0]))

/* LPUSH/RPUSH/LPUSHX/RPUSHX and LPOP/RPOP (with and without a count): "lpop" then "del" when the
 * list empties; nothing for a count of 0, a missing key or an error. */
int test_notify_list_zset_list_push_pop(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"LPUSH l a b", ":2\r\n", "lpush:l", NULL, NULL},
        {"RPUSH l c", ":3\r\n", "rpush:l", NULL, NULL},
        {"LPUSHX nx a", ":0\r\n", "", NULL, NULL},
        {"RPUSHX nx a", ":0\r\n", "", NULL, NULL},
        {"LPUSHX l z", ":4\r\n", "lpush:l", NULL, NULL},
        {"RPUSHX l y w", ":6\r\n", "rpush:l", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"LPUSH s a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"RPUSHX s a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"RPOP l", "$1\r\nw\r\n", "rpop:l", NULL, NULL},
        {"LPOP l 0", "*0\r\n", "", NULL, NULL},
        {"RPOP l 0", "*0\r\n", "", NULL, NULL},
        {"LPOP l 2", "*2\r\n$1\r\nz\r\n$1\r\nb\r\n", "lpop:l", NULL, NULL},
        {"RPOP l 10", "*3\r\n$1\r\ny\r\n$1\r\nc\r\n$1\r\na\r\n", "rpop:l del:l", NULL, NULL},
        {"RPOP l", "_\r\n", "", NULL, NULL},
        {"LPOP l 2", "_\r\n", "", NULL, NULL},
        {"LPOP l -1", "-ERR value is out of range, must be positive\r\n", "", NULL, NULL},
        {"RPUSH l a", ":1\r\n", "rpush:l", NULL, NULL},
        {"RPOP l 1", "*1\r\n$1\r\na\r\n", "rpop:l del:l", NULL, NULL},
        {"RPUSH l a b", ":2\r\n", "rpush:l", NULL, NULL},
        {"LPOP l", "$1\r\na\r\n", "lpop:l", NULL, NULL},
        {"LPOP l", "$1\r\nb\r\n", "lpop:l del:l", NULL, NULL},
        {"LPOP s", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* LSET, LTRIM ("ltrim" even when nothing is trimmed), LREM, LINSERT. */
int test_notify_list_zset_list_edit(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"RPUSH l a b c", ":3\r\n", "rpush:l", NULL, NULL},
        {"LSET l 1 B", "+OK\r\n", "lset:l", NULL, NULL},
        {"LSET l -1 C", "+OK\r\n", "lset:l", NULL, NULL},
        {"LSET l 5 X", "-ERR index out of range\r\n", "", NULL, NULL},
        {"LSET nokey 0 X", "-ERR no such key\r\n", "", NULL, NULL},
        {"LSET l x X", "-ERR value is not an integer or out of range\r\n", "", NULL, NULL},
        {"LTRIM l 0 -1", "+OK\r\n", "ltrim:l", NULL, NULL},
        {"LTRIM l 0 1", "+OK\r\n", "ltrim:l", NULL, NULL},
        {"LTRIM nokey 0 1", "+OK\r\n", "", NULL, NULL},
        {"LTRIM l 0 x", "-ERR value is not an integer or out of range\r\n", "", NULL, NULL},
        {"LTRIM l 5 10", "+OK\r\n", "ltrim:l del:l", NULL, NULL},
        {"RPUSH l a b c", ":3\r\n", "rpush:l", NULL, NULL},
        {"LTRIM l 2 1", "+OK\r\n", "ltrim:l del:l", NULL, NULL},
        {"RPUSH l a b a c a", ":5\r\n", "rpush:l", NULL, NULL},
        {"LREM l 0 zz", ":0\r\n", "", NULL, NULL},
        {"LREM l 1 a", ":1\r\n", "lrem:l", NULL, NULL},
        {"LREM l -1 a", ":1\r\n", "lrem:l", NULL, NULL},
        {"LREM l 0 a", ":1\r\n", "lrem:l", NULL, NULL},
        {"LREM nokey 0 a", ":0\r\n", "", NULL, NULL},
        {"LREM l x a", "-ERR value is not an integer or out of range\r\n", "", NULL, NULL},
        {"LREM l 0 b", ":1\r\n", "lrem:l", NULL, NULL},
        {"LREM l 0 c", ":1\r\n", "lrem:l del:l", NULL, NULL},
        {"RPUSH l a b", ":2\r\n", "rpush:l", NULL, NULL},
        {"LINSERT l BEFORE b x", ":3\r\n", "linsert:l", NULL, NULL},
        {"LINSERT l AFTER b y", ":4\r\n", "linsert:l", NULL, NULL},
        {"LINSERT l AFTER zz x", ":-1\r\n", "", NULL, NULL},
        {"LINSERT nokey AFTER a x", ":0\r\n", "", NULL, NULL},
        {"LINSERT l foo a x", "-ERR syntax error\r\n", "", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"LSET s 0 x", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"LTRIM s 0 1", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
         "", NULL, NULL},
        {"LREM s 0 a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"LINSERT s BEFORE a b",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* LMOVE/RPOPLPUSH: the push on the destination, then the pop (and "del") on the source, also for
 * the same key; LMPOP; and "new" (KEAn) before the push on a new destination. */
int test_notify_list_zset_list_move(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"RPUSH src a b", ":2\r\n", "rpush:src", NULL, NULL},
        {"LMOVE src dst LEFT RIGHT", "$1\r\na\r\n", "rpush:dst lpop:src", NULL, NULL},
        {"LMOVE src dst RIGHT LEFT", "$1\r\nb\r\n", "lpush:dst rpop:src del:src", NULL, NULL},
        {"LMOVE src dst LEFT LEFT", "_\r\n", "", NULL, NULL},
        {"RPUSH src a b", ":2\r\n", "rpush:src", NULL, NULL},
        {"LMOVE src src LEFT RIGHT", "$1\r\na\r\n", "rpush:src lpop:src", NULL, NULL},
        {"RPOPLPUSH src src", "$1\r\na\r\n", "lpush:src rpop:src", NULL, NULL},
        {"RPOPLPUSH src dst", "$1\r\nb\r\n", "lpush:dst rpop:src", NULL, NULL},
        {"RPOPLPUSH src dst", "$1\r\na\r\n", "lpush:dst rpop:src del:src", NULL, NULL},
        {"RPOPLPUSH src dst", "_\r\n", "", NULL, NULL},
        {"RPOP dst 10", "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nb\r\n$1\r\na\r\n", "rpop:dst del:dst",
         NULL, NULL},
        {"RPUSH src a", ":1\r\n", "rpush:src", NULL, NULL},
        {"LMOVE src src LEFT LEFT", "$1\r\na\r\n", "lpush:src lpop:src", NULL, NULL},
        {"LMOVE src src RIGHT RIGHT", "$1\r\na\r\n", "rpush:src rpop:src", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"LMOVE src s LEFT LEFT",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
        {"RPOPLPUSH s src",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
        {"LMOVE src dst UP LEFT", "-ERR syntax error\r\n", "", NULL, NULL},
        {"LRANGE src 0 -1", "*1\r\n$1\r\na\r\n", "", NULL, NULL},
        {"LPOP src 10", "*1\r\n$1\r\na\r\n", "lpop:src del:src", NULL, NULL},
        {"RPUSH m1 a b c", ":3\r\n", "rpush:m1", NULL, NULL},
        {"LMPOP 2 nokey m1 LEFT", "*2\r\n$2\r\nm1\r\n*1\r\n$1\r\na\r\n", "lpop:m1", NULL, NULL},
        {"LMPOP 2 nokey m1 RIGHT COUNT 5", "*2\r\n$2\r\nm1\r\n*2\r\n$1\r\nc\r\n$1\r\nb\r\n",
         "rpop:m1 del:m1", NULL, NULL},
        {"LMPOP 2 nokey m1 RIGHT", "_\r\n", "", NULL, NULL},
        {"LMPOP 2 s m1 LEFT",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
        {"LMPOP 1 m1 LEFT COUNT 0", "-ERR count should be greater than 0\r\n", "", NULL, NULL},
        {"RPUSH m2 a b c", ":3\r\n", "rpush:m2", NULL, NULL},
        {"LMPOP 1 m2 RIGHT COUNT 2", "*2\r\n$2\r\nm2\r\n*2\r\n$1\r\nc\r\n$1\r\nb\r\n", "rpop:m2",
         NULL, NULL},
        {"LMPOP 3 nokey nokey2 m2 LEFT COUNT 1", "*2\r\n$2\r\nm2\r\n*1\r\n$1\r\na\r\n",
         "lpop:m2 del:m2", NULL, NULL},
        {"CONFIG SET notify-keyspace-events KEAn", "+OK\r\n", "", NULL, NULL},
        {"RPUSH src a", ":1\r\n", "new:src rpush:src", NULL, NULL},
        {"LMOVE src dst LEFT RIGHT", "$1\r\na\r\n", "new:dst rpush:dst lpop:src del:src", NULL,
         NULL},
        {"RPOPLPUSH dst dst2", "$1\r\na\r\n", "new:dst2 lpush:dst2 rpop:dst del:dst", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* ZADD (NX/XX/GT/LT/CH/INCR) and ZINCRBY: "zadd"/"zincr" only when a member was added or its score
 * changed. */
int test_notify_list_zset_zset_add(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "zadd:z", NULL, NULL},
        {"ZADD z 1 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z 3 a", ":0\r\n", "zadd:z", NULL, NULL},
        {"ZADD z 3 a 2 b", ":0\r\n", "", NULL, NULL},
        {"ZADD z CH 3 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z CH 4 a", ":1\r\n", "zadd:z", NULL, NULL},
        {"ZADD z NX 5 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z NX 5 c", ":1\r\n", "zadd:z", NULL, NULL},
        {"ZADD z XX 6 d", ":0\r\n", "", NULL, NULL},
        {"ZADD nz XX 6 d", ":0\r\n", "", NULL, NULL},
        {"ZADD z XX 6 a", ":0\r\n", "zadd:z", NULL, NULL},
        {"ZADD z XX CH 7 a 1 d", ":1\r\n", "zadd:z", NULL, NULL},
        {"ZADD z GT 1 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z GT 7 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z LT 8 a", ":0\r\n", "", NULL, NULL},
        {"ZADD z LT 0 a", ":0\r\n", "zadd:z", NULL, NULL},
        {"ZADD z GT CH 9 newmem", ":1\r\n", "zadd:z", NULL, NULL},
        {"ZADD z INCR 1 a", ",1\r\n", "zincr:z", NULL, NULL},
        {"ZADD z INCR 0 a", ",1\r\n", "", NULL, NULL},
        {"ZADD z NX INCR 1 a", "_\r\n", "", NULL, NULL},
        {"ZADD z XX INCR 1 zz", "_\r\n", "", NULL, NULL},
        {"ZADD z GT INCR -1 a", "_\r\n", "", NULL, NULL},
        {"ZADD z LT INCR 1 a", "_\r\n", "", NULL, NULL},
        {"ZADD z x a", "-ERR value is not a valid float\r\n", "", NULL, NULL},
        {"ZADD z INCR 1 a 2 b", "-ERR INCR option supports a single increment-element pair\r\n", "",
         NULL, NULL},
        {"ZADD z NX XX 1 a", "-ERR XX and NX options at the same time are not compatible\r\n", "",
         NULL, NULL},
        {"ZINCRBY z 2 a", ",3\r\n", "zincr:z", NULL, NULL},
        {"ZINCRBY z 0 a", ",3\r\n", "", NULL, NULL},
        {"ZINCRBY z 1 brandnew", ",1\r\n", "zincr:z", NULL, NULL},
        {"ZINCRBY nz2 1 m", ",1\r\n", "zincr:nz2", NULL, NULL},
        {"ZINCRBY z x m", "-ERR value is not a valid float\r\n", "", NULL, NULL},
        {"ZADD inf inf m", ":1\r\n", "zadd:inf", NULL, NULL},
        {"ZADD inf INCR -inf m", "-ERR resulting score is not a number (NaN)\r\n", "", NULL, NULL},
        {"ZINCRBY inf -inf m", "-ERR resulting score is not a number (NaN)\r\n", "", NULL, NULL},
        {"ZADD inf 1 m 2 n 3 o", ":2\r\n", "zadd:inf", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"ZADD s 1 a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"ZINCRBY s 1 a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
         "", NULL, NULL},
        {"CONFIG SET notify-keyspace-events KEAn", "+OK\r\n", "", NULL, NULL},
        {"ZADD fresh 1 a", ":1\r\n", "new:fresh zadd:fresh", NULL, NULL},
        {"ZADD fresh2 XX 1 a", ":0\r\n", "", NULL, NULL},
        {"ZINCRBY fresh3 1 a", ",1\r\n", "new:fresh3 zincr:fresh3", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* ZREM and ZREMRANGEBYSCORE/BYRANK/BYLEX, listpack and skiplist encodings: an event only when
 * something was removed, then "del" when the set empties. */
int test_notify_list_zset_zset_rem(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"ZADD z 1 a 2 b 3 c", ":3\r\n", "zadd:z", NULL, NULL},
        {"ZREM z zz", ":0\r\n", "", NULL, NULL},
        {"ZREM z a zz", ":1\r\n", "zrem:z", NULL, NULL},
        {"ZREM nz a", ":0\r\n", "", NULL, NULL},
        {"ZREM z b c zz", ":2\r\n", "zrem:z del:z", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "zadd:z", NULL, NULL},
        {"ZREM z zz a b zz", ":2\r\n", "zrem:z del:z", NULL, NULL},
        {"ZADD z 1 a 2 b 3 c 4 d", ":4\r\n", "zadd:z", NULL, NULL},
        {"ZREMRANGEBYSCORE z 10 20", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYSCORE z 1 1", ":1\r\n", "zremrangebyscore:z", NULL, NULL},
        {"ZREMRANGEBYSCORE z x 1", "-ERR min or max is not a float\r\n", "", NULL, NULL},
        {"ZREMRANGEBYRANK z 5 10", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYRANK z 2 1", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYRANK z 0 0", ":1\r\n", "zremrangebyrank:z", NULL, NULL},
        {"ZREMRANGEBYLEX z [x [z", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYLEX z [c [c", ":1\r\n", "zremrangebylex:z", NULL, NULL},
        {"ZREMRANGEBYLEX z x y", "-ERR min or max not valid string range item\r\n", "", NULL, NULL},
        {"ZREMRANGEBYSCORE nz 1 2", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYRANK nz 0 1", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYLEX nz - +", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYLEX z - +", ":1\r\n", "zremrangebylex:z del:z", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "zadd:z", NULL, NULL},
        {"ZREMRANGEBYRANK z 0 -1", ":2\r\n", "zremrangebyrank:z del:z", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "zadd:z", NULL, NULL},
        {"ZREMRANGEBYSCORE z -inf +inf", ":2\r\n", "zremrangebyscore:z del:z", NULL, NULL},
        {"ZADD big 1 a 2 b 3 "
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 4 c",
         ":4\r\n", "zadd:big", NULL, NULL},
        {"OBJECT ENCODING big", "$8\r\nskiplist\r\n", "", NULL, NULL},
        {"ZREM big zz", ":0\r\n", "", NULL, NULL},
        {"ZREM big a", ":1\r\n", "zrem:big", NULL, NULL},
        {"ZREMRANGEBYSCORE big 10 20", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYSCORE big 2 2", ":1\r\n", "zremrangebyscore:big", NULL, NULL},
        {"ZREMRANGEBYRANK big 5 9", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYLEX big [c [c", ":0\r\n", "", NULL, NULL},
        {"ZREMRANGEBYRANK big 0 -1", ":2\r\n", "zremrangebyrank:big del:big", NULL, NULL},
        {"EXISTS big", ":0\r\n", "", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"ZREM s a", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"ZREMRANGEBYRANK s 0 1",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* ZPOPMIN/ZPOPMAX (with and without a count) and ZMPOP. */
int test_notify_list_zset_zset_pop(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"ZADD z 1 a 2 b 3 c", ":3\r\n", "zadd:z", NULL, NULL},
        {"ZPOPMIN z", "*2\r\n$1\r\na\r\n,1\r\n", "zpopmin:z", NULL, NULL},
        {"ZPOPMAX z 0", "*0\r\n", "", NULL, NULL},
        {"ZPOPMIN z 0", "*0\r\n", "", NULL, NULL},
        {"ZPOPMAX z", "*2\r\n$1\r\nc\r\n,3\r\n", "zpopmax:z", NULL, NULL},
        {"ZPOPMIN nz", "*0\r\n", "", NULL, NULL},
        {"ZPOPMIN nz 2", "*0\r\n", "", NULL, NULL},
        {"ZPOPMIN z 5", "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n", "zpopmin:z del:z", NULL, NULL},
        {"ZADD z 1 a", ":1\r\n", "zadd:z", NULL, NULL},
        {"ZPOPMAX z", "*2\r\n$1\r\na\r\n,1\r\n", "zpopmax:z del:z", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "zadd:z", NULL, NULL},
        {"ZPOPMAX z 1", "*1\r\n*2\r\n$1\r\nb\r\n,2\r\n", "zpopmax:z", NULL, NULL},
        {"ZPOPMIN z 1", "*1\r\n*2\r\n$1\r\na\r\n,1\r\n", "zpopmin:z del:z", NULL, NULL},
        {"ZPOPMIN z -1", "-ERR value is out of range, must be positive\r\n", "", NULL, NULL},
        {"ZADD big 1 a 2 b 3 "
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         ":3\r\n", "zadd:big", NULL, NULL},
        {"ZPOPMAX big",
         "*2\r\n$70\r\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n,"
         "3\r\n",
         "zpopmax:big", NULL, NULL},
        {"ZPOPMIN big 5", "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n",
         "zpopmin:big del:big", NULL, NULL},
        {"ZADD z 1 a 2 b 3 c", ":3\r\n", "zadd:z", NULL, NULL},
        {"ZMPOP 2 nz z MIN", "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n,1\r\n", "zpopmin:z", NULL,
         NULL},
        {"ZMPOP 2 nz z MAX COUNT 10",
         "*2\r\n$1\r\nz\r\n*2\r\n*2\r\n$1\r\nc\r\n,3\r\n*2\r\n$1\r\nb\r\n,2\r\n", "zpopmax:z del:z",
         NULL, NULL},
        {"ZMPOP 2 nz z MAX", "_\r\n", "", NULL, NULL},
        {"ZMPOP 1 z MIN COUNT 0", "-ERR count should be greater than 0\r\n", "", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"ZPOPMIN s", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "",
         NULL, NULL},
        {"ZMPOP 1 s MIN", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
         "", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* ZRANGESTORE and ZUNIONSTORE/ZINTERSTORE/ZDIFFSTORE: the command's event (after "new" for a new
 * key), or "del" when an empty result removes an existing destination (nothing when it did not
 * exist). */
int test_notify_list_zset_zset_store(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"ZADD src 1 a 2 b 3 c", ":3\r\n", "zadd:src", NULL, NULL},
        {"ZRANGESTORE dst src 0 1", ":2\r\n", "zrangestore:dst", NULL, NULL},
        {"ZRANGESTORE dst src 0 -1", ":3\r\n", "zrangestore:dst", NULL, NULL},
        {"ZRANGESTORE dst src 5 10", ":0\r\n", "del:dst", NULL, NULL},
        {"ZRANGESTORE dst src 5 10", ":0\r\n", "", NULL, NULL},
        {"ZRANGESTORE dst nosrc 0 -1", ":0\r\n", "", NULL, NULL},
        {"ZRANGESTORE dst src (1 +inf BYSCORE", ":2\r\n", "zrangestore:dst", NULL, NULL},
        {"ZRANGESTORE dst src [b [c BYLEX REV", ":0\r\n", "del:dst", NULL, NULL},
        {"ZRANGESTORE dst src [c [b BYLEX REV", ":2\r\n", "zrangestore:dst", NULL, NULL},
        {"ZRANGESTORE dst nosrc 0 -1", ":0\r\n", "del:dst", NULL, NULL},
        {"ZRANGESTORE dst src 0 x", "-ERR value is not an integer or out of range\r\n", "", NULL,
         NULL},
        {"ZADD z2 2 b 5 e", ":2\r\n", "zadd:z2", NULL, NULL},
        {"ZUNIONSTORE u 2 src z2", ":4\r\n", "zunionstore:u", NULL, NULL},
        {"ZUNIONSTORE u 2 src z2 AGGREGATE MAX", ":4\r\n", "zunionstore:u", NULL, NULL},
        {"ZINTERSTORE i 2 src z2", ":1\r\n", "zinterstore:i", NULL, NULL},
        {"ZDIFFSTORE d 2 src z2", ":2\r\n", "zdiffstore:d", NULL, NULL},
        {"ZINTERSTORE i 2 src nz", ":0\r\n", "del:i", NULL, NULL},
        {"ZINTERSTORE i 2 src nz", ":0\r\n", "", NULL, NULL},
        {"ZDIFFSTORE d 2 src src", ":0\r\n", "del:d", NULL, NULL},
        {"ZDIFFSTORE d 1 nz", ":0\r\n", "", NULL, NULL},
        {"ZUNIONSTORE u 2 nz nz2", ":0\r\n", "del:u", NULL, NULL},
        {"ZUNIONSTORE u 1 src", ":3\r\n", "zunionstore:u", NULL, NULL},
        {"ZUNIONSTORE u 1 src WEIGHTS x", "-ERR weight value is not a float\r\n", "", NULL, NULL},
        {"ZUNIONSTORE u 0 src", "-ERR at least 1 input key is needed for 'zunionstore' command\r\n",
         "", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"ZUNIONSTORE u 1 s",
         "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", "", NULL, NULL},
        {"ZUNIONSTORE s 1 src", ":3\r\n", "zunionstore:s", NULL, NULL},
        {"TYPE s", "+zset\r\n", "", NULL, NULL},
        {"SET s v", "+OK\r\n", "set:s", NULL, NULL},
        {"ZUNIONSTORE s 1 nz", ":0\r\n", "del:s", NULL, NULL},
        {"EXISTS s", ":0\r\n", "", NULL, NULL},
        {"SADD set a b", ":2\r\n", "sadd:set", NULL, NULL},
        {"ZINTERSTORE i 2 set src", ":2\r\n", "zinterstore:i", NULL, NULL},
        {"SET ttl v EX 100", "+OK\r\n", "set:ttl expire:ttl", NULL, NULL},
        {"ZUNIONSTORE ttl 1 src", ":3\r\n", "zunionstore:ttl", NULL, NULL},
        {"TTL ttl", ":-1\r\n", "", NULL, NULL},
        {"CONFIG SET notify-keyspace-events KEAn", "+OK\r\n", "", NULL, NULL},
        {"ZRANGESTORE new1 src 0 0", ":1\r\n", "new:new1 zrangestore:new1", NULL, NULL},
        {"ZUNIONSTORE new2 1 src", ":3\r\n", "new:new2 zunionstore:new2", NULL, NULL},
        {"ZINTERSTORE new3 1 nz", ":0\r\n", "", NULL, NULL},
    };
    return RUN_CASES(cases);
}

/* Event classes: off by default; g carries "del", l the list events, z the zset events. */
int test_notify_list_zset_classes(void) {
    static const evCase cases[] = {
        {"RPUSH l a b", ":2\r\n", "", NULL, NULL},
        {"ZADD z 1 a", ":1\r\n", "", NULL, NULL},
        {"LPOP l", "$1\r\na\r\n", "", NULL, NULL},
        {"ZPOPMIN z", "*2\r\n$1\r\na\r\n,1\r\n", "", NULL, NULL},
        {"CONFIG SET notify-keyspace-events Kg", "+OK\r\n", "", NULL, NULL},
        {"RPUSH l a", ":2\r\n", "", NULL, NULL},
        {"ZADD z 1 a", ":1\r\n", "", NULL, NULL},
        {"LPOP l", "$1\r\nb\r\n", "", NULL, NULL},
        {"ZPOPMIN z", "*2\r\n$1\r\na\r\n,1\r\n", "K:del:z", NULL, NULL},
        {"CONFIG SET notify-keyspace-events El", "+OK\r\n", "", NULL, NULL},
        {"RPUSH l a b", ":3\r\n", "E:rpush:l", NULL, NULL},
        {"ZADD z 1 a 2 b", ":2\r\n", "", NULL, NULL},
        {"LTRIM l 1 0", "+OK\r\n", "E:ltrim:l", NULL, NULL},
        {"ZREMRANGEBYRANK z 0 -1", ":2\r\n", "", NULL, NULL},
        {"CONFIG SET notify-keyspace-events Kz", "+OK\r\n", "", NULL, NULL},
        {"RPUSH l a", ":1\r\n", "", NULL, NULL},
        {"ZADD z 1 a", ":1\r\n", "K:zadd:z", NULL, NULL},
        {"ZUNIONSTORE u 1 z", ":1\r\n", "K:zunionstore:u", NULL, NULL},
        {"ZREM z a", ":1\r\n", "K:zrem:z", NULL, NULL},
        {"ZRANGESTORE u z 0 -1", ":0\r\n", "", NULL, NULL},
        {"LREM l 0 a", ":1\r\n", "", NULL, NULL},
        {"CONFIG SET notify-keyspace-events Elz", "+OK\r\n", "", NULL, NULL},
        {"RPUSH src a", ":1\r\n", "E:rpush:src", NULL, NULL},
        {"LMOVE src dst LEFT LEFT", "$1\r\na\r\n", "E:lpush:dst E:lpop:src", NULL, NULL},
        {"ZADD z 1 a", ":1\r\n", "E:zadd:z", NULL, NULL},
        {"ZMPOP 1 z MAX", "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n,1\r\n", "E:zpopmax:z", NULL,
         NULL},
    };
    return RUN_CASES(cases);
}

/* WATCH: each list write by another client aborts EXEC; no-ops (LPUSHX/LTRIM of a missing key, LPOP
 * count 0, failed LSET/LREM/LINSERT, reads) do not. */
int test_notify_list_zset_watch_list(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"RPUSH wl a b c", ":3\r\n", "rpush:wl", NULL, NULL},
        {"LPUSH wl x", ":4\r\n", "lpush:wl", "wl", "_\r\n"},
        {"RPUSHX wl x", ":5\r\n", "rpush:wl", "wl", "_\r\n"},
        {"LPUSHX nx x", ":0\r\n", "", "nx", "*1\r\n:0\r\n"},
        {"LRANGE wl 0 -1", "*5\r\n$1\r\nx\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nx\r\n", "",
         "wl", "*1\r\n:0\r\n"},
        {"LPOP wl", "$1\r\nx\r\n", "lpop:wl", "wl", "_\r\n"},
        {"LPOP wl 0", "*0\r\n", "", "wl", "*1\r\n:0\r\n"},
        {"LSET wl 0 q", "+OK\r\n", "lset:wl", "wl", "_\r\n"},
        {"LSET wl 99 q", "-ERR index out of range\r\n", "", "wl", "*1\r\n:0\r\n"},
        {"LTRIM wl 0 -1", "+OK\r\n", "ltrim:wl", "wl", "_\r\n"},
        {"LTRIM nx 0 -1", "+OK\r\n", "", "nx", "*1\r\n:0\r\n"},
        {"LREM wl 0 zz", ":0\r\n", "", "wl", "*1\r\n:0\r\n"},
        {"LREM wl 1 q", ":1\r\n", "lrem:wl", "wl", "_\r\n"},
        {"LINSERT wl BEFORE zz a", ":-1\r\n", "", "wl", "*1\r\n:0\r\n"},
        {"LINSERT wl BEFORE b a", ":4\r\n", "linsert:wl", "wl", "_\r\n"},
        {"LMOVE wl other LEFT LEFT", "$1\r\na\r\n", "lpush:other lpop:wl", "wl", "_\r\n"},
        {"LMOVE wl other LEFT LEFT", "$1\r\nb\r\n", "lpush:other lpop:wl", "other", "_\r\n"},
        {"LMOVE nx other LEFT LEFT", "_\r\n", "", "other", "*1\r\n:0\r\n"},
        {"LMPOP 1 wl LEFT", "*2\r\n$2\r\nwl\r\n*1\r\n$1\r\nc\r\n", "lpop:wl", "wl", "_\r\n"},
        {"RPOP wl 100", "*1\r\n$1\r\nx\r\n", "rpop:wl del:wl", "wl", "_\r\n"},
        {"RPOP wl", "_\r\n", "", "wl", "*1\r\n:0\r\n"},
    };
    return RUN_CASES(cases);
}

/* WATCH: each zset write by another client aborts EXEC; no-ops (same score, NX/XX misses, ZINCRBY
 * 0, ZREM/ZREMRANGE* of nothing, ZPOP count 0, a store of an empty result over a missing key) do
 * not. */
int test_notify_list_zset_watch_zset(void) {
    static const evCase cases[] = {
        {"CONFIG SET notify-keyspace-events KEA", "+OK\r\n", "", NULL, NULL},
        {"ZADD wz 1 a 2 b 3 c", ":3\r\n", "zadd:wz", NULL, NULL},
        {"ZADD wz 1 a", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZADD wz 5 a", ":0\r\n", "zadd:wz", "wz", "_\r\n"},
        {"ZADD wz XX 1 nope", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZADD wz NX 1 a", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZINCRBY wz 0 a", ",5\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZINCRBY wz 1 a", ",6\r\n", "zincr:wz", "wz", "_\r\n"},
        {"ZREM wz nope", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZREM wz a", ":1\r\n", "zrem:wz", "wz", "_\r\n"},
        {"ZREMRANGEBYSCORE wz 100 200", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZREMRANGEBYSCORE wz 2 2", ":1\r\n", "zremrangebyscore:wz", "wz", "_\r\n"},
        {"ZREMRANGEBYRANK wz 9 10", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZREMRANGEBYLEX wz [x [y", ":0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZPOPMIN wz 0", "*0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZPOPMIN wz", "*2\r\n$1\r\nc\r\n,3\r\n", "zpopmin:wz del:wz", "wz", "_\r\n"},
        {"ZPOPMIN wz", "*0\r\n", "", "wz", "*1\r\n:0\r\n"},
        {"ZADD wz 1 a 2 b", ":2\r\n", "zadd:wz", NULL, NULL},
        {"ZMPOP 1 wz MAX", "*2\r\n$2\r\nwz\r\n*1\r\n*2\r\n$1\r\nb\r\n,2\r\n", "zpopmax:wz", "wz",
         "_\r\n"},
        {"ZRANGESTORE d wz 0 -1", ":1\r\n", "zrangestore:d", "d", "_\r\n"},
        {"ZRANGESTORE d wz 0 -1", ":1\r\n", "zrangestore:d", "d", "_\r\n"},
        {"ZRANGESTORE d wz 5 6", ":0\r\n", "del:d", "d", "_\r\n"},
        {"ZRANGESTORE d wz 5 6", ":0\r\n", "", "d", "*1\r\n:0\r\n"},
        {"ZUNIONSTORE d 1 wz", ":1\r\n", "zunionstore:d", "d", "_\r\n"},
        {"ZINTERSTORE d 2 wz nz", ":0\r\n", "del:d", "d", "_\r\n"},
        {"ZINTERSTORE d 2 wz nz", ":0\r\n", "", "d", "*1\r\n:0\r\n"},
        {"ZDIFFSTORE d 1 wz", ":1\r\n", "zdiffstore:d", "d", "_\r\n"},
        {"ZDIFFSTORE d 2 wz wz", ":0\r\n", "del:d", "d", "_\r\n"},
        {"ZDIFFSTORE d 2 wz wz", ":0\r\n", "", "d", "*1\r\n:0\r\n"},
        {"ZUNIONSTORE d 1 wz", ":1\r\n", "zunionstore:d", "wz", "*1\r\n:0\r\n"},
    };
    return RUN_CASES(cases);
}
