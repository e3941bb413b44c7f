/* lazyfree.c -- deferred freeing of whole dicts (FLUSHALL/FLUSHDB ASYNC, big hashes and
 * sets) and quicklists (big lists), in slices run by the cron so that releasing millions of
 * elements never stalls the caller.
 *
 * Each step frees a bounded number of entries through dictEmptySome (which also releases
 * the bucket segments it has passed) or qlReleaseSome. */
#include "server.h"

static void enqueue(rlServer *s, rlLazyFree *lf) {
    if (s->lazyfree_tail)
        s->lazyfree_tail->next = lf;
    else
        s->lazyfree_head = lf;
    s->lazyfree_tail = lf;
    s->stats.lazyfree_pending++;
}

/* Queue 'd' to be freed by later lazyfreeStep calls; the caller must drop every reference
 * to it. O(1). */
void lazyfreeDict(rlServer *s, dict *d) {
    rlLazyFree *lf = rl_calloc(1, sizeof(*lf));
    lf->d = d;
    enqueue(s, lf);
}

/* Free a collection's dict: at once when small, through the queue above LAZYFREE_THRESHOLD
 * entries. O(1) for big dicts, O(LAZYFREE_THRESHOLD) at most otherwise. */
void freeDictMaybeLazy(rlServer *s, dict *d) {
    if (dictSize(d) > LAZYFREE_THRESHOLD)
        lazyfreeDict(s, d);
    else
        dictRelease(d);
}

/* The same for another structure, freed in slices by 'freeSome' (see rlLazyFree). */
void lazyfreeObject(rlServer *s, void *obj, int (*freeSome)(rlSlab *, void *, long)) {
    rlLazyFree *lf = rl_calloc(1, sizeof(*lf));
    lf->obj = obj;
    lf->freeSome = freeSome;
    enqueue(s, lf);
}

/* Free up to 'budget' entries (negative: everything) from the queue. Returns 1 while work
 * remains. */
int lazyfreeStep(rlServer *s, long budget) {
    while (s->lazyfree_head) {
        rlLazyFree *lf = s->lazyfree_head;
        if (lf->freeSome) {
            if (lf->freeSome(&s->slab, lf->obj, budget)) return 1; /* 0: freed, obj too */
        } else {
            if (dictEmptySome(lf->d, &lf->table, &lf->idx, budget)) return 1;
            dictRelease(lf->d); /* empty now: O(1) */
        }
        s->lazyfree_head = lf->next;
        if (!s->lazyfree_head) s->lazyfree_tail = NULL;
        rl_free(lf);
        s->stats.lazyfree_pending--;
        if (budget >= 0) break; /* one dict per bounded step */
    }
    return s->lazyfree_head != NULL;
}
