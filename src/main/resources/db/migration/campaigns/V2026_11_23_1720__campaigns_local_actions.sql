-- Local actions: proposals by supporters count only once their e-mail is confirmed (confirmed), the
-- proposer hears about the moderation (proposer_email), and who moderated when.
ALTER TABLE local_action
    ADD COLUMN confirmed      BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN proposer_email TEXT,
    ADD COLUMN created_by     BIGINT,
    ADD COLUMN moderated_at   TIMESTAMPTZ,
    ADD COLUMN moderated_by   BIGINT;

-- The public map reads published public actions of one campaign in id order.
CREATE INDEX local_action_public ON local_action (campaign_id, id)
    INCLUDE (latitude, longitude, action_type, country, organization_id)
    WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC';
CREATE INDEX local_action_moderation ON local_action (campaign_id, created_at) WHERE status = 'PROPOSED' AND confirmed;

-- Bumped in the transaction of every change to a campaign's actions: the cached map data of a
-- campaign is good while its version stands (on every node).
CREATE TABLE local_action_map_version (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaign (id),
    version     BIGINT NOT NULL
);

-- The key of the signed links in proposal confirmation mails (one row, made on first use).
CREATE TABLE local_action_link_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
