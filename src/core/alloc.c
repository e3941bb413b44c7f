/* alloc.c -- allocator wrappers with overflow checks and a single OOM handler. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise and MADV_HUGEPAGE under -std=c11 */
#endif
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef _WIN32
#include <malloc.h> /* _aligned_malloc */
#endif
#ifdef __linux__
#include <sys/mman.h> /* madvise */
#include <unistd.h>   /* sysconf */
#endif

void rlOom(size_t size) {
    fprintf(stderr, "redlite: out of memory allocating %zu bytes\n", size);
    fflush(stderr);
    abort();
}

void *rl_malloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p) rlOom(size);
    return p;
}

void *rl_calloc(size_t nmemb, size_t size) {
    if (size && nmemb > SIZE_MAX / size) rlOom(SIZE_MAX);
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (!p) rlOom(nmemb * size);
    return p;
}

void *rl_realloc(void *ptr, size_t size) {
    void *p = realloc(ptr, size ? size : 1);
    if (!p) rlOom(size);
    return p;
}

void rl_free(void *ptr) {
    free(ptr);
}

void *rl_aligned_alloc(size_t align, size_t size) {
#ifdef _WIN32
    void *p = _aligned_malloc(size, align);
#else
    void *p = aligned_alloc(align, size);
#endif
    if (!p) rlOom(size);
    return p;
}

void rl_aligned_free(void *ptr) {
#ifdef _WIN32
    _aligned_free(ptr);
#else
    free(ptr);
#endif
}

void rl_advise_hugepages(void *p, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)madvise(p, size, MADV_HUGEPAGE); /* advice: EINVAL (no THP in this kernel) is fine */
#else
    (void)p;
    (void)size;
#endif
}

void rl_discard_pages(void *p, size_t size) {
#if defined(__linux__) && defined(MADV_DONTNEED)
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) return;
    uintptr_t start = ((uintptr_t)p + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~((uintptr_t)page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_DONTNEED);
#else
    (void)p;
    (void)size;
#endif
}
