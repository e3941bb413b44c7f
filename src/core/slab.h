/* slab.h -- a per-server allocator for the small objects of the keyspace (dict entries,
 * value headers, short strings).
 *
 * Why: every key costs two small allocations. Through malloc each pays an 8-byte header
 * and rounds up to 16 bytes, and glibc parks freed small chunks in "fastbins" that it
 * merges all at once (malloc_consolidate) on the next large request: after FLUSHALL or a
 * mass expiry of N keys that single malloc walks ~2N chunks, a stall of milliseconds.
 * Here objects of up to SLAB_MAX_SIZE bytes come from 64 KB pages owned by the server, in
 * size classes of SLAB_QUANTUM (8) bytes: no per-object header, no consolidation, O(1) alloc
 * and free. (Nothing the keyspace keeps needs more than 8-byte alignment, and 8-byte
 * classes waste at most 7 bytes an object where 16-byte ones wasted up to 15: a 16-byte
 * key's dict entry is 40 bytes, not 48.) Larger requests go to rl_malloc. Each class carves
 * its own pages, so objects of one kind (dict entries, say) sit densely together: a hash
 * chain walk touches fewer cache lines than if entries were interleaved with values.
 *
 * The slab is also the server's memory account: it counts the bytes of the live objects it
 * handed out (class-rounded for small ones, as requested for large ones), plus the
 * allocations charged to it with slabCharge, which is what INFO's used_memory and maxmemory
 * use. Everything the keyspace holds goes through it, and nothing else does.
 *
 * The caller passes the size on free (every object here knows its size). Pages are aligned
 * to their size, so an object's page is found from its address; each page keeps its own
 * free list and count of live objects (as mimalloc's pages do). A class allocates from its
 * current page, then from its other pages with free slots, so that freed slots are refilled
 * page by page rather than scattered over every page. A page whose last object is freed
 * goes to a pool of empty pages that every class draws from: memory freed by one kind of
 * object is reused by any other, so a workload that shifts between sizes does not ratchet
 * the pages up class by class. Pages go back to the system allocator when the server is
 * released (as before: memory freed by deletions is reused by later writes). Under
 * AddressSanitizer free and never-used slots are poisoned, so use-after-free inside a page
 * is still reported. */
#ifndef RL_SLAB_H
#define RL_SLAB_H

#include <stddef.h>

#define SLAB_QUANTUM 8
#define SLAB_MAX_SIZE 256
#define SLAB_CLASSES (SLAB_MAX_SIZE / SLAB_QUANTUM)
#define SLAB_PAGE_SIZE (64 * 1024)
/* Pages come from the system in chunks of 2 MB, aligned to 2 MB. With 'hugepages' set
 * (CONFIG SET hugepages yes), every chunk after a server's first is advised to be one huge
 * page (rl_advise_hugepages); the first keeps small pages, so a small keyspace costs only
 * the pages it touches. Why: a GET at 200k keys misses the CPU caches on its bucket, its
 * entry and its value, and with 4 KB pages each miss is also a TLB miss, which a virtual
 * machine pays twice (nested page tables): with huge pages, sync GETs at 200k keys ran ~30%
 * faster on the development VM. Why not by default: the first touch of a huge page faults
 * in 2 MB at once. That took ~0.3 ms there on memory the VM had used before, but ~6 ms on
 * memory its host had never backed, and on a fragmented host the kernel may compact memory
 * first: a write that starts a chunk could stall the event loop. */
#define SLAB_CHUNK_PAGES 32
#define SLAB_CHUNK_SIZE (SLAB_CHUNK_PAGES * SLAB_PAGE_SIZE)

typedef struct slabPage slabPage;

typedef struct rlSlab {
    slabPage *cur[SLAB_CLASSES];   /* per class: the page allocations come from */
    slabPage *avail[SLAB_CLASSES]; /* per class: its other pages with a free slot */
    slabPage *pool;                /* empty pages, any class may take one */
    void **chunks;                 /* every chunk, oldest first */
    size_t nchunks, chunks_cap;
    size_t chunk_pages_left; /* pages of the newest chunk not carved yet */
    size_t pool_pages;       /* pages in 'pool' */
    size_t pages_bytes;      /* bytes held in pages, pooled ones included */
    size_t used_small;       /* bytes of live objects carved from pages (class-rounded) */
    size_t used_large;       /* bytes of live objects above SLAB_MAX_SIZE and charged bytes */
    slabPage *bare;          /* empty pages whose memory went back to the system (slabTrim) */
    size_t bare_pages;       /* pages in 'bare' */
    int drawn;               /* a page was taken from 'pool' or 'bare' since the owner last
                                cleared this (cron.c trims only while none is) */
    size_t huge_chunks;      /* chunks advised to be huge pages */
    int hugepages;           /* advise new chunks after the first to be huge pages */
} rlSlab;

/* The bytes an object of 'size' counts for: its size class for a small one, its size for a
 * large one. */
static inline size_t slabObjectBytes(size_t size) {
    if (size == 0) size = 1;
    return size > SLAB_MAX_SIZE ? size : (size + SLAB_QUANTUM - 1) / SLAB_QUANTUM * SLAB_QUANTUM;
}

/* The allocation an object that grows in place (a listpack) gets for 'size' bytes: 'size'
 * when small (the slab's classes round it), else 'size' rounded up to an eighth of the next
 * power of two (jemalloc's spacing), so that an object growing a few bytes at a time is
 * reallocated only when it crosses a class. */
static inline size_t slabCapacity(size_t size) {
    if (size <= SLAB_MAX_SIZE) return size;
    size_t p = SLAB_MAX_SIZE;
    while (p < size)
        p <<= 1;
    size_t step = p / 8;
    return (size + step - 1) / step * step;
}

/* Empty pages kept in the pool with their memory (4 MB): slabTrim gives back the rest. */
#define SLAB_POOL_KEEP_PAGES 64
/* What slabTrim gives back of a page: all but its first 4 KB (the header lives there). */
#define SLAB_TRIM_OFFSET 4096

/* Bytes of pages the slab holds in memory: carved pages less what slabTrim gave back. */
static inline size_t slabResidentBytes(const rlSlab *s) {
    return s->pages_bytes - s->bare_pages * (SLAB_PAGE_SIZE - SLAB_TRIM_OFFSET);
}

/* Bytes of live objects and charges: the memory the keyspace holds. */
static inline size_t slabUsed(const rlSlab *s) {
    return s->used_small + s->used_large;
}

/* Count 'bytes' more (or, with slabUncharge, fewer) held outside the slab's own objects:
 * memory the keyspace allocated elsewhere (a RAW string's sds, dict bucket arrays). */
static inline void slabCharge(rlSlab *s, size_t bytes) {
    s->used_large += bytes;
}
static inline void slabUncharge(rlSlab *s, size_t bytes) {
    s->used_large -= bytes;
}

/* Allocate 'size' bytes (aligned to 8). Never returns NULL. O(1). */
void *slabAlloc(rlSlab *s, size_t size);
/* Free 'p' of 'size' bytes (the size it was allocated with). NULL is a no-op. O(1). */
void slabFree(rlSlab *s, void *p, size_t size);
/* Resize 'p' from 'old' to 'size' bytes, keeping the first min(old, size) bytes: a large
 * object stays on rl_realloc (which can grow in place), a small one moves between classes
 * only when its class changes. O(size) at most. */
void *slabRealloc(rlSlab *s, void *p, size_t old, size_t size);
/* Forget every object at once (the caller guarantees none is live) but keep the pages:
 * every page goes back to the pool in the order the pages were created, so later
 * allocations carve them again in order and objects written together are laid out together
 * (free lists would hand slots out in the order they were freed). Large objects and charges
 * are not affected. O(pages). */
void slabReset(rlSlab *s);
/* Give the memory of up to 'max_pages' pooled (empty) pages back to the system, beyond the
 * SLAB_POOL_KEEP_PAGES most recently emptied: after a mass delete or expiry the process's
 * RSS comes down instead of staying at its peak. The pages stay the slab's and are reused
 * (after the resident ones) when the keyspace grows again, faulting fresh memory in. Returns
 * the number of pages trimmed. O(max_pages). */
size_t slabTrim(rlSlab *s, size_t max_pages);
/* Free every page. The slab is empty (and reusable) afterwards. */
void slabRelease(rlSlab *s);

#endif
