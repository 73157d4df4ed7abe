"""Sync between desks through a hub (imports core only; no Qt).

- `errors`: `SyncError`, the one base of every sync error (code, message, HTTP status).
- `protocol`: limits, headers, the wire form of events and what each kind must carry.
- `hubschema`: the hub file's schema as numbered migrations (`hub_migration`, user_version).
- `hubstore`: the hub's SQLite file (tokens, stages, events with the hub's own sequence) and
  the projection that gives the hub the desks' own counts and digest.
- `hub`: the Starlette app (`/v1/...`), `serve` for `hub serve`, `HubThread` to run one in-process.
- `openapi`: the hand-written OpenAPI schema served at `/v1/openapi.json`.
- `finality`: the hub's desks list read off the wire; core decides whether numbers are final.
- `client`: `SyncClient.sync_stage` (push, pull, bootstrap), `watch`, `HubClient`.
"""
