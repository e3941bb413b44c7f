/* server.h -- internal structures and prototypes of the core, grouped by file. */
#ifndef RL_SERVER_H
#define RL_SERVER_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "redlite.h"
#include "alloc.h"
#include "dict.h"
#include "intset.h"
#include "listpack.h"
#include "quicklist.h"
#include "zskiplist.h"
#include "sds.h"
#include "slab.h"
#include "util.h"
#include "errors.h"

#define RL_OK 0
#define RL_ERR -1

#define RL_DBNUM 16
/* Largest string value, as Redis's default proto-max-bulk-len (512 MB). */
#define RL_MAX_STRING_SIZE (512LL * 1024 * 1024)
/* Strings up to this length report OBJECT ENCODING "embstr", as in Redis. */
#define RL_EMBSTR_LIMIT 44

/* ---------------------------------------------------------------- objects */

/* Types, numbered as Redis numbers them. */
#define OBJ_STRING 0
#define OBJ_LIST 1
#define OBJ_SET 2
#define OBJ_ZSET 3
#define OBJ_HASH 4

#define OBJ_ENCODING_RAW 0       /* u.ptr is an sds */
#define OBJ_ENCODING_INT 1       /* u.ll holds the value */
#define OBJ_ENCODING_EMBSTR 2    /* bytes follow the header in the same allocation */
#define OBJ_ENCODING_HT 3        /* u.ptr is a dict (hash: field -> value, t_hash.c) */
#define OBJ_ENCODING_LISTPACK 4  /* u.ptr is a listpack (hash: field, value, field...) */
#define OBJ_ENCODING_INTSET 5    /* u.ptr is an intset */
#define OBJ_ENCODING_SKIPLIST 6  /* u.ptr is a zset (skiplist + dict) */
#define OBJ_ENCODING_QUICKLIST 7 /* u.ptr is a quicklist */

/* Encoding thresholds: what redis-server 7.0 uses when started without a config file
 * (its built-in defaults: hash-max-listpack-entries 512, -value 64...). */
#define HASH_MAX_LISTPACK_ENTRIES 512
#define HASH_MAX_LISTPACK_VALUE 64
#define SET_MAX_INTSET_ENTRIES 512
#define ZSET_MAX_LISTPACK_ENTRIES 128
#define ZSET_MAX_LISTPACK_VALUE 64
/* Collections above this many elements are freed in slices by the cron (lazy free). */
#define LAZYFREE_THRESHOLD 64

/* A value. Strings created by SET live in one allocation (EMBSTR: a 4-byte header then the
 * bytes, with no NUL: a 100-byte value takes 104 bytes); strings that are modified in place
 * (APPEND, SETRANGE) become RAW (an sds that can grow); integers that fit a long long are
 * INT. The header word holds the type, the encoding and an EMBSTR's length; 'u' (the RAW
 * sds, the INT, a collection's pointer) is at offset 8, where an EMBSTR's bytes are. */
typedef struct robj {
    unsigned type : 4;
    unsigned encoding : 4;
    unsigned shared : 1; /* an integer Redis would share (OBJECT REFCOUNT; evict.c) */
    unsigned len : 23;   /* EMBSTR: byte length (at most OBJ_EMBSTR_MAX_LEN: longer strings
                            are RAW); RAW converted from EMBSTR: that old length, which sizes
                            the allocation; otherwise 0. (Redis keeps its LRU clock in these
                            bits; ours is in the key's dict entry.) */
    union {
        void *ptr;
        long long ll;
    } u;
} robj;
_Static_assert(sizeof(robj) == 16 && offsetof(robj, u) == 8, "robj: header word, pad, u");

/* An EMBSTR's bytes start right after the 4-byte header word. */
#define OBJ_EMBSTR_OFFSET 4
#define OBJ_EMBSTR_DATA(o) ((char *)(o) + OBJ_EMBSTR_OFFSET)
#define OBJ_EMBSTR_MAX_LEN ((1u << 23) - 1)

/* The value of a keyspace entry (of a db's 'keys' dict): the robj lives in the entry itself,
 * after the key (dictInlineVal), so a key and its value are one allocation and a lookup
 * reads one object, not two. The pointer is valid until the key is deleted or its value
 * replaced (setKey); rehashing never moves entries. */
static inline robj *keyVal(const dictEntry *de) {
    return (robj *)dictInlineVal(de);
}

/* ---------------------------------------------------------------- server */

/* Clients in the order they were added (subscribers of a channel, watchers of a key). */
typedef struct rlClientList {
    rlClient **v;
    size_t n, cap;
} rlClientList;

/* Keyspace notification classes (notify-keyspace-events letters), as Redis numbers them. */
#define NOTIFY_KEYSPACE (1 << 0)  /* K */
#define NOTIFY_KEYEVENT (1 << 1)  /* E */
#define NOTIFY_GENERIC (1 << 2)   /* g */
#define NOTIFY_STRING (1 << 3)    /* $ */
#define NOTIFY_LIST (1 << 4)      /* l */
#define NOTIFY_SET (1 << 5)       /* s */
#define NOTIFY_HASH (1 << 6)      /* h */
#define NOTIFY_ZSET (1 << 7)      /* z */
#define NOTIFY_EXPIRED (1 << 8)   /* x */
#define NOTIFY_EVICTED (1 << 9)   /* e */
#define NOTIFY_STREAM (1 << 10)   /* t */
#define NOTIFY_KEY_MISS (1 << 11) /* m */
#define NOTIFY_MODULE (1 << 13)   /* d */
#define NOTIFY_NEW (1 << 14)      /* n */
#define NOTIFY_ALL                                                                                 \
    (NOTIFY_GENERIC | NOTIFY_STRING | NOTIFY_LIST | NOTIFY_SET | NOTIFY_HASH | NOTIFY_ZSET |       \
     NOTIFY_EXPIRED | NOTIFY_EVICTED | NOTIFY_STREAM | NOTIFY_MODULE) /* A */

/* A message waiting in the outbox (outbox.c). */
typedef struct rlOutMsg rlOutMsg;

/* A key that clients are blocked on and that a command may have filled (blocking.c). */
typedef struct readyKey {
    struct rlDb *db;
    sds key;
    struct readyKey *next;
} readyKey;

typedef struct rlDb {
    dict *keys;          /* key -> robj* */
    dict *expires;       /* key -> s64 absolute unix time in ms */
    dict *watched_keys;  /* key -> rlClientList* of the clients WATCHing it */
    dict *blocking_keys; /* key -> rlClientList* of the clients blocked on it, in order */
    dict *ready_keys;    /* keys already in the server's ready list (blocking.c) */
    struct rlServer *srv;
    int id;
    long long avg_ttl;          /* estimate, as Redis's INFO keyspace avg_ttl */
    unsigned long evict_cursor; /* where eviction sampling resumes (dictSampleKeysAt) */
} rlDb;

typedef struct rlStats {
    long long keyspace_hits, keyspace_misses;
    long long expired_keys;
    long long evicted_keys;
    size_t used_memory_peak;
    long long expired_stale_perc_x100;
    long long total_commands;
    long long expire_cycle_cpu_us;
    long long lazyfree_pending;
} rlStats;

/* One deferred free, released in slices by the cron (FLUSHALL ASYNC, big values): a whole
 * dict, or another structure ('obj') freed by 'freeSome' (qlReleaseSome, zslFreeSome: free
 * up to 'budget' elements, return 0 once everything, 'obj' included, is freed). */
typedef struct rlLazyFree {
    dict *d;
    void *obj;
    int (*freeSome)(rlSlab *sl, void *obj, long budget);
    int table;         /* which of the dict's two tables is being freed */
    unsigned long idx; /* next bucket of that table */
    struct rlLazyFree *next;
} rlLazyFree;

struct rlServer {
    int refcount;
    rlConfig cfg;
    uint64_t rng;
    rlDb db[RL_DBNUM];
    dict *commands; /* lowercase name -> const rlCommand* */
    rlStats stats;
    long long start_us;
    /* active expire cycle state (Redis keeps these as statics in expire.c) */
    int expire_db;
    unsigned long expire_cursor[RL_DBNUM];
    rlLazyFree *lazyfree_head, *lazyfree_tail;
    /* background work (cron.c): when rlCron is next due, and commands since the last check
     * that it has not been starved */
    long long cron_due_us;
    unsigned cron_check_tick;
    int connected_clients;
    uint64_t next_client_id;
    rlSlab slab; /* small objects: dict entries, value headers (slab.h) */
    /* pub/sub (pubsub.c): channel / pattern -> rlClientList* of subscribers */
    dict *pubsub_channels, *pubsub_patterns, *pubsub_shard;
    sds pubsub_rec;   /* scratch: the recording of the message being published */
    int notify_flags; /* NOTIFY_* (notify-keyspace-events) */
    /* outbox (outbox.c): messages for clients, drained by the embedder */
    rlOutMsg *outbox_head, *outbox_tail;
    size_t outbox_len;
    int outbox_signal; /* set when the outbox turns non-empty; see rlOutboxTakeSignal */
    /* blocking (blocking.c) */
    readyKey *ready_head, *ready_tail;
    dict *clients_by_id; /* 8-byte client id -> rlClient* (CLIENT UNBLOCK) */
    /* memory limits and eviction (evict.c; CONFIG parameters of the same names) */
    unsigned long long maxmemory; /* bytes of keyspace (slabUsed), 0: no limit */
    unsigned long long maxkeys;   /* keys in all databases, 0: no limit */
    int maxmemory_policy;         /* MAXMEMORY_* */
    int maxmemory_samples;
    int eviction_tenacity;
    int lfu_log_factor, lfu_decay_time;
    int active_expire_effort;
    long long clock_ms;     /* the clock at its last reading (stamps keys' LRU/LFU clock) */
    unsigned lru_clock_now; /* LRU clock when the current eviction step started */
    int evict_next_db;      /* random policies: round robin over databases */
    struct evictionPoolEntry *evict_pool;
    struct evictVictim *evict_batch; /* scratch: the keys of one batch of evictions */
    sds evict_key;                   /* scratch: the key being evicted (random policies) */
};

typedef struct rlCommand rlCommand;
typedef void rlCommandProc(rlClient *c);

struct rlCommand {
    rlCommandInfo info;
    rlCommandProc *proc; /* NULL for a container: dispatch on argv[1] */
};

/* A queued command inside MULTI: copies of the arguments. */
typedef struct rlQueued {
    const rlCommand *cmd;
    int argc;
    char **argv;
    size_t *argvlen;
} rlQueued;

#define CLIENT_MULTI (1 << 0)
#define CLIENT_DIRTY_EXEC (1 << 1)
#define CLIENT_DIRTY_CAS (1 << 2)    /* a WATCHed key was modified: EXEC fails */
#define CLIENT_BLOCKED (1 << 3)      /* waiting in a blocking command (bstate) */
#define CLIENT_REPROCESSING (1 << 4) /* running its blocked command again (blocking.c) */
#define CLIENT_IN_EXEC (1 << 5)      /* running EXEC's queue: blocking commands never block */
#define CLIENT_RESP2 (1 << 6)        /* speaks RESP2: subscriber-mode rules apply (pubsub.c) */

/* What a blocked client waits for: its keys (in bstate.db) and its command, kept to be run
 * again when one of the keys is filled. */
typedef struct blockState {
    int btype; /* OBJ_LIST or OBJ_ZSET */
    rlDb *db;
    sds *keys;
    int nkeys;
    long long timeout_ms; /* as given (0: none); the embedder times the wait */
    int reply_flags;      /* the embedder's flags for the reply (rlClientSetBlockedReplyFlags) */
    rlQueued cmdline;     /* the command, run again when a key is ready */
} blockState;

/* A key a client WATCHes. 'expired': it was logically expired when watched. */
typedef struct watchedKey {
    rlDb *db;
    int expired;
    sds key;
} watchedKey;

/* Entries in a client's cache of recently looked-up command names. */
#define CLIENT_CMD_CACHE 4
#define CLIENT_CMD_CACHE_NAME 16

struct rlClient {
    rlServer *srv;
    rlDb *db;
    int flags;
    /* the command being executed */
    int argc;
    const char *const *argv;
    const size_t *argvlen;
    const rlCommand *cmd;
    int now_valid;            /* now_ms/now_us hold this command's time (see cmdNowMs) */
    const dictEntry *touched; /* the key whose access clock this command refreshed last */
    long long now_ms;
    long long now_us;
    /* the reply sink */
    const rlReplyOps *ops;
    void *ctx;
    /* recently used command names, exactly as sent (skips hashing on hot loops) */
    struct {
        const rlCommand *cmd;
        uint8_t len;
        char name[CLIENT_CMD_CACHE_NAME];
    } cmdcache[CLIENT_CMD_CACHE];
    unsigned cmdcache_next;
    /* MULTI */
    rlQueued *mstate;
    int mcount, mcap;
    /* WATCH */
    watchedKey *watched;
    size_t nwatched, capwatched;
    uint64_t id;    /* unique in its server, from 1 (CLIENT ID) */
    int push_flags; /* the embedder's flags, copied into each outbox message (outbox.c) */
    /* pub/sub: this client's channels and patterns (keys only), NULL until first used */
    dict *sub_channels, *sub_patterns, *sub_shard;
    blockState bstate; /* valid while CLIENT_BLOCKED */
};

/* ---------------------------------------------------------------- server.c */
long long rlServerClockUs(rlServer *s);
void serverFreeObjectCallback(void *privdata, dictEntry *de);
/* dictType entryAlloc/entryFree over the server's slab (privdata: the rlServer). */
void *serverEntryAlloc(void *privdata, size_t size);
void serverEntryFree(void *privdata, void *p, size_t size);
/* dictType account: charge a keyspace dict's own memory to the server (privdata). */
void serverDictAccount(void *privdata, long long delta);
/* A dict of 'type' with the server as privdata and fresh seeds from the server's RNG. */
dict *serverCreateDict(rlServer *s, const dictType *type);
/* A keys-only dict on plain malloc for one command's temporary use (HRANDFIELD's picks...). */
dict *serverCreateScratchDict(rlServer *s);
dict *serverCreateKeysDict(rlServer *s);
dict *serverCreateExpiresDict(rlServer *s);
void infoCommand(rlClient *c);
void pingCommand(rlClient *c);
void echoCommand(rlClient *c);
void timeCommand(rlClient *c);

/* The command's time in microseconds / milliseconds: the clock is read at the first use in a
 * command (for EXEC, in the whole transaction) and that value is used for the rest of it, as
 * Redis's command time snapshot. Commands that never need the time (GET on a database
 * without TTLs) never read the clock. */
static inline long long cmdNowUs(rlClient *c) {
    if (!c->now_valid) {
        c->now_us = rlServerClockUs(c->srv);
        c->now_ms = c->now_us / 1000;
        c->now_valid = 1;
        c->srv->clock_ms = c->now_ms;
    }
    return c->now_us;
}

static inline long long cmdNowMs(rlClient *c) {
    cmdNowUs(c);
    return c->now_ms;
}

/* ---------------------------------------------------------------- commands.c */
const rlCommand *lookupCommand(rlServer *s, const char *name, size_t len);
/* The table's row 'i' (the order of rlCommandAt), or NULL past the end. */
const rlCommand *commandAt(size_t i);
void commandsPopulate(rlServer *s);
const rlCommand *lookupSubcommand(rlServer *s, const rlCommand *container, const char *name,
                                  size_t len);

/* ---------------------------------------------------------------- dispatch.c */
void call(rlClient *c, const rlCommand *cmd);

/* ---------------------------------------------------------------- reply.c */
void addReplyStatus(rlClient *c, const char *s);
void addReplyError(rlClient *c, const char *err);
void addReplyErrorFormat(rlClient *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void addReplyErrorArity(rlClient *c);
void addReplyLongLong(rlClient *c, long long v);
void addReplyDouble(rlClient *c, double d);
void addReplyBulk(rlClient *c, const char *s, size_t len);
void addReplyBulkCString(rlClient *c, const char *s);
void addReplyBulkLongLong(rlClient *c, long long v);
void addReplyBulkObject(rlClient *c, const robj *o);
void addReplyVerbatim(rlClient *c, const char *s, size_t len);
void addReplyNull(rlClient *c);
void addReplyBool(rlClient *c, int v);
void addReplyArrayLen(rlClient *c, long len);
void addReplySetLen(rlClient *c, long len);
void addReplyMapLen(rlClient *c, long len);
void addReplyAggregateEnd(rlClient *c, int kind);
#define addReplyOK(c) addReplyStatus(c, "OK")
/* A sink that writes RESP3 text into an sds (C tests and fuzzing). ctx is an sds*. */
extern const rlReplyOps rlRespSink;

/* ---------------------------------------------------------------- object.c */
robj *createStringObject(rlSlab *sl, const char *s, size_t len);
/* Room for an object image on the stack: an EMBSTR of up to OBJ_STACK_EMBSTR_MAX bytes. */
#define OBJ_STACK_EMBSTR_MAX 240
typedef union {
    robj o;
    char bytes[OBJ_EMBSTR_OFFSET + OBJ_STACK_EMBSTR_MAX];
} robjStack;
/* createStringObject's object built in 'tmp' (no allocation: for storeKeyHashed, which
 * copies it into the key's entry), or NULL when an EMBSTR of 'len' bytes does not fit. */
robj *stringObjectOnStack(robjStack *tmp, const char *s, size_t len);
robj *createEmbeddedStringObject(rlSlab *sl, const char *s, size_t len);
robj *createStringObjectFromLongLong(rlSlab *sl, long long v);
robj *createRawStringObject(rlSlab *sl, const char *s, size_t len);
robj *dupStringObject(rlSlab *sl, const robj *o);
/* A deep copy of any value (COPY). O(N) for collections. */
robj *dupObject(rlServer *s, const robj *o);
/* Free a value. Collections of more than LAZYFREE_THRESHOLD elements are handed to the
 * lazy-free queue (freed in slices by the cron), so this is O(1) for them. */
void freeObject(rlServer *s, robj *o);
/* freeObject without the object's own bytes (its header word stays intact): for a value
 * that lives inside its key's entry, which the dict frees. */
void freeObjectContents(rlServer *s, robj *o);
/* Free an object's own bytes only: for code that moved its contents elsewhere (into a key's
 * entry, or another object). */
void freeObjectHeader(rlSlab *sl, robj *o);
/* Bytes of the object itself (what a copy of it takes): 16, or an EMBSTR's header and
 * bytes. */
size_t objectAllocSize(const robj *o);
size_t stringObjectLen(const robj *o);
/* Bytes of a string object; 'buf' (RL_LONG_STR_SIZE) holds the digits of an INT. */
const char *stringObjectPtr(const robj *o, char *buf, size_t *len);
/* APPEND / SETRANGE in place: the object turns RAW (an sds that grows) and stays where it
 * is. Return the new length. */
size_t stringObjectAppend(rlSlab *sl, robj *o, const char *p, size_t len);
size_t stringObjectSetRange(rlSlab *sl, robj *o, size_t offset, const char *p, size_t len);
const char *objectEncodingName(const robj *o);
const char *objectTypeName(const robj *o);
/* A header for a collection of 'type' with 'encoding' whose body is 'ptr'. */
robj *createObject(rlSlab *sl, int type, int encoding, void *ptr);
int getLongLongFromArg(rlClient *c, int idx, long long *v);
int getLongLongFromArgOrReply(rlClient *c, int idx, long long *v, const char *msg);
int getLongDoubleFromArgOrReply(rlClient *c, int idx, long double *v, const char *msg);
int argEq(rlClient *c, int idx, const char *token);
/* The length to print argv['idx'] with "%.*s" in an error (arguments are not NUL-terminated):
 * at most 128 bytes, and never past a NUL byte. */
int argPrintLen(const rlClient *c, int idx);
/* The same without the 128-byte cap: argv['idx'] as Redis prints it with "%s" (up to its
 * first NUL byte; CONFIG SET's errors). */
int argCStrLen(const rlClient *c, int idx);

/* ---------------------------------------------------------------- db.c */
#define LOOKUP_NONE 0
#define LOOKUP_NOSTATS (1 << 0)  /* a write: no keyspace hits/misses, no "keymiss" */
#define LOOKUP_NONOTIFY (1 << 1) /* no "keymiss" notification */
#define LOOKUP_NOTOUCH (1 << 2)  /* leave the key's access clock (LRU/LFU) alone */
robj *lookupKeyRead(rlClient *c, rlDb *db, const char *key, size_t len);
robj *lookupKeyWrite(rlClient *c, rlDb *db, const char *key, size_t len);
robj *lookupKeyReadFlags(rlClient *c, rlDb *db, const char *key, size_t len, int flags);
/* lookupKeyReadFlags's entry (its value is keyVal(de)), or NULL. */
dictEntry *lookupKeyEntryFlags(rlClient *c, rlDb *db, const char *key, size_t len, int flags);
/* Store 'val' at key (overwrite); removes any TTL unless 'keepttl'. Takes ownership: the
 * key's entry gets a copy of the object and 'val' itself is freed (its contents are the
 * key's now). Returns the value as stored. */
robj *setKey(rlClient *c, rlDb *db, const char *key, size_t len, robj *val, int keepttl);
robj *setKeyHashed(rlClient *c, rlDb *db, const char *key, size_t len, uint64_t hash, robj *val,
                   int keepttl);
/* setKeyHashed with 'val' copied and not taken: the caller keeps it (an object image on the
 * stack: stringObjectOnStack). */
robj *storeKeyHashed(rlClient *c, rlDb *db, const char *key, size_t len, uint64_t hash, robj *val,
                     int keepttl);
/* Add a key that does not exist, with value 'val' (taken over as by setKey: use the
 * returned object, not 'val', afterwards). NULL if the key exists ('val' untouched). */
robj *dbAdd(rlDb *db, const char *key, size_t len, robj *val);
int dbDelete(rlDb *db, const char *key, size_t len);
int checkType(rlClient *c, const robj *o, int type);
/* The value of the key at argv['idx'] for a command on 'type': a read lookup, or a write
 * lookup (no hit/miss stats) when 'write'. Returns NULL when the key is missing, and NULL
 * with '*err' set after replying WRONGTYPE when it holds another type. */
robj *lookupArgTyped(rlClient *c, int idx, int type, int write, int *err);
long long rlDbSize(rlDb *db);
/* 1 if 'key' has a TTL that has passed at 'now_ms' (the key is not deleted). */
int keyIsExpiredAt(rlDb *db, const char *key, size_t len, long long now_ms);
void emptyDb(rlServer *s, int dbnum, int async);
rlDb *selectDbOrNull(rlServer *s, long long id);
void delCommand(rlClient *c);
void unlinkCommand(rlClient *c);
void existsCommand(rlClient *c);
void typeCommand(rlClient *c);
void keysCommand(rlClient *c);
void scanCommand(rlClient *c);
void renameCommand(rlClient *c);
void renamenxCommand(rlClient *c);
void copyCommand(rlClient *c);
void moveCommand(rlClient *c);
void randomkeyCommand(rlClient *c);
void touchCommand(rlClient *c);
void objectEncodingCommand(rlClient *c);
void objectIdletimeCommand(rlClient *c);
void objectFreqCommand(rlClient *c);
void objectRefcountCommand(rlClient *c);
void dbsizeCommand(rlClient *c);
void flushdbCommand(rlClient *c);
void flushallCommand(rlClient *c);
void selectCommand(rlClient *c);
void swapdbCommand(rlClient *c);
/* SCAN-family helpers (HSCAN, SSCAN, ZSCAN share them). */
int parseScanCursorOrReply(rlClient *c, int idx, unsigned long *cursor);
typedef struct scanOptions {
    long long count;
    const char *pat; /* NULL: match everything */
    size_t plen;
    const char *type; /* SCAN only */
    size_t tlen;
} scanOptions;
/* Parse [MATCH p] [COUNT n] (and [TYPE t] when 'allow_type') from argv['start']. */
int parseScanOptionsOrReply(rlClient *c, int start, int allow_type, scanOptions *opt);

/* SCAN and the collection scans visit at most COUNT * SCAN_MAX_ITER_FACTOR buckets per call,
 * as Redis does; scanMaxIterations saturates (COUNT may be up to LLONG_MAX). */
#define SCAN_MAX_ITER_FACTOR 10
static inline long long scanMaxIterations(long long count) {
    return count > LLONG_MAX / SCAN_MAX_ITER_FACTOR ? LLONG_MAX : count * SCAN_MAX_ITER_FACTOR;
}
/* Parse LMPOP/ZMPOP's "numkeys key [key ...] END [COUNT count]" from argv[1]: END is 'end0'
 * ('*where' 0) or 'end1' (1), at argv['*where_idx'] (the keys are argv[2..*where_idx));
 * '*count' is 1 when absent. Replies Redis's error and returns RL_ERR on bad input. */
int parseMpopArgsOrReply(rlClient *c, const char *end0, const char *end1, int *where,
                         int *where_idx, long long *count);
/* Parse HRANDFIELD/ZRANDMEMBER's "count [WITH...]" at argv[2..3] ('withword': "withvalues"
 * or "withscores") with Redis 7.0's range checks; replies and returns RL_ERR on bad input. */
int parseRandCountOrReply(rlClient *c, const char *withword, long long *count, int *with);

/* ---------------------------------------------------------------- expire.c */
long long getExpire(rlDb *db, const char *key, size_t len);
void setExpire(rlDb *db, const char *key, size_t len, long long when_ms);
int removeExpire(rlDb *db, const char *key, size_t len);
/* Delete the key if expired at the command's time; returns 1 if it was (or is) expired. */
int expireIfNeeded(rlClient *c, rlDb *db, const char *key, size_t len);
int activeExpireCycle(rlServer *s, long long budget_us);
void expireCommand(rlClient *c);
void pexpireCommand(rlClient *c);
void expireatCommand(rlClient *c);
void pexpireatCommand(rlClient *c);
void ttlCommand(rlClient *c);
void pttlCommand(rlClient *c);
void expiretimeCommand(rlClient *c);
void pexpiretimeCommand(rlClient *c);
void persistCommand(rlClient *c);

/* ---------------------------------------------------------------- t_string.c */
void getCommand(rlClient *c);
void setCommand(rlClient *c);
void setnxCommand(rlClient *c);
void setexCommand(rlClient *c);
void psetexCommand(rlClient *c);
void mgetCommand(rlClient *c);
void msetCommand(rlClient *c);
void msetnxCommand(rlClient *c);
void getsetCommand(rlClient *c);
void getdelCommand(rlClient *c);
void getexCommand(rlClient *c);
void appendCommand(rlClient *c);
void strlenCommand(rlClient *c);
void getrangeCommand(rlClient *c);
void setrangeCommand(rlClient *c);
void incrCommand(rlClient *c);
void decrCommand(rlClient *c);
void incrbyCommand(rlClient *c);
void decrbyCommand(rlClient *c);
void incrbyfloatCommand(rlClient *c);

/* ---------------------------------------------------------------- t_hash.c */
robj *createHashObject(rlSlab *sl);
unsigned long hashTypeLength(const robj *o);
robj *hashTypeDup(rlServer *s, const robj *o);
void hashTypeFree(rlServer *s, robj *o);
/* A dict for a hash (entries and values from the server slab). */
dict *hashCreateDict(rlServer *s);
/* Bytes of the body by the slab's count; 'samples' > 0 extrapolates (memory.c). */
size_t hashTypeMemUsage(const robj *o, long samples);
void hsetCommand(rlClient *c);
void hmsetCommand(rlClient *c);
void hsetnxCommand(rlClient *c);
void hgetCommand(rlClient *c);
void hmgetCommand(rlClient *c);
void hgetallCommand(rlClient *c);
void hdelCommand(rlClient *c);
void hexistsCommand(rlClient *c);
void hlenCommand(rlClient *c);
void hstrlenCommand(rlClient *c);
void hkeysCommand(rlClient *c);
void hvalsCommand(rlClient *c);
void hincrbyCommand(rlClient *c);
void hincrbyfloatCommand(rlClient *c);
void hrandfieldCommand(rlClient *c);
void hscanCommand(rlClient *c);

/* ---------------------------------------------------------------- t_set.c */
unsigned long setTypeSize(const robj *o);
int setTypeIsMember(const robj *o, const char *m, size_t len);
/* Call 'fn' for every member. An intset member's bytes are valid during the call only; a
 * hashtable member's until the set changes. */
void setTypeForEach(const robj *o, void (*fn)(void *ctx, const char *m, size_t len), void *ctx);
robj *setTypeDup(rlServer *s, const robj *o);
void setTypeFree(rlServer *s, robj *o);
size_t setTypeMemUsage(const robj *o, long samples);
void saddCommand(rlClient *c);
void sremCommand(rlClient *c);
void sismemberCommand(rlClient *c);
void smismemberCommand(rlClient *c);
void smembersCommand(rlClient *c);
void scardCommand(rlClient *c);
void spopCommand(rlClient *c);
void srandmemberCommand(rlClient *c);
void sinterCommand(rlClient *c);
void sunionCommand(rlClient *c);
void sdiffCommand(rlClient *c);
void sinterstoreCommand(rlClient *c);
void sunionstoreCommand(rlClient *c);
void sdiffstoreCommand(rlClient *c);
void sintercardCommand(rlClient *c);
void smoveCommand(rlClient *c);
void sscanCommand(rlClient *c);

/* ---------------------------------------------------------------- t_list.c */
unsigned long listTypeLength(const robj *o);
robj *listTypeDup(rlServer *s, const robj *o);
void listTypeFree(rlServer *s, robj *o);
void lpushCommand(rlClient *c);
void rpushCommand(rlClient *c);
void lpushxCommand(rlClient *c);
void rpushxCommand(rlClient *c);
void lpopCommand(rlClient *c);
void rpopCommand(rlClient *c);
void llenCommand(rlClient *c);
void lindexCommand(rlClient *c);
void lrangeCommand(rlClient *c);
void lposCommand(rlClient *c);
void lsetCommand(rlClient *c);
void ltrimCommand(rlClient *c);
void lremCommand(rlClient *c);
void linsertCommand(rlClient *c);
void lmoveCommand(rlClient *c);
void rpoplpushCommand(rlClient *c);
void lmpopCommand(rlClient *c);
void blpopCommand(rlClient *c);
void brpopCommand(rlClient *c);
void blmoveCommand(rlClient *c);
void brpoplpushCommand(rlClient *c);
void blmpopCommand(rlClient *c);

/* ---------------------------------------------------------------- t_zset.c */
unsigned long zsetLength(const robj *o);
robj *zsetTypeDup(rlServer *s, const robj *o);
void zsetTypeFree(rlServer *s, robj *o);
/* NULL when a zset is well formed, else what is wrong (debug check). */
const char *zsetTypeCheck(const robj *o);
size_t zsetTypeMemUsage(const robj *o, long samples);
void zaddCommand(rlClient *c);
void zincrbyCommand(rlClient *c);
void zscoreCommand(rlClient *c);
void zmscoreCommand(rlClient *c);
void zcardCommand(rlClient *c);
void zremCommand(rlClient *c);
void zrankCommand(rlClient *c);
void zrevrankCommand(rlClient *c);
void zcountCommand(rlClient *c);
void zlexcountCommand(rlClient *c);
void zrangeCommand(rlClient *c);
void zrangestoreCommand(rlClient *c);
void zrevrangeCommand(rlClient *c);
void zrangebyscoreCommand(rlClient *c);
void zrevrangebyscoreCommand(rlClient *c);
void zrangebylexCommand(rlClient *c);
void zrevrangebylexCommand(rlClient *c);
void zremrangebyrankCommand(rlClient *c);
void zremrangebyscoreCommand(rlClient *c);
void zremrangebylexCommand(rlClient *c);
void zpopminCommand(rlClient *c);
void zpopmaxCommand(rlClient *c);
void zmpopCommand(rlClient *c);
void bzpopminCommand(rlClient *c);
void bzpopmaxCommand(rlClient *c);
void bzmpopCommand(rlClient *c);
void zrandmemberCommand(rlClient *c);
void zunionstoreCommand(rlClient *c);
void zinterstoreCommand(rlClient *c);
void zdiffstoreCommand(rlClient *c);
void zunionCommand(rlClient *c);
void zinterCommand(rlClient *c);
void zdiffCommand(rlClient *c);
void zintercardCommand(rlClient *c);
void zscanCommand(rlClient *c);

/* ---------------------------------------------------------------- multi.c */
void multiCommand(rlClient *c);
void execCommand(rlClient *c);
void discardCommand(rlClient *c);
void queueMultiCommand(rlClient *c, const rlCommand *cmd);
/* The RL_CMD_* flags of every queued command, or-ed. */
int multiQueuedFlags(const rlClient *c);
/* Refuse EXEC with "EXECABORT Transaction discarded because of: <error>" and discard. */
void execCommandAbort(rlClient *c, const char *error);
/* Copy the client's current command line (for 'cmd') into 'q' / free such a copy. */
void queuedCopy(rlQueued *q, const rlClient *c, const rlCommand *cmd);
void queuedFree(rlQueued *q);
void freeClientMultiState(rlClient *c);
void watchCommand(rlClient *c);
void unwatchCommand(rlClient *c);
/* Forget every key 'c' watches (EXEC, DISCARD, UNWATCH, client release). */
void unwatchAllKeys(rlClient *c);
/* Mark the clients watching 'key' in 'db' dirty (their EXEC will fail). */
void touchWatchedKey(rlDb *db, const char *key, size_t len);
/* FLUSHDB/FLUSHALL/SWAPDB: mark dirty the watchers of every key of 'emptied' that exists
 * there or (SWAPDB) in 'replaced_with' (may be NULL). */
void touchAllWatchedKeysInDb(rlDb *emptied, rlDb *replaced_with);
/* Every write of a key calls this after modifying it (Redis's signalModifiedKey): WATCH
 * invalidation. Free when nobody watches a key of 'db'. 'c' may be NULL (expiry). */
static inline void signalModifiedKey(rlClient *c, rlDb *db, const char *key, size_t len) {
    (void)c;
    if (dictSize(db->watched_keys)) touchWatchedKey(db, key, len);
}

/* ---------------------------------------------------------------- server.c (client lists) */
void clientListAppend(rlClientList *l, rlClient *c);
/* Remove 'c' (keeping the order of the rest). Returns 1 if it was there. */
int clientListRemove(rlClientList *l, rlClient *c);
void clientListFree(rlClientList *l);

/* ---------------------------------------------------------------- outbox.c */
/* A sink that records a reply into an sds (ctx: an sds*), for outboxAppend. */
extern const rlReplyOps rlRecordSink;
/* Queue the recording 'rec' for client 'c' (copied), to be rendered with 'flags'. */
void outboxAppend(rlServer *s, rlClient *c, int kind, const sds rec, int flags);
void outboxFree(rlServer *s);

/* ---------------------------------------------------------------- pubsub.c */
void pubsubInit(rlServer *s);
void pubsubFree(rlServer *s);
/* Unsubscribe 'c' from everything (client release). */
void pubsubClientRelease(rlClient *c);
/* RESP2 subscriber mode: replies Redis's error and returns 1 when 'cmd' may not run now. */
int pubsubRejectInContext(rlClient *c, const rlCommand *cmd);
/* 1 for a RESP2 client subscribed to anything (PING then answers "pong"). */
int clientInResp2PubsubContext(const rlClient *c);
/* Deliver 'msg' on channel 'ch' to its subscribers and matching patterns' subscribers;
 * returns the number of receivers. */
long long pubsubPublishMessage(rlServer *s, const char *ch, size_t chlen, const char *msg,
                               size_t msglen);
void subscribeCommand(rlClient *c);
void unsubscribeCommand(rlClient *c);
void psubscribeCommand(rlClient *c);
void punsubscribeCommand(rlClient *c);
void publishCommand(rlClient *c);
void ssubscribeCommand(rlClient *c);
void sunsubscribeCommand(rlClient *c);
void spublishCommand(rlClient *c);
void pubsubShardchannelsCommand(rlClient *c);
void pubsubShardnumsubCommand(rlClient *c);
void pubsubChannelsCommand(rlClient *c);
void pubsubNumsubCommand(rlClient *c);
void pubsubNumpatCommand(rlClient *c);

/* ---------------------------------------------------------------- blocking.c */
/* Make the command line start 'n' arguments later (negative: undo): BLMPOP/BZMPOP run
 * LMPOP/ZMPOP's parser on their arguments after the timeout. */
static inline void clientShiftArgs(rlClient *c, int n) {
    c->argv += n;
    c->argvlen += n;
    c->argc -= n;
}
void blockingInit(rlServer *s);
void blockingFree(rlServer *s);
/* Register / forget a client by id (CLIENT UNBLOCK); forgetting also unblocks it. */
void blockingClientAdd(rlClient *c);
void blockingClientRemove(rlClient *c);
/* Parse a blocking command's timeout (seconds, a float) at argv['idx'] into milliseconds
 * (0: wait forever) with Redis 7.0's errors. */
int getTimeoutFromArgOrReply(rlClient *c, int idx, long long *timeout_ms);
/* Block the client on the 'nkeys' keys at argv['keyidx'[i]] (the command replies nothing);
 * inside EXEC reply null instead; when re-run for a ready key, leave it blocked. */
void blockForKeys(rlClient *c, int btype, const int *keyidx, int nkeys, long long timeout_ms);
/* BLMPOP / BZMPOP: "timeout numkeys key [key ...] 'end0'|'end1' [COUNT n]". Checks the
 * arguments (as LMPOP/ZMPOP on the line after the timeout), then the timeout, then runs
 * 'mpop' (LMPOP/ZMPOP's work on that shifted line: 1 when it replied); blocks the client
 * with 'btype' on the keys when it did not. */
int blockingMpopCommand(rlClient *c, const char *end0, const char *end1, int btype,
                        int (*mpop)(rlClient *c, int *where_idx));
/* blockForKeys on the keys at argv['first'..'last'] (inclusive). */
void blockForKeyRange(rlClient *c, int btype, int first, int last, long long timeout_ms);
void unblockClient(rlClient *c);
void signalKeyAsReadySlow(rlDb *db, const char *key, size_t len);
/* A key was created in 'db' (or received data): clients blocked on it get a chance after
 * the command. One test while nobody is blocked in 'db'. */
static inline void signalKeyAsReady(rlDb *db, const char *key, size_t len) {
    if (dictSize(db->blocking_keys)) signalKeyAsReadySlow(db, key, len);
}
/* Serve blocked clients on the keys made ready (after each top-level command). */
void handleClientsBlockedOnKeys(rlServer *s);
void scanDatabaseForReadyKeys(rlDb *db);
void clientUnblockCommand(rlClient *c);

/* ---------------------------------------------------------------- notify.c */
/* Parse notify-keyspace-events letters; -1 on an unknown letter. */
int keyspaceEventsStringToFlags(const char *s, size_t len);
/* The letters for 'flags' as CONFIG GET prints them; 'buf' holds at least 16 bytes. */
size_t keyspaceEventsFlagsToString(int flags, char *buf);
void notifyKeyspaceEventSlow(rlServer *s, int type, const char *event, const char *key,
                             size_t keylen, int dbid);
/* Publish keyspace event 'event' of class 'type' (NOTIFY_*) about 'key' in 'db': one test
 * and nothing more while notifications are off. */
static inline void notifyKeyspaceEvent(int type, const char *event, const char *key, size_t keylen,
                                       rlDb *db) {
    if (db->srv->notify_flags & type)
        notifyKeyspaceEventSlow(db->srv, type, event, key, keylen, db->id);
}

/* ---------------------------------------------------------------- config.c */
void configGetCommand(rlClient *c);
void configSetCommand(rlClient *c);
void configResetStatCommand(rlClient *c);
void clientIdCommand(rlClient *c);

/* ---------------------------------------------------------------- memory.c */
/* Bytes of a dict by the slab's count: its own allocations, its entries (key bytes
 * included) and, when 'valueBytes' is given, what each entry's value holds. With 'samples'
 * > 0, measures that many entries and extrapolates (MEMORY USAGE's SAMPLES). */
size_t dictMemUsage(const dict *d, long samples, size_t (*valueBytes)(const dictEntry *de));
/* Bytes value 'o' holds beyond the object itself (which lives in its key's entry: the
 * entry's size counts it) by the slab's count; exact when 'samples' <= 0. */
size_t objectMemUsage(const robj *o, long samples);
/* Every byte the keyspace holds, recounted by walking it: equals slabUsed() whenever no lazy
 * free is pending (rlDebugCheck verifies it). O(N). */
size_t keyspaceMemRecount(rlServer *s);
/* INFO's "# Memory" section appended to 'info'. */
sds infoMemorySection(rlServer *s, sds info);
void memoryUsageCommand(rlClient *c);

/* ---------------------------------------------------------------- evict.c */
/* Policies, numbered as Redis numbers them. */
#define MAXMEMORY_FLAG_LRU (1 << 0)
#define MAXMEMORY_FLAG_LFU (1 << 1)
#define MAXMEMORY_FLAG_ALLKEYS (1 << 2)
#define MAXMEMORY_VOLATILE_LRU ((0 << 8) | MAXMEMORY_FLAG_LRU)
#define MAXMEMORY_VOLATILE_LFU ((1 << 8) | MAXMEMORY_FLAG_LFU)
#define MAXMEMORY_VOLATILE_TTL (2 << 8)
#define MAXMEMORY_VOLATILE_RANDOM (3 << 8)
#define MAXMEMORY_ALLKEYS_LRU ((4 << 8) | MAXMEMORY_FLAG_LRU | MAXMEMORY_FLAG_ALLKEYS)
#define MAXMEMORY_ALLKEYS_LFU ((5 << 8) | MAXMEMORY_FLAG_LFU | MAXMEMORY_FLAG_ALLKEYS)
#define MAXMEMORY_ALLKEYS_RANDOM ((6 << 8) | MAXMEMORY_FLAG_ALLKEYS)
#define MAXMEMORY_NO_EVICTION (7 << 8)
/* performEvictions results (Redis's). */
#define EVICT_OK 0      /* under every limit */
#define EVICT_RUNNING 1 /* still over, but the step ran out of time: the cron goes on */
#define EVICT_FAIL 2    /* over, and nothing may be evicted */
/* The LRU clock: 24 bits of LRU_CLOCK_RESOLUTION_MS units (wraps after ~3.1 days; Redis
 * counts seconds and wraps after 194 days, too coarse to order keys of a cache that turns
 * over within a second). */
#define LRU_CLOCK_MAX ((1U << 24) - 1)
#define LRU_CLOCK_RESOLUTION_MS 16
static inline unsigned lruClockFromMs(long long ms) {
    return (unsigned)((unsigned long long)ms / LRU_CLOCK_RESOLUTION_MS) & LRU_CLOCK_MAX;
}
const char *evictPolicyName(int policy);
/* The policy named 's' (any case), or -1. */
int evictPolicyFromName(const char *s, size_t len);
/* The access clock of a key is the 'meta' field of its entry in db->keys (24 bits: the
 * LRU clock, or LFU's minutes << 8 | counter, as Redis's robj.lru). Sampling candidates for
 * eviction then reads the entries only, not the values they point to. */
/* Milliseconds since the key of 'de' was last accessed (LRU policies), reading the clock. */
unsigned long long estimateKeyIdleTime(rlServer *s, const dictEntry *de);
/* The decayed LFU counter of the key of 'de' (OBJECT FREQ), reading the clock now. */
unsigned long keyFreq(rlServer *s, const dictEntry *de);
void keyTouchLFU(rlServer *s, dictEntry *de);
/* Stamp a key entering the keyspace with the access clock of the current policy. */
void keyInitClock(rlServer *s, dictEntry *de);
/* A key was accessed: refresh its LRU stamp, or bump its LFU counter. O(1). */
static inline void keyTouch(rlServer *s, dictEntry *de) {
    if (s->maxmemory_policy & MAXMEMORY_FLAG_LFU)
        keyTouchLFU(s, de);
    else
        de->meta = lruClockFromMs(s->clock_ms);
}
/* 1 when a limit (maxmemory or maxkeys) is set. */
static inline int evictLimitSet(const rlServer *s) {
    return (s->maxmemory | s->maxkeys) != 0;
}
/* Evict keys until under every limit, within the time budget of one step (bounded work;
 * lazy frees pending first). Returns EVICT_*. */
int performEvictions(rlServer *s);
/* 1 when the keyspace holds maxkeys keys and no key may be evicted to make room for one
 * more (noeviction, or volatile policies without keys with a TTL): maxkeys is a hard
 * limit, so commands that may add a key are refused as out of memory. */
int evictKeysFull(const rlServer *s);
/* Mark 'o', just stored by a SET-like command or INCR, as Redis would share it: an integer
 * 0..9999 while no LRU/LFU limit needs per-key clocks. Only OBJECT REFCOUNT looks. */
void objectMaybeShare(const rlServer *s, robj *o);
void evictFree(rlServer *s);

/* ---------------------------------------------------------------- lazyfree.c / cron.c */
void lazyfreeDict(rlServer *s, dict *d);
void freeDictMaybeLazy(rlServer *s, dict *d);
void lazyfreeObject(rlServer *s, void *obj, int (*freeSome)(rlSlab *, void *, long));
int lazyfreeStep(rlServer *s, long budget_entries);
/* Called before each command: every CRON_CHECK_EVERY commands, runs rlCron (in 0.5 ms)
 * if it is more than CRON_STARVED_US (5 ms) overdue, as when the embedder's timer cannot fire
 * because the caller never yields to its event loop (a loop of awaited calls resolves in
 * microtasks only). Redis runs its serverCron between commands however busy it is. */
void cronRunIfStarved(rlServer *s);

#endif
