/* test_main.c -- runs every `int test_*(void)` function found by the Makefile. */
#include <stdio.h>
#include <string.h>

#define TEST(name) int name(void);
#include "test_list.h"
#undef TEST

typedef struct {
    const char *name;
    int (*fn)(void);
} testCase;

#define TEST(name) {#name, name},
static const testCase tests[] = {
#include "test_list.h"
    {NULL, NULL}};
#undef TEST

int main(int argc, char **argv) {
    int passed = 0, failed = 0;
    for (const testCase *t = tests; t->name; t++) {
        if (argc > 1 && !strstr(t->name, argv[1])) continue;
        if (t->fn() == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "not ok - %s\n", t->name);
        }
    }
    printf("core: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
