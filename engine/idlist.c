/* idlist: arrays of records sorted by id; see include/idlist.h. */
#include "idlist.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static char *at(const idlist_type *t, const void *v, size_t i)
{
    return (char *)v + i * t->size;
}

static long id_of(const void *rec)
{
    return *(const long *)rec;
}

void *idlist_find(const idlist_type *t, const void *v, size_t n, long id)
{
    for (size_t i = 0; i < n; i++)
        if (id_of(at(t, v, i)) == id)
            return at(t, v, i);
    return NULL;
}

void *idlist_add(const idlist_type *t, void *v, size_t *n, const void *rec)
{
    /* Copied first: rec may be a record of this very list. */
    void *copy = dr_malloc(t->size);
    t->copy(copy, rec);
    long id = id_of(copy);
    void *old = idlist_find(t, v, *n, id);
    if (old) {
        t->clear(old);
        memcpy(old, copy, t->size);
        free(copy);
        return v;
    }
    v = dr_realloc(v, (*n + 1) * t->size);
    size_t i = *n;
    while (i > 0 && id_of(at(t, v, i - 1)) > id)
        i--;
    memmove(at(t, v, i + 1), at(t, v, i), (*n - i) * t->size);
    memcpy(at(t, v, i), copy, t->size);
    free(copy);
    (*n)++;
    return v;
}

void idlist_free(const idlist_type *t, void *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        t->clear(at(t, v, i));
    free(v);
}
