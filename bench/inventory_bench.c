/* inventory_bench: loads and validates an inventory file several times and
 * prints the time per load and the process's peak RSS (getrusage).
 *
 *   inventory_bench FILE [ROUNDS]      (bench/inventory_bench.sh makes FILE)
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "inventory.h"

static int cmp_ms(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    if (rounds < 1)
        rounds = 1;
    double *ms = calloc((size_t)rounds, sizeof *ms);
    size_t keepers = 0, nodes = 0, shards = 0;
    for (int r = 0; r < rounds; r++) {
        inventory_t *inv = NULL;
        inventory_errors errs;
        inventory_errors_init(&errs);
        dr_err err = {0};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = inventory_load_file(argv[1], NULL, &inv, &errs, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (rc != DR_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        ms[r] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        keepers = nodes = 0;
        for (size_t s = 0; s < inv->n_sites; s++)
            keepers += inv->sites[s].n_keepers, nodes += inv->sites[s].n_clickhouse;
        shards = inv->n_shards;
        inventory_free(inv);
        inventory_errors_free(&errs);
    }
    qsort(ms, (size_t)rounds, sizeof *ms, cmp_ms);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("inventory_bench: %s: %zu keepers, %zu clickhouse nodes, %zu shards\n", argv[1], keepers,
           nodes, shards);
    printf("load+validate: min %.2f ms, median %.2f ms, max %.2f ms over %d rounds\n", ms[0],
           ms[rounds / 2], ms[rounds - 1], rounds);
    printf("peak RSS: %ld KiB\n", ru.ru_maxrss);
    free(ms);
    return 0;
}
