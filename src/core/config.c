/* config.c -- CONFIG GET / SET / RESETSTAT over a table of the parameters redlite has.
 * Each parameter reads its value into a buffer and parses a new one; CONFIG SET of several
 * parameters checks them all before applying any, as Redis 7 does. */
#include "server.h"

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

static size_t getNotify(const rlServer *s, char *buf) {
    return keyspaceEventsFlagsToString(s->notify_flags, buf);
}

static const char *parseNotify(const char *v, size_t len, long long *parsed) {
    int flags = keyspaceEventsStringToFlags(v, len);
    if (flags < 0) return "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
    *parsed = flags;
    return NULL;
}

static void applyNotify(rlServer *s, long long parsed) {
    s->notify_flags = (int)parsed;
}

static const configParam params[] = {
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
    int match[NPARAMS];
    long n = 0;
    for (size_t i = 0; i < NPARAMS; i++) {
        match[i] = 0;
        for (int j = 2; j < c->argc && !match[i]; j++)
            match[i] = stringmatchlen(c->argv[j], c->argvlen[j], params[i].name,
                                      strlen(params[i].name), 1);
        n += match[i];
    }
    addReplyMapLen(c, n);
    for (size_t i = 0; i < NPARAMS; i++) {
        if (!match[i]) continue;
        char buf[CONFIG_VALUE_SIZE];
        size_t len = params[i].get(c->srv, buf);
        addReplyBulkCString(c, params[i].name);
        addReplyBulk(c, buf, len);
    }
    addReplyAggregateEnd(c, RL_AGG_MAP);
}

/* CONFIG SET parameter value [parameter value ...]: all or nothing. */
void configSetCommand(rlClient *c) {
    if (c->argc % 2) {
        addReplyErrorArity(c);
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
            addReplyErrorFormat(c, RL_ERR_CONFIG_UNKNOWN_FMT, argPrintLen(c, a), c->argv[a]);
            return;
        }
        for (int k = 0; k < count; k++) {
            if (which[k] == p) {
                addReplyErrorFormat(c, RL_ERR_CONFIG_SET_FMT, argPrintLen(c, a), c->argv[a],
                                    "duplicate parameter");
                return;
            }
        }
        const char *err = p->parse(c->argv[a + 1], c->argvlen[a + 1], &parsed[count]);
        if (err) {
            addReplyErrorFormat(c, RL_ERR_CONFIG_SET_FMT, argPrintLen(c, a), c->argv[a], err);
            return;
        }
        which[count++] = p;
    }
    for (int k = 0; k < count; k++)
        which[k]->apply(c->srv, parsed[k]);
    addReplyOK(c);
}

/* CONFIG RESETSTAT */
void configResetStatCommand(rlClient *c) {
    rlStats *st = &c->srv->stats;
    long long pending = st->lazyfree_pending;
    memset(st, 0, sizeof(*st));
    st->lazyfree_pending = pending;
    addReplyOK(c);
}
