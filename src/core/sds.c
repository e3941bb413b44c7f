/* sds.c -- growable binary-safe strings. */
#include "sds.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define SDS_MAX_PREALLOC (1024 * 1024)

sds sdsnewlen(const void *init, size_t len) {
    sdshdr *h = rl_malloc(sizeof(sdshdr) + len + 1);
    h->len = len;
    h->alloc = len;
    if (len) {
        if (init)
            memcpy(h->buf, init, len);
        else
            memset(h->buf, 0, len);
    }
    h->buf[len] = '\0';
    return h->buf;
}

sds sdsempty(void) {
    return sdsnewlen("", 0);
}

void sdsfree(sds s) {
    if (s) rl_free(SDS_HDR(s));
}

sds sdsMakeRoomFor(sds s, size_t addlen) {
    sdshdr *h = SDS_HDR(s);
    if (h->alloc - h->len >= addlen) return s;
    size_t newlen = h->len + addlen;
    if (newlen < SDS_MAX_PREALLOC)
        newlen *= 2;
    else
        newlen += SDS_MAX_PREALLOC;
    h = rl_realloc(h, sizeof(sdshdr) + newlen + 1);
    h->alloc = newlen;
    return h->buf;
}

sds sdscatlen(sds s, const void *t, size_t len) {
    s = sdsMakeRoomFor(s, len);
    sdshdr *h = SDS_HDR(s);
    memcpy(h->buf + h->len, t, len);
    h->len += len;
    h->buf[h->len] = '\0';
    return s;
}

sds sdscat(sds s, const char *t) {
    return sdscatlen(s, t, strlen(t));
}

sds sdsgrowzero(sds s, size_t len) {
    size_t cur = sdslen(s);
    if (len <= cur) return s;
    s = sdsMakeRoomFor(s, len - cur);
    sdshdr *h = SDS_HDR(s);
    memset(h->buf + cur, 0, len - cur + 1);
    h->len = len;
    return s;
}

sds sdscatprintf(sds s, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) return s;
    if ((size_t)n < sizeof(small)) return sdscatlen(s, small, (size_t)n);
    char *big = rl_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    s = sdscatlen(s, big, (size_t)n);
    rl_free(big);
    return s;
}

size_t sdsAllocSize(const sds s) {
    return sizeof(sdshdr) + SDS_HDR(s)->alloc + 1;
}
