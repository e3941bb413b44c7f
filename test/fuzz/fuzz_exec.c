/* fuzz_exec.c -- libFuzzer harness: command sequences through rlExec, every invariant checked
 * after every step.
 *
 *   make fuzz [FUZZ_SECONDS=60]   build $(OUT)/fuzz-exec and fuzz (see the Makefile's header)
 *   ./build-core/fuzz-exec FILE   replay one input (a crash from build-core/fuzz-crashes/);
 *                                 FUZZ_TRACE=1 in the environment prints every step and reply
 *
 * Each input runs on a fresh server (fixed seed, injected clock, active expiry on) with one
 * fuzzed client; a second fuzzed client and a control client exist only when the input asks
 * for them (see "#2" below), since serving a blocked client, WATCH invalidation and pub/sub
 * delivery need another connection. Nothing outlives the input.
 *
 * ---- Input framing (text, line based, so mutators and the dictionary work well)
 * The input is cut into lines at '\n'; each line is one step. At most FUZZ_MAX_INPUT bytes,
 * FUZZ_MAX_STEPS lines and FUZZ_MAX_COMMANDS commands (repeats included) are used; the
 * rest is ignored.
 *   - A command line: arguments separated by spaces (runs of spaces count as one; at most
 *     FUZZ_MAX_ARGS). Inside an argument "\xHH" is the byte 0xHH (any byte, NUL, space and
 *     newline included) and "\i" is the repetition number in decimal (see #x; 0 outside a
 *     repeat); every other byte stands for itself. An argument written exactly "" is the
 *     empty string.
 *   - A line starting with '#' is a directive for the harness, never sent to the core:
 *       #t<ms>   advance the clock by <ms> milliseconds (decimal, may be negative: the wall
 *                clock may step back; at most 10 digits); "#t" alone advances 1000 ms
 *       #c<us>   run rlCron with a budget of <us> microseconds (default 1000): active
 *                expiry, rehash, lazy free, eviction; small budgets stop their slices early
 *       #1 / #2  send the next commands from client 1 (default) / client 2
 *       #r2/#r3  switch the current client to RESP2 / RESP3
 *       #k       release the current client and connect a new one in its place (QUIT)
 *       #h       toggle holding the outbox (undrained until the toggle or the input's end)
 *       #d       drop every queued outbox message unread (rlOutboxPop without a sink)
 *       #q       at the end, release the server's own reference before the clients (the
 *                last client released then frees the server)
 *       #x<n>    run the next command line n times (1..FUZZ_MAX_REPEAT; "#x" alone: 100),
 *                "\i" counting 0, 1, ...: reaches what a 4 KB input cannot spell out
 *                (multi-node lists, hashes and sets past their compact encodings, big
 *                keyspaces for rehashing, SCAN and eviction)
 *     Any other '#' line is a comment.
 *   The clock starts at 2023-11-14 and moves 1 us at every read besides the #t jumps.
 *
 * ---- What is checked (a failure calls abort() with a message: that is a finding)
 *   - rlDebugCheck after every step (and before releasing the server);
 *   - every reply is exactly one well-formed value: aggregate counts match the elements
 *     that follow (maps count pairs), aggregate_end closes the kind that was opened,
 *     counts are not negative, nesting ends closed; status and error texts contain no CR/LF
 *     and are not empty, errors start with an upper-case code word; doubles are not NaN;
 *   - a command that replies nothing must have left its client blocked, and a blocked
 *     client's command replied nothing;
 *   - every outbox message replays as exactly one well-formed value of a known kind; the
 *     outbox raises its signal whenever it turns non-empty (rlOutboxTakeSignal); a blocked
 *     command's reply is queued only once its client is unblocked;
 *   - a command that replies an error, and a command flagged READONLY in the command table,
 *     leaves the keyspace as it was (Redis's rule: validate everything, then write): a
 *     digest of every key's name, type, length, TTL and (for the keys the command names)
 *     contents is compared before and after (bounds: see keyspaceDigest), leaving out keys
 *     whose TTL may have passed meanwhile (lazy expiry deletes them legitimately); not
 *     checked while maxmemory or maxkeys is set (eviction runs around every command,
 *     errors included);
 *   - ASan/UBSan: memory errors, leaks (per input), undefined behaviour.
 *
 * ---- Blocking commands
 * A command that finds no data blocks its client and returns at once with no reply (the core
 * keeps no timers: the embedder ends the wait). Writes by the other client serve it through
 * the outbox. The harness stands for the embedder's timer: before a blocked client sends its
 * next command, the control client runs CLIENT UNBLOCK <id> TIMEOUT (the embedder queues a
 * blocked client's commands instead; ending the wait first keeps every step meaningful). A
 * blocked client still waiting at the end is released blocked.
 *
 * ---- Cost bounds (an input runs in milliseconds; the worst the limits allow (hundreds of
 * commands over thousands of elements) takes a few seconds, under `make fuzz`'s -timeout)
 * Commands whose work is set by a number rather than by the data are skipped (never sent):
 * SETRANGE with an offset in (FUZZ_MAX_OFFSET, 512 MB] (past 512 MB the core replies
 * an error without allocating, which does run), and SRANDMEMBER / HRANDFIELD / ZRANDMEMBER
 * with a count below -FUZZ_MAX_PICKS (picks with repeats, one per unit). Everything else is
 * bounded by the data the input itself created. */
#include "redlite.h"
#include "server.h" /* read-only access to values for the keyspace digest */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_MAX_INPUT 4096
#define FUZZ_MAX_STEPS 256
#define FUZZ_MAX_COMMANDS 512
#define FUZZ_MAX_REPEAT 256
#define FUZZ_MAX_ARGS 32
#define FUZZ_MAX_OFFSET (64LL * 1024)
#define FUZZ_MAX_PICKS 4096LL
#define FUZZ_MAX_DEPTH 16
#define FUZZ_CRON_BUDGET_US 1000
#define FUZZ_HELD_MAX 256 /* drain a held outbox anyway past this many messages */
#define FUZZ_START_US 1700000000000000LL
#define FUZZ_SEED 42

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---------------------------------------------------------------- the clock */

typedef struct fuzzClock {
    long long us;
} fuzzClock;

static long long fuzzClockNow(void *ctx) {
    fuzzClock *clk = ctx;
    return ++clk->us;
}

/* ---------------------------------------------------------------- the checking sink */

/* FUZZ_TRACE=1 in the environment prints every step and its reply to stderr (reducing a
 * finding by hand); read once. */
static int tracing = -1;

static void trace(const char *prefix, const char *s, size_t len) {
    if (tracing < 0) tracing = getenv("FUZZ_TRACE") != NULL;
    if (!tracing) return;
    fprintf(stderr, "%s%.*s", prefix, (int)(len < 200 ? len : 200), s);
}

/* Tracks the shape of the replies it is fed; the first problem aborts the process. */
typedef struct replyCheck {
    const char *what; /* the step being checked, for the abort message */
    long top;         /* complete top-level values seen */
    int error;        /* a top-level value was an error */
    int depth;
    long left[FUZZ_MAX_DEPTH]; /* elements still expected by each open aggregate */
    int kind[FUZZ_MAX_DEPTH];
} replyCheck;

static void fail(const replyCheck *rc, const char *problem) {
    fprintf(stderr, "fuzz_exec: %s: %s\n", rc->what, problem);
    abort();
}

/* One value arrived: it fills a slot of the innermost open aggregate, or is a reply. */
static void checkValue(replyCheck *rc) {
    if (rc->depth == 0) {
        rc->top++;
        return;
    }
    if (--rc->left[rc->depth - 1] < 0) fail(rc, "more elements than the aggregate count");
}

static void checkText(replyCheck *rc, const char *s, size_t len, const char *kind) {
    char msg[64];
    if (len == 0) {
        snprintf(msg, sizeof(msg), "empty %s text", kind);
        fail(rc, msg);
    }
    if (memchr(s, '\r', len) || memchr(s, '\n', len)) {
        snprintf(msg, sizeof(msg), "CR or LF in %s text", kind);
        fail(rc, msg);
    }
}

static void ckStatus(void *ctx, const char *s, size_t len) {
    trace(" +", s, len);
    checkText(ctx, s, len, "status");
    checkValue(ctx);
}

static void ckError(void *ctx, const char *s, size_t len) {
    trace(" -", s, len);
    checkText(ctx, s, len, "error");
    if (s[0] < 'A' || s[0] > 'Z') fail(ctx, "error text without an upper-case code word");
    if (((replyCheck *)ctx)->depth == 0) ((replyCheck *)ctx)->error = 1;
    checkValue(ctx);
}

static void ckInteger(void *ctx, long long v) {
    char buf[32];
    trace(" :", buf, (size_t)snprintf(buf, sizeof(buf), "%lld", v));
    checkValue(ctx);
}

static void ckDouble(void *ctx, double v) {
    char buf[40];
    trace(" ,", buf, (size_t)snprintf(buf, sizeof(buf), "%.17g", v));
    if (v != v) fail(ctx, "NaN double reply");
    checkValue(ctx);
}

static void ckBulk(void *ctx, const char *s, size_t len) {
    trace(" $", s, len);
    if (len && !s) fail(ctx, "bulk with NULL bytes");
    checkValue(ctx);
}

static void ckNull(void *ctx) {
    trace(" ", "_", 1);
    checkValue(ctx);
}

static void ckBool(void *ctx, int v) {
    trace(" ", v ? "#t" : "#f", 2);
    checkValue(ctx);
}

static void ckAggBegin(void *ctx, int kind, long count) {
    replyCheck *rc = ctx;
    if (kind != RL_AGG_ARRAY && kind != RL_AGG_SET && kind != RL_AGG_MAP)
        fail(rc, "unknown aggregate kind");
    if (count < 0) fail(rc, "negative aggregate count");
    char buf[32];
    trace(" ", buf, (size_t)snprintf(buf, sizeof(buf), "%c%ld[", "*~%"[kind], count));
    checkValue(rc);
    if (rc->depth == FUZZ_MAX_DEPTH) fail(rc, "aggregates nested too deep");
    rc->kind[rc->depth] = kind;
    rc->left[rc->depth] = kind == RL_AGG_MAP ? 2 * count : count;
    rc->depth++;
}

static void ckAggEnd(void *ctx, int kind) {
    replyCheck *rc = ctx;
    trace(" ]", "", 0);
    if (rc->depth == 0) fail(rc, "aggregate_end without aggregate_begin");
    rc->depth--;
    if (rc->kind[rc->depth] != kind) fail(rc, "aggregate_end of another kind");
    if (rc->left[rc->depth] != 0) fail(rc, "fewer elements than the aggregate count");
}

static const rlReplyOps checkOps = {ckStatus, ckError, ckInteger, ckDouble,   ckBulk,
                                    ckBulk,   ckNull,  ckBool,    ckAggBegin, ckAggEnd};

/* After a reply: exactly 'want' complete values, nothing left open. */
static void checkDone(replyCheck *rc, long want) {
    char msg[96];
    if (rc->depth != 0) fail(rc, "aggregate left open");
    if (rc->top != want) {
        snprintf(msg, sizeof(msg), "%ld reply values, expected %ld", rc->top, want);
        fail(rc, msg);
    }
}

/* ---------------------------------------------------------------- keyspace digest */

/* Two private layouts are mirrored here to read values without going through commands
 * (which would touch access clocks, stats and lazy expiry): t_hash.c's hval (a dict-encoded
 * hash's value) and t_zset.c's zset (a skiplist-encoded sorted set). */
typedef struct fuzzHval {
    uint32_t len;
    char buf[];
} fuzzHval;

typedef struct fuzzZset {
    dict *dict;
    zskiplist *zsl;
} fuzzZset;

/* The digest runs twice per checked command, so its cost is bounded (#x builds megabytes):
 * strings hash their first and last HASH_ENDS bytes and their length; collections hash
 * their elements only when the command names the key and they have at most
 * DIGEST_MAX_ELEMENTS (lists: that many from the two ends), else their type and length.
 * Changes that escape it: the middle of a long string at the same length, the contents of
 * keys the command does not name at the same length. */
#define HASH_ENDS 64
#define DIGEST_MAX_ELEMENTS 1024

static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

#define HASH_SEED 0xcbf29ce484222325ULL

/* FNV-1a over the bytes (the first and last HASH_ENDS of longer strings), continuing from
 * 'h', then the length (so "ab","c" != "a","bc"). */
static uint64_t hashBytes(uint64_t h, const void *p, size_t len) {
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++) {
        if (i == HASH_ENDS && len > 2 * HASH_ENDS) i = len - HASH_ENDS;
        h = (h ^ b[i]) * 0x100000001b3ULL;
    }
    return mix64(h ^ len);
}

/* Order-free hash of a pair of strings (a hash field and value, a member and its score). */
static uint64_t hashPair(const char *a, size_t alen, const char *b, size_t blen) {
    return hashBytes(hashBytes(HASH_SEED, a, alen), b, blen);
}

static void hashSetMember(void *ctx, const char *m, size_t len) {
    *(uint64_t *)ctx += hashBytes(HASH_SEED, m, len);
}

/* Elements of a list from one end ('dir' QL_TAIL: from the head), at most 'max'. */
static uint64_t hashListEnd(const robj *o, int dir, unsigned long max) {
    uint64_t h = HASH_SEED + (uint64_t)dir;
    qlEntry e;
    int more = qlIndex(o->u.ptr, dir == QL_TAIL ? 0 : -1, &e);
    for (unsigned long n = 0; more && n < max; n++) {
        size_t len;
        const char *p = qlGet(&e, &len);
        h = hashBytes(h, p, len);
        more = qlMove(o->u.ptr, &e, dir);
    }
    return h;
}

static uint64_t hashHashFields(const robj *o) {
    uint64_t sum = 0;
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        for (unsigned char *f = lpFirst(lp); f; f = lpNext(lp, lpNext(lp, f))) {
            size_t flen, vlen;
            const char *fp = lpGet(f, &flen);
            const char *vp = lpGet(lpNext(lp, f), &vlen);
            sum += hashPair(fp, flen, vp, vlen);
        }
        return sum;
    }
    dictIterator *it = dictGetIterator(o->u.ptr);
    dictEntry *de;
    while ((de = dictNext(it)) != NULL) {
        const fuzzHval *v = dictGetVal(de);
        sum += hashPair(de->key, de->keylen, v->buf, v->len);
    }
    dictReleaseIterator(it);
    return sum;
}

static uint64_t hashZsetMembers(const robj *o) {
    uint64_t sum = 0;
    if (o->encoding == OBJ_ENCODING_LISTPACK) {
        unsigned char *lp = o->u.ptr;
        for (unsigned char *m = lpFirst(lp); m; m = lpNext(lp, lpNext(lp, m))) {
            size_t mlen, slen;
            const char *mp = lpGet(m, &mlen);
            const char *sp = lpGet(lpNext(lp, m), &slen); /* the score's 8 bytes */
            sum += hashPair(mp, mlen, sp, slen);
        }
        return sum;
    }
    const fuzzZset *zs = o->u.ptr;
    for (const zskiplistNode *x = zs->zsl->header->level[0].forward; x; x = x->level[0].forward)
        sum += hashPair(zslNodeEle(x), x->len, (const char *)&x->score, sizeof(x->score));
    return sum;
}

/* Hash of a value's type, length and (with 'deep', within the bounds above) contents,
 * whatever its encoding. */
static uint64_t hashValue(const robj *o, int deep) {
    uint64_t h = mix64(HASH_SEED + o->type);
    unsigned long n = 0;
    switch (o->type) {
    case OBJ_STRING: {
        char buf[RL_LONG_STR_SIZE];
        size_t len;
        const char *p = stringObjectPtr(o, buf, &len);
        return hashBytes(h, p, len);
    }
    case OBJ_LIST:
        n = listTypeLength(o);
        if (deep)
            h += hashListEnd(o, QL_TAIL, DIGEST_MAX_ELEMENTS / 2) +
                 3 * hashListEnd(o, QL_HEAD, DIGEST_MAX_ELEMENTS / 2);
        break;
    case OBJ_SET:
        n = setTypeSize(o);
        if (deep && n <= DIGEST_MAX_ELEMENTS) {
            uint64_t sum = 0;
            setTypeForEach(o, hashSetMember, &sum);
            h += mix64(sum);
        }
        break;
    case OBJ_HASH:
        n = hashTypeLength(o);
        if (deep && n <= DIGEST_MAX_ELEMENTS) h += mix64(hashHashFields(o));
        break;
    case OBJ_ZSET:
        n = zsetLength(o);
        if (deep && n <= DIGEST_MAX_ELEMENTS) h += mix64(hashZsetMembers(o));
        break;
    }
    return mix64(h ^ n);
}

/* A set of 64-bit name hashes (open addressing; 0 marks a free slot). */
typedef struct nameSet {
    uint64_t *v;
    size_t cap, n;
} nameSet;

static void nameSetAdd(nameSet *ns, uint64_t h) {
    if (2 * (ns->n + 1) > ns->cap) {
        nameSet grown = {NULL, ns->cap ? 2 * ns->cap : 256, 0};
        grown.v = calloc(grown.cap, sizeof(*grown.v));
        if (!grown.v) abort();
        for (size_t i = 0; i < ns->cap; i++)
            if (ns->v[i]) nameSetAdd(&grown, ns->v[i]);
        free(ns->v);
        *ns = grown;
    }
    h |= 1; /* never 0 */
    size_t i = h & (ns->cap - 1);
    while (ns->v[i] && ns->v[i] != h)
        i = (i + 1) & (ns->cap - 1);
    if (!ns->v[i]) ns->v[i] = h, ns->n++;
}

static int nameSetHas(const nameSet *ns, uint64_t h) {
    if (!ns->n) return 0;
    h |= 1;
    size_t i = h & (ns->cap - 1);
    while (ns->v[i]) {
        if (ns->v[i] == h) return 1;
        i = (i + 1) & (ns->cap - 1);
    }
    return 0;
}

static uint64_t keyName(int dbid, const char *key, size_t len) {
    return hashBytes(mix64(HASH_SEED + (uint64_t)dbid), key, len);
}

/* 1 if 'key' is one of the command's arguments. */
static int keyNamed(const char *key, size_t len, int argc, const char *const *argv,
                    const size_t *argvlen) {
    for (int i = 1; i < argc; i++)
        if (argvlen[i] == len && memcmp(argv[i], key, len) == 0) return 1;
    return 0;
}

/* A digest of the whole keyspace: every key's database, name, value (hashValue: deep for
 * the keys among the command's arguments) and TTL, leaving out the keys whose TTL is
 * before 'from_ms' (they may expire meanwhile). Reads only: no lookups, no rehash steps.
 * O(keys + expires) plus the named values. */
static uint64_t keyspaceDigest(rlServer *s, long long from_ms, int argc, const char *const *argv,
                               const size_t *argvlen) {
    static nameSet soon; /* keys left out; reused: the harness may keep statics */
    uint64_t sum = 0;
    if (soon.v) memset(soon.v, 0, soon.cap * sizeof(*soon.v));
    soon.n = 0;
    for (int i = 0; i < RL_DBNUM; i++) {
        dictIterator *it = dictGetIterator(s->db[i].expires);
        dictEntry *de;
        while ((de = dictNext(it)) != NULL) {
            uint64_t name = keyName(i, de->key, de->keylen);
            if (dictGetS64(de) < from_ms)
                nameSetAdd(&soon, name);
            else
                sum += mix64(name ^ mix64((uint64_t)dictGetS64(de)));
        }
        dictReleaseIterator(it);
    }
    for (int i = 0; i < RL_DBNUM; i++) {
        dictIterator *it = dictGetIterator(s->db[i].keys);
        dictEntry *de;
        while ((de = dictNext(it)) != NULL) {
            uint64_t name = keyName(i, de->key, de->keylen);
            if (nameSetHas(&soon, name)) continue;
            int deep = keyNamed(de->key, de->keylen, argc, argv, argvlen);
            sum += mix64(name + mix64(hashValue(keyVal(de), deep)));
        }
        dictReleaseIterator(it);
    }
    return sum;
}

/* 1 if the table flags command argv[0] (argv[0]|argv[1] for a container) READONLY. */
static int commandIsReadonly(int argc, const char *const *argv, const size_t *argvlen) {
    char name[64];
    size_t n = 0;
    for (int a = 0; a < argc && a < 2; a++) {
        if (a == 1) name[n++] = '|';
        for (size_t i = 0; i < argvlen[a]; i++) {
            char ch = argv[a][i];
            if (n + 2 >= sizeof(name)) return 0;
            name[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
        }
        name[n] = '\0';
        for (size_t i = 0; i < rlCommandCount(); i++) {
            const rlCommandInfo *info = rlCommandAt(i);
            if (strlen(info->name) != n || memcmp(info->name, name, n) != 0) continue;
            if (info->flags & RL_CMD_CONTAINER) break; /* look the subcommand up */
            return (info->flags & RL_CMD_READONLY) != 0;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- one run */

typedef struct fuzzRun {
    fuzzClock clock;
    rlServer *srv;
    rlClient *client[2]; /* the fuzzed clients; [1] created by the first "#2" */
    rlClient *ctl;       /* the control client (CLIENT UNBLOCK), created on demand */
    int cur;             /* index of the client sending commands */
    int hold;            /* outbox held (#h) */
    int held;            /* the outbox has messages that waited over a step (#h) */
    int repeat;          /* times to run the next command line (#x), 0 for once */
    int commands;        /* commands run so far (FUZZ_MAX_COMMANDS) */
    size_t pending;      /* outbox messages after the previous step */
    int server_first;    /* #q: the server's reference goes first at the end */
    int step;            /* line number, for messages */
    char what[160];      /* the current step, printable */
} fuzzRun;

/* A printable excerpt of the command for messages: bytes outside ' '..'~' as \xHH. */
static void describe(fuzzRun *r, int argc, const char *const *argv, const size_t *argvlen) {
    size_t n =
        (size_t)snprintf(r->what, sizeof(r->what), "line %d (client %d):", r->step, r->cur + 1);
    for (int i = 0; i < argc && n + 8 < sizeof(r->what); i++) {
        r->what[n++] = ' ';
        for (size_t j = 0; j < argvlen[i] && n + 8 < sizeof(r->what); j++) {
            unsigned char b = (unsigned char)argv[i][j];
            if (b >= ' ' && b <= '~' && b != '\\')
                r->what[n++] = (char)b;
            else
                n += (size_t)snprintf(r->what + n, sizeof(r->what) - n, "\\x%02X", b);
        }
    }
    r->what[n] = '\0';
}

static void debugCheck(fuzzRun *r) {
    char err[256];
    if (!rlDebugCheck(r->srv, err, sizeof(err))) {
        fprintf(stderr, "fuzz_exec: %s: rlDebugCheck: %s\n", r->what, err);
        abort();
    }
}

/* The fuzzed client with id 'id', or NULL (released, or the control client). */
static rlClient *clientById(fuzzRun *r, uint64_t id) {
    for (int i = 0; i < 2; i++)
        if (r->client[i] && rlClientId(r->client[i]) == id) return r->client[i];
    return NULL;
}

/* Replay every queued outbox message into the checking sink. A blocked command's reply
 * (RL_OUT_REPLY) must have unblocked its client (unless messages were held back by #h: the
 * client may have blocked again since). */
static void drainOutbox(fuzzRun *r) {
    uint64_t id;
    int kind, flags;
    while (rlOutboxPeek(r->srv, &id, &kind, &flags)) {
        replyCheck rc = {.what = r->what};
        if (kind != RL_OUT_MESSAGE && kind != RL_OUT_REPLY) fail(&rc, "unknown outbox kind");
        if (id == 0) fail(&rc, "outbox message for client id 0");
        rlClient *c = clientById(r, id);
        if (kind == RL_OUT_REPLY && !r->held && c && rlClientIsBlocked(c))
            fail(&rc, "a blocked command's reply queued for a client still blocked");
        trace("  outbox:", "", 0);
        rlOutboxPop(r->srv, &checkOps, &rc);
        trace("\n", "", 0);
        checkDone(&rc, 1);
    }
    r->pending = 0;
    r->held = 0;
}

/* After every step: the outbox signal (an embedder schedules its drain on it, so a missed
 * signal is a lost wakeup), the outbox drained, rlDebugCheck. */
static void afterStep(fuzzRun *r) {
    size_t pending = rlOutboxPending(r->srv);
    if (rlOutboxTakeSignal(r->srv) == 0 && r->pending == 0 && pending > 0) {
        replyCheck rc = {.what = r->what};
        fail(&rc, "the outbox filled up without raising its signal");
    }
    r->pending = pending;
    if (!r->hold || pending > FUZZ_HELD_MAX)
        drainOutbox(r);
    else if (pending)
        r->held = 1;
    debugCheck(r);
}

static int limitsSet(const rlServer *s) {
    return s->maxmemory || s->maxkeys;
}

/* Run one command on 'c' and check its reply: one value, or none if 'c' is now blocked;
 * with 'unchanged', an error reply or a READONLY command must leave the keyspace as it was
 * (see the header). */
static void runOn(fuzzRun *r, rlClient *c, int argc, const char *const *argv, const size_t *argvlen,
                  int unchanged) {
    replyCheck rc = {.what = r->what};
    /* Keys whose TTL passes before 'from_ms' may expire during the command: the clock moves
     * one microsecond per read, and a command reads it a handful of times. */
    long long from_ms = r->clock.us / 1000 + 1;
    uint64_t before = 0;
    unchanged = unchanged && !limitsSet(r->srv);
    if (unchanged) before = keyspaceDigest(r->srv, from_ms, argc, argv, argvlen);
    trace("", r->what, strlen(r->what));
    trace("\n ->", "", 0);
    rlExec(c, argc, argv, argvlen, &checkOps, &rc);
    trace("\n", "", 0);
    checkDone(&rc, rlClientIsBlocked(c) ? 0 : 1);
    if (!unchanged || limitsSet(r->srv)) return;
    if (!rc.error && !commandIsReadonly(argc, argv, argvlen)) return;
    if (r->clock.us / 1000 > from_ms) return; /* (over 1000 clock reads: never so far) */
    if (keyspaceDigest(r->srv, from_ms, argc, argv, argvlen) != before)
        fail(&rc, rc.error ? "the keyspace changed under an error reply"
                           : "the keyspace changed under a READONLY command");
}

/* The embedder's timer firing for blocked client 'c': CLIENT UNBLOCK <id> TIMEOUT. */
static void timeOut(fuzzRun *r, rlClient *c) {
    if (!r->ctl) r->ctl = rlClientNew(r->srv);
    char id[24];
    int n = snprintf(id, sizeof(id), "%llu", (unsigned long long)rlClientId(c));
    const char *argv[4] = {"CLIENT", "UNBLOCK", id, "TIMEOUT"};
    size_t argvlen[4] = {6, 7, (size_t)n, 7};
    char what[sizeof(r->what)];
    memcpy(what, r->what, sizeof(what));
    snprintf(r->what, sizeof(r->what), "line %d: the harness times out client %d first", r->step,
             r->cur + 1);
    runOn(r, r->ctl, 4, argv, argvlen, 0);
    if (rlClientIsBlocked(c)) {
        replyCheck rc = {.what = r->what};
        fail(&rc, "still blocked after CLIENT UNBLOCK");
    }
    afterStep(r);
    memcpy(r->what, what, sizeof(what));
}

/* ---------------------------------------------------------------- cost bounds */

static int argIs(const char *a, size_t len, const char *word) {
    if (strlen(word) != len) return 0;
    for (size_t i = 0; i < len; i++) {
        char ch = a[i];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
        if (ch != word[i]) return 0;
    }
    return 1;
}

/* A decimal integer as the core reads counts (optional '-', digits); 0 if not one. */
static int argNumber(const char *a, size_t len, long long *v) {
    size_t i = 0;
    int neg = 0;
    unsigned long long n = 0;
    if (len && a[0] == '-') neg = 1, i = 1;
    if (i == len || len > 20) return 0;
    for (; i < len; i++) {
        if (a[i] < '0' || a[i] > '9') return 0;
        if (n > 922337203685477580ULL) return 0;
        n = n * 10 + (unsigned)(a[i] - '0');
    }
    if (n > 9223372036854775807ULL) return 0;
    *v = neg ? -(long long)n : (long long)n;
    return 1;
}

/* 1 if the command's cost is set by a number instead of the data (see the header). */
static int tooExpensive(int argc, const char *const *argv, const size_t *argvlen) {
    long long v;
    if (argc == 4 && argIs(argv[0], argvlen[0], "setrange") && argNumber(argv[2], argvlen[2], &v))
        return v > FUZZ_MAX_OFFSET && v <= 512LL * 1024 * 1024 - (long long)argvlen[3];
    if (argc >= 3 &&
        (argIs(argv[0], argvlen[0], "srandmember") || argIs(argv[0], argvlen[0], "hrandfield") ||
         argIs(argv[0], argvlen[0], "zrandmember")) &&
        argNumber(argv[2], argvlen[2], &v))
        return v < -FUZZ_MAX_PICKS;
    return 0;
}

/* ---------------------------------------------------------------- parsing */

static int hexValue(unsigned char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* Split line 'p'/'n' into arguments decoded into 'buf' (at least 2 * 'n' bytes: "\i" grows
 * to 3 digits at most), 'rep' standing for "\i". Returns argc. */
static int splitLine(const uint8_t *p, size_t n, int rep, char *buf, const char **argv,
                     size_t *argvlen) {
    int argc = 0;
    size_t i = 0, out = 0;
    while (i < n && argc < FUZZ_MAX_ARGS) {
        while (i < n && p[i] == ' ')
            i++;
        if (i == n) break;
        size_t start = out, tok = i;
        while (i < n && p[i] != ' ') {
            int hi, lo;
            if (p[i] == '\\' && i + 3 < n && p[i + 1] == 'x' && (hi = hexValue(p[i + 2])) >= 0 &&
                (lo = hexValue(p[i + 3])) >= 0) {
                buf[out++] = (char)(hi * 16 + lo);
                i += 4;
            } else if (p[i] == '\\' && i + 1 < n && p[i + 1] == 'i') {
                out += (size_t)snprintf(buf + out, 4, "%d", rep);
                i += 2;
            } else {
                buf[out++] = (char)p[i++];
            }
        }
        if (i - tok == 2 && p[tok] == '"' && p[tok + 1] == '"') out = start; /* "" */
        argv[argc] = buf + start;
        argvlen[argc] = out - start;
        argc++;
    }
    return argc;
}

/* The number after a directive letter (optional '-', at most 10 digits), or 'dflt'. */
static long long directiveNumber(const uint8_t *p, size_t n, long long dflt) {
    size_t i = 0, digits = 0;
    int neg = 0;
    long long v = 0;
    if (i < n && p[i] == '-') neg = 1, i++;
    for (; i < n && p[i] >= '0' && p[i] <= '9' && digits < 10; i++, digits++)
        v = v * 10 + (p[i] - '0');
    if (!digits) return dflt;
    return neg ? -v : v;
}

static rlClient *currentClient(fuzzRun *r) {
    if (!r->client[r->cur]) r->client[r->cur] = rlClientNew(r->srv);
    return r->client[r->cur];
}

static void directive(fuzzRun *r, const uint8_t *p, size_t n) {
    snprintf(r->what, sizeof(r->what), "line %d (client %d): directive #%.*s", r->step, r->cur + 1,
             (int)(n < 32 ? n : 32), (const char *)p);
    trace("", r->what, strlen(r->what));
    trace("\n", "", 0);
    if (n == 0) return;
    switch (p[0]) {
    case 't':
        r->clock.us += directiveNumber(p + 1, n - 1, 1000) * 1000;
        break;
    case 'c': {
        long long budget = directiveNumber(p + 1, n - 1, FUZZ_CRON_BUDGET_US);
        rlCron(r->srv, budget < 0 ? 0 : budget);
        break;
    }
    case '1':
    case '2':
        r->cur = p[0] - '1';
        currentClient(r);
        return; /* no state changed */
    case 'r':
        if (n >= 2 && (p[1] == '2' || p[1] == '3'))
            rlClientSetProtocol(currentClient(r), p[1] - '0');
        break;
    case 'k':
        rlClientRelease(currentClient(r));
        r->client[r->cur] = rlClientNew(r->srv);
        break;
    case 'h':
        r->hold = !r->hold;
        break;
    case 'd':
        while (rlOutboxPending(r->srv))
            rlOutboxPop(r->srv, NULL, NULL);
        r->pending = 0;
        r->held = 0;
        break;
    case 'q':
        r->server_first = 1;
        return; /* no state changed */
    case 'x': {
        long long times = directiveNumber(p + 1, n - 1, 100);
        r->repeat = times < 1 ? 1 : times > FUZZ_MAX_REPEAT ? FUZZ_MAX_REPEAT : (int)times;
        return; /* no state changed */
    }
    default:
        return; /* a comment */
    }
    afterStep(r);
}

/* Run command line 'p'/'n' (as many times as #x asked). */
static void command(fuzzRun *r, const uint8_t *p, size_t n, char *buf) {
    const char *argv[FUZZ_MAX_ARGS];
    size_t argvlen[FUZZ_MAX_ARGS];
    int times = r->repeat ? r->repeat : 1;
    r->repeat = 0;
    for (int rep = 0; rep < times && r->commands < FUZZ_MAX_COMMANDS; rep++) {
        int argc = splitLine(p, n, rep, buf, argv, argvlen);
        if (argc == 0 || tooExpensive(argc, argv, argvlen)) return;
        r->commands++;
        rlClient *c = currentClient(r);
        describe(r, argc, argv, argvlen);
        if (rlClientIsBlocked(c)) timeOut(r, c);
        runOn(r, c, argc, argv, argvlen, 1);
        afterStep(r);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char buf[2 * FUZZ_MAX_INPUT]; /* decoded arguments of the current line */
    if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
    fuzzRun r;
    memset(&r, 0, sizeof(r));
    r.clock.us = FUZZ_START_US;
    rlConfig cfg = {0};
    cfg.clock = fuzzClockNow;
    cfg.clock_ctx = &r.clock;
    cfg.seed = FUZZ_SEED;
    cfg.active_expire = 1;
    r.srv = rlServerNew(&cfg);
    currentClient(&r);
    snprintf(r.what, sizeof(r.what), "start");
    size_t pos = 0;
    while (pos < size && r.step < FUZZ_MAX_STEPS && r.commands < FUZZ_MAX_COMMANDS) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        size_t end = nl ? (size_t)(nl - data) : size;
        r.step++;
        if (end > pos && data[pos] == '#')
            directive(&r, data + pos + 1, end - pos - 1);
        else
            command(&r, data + pos, end - pos, buf);
        pos = end + 1;
    }
    snprintf(r.what, sizeof(r.what), "end of input");
    drainOutbox(&r);
    debugCheck(&r);
    if (r.server_first) rlServerRelease(r.srv); /* the clients keep it alive */
    for (int i = 0; i < 2; i++) {
        rlClientRelease(r.client[i]);
        r.client[i] = NULL;
    }
    rlClientRelease(r.ctl);
    if (r.server_first) return 0; /* freed with the last client */
    drainOutbox(&r);              /* messages for clients now gone: the embedder drops them */
    rlServerRelease(r.srv);
    return 0;
}
