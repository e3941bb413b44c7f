/* alloc.c -- allocator wrappers with overflow checks and a single OOM handler. */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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
