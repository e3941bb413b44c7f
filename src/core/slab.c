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
    slabPage *next, *prev;         /* in the class's 'avail' list, or the pool (next only) */
    slabPage *all_next, *all_prev; /* in the slab's list of every page, newest first */
    void *free;                    /* freed slots, linked through their first word */
    char *bump;                    /* the uncarved rest of the page */
    unsigned used;                 /* live objects */
    unsigned short cls;            /* size class while in use */
    unsigned char listed;          /* 1 while in the class's 'avail' list */
    unsigned char pad[9];
    char data[]; /* 16-byte aligned: the header is 64 bytes */
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

/* Hand an empty page back: to the pool, or to the system allocator when the pool holds
 * SLAB_POOL_MIN pages plus an eighth of all pages already. */
static void pageRetire(rlSlab *s, slabPage *p) {
    size_t pages = s->pages_bytes / SLAB_PAGE_SIZE;
    if (s->pool_pages >= SLAB_POOL_MIN + pages / 8) {
        if (p->all_prev)
            p->all_prev->all_next = p->all_next;
        else
            s->all = p->all_next;
        if (p->all_next) p->all_next->all_prev = p->all_prev;
        s->pages_bytes -= SLAB_PAGE_SIZE;
        UNPOISON(p->data, PAGE_DATA_SIZE);
        rl_aligned_free(p);
        return;
    }
    POISON(p->data, PAGE_DATA_SIZE);
    p->next = s->pool;
    s->pool = p;
    s->pool_pages++;
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
        } else {
            p = rl_aligned_alloc(SLAB_PAGE_SIZE, SLAB_PAGE_SIZE);
            p->all_prev = NULL;
            p->all_next = s->all;
            if (s->all) s->all->all_prev = p;
            s->all = p;
            s->pages_bytes += SLAB_PAGE_SIZE;
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

void slabReset(rlSlab *s) {
    /* The pool is a stack and 'all' runs newest first: the oldest page ends on top. */
    s->pool = NULL;
    s->pool_pages = 0;
    for (slabPage *p = s->all; p; p = p->all_next) {
        POISON(p->data, PAGE_DATA_SIZE);
        p->next = s->pool;
        s->pool = p;
        s->pool_pages++;
    }
    s->used_small = 0;
    memset(s->cur, 0, sizeof(s->cur));
    memset(s->avail, 0, sizeof(s->avail));
}

void slabRelease(rlSlab *s) {
    slabPage *p = s->all;
    while (p) {
        slabPage *next = p->all_next;
        UNPOISON(p->data, PAGE_DATA_SIZE);
        rl_aligned_free(p);
        p = next;
    }
    memset(s, 0, sizeof(*s));
}
