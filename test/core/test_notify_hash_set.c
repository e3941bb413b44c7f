/* test_notify_hash_set.c -- keyspace notifications and WATCH invalidation of the hash and
 * set write commands. Every expected event sequence (class, name, order, and when nothing
 * is published) and every WATCH outcome was captured from redis-server 7.0.15: one
 * connection PSUBSCRIBEd to __key*__:*, another running the commands with
 * notify-keyspace-events KEA (KEAn where "new" is shown); for WATCH, a client WATCHes,
 * another writes, and EXEC replies null when the write touched the key. */
#include "test_help.h"

#include "server.h"

#include <stdio.h>
#include <string.h>

/* The subscriber is always the second client created (id 2). */
#define SUB_ID 2ULL

/* Append the pmessage the subscriber gets on 'chan' with 'payload'. */
static sds addPmessage(sds out, const char *chan, const char *payload) {
    return sdscatprintf(
        out, "%llu:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$%zu\r\n%s\r\n$%zu\r\n%s\r\n|",
        SUB_ID, strlen(chan), chan, strlen(payload), payload);
}

/* 1 if the outbox holds exactly the events of 'spec', in order: "key event,key event..."
 * ("" for none), each as its __keyspace@<db>__ then its __keyevent@<db>__ message. */
static int eventsAre(rlServer *s, int db, const char *spec) {
    sds exp = sdsempty();
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", spec);
    for (char *item = strtok(buf, ","); item; item = strtok(NULL, ",")) {
        char *sp = strchr(item, ' ');
        if (!sp) {
            sdsfree(exp);
            return 0;
        }
        *sp = '\0';
        const char *key = item, *event = sp + 1;
        char chan[128];
        snprintf(chan, sizeof(chan), "__keyspace@%d__:%s", db, key);
        exp = addPmessage(exp, chan, event);
        snprintf(chan, sizeof(chan), "__keyevent@%d__:%s", db, event);
        exp = addPmessage(exp, chan, key);
    }
    int ok = testOutboxIs(s, exp);
    sdsfree(exp);
    return ok;
}

#define EXPECT_EVENTS(spec) TEST_ASSERT_MESSAGE(spec, eventsAre(s, 0, spec))
#define EXPECT_EVENTS_DB(db, spec) TEST_ASSERT_MESSAGE(spec, eventsAre(s, db, spec))

/* Run a command, ignoring its reply (SPOP's is random): only its effects are checked. An
 * argument "''" stands for the empty string. */
static void run(rlClient *c, const char *cmdline) {
    char buf[256];
    const char *argv[32];
    size_t argvlen[32];
    int argc = 0;
    snprintf(buf, sizeof(buf), "%s", cmdline);
    for (char *w = strtok(buf, " "); w && argc < 32; w = strtok(NULL, " ")) {
        argv[argc] = w;
        argvlen[argc++] = strcmp(w, "''") == 0 ? 0 : strlen(w);
    }
    sds out = sdsempty();
    rlExec(c, argc, argv, argvlen, &rlRespSink, &out);
    sdsfree(out);
}

/* A server with client 1 ('*c', the writer: notify-keyspace-events set to 'flags') and
 * client 2 ('*sub', PSUBSCRIBEd to every keyspace/keyevent channel). */
static int setup(testClock *clk, rlServer **s, rlClient **c, rlClient **sub, const char *flags) {
    *s = testServerNew(clk, 1);
    *c = rlClientNew(*s);
    *sub = rlClientNew(*s);
    TEST_ASSERT(rlClientId(*sub) == SUB_ID);
    EXPECT(*sub, "PSUBSCRIBE __key*__:*",
           "*1\r\n*3\r\n$10\r\npsubscribe\r\n$10\r\n__key*__:*\r\n:1\r\n");
    char cmd[64];
    snprintf(cmd, sizeof(cmd), "CONFIG SET notify-keyspace-events %s", flags);
    EXPECT(*c, cmd, "+OK\r\n");
    return 0;
}

static void teardown(rlServer *s, rlClient *c, rlClient *sub) {
    rlClientRelease(c);
    rlClientRelease(sub);
    rlServerRelease(s);
}

#define WRONGTYPE "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"

int test_notify_hash_set_hash(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEA")) return 1;
    /* HSET / HMSET: "hset" even when nothing changed. */
    EXPECT(c, "HSET h f1 v1 f2 v2", ":2\r\n");
    EXPECT_EVENTS("h hset");
    EXPECT(c, "HSET h f1 v1", ":0\r\n");
    EXPECT_EVENTS("h hset");
    EXPECT(c, "HMSET h f3 v3", "+OK\r\n");
    EXPECT_EVENTS("h hset");
    EXPECT(c, "HSET h f1", "-ERR wrong number of arguments for 'hset' command\r\n");
    EXPECT_EVENTS("");
    /* HSETNX: "hset" only when it set. */
    EXPECT(c, "HSETNX h f1 x", ":0\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "HSETNX h f9 x", ":1\r\n");
    EXPECT_EVENTS("h hset");
    EXPECT(c, "HSETNX hn f x", ":1\r\n");
    EXPECT_EVENTS("hn hset");
    /* HDEL: "hdel" when a field went, then "del" when it was the last. */
    EXPECT(c, "HDEL h nosuch", ":0\r\n");
    EXPECT(c, "HDEL nokey f", ":0\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "HDEL h f1 nosuch f2", ":2\r\n");
    EXPECT_EVENTS("h hdel");
    EXPECT(c, "HDEL h f3 f9 f3 hmm", ":2\r\n");
    EXPECT_EVENTS("h hdel,h del");
    EXPECT(c, "EXISTS h", ":0\r\n");
    EXPECT(c, "HDEL hn f", ":1\r\n");
    EXPECT_EVENTS("hn hdel,hn del");
    /* HINCRBY / HINCRBYFLOAT: nothing on errors. */
    EXPECT(c, "HINCRBY hi f 5", ":5\r\n");
    EXPECT_EVENTS("hi hincrby");
    EXPECT(c, "HINCRBY hi f 5", ":10\r\n");
    EXPECT_EVENTS("hi hincrby");
    EXPECT(c, "HINCRBY hi f notanint", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "HSET hi s abc", ":1\r\n");
    EXPECT_EVENTS("hi hset");
    EXPECT(c, "HINCRBY hi s 1", "-ERR hash value is not an integer\r\n");
    EXPECT(c, "HINCRBY hi f 9223372036854775807", "-ERR increment or decrement would overflow\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "HINCRBYFLOAT hi g 1.5", "$3\r\n1.5\r\n");
    EXPECT_EVENTS("hi hincrbyfloat");
    EXPECT(c, "HINCRBYFLOAT hf g 1.5", "$3\r\n1.5\r\n");
    EXPECT_EVENTS("hf hincrbyfloat");
    EXPECT(c, "HINCRBYFLOAT hi s 1", "-ERR hash value is not a float\r\n");
    if (testLongDoubleExact()) /* valgrind loses infinities */
        EXPECT(c, "HINCRBYFLOAT hi g inf", "-ERR value is NaN or Infinity\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "HDEL hi f g s", ":3\r\n");
    EXPECT_EVENTS("hi hdel,hi del");
    /* Wrong type: nothing. */
    EXPECT(c, "SET str x", "+OK\r\n");
    EXPECT_EVENTS("str set");
    EXPECT(c, "HSET str a b", WRONGTYPE);
    EXPECT(c, "HSETNX str a b", WRONGTYPE);
    EXPECT(c, "HDEL str a", WRONGTYPE);
    EXPECT(c, "HINCRBY str a 1", WRONGTYPE);
    EXPECT(c, "HINCRBYFLOAT str a 1", WRONGTYPE);
    EXPECT_EVENTS("");
    /* A dict-encoded hash (past the listpack thresholds) behaves the same. */
    EXPECT(c, "HSET big f 01234567890123456789012345678901234567890123456789012345678901234567890",
           ":1\r\n");
    EXPECT(c, "OBJECT ENCODING big", "$9\r\nhashtable\r\n");
    EXPECT(c, "HDEL big nosuch", ":0\r\n");
    EXPECT(c, "HDEL big f", ":1\r\n");
    EXPECT_EVENTS("big hset,big hdel,big del");
    /* Another db. */
    EXPECT(c, "SELECT 5", "+OK\r\n");
    EXPECT(c, "HSET h5 a 1", ":1\r\n");
    EXPECT(c, "HDEL h5 a", ":1\r\n");
    EXPECT_EVENTS_DB(5, "h5 hset,h5 hdel,h5 del");
    teardown(s, c, sub);
    return 0;
}

/* "new" (flag n) comes first for a key the command creates. */
int test_notify_hash_set_new_order(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEAn")) return 1;
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HSET h a 2", ":0\r\n");
    EXPECT_EVENTS("h new,h hset,h hset");
    EXPECT(c, "HSETNX h2 a 1", ":1\r\n");
    EXPECT(c, "HINCRBY h3 a 1", ":1\r\n");
    EXPECT(c, "HINCRBYFLOAT h4 a 1", "$1\r\n1\r\n");
    EXPECT_EVENTS("h2 new,h2 hset,h3 new,h3 hincrby,h4 new,h4 hincrbyfloat");
    EXPECT(c, "SADD s a", ":1\r\n");
    EXPECT(c, "SADD s b", ":1\r\n");
    EXPECT_EVENTS("s new,s sadd,s sadd");
    EXPECT(c, "SMOVE s d a", ":1\r\n");
    EXPECT_EVENTS("s srem,d new,d sadd");
    EXPECT(c, "SADD s2 a b", ":2\r\n");
    EXPECT_EVENTS("s2 new,s2 sadd");
    EXPECT(c, "SINTERSTORE d1 s s2", ":1\r\n");
    EXPECT(c, "SINTERSTORE d1 s s2", ":1\r\n");
    EXPECT_EVENTS("d1 new,d1 sinterstore,d1 sinterstore");
    EXPECT(c, "SUNIONSTORE d2 s s2", ":2\r\n");
    EXPECT(c, "SDIFFSTORE d3 s2 s", ":1\r\n");
    EXPECT_EVENTS("d2 new,d2 sunionstore,d3 new,d3 sdiffstore");
    /* SPOP keeping few members rebuilds the set: still no "new". */
    EXPECT(c, "SADD p 1 2 3 4 5 6 7 8 9 10", ":10\r\n");
    EXPECT_EVENTS("p new,p sadd");
    run(c, "SPOP p 9");
    EXPECT(c, "SCARD p", ":1\r\n");
    EXPECT_EVENTS("p spop");
    run(c, "SPOP p");
    EXPECT_EVENTS("p spop,p del");
    teardown(s, c, sub);
    return 0;
}

int test_notify_hash_set_sadd_srem(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEA")) return 1;
    EXPECT(c, "SADD s a b c", ":3\r\n");
    EXPECT_EVENTS("s sadd");
    EXPECT(c, "SADD s a", ":0\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "SADD s a d", ":1\r\n");
    EXPECT_EVENTS("s sadd");
    EXPECT(c, "SREM s zz", ":0\r\n");
    EXPECT(c, "SREM nokey a", ":0\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "SREM s a zz b", ":2\r\n");
    EXPECT_EVENTS("s srem");
    EXPECT(c, "SREM s c d e", ":2\r\n");
    EXPECT_EVENTS("s srem,s del");
    EXPECT(c, "EXISTS s", ":0\r\n");
    /* intset */
    EXPECT(c, "SADD i 1 2 3", ":3\r\n");
    EXPECT(c, "SREM i x", ":0\r\n");
    EXPECT(c, "SREM i 1", ":1\r\n");
    EXPECT(c, "SREM i 2 3", ":2\r\n");
    EXPECT_EVENTS("i sadd,i srem,i srem,i del");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT_EVENTS("str set");
    EXPECT(c, "SADD str a", WRONGTYPE);
    EXPECT(c, "SREM str a", WRONGTYPE);
    EXPECT_EVENTS("");
    teardown(s, c, sub);
    return 0;
}

int test_notify_hash_set_spop(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEA")) return 1;
    /* Without a count. */
    EXPECT(c, "SPOP nokey", "_\r\n");
    EXPECT_EVENTS("");
    EXPECT(c, "SADD i 1 2", ":2\r\n");
    run(c, "SPOP i");
    EXPECT_EVENTS("i sadd,i spop");
    run(c, "SPOP i");
    EXPECT_EVENTS("i spop,i del");
    EXPECT(c, "SPOP i", "_\r\n");
    EXPECT(c, "SADD w x", ":1\r\n");
    EXPECT(c, "SPOP w", "$1\r\nx\r\n");
    EXPECT_EVENTS("w sadd,w spop,w del");
    /* With a count: nothing for 0 or a missing key. */
    EXPECT(c, "SADD p 1 2 3 4 5 6 7 8 9 10", ":10\r\n");
    EXPECT_EVENTS("p sadd");
    EXPECT(c, "SPOP p 0", "~0\r\n");
    EXPECT(c, "SPOP nokey 3", "~0\r\n");
    EXPECT(c, "SPOP p -1", "-ERR value is out of range, must be positive\r\n");
    EXPECT_EVENTS("");
    run(c, "SPOP p 2"); /* few: popped one by one */
    EXPECT_EVENTS("p spop");
    run(c, "SPOP p 7"); /* 7 of 8 */
    EXPECT(c, "SCARD p", ":1\r\n");
    EXPECT_EVENTS("p spop");
    run(c, "SPOP p 1"); /* the whole set */
    EXPECT_EVENTS("p spop,p del");
    EXPECT(c, "SADD q a b c", ":3\r\n");
    run(c, "SPOP q 3");
    EXPECT_EVENTS("q sadd,q spop,q del");
    EXPECT(c, "SADD q a b c", ":3\r\n");
    run(c, "SPOP q 5");
    EXPECT(c, "EXISTS q", ":0\r\n");
    EXPECT_EVENTS("q sadd,q spop,q del");
    /* Many of a big dict set: the rest moves to a new set. */
    EXPECT(c, "SADD b a b c d e f g h i j k l", ":12\r\n");
    run(c, "SPOP b 11");
    EXPECT(c, "SCARD b", ":1\r\n");
    EXPECT_EVENTS("b sadd,b spop");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "SPOP str", WRONGTYPE);
    EXPECT(c, "SPOP str 2", WRONGTYPE);
    EXPECT_EVENTS("str set");
    teardown(s, c, sub);
    return 0;
}

int test_notify_hash_set_smove(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEA")) return 1;
    EXPECT(c, "SADD src a b", ":2\r\n");
    EXPECT(c, "SADD dst b", ":1\r\n");
    EXPECT_EVENTS("src sadd,dst sadd");
    EXPECT(c, "SMOVE src dst zz", ":0\r\n");
    EXPECT(c, "SMOVE nokey dst a", ":0\r\n");
    EXPECT_EVENTS("");
    /* Already in the destination: only "srem". */
    EXPECT(c, "SMOVE src dst b", ":1\r\n");
    EXPECT_EVENTS("src srem");
    EXPECT(c, "SMOVE src dst a", ":1\r\n");
    EXPECT_EVENTS("src srem,src del,dst sadd");
    EXPECT(c, "SADD src x", ":1\r\n");
    EXPECT(c, "SMOVE src src x", ":1\r\n");
    EXPECT(c, "SMOVE src src nope", ":0\r\n");
    EXPECT_EVENTS("src sadd");
    EXPECT(c, "SMOVE src newdst x", ":1\r\n");
    EXPECT_EVENTS("src srem,src del,newdst sadd");
    EXPECT(c, "SADD src y", ":1\r\n");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT_EVENTS("src sadd,str set");
    EXPECT(c, "SMOVE src str y", WRONGTYPE);
    EXPECT(c, "SMOVE str src y", WRONGTYPE);
    EXPECT_EVENTS("");
    teardown(s, c, sub);
    return 0;
}

int test_notify_hash_set_store(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "KEA")) return 1;
    EXPECT(c, "SADD x 1 2 3", ":3\r\n");
    EXPECT(c, "SADD y 2 3 4", ":3\r\n");
    EXPECT_EVENTS("x sadd,y sadd");
    EXPECT(c, "SINTERSTORE d x y", ":2\r\n");
    EXPECT(c, "SINTERSTORE d x y", ":2\r\n");
    EXPECT_EVENTS("d sinterstore,d sinterstore");
    /* A missing source: "del" if the destination existed, else nothing. */
    EXPECT(c, "SINTERSTORE d x nokey", ":0\r\n");
    EXPECT_EVENTS("d del");
    EXPECT(c, "SINTERSTORE d x nokey", ":0\r\n");
    EXPECT_EVENTS("");
    /* An empty intersection, likewise. */
    EXPECT(c, "SADD z 9", ":1\r\n");
    EXPECT(c, "SINTERSTORE d2 x z", ":0\r\n");
    EXPECT_EVENTS("z sadd");
    EXPECT(c, "SINTERSTORE d2 x y", ":2\r\n");
    EXPECT(c, "SINTERSTORE d2 x z", ":0\r\n");
    EXPECT_EVENTS("d2 sinterstore,d2 del");
    EXPECT(c, "SUNIONSTORE u x y", ":4\r\n");
    EXPECT(c, "SUNIONSTORE u nokey nokey2", ":0\r\n");
    EXPECT(c, "SUNIONSTORE u nokey nokey2", ":0\r\n");
    EXPECT_EVENTS("u sunionstore,u del");
    EXPECT(c, "SDIFFSTORE df x y", ":1\r\n");
    EXPECT(c, "SDIFFSTORE df x x", ":0\r\n");
    EXPECT(c, "SDIFFSTORE df x x", ":0\r\n");
    EXPECT(c, "SDIFFSTORE df nokey x", ":0\r\n");
    EXPECT_EVENTS("df sdiffstore,df del");
    /* The destination among the sources; a destination of another type is replaced. */
    EXPECT(c, "SINTERSTORE x x y", ":2\r\n");
    EXPECT_EVENTS("x sinterstore");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "SUNIONSTORE str x", ":2\r\n");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "SDIFFSTORE str x x", ":0\r\n");
    EXPECT_EVENTS("str set,str sunionstore,str set,str del");
    EXPECT(c, "SET str v", "+OK\r\n");
    EXPECT(c, "SINTERSTORE d x str", WRONGTYPE);
    EXPECT(c, "SUNIONSTORE d x str", WRONGTYPE);
    EXPECT(c, "SDIFFSTORE d x str", WRONGTYPE);
    EXPECT_EVENTS("str set");
    /* Read-only commands publish nothing. */
    EXPECT(c, "SINTER x y", "~2\r\n$1\r\n2\r\n$1\r\n3\r\n");
    EXPECT(c, "SINTERCARD 2 x y", ":2\r\n");
    EXPECT(c, "SUNION nokey", "~0\r\n");
    EXPECT(c, "SDIFF nokey", "~0\r\n");
    EXPECT(c, "HGETALL nokey", "%0\r\n");
    EXPECT_EVENTS("");
    teardown(s, c, sub);
    return 0;
}

/* The classes: hash and set events are h and s, "del" is g (generic). */
int test_notify_hash_set_classes(void) {
    testClock clk;
    rlServer *s;
    rlClient *c, *sub;
    if (setup(&clk, &s, &c, &sub, "Eh")) return 1;
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HDEL h a", ":1\r\n");
    EXPECT(c, "SADD s a b", ":2\r\n");
    EXPECT(c, "SMOVE s d a", ":1\r\n");
    EXPECT(c, "SMOVE s d b", ":1\r\n");
    run(c, "SPOP d 5"); /* both members, in the dict's order */
    EXPECT(c, "EXISTS d", ":0\r\n");
    EXPECT_OUTBOX(
        s,
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:hset\r\n$1\r\nh\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:hdel\r\n$"
        "1\r\nh\r\n|");
    EXPECT(c, "CONFIG SET notify-keyspace-events Kg", "+OK\r\n");
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HDEL h a", ":1\r\n");
    EXPECT(c, "SADD s a b", ":2\r\n");
    EXPECT(c, "SMOVE s d a", ":1\r\n");
    EXPECT(c, "SMOVE s d b", ":1\r\n");
    run(c, "SPOP d 5"); /* both members, in the dict's order */
    EXPECT(c, "EXISTS d", ":0\r\n");
    EXPECT_OUTBOX(
        s,
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@0__:h\r\n$3\r\ndel\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@0__:s\r\n$3\r\ndel\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@0__:d\r\n$3\r\ndel\r\n|");
    EXPECT(c, "CONFIG SET notify-keyspace-events Es", "+OK\r\n");
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HDEL h a", ":1\r\n");
    EXPECT(c, "SADD s a b", ":2\r\n");
    EXPECT(c, "SMOVE s d a", ":1\r\n");
    EXPECT(c, "SMOVE s d b", ":1\r\n");
    run(c, "SPOP d 5"); /* both members, in the dict's order */
    EXPECT(c, "EXISTS d", ":0\r\n");
    EXPECT_OUTBOX(
        s,
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:sadd\r\n$1\r\ns\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:srem\r\n$1\r\ns\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:sadd\r\n$1\r\nd\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:srem\r\n$1\r\ns\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:sadd\r\n$1\r\nd\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$19\r\n__keyevent@0__:spop\r\n$"
        "1\r\nd\r\n|");
    /* Off: nothing at all. */
    run(c, "CONFIG SET notify-keyspace-events ''");
    EXPECT(c, "CONFIG GET notify-keyspace-events",
           "%1\r\n$22\r\nnotify-keyspace-events\r\n$0\r\n\r\n");
    EXPECT(c, "HSET h a 1", ":1\r\n");
    EXPECT(c, "HDEL h a", ":1\r\n");
    EXPECT(c, "SADD s a", ":1\r\n");
    EXPECT(c, "SREM s a", ":1\r\n");
    TEST_ASSERT(rlOutboxPending(s) == 0);
    teardown(s, c, sub);
    return 0;
}

/* WATCH 'key' from 'c', run 'cmd' from 'o' (reply 'reply'; NULL: random, not checked),
 * then EXEC a MULTI of one PING: 'aborted' says whether EXEC must fail (null reply). */
static int watchCase(rlClient *c, rlClient *o, const char *key, const char *cmd, const char *reply,
                     int aborted) {
    char line[128];
    snprintf(line, sizeof(line), "WATCH %s", key);
    EXPECT(c, line, "+OK\r\n");
    if (reply)
        EXPECT(o, cmd, reply);
    else
        run(o, cmd);
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "PING", "+QUEUED\r\n");
    TEST_ASSERT_MESSAGE(cmd, testRunExpect(c, "EXEC", aborted ? "_\r\n" : "*1\r\n+PONG\r\n"));
    return 0;
}

#define WATCH_CASE(key, cmd, reply, aborted)                                                       \
    TEST_ASSERT_MESSAGE(cmd, watchCase(c, o, key, cmd, reply, aborted) == 0)
#define RESET_H()                                                                                  \
    EXPECT(o, "FLUSHALL", "+OK\r\n");                                                              \
    EXPECT(o, "HSET h a 1 b 2", ":2\r\n")
#define RESET_S()                                                                                  \
    EXPECT(o, "FLUSHALL", "+OK\r\n");                                                              \
    EXPECT(o, "SADD s a b", ":2\r\n");                                                             \
    EXPECT(o, "SADD t 1 2 3", ":3\r\n")

int test_notify_hash_set_watch_hash(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s), *o = rlClientNew(s);
    RESET_H();
    WATCH_CASE("h", "HSET h a 1", ":0\r\n", 1); /* same value: still a write */
    WATCH_CASE("h", "HSET h a", "-ERR wrong number of arguments for 'hset' command\r\n", 0);
    WATCH_CASE("h", "HMSET h a 1", "+OK\r\n", 1);
    WATCH_CASE("h", "HSETNX h a 9", ":0\r\n", 0);
    WATCH_CASE("h", "HSETNX h z 9", ":1\r\n", 1);
    WATCH_CASE("hn", "HSETNX hn z 9", ":1\r\n", 1);
    RESET_H();
    WATCH_CASE("h", "HDEL h zz", ":0\r\n", 0);
    WATCH_CASE("h", "HDEL h a", ":1\r\n", 1);
    WATCH_CASE("nokey", "HDEL nokey a", ":0\r\n", 0);
    WATCH_CASE("h", "HDEL h a b", ":1\r\n", 1); /* the last field: deleted */
    RESET_H();
    WATCH_CASE("h", "HINCRBY h a 1", ":2\r\n", 1);
    WATCH_CASE("h", "HINCRBY h a x", "-ERR value is not an integer or out of range\r\n", 0);
    WATCH_CASE("h", "HINCRBY h a 9223372036854775807",
               "-ERR increment or decrement would overflow\r\n", 0);
    WATCH_CASE("h", "HINCRBYFLOAT h a 1", "$1\r\n3\r\n", 1);
    WATCH_CASE("h", "HINCRBYFLOAT h a nan", "-ERR value is not a valid float\r\n", 0);
    WATCH_CASE("hf", "HINCRBYFLOAT hf a 1", "$1\r\n1\r\n", 1);
    WATCH_CASE("other", "HSET h a 1", ":0\r\n", 0); /* another key */
    rlClientRelease(c);
    rlClientRelease(o);
    rlServerRelease(s);
    return 0;
}

int test_notify_hash_set_watch_set(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s), *o = rlClientNew(s);
    RESET_S();
    WATCH_CASE("s", "SADD s a", ":0\r\n", 0);
    WATCH_CASE("s", "SADD s c", ":1\r\n", 1);
    WATCH_CASE("s", "SREM s zz", ":0\r\n", 0);
    WATCH_CASE("s", "SREM s c", ":1\r\n", 1);
    WATCH_CASE("nokey", "SREM nokey a", ":0\r\n", 0);
    WATCH_CASE("nokey", "SPOP nokey", "_\r\n", 0);
    WATCH_CASE("s", "SPOP s 0", "~0\r\n", 0);
    WATCH_CASE("nokey", "SPOP nokey 2", "~0\r\n", 0);
    WATCH_CASE("t", "SPOP t 1", NULL, 1);
    WATCH_CASE("t", "SPOP t", NULL, 1);
    WATCH_CASE("t", "SPOP t 5", NULL, 1); /* the whole set */
    EXPECT(o, "EXISTS t", ":0\r\n");
    RESET_S();
    EXPECT(o, "SADD b 1 2 3 4 5 6 7 8 9 10", ":10\r\n");
    WATCH_CASE("b", "SPOP b 0", "~0\r\n", 0);
    WATCH_CASE("b", "SPOP b 9", NULL, 1); /* the rest moved to a new set */
    EXPECT(o, "SCARD b", ":1\r\n");
    EXPECT(o, "SADD b2 a b c d e f g h i j k l", ":12\r\n");
    WATCH_CASE("b2", "SPOP b2 2", NULL, 1); /* popped one by one */
    /* SMOVE */
    WATCH_CASE("s", "SMOVE s s a", ":1\r\n", 0);
    WATCH_CASE("s", "SMOVE s t zz", ":0\r\n", 0);
    WATCH_CASE("t", "SMOVE s t zz", ":0\r\n", 0);
    WATCH_CASE("s", "SMOVE s t a", ":1\r\n", 1);
    RESET_S();
    WATCH_CASE("t", "SMOVE s t a", ":1\r\n", 1);
    WATCH_CASE("new", "SMOVE s new b", ":1\r\n", 1);
    RESET_S();
    EXPECT(o, "SADD t a", ":1\r\n");
    /* The member is already in the destination: only the source changes. */
    WATCH_CASE("t", "SMOVE s t a", ":1\r\n", 0);
    EXPECT(o, "SADD s a", ":1\r\n");
    WATCH_CASE("s", "SMOVE s t a", ":1\r\n", 1);
    /* The STORE commands. */
    RESET_S();
    WATCH_CASE("d", "SINTERSTORE d s t", ":0\r\n", 0);
    WATCH_CASE("d", "SINTERSTORE d s nokey", ":0\r\n", 0);
    WATCH_CASE("d", "SUNIONSTORE d nokey nokey2", ":0\r\n", 0);
    WATCH_CASE("d", "SDIFFSTORE d s s", ":0\r\n", 0);
    WATCH_CASE("s", "SINTERSTORE d s t", ":0\r\n", 0); /* a source is not written */
    WATCH_CASE("d", "SDIFFSTORE d s t", ":2\r\n", 1);
    WATCH_CASE("d", "SINTERSTORE d s t", ":0\r\n", 1); /* deleted */
    EXPECT(o, "SET d x", "+OK\r\n");
    WATCH_CASE("d", "SINTERSTORE d s nokey", ":0\r\n", 1);
    EXPECT(o, "SET d x", "+OK\r\n");
    WATCH_CASE("d", "SUNIONSTORE d nokey nokey2", ":0\r\n", 1);
    WATCH_CASE("d", "SUNIONSTORE d s", ":2\r\n", 1);
    rlClientRelease(c);
    rlClientRelease(o);
    rlServerRelease(s);
    return 0;
}
