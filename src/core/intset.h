/* intset.h -- a sorted set of integers in one allocation (our own, after Redis's intset):
 * the small encoding of sets whose members are all integers.
 *
 * Layout: uint32 width (2, 4 or 8 bytes per element: the smallest that holds every member)
 * and uint32 count, then the elements in ascending order, native byte order. Adding a
 * member that needs a wider type re-encodes the whole set (O(N), N <= the caller's
 * threshold). Memory comes from the server's slab (rl_malloc above SLAB_MAX_SIZE); every
 * changing call returns the (possibly moved) intset. */
#ifndef RL_INTSET_H
#define RL_INTSET_H

#include <stddef.h>
#include <stdint.h>

#include "slab.h"

typedef struct intset intset;

intset *intsetNew(rlSlab *sl);
void intsetFree(rlSlab *sl, intset *is);
intset *intsetDup(rlSlab *sl, const intset *is);
/* Add 'v'; '*added' is 1 if it was not there. O(N) (memmove). */
intset *intsetAdd(rlSlab *sl, intset *is, int64_t v, int *added);
/* Remove 'v'; '*removed' is 1 if it was there. O(N). */
intset *intsetRemove(rlSlab *sl, intset *is, int64_t v, int *removed);
/* 1 if 'v' is a member. O(log N). */
int intsetFind(const intset *is, int64_t v);
/* The element at 'pos' (0 <= pos < length), in ascending order. */
int64_t intsetGet(const intset *is, uint32_t pos);
uint32_t intsetLen(const intset *is);
/* Bytes allocated. */
size_t intsetBlobLen(const intset *is);
/* 1 if the header agrees with the size and the elements are strictly ascending and each
 * needs no wider type than the set's (tests, debug check). */
int intsetValidate(const intset *is);

#endif
