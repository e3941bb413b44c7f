/* commands.c -- expands commands.def into the command table, and looks commands up.
 *
 * The table is process-wide constant data. Each server builds its own lookup dict from it
 * (lowercase name -> row), so nothing mutable is shared between servers. */
#include "server.h"

#include <string.h>

#define RL_CMD(name, method, proc, arity, flags, first, last, step)                                \
    {{name, method, arity, flags, first, last, step}, proc},
#define RL_VARIANT(name, upper, method)
static const rlCommand commandTable[] = {
#include "commands.def"
};
#undef RL_CMD
#undef RL_VARIANT

#define RL_CMD(name, method, proc, arity, flags, first, last, step)
#define RL_VARIANT(name, upper, method) {name, upper, method},
static const rlVariantInfo variantTable[] = {
#include "commands.def"
};
#undef RL_CMD
#undef RL_VARIANT
#define VARIANT_COUNT (sizeof(variantTable) / sizeof(variantTable[0]))

#define COMMAND_COUNT (sizeof(commandTable) / sizeof(commandTable[0]))
/* Longest "container|subcommand" name we look up; longer names are unknown. */
#define MAX_CMD_NAME 64

size_t rlCommandCount(void) {
    return COMMAND_COUNT;
}

const rlCommandInfo *rlCommandAt(size_t i) {
    return i < COMMAND_COUNT ? &commandTable[i].info : NULL;
}

const rlCommand *commandAt(size_t i) {
    return i < COMMAND_COUNT ? &commandTable[i] : NULL;
}

size_t rlVariantCount(void) {
    return VARIANT_COUNT;
}

const rlVariantInfo *rlVariantAt(size_t i) {
    return i < VARIANT_COUNT ? &variantTable[i] : NULL;
}

/* Fill the server's lookup dict from the table. O(number of commands). */
void commandsPopulate(rlServer *s) {
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        const char *name = commandTable[i].info.name;
        dictEntry *de = dictAddRaw(s->commands, name, strlen(name), NULL);
        if (de) dictSetVal(de, (void *)&commandTable[i]);
    }
}

/* Lowercase 'len' bytes of 'name' into 'buf' (MAX_CMD_NAME); returns 0 if too long. */
static size_t lowerName(char *buf, size_t off, const char *name, size_t len) {
    if (off + len >= MAX_CMD_NAME) return 0;
    for (size_t i = 0; i < len; i++) {
        char ch = name[i];
        buf[off + i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
    return off + len;
}

/* Find a command by its wire name in any case, or NULL. */
const rlCommand *lookupCommand(rlServer *s, const char *name, size_t len) {
    char buf[MAX_CMD_NAME];
    size_t n = lowerName(buf, 0, name, len);
    if (n == 0 || memchr(buf, '|', n)) return NULL;
    dictEntry *de = dictFind(s->commands, buf, n);
    return de ? dictGetVal(de) : NULL;
}

/* Find the subcommand 'name' of 'container' ("object" + "encoding"), or NULL. */
const rlCommand *lookupSubcommand(rlServer *s, const rlCommand *container, const char *name,
                                  size_t len) {
    char buf[MAX_CMD_NAME];
    size_t n = lowerName(buf, 0, container->info.name, strlen(container->info.name));
    if (n == 0) return NULL;
    buf[n++] = '|';
    n = lowerName(buf, n, name, len);
    if (n == 0) return NULL;
    dictEntry *de = dictFind(s->commands, buf, n);
    return de ? dictGetVal(de) : NULL;
}
