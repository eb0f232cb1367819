-- The sending engine's claims on the delivery ledger. A row goes PENDING -> SENDING (claimed by a
-- node, committed) -> SENT. handed_at is the message's release: committed (with the previous
-- message's outcome) just before the final dot of DATA. After a crash, SENDING rows without it were
-- never accepted by the server (no dot, no message); rows with it (at most one per connection) are
-- taken as delivered and counted in uncertain_after_crash.
ALTER TABLE edition_delivery
    ADD COLUMN claimed_by  TEXT,
    ADD COLUMN claimed_at  TIMESTAMPTZ,
    ADD COLUMN handed_at   TIMESTAMPTZ,
    -- 1 when its node died after the release and before the outcome was committed (taken as delivered)
    ADD COLUMN uncertain_after_crash INT NOT NULL DEFAULT 0;
CREATE INDEX edition_delivery_claimed ON edition_delivery (claimed_by) WHERE status = 'SENDING';
CREATE INDEX edition_delivery_sent_at ON edition_delivery (edition_id, sent_at) WHERE status = 'SENT';

-- The nodes that send: each beats every few seconds; rows claimed by a node whose heartbeat is
-- older than the lease are recovered by the others.
CREATE TABLE newsletter_sender (
    node         TEXT PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
