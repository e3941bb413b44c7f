/* test_notify_strings.c -- keyspace notifications and WATCH invalidation of the string
 * commands (t_string.c), the generic key commands (db.c) and the TTL commands (expire.c).
 * Every expected event sequence, reply and EXEC outcome was captured from redis-server
 * 7.0.15 (one connection PSUBSCRIBEd to __key*__:*, another running the commands with
 * notify-keyspace-events KEA, KEAmn, m, Kg, E$ or Em; expired keys made with PX and a
 * sleep). */
#include "test_help.h"

#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Client ids: the one running commands is 1, the subscriber 2, a watcher 3. */
#define SUB_ID 2

/* 1 if the outbox holds exactly the events of 'spec' and nothing else. 'spec' lists them,
 * space-separated, as "event:key" (database 0) or "event@db:key"; each is expected on the
 * channels in 'chans' ("KE", "K" or "E": keyspace message first, as Redis publishes them) as
 * the subscriber's pmessages of pattern __key*__:*. */
static int eventsAre(rlServer *s, const char *chans, const char *spec) {
    sds want = sdsempty();
    const char *p = spec;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        const char *end = strchr(p, ' ');
        if (!end) end = p + strlen(p);
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (!colon) {
            fprintf(stderr, "  bad event spec %s\n", spec);
            sdsfree(want);
            return 0;
        }
        const char *at = memchr(p, '@', (size_t)(colon - p));
        int db = at ? atoi(at + 1) : 0;
        sds event = sdsnewlen(p, (size_t)((at ? at : colon) - p));
        sds key = sdsnewlen(colon + 1, (size_t)(end - colon - 1));
        char chan[128];
        const char *pat = "*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n";
        if (strchr(chans, 'K')) {
            int n = snprintf(chan, sizeof(chan), "__keyspace@%d__:%s", db, key);
            want = sdscatprintf(want, "%d:%s$%d\r\n%s\r\n$%zu\r\n%s\r\n|", SUB_ID, pat, n, chan,
                                sdslen(event), event);
        }
        if (strchr(chans, 'E')) {
            int n = snprintf(chan, sizeof(chan), "__keyevent@%d__:%s", db, event);
            want = sdscatprintf(want, "%d:%s$%d\r\n%s\r\n$%zu\r\n%s\r\n|", SUB_ID, pat, n, chan,
                                sdslen(key), key);
        }
        sdsfree(event);
        sdsfree(key);
        p = end;
    }
    int ok = testOutboxIs(s, want);
    if (!ok) fprintf(stderr, "    (events: %s)\n", spec);
    sdsfree(want);
    return ok;
}

#define EXPECT_EVENTS(s, spec) TEST_ASSERT_MESSAGE(spec, eventsAre(s, "KE", spec))
#define EXPECT_EVENTS_ON(s, chans, spec) TEST_ASSERT_MESSAGE(spec, eventsAre(s, chans, spec))
#define EXPECT_NO_EVENTS(s) TEST_ASSERT_MESSAGE("no events", rlOutboxPending(s) == 0)

/* Run a command given as separate arguments (so that an argument can be empty) and compare
 * the reply with 'expect'. */
static int runArgv(rlClient *c, int argc, const char *const *argv, const char *expect) {
    size_t argvlen[16];
    for (int i = 0; i < argc; i++)
        argvlen[i] = strlen(argv[i]);
    sds out = sdsempty();
    rlExec(c, argc, argv, argvlen, &rlRespSink, &out);
    int ok = strcmp(out, expect) == 0;
    if (!ok)
        fprintf(stderr, "  %s ...\n    got:      %s\n    expected: %s\n", argv[0], out, expect);
    sdsfree(out);
    char err[256];
    if (!rlDebugCheck(c->srv, err, sizeof(err))) {
        fprintf(stderr, "  invariant broken after %s: %s\n", argv[0], err);
        ok = 0;
    }
    return ok;
}

#define EXPECTV(c, reply, ...)                                                                     \
    do {                                                                                           \
        const char *v_[] = {__VA_ARGS__};                                                          \
        TEST_ASSERT_MESSAGE(v_[0], runArgv(c, (int)(sizeof(v_) / sizeof(v_[0])), v_, reply));      \
    } while (0)

/* A server with client 1 ('*c', notify-keyspace-events set to 'flags') and client 2 ('*sub',
 * subscribed to every keyspace channel); the outbox is left empty. */
static rlServer *notifyServer(testClock *clk, rlClient **c, rlClient **sub, const char *flags) {
    rlServer *s = testServerNew(clk, 1);
    *c = rlClientNew(s);
    *sub = rlClientNew(s);
    char cmd[64];
    snprintf(cmd, sizeof(cmd), "CONFIG SET notify-keyspace-events %s", flags);
    if (!testRunExpect(*sub, "PSUBSCRIBE __key*__:*",
                       "*1\r\n*3\r\n$10\r\npsubscribe\r\n$10\r\n__key*__:*\r\n:1\r\n") ||
        !testRunExpect(*c, cmd, "+OK\r\n")) {
        rlClientRelease(*c);
        rlClientRelease(*sub);
        rlServerRelease(s);
        return NULL;
    }
    return s;
}

static void notifyServerRelease(rlServer *s, rlClient *c, rlClient *sub) {
    rlClientRelease(c);
    rlClientRelease(sub);
    rlServerRelease(s);
}

/* A list at 'key' (a key of another type); its events, which are the list commands'
 * business, are drained unchecked. */
#define MAKE_LIST(c, s, key)                                                                       \
    do {                                                                                           \
        EXPECT(c, "RPUSH " key " x", ":1\r\n");                                                    \
        sdsfree(testDrainOutbox(s));                                                               \
    } while (0)

#define WRONGTYPE "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"

int test_notify_strings_mset_getset_getdel(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEA");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "SET k v", "+OK\r\n");
    EXPECT_EVENTS(s, "set:k");
    EXPECT(c, "GETSET k v2", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "set:k");
    EXPECT(c, "GETSET nk v", "_\r\n");
    EXPECT_EVENTS(s, "set:nk");
    /* With 'm' and 'n': the read misses first, then the key is new. */
    EXPECT(c, "CONFIG SET notify-keyspace-events KEAmn", "+OK\r\n");
    EXPECT(c, "GETSET nk2 v", "_\r\n");
    EXPECT_EVENTS(s, "keymiss:nk2 new:nk2 set:nk2");
    EXPECT(c, "SET sg v GET", "_\r\n");
    EXPECT_EVENTS(s, "keymiss:sg new:sg set:sg");
    /* MSET: one "set" per pair, a repeated key twice. */
    EXPECT(c, "MSET a 1 b 2 a 3", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a new:b set:b set:a");
    EXPECT(c, "MSETNX a 1 c 2", ":0\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "MSETNX d 1 e 2 d 3", ":1\r\n");
    EXPECT_EVENTS(s, "new:d set:d new:e set:e set:d");
    EXPECT(c, "GET d", "$1\r\n3\r\n");
    /* GETDEL: "del" only when it deleted; a miss is a read miss. */
    EXPECT(c, "GETDEL d", "$1\r\n3\r\n");
    EXPECT_EVENTS(s, "del:d");
    EXPECT(c, "GETDEL d", "_\r\n");
    EXPECT_EVENTS(s, "keymiss:d");
    MAKE_LIST(c, s, "l");
    EXPECT(c, "GETDEL l", WRONGTYPE);
    EXPECT(c, "GETSET l v", WRONGTYPE);
    EXPECT(c, "MSET x", "-ERR wrong number of arguments for 'mset' command\r\n");
    EXPECT_NO_EVENTS(s);
    /* Events go to the client's database. */
    EXPECT(c, "SELECT 5", "+OK\r\n");
    EXPECT(c, "MSET a 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new@5:a set@5:a");
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_getex(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "SET g v", "+OK\r\n");
    EXPECT_EVENTS(s, "new:g set:g");
    EXPECT(c, "GETEX g", "$1\r\nv\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "GETEX g EX 100", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "expire:g");
    EXPECT(c, "GETEX g PX 100000", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "expire:g");
    EXPECT(c, "GETEX g EXAT 9999999999", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "expire:g");
    EXPECT(c, "GETEX g PXAT 9999999999000", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "expire:g");
    EXPECT(c, "PTTL g", ":8299999999000\r\n");
    EXPECT(c, "GETEX g PERSIST", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "persist:g");
    EXPECT(c, "GETEX g PERSIST", "$1\r\nv\r\n"); /* no TTL to remove */
    EXPECT_NO_EVENTS(s);
    /* An absolute time already past deletes the key. */
    EXPECT(c, "GETEX g EXAT 1", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "del:g");
    EXPECT(c, "GETEX g", "_\r\n");
    EXPECT_EVENTS(s, "keymiss:g");
    EXPECT(c, "GETEX missing EX 10", "_\r\n");
    EXPECT_EVENTS(s, "keymiss:missing");
    EXPECT(c, "GETEX missing EX 0", "_\r\n"); /* the lookup comes before the time check */
    EXPECT_EVENTS(s, "keymiss:missing");
    EXPECT(c, "SET g v", "+OK\r\n");
    EXPECT_EVENTS(s, "new:g set:g");
    EXPECT(c, "GETEX g PXAT 1", "$1\r\nv\r\n");
    EXPECT_EVENTS(s, "del:g");
    /* Errors: nothing. */
    EXPECT(c, "SET g v", "+OK\r\n");
    EXPECT_EVENTS(s, "new:g set:g");
    EXPECT(c, "GETEX g EX 0", "-ERR invalid expire time in 'getex' command\r\n");
    EXPECT(c, "GETEX g EX abc", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "GETEX g EX 10 PERSIST", "-ERR syntax error\r\n");
    MAKE_LIST(c, s, "l");
    EXPECT(c, "GETEX l EX 10", WRONGTYPE);
    EXPECT_NO_EVENTS(s);
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_append_setrange(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "APPEND ap hello", ":5\r\n");
    EXPECT_EVENTS(s, "new:ap append:ap");
    EXPECT(c, "APPEND ap world", ":10\r\n");
    EXPECT_EVENTS(s, "append:ap");
    /* An empty APPEND still notifies, on an existing key as on a new one. */
    EXPECTV(c, ":10\r\n", "APPEND", "ap", "");
    EXPECT_EVENTS(s, "append:ap");
    EXPECTV(c, ":0\r\n", "APPEND", "ap2", "");
    EXPECT_EVENTS(s, "new:ap2 append:ap2");
    EXPECT(c, "EXISTS ap2", ":1\r\n");
    MAKE_LIST(c, s, "l");
    EXPECT(c, "APPEND l x", WRONGTYPE);
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "SETRANGE sr 5 hi", ":7\r\n");
    EXPECT_EVENTS(s, "new:sr setrange:sr");
    EXPECT(c, "SETRANGE sr 0 X", ":7\r\n");
    EXPECT_EVENTS(s, "setrange:sr");
    /* An empty value changes nothing: no event, no key created. */
    EXPECTV(c, ":7\r\n", "SETRANGE", "sr", "0", "");
    EXPECTV(c, ":0\r\n", "SETRANGE", "sr2", "0", "");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "SETRANGE sr 99999999999 x",
           "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n");
    EXPECT(c, "SETRANGE sr -1 x", "-ERR offset is out of range\r\n");
    EXPECT(c, "SETRANGE l 0 x", WRONGTYPE);
    EXPECT_NO_EVENTS(s);
    /* In place on an integer value (turned into a string). */
    EXPECT(c, "SET n 12", "+OK\r\n");
    EXPECT_EVENTS(s, "new:n set:n");
    EXPECT(c, "APPEND n 3", ":3\r\n");
    EXPECT_EVENTS(s, "append:n");
    EXPECT(c, "SETRANGE n 0 9", ":3\r\n");
    EXPECT_EVENTS(s, "setrange:n");
    EXPECT(c, "GET n", "$3\r\n923\r\n");
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_counters(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "INCR i", ":1\r\n");
    EXPECT_EVENTS(s, "new:i incrby:i");
    EXPECT(c, "INCR i", ":2\r\n");
    EXPECT(c, "DECR i", ":1\r\n");
    EXPECT(c, "INCRBY i 10", ":11\r\n");
    EXPECT(c, "DECRBY i 5", ":6\r\n");
    EXPECT(c, "INCRBY i 0", ":6\r\n"); /* no change, still notified */
    EXPECT_EVENTS(s, "incrby:i incrby:i incrby:i incrby:i incrby:i");
    EXPECT(c, "DECRBY new 3", ":-3\r\n");
    EXPECT_EVENTS(s, "new:new incrby:new");
    /* A string holding an integer (not yet INT-encoded in place) keeps its TTL. */
    EXPECT(c, "SET s2 5 EX 100", "+OK\r\n");
    EXPECT_EVENTS(s, "new:s2 set:s2 expire:s2");
    EXPECT(c, "APPEND s2 0", ":2\r\n");
    EXPECT_EVENTS(s, "append:s2");
    EXPECT(c, "INCR s2", ":51\r\n");
    EXPECT_EVENTS(s, "incrby:s2");
    EXPECT(c, "TTL s2", ":100\r\n");
    /* Errors: nothing. */
    EXPECT(c, "SET s notint", "+OK\r\n");
    EXPECT(c, "SET s1 \t5", "+OK\r\n");
    EXPECT(c, "SET max 9223372036854775807", "+OK\r\n");
    EXPECT_EVENTS(s, "new:s set:s new:s1 set:s1 new:max set:max");
    MAKE_LIST(c, s, "l");
    EXPECT(c, "INCR s", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "INCR s1", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "INCR l", WRONGTYPE);
    EXPECT(c, "INCR max", "-ERR increment or decrement would overflow\r\n");
    EXPECT(c, "INCRBY i x", "-ERR value is not an integer or out of range\r\n");
    EXPECT(c, "DECRBY i -9223372036854775808", "-ERR decrement would overflow\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "INCRBYFLOAT f 1.5", "$3\r\n1.5\r\n");
    EXPECT_EVENTS(s, "new:f incrbyfloat:f");
    EXPECT(c, "INCRBYFLOAT f 1.5", "$1\r\n3\r\n");
    EXPECT(c, "INCRBYFLOAT f 0", "$1\r\n3\r\n");
    EXPECT(c, "INCRBYFLOAT i 0.5", "$3\r\n6.5\r\n"); /* on an INT-encoded value */
    EXPECT_EVENTS(s, "incrbyfloat:f incrbyfloat:f incrbyfloat:i");
    EXPECT(c, "INCRBYFLOAT s 1", "-ERR value is not a valid float\r\n");
    EXPECT(c, "INCRBYFLOAT l 1", WRONGTYPE);
    EXPECT(c, "INCRBYFLOAT f x", "-ERR value is not a valid float\r\n");
    if (testLongDoubleExact()) {
        EXPECT(c, "INCRBYFLOAT f inf", "-ERR increment would produce NaN or Infinity\r\n");
    }
    EXPECT_NO_EVENTS(s);
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_del_rename_copy(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "MSET a 1 b 2", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a new:b set:b");
    /* DEL: one "del" per key it deleted; missing keys (and repeats) notify nothing. */
    EXPECT(c, "DEL a b nothere a", ":2\r\n");
    EXPECT_EVENTS(s, "del:a del:b");
    EXPECT(c, "DEL nothere", ":0\r\n");
    EXPECT(c, "UNLINK nothere", ":0\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "SET a 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a");
    EXPECT(c, "UNLINK a", ":1\r\n");
    EXPECT_EVENTS(s, "del:a");
    /* RENAME: "new" for the destination (also when it replaces a key), then from/to. */
    EXPECT(c, "SET a 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a");
    EXPECT(c, "RENAME a b", "+OK\r\n");
    EXPECT_EVENTS(s, "new:b rename_from:a rename_to:b");
    EXPECT(c, "RENAME b b", "+OK\r\n");
    EXPECT(c, "RENAME nothere x", "-ERR no such key\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "SET c 3", "+OK\r\n");
    EXPECT_EVENTS(s, "new:c set:c");
    EXPECT(c, "RENAME b c", "+OK\r\n");
    EXPECT_EVENTS(s, "new:c rename_from:b rename_to:c");
    EXPECT(c, "SET d 4 EX 100", "+OK\r\n");
    EXPECT_EVENTS(s, "new:d set:d expire:d");
    EXPECT(c, "RENAMENX d c", ":0\r\n");
    EXPECT(c, "RENAMENX d d", ":0\r\n");
    EXPECT(c, "RENAMENX nothere2 f", "-ERR no such key\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "RENAMENX d f", ":1\r\n");
    EXPECT_EVENTS(s, "new:f rename_from:d rename_to:f");
    EXPECT(c, "TTL f", ":100\r\n");
    /* COPY: "new" and "copy_to" on the destination's database. */
    EXPECT(c, "COPY f g", ":1\r\n");
    EXPECT_EVENTS(s, "new:g copy_to:g");
    EXPECT(c, "COPY f g", ":0\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "COPY f g REPLACE", ":1\r\n");
    EXPECT_EVENTS(s, "new:g copy_to:g");
    EXPECT(c, "COPY nothere g", ":0\r\n"); /* the source is read */
    EXPECT_EVENTS(s, "keymiss:nothere");
    EXPECT(c, "COPY f h DB 1", ":1\r\n");
    EXPECT_EVENTS(s, "new@1:h copy_to@1:h");
    EXPECT(c, "COPY f f", "-ERR source and destination objects are the same\r\n");
    EXPECT(c, "COPY f g DB 99", "-ERR DB index is out of range\r\n");
    EXPECT(c, "COPY f g FOO", "-ERR syntax error\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "COPY f f DB 1 REPLACE", ":1\r\n");
    EXPECT_EVENTS(s, "new@1:f copy_to@1:f");
    /* Big keys: the argv key, not the freed entry's, is published. */
    EXPECT(c, "SET key-with-a-long-name-to-live-outside-any-embedded-buffer v", "+OK\r\n");
    EXPECT(c, "DEL key-with-a-long-name-to-live-outside-any-embedded-buffer", ":1\r\n");
    EXPECT_EVENTS(s, "new:key-with-a-long-name-to-live-outside-any-embedded-buffer "
                     "set:key-with-a-long-name-to-live-outside-any-embedded-buffer "
                     "del:key-with-a-long-name-to-live-outside-any-embedded-buffer");
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_expire_persist(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "SET x 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new:x set:x");
    EXPECT(c, "EXPIRE x 100", ":1\r\n");
    EXPECT(c, "PEXPIRE x 100000", ":1\r\n");
    EXPECT(c, "EXPIREAT x 9999999999", ":1\r\n");
    EXPECT(c, "PEXPIREAT x 9999999999000", ":1\r\n");
    EXPECT_EVENTS(s, "expire:x expire:x expire:x expire:x");
    /* Refused by a condition, or no key: nothing. */
    EXPECT(c, "EXPIRE x 100 NX", ":0\r\n");
    EXPECT(c, "EXPIRE x 50 GT", ":0\r\n");
    EXPECT(c, "PEXPIREAT x 99999999999999 LT", ":0\r\n");
    EXPECT(c, "EXPIRE nothere 100", ":0\r\n");
    EXPECT(c, "EXPIRE x 100 FOO", "-ERR Unsupported option FOO\r\n");
    EXPECT_NO_EVENTS(s);
    EXPECT(c, "EXPIRE x 50 LT", ":1\r\n");
    EXPECT(c, "EXPIRE x 60 XX", ":1\r\n");
    EXPECT_EVENTS(s, "expire:x expire:x");
    /* PERSIST: only when a TTL was removed. */
    EXPECT(c, "PERSIST x", ":1\r\n");
    EXPECT_EVENTS(s, "persist:x");
    EXPECT(c, "PERSIST x", ":0\r\n");
    EXPECT(c, "PERSIST nothere", ":0\r\n");
    EXPECT(c, "EXPIRE x 100 XX", ":0\r\n");
    EXPECT_NO_EVENTS(s);
    /* A time already past deletes the key: "del". */
    EXPECT(c, "EXPIRE x -1", ":1\r\n");
    EXPECT_EVENTS(s, "del:x");
    EXPECT(c, "SET x 1", "+OK\r\n");
    EXPECT(c, "PEXPIREAT x 1", ":1\r\n");
    EXPECT_EVENTS(s, "new:x set:x del:x");
    EXPECT(c, "SET x 1", "+OK\r\n");
    EXPECT(c, "EXPIREAT x 0", ":1\r\n");
    EXPECT_EVENTS(s, "new:x set:x del:x");
    EXPECT(c, "SET x 1", "+OK\r\n");
    EXPECT(c, "EXPIRE x 0", ":1\r\n");
    EXPECT_EVENTS(s, "new:x set:x del:x");
    EXPECT(c, "EXISTS x", ":0\r\n");
    EXPECT_EVENTS(s, "keymiss:x");
    notifyServerRelease(s, c, sub);
    return 0;
}

/* Writes meeting a key whose TTL has passed: lazy deletion ("expired") comes first, then the
 * key is missing for the command. */
int test_notify_strings_expired_keys(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
#define EXPIRED_KEY(cmdline, events)                                                               \
    EXPECT(c, cmdline, "+OK\r\n");                                                                 \
    TEST_ASSERT(eventsAre(s, "KE", events));                                                       \
    clk.us += 200 * 1000LL
    EXPECT(c, "MSET a v b v", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a new:b set:b");
    EXPECT(c, "PEXPIRE a 100", ":1\r\n");
    EXPECT(c, "PEXPIRE b 100", ":1\r\n");
    EXPECT_EVENTS(s, "expire:a expire:b");
    clk.us += 200 * 1000LL;
    EXPECT(c, "MSET a 1 b 2", "+OK\r\n");
    EXPECT_EVENTS(s, "expired:a new:a set:a expired:b new:b set:b");
    EXPECT(c, "TTL a", ":-1\r\n");
    EXPIRED_KEY("SET i 5 PX 100", "new:i set:i expire:i");
    EXPECT(c, "INCR i", ":1\r\n");
    EXPECT_EVENTS(s, "expired:i new:i incrby:i");
    EXPIRED_KEY("SET i 5.5 PX 100", "set:i expire:i");
    EXPECT(c, "INCRBYFLOAT i 1", "$1\r\n1\r\n");
    EXPECT_EVENTS(s, "expired:i new:i incrbyfloat:i");
    EXPIRED_KEY("SET s v PX 100", "new:s set:s expire:s");
    EXPECTV(c, ":0\r\n", "SETRANGE", "s", "0", "");
    EXPECT_EVENTS(s, "expired:s");
    EXPIRED_KEY("SET s v PX 100", "new:s set:s expire:s");
    EXPECT(c, "APPEND s x", ":1\r\n");
    EXPECT_EVENTS(s, "expired:s new:s append:s");
    EXPIRED_KEY("SET s v PX 100", "set:s expire:s");
    EXPECT(c, "GETSET s x", "_\r\n");
    EXPECT_EVENTS(s, "expired:s keymiss:s new:s set:s");
    EXPIRED_KEY("SET s v PX 100", "set:s expire:s");
    EXPECT(c, "GETEX s PERSIST", "_\r\n");
    EXPECT_EVENTS(s, "expired:s keymiss:s");
    EXPIRED_KEY("SET s v PX 100", "new:s set:s expire:s");
    EXPECT(c, "GETDEL s", "_\r\n");
    EXPECT_EVENTS(s, "expired:s keymiss:s");
    EXPIRED_KEY("SET s v PX 100", "new:s set:s expire:s");
    EXPECT(c, "MSETNX s 1 t 2", ":1\r\n");
    EXPECT_EVENTS(s, "expired:s new:s set:s new:t set:t");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "DEL e", ":0\r\n");
    EXPECT_EVENTS(s, "expired:e");
    EXPIRED_KEY("SET src v PX 100", "new:src set:src expire:src");
    EXPECT(c, "COPY src dst", ":0\r\n");
    EXPECT_EVENTS(s, "expired:src keymiss:src");
    EXPECT(c, "SET src v", "+OK\r\n");
    EXPIRED_KEY("SET dst v PX 100", "new:src set:src new:dst set:dst expire:dst");
    EXPECT(c, "COPY src dst", ":1\r\n");
    EXPECT_EVENTS(s, "expired:dst new:dst copy_to:dst");
    EXPIRED_KEY("SET dst v PX 100", "set:dst expire:dst");
    EXPECT(c, "RENAME src dst", "+OK\r\n");
    EXPECT_EVENTS(s, "expired:dst new:dst rename_from:src rename_to:dst");
    EXPIRED_KEY("SET r v PX 100", "new:r set:r expire:r");
    EXPECT(c, "RENAME r q", "-ERR no such key\r\n");
    EXPECT_EVENTS(s, "expired:r");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "EXPIRE e 100", ":0\r\n");
    EXPECT_EVENTS(s, "expired:e");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "PERSIST e", ":0\r\n");
    EXPECT_EVENTS(s, "expired:e");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "TTL e", ":-2\r\n");
    EXPECT_EVENTS(s, "expired:e keymiss:e");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "OBJECT ENCODING e", "_\r\n"); /* no "keymiss" for OBJECT */
    EXPECT_EVENTS(s, "expired:e");
    EXPIRED_KEY("SET e v PX 100", "new:e set:e expire:e");
    EXPECT(c, "TYPE e", "+none\r\n");
    EXPECT_EVENTS(s, "expired:e keymiss:e");
#undef EXPIRED_KEY
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_keymiss(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    /* Read lookups that miss. */
    EXPECT(c, "GET nothere", "_\r\n");
    EXPECT(c, "TTL nothere", ":-2\r\n");
    EXPECT(c, "PTTL nothere", ":-2\r\n");
    EXPECT(c, "EXPIRETIME nothere", ":-2\r\n");
    EXPECT(c, "PEXPIRETIME nothere", ":-2\r\n");
    EXPECT(c, "TYPE nothere", "+none\r\n");
    EXPECT(c, "TOUCH nothere", ":0\r\n");
    EXPECT(c, "STRLEN nothere", ":0\r\n");
    EXPECT(c, "GETRANGE nothere 0 1", "$0\r\n\r\n");
    EXPECT_EVENTS(s, "keymiss:nothere keymiss:nothere keymiss:nothere keymiss:nothere "
                     "keymiss:nothere keymiss:nothere keymiss:nothere keymiss:nothere "
                     "keymiss:nothere");
    EXPECT(c, "EXISTS nothere a", ":0\r\n");
    EXPECT(c, "MGET a b", "*2\r\n_\r\n_\r\n");
    EXPECT_EVENTS(s, "keymiss:nothere keymiss:a keymiss:a keymiss:b");
    /* Not for OBJECT, write lookups, or the commands that never look a key up for reading. */
    EXPECT(c, "OBJECT ENCODING nothere", "_\r\n");
    EXPECT(c, "DEL nothere", ":0\r\n");
    EXPECT(c, "EXPIRE nothere 10", ":0\r\n");
    EXPECT(c, "PERSIST nothere", ":0\r\n");
    EXPECTV(c, ":0\r\n", "SETRANGE", "nothere", "0", "");
    EXPECT(c, "RENAMENX nothere x", "-ERR no such key\r\n");
    EXPECT(c, "KEYS *", "*0\r\n");
    EXPECT(c, "SCAN 0", "*2\r\n$1\r\n0\r\n*0\r\n");
    EXPECT(c, "RANDOMKEY", "_\r\n");
    EXPECT(c, "DBSIZE", ":0\r\n");
    EXPECT_NO_EVENTS(s);
    /* A hit is no event; a miss still counts in the stats. */
    EXPECT(c, "SET a 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a");
    EXPECT(c, "GET a", "$1\r\n1\r\n");
    EXPECT(c, "EXISTS a", ":1\r\n");
    EXPECT_NO_EVENTS(s);
    /* 'm' alone selects no channel: nothing is published. */
    EXPECT(c, "CONFIG SET notify-keyspace-events m", "+OK\r\n");
    EXPECT(c, "GET zz", "_\r\n");
    EXPECT(c, "SET zz 1", "+OK\r\n");
    EXPECT_NO_EVENTS(s);
    /* One kind of channel, one class of events. */
    EXPECT(c, "CONFIG SET notify-keyspace-events Kg", "+OK\r\n");
    EXPECT(c, "SET zz 1", "+OK\r\n");
    EXPECT(c, "DEL zz", ":1\r\n");
    EXPECT_EVENTS_ON(s, "K", "del:zz");
    EXPECT(c, "CONFIG SET notify-keyspace-events E$", "+OK\r\n");
    EXPECT(c, "INCR zz", ":1\r\n");
    EXPECT(c, "DEL zz", ":1\r\n");
    EXPECT_EVENTS_ON(s, "E", "incrby:zz");
    EXPECT(c, "CONFIG SET notify-keyspace-events Em", "+OK\r\n");
    EXPECT(c, "GETEX zz", "_\r\n");
    EXPECT_EVENTS_ON(s, "E", "keymiss:zz");
    TEST_ASSERT(s->stats.keyspace_misses == 16);
    notifyServerRelease(s, c, sub);
    return 0;
}

int test_notify_strings_flush_swapdb(void) {
    testClock clk;
    rlClient *c, *sub;
    rlServer *s = notifyServer(&clk, &c, &sub, "KEAmn");
    TEST_ASSERT(s != NULL);
    EXPECT(c, "MSET a 1 b 2", "+OK\r\n");
    EXPECT_EVENTS(s, "new:a set:a new:b set:b");
    /* No keyspace events for whole databases. */
    EXPECT(c, "SWAPDB 0 1", "+OK\r\n");
    EXPECT(c, "SELECT 1", "+OK\r\n");
    EXPECT(c, "FLUSHDB", "+OK\r\n");
    EXPECT(c, "SET a 1", "+OK\r\n");
    EXPECT_EVENTS(s, "new@1:a set@1:a");
    EXPECT(c, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "FLUSHALL ASYNC", "+OK\r\n");
    EXPECT_NO_EVENTS(s);
    notifyServerRelease(s, c, sub);
    return 0;
}

/* WATCH: a write by another client that changes the key aborts EXEC (null reply); a
 * command that changes nothing does not. */
int test_notify_strings_watch(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *o = rlClientNew(s), *w = rlClientNew(s);
#define RUNS(watch, cmd)                                                                           \
    EXPECT(w, "WATCH " watch, "+OK\r\n");                                                          \
    EXPECT(o, cmd, reply_);                                                                        \
    EXPECT(w, "MULTI", "+OK\r\n");                                                                 \
    EXPECT(w, "EXEC", "*0\r\n")
#define ABORTS(watch, cmd)                                                                         \
    EXPECT(w, "WATCH " watch, "+OK\r\n");                                                          \
    EXPECT(o, cmd, reply_);                                                                        \
    EXPECT(w, "MULTI", "+OK\r\n");                                                                 \
    EXPECT(w, "EXEC", "_\r\n")
    const char *reply_;
    EXPECT(o, "SET k v", "+OK\r\n");
    /* No change: EXEC runs. */
    reply_ = ":0\r\n";
    RUNS("k", "DEL nothere");
    RUNS("k", "UNLINK nothere");
    RUNS("k", "PERSIST k");
    RUNS("k", "EXPIRE k 100 XX");
    RUNS("k", "EXPIRE nothere 100");
    RUNS("k", "MSETNX k 1 z 2");
    RUNS("k", "COPY nothere k");
    reply_ = ":1\r\n";
    RUNS("k", "COPY k k3"); /* k3 is not watched */
    EXPECT(w, "WATCH k", "+OK\r\n");
    EXPECTV(o, reply_, "SETRANGE", "k", "0", "");
    EXPECT(w, "MULTI", "+OK\r\n");
    EXPECT(w, "EXEC", "*0\r\n");
    reply_ = ":0\r\n";
    RUNS("k", "RENAMENX k k3");
    reply_ = "$1\r\nv\r\n";
    RUNS("k", "GETEX k");
    RUNS("k", "GETEX k PERSIST");
    RUNS("k", "GET k");
    reply_ = "+OK\r\n";
    RUNS("k", "RENAME k k");
    RUNS("k", "SET other 1");
    reply_ = "-ERR value is not an integer or out of range\r\n";
    RUNS("k", "INCR k");
    reply_ = "-ERR value is not a valid float\r\n";
    RUNS("k", "INCRBYFLOAT k 1");
    reply_ = "-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n";
    RUNS("k", "SETRANGE k 99999999999 x");
    reply_ = "_\r\n";
    RUNS("k", "GETDEL nothere");
    /* A change: EXEC is aborted. */
    EXPECT(w, "WATCH k", "+OK\r\n");
    EXPECTV(o, ":1\r\n", "APPEND", "k", "");
    EXPECT(w, "MULTI", "+OK\r\n");
    EXPECT(w, "EXEC", "_\r\n");
    reply_ = ":1\r\n";
    ABORTS("k3", "COPY k k3 REPLACE");
    ABORTS("k", "EXPIRE k 100");
    ABORTS("k", "PERSIST k");
    ABORTS("k", "SETRANGE k 0 x");
    ABORTS("k", "DEL k");
    reply_ = "+OK\r\n";
    ABORTS("k", "SET k v");
    ABORTS("k", "RENAME k k9");
    ABORTS("k9", "RENAME k9 k");
    ABORTS("k", "MSET k 1");
    reply_ = ":1\r\n";
    ABORTS("k", "EXPIRE k -1");
    ABORTS("k", "MSETNX k 1");
    reply_ = ":2\r\n";
    ABORTS("k", "INCR k");
    reply_ = ":-5\r\n";
    ABORTS("k", "DECRBY k 7");
    reply_ = "$2\r\n-5\r\n";
    ABORTS("k", "GETSET k v");
    reply_ = "$1\r\nv\r\n";
    ABORTS("k", "GETEX k EX 100");
    ABORTS("k", "GETEX k PERSIST");
    ABORTS("k", "GETEX k PXAT 1");
    reply_ = "$3\r\n1.5\r\n";
    ABORTS("k", "INCRBYFLOAT k 1.5");
    ABORTS("k", "GETDEL k");
    EXPECT(o, "SET k9 v", "+OK\r\n");
    reply_ = ":1\r\n";
    ABORTS("k", "RENAMENX k9 k");
    reply_ = ":2\r\n";
    ABORTS("k", "APPEND k x");
    reply_ = ":1\r\n";
    ABORTS("k", "UNLINK k");
    /* COPY into another database touches the key there, not the one of the same name here. */
    EXPECT(o, "SET c0 v", "+OK\r\n");
    EXPECT(w, "SELECT 1", "+OK\r\n");
    ABORTS("c1", "COPY c0 c1 DB 1");
    reply_ = "+OK\r\n";
    RUNS("c1", "SET c1 v");
    EXPECT(w, "SELECT 0", "+OK\r\n");
    /* A key watched once its TTL had passed: its lazy deletion by another client's DEL is no
     * change (and DEL deletes nothing), but a write that creates it again is. */
    EXPECT(o, "SET e v PX 100", "+OK\r\n");
    clk.us += 200 * 1000LL;
    reply_ = ":0\r\n";
    RUNS("e", "DEL e");
    EXPECT(o, "SET e v PX 100", "+OK\r\n");
    clk.us += 200 * 1000LL;
    reply_ = ":1\r\n";
    ABORTS("e", "APPEND e x");
#undef RUNS
#undef ABORTS
    rlClientRelease(o);
    rlClientRelease(w);
    rlServerRelease(s);
    return 0;
}
