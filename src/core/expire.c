/* expire.c -- key expiry: the expires index, lazy expiry on access, the TTL commands, and
 * the active expire cycle (Redis's adaptive sampling, in slices bounded by a time budget).
 *
 * Each database keeps an expires dict: key -> absolute unix time in milliseconds. A key is
 * expired when the command's time is strictly greater than its expire time. */
#include "server.h"

#include <limits.h>
#include <string.h>

/* Keys sampled per loop of the active cycle (Redis: ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP), plus
 * a quarter of it per active-expire-effort step above 1, as Redis. */
#define ACTIVE_EXPIRE_KEYS_PER_LOOP 20
#define ACTIVE_EXPIRE_MAX_KEYS_PER_LOOP (ACTIVE_EXPIRE_KEYS_PER_LOOP * 13 / 4)
/* Keep sampling a database while more than this percentage of a sample was expired (one
 * point less per effort step, as Redis). */
#define ACTIVE_EXPIRE_ACCEPTABLE_STALE 10
/* Check the clock every this many loops (reading it is not free). */
#define ACTIVE_EXPIRE_CLOCK_CHECK_LOOPS 4
/* ... and every this many deletions inside a loop. A deletion usually costs 1-2 us, but on
 * the development VM the first deletions after a few seconds idle cost 40-70 us each (memory
 * the host let go cold): a loop of 20 then took over 1 ms, and a 500 us cycle that checked
 * the clock only between loops ran for 4-9 ms. */
#define ACTIVE_EXPIRE_CLOCK_CHECK_DELETES 4
/* A scan step visits at most this many buckets looking for a sample. */
#define ACTIVE_EXPIRE_MAX_BUCKETS (ACTIVE_EXPIRE_MAX_KEYS_PER_LOOP * 20)

#define EXPIRE_NX (1 << 0)
#define EXPIRE_XX (1 << 1)
#define EXPIRE_GT (1 << 2)
#define EXPIRE_LT (1 << 3)

#define UNIT_SECONDS 0
#define UNIT_MILLISECONDS 1

/* ---------------------------------------------------------------- expires index */

/* Absolute expire time (ms) of 'key', or -1 when it has none. */
long long getExpire(rlDb *db, const char *key, size_t len) {
    if (dictSize(db->expires) == 0) return -1;
    dictEntry *de = dictFind(db->expires, key, len);
    return de ? dictGetS64(de) : -1;
}

/* Set the expire time of an existing key. */
void setExpire(rlDb *db, const char *key, size_t len, long long when_ms) {
    dictEntry *existing;
    dictEntry *de = dictAddRaw(db->expires, key, len, &existing);
    if (!de) de = existing;
    dictSetS64(de, when_ms);
}

/* Remove the TTL of 'key'; returns 1 if it had one. */
int removeExpire(rlDb *db, const char *key, size_t len) {
    if (dictSize(db->expires) == 0) return 0;
    return dictDelete(db->expires, key, len) == DICT_OK;
}

/* Delete an expired key, count it, notify "expired" and invalidate WATCHes of it. */
static void deleteExpiredKey(rlServer *s, rlDb *db, const char *key, size_t len) {
    /* 'key' may live in the entry being deleted: keep a copy when someone will need it. */
    int notify = (s->notify_flags & NOTIFY_EXPIRED) != 0;
    sds copy = notify || dictSize(db->watched_keys) ? sdsnewlen(key, len) : NULL;
    dbDelete(db, key, len);
    s->stats.expired_keys++;
    if (copy) {
        notifyKeyspaceEvent(NOTIFY_EXPIRED, "expired", copy, len, db);
        signalModifiedKey(NULL, db, copy, len);
        sdsfree(copy);
    }
}

/* Lazy expiry: if 'key' has expired at the command's time, delete it and return 1. */
int expireIfNeeded(rlClient *c, rlDb *db, const char *key, size_t len) {
    long long when = getExpire(db, key, len);
    if (when < 0 || cmdNowMs(c) <= when) return 0;
    deleteExpiredKey(c->srv, db, key, len);
    return 1;
}

/* ---------------------------------------------------------------- active expiry */

typedef struct expireSample {
    dictEntry *items[ACTIVE_EXPIRE_MAX_BUCKETS];
    unsigned count;
} expireSample;

static void expireSampleCollect(void *privdata, const dictEntry *de) {
    expireSample *sm = privdata;
    if (sm->count < ACTIVE_EXPIRE_MAX_BUCKETS) sm->items[sm->count++] = (dictEntry *)de;
}

/* One sampling loop over 'db': scan buckets of the expires dict from the db's cursor until
 * about ACTIVE_EXPIRE_KEYS_PER_LOOP keys are sampled, delete the expired ones. Stores the
 * number sampled and expired. Returns 1 when it stopped deleting at 'deadline_us' (checked
 * every ACTIVE_EXPIRE_CLOCK_CHECK_DELETES deletions): the cursor then stays where the loop
 * started, so the next loop samples the keys it did not get to again. */
static int activeExpireLoop(rlServer *s, int dbid, long long now_ms, long long deadline_us,
                            unsigned *sampled, unsigned *expired) {
    rlDb *db = &s->db[dbid];
    expireSample sm;
    sm.count = 0;
    unsigned long start_cursor = s->expire_cursor[dbid];
    unsigned long cursor = start_cursor;
    int buckets = 0;
    unsigned want = ACTIVE_EXPIRE_KEYS_PER_LOOP +
                    ACTIVE_EXPIRE_KEYS_PER_LOOP / 4 * (unsigned)(s->active_expire_effort - 1);
    do {
        cursor = dictScan(db->expires, cursor, expireSampleCollect, &sm);
        buckets++;
    } while (cursor && sm.count < want && buckets < ACTIVE_EXPIRE_MAX_BUCKETS &&
             sm.count + 8 < ACTIVE_EXPIRE_MAX_BUCKETS);
    s->expire_cursor[dbid] = cursor;
    *sampled = sm.count;
    *expired = 0;
    /* A double: remaining TTLs reach LLONG_MAX (PEXPIREAT near it), and a sum of two
     * would overflow a long long. */
    double ttl_sum = 0;
    long long ttl_count = 0;
    /* Deleting a key frees only its own entries; rehash steps relink entries without
     * moving them, so the other sampled pointers stay valid. The key bytes are copied out
     * first because dbDelete frees the expires entry they live in. */
    for (unsigned i = 0; i < sm.count; i++) {
        dictEntry *de = sm.items[i];
        if (now_ms > dictGetS64(de)) {
            char small[128];
            size_t len = de->keylen;
            char *key = len < sizeof(small) ? small : rl_malloc(len);
            memcpy(key, de->key, len);
            deleteExpiredKey(s, db, key, len);
            if (key != small) rl_free(key);
            (*expired)++;
            if (*expired % ACTIVE_EXPIRE_CLOCK_CHECK_DELETES == 0 && i + 1 < sm.count &&
                rlServerClockUs(s) >= deadline_us) {
                s->expire_cursor[dbid] = start_cursor;
                *sampled = i + 1;
                return 1;
            }
        } else {
            ttl_sum += (double)(dictGetS64(de) - now_ms);
            ttl_count++;
        }
    }
    if (ttl_count) {
        double q = ttl_sum / (double)ttl_count; /* may round up to 2^63: clamp, then cast */
        long long avg = q >= (double)LLONG_MAX ? LLONG_MAX : (long long)q;
        /* running average as Redis does: 2% new sample weight per loop */
        db->avg_ttl = db->avg_ttl ? (db->avg_ttl / 50) * 49 + (avg / 50) : avg;
    }
    return 0;
}

/* Run the active expire cycle for at most 'budget_us'. Resumes where the previous call
 * stopped (database and scan cursor live on the server). Returns 1 if it stopped because
 * of the budget or because the last sample was still mostly expired (more work pending). */
int activeExpireCycle(rlServer *s, long long budget_us) {
    long long start = rlServerClockUs(s);
    long long now_ms = start / 1000;
    long long total_sampled = 0, total_expired = 0;
    int more = 0;
    for (int n = 0; n < RL_DBNUM; n++) {
        int dbid = s->expire_db;
        rlDb *db = &s->db[dbid];
        int loops = 0, db_more = 0;
        while (dictSize(db->expires) > 0) {
            unsigned sampled, expired;
            int cut = activeExpireLoop(s, dbid, now_ms, start + budget_us, &sampled, &expired);
            total_sampled += sampled;
            total_expired += expired;
            loops++;
            if (cut) {
                db_more = 1;
                break;
            }
            unsigned stale =
                ACTIVE_EXPIRE_ACCEPTABLE_STALE - (unsigned)(s->active_expire_effort - 1);
            if (sampled == 0 || expired * 100 <= sampled * stale) break;
            if (loops % ACTIVE_EXPIRE_CLOCK_CHECK_LOOPS == 0) {
                long long now = rlServerClockUs(s);
                if (now - start >= budget_us) {
                    db_more = 1;
                    break;
                }
                now_ms = now / 1000;
            }
        }
        if (db_more) {
            more = 1;
            break; /* resume this database next time */
        }
        s->expire_db = (s->expire_db + 1) % RL_DBNUM;
        if (rlServerClockUs(s) - start >= budget_us) {
            more = 1;
            break;
        }
    }
    if (total_sampled) {
        long long perc = total_expired * 10000 / total_sampled;
        s->stats.expired_stale_perc_x100 = (perc + s->stats.expired_stale_perc_x100 * 19) / 20;
    }
    s->stats.expire_cycle_cpu_us += rlServerClockUs(s) - start;
    return more;
}

/* ---------------------------------------------------------------- commands */

/* Parse EXPIRE's NX/XX/GT/LT options at argv[3..]; returns RL_ERR after replying. */
static int parseExpireFlagsOrReply(rlClient *c, int *flags) {
    int nx = 0, xx = 0, gt = 0, lt = 0;
    for (int j = 3; j < c->argc; j++) {
        if (argEq(c, j, "nx")) {
            nx = 1;
        } else if (argEq(c, j, "xx")) {
            xx = 1;
        } else if (argEq(c, j, "gt")) {
            gt = 1;
        } else if (argEq(c, j, "lt")) {
            lt = 1;
        } else {
            char opt[129];
            size_t n = c->argvlen[j] < 128 ? c->argvlen[j] : 128;
            memcpy(opt, c->argv[j], n);
            opt[n] = '\0';
            addReplyErrorFormat(c, "Unsupported option %s", opt);
            return RL_ERR;
        }
    }
    if (nx && (xx || gt || lt)) {
        addReplyError(c, RL_ERR_EXPIRE_OPTS);
        return RL_ERR;
    }
    if (gt && lt) {
        addReplyError(c, "GT and LT options at the same time are not compatible");
        return RL_ERR;
    }
    *flags =
        (nx ? EXPIRE_NX : 0) | (xx ? EXPIRE_XX : 0) | (gt ? EXPIRE_GT : 0) | (lt ? EXPIRE_LT : 0);
    return RL_OK;
}

/* EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT key time [NX|XX|GT|LT]: 'basetime' is added to the
 * time (now for the relative forms, 0 for the absolute ones); 'unit' scales it. Notifies
 * "expire", or "del" when the time is already past; nothing when it replies 0. */
static void expireGenericCommand(rlClient *c, long long basetime, int unit) {
    int flags;
    long long when;
    if (parseExpireFlagsOrReply(c, &flags) != RL_OK) return;
    if (getLongLongFromArgOrReply(c, 2, &when, NULL) != RL_OK) return;
    if (unit == UNIT_SECONDS) {
        if (when > LLONG_MAX / 1000 || when < LLONG_MIN / 1000) {
            addReplyErrorFormat(c, RL_ERR_INVALID_EXPIRE_FMT, c->cmd->info.name);
            return;
        }
        when *= 1000;
    }
    if (when > LLONG_MAX - basetime) {
        addReplyErrorFormat(c, RL_ERR_INVALID_EXPIRE_FMT, c->cmd->info.name);
        return;
    }
    when += basetime;
    const char *key = c->argv[1];
    size_t len = c->argvlen[1];
    if (!lookupKeyWrite(c, c->db, key, len)) {
        addReplyLongLong(c, 0);
        return;
    }
    if (flags) {
        long long cur = getExpire(c->db, key, len);
        if (((flags & EXPIRE_NX) && cur != -1) || ((flags & EXPIRE_XX) && cur == -1) ||
            ((flags & EXPIRE_GT) && (cur == -1 || when <= cur)) ||
            ((flags & EXPIRE_LT) && cur != -1 && when >= cur)) {
            addReplyLongLong(c, 0);
            return;
        }
    }
    if (when <= cmdNowMs(c)) {
        /* already past: the key is deleted ("del", as Redis's explicit DEL) */
        dbDelete(c->db, key, len);
        signalModifiedKey(c, c->db, key, len);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "del", key, len, c->db);
    } else {
        setExpire(c->db, key, len, when);
        signalModifiedKey(c, c->db, key, len);
        notifyKeyspaceEvent(NOTIFY_GENERIC, "expire", key, len, c->db);
    }
    addReplyLongLong(c, 1);
}

void expireCommand(rlClient *c) {
    expireGenericCommand(c, cmdNowMs(c), UNIT_SECONDS);
}

void pexpireCommand(rlClient *c) {
    expireGenericCommand(c, cmdNowMs(c), UNIT_MILLISECONDS);
}

void expireatCommand(rlClient *c) {
    expireGenericCommand(c, 0, UNIT_SECONDS);
}

void pexpireatCommand(rlClient *c) {
    expireGenericCommand(c, 0, UNIT_MILLISECONDS);
}

/* TTL/PTTL/EXPIRETIME/PEXPIRETIME: -2 missing key, -1 no TTL; 'ms' selects milliseconds,
 * 'abs' the absolute time instead of the remaining time. */
static void ttlGenericCommand(rlClient *c, int ms, int abs) {
    const char *key = c->argv[1];
    size_t len = c->argvlen[1];
    if (!lookupKeyReadFlags(c, c->db, key, len, LOOKUP_NOTOUCH)) {
        addReplyLongLong(c, -2);
        return;
    }
    long long expire = getExpire(c->db, key, len);
    if (expire == -1) {
        addReplyLongLong(c, -1);
        return;
    }
    long long ttl = abs ? expire : expire - cmdNowMs(c);
    if (ttl < 0) ttl = 0;
    addReplyLongLong(c, ms ? ttl : (ttl + 500) / 1000);
}

void ttlCommand(rlClient *c) {
    ttlGenericCommand(c, 0, 0);
}

void pttlCommand(rlClient *c) {
    ttlGenericCommand(c, 1, 0);
}

void expiretimeCommand(rlClient *c) {
    ttlGenericCommand(c, 0, 1);
}

void pexpiretimeCommand(rlClient *c) {
    ttlGenericCommand(c, 1, 1);
}

/* PERSIST key: notifies "persist" only when a TTL was removed. */
void persistCommand(rlClient *c) {
    const char *key = c->argv[1];
    size_t len = c->argvlen[1];
    if (!lookupKeyWrite(c, c->db, key, len) || !removeExpire(c->db, key, len)) {
        addReplyLongLong(c, 0);
        return;
    }
    signalModifiedKey(c, c->db, key, len);
    notifyKeyspaceEvent(NOTIFY_GENERIC, "persist", key, len, c->db);
    addReplyLongLong(c, 1);
}
