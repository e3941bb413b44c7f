/* outbox.c -- what the core has to tell clients outside of their own command's reply:
 * pub/sub messages (PUBLISH, keyspace notifications) and the replies of blocked commands
 * that were served or timed out (blocking.c). The core never calls back into the
 * embedder in the middle of its work: it appends a recorded reply to the server's outbox,
 * and the embedder drains the outbox later (rlOutboxPeek/rlOutboxPop), replaying each
 * message into a sink of its choice.
 *
 * A recorded reply is the sequence of sink calls, serialised into one allocation: an op
 * byte followed by its payload (lengths and integers as 8 bytes, strings raw). Replaying it
 * makes the same calls in the same order, so any sink (JS values, RESP text) can render it. */
#include "server.h"

#include <string.h>

enum {
    OP_STATUS,
    OP_ERROR,
    OP_INTEGER,
    OP_DOUBLE,
    OP_BULK,
    OP_VERBATIM,
    OP_NULL,
    OP_BOOL,
    OP_AGG_BEGIN,
    OP_AGG_END
};

struct rlOutMsg {
    struct rlOutMsg *next;
    uint64_t client_id;
    int kind;
    int flags;   /* the receiving client's push flags when the message was queued */
    size_t size; /* bytes of data[] */
    unsigned char data[];
};

/* ---------------------------------------------------------------- recording sink */

/* The recorder appends to the sds at 'ctx' (an sds*). */
static void recPut(void *ctx, const void *p, size_t len) {
    sds *buf = ctx;
    *buf = sdscatlen(*buf, p, len);
}

static void recOp(void *ctx, unsigned char op) {
    recPut(ctx, &op, 1);
}

static void recStr(void *ctx, unsigned char op, const char *s, size_t len) {
    uint64_t n = len;
    recOp(ctx, op);
    recPut(ctx, &n, sizeof(n));
    recPut(ctx, s, len);
}

static void recStatus(void *ctx, const char *s, size_t len) {
    recStr(ctx, OP_STATUS, s, len);
}
static void recError(void *ctx, const char *s, size_t len) {
    recStr(ctx, OP_ERROR, s, len);
}
static void recBulk(void *ctx, const char *s, size_t len) {
    recStr(ctx, OP_BULK, s, len);
}
static void recVerbatim(void *ctx, const char *s, size_t len) {
    recStr(ctx, OP_VERBATIM, s, len);
}
static void recInteger(void *ctx, long long v) {
    recOp(ctx, OP_INTEGER);
    recPut(ctx, &v, sizeof(v));
}
static void recDouble(void *ctx, double v) {
    recOp(ctx, OP_DOUBLE);
    recPut(ctx, &v, sizeof(v));
}
static void recNull(void *ctx) {
    recOp(ctx, OP_NULL);
}
static void recBool(void *ctx, int v) {
    unsigned char b[2] = {OP_BOOL, (unsigned char)(v != 0)};
    recPut(ctx, b, 2);
}
static void recAggBegin(void *ctx, int kind, long count) {
    int64_t n = count;
    unsigned char b[2] = {OP_AGG_BEGIN, (unsigned char)kind};
    recPut(ctx, b, 2);
    recPut(ctx, &n, sizeof(n));
}
static void recAggEnd(void *ctx, int kind) {
    unsigned char b[2] = {OP_AGG_END, (unsigned char)kind};
    recPut(ctx, b, 2);
}

/* A sink whose ctx is an sds* that receives the recording. */
const rlReplyOps rlRecordSink = {recStatus,   recError, recInteger, recDouble,   recBulk,
                                 recVerbatim, recNull,  recBool,    recAggBegin, recAggEnd};

/* Replay a recording made by rlRecordSink into 'ops'/'ctx'. */
static void replay(const unsigned char *p, size_t size, const rlReplyOps *ops, void *ctx) {
    const unsigned char *end = p + size;
    while (p < end) {
        unsigned char op = *p++;
        uint64_t n;
        int64_t i;
        double d;
        switch (op) {
        case OP_STATUS:
        case OP_ERROR:
        case OP_BULK:
        case OP_VERBATIM:
            memcpy(&n, p, sizeof(n));
            p += sizeof(n);
            if (op == OP_STATUS) ops->status(ctx, (const char *)p, n);
            if (op == OP_ERROR) ops->error(ctx, (const char *)p, n);
            if (op == OP_BULK) ops->bulk(ctx, (const char *)p, n);
            if (op == OP_VERBATIM) ops->verbatim(ctx, (const char *)p, n);
            p += n;
            break;
        case OP_INTEGER:
            memcpy(&i, p, sizeof(i));
            p += sizeof(i);
            ops->integer(ctx, (long long)i);
            break;
        case OP_DOUBLE:
            memcpy(&d, p, sizeof(d));
            p += sizeof(d);
            ops->dbl(ctx, d);
            break;
        case OP_NULL:
            ops->null(ctx);
            break;
        case OP_BOOL:
            ops->boolean(ctx, *p++);
            break;
        case OP_AGG_BEGIN: {
            int kind = *p++;
            memcpy(&i, p, sizeof(i));
            p += sizeof(i);
            ops->aggregate_begin(ctx, kind, (long)i);
            break;
        }
        default: /* OP_AGG_END */
            ops->aggregate_end(ctx, *p++);
            break;
        }
    }
}

/* ---------------------------------------------------------------- the queue */

/* Append a message for client 'c' whose body is the recording 'rec'. */
void outboxAppend(rlServer *s, rlClient *c, int kind, const sds rec, int flags) {
    size_t len = sdslen(rec);
    rlOutMsg *m = rl_malloc(sizeof(*m) + len);
    m->next = NULL;
    m->client_id = c->id;
    m->kind = kind;
    m->flags = flags;
    m->size = len;
    memcpy(m->data, rec, len);
    if (s->outbox_tail)
        s->outbox_tail->next = m;
    else
        s->outbox_head = m;
    s->outbox_tail = m;
    if (s->outbox_len++ == 0) s->outbox_signal = 1;
}

/* Free every queued message (server release). */
void outboxFree(rlServer *s) {
    rlOutMsg *m = s->outbox_head;
    while (m) {
        rlOutMsg *next = m->next;
        rl_free(m);
        m = next;
    }
    s->outbox_head = s->outbox_tail = NULL;
    s->outbox_len = 0;
}

size_t rlOutboxPending(const rlServer *s) {
    return s->outbox_len;
}

int rlOutboxTakeSignal(rlServer *s) {
    int sig = s->outbox_signal;
    s->outbox_signal = 0;
    return sig;
}

int rlOutboxPeek(const rlServer *s, uint64_t *client_id, int *kind, int *flags) {
    const rlOutMsg *m = s->outbox_head;
    if (!m) return 0;
    *client_id = m->client_id;
    *kind = m->kind;
    *flags = m->flags;
    return 1;
}

void rlOutboxPop(rlServer *s, const rlReplyOps *ops, void *ctx) {
    rlOutMsg *m = s->outbox_head;
    if (!m) return;
    s->outbox_head = m->next;
    if (!s->outbox_head) s->outbox_tail = NULL;
    s->outbox_len--;
    if (ops) replay(m->data, m->size, ops, ctx);
    rl_free(m);
}

rlServer *rlClientServer(const rlClient *c) {
    return c->srv;
}

uint64_t rlClientId(const rlClient *c) {
    return c->id;
}

void rlClientSetPushFlags(rlClient *c, int flags) {
    c->push_flags = flags;
}
