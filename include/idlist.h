/* idlist: an array of records kept sorted by id, one record per id, with
 * deep copies in and out: the shape of a keeper membership, shared by the
 * zkconf (ZooKeeper) and keeperxml (ClickHouse Keeper) models so that both
 * insert, replace, find and free their servers the same way.
 *
 * A record's first member is its `long id` (C lets a pointer to a struct,
 * converted, point at its first member); its type describes how to copy
 * and release one record.  Each model keeps its own typed list
 * ({server *v; size_t n}) and passes v and n here. */
#ifndef DR_IDLIST_H
#define DR_IDLIST_H

#include <stddef.h>

typedef struct idlist_type {
    size_t size;                              /* sizeof one record */
    void (*copy)(void *dst, const void *src); /* deep copy into dst (not initialized) */
    void (*clear)(void *rec);                 /* releases what copy allocated */
} idlist_type;

/* The record of that id in v[0..n), or NULL. */
void *idlist_find(const idlist_type *t, const void *v, size_t n, long id);
/* Adds a copy of rec to v[0..*n), keeping the order; a record of the same
 * id is released and replaced.  Returns the array, which may have moved. */
void *idlist_add(const idlist_type *t, void *v, size_t *n, const void *rec);
/* Releases every record and the array itself. */
void idlist_free(const idlist_type *t, void *v, size_t n);

#endif
