/* cron.c -- rlCron: the one entry point for background work, run from an unref'd timer
 * by the binding. Each kind of work runs in slices, and the whole call stays within the
 * caller's time budget (the 1 ms rule). */
#include "server.h"

/* Delay before the next call when no work is pending (ms): Redis's default hz = 10. */
#define CRON_IDLE_DELAY_MS 100
/* Commands between two checks that the embedder's timer still runs the cron; how late it
 * may be before a command runs it instead; and that run's budget: half the timer's, so that
 * the command that carries it stays well within 1 ms, while a starved cron with work
 * pending still gets about a tenth of the time. */
#define CRON_CHECK_EVERY 128
#define CRON_STARVED_US 5000
#define CRON_INLINE_BUDGET_US 500
/* Buckets moved per rehash slice, and entries freed per lazy-free slice, between clock
 * checks. */
#define CRON_REHASH_SLICE 100
#define CRON_LAZYFREE_SLICE 1000
/* Empty slab pages given back to the system per cron call (one madvise each, a few us). */
#define CRON_TRIM_PAGES 32

/* Rehash slices over every dict of every database until done or out of budget. Returns 1
 * when rehashing remains. */
static int cronRehash(rlServer *s, long long deadline) {
    int more = 0;
    for (int i = 0; i < RL_DBNUM; i++) {
        dict *ds[2] = {s->db[i].keys, s->db[i].expires};
        for (int k = 0; k < 2; k++) {
            dictResizeIfNeeded(ds[k]);
            while (dictIsRehashing(ds[k])) {
                if (rlServerClockUs(s) >= deadline) return 1;
                if (!dictRehash(ds[k], CRON_REHASH_SLICE)) break;
            }
            if (dictIsRehashing(ds[k])) more = 1;
        }
    }
    return more;
}

long long rlCron(rlServer *s, long long budget_us) {
    long long start = rlServerClockUs(s);
    long long deadline = start + budget_us;
    int more = 0;
    if (s->cfg.active_expire) more |= activeExpireCycle(s, budget_us / 2 > 0 ? budget_us / 2 : 1);
    more |= cronRehash(s, deadline);
    s->clock_ms = start / 1000; /* keeps the access clock current between commands */
    /* a limit lowered at run time, or an eviction step that ran out of time */
    if (evictLimitSet(s) && performEvictions(s) == EVICT_RUNNING) more = 1;
    while (s->lazyfree_head) {
        if (rlServerClockUs(s) >= deadline) {
            more = 1;
            break;
        }
        lazyfreeStep(s, CRON_LAZYFREE_SLICE);
    }
    /* Memory of pages emptied by deletes and expiry goes back to the system, a slice at a
     * time, once the keyspace has stopped drawing pages from the pool since the last step:
     * while it grows again (a refill after a flush), the pages are reused instead of being
     * given back and faulted in again. */
    if (s->slab.pool_pages > SLAB_POOL_KEEP_PAGES && !s->slab.drawn &&
        rlServerClockUs(s) < deadline) {
        slabTrim(&s->slab, CRON_TRIM_PAGES);
        if (s->slab.pool_pages > SLAB_POOL_KEEP_PAGES) more = 1;
    }
    s->slab.drawn = 0;
    size_t used = slabUsed(&s->slab);
    if (used > s->stats.used_memory_peak) s->stats.used_memory_peak = used;
    s->cron_due_us = rlServerClockUs(s) + (more ? 0 : CRON_IDLE_DELAY_MS * 1000LL);
    return more ? 0 : CRON_IDLE_DELAY_MS;
}

void cronRunIfStarved(rlServer *s) {
    if (++s->cron_check_tick < CRON_CHECK_EVERY) return;
    s->cron_check_tick = 0;
    if (rlServerClockUs(s) - s->cron_due_us >= CRON_STARVED_US) rlCron(s, CRON_INLINE_BUDGET_US);
}
