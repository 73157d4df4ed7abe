-- Consular precedence (Vienna Convention on Consular Relations, art. 16): the class of a head
-- of consular post, career or honorary, and the date of the exequatur.
ALTER TABLE attendee ADD COLUMN consular_rank TEXT NOT NULL DEFAULT '';
ALTER TABLE attendee ADD COLUMN consular_service TEXT NOT NULL DEFAULT '';
ALTER TABLE attendee ADD COLUMN exequatur TEXT NOT NULL DEFAULT '';
