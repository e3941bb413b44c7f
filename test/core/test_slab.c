/* test_slab.c -- the slab allocator: reuse per size class, large sizes, pages shared through
 * the pool of empty pages, release. */
#include "test_help.h"
#include "slab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int test_slab_reuses_freed_slots_per_class(void) {
    rlSlab s = {0};
    char *a = slabAlloc(&s, 40);
    char *b = slabAlloc(&s, 40);
    TEST_ASSERT(a && b && a != b);
    TEST_ASSERT(((uintptr_t)a % 8) == 0 && ((uintptr_t)b % 8) == 0);
    memset(a, 'x', 40);
    slabFree(&s, a, 40);
    char *c = slabAlloc(&s, 33); /* same 40-byte class */
    TEST_ASSERT(c == a);
    char *d = slabAlloc(&s, 41); /* another class (48 bytes): not the freed slot */
    TEST_ASSERT(d != a && d != b);
    slabFree(&s, b, 40);
    slabFree(&s, c, 33);
    slabFree(&s, d, 41);
    TEST_ASSERT(s.pages_bytes == 2 * SLAB_PAGE_SIZE); /* one page per class used */
    slabRelease(&s);
    TEST_ASSERT(s.nchunks == 0 && s.pages_bytes == 0);
    return 0;
}

int test_slab_large_sizes_use_malloc_and_pages_grow(void) {
    rlSlab s = {0};
    void *big = slabAlloc(&s, SLAB_MAX_SIZE + 1);
    TEST_ASSERT(big != NULL && s.nchunks == 0);
    slabFree(&s, big, SLAB_MAX_SIZE + 1);
    /* fill more than one page with 256-byte objects, free them all, allocate again: every
     * new allocation comes from the free list, no new page */
    enum { N = 1000 };
    void *ptrs[N];
    for (int i = 0; i < N; i++) {
        ptrs[i] = slabAlloc(&s, SLAB_MAX_SIZE);
        memset(ptrs[i], i & 0xff, SLAB_MAX_SIZE);
    }
    size_t pages = s.pages_bytes / SLAB_PAGE_SIZE;
    TEST_ASSERT(pages >= 4);
    for (int i = 0; i < N; i++)
        slabFree(&s, ptrs[i], SLAB_MAX_SIZE);
    for (int i = 0; i < N; i++)
        ptrs[i] = slabAlloc(&s, SLAB_MAX_SIZE - 5);
    TEST_ASSERT(s.pages_bytes / SLAB_PAGE_SIZE == pages);
    slabRelease(&s);
    return 0;
}

int test_slab_reset_reuses_pages_in_order(void) {
    rlSlab s = {0};
    enum { N = 2000 };
    char *first[N];
    for (int i = 0; i < N; i++)
        first[i] = slabAlloc(&s, 100);
    size_t bytes = s.pages_bytes;
    TEST_ASSERT(bytes >= 3 * SLAB_PAGE_SIZE);
    slabReset(&s);
    /* the same sequence of sizes gets the same addresses again, in order, no new page */
    for (int i = 0; i < N; i++)
        TEST_ASSERT(slabAlloc(&s, 100) == first[i]);
    TEST_ASSERT(s.pages_bytes == bytes);
    slabRelease(&s);
    return 0;
}

int test_slab_classes_are_dense(void) {
    rlSlab s = {0};
    /* interleaved allocations of two classes: each class stays contiguous */
    char *a0 = slabAlloc(&s, 48), *b0 = slabAlloc(&s, 112);
    char *a1 = slabAlloc(&s, 48), *b1 = slabAlloc(&s, 112);
    TEST_ASSERT(a1 == a0 + 48);
    TEST_ASSERT(b1 == b0 + 112);
    slabRelease(&s);
    return 0;
}

/* Allocates n objects of 'size' bytes into ptrs[0..n). */
static void allocEach(rlSlab *s, void **ptrs, int n, size_t size) {
    for (int i = 0; i < n; i++)
        ptrs[i] = slabAlloc(s, size);
}

/* Frees ptrs[0..n), each of 'size' bytes. */
static void freeEach(rlSlab *s, void **ptrs, int n, size_t size) {
    for (int i = 0; i < n; i++)
        slabFree(s, ptrs[i], size);
}

int test_slab_empty_pages_are_shared_by_classes(void) {
    /* 64-byte objects fill 20 pages and are all freed; 160-byte objects then take those
     * pages from the pool: no new page but the 64-byte class's current one is still held
     * (the workload that shifts between sizes). */
    rlSlab s = {0};
    enum { N = 20000 };
    void **ptrs = malloc(N * sizeof(void *));
    TEST_ASSERT(ptrs != NULL);
    allocEach(&s, ptrs, N, 64);
    size_t bytes = s.pages_bytes;
    TEST_ASSERT(bytes >= 19 * SLAB_PAGE_SIZE);
    freeEach(&s, ptrs, N, 64);
    TEST_ASSERT(s.used_small == 0);
    allocEach(&s, ptrs, N * 64 / 160, 160);
    TEST_ASSERT(s.pages_bytes <= bytes + SLAB_PAGE_SIZE);
    freeEach(&s, ptrs, N * 64 / 160, 160);
    free(ptrs);
    slabRelease(&s);
    return 0;
}

int test_slab_freed_pages_are_pooled_and_reused(void) {
    /* Freeing everything pools every page but the class's current one; allocating again
     * takes them back before creating any. */
    rlSlab s = {0};
    enum { N = 100000 };
    void **ptrs = malloc(N * sizeof(void *));
    TEST_ASSERT(ptrs != NULL);
    allocEach(&s, ptrs, N, 48);
    size_t pages = s.pages_bytes / SLAB_PAGE_SIZE;
    TEST_ASSERT(pages >= 73);
    freeEach(&s, ptrs, N, 48);
    TEST_ASSERT(s.pool_pages == pages - 1);
    TEST_ASSERT(s.pages_bytes / SLAB_PAGE_SIZE == pages);
    allocEach(&s, ptrs, N, 96); /* another class */
    TEST_ASSERT(s.pages_bytes / SLAB_PAGE_SIZE <= 2 * pages + 1);
    TEST_ASSERT(s.pool_pages == 0);
    freeEach(&s, ptrs, N, 96);
    free(ptrs);
    slabRelease(&s);
    return 0;
}

int test_slab_refills_partly_free_pages_first(void) {
    /* Free one object in four over 8 pages of 256-byte objects: new objects fill those
     * holes (page by page) before any new page is carved, and each slot is handed out once. */
    rlSlab s = {0};
    enum { N = 2040 }; /* 8 pages of 255 slots */
    char **ptrs = malloc(N * sizeof(char *));
    TEST_ASSERT(ptrs != NULL);
    for (int i = 0; i < N; i++) {
        ptrs[i] = slabAlloc(&s, SLAB_MAX_SIZE);
        memset(ptrs[i], 1, SLAB_MAX_SIZE);
    }
    size_t bytes = s.pages_bytes;
    TEST_ASSERT(bytes == 8 * SLAB_PAGE_SIZE);
    for (int i = 0; i < N; i += 4)
        slabFree(&s, ptrs[i], SLAB_MAX_SIZE);
    for (int i = 0; i < N; i += 4) {
        ptrs[i] = slabAlloc(&s, SLAB_MAX_SIZE);
        TEST_ASSERT(ptrs[i][SLAB_MAX_SIZE - 1] == 1); /* a freed slot of the old pages */
        memset(ptrs[i], 2, SLAB_MAX_SIZE);
    }
    TEST_ASSERT(s.pages_bytes == bytes);
    for (int i = 0; i < N; i++)
        TEST_ASSERT(ptrs[i][SLAB_MAX_SIZE - 1] == (i % 4 ? 1 : 2)); /* no slot given twice */
    for (int i = 0; i < N; i++)
        slabFree(&s, ptrs[i], SLAB_MAX_SIZE);
    free(ptrs);
    slabRelease(&s);
    return 0;
}

/* Only with 'hugepages' set, and never for the first chunk, are chunks advised to be huge
 * pages; CONFIG SET hugepages turns it on and off for the chunks that follow. */
int test_slab_hugepages_advice_is_opt_in(void) {
    rlSlab s = {0};
    enum { N = 3 * SLAB_CHUNK_SIZE / SLAB_MAX_SIZE };
    void **ptrs = malloc(N * sizeof(*ptrs));
    TEST_ASSERT(ptrs != NULL);
    allocEach(&s, ptrs, N, SLAB_MAX_SIZE);
    TEST_ASSERT(s.nchunks >= 3 && s.huge_chunks == 0);
    freeEach(&s, ptrs, N, SLAB_MAX_SIZE);
    slabRelease(&s);

    s.hugepages = 1;
    allocEach(&s, ptrs, N, SLAB_MAX_SIZE);
    TEST_ASSERT(s.nchunks >= 3 && s.huge_chunks == s.nchunks - 1);
    for (size_t i = 0; i < s.nchunks; i++)
        TEST_ASSERT((uintptr_t)s.chunks[i] % SLAB_CHUNK_SIZE == 0);
    freeEach(&s, ptrs, N, SLAB_MAX_SIZE);
    slabRelease(&s);
    free(ptrs);
    return 0;
}

/* slabTrim gives back the memory of pooled pages beyond SLAB_POOL_KEEP_PAGES, at most
 * max_pages per call; trimmed pages are reused (after the resident ones) and hold what is
 * written to them again; slabReset takes them back into the pool. */
int test_slab_trim_gives_back_pooled_pages_and_reuses_them(void) {
    rlSlab s = {0};
    enum { PER_PAGE = (SLAB_PAGE_SIZE - 64) / SLAB_MAX_SIZE, N = 200 * PER_PAGE };
    unsigned char **ptrs = malloc(N * sizeof(*ptrs));
    TEST_ASSERT(ptrs != NULL);
    allocEach(&s, (void **)ptrs, N, SLAB_MAX_SIZE);
    size_t pages = s.pages_bytes / SLAB_PAGE_SIZE;
    TEST_ASSERT(pages >= 200);
    TEST_ASSERT(slabTrim(&s, 1000) == 0); /* nothing pooled yet */
    freeEach(&s, (void **)ptrs, N, SLAB_MAX_SIZE);
    size_t pooled = s.pool_pages;
    TEST_ASSERT(pooled >= pages - 1);
    TEST_ASSERT(slabTrim(&s, 10) == 10); /* bounded */
    size_t trimmed = slabTrim(&s, 1000);
    TEST_ASSERT(trimmed + 10 == pooled - SLAB_POOL_KEEP_PAGES);
    TEST_ASSERT(s.pool_pages == SLAB_POOL_KEEP_PAGES && s.bare_pages == trimmed + 10);
    TEST_ASSERT(slabResidentBytes(&s) ==
                s.pages_bytes - s.bare_pages * (SLAB_PAGE_SIZE - SLAB_TRIM_OFFSET));
    TEST_ASSERT(slabTrim(&s, 1000) == 0); /* the kept pages stay */
    /* grow again: every page is reused, none carved, and the data holds */
    for (int i = 0; i < N; i++) {
        ptrs[i] = slabAlloc(&s, SLAB_MAX_SIZE);
        memset(ptrs[i], i & 0xff, SLAB_MAX_SIZE);
    }
    TEST_ASSERT(s.pages_bytes / SLAB_PAGE_SIZE == pages);
    TEST_ASSERT(s.bare_pages == 0 && s.pool_pages == 0);
    for (int i = 0; i < N; i++)
        TEST_ASSERT(ptrs[i][0] == (i & 0xff) && ptrs[i][SLAB_MAX_SIZE - 1] == (i & 0xff));
    freeEach(&s, (void **)ptrs, N, SLAB_MAX_SIZE);
    slabTrim(&s, 1000);
    TEST_ASSERT(s.bare_pages > 0);
    slabReset(&s);
    TEST_ASSERT(s.bare_pages == 0 && s.bare == NULL && s.pool_pages == pages);
    void *again = slabAlloc(&s, 40);
    TEST_ASSERT(again != NULL && s.pages_bytes / SLAB_PAGE_SIZE == pages);
    slabFree(&s, again, 40);
    slabRelease(&s);
    free(ptrs);
    return 0;
}
