/* lazyfree.c -- deferred freeing of whole dicts (FLUSHALL/FLUSHDB ASYNC), in slices run by
 * the cron so that releasing millions of entries never stalls the caller.
 *
 * Each step frees a bounded number of entries through dictEmptySome (which also releases
 * the bucket segments it has passed). */
#include "server.h"

/* Queue 'd' to be freed by later lazyfreeStep calls; the caller must drop every reference
 * to it. O(1). */
void lazyfreeDict(rlServer *s, dict *d) {
    rlLazyFree *lf = rl_calloc(1, sizeof(*lf));
    lf->d = d;
    rlLazyFree **tail = &s->lazyfree_head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = lf;
    s->stats.lazyfree_pending++;
}

/* Free up to 'budget' entries (negative: everything) from the queue. Returns 1 while work
 * remains. */
int lazyfreeStep(rlServer *s, long budget) {
    while (s->lazyfree_head) {
        rlLazyFree *lf = s->lazyfree_head;
        if (dictEmptySome(lf->d, &lf->table, &lf->idx, budget)) return 1;
        dictRelease(lf->d); /* empty now: O(1) */
        s->lazyfree_head = lf->next;
        rl_free(lf);
        s->stats.lazyfree_pending--;
        if (budget >= 0) break; /* one dict per bounded step */
    }
    return s->lazyfree_head != NULL;
}
