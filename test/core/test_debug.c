/* test_debug.c -- rlDebugCheck's registry checks (debug.c): WATCH, blocked clients and
 * pub/sub agree with the clients' own records in both directions. The first tests build
 * states through commands only (several clients, overlapping keys, every way a registration
 * ends, database commands around them) and require the check to pass after every step; the
 * last ones corrupt each registry through its internal structures, require the check to
 * fail naming that registry, then restore it so the clients and server release cleanly. */
#include "test_help.h"

#include "server.h"

#include <stdio.h>
#include <string.h>

/* 1 if rlDebugCheck passes (printing its message and 'after' otherwise). */
static int debugCheckOk(rlServer *s, const char *after) {
    char err[256];
    if (rlDebugCheck(s, err, sizeof(err))) return 1;
    fprintf(stderr, "  invariant broken after %s: %s\n", after, err);
    return 0;
}

/* Run 'cmd' on 'c' whatever it replies; 1 if rlDebugCheck passes afterwards. */
static int stepOk(rlClient *c, const char *cmd) {
    sdsfree(testRun(c, cmd));
    return debugCheckOk(c->srv, cmd);
}

/* Run a command whose reply does not matter here, then require rlDebugCheck to pass. */
#define STEP(c, cmd) TEST_ASSERT_MESSAGE(cmd, stepOk(c, cmd))
/* Require rlDebugCheck to pass after a step that is not a command (a release...). */
#define CHECKED(s, what) TEST_ASSERT_MESSAGE(what, debugCheckOk(s, what))

/* 1 if rlDebugCheck fails with a message that starts with 'registry' and contains 'detail'
 * (printing what it said otherwise). */
static int debugCheckFails(rlServer *s, const char *registry, const char *detail) {
    char err[256];
    if (rlDebugCheck(s, err, sizeof(err))) {
        fprintf(stderr, "  rlDebugCheck passed; expected a '%s' failure\n", registry);
        return 0;
    }
    if (strncmp(err, registry, strlen(registry)) != 0 || !strstr(err, detail)) {
        fprintf(stderr, "  rlDebugCheck: %s\n    expected: %s: ...%s...\n", err, registry, detail);
        return 0;
    }
    return 1;
}

#define CHECK_FAILS(s, registry, detail)                                                           \
    TEST_ASSERT_MESSAGE(registry, debugCheckFails(s, registry, detail))

/* The client list registered under 'key' in 'reg', or NULL. */
static rlClientList *listOf(dict *reg, const char *key) {
    dictEntry *de = dictFind(reg, key, strlen(key));
    return de ? dictGetVal(de) : NULL;
}

/* A copy of a client list's members, to put the list back exactly as it was. */
typedef struct listSnapshot {
    rlClient *v[8];
    size_t n;
} listSnapshot;

static void snapshotTake(listSnapshot *snap, const rlClientList *l) {
    snap->n = l->n < 8 ? l->n : 8;
    memcpy(snap->v, l->v, snap->n * sizeof(*snap->v));
}

static void snapshotRestore(const listSnapshot *snap, rlClientList *l) {
    l->n = 0;
    for (size_t i = 0; i < snap->n; i++)
        clientListAppend(l, snap->v[i]);
}

/* Drain and drop the outbox (the messages are not what these tests look at). */
static void dropOutbox(rlServer *s) {
    sdsfree(testDrainOutbox(s));
}

/* The number of entries of each database's 'watched_keys' / 'blocking_keys', summed. */
static unsigned long watchedEntries(const rlServer *s) {
    unsigned long n = 0;
    for (int i = 0; i < RL_DBNUM; i++)
        n += dictSize(s->db[i].watched_keys);
    return n;
}

static unsigned long blockingEntries(const rlServer *s) {
    unsigned long n = 0;
    for (int i = 0; i < RL_DBNUM; i++)
        n += dictSize(s->db[i].blocking_keys);
    return n;
}

int test_debug_watch_registry_through_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s), *c = rlClientNew(s);
    CHECKED(s, "three clients");
    /* Overlapping keys, the same names in two databases, a repeated WATCH. */
    STEP(a, "WATCH k1 k2");
    STEP(b, "WATCH k2 k3 k2");
    STEP(c, "SELECT 1");
    STEP(c, "WATCH k1 k2");
    STEP(a, "WATCH k1");
    TEST_ASSERT(dictSize(s->db[0].watched_keys) == 3 && dictSize(s->db[1].watched_keys) == 2);
    TEST_ASSERT(a->nwatched == 2 && b->nwatched == 2 && c->nwatched == 2);
    TEST_ASSERT(listOf(s->db[0].watched_keys, "k2")->n == 2);
    /* A write dirties a and b; their EXEC / DISCARD unwatch everything. */
    EXPECT(c, "SET k2 other-db", "+OK\r\n");
    EXPECT(b, "SET k2 v", "+OK\r\n");
    EXPECT(a, "MULTI", "+OK\r\n");
    EXPECT(a, "SET x 1", "+QUEUED\r\n");
    EXPECT(a, "EXEC", "_\r\n");
    TEST_ASSERT(a->nwatched == 0);
    EXPECT(b, "MULTI", "+OK\r\n");
    EXPECT(b, "DISCARD", "+OK\r\n");
    TEST_ASSERT(b->nwatched == 0 && dictSize(s->db[0].watched_keys) == 0);
    /* A dirty client's WATCH registers nothing; UNWATCH clears the flag. */
    EXPECT(c, "SET k1 changed", "+OK\r\n");
    STEP(c, "WATCH k9");
    STEP(c, "UNWATCH");
    TEST_ASSERT(watchedEntries(s) == 0);
    /* A successful EXEC unwatches too; UNWATCH queued inside MULTI runs after it. */
    STEP(a, "WATCH k1 k3");
    STEP(a, "MULTI");
    STEP(a, "UNWATCH");
    EXPECT(a, "EXEC", "*1\r\n+OK\r\n");
    TEST_ASSERT(watchedEntries(s) == 0);
    /* A key watched while logically expired. */
    STEP(a, "SET e v PX 10");
    clk.us += 20 * 1000;
    STEP(a, "WATCH e k1");
    STEP(b, "WATCH e");
    /* Database commands with watchers around (MOVE is not implemented: an error). */
    STEP(c, "SELECT 0");
    STEP(c, "WATCH k1 k2");
    STEP(b, "SET k1 v1");
    STEP(b, "RENAME k1 k4");
    STEP(b, "RENAME k4 k1");
    STEP(b, "MOVE k1 1");
    STEP(b, "SWAPDB 0 1");
    STEP(b, "FLUSHALL");
    STEP(b, "FLUSHALL ASYNC");
    STEP(b, "FLUSHDB");
    STEP(a, "UNWATCH"); /* a is dirty (k1 was written): a dirty client's WATCH is a no-op */
    STEP(a, "WATCH e k1");
    STEP(a, "SELECT 2");
    STEP(a, "WATCH k1");
    TEST_ASSERT(a->nwatched == 3 && dictSize(s->db[2].watched_keys) == 1);
    STEP(a, "SWAPDB 2 0");
    /* A client released while watching leaves no registration behind. */
    rlClientRelease(a);
    CHECKED(s, "releasing a watching client");
    TEST_ASSERT(dictSize(s->db[2].watched_keys) == 0);
    TEST_ASSERT(listOf(s->db[0].watched_keys, "k1")->n == 1);
    rlClientRelease(c);
    CHECKED(s, "releasing a second watching client");
    STEP(b, "UNWATCH");
    TEST_ASSERT(watchedEntries(s) == 0);
    rlClientRelease(b);
    CHECKED(s, "releasing every client");
    rlServerRelease(s);
    return 0;
}

int test_debug_blocking_registry_through_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s), *c = rlClientNew(s), *d = rlClientNew(s);
    char cmd[64];
    /* Several keys, a repeated key, a list and a zset waiter on one key, another database. */
    STEP(b, "BLPOP q1 q2 q1 0");
    STEP(c, "BZPOPMIN z1 q2 0");
    STEP(d, "SELECT 3");
    STEP(d, "BLPOP q1 5");
    TEST_ASSERT(rlClientIsBlocked(b) && rlClientIsBlocked(c) && rlClientIsBlocked(d));
    TEST_ASSERT(b->bstate.nkeys == 2 && dictSize(s->db[0].blocking_keys) == 3);
    TEST_ASSERT(dictSize(s->db[3].blocking_keys) == 1);
    /* Served by a push: the list waiter goes, the zset waiter on the same key stays. */
    STEP(a, "RPUSH q2 x");
    TEST_ASSERT(!rlClientIsBlocked(b) && rlClientIsBlocked(c));
    TEST_ASSERT(listOf(s->db[0].blocking_keys, "q1") == NULL);
    STEP(a, "ZADD z1 1 m");
    TEST_ASSERT(!rlClientIsBlocked(c));
    TEST_ASSERT(dictSize(s->db[0].blocking_keys) == 0);
    /* Timed out (the embedder's CLIENT UNBLOCK ... TIMEOUT), and ended with ERROR. */
    snprintf(cmd, sizeof(cmd), "CLIENT UNBLOCK %llu TIMEOUT", (unsigned long long)rlClientId(d));
    STEP(a, cmd);
    TEST_ASSERT(!rlClientIsBlocked(d) && blockingEntries(s) == 0);
    STEP(d, "BZPOPMAX z9 z8 0");
    snprintf(cmd, sizeof(cmd), "CLIENT UNBLOCK %llu ERROR", (unsigned long long)rlClientId(d));
    STEP(a, cmd);
    TEST_ASSERT(blockingEntries(s) == 0);
    /* A new wait replaces the old one (the embedder should not, but the core stays sound). */
    STEP(d, "BLPOP w1 w2 0");
    STEP(d, "BLPOP w3 0");
    TEST_ASSERT(d->bstate.nkeys == 1 && dictSize(s->db[3].blocking_keys) == 1);
    /* Released while blocked: it leaves the queue, the next waiter is served. */
    STEP(b, "BLPOP r 0");
    STEP(c, "BLPOP r 0");
    rlClientRelease(b);
    CHECKED(s, "releasing a blocked client");
    TEST_ASSERT(listOf(s->db[0].blocking_keys, "r")->n == 1);
    STEP(a, "RPUSH r 1");
    TEST_ASSERT(!rlClientIsBlocked(c));
    /* BLMOVE serves, and its push serves the next waiter in the same command; BLMPOP and
     * BZMPOP over several keys; a push inside EXEC. */
    rlClient *e = rlClientNew(s);
    STEP(c, "BLMOVE src dst LEFT RIGHT 0");
    STEP(e, "BLPOP dst 0");
    STEP(a, "RPUSH src m");
    TEST_ASSERT(!rlClientIsBlocked(c) && !rlClientIsBlocked(e));
    STEP(c, "BLMPOP 0 3 l1 l2 l3 LEFT COUNT 2");
    STEP(e, "BZMPOP 0 2 zz1 zz2 MAX");
    STEP(a, "MULTI");
    STEP(a, "RPUSH l3 1 2 3");
    STEP(a, "ZADD zz2 1 a 2 b");
    STEP(a, "LPOP l3");
    STEP(a, "EXEC");
    TEST_ASSERT(!rlClientIsBlocked(c) && !rlClientIsBlocked(e));
    /* A key of another type does not serve; deleting and re-creating it as a list does. */
    STEP(c, "BLPOP t 0");
    STEP(a, "SET t str");
    TEST_ASSERT(rlClientIsBlocked(c));
    STEP(a, "DEL t");
    STEP(a, "RPUSH t v");
    TEST_ASSERT(!rlClientIsBlocked(c));
    /* Database commands with blocked clients around. */
    STEP(c, "BLPOP f 0");
    STEP(e, "BZPOPMIN fz 0");
    STEP(a, "RPUSH other 1");
    STEP(a, "FLUSHALL");
    STEP(a, "FLUSHALL ASYNC");
    TEST_ASSERT(rlClientIsBlocked(c) && rlClientIsBlocked(e));
    STEP(a, "SELECT 1");
    STEP(a, "RPUSH f v");
    STEP(a, "ZADD fz 1 m");
    STEP(a, "SWAPDB 0 1");
    TEST_ASSERT(!rlClientIsBlocked(c) && !rlClientIsBlocked(e));
    STEP(a, "SELECT 0");
    STEP(c, "BLPOP rn 0");
    STEP(a, "RPUSH from 1");
    STEP(a, "RENAME from rn");
    TEST_ASSERT(!rlClientIsBlocked(c));
    STEP(c, "BLPOP mv 0");
    STEP(a, "RPUSH mv0 1");
    STEP(a, "MOVE mv0 1");
    STEP(e, "SELECT 5");
    STEP(e, "BLPOP mv 0");
    STEP(a, "SELECT 5");
    STEP(a, "RPUSH mv x y");
    TEST_ASSERT(rlClientIsBlocked(c) && !rlClientIsBlocked(e));
    STEP(a, "SWAPDB 5 0");
    TEST_ASSERT(!rlClientIsBlocked(c));
    /* Blocking inside MULTI never blocks. */
    STEP(e, "MULTI");
    STEP(e, "BLPOP never 0");
    STEP(e, "EXEC");
    TEST_ASSERT(!rlClientIsBlocked(e) && blockingEntries(s) == 1); /* d still waits on w3 */
    dropOutbox(s);
    /* Released at the end while still blocked. */
    STEP(c, "BZPOPMIN last 0");
    rlClientRelease(c);
    rlClientRelease(d);
    CHECKED(s, "releasing blocked clients");
    TEST_ASSERT(blockingEntries(s) == 0);
    rlClientRelease(a);
    rlClientRelease(e);
    rlServerRelease(s);
    return 0;
}

int test_debug_pubsub_registry_through_commands(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s), *c = rlClientNew(s);
    STEP(a, "SUBSCRIBE c1 c2 c1");
    STEP(b, "SUBSCRIBE c2 c3");
    STEP(b, "PSUBSCRIBE p.* * p.*");
    STEP(c, "SSUBSCRIBE s1 s2");
    STEP(a, "SSUBSCRIBE s2");
    STEP(a, "PSUBSCRIBE *");
    TEST_ASSERT(dictSize(s->pubsub_channels) == 3 && dictSize(s->pubsub_patterns) == 2 &&
                dictSize(s->pubsub_shard) == 2);
    STEP(c, "PUBLISH c2 hi");
    STEP(c, "SPUBLISH s2 hi");
    dropOutbox(s);
    /* Unsubscribing one name, names never subscribed, everything. */
    STEP(a, "UNSUBSCRIBE c2 nope");
    TEST_ASSERT(listOf(s->pubsub_channels, "c2")->n == 1);
    STEP(b, "UNSUBSCRIBE");
    TEST_ASSERT(dictSize(s->pubsub_channels) == 1); /* c1 only: no empty entry left */
    STEP(b, "PUNSUBSCRIBE p.* never");
    STEP(b, "PUNSUBSCRIBE");
    TEST_ASSERT(dictSize(s->pubsub_patterns) == 1 && listOf(s->pubsub_patterns, "*")->n == 1);
    STEP(c, "SUNSUBSCRIBE s1");
    TEST_ASSERT(dictSize(s->pubsub_shard) == 1);
    /* Subscriptions inside EXEC, a RESP2 subscriber, keyspace notifications delivered. */
    STEP(b, "MULTI");
    STEP(b, "SUBSCRIBE m1");
    STEP(b, "SSUBSCRIBE m1");
    STEP(b, "EXEC");
    TEST_ASSERT(dictSize(b->sub_channels) == 1 && dictSize(b->sub_shard) == 1);
    rlClientSetProtocol(c, 2);
    STEP(c, "PSUBSCRIBE __key*__:*");
    STEP(c, "GET refused-in-resp2-context");
    rlClient *w = rlClientNew(s);
    STEP(w, "CONFIG SET notify-keyspace-events KEA");
    STEP(w, "SET k v");
    STEP(w, "RENAME k k2");
    STEP(w, "SWAPDB 0 1");
    STEP(w, "FLUSHALL");
    STEP(w, "SELECT 1");
    STEP(w, "MOVE k2 0");
    dropOutbox(s);
    /* Released while subscribed: every entry it alone held goes. */
    rlClientRelease(c);
    CHECKED(s, "releasing a subscribed client");
    TEST_ASSERT(listOf(s->pubsub_shard, "s2")->n == 1);
    TEST_ASSERT(listOf(s->pubsub_patterns, "__key*__:*") == NULL);
    rlClientRelease(a);
    CHECKED(s, "releasing a second subscribed client");
    TEST_ASSERT(dictSize(s->pubsub_patterns) == 0 && dictSize(s->pubsub_shard) == 1);
    rlClientRelease(b);
    CHECKED(s, "releasing the last subscriber");
    TEST_ASSERT(dictSize(s->pubsub_channels) == 0 && dictSize(s->pubsub_shard) == 0);
    rlClientRelease(w);
    rlServerRelease(s);
    return 0;
}

/* Watchers, blocked clients and subscribers together, through database commands. */
int test_debug_registries_together(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *w = rlClientNew(s), *bl = rlClientNew(s), *sub = rlClientNew(s);
    STEP(sub, "SUBSCRIBE ch");
    STEP(sub, "PSUBSCRIBE *");
    STEP(w, "WATCH q k");
    STEP(bl, "BLPOP q k 0");
    STEP(a, "SET k v");
    STEP(a, "RENAME k q2");
    STEP(a, "MOVE q2 3");
    STEP(a, "SWAPDB 0 3");
    STEP(a, "SELECT 3");
    STEP(a, "RPUSH q x");
    STEP(a, "SWAPDB 3 0");
    TEST_ASSERT(!rlClientIsBlocked(bl));
    EXPECT(w, "MULTI", "+OK\r\n");
    EXPECT(w, "EXEC", "_\r\n");
    STEP(w, "WATCH q");
    STEP(bl, "BLPOP q 0");
    STEP(a, "FLUSHALL");
    STEP(a, "PUBLISH ch m");
    STEP(w, "SUBSCRIBE ch");
    dropOutbox(s);
    /* The check reads only: the server's RNG (which seeds its scratch sets) is not advanced. */
    uint64_t rng = s->rng;
    CHECKED(s, "the state above");
    TEST_ASSERT(s->rng == rng);
    rlClientRelease(sub);
    CHECKED(s, "releasing the subscriber");
    rlClientRelease(bl);
    CHECKED(s, "releasing the blocked client");
    rlClientRelease(w);
    CHECKED(s, "releasing the watcher");
    TEST_ASSERT(watchedEntries(s) == 0 && blockingEntries(s) == 0);
    TEST_ASSERT(dictSize(s->pubsub_channels) == 0 && dictSize(s->pubsub_patterns) == 0);
    rlClientRelease(a);
    rlServerRelease(s);
    return 0;
}

int test_debug_detects_client_list_corruption(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s);
    CHECKED(s, "one client");
    s->connected_clients++;
    CHECK_FAILS(s, "clients", "connected_clients 2");
    s->connected_clients--;
    CHECKED(s, "restoring connected_clients");
    rlClientRelease(a);
    rlServerRelease(s);
    return 0;
}

int test_debug_detects_watch_corruption(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s);
    STEP(a, "WATCH k j");
    STEP(b, "WATCH k");
    rlClientList *k = listOf(s->db[0].watched_keys, "k");
    rlClientList *j = listOf(s->db[0].watched_keys, "j");
    listSnapshot snap;
    snapshotTake(&snap, k);
    /* A stray registration: b is listed under j, which it does not watch. */
    clientListAppend(j, b);
    CHECK_FAILS(s, "watch: db0 'j'", "lists client 2, whose own record lacks it");
    clientListRemove(j, b);
    CHECKED(s, "restoring j");
    /* A watched key whose registration does not list its client. */
    clientListRemove(k, a);
    CHECK_FAILS(s, "watch: db0 'k'", "client 1 records it, but the registry does not list");
    snapshotRestore(&snap, k);
    CHECKED(s, "restoring k");
    /* A client listed twice, and an entry left empty. */
    clientListAppend(k, b);
    CHECK_FAILS(s, "watch: db0 'k'", "lists a client twice");
    snapshotRestore(&snap, k);
    size_t n = j->n;
    j->n = 0;
    CHECK_FAILS(s, "watch: db0 'j'", "empty entry left behind");
    j->n = n;
    /* A registration of a client that is not live (as a released one would be): the check
     * looks its address up and never reads it. */
    rlClient ghost;
    memset(&ghost, 0, sizeof(ghost));
    clientListAppend(k, &ghost);
    CHECK_FAILS(s, "watch: db0 'k'", "not live");
    snapshotRestore(&snap, k);
    /* The client's own record of another database than the registration's. */
    a->watched[0].db = &s->db[1];
    CHECK_FAILS(s, "watch: db1", "registry does not list the client");
    a->watched[0].db = &s->db[0];
    CHECKED(s, "restoring everything");
    rlClientRelease(a);
    rlClientRelease(b);
    rlServerRelease(s);
    return 0;
}

int test_debug_detects_blocking_corruption(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s), *c = rlClientNew(s);
    STEP(b, "BLPOP q 0");
    STEP(c, "BLPOP q p 0");
    rlClientList *q = listOf(s->db[0].blocking_keys, "q");
    listSnapshot snap;
    snapshotTake(&snap, q);
    /* A blocked client missing from its key's queue. */
    clientListRemove(q, b);
    CHECK_FAILS(s, "blocking: db0 'q'", "client 2 records it, but the registry does not list");
    snapshotRestore(&snap, q);
    CHECKED(s, "restoring q");
    /* An unblocked client listed; a released one; a client blocked in another database. */
    clientListAppend(q, a);
    CHECK_FAILS(s, "blocking: db0 'q'", "not blocked");
    snapshotRestore(&snap, q);
    rlClient ghost;
    memset(&ghost, 0, sizeof(ghost));
    clientListAppend(q, &ghost);
    CHECK_FAILS(s, "blocking: db0 'q'", "not live");
    snapshotRestore(&snap, q);
    b->bstate.db = &s->db[1];
    CHECK_FAILS(s, "blocking: db0 'q'", "blocked in another database");
    b->bstate.db = &s->db[0];
    /* A client flagged blocked without a wait, and an unblocked one holding a wait. */
    a->flags |= CLIENT_BLOCKED;
    CHECK_FAILS(s, "blocking: client 1", "its wait has no database");
    a->flags &= ~CLIENT_BLOCKED;
    a->bstate.nkeys = 1;
    CHECK_FAILS(s, "blocking: client 1", "not blocked but holds a wait");
    a->bstate.nkeys = 0;
    /* The ready list and ready_keys disagree. */
    dictAdd(s->db[0].ready_keys, "q", 1, NULL);
    CHECK_FAILS(s, "blocking: db0", "ready_keys 1");
    dictDelete(s->db[0].ready_keys, "q", 1);
    CHECKED(s, "restoring everything");
    rlClientRelease(a);
    rlClientRelease(b);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}

int test_debug_detects_pubsub_corruption(void) {
    testClock clk;
    rlServer *s = testServerNew(&clk, 7);
    rlClient *a = rlClientNew(s), *b = rlClientNew(s);
    STEP(a, "SUBSCRIBE ch");
    STEP(b, "SUBSCRIBE ch");
    STEP(b, "PSUBSCRIBE p*");
    STEP(b, "SSUBSCRIBE sh");
    rlClientList *ch = listOf(s->pubsub_channels, "ch");
    rlClientList *pat = listOf(s->pubsub_patterns, "p*");
    rlClientList *sh = listOf(s->pubsub_shard, "sh");
    listSnapshot snap;
    /* A subscriber deleted from its channel's list. */
    snapshotTake(&snap, ch);
    clientListRemove(ch, a);
    CHECK_FAILS(s, "pubsub channels: 'ch'", "client 1 records it, but the registry does not");
    snapshotRestore(&snap, ch);
    CHECKED(s, "restoring ch");
    /* A pattern listing a client that did not subscribe to it. */
    clientListAppend(pat, a);
    CHECK_FAILS(s, "pubsub patterns: 'p*'", "lists client 1, whose own record lacks it");
    clientListRemove(pat, a);
    /* A shard channel entry left empty. */
    sh->n = 0;
    CHECK_FAILS(s, "pubsub shard channels: 'sh'", "empty entry left behind");
    sh->n = 1;
    /* A name in a client's own set that no registry entry backs. */
    dictAdd(a->sub_channels, "zz", 2, NULL);
    CHECK_FAILS(s, "pubsub channels: 'zz'", "client 1 records it");
    dictDelete(a->sub_channels, "zz", 2);
    /* A released client left on a channel. */
    rlClient ghost;
    memset(&ghost, 0, sizeof(ghost));
    clientListAppend(ch, &ghost);
    CHECK_FAILS(s, "pubsub channels: 'ch'", "not live");
    snapshotRestore(&snap, ch);
    CHECKED(s, "restoring everything");
    rlClientRelease(a);
    rlClientRelease(b);
    rlServerRelease(s);
    return 0;
}
