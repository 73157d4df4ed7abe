-- Events this desk cannot apply (pulled from the hub or merged from a stage file), and this
-- desk's own events the hub refused: kept aside so the rest keeps syncing, and shown.
CREATE TABLE quarantine (
    event_id    TEXT PRIMARY KEY,
    source      TEXT NOT NULL,          -- 'pulled': not applied here; 'refused': own, hub said no
    desk_id     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    attendee_id TEXT,
    reason      TEXT NOT NULL,
    event       TEXT,                   -- the event as received (pulled only), for a later look
    at          TEXT NOT NULL
);
CREATE INDEX quarantine_source ON quarantine (source);
