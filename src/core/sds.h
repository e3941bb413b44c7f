/* sds.h -- growable binary-safe strings (our own, in the spirit of Redis's sds).
 * An sds is a pointer to the bytes; the length and capacity live in a header before them,
 * and the bytes are always followed by a NUL. */
#ifndef RL_SDS_H
#define RL_SDS_H

#include <stddef.h>

typedef char *sds;

typedef struct sdshdr {
    size_t len;
    size_t alloc; /* capacity excluding header and NUL */
    char buf[];
} sdshdr;

#define SDS_HDR(s) ((sdshdr *)((s)-offsetof(sdshdr, buf)))

/* New sds holding 'len' bytes copied from 'init' (zeros when 'init' is NULL). */
sds sdsnewlen(const void *init, size_t len);
sds sdsempty(void);
void sdsfree(sds s);
static inline size_t sdslen(const sds s) {
    return SDS_HDR(s)->len;
}
static inline size_t sdsalloc(const sds s) {
    return SDS_HDR(s)->alloc;
}
/* Ensure room for 'addlen' more bytes (amortised doubling up to 1 MB, then +1 MB). */
sds sdsMakeRoomFor(sds s, size_t addlen);
/* Make 's' empty, keeping its allocation. */
static inline void sdsclear(sds s) {
    SDS_HDR(s)->len = 0;
    s[0] = '\0';
}
/* Append 'len' bytes. */
sds sdscatlen(sds s, const void *t, size_t len);
sds sdscat(sds s, const char *t);
/* Grow to 'len' bytes, zero-filling the new part (no-op if already that long). */
sds sdsgrowzero(sds s, size_t len);
/* Append printf-style text. */
sds sdscatprintf(sds s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Bytes allocated for 's' (header + capacity + NUL). */
size_t sdsAllocSize(const sds s);

#endif
