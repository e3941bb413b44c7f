/* alloc.h -- the core's allocator wrappers.
 *
 * Every allocation in src/core goes through these. They check for size overflow and, on
 * genuine allocation failure, call rlOom(), the only abort in the codebase (the same policy
 * V8 applies to its own heap). They never return NULL.
 */
#ifndef RL_ALLOC_H
#define RL_ALLOC_H

#include <stddef.h>

void *rl_malloc(size_t size);
void *rl_calloc(size_t nmemb, size_t size);
void *rl_realloc(void *ptr, size_t size);
void rl_free(void *ptr);
/* 'size' bytes aligned to 'align' (a power of two dividing 'size'); free with
 * rl_aligned_free only. */
void *rl_aligned_alloc(size_t align, size_t size);
void rl_aligned_free(void *ptr);
/* Ask the OS to back [p, p + size) with huge pages (2 MB on x86-64 and arm64), 'p' and
 * 'size' multiples of 2 MB. Linux only (madvise MADV_HUGEPAGE: honoured when transparent
 * huge pages are "madvise" or "always"); elsewhere, or when refused, a no-op. Memory stays
 * ordinary memory either way: nothing else changes, and rl_aligned_free frees it. */
void rl_advise_hugepages(void *p, size_t size);
/* Tell the OS the contents of [p, p + size) are no longer needed, so that it can take the
 * physical memory back: the range stays allocated and usable, and reads as zeros or as its
 * old bytes afterwards (callers must not care which). Only whole system pages inside the
 * range are given back. Linux (madvise MADV_DONTNEED); elsewhere a no-op. */
void rl_discard_pages(void *p, size_t size);

/* Report an allocation failure of 'size' bytes and abort the process. */
void rlOom(size_t size);

#endif
