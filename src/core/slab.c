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

struct slabPage {
    slabPage *next;
    /* keep the carved area 16-byte aligned */
    uint64_t pad;
    char data[];
};

#define PAGE_DATA_SIZE (SLAB_PAGE_SIZE - offsetof(slabPage, data))

/* Size class index of a request of 'size' (1..SLAB_MAX_SIZE) bytes. */
static size_t classOf(size_t size) {
    return (size + SLAB_QUANTUM - 1) / SLAB_QUANTUM - 1;
}

/* Start carving the next page for class 'cls': a page kept by slabReset if any, else a new
 * one. The rest of the class's previous page (less than one object) is abandoned. */
static void newPage(rlSlab *s, size_t cls) {
    slabPage *p = s->reuse;
    if (p) {
        s->reuse = p->next;
    } else {
        p = rl_malloc(SLAB_PAGE_SIZE);
        p->next = NULL;
        if (s->last)
            s->last->next = p;
        else
            s->pages = p;
        s->last = p;
        s->pages_bytes += SLAB_PAGE_SIZE;
    }
    s->bump[cls] = p->data;
    s->bump_left[cls] = PAGE_DATA_SIZE;
    POISON(p->data, PAGE_DATA_SIZE);
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
    void *p = s->freelist[cls];
    if (p) {
        UNPOISON(p, slot);
        memcpy(&s->freelist[cls], p, sizeof(void *));
        return p;
    }
    if (s->bump_left[cls] < slot) newPage(s, cls);
    p = s->bump[cls];
    s->bump[cls] += slot;
    s->bump_left[cls] -= slot;
    UNPOISON(p, slot);
    return p;
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
    s->used_small -= (cls + 1) * SLAB_QUANTUM;
    memcpy(p, &s->freelist[cls], sizeof(void *));
    s->freelist[cls] = p;
    POISON(p, (cls + 1) * SLAB_QUANTUM); /* slabAlloc unpoisons before reading the link */
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
    s->used_small = 0;
    memset(s->freelist, 0, sizeof(s->freelist));
    memset(s->bump, 0, sizeof(s->bump));
    memset(s->bump_left, 0, sizeof(s->bump_left));
    s->reuse = s->pages;
}

void slabRelease(rlSlab *s) {
    slabPage *p = s->pages;
    while (p) {
        slabPage *next = p->next;
        UNPOISON(p->data, PAGE_DATA_SIZE);
        rl_free(p);
        p = next;
    }
    memset(s, 0, sizeof(*s));
}
