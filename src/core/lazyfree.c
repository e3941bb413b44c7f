/* lazyfree.c -- deferred freeing of whole dicts (FLUSHALL/FLUSHDB ASYNC), in slices run by
 * the cron so that releasing millions of entries never stalls the caller.
 *
 * The queue walks the dict's bucket arrays directly (dict.h exposes them) and frees entries
 * through the dict's destructor, a bounded number per step. */
#include "server.h"

/* An empty bucket costs this fraction of an entry against the step budget. */
#define LAZYFREE_EMPTY_BUCKET_COST_DIV 16

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
    long work = 0, empty = 0;
    while (s->lazyfree_head && (budget < 0 || work < budget)) {
        rlLazyFree *lf = s->lazyfree_head;
        dict *d = lf->d;
        while (lf->table < 2 && (budget < 0 || work < budget)) {
            int t = lf->table;
            if (lf->idx >= d->size[t]) {
                lf->table++;
                lf->idx = 0;
                continue;
            }
            dictEntry *de = d->table[t][lf->idx];
            while (de && (budget < 0 || work < budget)) {
                dictEntry *next = de->next;
                dictFreeUnlinkedEntry(d, de);
                d->used[t]--;
                work++;
                de = next;
            }
            d->table[t][lf->idx] = de;
            if (!de) {
                lf->idx++;
                if (++empty % LAZYFREE_EMPTY_BUCKET_COST_DIV == 0) work++;
            }
        }
        if (lf->table < 2) break;
        rl_free(d->table[0]);
        rl_free(d->table[1]);
        rl_free(d);
        s->lazyfree_head = lf->next;
        rl_free(lf);
        s->stats.lazyfree_pending--;
    }
    return s->lazyfree_head != NULL;
}
