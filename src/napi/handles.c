/* handles.c -- servers (type-tagged) and clients (magic-checked) as externals. A client handle can
 * be released early (client.close()); its finalizer then does nothing. A client holds a reference
 * on its server, so finalizer order never frees a server under a live client. */
#include "napi_util.h"

#include <stdint.h>
#include <stdlib.h>

static const napi_type_tag serverTag = {0x72656c6974655356ULL, 0x5345525645520001ULL};

/* Client handles are checked by a magic number rather than a type tag: exec() unwraps one
 * on every command and napi_check_object_type_tag measured ~180 instructions per call (a
 * third of a PING). Externals can only be made by native code, so the magic distinguishes
 * our client boxes from our server handles and from other addons' externals. */
#define CLIENT_BOX_MAGIC 0x726c436c69656e74ULL /* "rlClient" */

typedef struct clientBox {
    uint64_t magic;
    rlClient *c;
} clientBox;

static void finalizeServer(napi_env env, void *data, void *hint) {
    (void)env;
    (void)hint;
    rlServerRelease(data);
}

static void finalizeClient(napi_env env, void *data, void *hint) {
    (void)env;
    (void)hint;
    clientBox *box = data;
    if (box->c) rlClientRelease(box->c);
    free(box);
}

napi_value rlWrapServer(napi_env env, rlServer *s) {
    napi_value v;
    if (napi_create_external(env, s, finalizeServer, NULL, &v) != napi_ok) {
        rlServerRelease(s);
        rlThrowInternal(env, "napi_create_external");
        return NULL;
    }
    NAPI_CALL(env, napi_type_tag_object(env, v, &serverTag));
    return v;
}

napi_value rlWrapClient(napi_env env, rlClient *c) {
    clientBox *box = malloc(sizeof(*box));
    if (!box) {
        rlClientRelease(c);
        rlThrowInternal(env, "malloc");
        return NULL;
    }
    box->magic = CLIENT_BOX_MAGIC;
    box->c = c;
    napi_value v;
    if (napi_create_external(env, box, finalizeClient, NULL, &v) != napi_ok) {
        rlClientRelease(c);
        free(box);
        rlThrowInternal(env, "napi_create_external");
        return NULL;
    }
    return v;
}

static void *unwrapTagged(napi_env env, napi_value v, const napi_type_tag *tag, const char *what) {
    bool ok = false;
    void *data = NULL;
    if (napi_check_object_type_tag(env, v, tag, &ok) != napi_ok || !ok ||
        napi_get_value_external(env, v, &data) != napi_ok) {
        napi_throw_type_error(env, "ERR_REDLITE_HANDLE", what);
        return NULL;
    }
    return data;
}

rlServer *rlUnwrapServer(napi_env env, napi_value v) {
    return unwrapTagged(env, v, &serverTag, "not a redlite server handle");
}

/* The client box behind 'v', or NULL with a TypeError pending. */
static clientBox *unwrapClientBox(napi_env env, napi_value v) {
    void *data = NULL;
    /* napi_get_value_external fails on anything that is not an external */
    if (napi_get_value_external(env, v, &data) != napi_ok || !data ||
        ((clientBox *)data)->magic != CLIENT_BOX_MAGIC) {
        napi_throw_type_error(env, "ERR_REDLITE_HANDLE", "not a redlite client handle");
        return NULL;
    }
    return data;
}

rlClient *rlUnwrapClient(napi_env env, napi_value v) {
    clientBox *box = unwrapClientBox(env, v);
    if (!box) return NULL;
    if (!box->c) {
        napi_throw_error(env, "ERR_REDLITE_HANDLE", "client handle already released");
        return NULL;
    }
    return box->c;
}

int rlReleaseClientHandle(napi_env env, napi_value v) {
    clientBox *box = unwrapClientBox(env, v);
    if (!box) return -1;
    if (box->c) rlClientRelease(box->c);
    box->c = NULL;
    return 0;
}
