/* notify: the inventory's webhooks (notify:), told of a real run's start,
 * a failed step, a refusal and its end with a JSON POST:
 *
 *   {"event": "start"|"step_failed"|"refused"|"end", "run_id": "...",
 *    "runbook": "failover", "mode": "real", "time": "2026-12-04T05:00:00Z",
 *    "inventory": "sites/x.yaml", "status": "ok"|"failed"|"refused"|null,
 *    "step": "name"|null, "error": "..."|null, "rto_ms": 24100|null}
 *
 * Never in a rehearsal or a read-only command.  A webhook that fails is a
 * warning on stderr (each tried once more after a short backoff, within its
 * timeout): telling people must never stop the procedure itself. */
#include <lua.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine_int.h"
#include "http.h"
#include "json.h"

static double run_rto(struct engine *e)
{
    lua_State *L = e->L;
    double v = -1;
    if (!L)
        return v;
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "rto_seconds");
        if (lua_isnumber(L, -1))
            v = lua_tonumber(L, -1);
    }
    lua_settop(L, top);
    return v;
}

void engine_notify(struct engine *e, const char *event, const char *status, const char *step,
                   const char *error)
{
    static const char *const names[] = {"start", "step_failed", "refused", "end"};
    if (!e || e->o.mode != ENGINE_REAL || !e->inv || !e->inv->n_notify)
        return;
    unsigned bit = 0;
    for (unsigned k = 0; k < 4; k++)
        if (strcmp(event, names[k]) == 0)
            bit = 1u << k;
    dr_buf body = DR_BUF_INIT;
    json_writer w;
    json_writer_init(&w, &body, JSON_COMPACT);
    json_begin_object(&w);
    json_key(&w, "event");
    json_put_string(&w, event);
    json_key(&w, "run_id");
    json_put_string(&w, e->run_id[0] ? e->run_id : NULL);
    json_key(&w, "runbook");
    json_put_string(&w, e->runbook_name.data);
    json_key(&w, "mode");
    json_put_string(&w, "real");
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    json_key(&w, "time");
    json_put_string(&w, when);
    json_key(&w, "inventory");
    json_put_string(&w, e->inv->file);
    json_key(&w, "status");
    json_put_string(&w, status);
    json_key(&w, "step");
    json_put_string(&w, step);
    json_key(&w, "error");
    json_put_string(&w, error);
    json_key(&w, "rto_ms");
    /* only at the end, from the engine's own thread: a failed step may be
     * reported from a group member's coroutine */
    double rto = strcmp(event, "end") == 0 || strcmp(event, "refused") == 0 ? run_rto(e) : -1;
    if (rto >= 0)
        json_int(&w, (int64_t)(rto * 1000 + 0.5));
    else
        json_put_null(&w);
    json_end_object(&w);
    json_writer_finish(&w);
    dr_redact(&body); /* an error text may echo a secret */
    for (size_t i = 0; i < e->inv->n_notify; i++) {
        const inventory_notify *n = &e->inv->notify[i];
        if (!(n->events & bit))
            continue;
        static const char *const headers[] = {"Content-Type: application/json", NULL};
        http_request rq = {.method = "POST",
                           .url = n->url,
                           .body = body.data,
                           .body_len = body.len,
                           .headers = headers,
                           .timeout_ms = n->timeout * 1000,
                           .retries = 1};
        http_response res;
        dr_err err = {0};
        if (http_send(&rq, &res, &err) != DR_OK)
            engine_say(e, "drctl: warning: webhook (%s): %s\n", event, err.msg);
        http_response_free(&res);
    }
    dr_buf_free(&body);
}
