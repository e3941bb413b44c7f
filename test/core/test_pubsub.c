/* test_pubsub.c -- pub/sub, the outbox, keyspace notifications, CONFIG and WATCH.
 * Replies of PUBSUB, CONFIG and WATCH/EXEC were captured from redis-server 7.0.15 (RESP3);
 * the subscription commands reply with one array of Redis's per-channel pushes. */
#include "test_help.h"

#include "server.h"

#include <stdio.h>
#include <string.h>

sds testDrainOutbox(rlServer *s) {
    sds out = sdsempty();
    uint64_t id;
    int kind, flags;
    while (rlOutboxPeek(s, &id, &kind, &flags)) {
        out = sdscatprintf(out, "%llu:", (unsigned long long)id);
        rlOutboxPop(s, &rlRespSink, &out);
        out = sdscat(out, "|");
    }
    return out;
}

int testOutboxIs(rlServer *s, const char *expect) {
    sds got = testDrainOutbox(s);
    int ok = strcmp(got, expect) == 0;
    if (!ok) fprintf(stderr, "  outbox\n    got:      %s\n    expected: %s\n", got, expect);
    sdsfree(got);
    return ok;
}

int test_pubsub_subscribe_publish(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s);
    TEST_ASSERT(rlClientId(a) == 1 && rlClientId(b) == 2);
    EXPECT(a, "CLIENT ID", ":1\r\n");
    EXPECT(a, "SUBSCRIBE a b",
           "*2\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:"
           "2\r\n");
    EXPECT(a, "SUBSCRIBE a", "*1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:2\r\n");
    EXPECT(a, "PSUBSCRIBE n.*", "*1\r\n*3\r\n$10\r\npsubscribe\r\n$3\r\nn.*\r\n:3\r\n");
    TEST_ASSERT(rlOutboxPending(s) == 0 && !rlOutboxTakeSignal(s));
    EXPECT(b, "PUBLISH a hello", ":1\r\n");
    EXPECT(b, "PUBLISH n.x news", ":1\r\n");
    EXPECT(b, "PUBLISH zz nobody", ":0\r\n");
    TEST_ASSERT(rlOutboxPending(s) == 2);
    TEST_ASSERT(rlOutboxTakeSignal(s) && !rlOutboxTakeSignal(s));
    EXPECT_OUTBOX(s, "1:*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$5\r\nhello\r\n|"
                     "1:*4\r\n$8\r\npmessage\r\n$3\r\nn.*\r\n$3\r\nn.x\r\n$4\r\nnews\r\n|");
    /* Several receivers, a client hearing itself, a channel + pattern match counted twice. */
    EXPECT(b, "SUBSCRIBE a", "*1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
    EXPECT(b, "PSUBSCRIBE *", "*1\r\n*3\r\n$10\r\npsubscribe\r\n$1\r\n*\r\n:2\r\n");
    EXPECT(b, "PUBLISH a m", ":3\r\n");
    EXPECT_OUTBOX(s, "1:*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$1\r\nm\r\n|"
                     "2:*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$1\r\nm\r\n|"
                     "2:*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$1\r\na\r\n$1\r\nm\r\n|");
    EXPECT(a, "PUBSUB CHANNELS a*", "*1\r\n$1\r\na\r\n");
    EXPECT(a, "PUBSUB CHANNELS b*", "*1\r\n$1\r\nb\r\n");
    EXPECT(a, "PUBSUB NUMSUB a b c", "*6\r\n$1\r\na\r\n:2\r\n$1\r\nb\r\n:1\r\n$1\r\nc\r\n:0\r\n");
    EXPECT(a, "PUBSUB NUMSUB", "*0\r\n");
    EXPECT(a, "PUBSUB NUMPAT", ":2\r\n");
    /* Errors, as redis-server 7.0 words them. */
    EXPECT(a, "SUBSCRIBE", "-ERR wrong number of arguments for 'subscribe' command\r\n");
    EXPECT(a, "PUBSUB", "-ERR wrong number of arguments for 'pubsub' command\r\n");
    EXPECT(a, "PUBSUB FOO", "-ERR unknown subcommand 'FOO'. Try PUBSUB HELP.\r\n");
    EXPECT(a, "PUBSUB CHANNELS a b",
           "-ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB "
           "HELP.\r\n");
    EXPECT(a, "PUBSUB NUMPAT x", "-ERR wrong number of arguments for 'pubsub|numpat' command\r\n");
    EXPECT(a, "PUBLISH a", "-ERR wrong number of arguments for 'publish' command\r\n");
    /* Unsubscribing. */
    EXPECT(a, "UNSUBSCRIBE a zz",
           "*2\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:2\r\n*3\r\n$11\r\nunsubscribe\r\n$"
           "2\r\nzz\r\n:2\r\n");
    EXPECT(a, "PUNSUBSCRIBE", "*1\r\n*3\r\n$12\r\npunsubscribe\r\n$3\r\nn.*\r\n:1\r\n");
    EXPECT(a, "UNSUBSCRIBE", "*1\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");
    EXPECT(a, "UNSUBSCRIBE", "*1\r\n*3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n");
    EXPECT(a, "PUNSUBSCRIBE", "*1\r\n*3\r\n$12\r\npunsubscribe\r\n_\r\n:0\r\n");
    EXPECT(a, "PUBLISH b x", ":1\r\n"); /* b's pattern '*' */
    EXPECT_OUTBOX(s, "2:*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$1\r\nb\r\n$1\r\nx\r\n|");
    /* Shard channels (SSUBSCRIBE/SPUBLISH): their own namespace and count, as a 7.0 server
     * without cluster replies (captured over RESP3). */
    EXPECT(a, "SSUBSCRIBE s1 s2",
           "*2\r\n*3\r\n$10\r\nssubscribe\r\n$2\r\ns1\r\n:1\r\n*3\r\n$10\r\nssubscribe\r\n$"
           "2\r\ns2\r\n:2\r\n");
    EXPECT(b, "SPUBLISH s1 hi", ":1\r\n");
    EXPECT_OUTBOX(s, "1:*3\r\n$8\r\nsmessage\r\n$2\r\ns1\r\n$2\r\nhi\r\n|");
    EXPECT(b, "PUBSUB SHARDNUMSUB s1 s2 z",
           "*6\r\n$2\r\ns1\r\n:1\r\n$2\r\ns2\r\n:1\r\n$1\r\nz\r\n:0\r\n");
    EXPECT(b, "PUBSUB SHARDCHANNELS s1*", "*1\r\n$2\r\ns1\r\n");
    EXPECT(b, "PUBSUB SHARDCHANNELS a b",
           "-ERR unknown subcommand or wrong number of arguments for 'SHARDCHANNELS'. Try PUBSUB "
           "HELP.\r\n");
    EXPECT(a, "SUNSUBSCRIBE s1", "*1\r\n*3\r\n$12\r\nsunsubscribe\r\n$2\r\ns1\r\n:1\r\n");
    EXPECT(a, "SUNSUBSCRIBE", "*1\r\n*3\r\n$12\r\nsunsubscribe\r\n$2\r\ns2\r\n:0\r\n");
    EXPECT(a, "SUNSUBSCRIBE", "*1\r\n*3\r\n$12\r\nsunsubscribe\r\n_\r\n:0\r\n");
    EXPECT(a, "SPUBLISH", "-ERR wrong number of arguments for 'spublish' command\r\n");
    EXPECT(a, "SSUBSCRIBE s3", "*1\r\n*3\r\n$10\r\nssubscribe\r\n$2\r\ns3\r\n:1\r\n");
    /* A released client leaves its channels; messages already queued stay queued. */
    EXPECT(a, "PUBLISH a late", ":2\r\n");
    rlClientRelease(b);
    EXPECT(a, "PUBSUB NUMSUB a", "*2\r\n$1\r\na\r\n:0\r\n");
    EXPECT(a, "PUBSUB NUMPAT", ":0\r\n");
    EXPECT(a, "PUBLISH a gone", ":0\r\n");
    EXPECT_OUTBOX(s, "2:*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$4\r\nlate\r\n|"
                     "2:*4\r\n$8\r\npmessage\r\n$1\r\n*\r\n$1\r\na\r\n$4\r\nlate\r\n|");
    rlClientRelease(a);
    rlServerRelease(s);
    return 0;
}

int test_pubsub_resp2_subscriber_context(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    rlClientSetProtocol(c, 2);
    EXPECT(c, "PING", "+PONG\r\n");
    EXPECT(c, "SUBSCRIBE ch", "*1\r\n*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n");
    EXPECT(c, "GET k",
           "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET "
           "are allowed in this context\r\n");
    EXPECT(
        c, "CONFIG GET x",
        "-ERR Can't execute 'config|get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / "
        "RESET are allowed in this context\r\n");
    EXPECT(c, "PING", "+pong\r\n");
    EXPECT(c, "PING hi", "$2\r\nhi\r\n");
    EXPECT(c, "UNSUBSCRIBE", "*1\r\n*3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n:0\r\n");
    EXPECT(c, "GET k", "_\r\n");
    /* RESP3 (the default): ordinary commands run while subscribed. */
    rlClientSetProtocol(c, 3);
    EXPECT(c, "SUBSCRIBE ch", "*1\r\n*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n");
    EXPECT(c, "GET k", "_\r\n");
    EXPECT(c, "PING", "+PONG\r\n");
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_pubsub_outbox_replays_every_kind(void) {
    sds rec = sdsempty();
    rlRecordSink.aggregate_begin(&rec, RL_AGG_MAP, 2);
    rlRecordSink.status(&rec, "OK", 2);
    rlRecordSink.integer(&rec, -42);
    rlRecordSink.bulk(&rec, "a\0b", 3);
    rlRecordSink.dbl(&rec, 1.5);
    rlRecordSink.aggregate_end(&rec, RL_AGG_MAP);
    rlRecordSink.error(&rec, "ERR x", 5);
    rlRecordSink.null(&rec);
    rlRecordSink.boolean(&rec, 1);
    rlRecordSink.verbatim(&rec, "txt", 3);
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    rlClientSetPushFlags(c, 7);
    outboxAppend(s, c, RL_OUT_MESSAGE, rec, c->push_flags);
    uint64_t id;
    int kind, flags;
    TEST_ASSERT(rlOutboxPeek(s, &id, &kind, &flags) && id == 1 && kind == RL_OUT_MESSAGE &&
                flags == 7);
    sds out = sdsempty();
    rlOutboxPop(s, &rlRespSink, &out);
    TEST_ASSERT(
        memcmp(out, "%2\r\n+OK\r\n:-42\r\n$3\r\na\0b\r\n,1.5\r\n-ERR x\r\n_\r\n#t\r\n", 44) == 0);
    TEST_ASSERT(rlOutboxPending(s) == 0 && !rlOutboxPeek(s, &id, &kind, &flags));
    /* Messages left undrained are freed with the server. */
    outboxAppend(s, c, RL_OUT_MESSAGE, rec, c->push_flags);
    sdsfree(out);
    sdsfree(rec);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_pubsub_config_notify_flags(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s);
    const char *nke = "%1\r\n$22\r\nnotify-keyspace-events\r\n";
    char want[128];
#define EXPECT_NKE(val)                                                                            \
    snprintf(want, sizeof(want), "%s$%d\r\n%s\r\n", nke, (int)strlen(val), val);                   \
    EXPECT(c, "CONFIG GET notify-keyspace-events", want)
    EXPECT_NKE("");
    EXPECT(c, "CONFIG SET notify-keyspace-events KEA", "+OK\r\n");
    EXPECT_NKE("AKE");
    EXPECT(c, "CONFIG SET notify-keyspace-events Ex", "+OK\r\n");
    EXPECT_NKE("xE");
    EXPECT(c, "CONFIG SET notify-keyspace-events g$lshzxetmdn", "+OK\r\n");
    EXPECT_NKE("Am");
    EXPECT(c, "CONFIG SET notify-keyspace-events Kn", "+OK\r\n");
    EXPECT_NKE("nK");
    EXPECT(c, "CONFIG GET NOTIFY*", "%1\r\n$22\r\nnotify-keyspace-events\r\n$2\r\nnK\r\n");
    EXPECT(c, "CONFIG GET nomatch", "%0\r\n");
    EXPECT(c, "CONFIG SET notify-keyspace-events Q",
           "-ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - "
           "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.\r\n");
    EXPECT(c, "CONFIG SET notify-keyspace-events KEA notify-keyspace-events E",
           "-ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - "
           "duplicate parameter\r\n");
    EXPECT_NKE("nK"); /* unchanged by the failed SETs */
    EXPECT(c, "CONFIG SET foo bar",
           "-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n");
    EXPECT(c, "CONFIG SET notify-keyspace-events",
           "-ERR wrong number of arguments for 'config|set' command\r\n");
    EXPECT(c, "CONFIG SET notify-keyspace-events E x", "-ERR syntax error\r\n");
    EXPECT(c, "CONFIG SET notify-keyspace-events",
           "-ERR wrong number of arguments for 'config|set' command\r\n");
    EXPECT(c, "CONFIG GET", "-ERR wrong number of arguments for 'config|get' command\r\n");
    EXPECT(c, "CONFIG", "-ERR wrong number of arguments for 'config' command\r\n");
    EXPECT(c, "CONFIG FOO", "-ERR unknown subcommand 'FOO'. Try CONFIG HELP.\r\n");
    EXPECT(c, "CLIENT", "-ERR wrong number of arguments for 'client' command\r\n");
    EXPECT(c, "CLIENT FOO", "-ERR unknown subcommand 'FOO'. Try CLIENT HELP.\r\n");
    EXPECT(c, "SET k v", "+OK\r\n");
    EXPECT(c, "GET k", "$1\r\nv\r\n");
    EXPECT(c, "CONFIG RESETSTAT", "+OK\r\n");
    TEST_ASSERT(s->stats.keyspace_hits == 0);
#undef EXPECT_NKE
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_pubsub_keyspace_events(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s), *sub = rlClientNew(s);
    EXPECT(sub, "PSUBSCRIBE __key*__:*",
           "*1\r\n*3\r\n$10\r\npsubscribe\r\n$10\r\n__key*__:*\r\n:1\r\n");
    /* Off by default: nothing is published. */
    EXPECT(c, "SET k v", "+OK\r\n");
    TEST_ASSERT(rlOutboxPending(s) == 0);
    EXPECT(c, "CONFIG SET notify-keyspace-events KEA", "+OK\r\n");
    EXPECT(c, "SET k v2 EX 10", "+OK\r\n");
    EXPECT_OUTBOX(
        s,
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@0__:k\r\n$3\r\nset\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@0__:set\r\n$1\r\nk\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$16\r\n__keyspace@0__:k\r\n$"
        "6\r\nexpire\r\n|"
        "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$21\r\n__keyevent@0__:expire\r\n$"
        "1\r\nk\r\n|");
    /* Only key-event channels, only expired events: lazy expiry on access. */
    EXPECT(c, "CONFIG SET notify-keyspace-events Ex", "+OK\r\n");
    clk.us += 11 * 1000000LL;
    EXPECT(c, "GET k", "_\r\n");
    EXPECT_OUTBOX(s, "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$22\r\n__keyevent@0__:"
                     "expired\r\n$1\r\nk\r\n|");
    /* Active expiry, in db 3. */
    EXPECT(c, "SELECT 3", "+OK\r\n");
    EXPECT(c, "SET t v PX 5", "+OK\r\n");
    TEST_ASSERT(rlOutboxPending(s) == 0); /* "set" and "expire" are not in Ex */
    clk.us += 10 * 1000LL;
    rlCron(s, 100000);
    EXPECT_OUTBOX(s, "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$22\r\n__keyevent@3__:"
                     "expired\r\n$1\r\nt\r\n|");
    /* "new" ('n' is not part of A). */
    EXPECT(c, "CONFIG SET notify-keyspace-events En", "+OK\r\n");
    EXPECT(c, "SET fresh v", "+OK\r\n");
    EXPECT(c, "SET fresh v", "+OK\r\n");
    EXPECT_OUTBOX(s, "2:*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@3__:new\r\n$"
                     "5\r\nfresh\r\n|");
    rlClientRelease(c);
    rlClientRelease(sub);
    rlServerRelease(s);
    return 0;
}

int test_pubsub_watch(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 1);
    rlClient *c = rlClientNew(s), *o = rlClientNew(s);
    EXPECT(c, "WATCH", "-ERR wrong number of arguments for 'watch' command\r\n");
    EXPECT(c, "UNWATCH x", "-ERR wrong number of arguments for 'unwatch' command\r\n");
    /* WATCH inside MULTI is refused without dirtying the transaction; UNWATCH is queued. */
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "WATCH x", "-ERR WATCH inside MULTI is not allowed\r\n");
    EXPECT(c, "UNWATCH", "+QUEUED\r\n");
    EXPECT(c, "EXEC", "*1\r\n+OK\r\n");
    /* Another client's write aborts EXEC with a null reply. */
    EXPECT(c, "WATCH a b", "+OK\r\n");
    EXPECT(o, "SET a 1", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "SET b mine", "+QUEUED\r\n");
    EXPECT(c, "EXEC", "_\r\n");
    EXPECT(c, "GET b", "_\r\n");
    /* The abort unwatched everything: the next transaction runs. */
    EXPECT(o, "SET a 2", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "GET a", "+QUEUED\r\n");
    EXPECT(c, "EXEC", "*1\r\n$1\r\n2\r\n");
    /* No change: EXEC runs. The client's own write inside EXEC does not abort it. */
    EXPECT(c, "WATCH a", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "SET a 3", "+QUEUED\r\n");
    EXPECT(c, "EXEC", "*1\r\n+OK\r\n");
    /* UNWATCH forgets; DISCARD unwatches. */
    EXPECT(c, "WATCH a", "+OK\r\n");
    EXPECT(c, "UNWATCH", "+OK\r\n");
    EXPECT(o, "SET a 4", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "*0\r\n");
    EXPECT(c, "WATCH a", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "DISCARD", "+OK\r\n");
    EXPECT(o, "SET a 5", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "*0\r\n");
    /* A watched key that expires before EXEC aborts it. */
    EXPECT(c, "SET e v PX 100", "+OK\r\n");
    EXPECT(c, "WATCH e", "+OK\r\n");
    clk.us += 200 * 1000LL;
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "_\r\n");
    /* A key watched while already expired: its deletion is not a change. */
    EXPECT(c, "SET e2 v PX 100", "+OK\r\n");
    clk.us += 200 * 1000LL;
    EXPECT(c, "WATCH e2", "+OK\r\n");
    EXPECT(o, "GET e2", "_\r\n"); /* lazy deletion */
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "*0\r\n");
    /* FLUSHALL touches watched keys that existed; a missing watched key stays clean. */
    EXPECT(c, "WATCH nothere", "+OK\r\n");
    EXPECT(o, "FLUSHALL", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "*0\r\n");
    EXPECT(o, "SET w 1", "+OK\r\n");
    EXPECT(c, "WATCH w", "+OK\r\n");
    EXPECT(o, "FLUSHDB", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "EXEC", "_\r\n");
    /* EXECABORT wins over a dirty WATCH. */
    EXPECT(c, "WATCH w", "+OK\r\n");
    EXPECT(o, "SET w 2", "+OK\r\n");
    EXPECT(c, "MULTI", "+OK\r\n");
    EXPECT(c, "NOSUCHCMD", "-ERR unknown command 'NOSUCHCMD', with args beginning with: \r\n");
    EXPECT(c, "EXEC", "-EXECABORT Transaction discarded because of previous errors.\r\n");
    /* Watching from a client released with its watches. */
    EXPECT(o, "WATCH w x", "+OK\r\n");
    rlClientRelease(o);
    EXPECT(c, "SET w 3", "+OK\r\n");
    TEST_ASSERT(dictSize(s->db[0].watched_keys) == 0);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
