-- Subscribers, the suppression list, editions and their deliveries. region_id and organization_id
-- refer to the directory; no foreign key crosses the module boundary.
CREATE TABLE subscriber (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name            TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    language        TEXT NOT NULL,
    region_id       BIGINT,
    organization_id BIGINT,
    topics          TEXT[] NOT NULL DEFAULT '{}',
    -- PENDING until the confirmation link is opened; PAUSED receives nothing until resumed
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUBSCRIBED', 'PAUSED', 'UNSUBSCRIBED')),
    consent_at      TIMESTAMPTZ,
    consent_source  TEXT,
    consent_text    TEXT,
    confirmed_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subscriber_one_per_email ON subscriber (lower(email));
CREATE INDEX subscriber_sendable ON subscriber (id) WHERE status = 'SUBSCRIBED';

-- Addresses never mailed again (kept by address, so a re-import cannot bring them back).
CREATE TABLE suppression (
    email      TEXT PRIMARY KEY CHECK (email = lower(email)),
    reason     TEXT NOT NULL CHECK (reason IN ('UNSUBSCRIBED', 'HARD_BOUNCE', 'SOFT_BOUNCES', 'COMPLAINT', 'MANUAL')),
    detail     TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "Edition 3 (2026)": subject and introduction translated (TranslatedText JSON); segment is a JSON
-- object {languages:[], regionIds:[], topics:[], organizationIds:[]} (empty lists: everyone).
CREATE TABLE edition (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year         INT NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    number       INT NOT NULL CHECK (number >= 1),
    subject      JSONB NOT NULL,
    introduction JSONB NOT NULL,
    segment      JSONB NOT NULL DEFAULT '{}',
    status       TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED')),
    scheduled_at TIMESTAMPTZ,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (year, number)
);

-- The blocks an edition is composed of, in order. content is JSON whose shape depends on kind:
-- TEXT {text: TranslatedText}, CAMPAIGN {campaignId}, STATEMENT {publicationId}, EVENT {eventId},
-- PARTNER_ROUNDUP {itemIds: []}, IMAGE {image, caption: TranslatedText, alt: TranslatedText}.
CREATE TABLE edition_block (
    edition_id BIGINT NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    position   INT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('TEXT', 'CAMPAIGN', 'STATEMENT', 'EVENT', 'PARTNER_ROUNDUP', 'IMAGE')),
    content    JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (edition_id, position)
);

-- One row per recipient of an edition, written when sending starts (the segment is fixed then):
-- the sending engine's ledger, so a restart continues where it stopped and nobody gets it twice.
CREATE TABLE edition_delivery (
    edition_id    BIGINT NOT NULL REFERENCES edition (id),
    subscriber_id BIGINT NOT NULL REFERENCES subscriber (id),
    status        TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts      INT NOT NULL DEFAULT 0,
    next_attempt  TIMESTAMPTZ,
    last_error    TEXT,
    sent_at       TIMESTAMPTZ,
    PRIMARY KEY (edition_id, subscriber_id)
);
CREATE INDEX edition_delivery_due ON edition_delivery (edition_id, subscriber_id) WHERE status = 'PENDING';
