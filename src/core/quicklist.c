/* quicklist.c -- the list of listpack nodes described in quicklist.h. */
#include "quicklist.h"

#include <string.h>

#include "alloc.h"
#include "listpack.h"

/* Bytes an entry of 'len' bytes adds to a listpack (an upper bound: len + 10). */
#define ENTRY_BOUND(len) ((size_t)(len) + 10)

quicklist *qlCreate(rlSlab *sl) {
    quicklist *ql = slabAlloc(sl, sizeof(*ql));
    memset(ql, 0, sizeof(*ql));
    return ql;
}

static qlNode *nodeNew(rlSlab *sl) {
    qlNode *n = slabAlloc(sl, sizeof(*n));
    n->prev = n->next = NULL;
    n->lp = lpNew(sl);
    return n;
}

static void nodeFree(rlSlab *sl, qlNode *n) {
    lpFree(sl, n->lp);
    slabFree(sl, n, sizeof(*n));
}

static void linkAfter(quicklist *ql, qlNode *old, qlNode *n) {
    n->prev = old;
    n->next = old ? old->next : ql->head;
    if (n->next)
        n->next->prev = n;
    else
        ql->tail = n;
    if (old)
        old->next = n;
    else
        ql->head = n;
    ql->len++;
}

static void unlinkNode(quicklist *ql, qlNode *n) {
    if (n->prev)
        n->prev->next = n->next;
    else
        ql->head = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        ql->tail = n->prev;
    ql->len--;
}

void qlRelease(rlSlab *sl, quicklist *ql) {
    while (qlReleaseSome(sl, ql, -1))
        ;
}

int qlReleaseSome(rlSlab *sl, quicklist *ql, long budget) {
    long freed = 0;
    while (ql->head && (budget < 0 || freed < budget)) {
        qlNode *n = ql->head;
        freed += (long)lpLength(n->lp) + 1;
        ql->count -= lpLength(n->lp);
        unlinkNode(ql, n);
        nodeFree(sl, n);
    }
    if (ql->head) return 1;
    slabFree(sl, ql, sizeof(*ql));
    return 0;
}

quicklist *qlDup(rlSlab *sl, const quicklist *ql) {
    quicklist *n = qlCreate(sl);
    for (qlNode *x = ql->head; x; x = x->next) {
        qlNode *c = slabAlloc(sl, sizeof(*c));
        c->lp = lpDup(sl, x->lp);
        linkAfter(n, n->tail, c);
    }
    n->count = ql->count;
    return n;
}

/* 1 if 'len' more bytes fit in node 'n' (an empty node takes anything). */
static int nodeFits(const qlNode *n, size_t len) {
    return lpLength(n->lp) == 0 || lpBytes(n->lp) + ENTRY_BOUND(len) <= QL_NODE_MAX_BYTES;
}

void qlPush(rlSlab *sl, quicklist *ql, const char *s, size_t len, int where) {
    qlNode *n = where == QL_HEAD ? ql->head : ql->tail;
    if (!n || !nodeFits(n, len)) {
        qlNode *fresh = nodeNew(sl);
        linkAfter(ql, where == QL_HEAD ? NULL : ql->tail, fresh);
        n = fresh;
    }
    n->lp = where == QL_HEAD ? lpPrepend(sl, n->lp, s, len) : lpAppend(sl, n->lp, s, len);
    ql->count++;
}

int qlIndex(const quicklist *ql, long index, qlEntry *e) {
    long count = (long)ql->count;
    if (index < 0) index += count;
    if (index < 0 || index >= count) return 0;
    if (index < count / 2) {
        qlNode *n = ql->head;
        while (index >= (long)lpLength(n->lp)) {
            index -= (long)lpLength(n->lp);
            n = n->next;
        }
        e->node = n;
        e->p = lpSeek(n->lp, index);
    } else {
        long back = count - 1 - index; /* 0 = the last element */
        qlNode *n = ql->tail;
        while (back >= (long)lpLength(n->lp)) {
            back -= (long)lpLength(n->lp);
            n = n->prev;
        }
        e->node = n;
        e->p = lpSeek(n->lp, -1 - back);
    }
    return 1;
}

const char *qlGet(const qlEntry *e, size_t *len) {
    return lpGet(e->p, len);
}

int qlMove(const quicklist *ql, qlEntry *e, int dir) {
    (void)ql;
    unsigned char *p = dir == QL_TAIL ? lpNext(e->node->lp, e->p) : lpPrev(e->node->lp, e->p);
    if (p) {
        e->p = p;
        return 1;
    }
    qlNode *n = dir == QL_TAIL ? e->node->next : e->node->prev;
    if (!n) return 0;
    e->node = n;
    e->p = dir == QL_TAIL ? lpFirst(n->lp) : lpLast(n->lp);
    return 1;
}

/* Split node 'n' in two halves if it grew past the node limit and has more than one
 * entry. */
static void splitIfNeeded(rlSlab *sl, quicklist *ql, qlNode *n) {
    uint32_t cnt = lpLength(n->lp);
    if (lpBytes(n->lp) <= QL_NODE_MAX_BYTES || cnt < 2) return;
    qlNode *right = nodeNew(sl);
    unsigned char *p = lpSeek(n->lp, cnt / 2);
    for (unsigned char *q = p; q; q = lpNext(n->lp, q)) {
        size_t len;
        const char *s = lpGet(q, &len);
        right->lp = lpAppend(sl, right->lp, s, len);
    }
    n->lp = lpDeleteRange(sl, n->lp, lpSeek(n->lp, cnt / 2), cnt - cnt / 2, NULL);
    linkAfter(ql, n, right);
}

void qlReplace(rlSlab *sl, quicklist *ql, qlEntry *e, const char *s, size_t len) {
    size_t off = (size_t)(e->p - e->node->lp);
    e->node->lp = lpReplace(sl, e->node->lp, &e->p, s, len);
    if (lpBytes(e->node->lp) > QL_NODE_MAX_BYTES && lpLength(e->node->lp) > 1) {
        /* re-find the entry after the split by its ordinal inside the old node */
        long ord = 0;
        for (unsigned char *q = lpFirst(e->node->lp); q && (size_t)(q - e->node->lp) < off;
             q = lpNext(e->node->lp, q))
            ord++;
        qlNode *n = e->node;
        splitIfNeeded(sl, ql, n);
        if (ord >= (long)lpLength(n->lp)) {
            ord -= (long)lpLength(n->lp);
            n = n->next;
        }
        e->node = n;
        e->p = lpSeek(n->lp, ord);
    }
}

void qlInsert(rlSlab *sl, quicklist *ql, const qlEntry *e, const char *s, size_t len, int after) {
    qlNode *n = e->node;
    unsigned char *at = after ? lpNext(n->lp, e->p) : e->p;
    n->lp = lpInsert(sl, n->lp, at, s, len, NULL);
    ql->count++;
    splitIfNeeded(sl, ql, n);
}

int qlDelete(rlSlab *sl, quicklist *ql, qlEntry *e, int dir) {
    qlNode *n = e->node;
    unsigned char *next;
    size_t off = (size_t)(e->p - n->lp);
    n->lp = lpDelete(sl, n->lp, e->p, &next);
    ql->count--;
    if (lpLength(n->lp) == 0) {
        qlNode *other = dir == QL_TAIL ? n->next : n->prev;
        unlinkNode(ql, n);
        nodeFree(sl, n);
        if (!other) return 0;
        e->node = other;
        e->p = dir == QL_TAIL ? lpFirst(other->lp) : lpLast(other->lp);
        return 1;
    }
    if (dir == QL_TAIL) {
        if (next) {
            e->p = next;
            return 1;
        }
        if (!n->next) return 0;
        e->node = n->next;
        e->p = lpFirst(n->next->lp);
        return 1;
    }
    /* towards the head: the entry before the deleted one (lpPrev also works from the end
     * of the listpack, when the deleted entry was the node's last) */
    unsigned char *prev = off > LP_HDR_SIZE ? lpPrev(n->lp, n->lp + off) : NULL;
    if (prev) {
        e->p = prev;
        return 1;
    }
    if (!n->prev) return 0;
    e->node = n->prev;
    e->p = lpLast(n->prev->lp);
    return 1;
}

void qlDeleteRange(rlSlab *sl, quicklist *ql, long start, unsigned long count) {
    qlEntry e;
    if (count == 0 || !qlIndex(ql, start, &e)) return;
    while (count > 0) {
        qlNode *n = e.node;
        uint32_t avail = 0;
        for (unsigned char *q = e.p; q; q = lpNext(n->lp, q))
            avail++;
        if (e.p == lpFirst(n->lp) && avail <= count) { /* the whole node */
            qlNode *next = n->next;
            count -= avail;
            ql->count -= avail;
            unlinkNode(ql, n);
            nodeFree(sl, n);
            if (!next) return;
            e.node = next;
            e.p = lpFirst(next->lp);
            continue;
        }
        unsigned long del = avail < count ? avail : count;
        n->lp = lpDeleteRange(sl, n->lp, e.p, del, NULL);
        ql->count -= del;
        count -= del;
        if (!count || !n->next) return;
        e.node = n->next;
        e.p = lpFirst(e.node->lp);
    }
}

int qlValidate(const quicklist *ql) {
    unsigned long count = 0, len = 0;
    const qlNode *prev = NULL;
    for (const qlNode *n = ql->head; n; n = n->next) {
        if (n->prev != prev || lpLength(n->lp) == 0 || !lpValidate(n->lp)) return 0;
        count += lpLength(n->lp);
        len++;
        prev = n;
    }
    return prev == ql->tail && count == ql->count && len == ql->len;
}

size_t qlMemUsage(const quicklist *ql, long samples) {
    size_t bytes = 0, seen = 0;
    for (const qlNode *n = ql->head; n && (samples <= 0 || seen < (size_t)samples); n = n->next) {
        bytes += slabObjectBytes(sizeof(*n)) + lpAllocBytes(n->lp);
        seen++;
    }
    if (seen && seen < ql->len) bytes = (size_t)((double)bytes / (double)seen * (double)ql->len);
    return slabObjectBytes(sizeof(*ql)) + bytes;
}
