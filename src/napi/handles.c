/* handles.c -- servers and clients as type-tagged externals. A client handle can be
 * released early (client.close()); its finalizer then does nothing. A client holds a
 * reference on its server, so finalizer order never frees a server under a live client. */
#include "napi_util.h"

#include <stdlib.h>

static const napi_type_tag serverTag = {0x72656c6974655356ULL, 0x5345525645520001ULL};
static const napi_type_tag clientTag = {0x72656c697465434cULL, 0x434c49454e540001ULL};

typedef struct clientBox {
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
    box->c = c;
    napi_value v;
    if (napi_create_external(env, box, finalizeClient, NULL, &v) != napi_ok) {
        rlClientRelease(c);
        free(box);
        rlThrowInternal(env, "napi_create_external");
        return NULL;
    }
    NAPI_CALL(env, napi_type_tag_object(env, v, &clientTag));
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

rlClient *rlUnwrapClient(napi_env env, napi_value v) {
    clientBox *box = unwrapTagged(env, v, &clientTag, "not a redlite client handle");
    if (!box) return NULL;
    if (!box->c) {
        napi_throw_error(env, "ERR_REDLITE_HANDLE", "client handle already released");
        return NULL;
    }
    return box->c;
}

int rlReleaseClientHandle(napi_env env, napi_value v) {
    clientBox *box = unwrapTagged(env, v, &clientTag, "not a redlite client handle");
    if (!box) return -1;
    if (box->c) rlClientRelease(box->c);
    box->c = NULL;
    return 0;
}
