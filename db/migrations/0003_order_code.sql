-- The registration system's order code (pretix order code, Eventbrite order #): the desk finds
-- an order's people by it. Not a ticket: several people share one order.
ALTER TABLE attendee ADD COLUMN order_code TEXT NOT NULL DEFAULT '';
CREATE INDEX attendee_order_code ON attendee (order_code) WHERE order_code <> '';
