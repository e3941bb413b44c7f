/* slab.c -- size-class allocator for small keyspace objects (see slab.h). */
#include "slab.h"
#include "alloc.h"

#include <stdint.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define RL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RL_ASAN 1
#endif
#endif

#ifdef RL_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* A page: this header, then the slots of one class. SLAB_PAGE_SIZE bytes, aligned to
 * SLAB_PAGE_SIZE. While it belongs to a class it is that class's current page, or in its
 * 'avail' list (it has a free slot), or in no list (every slot is live); an empty page that
 * is not current is in the pool. */
struct slabPage {
    slabPage *next, *prev; /* in the class's 'avail' list, or the pool (next only) */
    void *free;            /* freed slots, linked through their first word */
    char *bump;            /* the uncarved rest of the page */
    unsigned used;         /* live objects */
    unsigned short cls;    /* size class while in use */
    unsigned char listed;  /* 1 while in the class's 'avail' list */
    unsigned char pad[25];
    char data[]; /* 8-byte (indeed 64-byte) aligned: the header is 64 bytes */
};
_Static_assert(sizeof(slabPage) == 64, "slot alignment: the page header is 64 bytes");

#define PAGE_END(p) ((char *)(p) + SLAB_PAGE_SIZE)
#define PAGE_DATA_SIZE (SLAB_PAGE_SIZE - offsetof(slabPage, data))

/* Size class index of a request of 'size' (1..SLAB_MAX_SIZE) bytes. */
static size_t classOf(size_t size) {
    return (size + SLAB_QUANTUM - 1) / SLAB_QUANTUM - 1;
}

/* The page holding object 'p'. */
static slabPage *pageOf(const void *p) {
    return (slabPage *)((uintptr_t)p & ~(uintptr_t)(SLAB_PAGE_SIZE - 1));
}

static void availUnlink(rlSlab *s, slabPage *p) {
    if (p->prev)
        p->prev->next = p->next;
    else
        s->avail[p->cls] = p->next;
    if (p->next) p->next->prev = p->prev;
    p->listed = 0;
}

static void availPush(rlSlab *s, slabPage *p) {
    p->prev = NULL;
    p->next = s->avail[p->cls];
    if (p->next) p->next->prev = p;
    s->avail[p->cls] = p;
    p->listed = 1;
}

/* Put an empty page in the pool. (Pages are not handed back to malloc one by one: glibc
 * serves a 64 KB-aligned request only from a free run of twice that, so freed pages would
 * become holes that no later page can use, and the heap would grow.) */
static void pageRetire(rlSlab *s, slabPage *p) {
    POISON(p->data, PAGE_DATA_SIZE);
    p->next = s->pool;
    s->pool = p;
    s->pool_pages++;
}

/* A new page, carved from the newest chunk (a chunk is SLAB_CHUNK_PAGES pages aligned to
 * SLAB_CHUNK_SIZE: one allocation that malloc serves with its own mapping, untouched pages
 * costing no resident memory unless the chunk is advised to be a huge page). */
static slabPage *carvePage(rlSlab *s) {
    if (s->chunk_pages_left == 0) {
        if (s->nchunks == s->chunks_cap) {
            size_t cap = s->chunks_cap ? s->chunks_cap * 2 : 8;
            s->chunks = rl_realloc(s->chunks, cap * sizeof(*s->chunks));
            s->chunks_cap = cap;
        }
        void *fresh = rl_aligned_alloc(SLAB_CHUNK_SIZE, SLAB_CHUNK_SIZE);
        if (s->hugepages && s->nchunks > 0) {
            rl_advise_hugepages(fresh, SLAB_CHUNK_SIZE);
            s->huge_chunks++;
        }
        s->chunks[s->nchunks++] = fresh;
        s->chunk_pages_left = SLAB_CHUNK_PAGES;
    }
    char *chunk = s->chunks[s->nchunks - 1];
    slabPage *p = (slabPage *)(chunk + (SLAB_CHUNK_PAGES - s->chunk_pages_left) * SLAB_PAGE_SIZE);
    s->chunk_pages_left--;
    s->pages_bytes += SLAB_PAGE_SIZE;
    return p;
}

/* A page for class 'cls' to allocate from, made its current page: its other page with a
 * free slot, else a pooled page, else a new one. */
static slabPage *nextPage(rlSlab *s, size_t cls) {
    slabPage *p = s->avail[cls];
    if (p) {
        availUnlink(s, p);
    } else {
        p = s->pool;
        if (p) {
            s->pool = p->next;
            s->pool_pages--;
            s->drawn = 1;
        } else if ((p = s->bare) != NULL) {
            s->bare = p->next;
            s->bare_pages--;
            s->drawn = 1;
        } else {
            p = carvePage(s);
            POISON(p->data, PAGE_DATA_SIZE);
        }
        p->free = NULL;
        p->bump = p->data;
        p->used = 0;
        p->cls = (unsigned short)cls;
        p->listed = 0;
    }
    s->cur[cls] = p;
    return p;
}

void *slabAlloc(rlSlab *s, size_t size) {
    if (size == 0) size = 1;
    if (size > SLAB_MAX_SIZE) {
        s->used_large += size;
        return rl_malloc(size);
    }
    size_t cls = classOf(size);
    size_t slot = (cls + 1) * SLAB_QUANTUM;
    s->used_small += slot;
    slabPage *pg = s->cur[cls];
    for (;;) {
        if (pg) {
            void *p = pg->free;
            if (p) {
                UNPOISON(p, slot);
                memcpy(&pg->free, p, sizeof(void *));
                pg->used++;
                return p;
            }
            if ((size_t)(PAGE_END(pg) - pg->bump) >= slot) {
                p = pg->bump;
                pg->bump += slot;
                pg->used++;
                UNPOISON(p, slot);
                return p;
            }
        }
        pg = nextPage(s, cls); /* the full page leaves: a free in it lists it again */
    }
}

void slabFree(rlSlab *s, void *p, size_t size) {
    if (!p) return;
    if (size == 0) size = 1;
    if (size > SLAB_MAX_SIZE) {
        s->used_large -= size;
        rl_free(p);
        return;
    }
    size_t cls = classOf(size);
    slabPage *pg = pageOf(p);
    s->used_small -= (cls + 1) * SLAB_QUANTUM;
    memcpy(p, &pg->free, sizeof(void *));
    pg->free = p;
    pg->used--;
    POISON(p, (cls + 1) * SLAB_QUANTUM); /* slabAlloc unpoisons before reading the link */
    if (pg == s->cur[cls]) return;
    if (pg->used == 0) {
        if (pg->listed) availUnlink(s, pg);
        pageRetire(s, pg);
    } else if (!pg->listed) {
        availPush(s, pg);
    }
}

void *slabRealloc(rlSlab *s, void *p, size_t old, size_t size) {
    if (old == 0) old = 1;
    if (size == 0) size = 1;
    if (old > SLAB_MAX_SIZE && size > SLAB_MAX_SIZE) {
        s->used_large += size - old; /* modular arithmetic: also right when shrinking */
        return rl_realloc(p, size);
    }
    if (old <= SLAB_MAX_SIZE && size <= SLAB_MAX_SIZE && classOf(old) == classOf(size)) return p;
    void *n = slabAlloc(s, size);
    memcpy(n, p, old < size ? old : size);
    slabFree(s, p, old);
    return n;
}

/* Calls fn(s, page) for every carved page, newest first. */
static void eachPageNewestFirst(rlSlab *s, void (*fn)(rlSlab *, slabPage *)) {
    for (size_t c = s->nchunks; c-- > 0;) {
        size_t carved =
            c == s->nchunks - 1 ? SLAB_CHUNK_PAGES - s->chunk_pages_left : SLAB_CHUNK_PAGES;
        for (size_t i = carved; i-- > 0;)
            fn(s, (slabPage *)((char *)s->chunks[c] + i * SLAB_PAGE_SIZE));
    }
}

static void unpoisonPage(rlSlab *s, slabPage *p) {
    (void)s;
    UNPOISON(p->data, PAGE_DATA_SIZE);
}

size_t slabTrim(rlSlab *s, size_t max_pages) {
    size_t n = 0;
    while (n < max_pages && s->pool_pages > SLAB_POOL_KEEP_PAGES) {
        slabPage *p = s->pool;
        s->pool = p->next;
        s->pool_pages--;
        rl_discard_pages((char *)p + SLAB_TRIM_OFFSET, SLAB_PAGE_SIZE - SLAB_TRIM_OFFSET);
        p->next = s->bare;
        s->bare = p;
        s->bare_pages++;
        n++;
    }
    return n;
}

void slabReset(rlSlab *s) {
    /* The pool is a stack: pushed newest first, the oldest page ends on top. Trimmed pages
     * join it too (their memory comes back when they are used). */
    s->pool = NULL;
    s->pool_pages = 0;
    s->bare = NULL;
    s->bare_pages = 0;
    eachPageNewestFirst(s, pageRetire);
    s->used_small = 0;
    memset(s->cur, 0, sizeof(s->cur));
    memset(s->avail, 0, sizeof(s->avail));
}

void slabRelease(rlSlab *s) {
    eachPageNewestFirst(s, unpoisonPage);
    for (size_t c = 0; c < s->nchunks; c++)
        rl_aligned_free(s->chunks[c]);
    rl_free(s->chunks);
    memset(s, 0, sizeof(*s));
}
