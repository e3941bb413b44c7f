/* notify.c -- keyspace notifications (Redis's notify.c): events published on
 * __keyspace@<db>__:<key> (payload: the event) and __keyevent@<db>__:<event> (payload: the
 * key), selected by the notify-keyspace-events flags. With the flags at 0 (the default) a
 * notification costs one test of s->notify_flags in the caller (see notifyKeyspaceEvent). */
#include "server.h"

#include <stdio.h>
#include <string.h>

/* The flag letters, in the order Redis prints them (CONFIG GET). */
static const struct {
    char letter;
    int flag;
} classes[] = {{'g', NOTIFY_GENERIC}, {'$', NOTIFY_STRING},  {'l', NOTIFY_LIST},
               {'s', NOTIFY_SET},     {'h', NOTIFY_HASH},    {'z', NOTIFY_ZSET},
               {'x', NOTIFY_EXPIRED}, {'e', NOTIFY_EVICTED}, {'t', NOTIFY_STREAM},
               {'d', NOTIFY_MODULE},  {'n', NOTIFY_NEW}};

int keyspaceEventsStringToFlags(const char *s, size_t len) {
    int flags = 0;
    for (size_t i = 0; i < len; i++) {
        int f = -1;
        switch (s[i]) {
        case 'A':
            f = NOTIFY_ALL;
            break;
        case 'K':
            f = NOTIFY_KEYSPACE;
            break;
        case 'E':
            f = NOTIFY_KEYEVENT;
            break;
        case 'm':
            f = NOTIFY_KEY_MISS;
            break;
        default:
            for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
                if (classes[k].letter == s[i]) f = classes[k].flag;
        }
        if (f < 0) return -1;
        flags |= f;
    }
    return flags;
}

size_t keyspaceEventsFlagsToString(int flags, char *buf) {
    size_t n = 0;
    if ((flags & NOTIFY_ALL) == NOTIFY_ALL) {
        buf[n++] = 'A';
    } else {
        for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
            if (flags & classes[k].flag) buf[n++] = classes[k].letter;
    }
    if (flags & NOTIFY_KEYSPACE) buf[n++] = 'K';
    if (flags & NOTIFY_KEYEVENT) buf[n++] = 'E';
    if (flags & NOTIFY_KEY_MISS) buf[n++] = 'm';
    buf[n] = '\0';
    return n;
}

/* Publish 'msg' on the channel "<prefix><dbid>__:<name>". */
static void publishOn(rlServer *s, const char *prefix, int dbid, const char *name, size_t nlen,
                      const char *msg, size_t mlen) {
    char head[48];
    int hlen = snprintf(head, sizeof(head), "%s%d__:", prefix, dbid);
    sds chan = sdsnewlen(head, (size_t)hlen);
    chan = sdscatlen(chan, name, nlen);
    pubsubPublishMessage(s, chan, sdslen(chan), msg, mlen);
    sdsfree(chan);
}

/* Publish 'event' about 'key' in database 'dbid' on the channels the flags select. */
void notifyKeyspaceEventSlow(rlServer *s, int type, const char *event, const char *key,
                             size_t keylen, int dbid) {
    int flags = s->notify_flags;
    if (!(flags & type)) return;
    /* Nobody listens to anything: nothing to publish (and no channel name to build). */
    if (dictSize(s->pubsub_channels) == 0 && dictSize(s->pubsub_patterns) == 0) return;
    size_t elen = strlen(event);
    if (flags & NOTIFY_KEYSPACE) publishOn(s, "__keyspace@", dbid, key, keylen, event, elen);
    if (flags & NOTIFY_KEYEVENT) publishOn(s, "__keyevent@", dbid, event, elen, key, keylen);
}
