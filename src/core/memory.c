/* memory.c -- what the keyspace's memory is made of: per-value sizes (MEMORY USAGE), the
 * full recount that checks the running account, and INFO's memory section.
 *
 * The running account is the slab's (slab.h): every keyspace allocation is counted when it
 * is made and when it is freed, so used_memory is always current without walking anything.
 * The functions here compute the same figure from the structures, by the same rules
 * (slabObjectBytes for what came from the slab, exact sizes for charged memory). */
#include "server.h"

#include <stdio.h>
#include <string.h>

/* MEMORY USAGE's default number of sampled elements (Redis's). */
#define MEMORY_USAGE_DEFAULT_SAMPLES 5

size_t dictMemUsage(const dict *d, long samples, size_t (*valueBytes)(const dictEntry *de)) {
    size_t bytes = 0, seen = 0, total = dictSize(d);
    for (int t = 0; t < 2; t++) {
        for (unsigned long i = 0; i < d->size[t]; i++) {
            if (samples > 0 && seen >= (size_t)samples) break;
            if (!d->table[t][i >> DICT_SEG_SHIFT]) {
                i |= DICT_SEG_MASK; /* a whole segment of empty buckets */
                continue;
            }
            for (const dictEntry *de = dictBucket(d, t, i); de; de = de->next) {
                bytes += slabObjectBytes(dictEntrySize(d, de));
                if (valueBytes) bytes += valueBytes(de);
                seen++;
            }
        }
    }
    if (seen && seen < total) bytes = (size_t)((double)bytes / (double)seen * (double)total);
    return dictOverheadBytes(d) + bytes;
}

size_t objectMemUsage(const robj *o, long samples) {
    size_t bytes = 0;
    switch (o->type) {
    case OBJ_STRING:
        if (o->encoding == OBJ_ENCODING_RAW) bytes += sdsAllocSize(o->u.ptr);
        break;
    case OBJ_LIST:
        bytes += qlMemUsage(o->u.ptr, samples);
        break;
    case OBJ_SET:
        bytes += setTypeMemUsage(o, samples);
        break;
    case OBJ_ZSET:
        bytes += zsetTypeMemUsage(o, samples);
        break;
    case OBJ_HASH:
        bytes += hashTypeMemUsage(o, samples);
        break;
    }
    return bytes;
}

static size_t keyValueBytes(const dictEntry *de) {
    return objectMemUsage(keyVal(de), 0);
}

size_t keyspaceMemRecount(rlServer *s) {
    size_t bytes = 0;
    for (int i = 0; i < RL_DBNUM; i++) {
        bytes += dictMemUsage(s->db[i].keys, 0, keyValueBytes);
        bytes += dictMemUsage(s->db[i].expires, 0, NULL);
    }
    return bytes;
}

/* 'bytes' as Redis's INFO prints a human size ("1.00M", "512B"): K to P, and plain bytes
 * again from 1024P on (Redis has no larger unit). */
static void bytesToHuman(char *buf, size_t size, unsigned long long bytes) {
    static const char units[] = "KMGTP";
    if (bytes < 1024) {
        snprintf(buf, size, "%lluB", bytes);
        return;
    }
    unsigned long long scale = 1024;
    for (int u = 0; u < 5; u++, scale *= 1024) {
        if (bytes < scale * 1024) {
            snprintf(buf, size, "%.2f%c", (double)bytes / (double)scale, units[u]);
            return;
        }
    }
    snprintf(buf, size, "%lluB", bytes);
}

sds infoMemorySection(rlServer *s, sds info) {
    size_t used = slabUsed(&s->slab);
    if (used > s->stats.used_memory_peak) s->stats.used_memory_peak = used;
    /* what the allocator holds for the keyspace: slab pages plus large objects */
    size_t held = slabResidentBytes(&s->slab) + s->slab.used_large;
    char used_h[32], peak_h[32], max_h[32];
    bytesToHuman(used_h, sizeof(used_h), used);
    bytesToHuman(peak_h, sizeof(peak_h), s->stats.used_memory_peak);
    bytesToHuman(max_h, sizeof(max_h), s->maxmemory);
    return sdscatprintf(info,
                        "used_memory:%zu\r\nused_memory_human:%s\r\n"
                        "used_memory_peak:%zu\r\nused_memory_peak_human:%s\r\n"
                        "used_memory_dataset:%zu\r\nallocator_allocated:%zu\r\n"
                        "maxmemory:%llu\r\nmaxmemory_human:%s\r\nmaxmemory_policy:%s\r\n"
                        "maxkeys:%llu\r\nmem_fragmentation_ratio:%.2f\r\n"
                        "lazyfree_pending_objects:%lld\r\n",
                        used, used_h, s->stats.used_memory_peak, peak_h, used, held, s->maxmemory,
                        max_h, evictPolicyName(s->maxmemory_policy), s->maxkeys,
                        used ? (double)held / (double)used : 1.0, s->stats.lazyfree_pending);
}

/* MEMORY USAGE key [SAMPLES count]: the bytes the key holds (entry, key, value, expiry
 * entry), sampling 'count' elements of a collection (default 5, 0 = all). O(samples). */
void memoryUsageCommand(rlClient *c) {
    long long samples = MEMORY_USAGE_DEFAULT_SAMPLES;
    for (int j = 3; j < c->argc; j++) {
        if (argEq(c, j, "samples") && j + 1 < c->argc) {
            if (getLongLongFromArgOrReply(c, j + 1, &samples, NULL) != RL_OK) return;
            if (samples < 0) {
                addReplyError(c, RL_ERR_SYNTAX);
                return;
            }
            if (samples == 0) samples = -1; /* all */
            j++;
        } else {
            addReplyError(c, RL_ERR_SYNTAX);
            return;
        }
    }
    const char *key = c->argv[2];
    size_t len = c->argvlen[2];
    const dictEntry *de = lookupKeyEntryFlags(c, c->db, key, len, LOOKUP_NOTOUCH | LOOKUP_NOSTATS);
    if (!de) {
        addReplyNull(c);
        return;
    }
    size_t bytes =
        slabObjectBytes(dictEntrySize(c->db->keys, de)) + objectMemUsage(keyVal(de), (long)samples);
    if (dictFind(c->db->expires, key, len))
        bytes += slabObjectBytes(dictEntryAllocSize(c->db->expires, len));
    addReplyLongLong(c, (long long)bytes);
}
