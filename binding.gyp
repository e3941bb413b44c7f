{
  "targets": [
    {
      "target_name": "redlite",
      "sources": [
        "src/core/alloc.c",
        "src/core/blocking.c",
        "src/core/commands.c",
        "src/core/config.c",
        "src/core/cron.c",
        "src/core/db.c",
        "src/core/debug.c",
        "src/core/dict.c",
        "src/core/dispatch.c",
        "src/core/evict.c",
        "src/core/listpack.c",
        "src/core/expire.c",
        "src/core/intset.c",
        "src/core/lazyfree.c",
        "src/core/memory.c",
        "src/core/multi.c",
        "src/core/notify.c",
        "src/core/object.c",
        "src/core/outbox.c",
        "src/core/pubsub.c",
        "src/core/quicklist.c",
        "src/core/reply.c",
        "src/core/sds.c",
        "src/core/server.c",
        "src/core/slab.c",
        "src/core/t_hash.c",
        "src/core/t_list.c",
        "src/core/t_set.c",
        "src/core/t_string.c",
        "src/core/t_zset.c",
        "src/core/util.c",
        "src/core/zskiplist.c",
        "src/napi/addon.c",
        "src/napi/handles.c",
        "src/napi/js_args.c",
        "src/napi/js_reply.c"
      ],
      "defines": [
        "NAPI_VERSION=8"
      ],
      "cflags": [
        "-std=c11",
        "-O2",
        "-fvisibility=hidden",
        "-Wall",
        "-Wextra"
      ],
      "cflags_c": [
        "-std=c11"
      ],
      "conditions": [
        [
          "OS=='win'",
          {
            "msvs_settings": {
              "VCCLCompilerTool": {
                "AdditionalOptions": [
                  "/std:c11",
                  "/W4"
                ]
              }
            }
          }
        ],
        [
          "OS=='mac'",
          {
            "xcode_settings": {
              "OTHER_CFLAGS": [
                "-std=c11",
                "-O2",
                "-fvisibility=hidden",
                "-Wall",
                "-Wextra"
              ]
            }
          }
        ]
      ]
    }
  ]
}
