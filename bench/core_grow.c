/* core_grow.c -- the C core alone: 5M SETs through rlExec into one keyspace, timing every
 * call. Shows the core's own worst case while the table grows, without V8 (no GC pauses, no
 * promise machinery). Build and run: make bench-core-grow [KEYS=5000000] [KIND=hash|set|zset]
 * With a second argument "hash", "set" or "zset": HSET / SADD / ZADD of that many members into
 * one collection instead. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double nowMs(void) {
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmpDouble(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long keys = argc > 1 ? atol(argv[1]) : 5000000;
    const char *kind = argc > 2 ? argv[2] : "";
    int hash = strcmp(kind, "hash") == 0, set = strcmp(kind, "set") == 0,
        zset = strcmp(kind, "zset") == 0, coll = hash || set || zset;
    rlServer *s = rlServerNew(NULL);
    rlClient *c = rlClientNew(s);
    char key[32], val[101];
    memset(val, 'v', 100);
    val[100] = '\0';
    const char *args[4] = {"SET", key, val, NULL};
    size_t lens[4] = {3, 16, 100, 0};
    char score[32];
    int argn = 3;
    if (hash) { /* HSET big <field> <value> */
        const char *a[4] = {"HSET", "big", key, val};
        size_t l[4] = {4, 3, 16, 100};
        memcpy(args, a, sizeof(a));
        memcpy(lens, l, sizeof(l));
        argn = 4;
    } else if (set) { /* SADD big <member> */
        const char *a[3] = {"SADD", "big", key};
        size_t l[3] = {4, 3, 16};
        memcpy(args, a, sizeof(a));
        memcpy(lens, l, sizeof(l));
    } else if (zset) { /* ZADD big <scattered score> <member> */
        const char *a[4] = {"ZADD", "big", score, key};
        size_t l[4] = {4, 3, 0, 16};
        memcpy(args, a, sizeof(a));
        memcpy(lens, l, sizeof(l));
        argn = 4;
    }
    double *lat = malloc(sizeof(double) * (size_t)keys);
    long over = 0;
    double start = nowMs();
    for (long i = 0; i < keys; i++) {
        snprintf(key, sizeof(key), "key:%012ld", i);
        if (zset)
            lens[2] = (size_t)snprintf(score, sizeof(score), "%lu",
                                       (unsigned long)((i * 2654435761UL) % 1000003UL));
        sds out = sdsempty();
        struct rusage r0, r1;
        getrusage(RUSAGE_THREAD, &r0);
        double t0 = nowMs();
        rlExec(c, argn, args, lens, &rlRespSink, &out);
        lat[i] = nowMs() - t0;
        getrusage(RUSAGE_THREAD, &r1);
        sdsfree(out);
        if (lat[i] > 1.0) {
            /* page faults and involuntary context switches during the call: on a VM a
             * fault or a preemption alone can cost milliseconds */
            over++;
            printf(
                "  %.3f ms at %s %ld (%ld minor faults, %ld major, %ld preempted, cpu %.3f ms)\n",
                lat[i], coll ? "member" : "key", i, r1.ru_minflt - r0.ru_minflt,
                r1.ru_majflt - r0.ru_majflt, r1.ru_nivcsw - r0.ru_nivcsw,
                (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) * 1e3 +
                    (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e3 +
                    (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) * 1e3 +
                    (double)(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e3);
        }
    }
    double total = nowMs() - start;
    qsort(lat, (size_t)keys, sizeof(double), cmpDouble);
    printf("core grow: %ld %s in %.0f ms; per call p50 %.2f us p99 %.2f us p99.9 %.2f us "
           "max %.3f ms; %ld over 1 ms\n",
           keys,
           hash   ? "HSETs into one hash"
           : set  ? "SADDs into one set"
           : zset ? "ZADDs into one sorted set"
                  : "SETs",
           total, lat[keys / 2] * 1e3, lat[keys * 99 / 100] * 1e3, lat[keys * 999 / 1000] * 1e3,
           lat[keys - 1], over);
    free(lat);
    rlClientRelease(c);
    rlServerRelease(s);
    return 0;
}
