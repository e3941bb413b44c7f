/* server.c -- server and client lifetime, the clock, and the server commands that read
 * server state (PING, ECHO, TIME, INFO). */
#include "server.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define RL_VERSION "0.1.0"
#define RL_REDIS_COMPAT_VERSION "7.0.15"

static long long defaultClockUs(void *ctx) {
    (void)ctx;
    struct timespec ts;
    if (timespec_get(&ts, TIME_UTC) != TIME_UTC) return 0;
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

long long rlServerClockUs(rlServer *s) {
    return s->cfg.clock(s->cfg.clock_ctx);
}

/* Destructor for keyspace dict entries: the value is an robj inside the entry. */
void serverFreeObjectCallback(void *privdata, dictEntry *de) {
    rlServer *s = privdata;
    freeObjectContents(s, keyVal(de));
}

/* Size of a keyspace entry's inline robj. */
static size_t keyValSize(const void *val) {
    return objectAllocSize(val);
}

/* Dict entries come from the server's slab allocator (privdata is the server). */
void *serverEntryAlloc(void *privdata, size_t size) {
    return slabAlloc(&((rlServer *)privdata)->slab, size);
}

void serverEntryFree(void *privdata, void *p, size_t size) {
    slabFree(&((rlServer *)privdata)->slab, p, size);
}

/* The dict's own memory is charged to the server's slab account (privdata: the server). */
void serverDictAccount(void *privdata, long long delta) {
    rlSlab *sl = &((rlServer *)privdata)->slab;
    if (delta >= 0)
        slabCharge(sl, (size_t)delta);
    else
        slabUncharge(sl, (size_t)-delta);
}

static const dictType keysDictType = {
    serverFreeObjectCallback, serverEntryAlloc, serverEntryFree, serverDictAccount, 0, keyValSize};
static const dictType plainDictType = {
    NULL, serverEntryAlloc, serverEntryFree, serverDictAccount, 0, NULL};
/* Watched keys: key -> rlClientList*, plain malloc (entries are few and short-lived). */
static const dictType clientListDictType = {NULL, NULL, NULL, NULL, 0, NULL};
/* The command lookup dict outlives slab resets (emptyDb), so it uses malloc. */
static const dictType commandsDictType = {NULL, NULL, NULL, NULL, 0, NULL};

/* Keys only, plain malloc: a command's scratch set (it never outlives the command). */
static const dictType scratchDictType = {NULL, NULL, NULL, NULL, 0, NULL};

dict *serverCreateDict(rlServer *s, const dictType *type) {
    return dictCreate(type, s, rlRandNext(&s->rng), rlRandNext(&s->rng));
}

dict *serverCreateScratchDict(rlServer *s) {
    return serverCreateDict(s, &scratchDictType);
}

dict *serverCreateKeysDict(rlServer *s) {
    return serverCreateDict(s, &keysDictType);
}

dict *serverCreateExpiresDict(rlServer *s) {
    return serverCreateDict(s, &plainDictType);
}

rlServer *rlServerNew(const rlConfig *cfg) {
    rlServer *s = rl_calloc(1, sizeof(*s));
    s->refcount = 1;
    if (cfg) s->cfg = *cfg;
    if (!cfg) s->cfg.active_expire = 1;
    if (!s->cfg.clock) s->cfg.clock = defaultClockUs;
    s->start_us = rlServerClockUs(s);
    s->rng = s->cfg.seed ? s->cfg.seed : (uint64_t)s->start_us ^ (uint64_t)(uintptr_t)s;
    if (s->rng == 0) s->rng = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < RL_DBNUM; i++) {
        s->db[i].id = i;
        s->db[i].srv = s;
        s->db[i].keys = serverCreateKeysDict(s);
        s->db[i].expires = serverCreateExpiresDict(s);
        s->db[i].watched_keys = serverCreateDict(s, &clientListDictType);
    }
    s->commands = serverCreateDict(s, &commandsDictType);
    commandsPopulate(s);
    pubsubInit(s);
    blockingInit(s);
    s->next_client_id = 1;
    /* Redis's defaults, except the policy: a cache with a limit evicts (allkeys-lru) */
    s->maxmemory_policy = MAXMEMORY_ALLKEYS_LRU;
    s->maxmemory_samples = 5;
    s->eviction_tenacity = 10;
    s->lfu_log_factor = 10;
    s->lfu_decay_time = 1;
    s->active_expire_effort = 1;
    s->clock_ms = s->start_us / 1000;
    s->cron_due_us = s->start_us + 100000; /* the embedder's first call (hz 10) */
    return s;
}

void rlServerRetain(rlServer *s) {
    s->refcount++;
}

void rlServerRelease(rlServer *s) {
    if (!s || --s->refcount > 0) return;
    for (int i = 0; i < RL_DBNUM; i++) {
        dictRelease(s->db[i].keys);
        dictRelease(s->db[i].expires);
        dictRelease(s->db[i].watched_keys); /* empty: every client unwatched on release */
    }
    pubsubFree(s);
    blockingFree(s);
    outboxFree(s);
    while (s->lazyfree_head)
        lazyfreeStep(s, -1);
    dictRelease(s->commands);
    evictFree(s);
    sdsfree(s->evict_key);
    slabRelease(&s->slab);
    rl_free(s);
}

rlClient *rlClientNew(rlServer *s) {
    rlClient *c = rl_calloc(1, sizeof(*c));
    c->srv = s;
    c->db = &s->db[0];
    c->id = s->next_client_id++;
    blockingClientAdd(c);
    rlServerRetain(s);
    s->connected_clients++;
    return c;
}

void rlClientRelease(rlClient *c) {
    if (!c) return;
    freeClientMultiState(c);
    unwatchAllKeys(c);
    pubsubClientRelease(c);
    blockingClientRemove(c);
    c->srv->connected_clients--;
    rlServerRelease(c->srv);
    rl_free(c);
}

/* ---------------------------------------------------------------- client lists */

void clientListAppend(rlClientList *l, rlClient *c) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->v = rl_realloc(l->v, l->cap * sizeof(*l->v));
    }
    l->v[l->n++] = c;
}

int clientListRemove(rlClientList *l, rlClient *c) {
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i] == c) {
            memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof(*l->v));
            l->n--;
            return 1;
        }
    }
    return 0;
}

void clientListFree(rlClientList *l) {
    if (!l) return;
    rl_free(l->v);
    rl_free(l);
}

/* ---------------------------------------------------------------- commands */

/* CLIENT ID */
void clientIdCommand(rlClient *c) {
    addReplyLongLong(c, (long long)c->id);
}

/* PING [message] */
void pingCommand(rlClient *c) {
    if (c->argc > 2) {
        addReplyErrorArity(c);
    } else if (c->argc == 2) {
        addReplyBulk(c, c->argv[1], c->argvlen[1]);
    } else {
        /* A subscribed RESP2 client gets ["pong", ""], which node-redis reads as 'pong'. */
        addReplyStatus(c, clientInResp2PubsubContext(c) ? "pong" : "PONG");
    }
}

/* ECHO message */
void echoCommand(rlClient *c) {
    addReplyBulk(c, c->argv[1], c->argvlen[1]);
}

/* TIME: [seconds, microseconds] as two bulk strings. */
void timeCommand(rlClient *c) {
    addReplyArrayLen(c, 2);
    addReplyBulkLongLong(c, cmdNowUs(c) / 1000000);
    addReplyBulkLongLong(c, cmdNowUs(c) % 1000000);
    addReplyAggregateEnd(c, RL_AGG_ARRAY);
}

/* Whether INFO's argument list selects section 'name' (default sections when empty). */
static int infoWants(rlClient *c, const char *name, int is_default) {
    if (c->argc == 1) return is_default;
    for (int i = 1; i < c->argc; i++) {
        if (argEq(c, i, name) || argEq(c, i, "all") || argEq(c, i, "everything")) return 1;
        if (argEq(c, i, "default") && is_default) return 1;
    }
    return 0;
}

static sds infoSection(sds info, int *sections, const char *title) {
    if ((*sections)++) info = sdscat(info, "\r\n");
    return sdscatprintf(info, "# %s\r\n", title);
}

/* INFO [section ...]: Server, Clients, Memory, Stats and Keyspace, in Redis's text format. */
void infoCommand(rlClient *c) {
    rlServer *s = c->srv;
    sds info = sdsempty();
    int sections = 0;
    long long uptime = (cmdNowUs(c) - s->start_us) / 1000000;
    if (infoWants(c, "server", 1)) {
        info = infoSection(info, &sections, "Server");
        info = sdscatprintf(info,
                            "redis_version:%s\r\nredlite_version:%s\r\nredis_mode:standalone\r\n"
                            "arch_bits:%d\r\nuptime_in_seconds:%lld\r\nuptime_in_days:%lld\r\n"
                            "hz:10\r\n",
                            RL_REDIS_COMPAT_VERSION, RL_VERSION, (int)(sizeof(void *) * 8), uptime,
                            uptime / 86400);
    }
    if (infoWants(c, "clients", 1)) {
        info = infoSection(info, &sections, "Clients");
        info = sdscatprintf(info, "connected_clients:%d\r\n", s->connected_clients);
    }
    if (infoWants(c, "memory", 1)) {
        info = infoSection(info, &sections, "Memory");
        info = infoMemorySection(s, info);
    }
    if (infoWants(c, "stats", 1)) {
        info = infoSection(info, &sections, "Stats");
        info = sdscatprintf(info,
                            "total_commands_processed:%lld\r\nexpired_keys:%lld\r\n"
                            "expired_stale_perc:%.2f\r\nevicted_keys:%lld\r\n"
                            "keyspace_hits:%lld\r\nkeyspace_misses:%lld\r\n",
                            s->stats.total_commands, s->stats.expired_keys,
                            (double)s->stats.expired_stale_perc_x100 / 100.0, s->stats.evicted_keys,
                            s->stats.keyspace_hits, s->stats.keyspace_misses);
    }
    if (infoWants(c, "keyspace", 1)) {
        info = infoSection(info, &sections, "Keyspace");
        for (int i = 0; i < RL_DBNUM; i++) {
            long long keys = (long long)dictSize(s->db[i].keys);
            long long vkeys = (long long)dictSize(s->db[i].expires);
            if (keys == 0) continue;
            info = sdscatprintf(info, "db%d:keys=%lld,expires=%lld,avg_ttl=%lld\r\n", i, keys,
                                vkeys, s->db[i].avg_ttl);
        }
    }
    addReplyVerbatim(c, info, sdslen(info));
    sdsfree(info);
}
