-- Campaigns (global days of action), the local actions registered for them and the footage sent
-- from the ground. organization_id refers to the directory's member organization; the directory
-- owns that table, so no foreign key crosses the module boundary.
CREATE TABLE campaign (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title      JSONB NOT NULL,
    call_text  JSONB NOT NULL,
    first_day  DATE NOT NULL,
    last_day   DATE NOT NULL,
    time_zone  TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT campaign_days_in_order CHECK (last_day >= first_day)
);

-- A local action: registered by staff of a member organization (PUBLISHED at once) or proposed by
-- a supporter who confirmed their e-mail (PROPOSED until staff moderate it). The contact is never
-- public; the exact address only when address_public.
CREATE TABLE local_action (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     BIGINT NOT NULL REFERENCES campaign (id),
    organization_id BIGINT,
    action_type     TEXT NOT NULL CHECK (action_type IN ('RALLY', 'PHOTO_ACTION', 'BOYCOTT', 'EDUCATION', 'STATEMENT', 'OTHER')),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     TEXT NOT NULL DEFAULT '',
    starts_at       TIMESTAMPTZ NOT NULL,
    time_zone       TEXT NOT NULL,
    city            TEXT,
    country         CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    address         TEXT,
    address_public  BOOLEAN NOT NULL DEFAULT false,
    latitude        DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    position_precision TEXT NOT NULL DEFAULT 'EXACT' CHECK (position_precision IN ('EXACT', 'CITY', 'COUNTRY')),
    contact_name    TEXT,
    contact_email   TEXT,
    visibility      TEXT NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'STAFF')),
    status          TEXT NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('PROPOSED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN')),
    language        TEXT NOT NULL DEFAULT 'en',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT local_action_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX local_action_campaign ON local_action (campaign_id, status);

-- A photo or video sent for a campaign (or one of its actions). Files live under
-- convene.media.dir/footage with server-generated names (stored_name, thumbnail_name).
CREATE TABLE footage (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     BIGINT NOT NULL REFERENCES campaign (id),
    local_action_id BIGINT REFERENCES local_action (id),
    kind            TEXT NOT NULL CHECK (kind IN ('PHOTO', 'VIDEO')),
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    featured        BOOLEAN NOT NULL DEFAULT false,
    stored_name     TEXT NOT NULL UNIQUE,
    thumbnail_name  TEXT,
    content_type    TEXT NOT NULL,
    byte_size       BIGINT NOT NULL CHECK (byte_size > 0),
    width           INT,
    height          INT,
    caption         TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL DEFAULT '',
    credit          TEXT NOT NULL DEFAULT '',
    consent_at      TIMESTAMPTZ NOT NULL,
    submitter_email TEXT NOT NULL,
    language        TEXT NOT NULL DEFAULT 'en',
    flagged_reason  TEXT,
    submitted_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    moderated_at    TIMESTAMPTZ,
    moderated_by    BIGINT
);
CREATE INDEX footage_campaign ON footage (campaign_id, status, submitted_at);
