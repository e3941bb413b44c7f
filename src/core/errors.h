/* errors.h -- every error text the core replies with, word for word as Redis 7 gives them.
 * A text that starts with "-" carries its own code word (the dash is dropped); any other
 * text gets "ERR " prepended by addReplyError (Redis's rule). */
#ifndef RL_ERRORS_H
#define RL_ERRORS_H

#define RL_ERR_WRONGTYPE "-WRONGTYPE Operation against a key holding the wrong kind of value"
#define RL_ERR_NOTINT "value is not an integer or out of range"
#define RL_ERR_NOTFLOAT "value is not a valid float"
#define RL_ERR_SYNTAX "syntax error"
#define RL_ERR_NOSUCHKEY "no such key"
#define RL_ERR_OVERFLOW "increment or decrement would overflow"
#define RL_ERR_NAN_INF "increment would produce NaN or Infinity"
#define RL_ERR_DBINDEX "DB index is out of range"
#define RL_ERR_OFFSET "offset is out of range"
#define RL_ERR_STRING_TOO_BIG "string exceeds maximum allowed size (proto-max-bulk-len)"
#define RL_ERR_EXPIRE_OPTS "NX and XX, GT or LT options at the same time are not compatible"
#define RL_ERR_MULTI_NESTED "MULTI calls can not be nested"
#define RL_ERR_EXEC_NOMULTI "EXEC without MULTI"
#define RL_ERR_DISCARD_NOMULTI "DISCARD without MULTI"
#define RL_ERR_EXECABORT "-EXECABORT Transaction discarded because of previous errors."
#define RL_ERR_SAME_OBJECT "source and destination objects are the same"
#define RL_ERR_ARITY_FMT "wrong number of arguments for '%s' command"
#define RL_ERR_UNKNOWN_CMD_FMT "unknown command '%.128s', with args beginning with: %s"
#define RL_ERR_UNKNOWN_SUBCMD_FMT "unknown subcommand '%.128s'. Try %s HELP."
#define RL_ERR_INVALID_EXPIRE_FMT "invalid expire time in '%s' command"
#define RL_ERR_INVALID_CURSOR "invalid cursor"
#define RL_ERR_BULK_LENGTH "Protocol error: invalid bulk length"
#define RL_ERR_SUBCMD_SYNTAX_FMT                                                                   \
    "unknown subcommand or wrong number of arguments for '%.*s'. Try %s HELP."
#define RL_ERR_OOM "-OOM command not allowed when used memory > 'maxmemory'."
#define RL_ERR_IDLETIME_LFU                                                                        \
    "An LFU maxmemory policy is selected, idle time not tracked. Please note that when "           \
    "switching between policies at runtime LRU and LFU data will take some time to adjust."
#define RL_ERR_FREQ_NOT_LFU                                                                        \
    "An LFU maxmemory policy is not selected, access frequency not tracked. Please note that "     \
    "when switching between policies at runtime LRU and LFU data will take some time to adjust."
#define RL_ERR_CONFIG_UNKNOWN_FMT "Unknown option or number of arguments for CONFIG SET - '%.*s'"
#define RL_ERR_CONFIG_SET_FMT "CONFIG SET failed (possibly related to argument '%.*s') - %s"
#define RL_ERR_WATCH_IN_MULTI "WATCH inside MULTI is not allowed"

#endif
