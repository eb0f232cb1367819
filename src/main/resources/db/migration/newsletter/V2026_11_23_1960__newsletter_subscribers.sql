-- Soft bounces per address: an address is suppressed once it has soft-bounced
-- convene.newsletter.soft-bounce-threshold times within 30 days.
CREATE TABLE newsletter_soft_bounce (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       TEXT NOT NULL CHECK (email = lower(email)),
    detail      TEXT,
    bounced_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX newsletter_soft_bounce_by_email ON newsletter_soft_bounce (email, bounced_at);

CREATE INDEX suppression_newest ON suppression (created_at DESC);
