/* pubsub.c -- channels and patterns of one server: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE,
 * PUNSUBSCRIBE, PUBLISH, PUBSUB CHANNELS/NUMSUB/NUMPAT, and the publishing primitive the
 * keyspace notifications use.
 *
 * The server maps each channel (and each pattern) to the clients subscribed to it, in the
 * order they subscribed (Redis 7.0 keeps a list per channel); each client keeps the set of
 * its own channels and patterns. A published message is recorded once and appended to the
 * server's outbox for every receiver (outbox.c): delivery happens when the embedder drains
 * the outbox, never inside PUBLISH.
 *
 * Replies: the subscription commands reply with one array per channel, as Redis pushes
 * one ["subscribe", channel, count] message per channel; here they come as one array of
 * those arrays (a command has exactly one reply). Messages are ["message", channel,
 * payload] and ["pmessage", pattern, channel, payload], as Redis pushes them. */
#include "server.h"

#include <string.h>

static const dictType registryDictType = {NULL, NULL, NULL, NULL, 0, NULL};

static dict *newRegistry(rlServer *s) {
    return serverCreateDict(s, &registryDictType);
}

void pubsubInit(rlServer *s) {
    s->pubsub_channels = newRegistry(s);
    s->pubsub_patterns = newRegistry(s);
    s->pubsub_shard = newRegistry(s);
}

/* The three kinds of subscription: channels, patterns, and shard channels (SSUBSCRIBE: a
 * namespace of its own, counted apart, as in a Redis 7.0 server without cluster). */
enum { SUB_CHANNEL, SUB_PATTERN, SUB_SHARD };
static const char *const subNames[3][2] = {
    {"subscribe", "unsubscribe"}, {"psubscribe", "punsubscribe"}, {"ssubscribe", "sunsubscribe"}};

static dict *registryOf(rlServer *s, int kind) {
    return kind == SUB_CHANNEL   ? s->pubsub_channels
           : kind == SUB_PATTERN ? s->pubsub_patterns
                                 : s->pubsub_shard;
}

static dict **mineOf(rlClient *c, int kind) {
    return kind == SUB_CHANNEL   ? &c->sub_channels
           : kind == SUB_PATTERN ? &c->sub_patterns
                                 : &c->sub_shard;
}

static void freeRegistry(dict *d) {
    dictIterator *it = dictGetIterator(d);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        clientListFree(dictGetVal(de));
    }
    dictReleaseIterator(it);
    dictRelease(d);
}

void pubsubFree(rlServer *s) {
    freeRegistry(s->pubsub_channels);
    freeRegistry(s->pubsub_patterns);
    freeRegistry(s->pubsub_shard);
    sdsfree(s->pubsub_rec);
    s->pubsub_rec = NULL;
}

/* The count Redis reports in a confirmation: channels plus patterns, or (SSUBSCRIBE) shard
 * channels. */
static long long subscriptionCount(const rlClient *c, int kind) {
    if (kind == SUB_SHARD) return (long long)(c->sub_shard ? dictSize(c->sub_shard) : 0);
    return (long long)((c->sub_channels ? dictSize(c->sub_channels) : 0) +
                       (c->sub_patterns ? dictSize(c->sub_patterns) : 0));
}

/* Add 'c' to the server registry 'reg' and the client's own set '*mine' under 'name'.
 * Returns 1 if it was not subscribed yet. */
static int subscribe(rlClient *c, dict *reg, dict **mine, const char *name, size_t len) {
    if (!*mine) *mine = newRegistry(c->srv);
    if (dictAdd(*mine, name, len, NULL) != DICT_OK) return 0;
    dictEntry *existing = NULL;
    dictEntry *de = dictAddRaw(reg, name, len, &existing);
    if (de) dictSetVal(de, rl_calloc(1, sizeof(rlClientList)));
    clientListAppend(de ? dictGetVal(de) : dictGetVal(existing), c);
    return 1;
}

/* Remove 'c' from 'reg' and '*mine' under 'name'. Returns 1 if it was subscribed. */
static int unsubscribe(rlClient *c, dict *reg, dict *mine, const char *name, size_t len) {
    if (!mine || dictDelete(mine, name, len) != DICT_OK) return 0;
    dictEntry *de = dictFind(reg, name, len);
    if (!de) return 1;
    rlClientList *subs = dictGetVal(de);
    clientListRemove(subs, c);
    if (subs->n == 0) {
        clientListFree(subs);
        dictDelete(reg, name, len);
    }
    return 1;
}

/* One confirmation: [what ('unsub': the unsubscribe word), name or null, count]. */
static void replySubscription(rlClient *c, int kind, int unsub, const char *name, size_t len) {
    addReplyArrayLen(c, 3);
    addReplyBulkCString(c, subNames[kind][unsub]);
    if (name)
        addReplyBulk(c, name, len);
    else
        addReplyNull(c);
    addReplyLongLong(c, subscriptionCount(c, kind));
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE name [name ...] */
static void subscribeGeneric(rlClient *c, int kind) {
    dict *reg = registryOf(c->srv, kind);
    dict **mine = mineOf(c, kind);
    addReplyArrayLen(c, c->argc - 1);
    for (int i = 1; i < c->argc; i++) {
        subscribe(c, reg, mine, c->argv[i], c->argvlen[i]);
        replySubscription(c, kind, 0, c->argv[i], c->argvlen[i]);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

void subscribeCommand(rlClient *c) {
    subscribeGeneric(c, SUB_CHANNEL);
}

void psubscribeCommand(rlClient *c) {
    subscribeGeneric(c, SUB_PATTERN);
}

void ssubscribeCommand(rlClient *c) {
    subscribeGeneric(c, SUB_SHARD);
}

/* Unsubscribe 'c' from everything in '*mine'; replies one confirmation each when 'notify'.
 * Returns how many. */
static long unsubscribeAll(rlClient *c, int kind, int notify) {
    dict *reg = registryOf(c->srv, kind);
    dict *mine = *mineOf(c, kind);
    if (!mine || dictSize(mine) == 0) return 0;
    long n = 0;
    dictIterator *it = dictGetSafeIterator(mine);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        /* Copy the name: unsubscribe frees the entry it lives in. */
        size_t len = de->keylen;
        sds name = sdsnewlen(de->key, len);
        unsubscribe(c, reg, mine, name, len);
        if (notify) replySubscription(c, kind, 1, name, len);
        sdsfree(name);
        n++;
    }
    dictReleaseIterator(it);
    return n;
}

/* UNSUBSCRIBE / PUNSUBSCRIBE / SUNSUBSCRIBE [name ...] */
static void unsubscribeGeneric(rlClient *c, int kind) {
    dict *reg = registryOf(c->srv, kind);
    dict *mine = *mineOf(c, kind);
    if (c->argc == 1) {
        long n = mine ? (long)dictSize(mine) : 0;
        addReplyArrayLen(c, n ? n : 1);
        if (!unsubscribeAll(c, kind, 1)) replySubscription(c, kind, 1, NULL, 0);
        addReplyAggregateEnd(c, RL_AGG_ARRAY);
        return;
    }
    addReplyArrayLen(c, c->argc - 1);
    for (int i = 1; i < c->argc; i++) {
        unsubscribe(c, reg, mine, c->argv[i], c->argvlen[i]);
        replySubscription(c, kind, 1, c->argv[i], c->argvlen[i]);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

void unsubscribeCommand(rlClient *c) {
    unsubscribeGeneric(c, SUB_CHANNEL);
}

void punsubscribeCommand(rlClient *c) {
    unsubscribeGeneric(c, SUB_PATTERN);
}

void sunsubscribeCommand(rlClient *c) {
    unsubscribeGeneric(c, SUB_SHARD);
}

int clientInResp2PubsubContext(const rlClient *c) {
    return (c->flags & CLIENT_RESP2) && ((c->sub_channels && dictSize(c->sub_channels)) ||
                                         (c->sub_patterns && dictSize(c->sub_patterns)) ||
                                         (c->sub_shard && dictSize(c->sub_shard)));
}

int pubsubRejectInContext(rlClient *c, const rlCommand *cmd) {
    static const char *const allowed[] = {"subscribe",    "unsubscribe", "psubscribe",
                                          "punsubscribe", "ssubscribe",  "sunsubscribe",
                                          "ping"};
    if (!clientInResp2PubsubContext(c)) return 0;
    for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
        if (strcmp(cmd->info.name, allowed[i]) == 0) return 0;
    addReplyErrorFormat(
        c,
        "Can't execute '%s': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / "
        "RESET are allowed in this context",
        cmd->info.name);
    return 1;
}

void rlClientSetProtocol(rlClient *c, int resp) {
    if (resp == 2)
        c->flags |= CLIENT_RESP2;
    else
        c->flags &= ~CLIENT_RESP2;
}

void pubsubClientRelease(rlClient *c) {
    for (int kind = SUB_CHANNEL; kind <= SUB_SHARD; kind++) {
        dict **mine = mineOf(c, kind);
        unsubscribeAll(c, kind, 0);
        if (*mine) dictRelease(*mine);
        *mine = NULL;
    }
}

/* Queue the recording in s->pubsub_rec for every client of 'subs'. */
static void deliver(rlServer *s, const rlClientList *subs) {
    for (size_t i = 0; i < subs->n; i++)
        outboxAppend(s, subs->v[i], RL_OUT_MESSAGE, s->pubsub_rec, subs->v[i]->push_flags);
}

/* Record [bulk...] with 'n' strings into the server's scratch recording. */
static void record(rlServer *s, int n, const char *const *parts, const size_t *lens) {
    if (!s->pubsub_rec) s->pubsub_rec = sdsempty();
    sdsclear(s->pubsub_rec);
    rlRecordSink.aggregate_begin(&s->pubsub_rec, RL_AGG_ARRAY, n);
    for (int i = 0; i < n; i++)
        rlRecordSink.bulk(&s->pubsub_rec, parts[i], lens[i]);
    rlRecordSink.aggregate_end(&s->pubsub_rec, RL_AGG_ARRAY);
}

long long pubsubPublishMessage(rlServer *s, const char *ch, size_t chlen, const char *msg,
                               size_t msglen) {
    long long receivers = 0;
    dictEntry *de = dictSize(s->pubsub_channels) ? dictFind(s->pubsub_channels, ch, chlen) : NULL;
    if (de) {
        const rlClientList *subs = dictGetVal(de);
        const char *parts[3] = {"message", ch, msg};
        size_t lens[3] = {7, chlen, msglen};
        record(s, 3, parts, lens);
        deliver(s, subs);
        receivers += (long long)subs->n;
    }
    if (dictSize(s->pubsub_patterns)) {
        dictIterator *it = dictGetIterator(s->pubsub_patterns);
        while ((de = dictNext(it)) != NULL) {
            if (!stringmatchlen(de->key, de->keylen, ch, chlen, 0)) continue;
            const rlClientList *subs = dictGetVal(de);
            const char *parts[4] = {"pmessage", de->key, ch, msg};
            size_t lens[4] = {8, de->keylen, chlen, msglen};
            record(s, 4, parts, lens);
            deliver(s, subs);
            receivers += (long long)subs->n;
        }
        dictReleaseIterator(it);
    }
    return receivers;
}

/* SPUBLISH shard-channel message: to the shard channel's subscribers only (no patterns). */
void spublishCommand(rlClient *c) {
    rlServer *s = c->srv;
    dictEntry *de =
        dictSize(s->pubsub_shard) ? dictFind(s->pubsub_shard, c->argv[1], c->argvlen[1]) : NULL;
    long long receivers = 0;
    if (de) {
        const rlClientList *subs = dictGetVal(de);
        const char *parts[3] = {"smessage", c->argv[1], c->argv[2]};
        size_t lens[3] = {8, c->argvlen[1], c->argvlen[2]};
        record(s, 3, parts, lens);
        deliver(s, subs);
        receivers = (long long)subs->n;
    }
    addReplyLongLong(c, receivers);
}

/* PUBLISH channel message */
void publishCommand(rlClient *c) {
    addReplyLongLong(
        c, pubsubPublishMessage(c->srv, c->argv[1], c->argvlen[1], c->argv[2], c->argvlen[2]));
}

/* PUBSUB CHANNELS / SHARDCHANNELS [pattern] over registry 'reg'. */
static void channelsGeneric(rlClient *c, dict *reg) {
    if (c->argc > 3) {
        addReplyErrorFormat(c, RL_ERR_SUBCMD_SYNTAX_FMT, argPrintLen(c, 1), c->argv[1], "PUBSUB");
        return;
    }
    const char *pat = c->argc == 3 ? c->argv[2] : NULL;
    size_t plen = c->argc == 3 ? c->argvlen[2] : 0;
    long n = 0;
    dictIterator *it = dictGetIterator(reg);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL)
        if (!pat || stringmatchlen(pat, plen, de->key, de->keylen, 0)) n++;
    dictReleaseIterator(it);
    addReplyArrayLen(c, n);
    it = dictGetIterator(reg);
    while ((de = dictNext(it)) != NULL)
        if (!pat || stringmatchlen(pat, plen, de->key, de->keylen, 0))
            addReplyBulk(c, de->key, de->keylen);
    dictReleaseIterator(it);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

void pubsubChannelsCommand(rlClient *c) {
    channelsGeneric(c, c->srv->pubsub_channels);
}

void pubsubShardchannelsCommand(rlClient *c) {
    channelsGeneric(c, c->srv->pubsub_shard);
}

/* PUBSUB NUMSUB / SHARDNUMSUB [channel ...] over 'reg': a flat array of channel, count pairs
 * (as Redis 7.0 replies). */
static void numsubGeneric(rlClient *c, dict *reg) {
    addReplyArrayLen(c, (long)(c->argc - 2) * 2);
    for (int i = 2; i < c->argc; i++) {
        dictEntry *de = dictFind(reg, c->argv[i], c->argvlen[i]);
        addReplyBulk(c, c->argv[i], c->argvlen[i]);
        addReplyLongLong(c, de ? (long long)((const rlClientList *)dictGetVal(de))->n : 0);
    }
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

void pubsubNumsubCommand(rlClient *c) {
    numsubGeneric(c, c->srv->pubsub_channels);
}

void pubsubShardnumsubCommand(rlClient *c) {
    numsubGeneric(c, c->srv->pubsub_shard);
}

/* PUBSUB NUMPAT: the number of patterns with at least one subscriber. */
void pubsubNumpatCommand(rlClient *c) {
    addReplyLongLong(c, (long long)dictSize(c->srv->pubsub_patterns));
}
