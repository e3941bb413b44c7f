/* reply.c -- the addReply* helpers command procs use, over the client's reply sink, and a
 * RESP3 text sink for the C tests. Procs never see how replies are represented. */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void addReplyStatus(rlClient *c, const char *s) {
    c->ops->status(c->ctx, s, strlen(s));
}

/* Reply with error text 'err': a leading '-' means the text has its own code word (the dash
 * is dropped), otherwise "ERR " is prepended. */
void addReplyError(rlClient *c, const char *err) {
    if (err[0] == '-') {
        c->ops->error(c->ctx, err + 1, strlen(err + 1));
        return;
    }
    size_t len = strlen(err);
    char small[512];
    char *buf = len + 4 <= sizeof(small) ? small : rl_malloc(len + 4);
    memcpy(buf, "ERR ", 4);
    memcpy(buf + 4, err, len);
    c->ops->error(c->ctx, buf, len + 4);
    if (buf != small) rl_free(buf);
}

/* Format an error; CR and LF become spaces (a reply line must not break). */
void addReplyErrorFormat(rlClient *c, const char *fmt, ...) {
    char small[512];
    char *buf = small;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) {
        n = 0;
    } else if ((size_t)n >= sizeof(small)) { /* as long as it is (Redis formats into an sds) */
        buf = rl_malloc((size_t)n + 1);
        vsnprintf(buf, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    for (int i = 0; i < n; i++)
        if (buf[i] == '\r' || buf[i] == '\n') buf[i] = ' ';
    buf[n] = '\0';
    addReplyError(c, buf);
    if (buf != small) rl_free(buf);
}

void addReplyErrorArity(rlClient *c) {
    addReplyErrorFormat(c, RL_ERR_ARITY_FMT, c->cmd->info.name);
}

void addReplyLongLong(rlClient *c, long long v) {
    c->ops->integer(c->ctx, v);
}

void addReplyDouble(rlClient *c, double d) {
    c->ops->dbl(c->ctx, d);
}

void addReplyBulk(rlClient *c, const char *s, size_t len) {
    c->ops->bulk(c->ctx, s, len);
}

void addReplyBulkCString(rlClient *c, const char *s) {
    c->ops->bulk(c->ctx, s, strlen(s));
}

void addReplyBulkLongLong(rlClient *c, long long v) {
    char buf[RL_LONG_STR_SIZE];
    int n = ll2string(buf, sizeof(buf), v);
    c->ops->bulk(c->ctx, buf, (size_t)n);
}

void addReplyBulkObject(rlClient *c, const robj *o) {
    char buf[RL_LONG_STR_SIZE];
    size_t len;
    const char *p = stringObjectPtr(o, buf, &len);
    c->ops->bulk(c->ctx, p, len);
}

void addReplyVerbatim(rlClient *c, const char *s, size_t len) {
    c->ops->verbatim(c->ctx, s, len);
}

void addReplyNull(rlClient *c) {
    c->ops->null(c->ctx);
}

void addReplyBool(rlClient *c, int v) {
    c->ops->boolean(c->ctx, v);
}

void addReplyArrayLen(rlClient *c, long len) {
    c->ops->aggregate_begin(c->ctx, RL_AGG_ARRAY, len);
}

void addReplySetLen(rlClient *c, long len) {
    c->ops->aggregate_begin(c->ctx, RL_AGG_SET, len);
}

void addReplyMapLen(rlClient *c, long len) {
    c->ops->aggregate_begin(c->ctx, RL_AGG_MAP, len);
}

void addReplyAggregateEnd(rlClient *c, int kind) {
    c->ops->aggregate_end(c->ctx, kind);
}

/* ---------------------------------------------------------------- RESP3 text sink */

static void respStatus(void *ctx, const char *s, size_t len) {
    sds *out = ctx;
    *out = sdscatlen(*out, "+", 1);
    *out = sdscatlen(*out, s, len);
    *out = sdscatlen(*out, "\r\n", 2);
}

static void respError(void *ctx, const char *s, size_t len) {
    sds *out = ctx;
    *out = sdscatlen(*out, "-", 1);
    *out = sdscatlen(*out, s, len);
    *out = sdscatlen(*out, "\r\n", 2);
}

static void respInteger(void *ctx, long long v) {
    sds *out = ctx;
    *out = sdscatprintf(*out, ":%lld\r\n", v);
}

static void respDouble(void *ctx, double v) {
    sds *out = ctx;
    char buf[RL_DOUBLE_STR_SIZE];
    int n = d2string(buf, sizeof(buf), v);
    *out = sdscatlen(*out, ",", 1);
    *out = sdscatlen(*out, buf, (size_t)n);
    *out = sdscatlen(*out, "\r\n", 2);
}

static void respBulk(void *ctx, const char *s, size_t len) {
    sds *out = ctx;
    *out = sdscatprintf(*out, "$%zu\r\n", len);
    *out = sdscatlen(*out, s, len);
    *out = sdscatlen(*out, "\r\n", 2);
}

static void respVerbatim(void *ctx, const char *s, size_t len) {
    sds *out = ctx;
    *out = sdscatprintf(*out, "=%zu\r\ntxt:", len + 4);
    *out = sdscatlen(*out, s, len);
    *out = sdscatlen(*out, "\r\n", 2);
}

static void respNull(void *ctx) {
    sds *out = ctx;
    *out = sdscatlen(*out, "_\r\n", 3);
}

static void respBool(void *ctx, int v) {
    sds *out = ctx;
    *out = sdscat(*out, v ? "#t\r\n" : "#f\r\n");
}

static void respAggBegin(void *ctx, int kind, long count) {
    sds *out = ctx;
    char prefix = kind == RL_AGG_MAP ? '%' : kind == RL_AGG_SET ? '~' : '*';
    *out = sdscatprintf(*out, "%c%ld\r\n", prefix, count);
}

static void respAggEnd(void *ctx, int kind) {
    (void)ctx;
    (void)kind;
}

const rlReplyOps rlRespSink = {respStatus,   respError, respInteger, respDouble,   respBulk,
                               respVerbatim, respNull,  respBool,    respAggBegin, respAggEnd};
