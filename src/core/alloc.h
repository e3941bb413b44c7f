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

/* Report an allocation failure of 'size' bytes and abort the process. */
void rlOom(size_t size);

#endif
