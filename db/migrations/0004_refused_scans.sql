-- The desk's list of recent outcomes reads this desk's refused scans (`scan_refused`
-- events) after every check-in: an index keeps that a lookup, not a walk of the whole log.
CREATE INDEX IF NOT EXISTS event_refused ON event (desk_id, hlc) WHERE kind = 'scan_refused';
