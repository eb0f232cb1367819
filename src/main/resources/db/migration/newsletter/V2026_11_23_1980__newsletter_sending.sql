-- The sending engine's claims on the delivery ledger. A row goes PENDING -> SENDING (claimed by a
-- node, committed) -> SENT (committed right after the server's 250 to DATA). handed_at is set, in
-- the same commit as the previous message's outcome, just before the message is handed to the SMTP
-- server: after a crash only SENDING rows with handed_at are ambiguous (at most one per connection).
ALTER TABLE edition_delivery
    ADD COLUMN claimed_by  TEXT,
    ADD COLUMN claimed_at  TIMESTAMPTZ,
    ADD COLUMN handed_at   TIMESTAMPTZ,
    -- how many times this row was found ambiguous after a crash and sent again with the same Message-ID
    ADD COLUMN resent_after_crash INT NOT NULL DEFAULT 0;
CREATE INDEX edition_delivery_claimed ON edition_delivery (claimed_by) WHERE status = 'SENDING';
CREATE INDEX edition_delivery_sent_at ON edition_delivery (edition_id, sent_at) WHERE status = 'SENT';

-- The nodes that send: each beats every few seconds; rows claimed by a node whose heartbeat is
-- older than the lease are recovered by the others.
CREATE TABLE newsletter_sender (
    node         TEXT PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
