-- The public lists read published events in start order (upcoming soonest first, past latest
-- first); this index serves both orders and the month filter's UTC range.
CREATE INDEX event_published_start ON event (starts_at) WHERE status = 'PUBLISHED';
