/* config.c -- CONFIG GET / SET / RESETSTAT over a table of the parameters redlite has:
 * notify-keyspace-events, the memory limits and eviction settings, active-expire-effort.
 * Each parameter reads its value into a buffer and parses a new one; CONFIG SET of several
 * parameters checks them all before applying any, as Redis 7 does. */
#include "server.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define CONFIG_VALUE_SIZE 64

typedef struct configParam {
    const char *name;
    /* Write the current value to 'buf' (CONFIG_VALUE_SIZE bytes); return its length. */
    size_t (*get)(const rlServer *s, char *buf);
    /* Parse 'v'/'len' into '*parsed'; return NULL, or the error text Redis gives. */
    const char *(*parse)(const char *v, size_t len, long long *parsed);
    void (*apply)(rlServer *s, long long parsed);
} configParam;

/* ---------------------------------------------------------------- parsers */

#define ERR_NOT_INTEGER "argument couldn't be parsed into an integer"
#define ERR_NOT_MEMORY "argument must be a memory value"

/* An integer within [min, max], with Redis's errors ('range' is the text for out of range). */
static const char *parseIntRange(const char *v, size_t len, long long *parsed, long long min,
                                 long long max, const char *range) {
    if (!string2ll(v, len, parsed)) return ERR_NOT_INTEGER;
    if (*parsed < min || *parsed > max) return range;
    return NULL;
}

/* Redis reads enums, event classes and memory values as C strings: they end at a NUL byte
 * ("noeviction\0x" is noeviction; rlLenToNul). */

/* A memory value as Redis 7.0's memtoull reads it: digits (none reads as 0; 128 or more
 * are refused; a value past 2^64 - 1 saturates, as strtoull does), then an optional unit b,
 * k (1000), kb (1024), m, mb, g or gb in any case, multiplied modulo 2^64 as Redis does.
 * Carried in '*parsed' as the bits of an unsigned long long. */
static const char *parseMemory(const char *v, size_t len, long long *parsed) {
    static const struct {
        const char *unit;
        unsigned long long mul;
    } units[] = {
        {"", 1},           {"b", 1},           {"k", 1000ULL},       {"kb", 1024ULL},
        {"m", 1000000ULL}, {"mb", 1048576ULL}, {"g", 1000000000ULL}, {"gb", 1073741824ULL}};
    len = rlLenToNul(v, len);
    size_t i = 0;
    unsigned long long n = 0;
    while (i < len && v[i] >= '0' && v[i] <= '9') {
        unsigned d = (unsigned)(v[i] - '0');
        n = n > (ULLONG_MAX - d) / 10 ? ULLONG_MAX : n * 10 + d;
        i++;
    }
    if (i >= 128) return ERR_NOT_MEMORY;
    for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
        if (!rlStrEqNoCase(v + i, len - i, units[u].unit)) continue;
        unsigned long long bytes = n * units[u].mul;
        memcpy(parsed, &bytes, sizeof(bytes));
        return NULL;
    }
    return ERR_NOT_MEMORY;
}

/* ---------------------------------------------------------------- parameters */

static size_t getNotify(const rlServer *s, char *buf) {
    return keyspaceEventsFlagsToString(s->notify_flags, buf);
}

static const char *parseNotify(const char *v, size_t len, long long *parsed) {
    int flags = keyspaceEventsStringToFlags(v, rlLenToNul(v, len));
    if (flags < 0) return "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
    *parsed = flags;
    return NULL;
}

static void applyNotify(rlServer *s, long long parsed) {
    s->notify_flags = (int)parsed;
}

static size_t getMaxmemory(const rlServer *s, char *buf) {
    return (size_t)snprintf(buf, CONFIG_VALUE_SIZE, "%llu", s->maxmemory);
}

static void applyMaxmemory(rlServer *s, long long parsed) {
    memcpy(&s->maxmemory, &parsed, sizeof(parsed));
}

static size_t getMaxkeys(const rlServer *s, char *buf) {
    return (size_t)ll2string(buf, CONFIG_VALUE_SIZE, (long long)s->maxkeys);
}

static const char *parseMaxkeys(const char *v, size_t len, long long *parsed) {
    return parseIntRange(v, len, parsed, 0, LLONG_MAX,
                         "argument must be between 0 and 9223372036854775807 inclusive");
}

static void applyMaxkeys(rlServer *s, long long parsed) {
    s->maxkeys = (unsigned long long)parsed;
}

/* Copy the text value 'v' into 'buf' (a getter's buffer); returns its length. */
static size_t putText(char *buf, const char *v) {
    size_t n = strlen(v);
    memcpy(buf, v, n);
    return n;
}

static size_t getPolicy(const rlServer *s, char *buf) {
    return putText(buf, evictPolicyName(s->maxmemory_policy));
}

static const char *parsePolicy(const char *v, size_t len, long long *parsed) {
    int policy = evictPolicyFromName(v, rlLenToNul(v, len));
    if (policy < 0)
        return "argument(s) must be one of the following: volatile-lru, volatile-lfu, "
               "volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, "
               "noeviction";
    *parsed = policy;
    return NULL;
}

static void applyPolicy(rlServer *s, long long parsed) {
    s->maxmemory_policy = (int)parsed;
}

/* A yes/no parameter, as Redis parses its bool configs (case-insensitive). */
static const char *parseYesNo(const char *v, size_t len, long long *parsed) {
    len = rlLenToNul(v, len);
    if (rlStrEqNoCase(v, len, "yes"))
        *parsed = 1;
    else if (rlStrEqNoCase(v, len, "no"))
        *parsed = 0;
    else
        return "argument must be 'yes' or 'no'";
    return NULL;
}

static size_t getHugepages(const rlServer *s, char *buf) {
    return putText(buf, s->slab.hugepages ? "yes" : "no");
}

/* Applies to chunks the slab takes from now on (slab.h). */
static void applyHugepages(rlServer *s, long long parsed) {
    s->slab.hugepages = parsed != 0;
}

/* An int parameter of the server with a range: its getter, parser and setter. */
#define INT_PARAM(field, min, max)                                                                 \
    static size_t get_##field(const rlServer *s, char *buf) {                                      \
        return (size_t)ll2string(buf, CONFIG_VALUE_SIZE, s->field);                                \
    }                                                                                              \
    static const char *parse_##field(const char *v, size_t len, long long *parsed) {               \
        return parseIntRange(v, len, parsed, min, max,                                             \
                             "argument must be between " #min " and " #max " inclusive");          \
    }                                                                                              \
    static void apply_##field(rlServer *s, long long parsed) {                                     \
        s->field = (int)parsed;                                                                    \
    }

INT_PARAM(maxmemory_samples, 1, 2147483647)
INT_PARAM(eviction_tenacity, 0, 100)
INT_PARAM(lfu_log_factor, 0, 2147483647)
INT_PARAM(lfu_decay_time, 0, 2147483647)
INT_PARAM(active_expire_effort, 1, 10)

#define INT_ENTRY(name, field)                                                                     \
    { name, get_##field, parse_##field, apply_##field }

/* Sorted as Redis lists them in CONFIG GET * (alphabetically); maxkeys and hugepages are
 * redlite's own. */
static const configParam params[] = {
    INT_ENTRY("active-expire-effort", active_expire_effort),
    {"hugepages", getHugepages, parseYesNo, applyHugepages},
    INT_ENTRY("lfu-decay-time", lfu_decay_time),
    INT_ENTRY("lfu-log-factor", lfu_log_factor),
    {"maxkeys", getMaxkeys, parseMaxkeys, applyMaxkeys},
    {"maxmemory", getMaxmemory, parseMemory, applyMaxmemory},
    INT_ENTRY("maxmemory-eviction-tenacity", eviction_tenacity),
    {"maxmemory-policy", getPolicy, parsePolicy, applyPolicy},
    INT_ENTRY("maxmemory-samples", maxmemory_samples),
    {"notify-keyspace-events", getNotify, parseNotify, applyNotify},
};
#define NPARAMS (sizeof(params) / sizeof(params[0]))

static const configParam *findParam(const char *name, size_t len) {
    for (size_t i = 0; i < NPARAMS; i++)
        if (rlStrEqNoCase(name, len, params[i].name)) return &params[i];
    return NULL;
}

/* CONFIG GET pattern [pattern ...]: a map of every parameter matching any pattern. */
void configGetCommand(rlClient *c) {
    int by[NPARAMS]; /* the first argument matching each parameter, 0 for none */
    long n = 0;
    for (size_t i = 0; i < NPARAMS; i++) {
        by[i] = 0;
        for (int j = 2; j < c->argc && !by[i]; j++)
            if (stringmatchlen(c->argv[j], c->argvlen[j], params[i].name, strlen(params[i].name),
                               1))
                by[i] = j;
        n += by[i] != 0;
    }
    addReplyMapLen(c, n);
    for (size_t i = 0; i < NPARAMS; i++) {
        if (!by[i]) continue;
        char buf[CONFIG_VALUE_SIZE];
        size_t len = params[i].get(c->srv, buf);
        /* a name given without glob characters is echoed as typed, as Redis does */
        const char *arg = c->argv[by[i]];
        size_t arglen = c->argvlen[by[i]];
        int glob = memchr(arg, '*', arglen) || memchr(arg, '?', arglen) || memchr(arg, '[', arglen);
        if (glob)
            addReplyBulkCString(c, params[i].name);
        else
            addReplyBulk(c, arg, arglen);
        addReplyBulk(c, buf, len);
    }
    addReplyAggregateEnd(c, RL_AGG_MAP);
}

/* CONFIG SET parameter value [parameter value ...]: all or nothing. */
void configSetCommand(rlClient *c) {
    if (c->argc % 2) {
        addReplyError(c, RL_ERR_SYNTAX); /* arity (-4) already caught CONFIG SET name */
        return;
    }
    int n = (c->argc - 2) / 2;
    const configParam *which[NPARAMS];
    long long parsed[NPARAMS];
    int count = 0;
    for (int i = 0; i < n; i++) {
        int a = 2 + 2 * i;
        const configParam *p = findParam(c->argv[a], c->argvlen[a]);
        if (!p) {
            addReplyErrorFormat(c, RL_ERR_CONFIG_UNKNOWN_FMT, argCStrLen(c, a), c->argv[a]);
            return;
        }
        for (int k = 0; k < count; k++) {
            if (which[k] == p) {
                addReplyErrorFormat(c, RL_ERR_CONFIG_SET_FMT, argCStrLen(c, a), c->argv[a],
                                    "duplicate parameter");
                return;
            }
        }
        const char *err = p->parse(c->argv[a + 1], c->argvlen[a + 1], &parsed[count]);
        if (err) {
            addReplyErrorFormat(c, RL_ERR_CONFIG_SET_FMT, argCStrLen(c, a), c->argv[a], err);
            return;
        }
        which[count++] = p;
    }
    for (int k = 0; k < count; k++)
        which[k]->apply(c->srv, parsed[k]);
    /* a new limit takes effect at once: one bounded eviction step now, the cron goes on */
    performEvictions(c->srv);
    addReplyOK(c);
}

/* CONFIG RESETSTAT */
void configResetStatCommand(rlClient *c) {
    rlStats *st = &c->srv->stats;
    long long pending = st->lazyfree_pending;
    memset(st, 0, sizeof(*st));
    st->lazyfree_pending = pending;
    st->used_memory_peak = slabUsed(&c->srv->slab);
    addReplyOK(c);
}
