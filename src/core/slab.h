/* slab.h -- a per-server allocator for the small objects of the keyspace (dict entries,
 * value headers, short strings).
 *
 * Why: every key costs two small allocations. Through malloc each pays an 8-byte header
 * and rounds up to 16 bytes, and glibc parks freed small chunks in "fastbins" that it
 * merges all at once (malloc_consolidate) on the next large request: after FLUSHALL or a
 * mass expiry of N keys that single malloc walks ~2N chunks, a stall of milliseconds.
 * Here objects of up to SLAB_MAX_SIZE bytes come from 64 KB pages owned by the server, in
 * size classes of SLAB_QUANTUM bytes, with one free list per class: no per-object header,
 * no consolidation, O(1) alloc and free. Larger requests go to rl_malloc. Each class carves
 * its own pages, so objects of one kind (dict entries, say) sit densely together: a hash
 * chain walk touches fewer cache lines than if entries were interleaved with values.
 *
 * The caller passes the size on free (every object here knows its size). Pages are
 * returned only when the server is released: memory freed by deletions is reused by later
 * writes, as with Redis's allocator. Under AddressSanitizer free and never-used slots are
 * poisoned, so use-after-free inside a page is still reported. */
#ifndef RL_SLAB_H
#define RL_SLAB_H

#include <stddef.h>

#define SLAB_QUANTUM 16
#define SLAB_MAX_SIZE 256
#define SLAB_CLASSES (SLAB_MAX_SIZE / SLAB_QUANTUM)
#define SLAB_PAGE_SIZE (64 * 1024)

typedef struct slabPage slabPage;

typedef struct rlSlab {
    void *freelist[SLAB_CLASSES]; /* singly linked through each free slot's first word */
    char *bump[SLAB_CLASSES];     /* per class: uncarved rest of its current page */
    size_t bump_left[SLAB_CLASSES];
    slabPage *pages;    /* every page, oldest first */
    slabPage *last;     /* newest page (where new pages are appended) */
    slabPage *reuse;    /* after slabReset: next page to carve again, NULL when none */
    size_t pages_bytes; /* bytes held in pages (for memory reporting) */
} rlSlab;

/* Allocate 'size' bytes (aligned to 16 when size > 8). Never returns NULL. O(1). */
void *slabAlloc(rlSlab *s, size_t size);
/* Free 'p' of 'size' bytes (the size it was allocated with). NULL is a no-op. O(1). */
void slabFree(rlSlab *s, void *p, size_t size);
/* Forget every object at once (the caller guarantees none is live) but keep the pages:
 * later allocations carve them again from the first one, in order, so objects written
 * together are laid out together (free lists would hand slots out in the order they were
 * freed). O(pages). */
void slabReset(rlSlab *s);
/* Free every page. The slab is empty (and reusable) afterwards. */
void slabRelease(rlSlab *s);

#endif
