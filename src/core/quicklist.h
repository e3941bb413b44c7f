/* quicklist.h -- the list type's structure (after Redis's quicklist): a doubly linked list
 * of listpack nodes, each holding up to QL_NODE_MAX_BYTES of entries (Redis 7.0's
 * list-max-listpack-size -2: 8 KB). Push and pop at both ends are O(1); an element bigger
 * than a node gets a node of its own. Index access walks nodes from the nearer end (a node
 * holds hundreds of small elements), then inside one node.
 *
 * Memory: nodes and their listpacks come from the server's slab (rl_malloc above
 * SLAB_MAX_SIZE). */
#ifndef RL_QUICKLIST_H
#define RL_QUICKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "slab.h"

#define QL_NODE_MAX_BYTES 8192

#define QL_HEAD 0
#define QL_TAIL 1

typedef struct qlNode {
    struct qlNode *prev, *next;
    unsigned char *lp;
} qlNode;

typedef struct quicklist {
    qlNode *head, *tail;
    unsigned long count; /* elements */
    unsigned long len;   /* nodes */
} quicklist;

/* A position in a quicklist: the node and the entry inside its listpack. */
typedef struct qlEntry {
    qlNode *node;
    unsigned char *p;
} qlEntry;

quicklist *qlCreate(rlSlab *sl);
/* Bytes the list holds by the slab's count (slab.h): the header, nodes and listpacks. With
 * 'samples' > 0, measures that many nodes and extrapolates. O(nodes) or O(samples). */
size_t qlMemUsage(const quicklist *ql, long samples);
/* Free everything. O(N / elements per node) frees. */
void qlRelease(rlSlab *sl, quicklist *ql);
/* Free up to 'budget' elements' worth of nodes from the head (lazy free). Returns 1 while
 * nodes remain; once it returns 0, 'ql' itself has been freed. */
int qlReleaseSome(rlSlab *sl, quicklist *ql, long budget);
quicklist *qlDup(rlSlab *sl, const quicklist *ql);

/* Push 's'/'len' at QL_HEAD or QL_TAIL. */
void qlPush(rlSlab *sl, quicklist *ql, const char *s, size_t len, int where);

/* The entry at 'index' (negative: from the tail). Returns 0 when out of range. */
int qlIndex(const quicklist *ql, long index, qlEntry *e);
/* The bytes of an entry. */
const char *qlGet(const qlEntry *e, size_t *len);
/* The next entry towards the tail (dir QL_TAIL) or the head (QL_HEAD); 0 at the end. */
int qlMove(const quicklist *ql, qlEntry *e, int dir);

/* Replace the entry 'e' with 's'/'len'; 'e' stays valid and points at the new value. */
void qlReplace(rlSlab *sl, quicklist *ql, qlEntry *e, const char *s, size_t len);
/* Insert 's'/'len' before ('after' 0) or after ('after' 1) the entry 'e'. 'e' becomes
 * invalid. */
void qlInsert(rlSlab *sl, quicklist *ql, const qlEntry *e, const char *s, size_t len, int after);
/* Delete the entry 'e'. Afterwards 'e' is the entry that followed it in direction 'dir'
 * (return 1), or there is none (return 0). */
int qlDelete(rlSlab *sl, quicklist *ql, qlEntry *e, int dir);
/* Delete 'count' entries starting at 'start' (0-based, non-negative, in range) towards the
 * tail. O(count) plus node hops. */
void qlDeleteRange(rlSlab *sl, quicklist *ql, long start, unsigned long count);

/* 1 if the structure is consistent: counts, links, no empty node (debug check). */
int qlValidate(const quicklist *ql);

#endif
