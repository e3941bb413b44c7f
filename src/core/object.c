/* object.c -- value objects (robj): creation, freeing, string encodings, and the argument
 * parsing helpers that reply on failure (*OrReply). */
#include "server.h"

#include <stddef.h>
#include <limits.h>
#include <string.h>

/* Largest string stored as INT: Redis tries integer encoding for values of at most 20
 * characters that string2ll accepts. */
#define OBJ_INT_MAX_CHARS 20

/* Bytes allocated for an object whose 'len' field is 'len': objects are sized by their
 * EMBSTR length (RAW and INT objects have len 0, or keep the length of the EMBSTR they were
 * converted from, which is what sizes their allocation). Never less than a whole robj, so
 * that any object can become RAW in place. */
static size_t objectAllocSizeForLen(uint32_t len) {
    size_t embstr = OBJ_EMBSTR_OFFSET + (size_t)len;
    return embstr > sizeof(robj) ? embstr : sizeof(robj);
}

/* Fill the header word of 'o' (the bytes of an object of EMBSTR length 'len'). */
static robj *initObject(robj *o, int type, int encoding, uint32_t len) {
    o->type = (unsigned)type;
    o->encoding = (unsigned)encoding;
    o->shared = 0;
    o->len = len;
    return o;
}

static robj *newObject(rlSlab *sl, uint32_t len, int encoding) {
    return initObject(slabAlloc(sl, objectAllocSizeForLen(len)), OBJ_STRING, encoding, len);
}

robj *createObject(rlSlab *sl, int type, int encoding, void *ptr) {
    robj *o = initObject(slabAlloc(sl, objectAllocSizeForLen(0)), type, encoding, 0);
    o->u.ptr = ptr;
    return o;
}

/* A string object holding 'len' bytes of 's' in one allocation (EMBSTR; RAW beyond
 * OBJ_EMBSTR_MAX_LEN bytes), never integer encoded (Redis stores INCRBYFLOAT results this
 * way). */
robj *createEmbeddedStringObject(rlSlab *sl, const char *s, size_t len) {
    if (len > OBJ_EMBSTR_MAX_LEN) return createRawStringObject(sl, s, len);
    robj *o = newObject(sl, (uint32_t)len, OBJ_ENCODING_EMBSTR);
    if (len) memcpy(OBJ_EMBSTR_DATA(o), s, len);
    return o;
}

/* A string object for a value given by a user (SET, MSET...): INT when the bytes are a
 * canonical integer of at most 20 characters (Redis's tryObjectEncoding), else EMBSTR.
 * 'len' must be <= RL_MAX_STRING_SIZE. */
robj *createStringObject(rlSlab *sl, const char *s, size_t len) {
    long long v;
    if (len <= OBJ_INT_MAX_CHARS && string2ll(s, len, &v))
        return createStringObjectFromLongLong(sl, v);
    return createEmbeddedStringObject(sl, s, len);
}

robj *stringObjectOnStack(robjStack *tmp, const char *s, size_t len) {
    long long v;
    if (len <= OBJ_INT_MAX_CHARS && string2ll(s, len, &v)) {
        robj *o = initObject(&tmp->o, OBJ_STRING, OBJ_ENCODING_INT, 0);
        o->u.ll = v;
        return o;
    }
    if (len > OBJ_STACK_EMBSTR_MAX) return NULL;
    robj *o = initObject(&tmp->o, OBJ_STRING, OBJ_ENCODING_EMBSTR, (uint32_t)len);
    if (len) memcpy(OBJ_EMBSTR_DATA(o), s, len);
    return o;
}

robj *createStringObjectFromLongLong(rlSlab *sl, long long v) {
    robj *o = newObject(sl, 0, OBJ_ENCODING_INT);
    o->u.ll = v;
    return o;
}

/* A RAW string object (an sds that can grow in place). */
robj *createRawStringObject(rlSlab *sl, const char *s, size_t len) {
    robj *o = newObject(sl, 0, OBJ_ENCODING_RAW);
    o->u.ptr = sdsnewlen(s, len);
    slabCharge(sl, sdsAllocSize(o->u.ptr));
    return o;
}

/* A deep copy of a string object, keeping its encoding. */
robj *dupStringObject(rlSlab *sl, const robj *o) {
    switch (o->encoding) {
    case OBJ_ENCODING_INT:
        return createStringObjectFromLongLong(sl, o->u.ll);
    case OBJ_ENCODING_RAW: {
        sds s = o->u.ptr;
        return createRawStringObject(sl, s, sdslen(s));
    }
    default:
        return createEmbeddedStringObject(sl, OBJ_EMBSTR_DATA(o), o->len);
    }
}

size_t objectAllocSize(const robj *o) {
    return objectAllocSizeForLen(o->len);
}

void freeObjectHeader(rlSlab *sl, robj *o) {
    slabFree(sl, o, objectAllocSizeForLen(o->len));
}

void freeObject(rlServer *s, robj *o) {
    if (!o) return;
    freeObjectContents(s, o);
    freeObjectHeader(&s->slab, o);
}

void freeObjectContents(rlServer *s, robj *o) {
    switch (o->type) {
    case OBJ_STRING:
        if (o->encoding == OBJ_ENCODING_RAW) {
            slabUncharge(&s->slab, sdsAllocSize(o->u.ptr));
            sdsfree(o->u.ptr);
        }
        break;
    case OBJ_HASH:
        hashTypeFree(s, o);
        break;
    case OBJ_SET:
        setTypeFree(s, o);
        break;
    case OBJ_LIST:
        listTypeFree(s, o);
        break;
    case OBJ_ZSET:
        zsetTypeFree(s, o);
        break;
    default:
        break;
    }
}

robj *dupObject(rlServer *s, const robj *o) {
    switch (o->type) {
    case OBJ_HASH:
        return hashTypeDup(s, o);
    case OBJ_SET:
        return setTypeDup(s, o);
    case OBJ_LIST:
        return listTypeDup(s, o);
    case OBJ_ZSET:
        return zsetTypeDup(s, o);
    default:
        return dupStringObject(&s->slab, o);
    }
}

const char *objectTypeName(const robj *o) {
    switch (o->type) {
    case OBJ_STRING:
        return "string";
    case OBJ_LIST:
        return "list";
    case OBJ_SET:
        return "set";
    case OBJ_ZSET:
        return "zset";
    case OBJ_HASH:
        return "hash";
    default:
        return "unknown";
    }
}

size_t stringObjectLen(const robj *o) {
    char buf[RL_LONG_STR_SIZE];
    switch (o->encoding) {
    case OBJ_ENCODING_INT:
        return (size_t)ll2string(buf, sizeof(buf), o->u.ll);
    case OBJ_ENCODING_RAW:
        return sdslen(o->u.ptr);
    default:
        return o->len;
    }
}

const char *stringObjectPtr(const robj *o, char *buf, size_t *len) {
    switch (o->encoding) {
    case OBJ_ENCODING_INT:
        *len = (size_t)ll2string(buf, RL_LONG_STR_SIZE, o->u.ll);
        return buf;
    case OBJ_ENCODING_RAW:
        *len = sdslen(o->u.ptr);
        return o->u.ptr;
    default:
        *len = o->len;
        return OBJ_EMBSTR_DATA(o);
    }
}

/* Convert 'o' to RAW in place if needed and return its sds, uncharged from 'sl': the
 * caller grows it and gives it back with rawStringDone. The object never moves (every
 * allocation has room for the pointer), so the keyspace's reference to it stays valid. */
static sds rawStringTake(rlSlab *sl, robj *o) {
    if (o->encoding != OBJ_ENCODING_RAW) {
        char buf[RL_LONG_STR_SIZE];
        size_t len;
        const char *p = stringObjectPtr(o, buf, &len);
        sds s = sdsnewlen(p, len);
        o->encoding = OBJ_ENCODING_RAW;
        o->u.ptr = s; /* o->len stays: it sizes the allocation (objectAllocSizeForLen) */
        return s;
    }
    slabUncharge(sl, sdsAllocSize(o->u.ptr));
    return o->u.ptr;
}

/* Store the grown sds 's' back into 'o' and charge it; returns its length. */
static size_t rawStringDone(rlSlab *sl, robj *o, sds s) {
    o->u.ptr = s;
    slabCharge(sl, sdsAllocSize(s));
    return sdslen(s);
}

size_t stringObjectAppend(rlSlab *sl, robj *o, const char *p, size_t len) {
    return rawStringDone(sl, o, sdscatlen(rawStringTake(sl, o), p, len));
}

size_t stringObjectSetRange(rlSlab *sl, robj *o, size_t offset, const char *p, size_t len) {
    sds s = sdsgrowzero(rawStringTake(sl, o), offset + len);
    memcpy(s + offset, p, len);
    return rawStringDone(sl, o, s);
}

/* The name OBJECT ENCODING reports, as Redis 7.0 does. */
const char *objectEncodingName(const robj *o) {
    switch (o->encoding) {
    case OBJ_ENCODING_HT:
        return "hashtable";
    case OBJ_ENCODING_LISTPACK:
        return "listpack";
    case OBJ_ENCODING_INTSET:
        return "intset";
    case OBJ_ENCODING_SKIPLIST:
        return "skiplist";
    case OBJ_ENCODING_QUICKLIST:
        return "quicklist";
    case OBJ_ENCODING_INT:
        return "int";
    case OBJ_ENCODING_RAW:
        return "raw";
    default:
        return o->len <= RL_EMBSTR_LIMIT ? "embstr" : "raw";
    }
}

/* ---------------------------------------------------------------- argument parsing */

int argEq(rlClient *c, int idx, const char *token) {
    return rlStrEqNoCase(c->argv[idx], c->argvlen[idx], token);
}

int getLongLongFromArg(rlClient *c, int idx, long long *v) {
    return string2ll(c->argv[idx], c->argvlen[idx], v) ? RL_OK : RL_ERR;
}

/* Parse argv['idx'] as a long long; on failure reply 'msg' (or the standard "not an
 * integer" error when 'msg' is NULL) and return RL_ERR. */
int getLongLongFromArgOrReply(rlClient *c, int idx, long long *v, const char *msg) {
    if (getLongLongFromArg(c, idx, v) == RL_OK) return RL_OK;
    addReplyError(c, msg ? msg : RL_ERR_NOTINT);
    return RL_ERR;
}

int getLongDoubleFromArgOrReply(rlClient *c, int idx, long double *v, const char *msg) {
    if (string2ld(c->argv[idx], c->argvlen[idx], v)) return RL_OK;
    addReplyError(c, msg ? msg : RL_ERR_NOTFLOAT);
    return RL_ERR;
}

int argPrintLen(const rlClient *c, int idx) {
    return (int)rlLenToNul(c->argv[idx], c->argvlen[idx] < 128 ? c->argvlen[idx] : 128);
}

int argCStrLen(const rlClient *c, int idx) {
    return (int)rlLenToNul(c->argv[idx], c->argvlen[idx] < INT_MAX ? c->argvlen[idx] : INT_MAX);
}
