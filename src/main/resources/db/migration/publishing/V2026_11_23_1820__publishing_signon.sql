-- Sign-on to statements: per statement whether it is open for endorsement, until when, and whether
-- individuals may add their names; then the endorsements themselves. A member organization's
-- endorsement is shown at once; another organization's waits for staff to verify it; an
-- individual's waits for the signer to confirm their e-mail. organization_id and region refer to
-- the directory (no foreign key crosses a module boundary). Unique indexes keep one endorsement per
-- member organization, per other organization (name + country, and contact e-mail) and per
-- individual e-mail; inserts use ON CONFLICT DO NOTHING so a duplicate writes no second row.
CREATE TABLE statement_sign_on (
    publication_id      BIGINT PRIMARY KEY REFERENCES publication (id) ON DELETE CASCADE,
    open                BOOLEAN NOT NULL DEFAULT FALSE,
    closes_at           TIMESTAMPTZ,
    time_zone           TEXT NOT NULL DEFAULT 'UTC',
    individuals_allowed BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE endorsement (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publication_id  BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('MEMBER', 'ORGANIZATION', 'INDIVIDUAL')),
    organization_id BIGINT,
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    affiliation     TEXT NOT NULL DEFAULT '' CHECK (length(affiliation) <= 200),
    country         CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    website         TEXT CHECK (length(website) <= 300),
    contact_name    TEXT CHECK (length(contact_name) <= 200),
    email           TEXT CHECK (length(email) <= 254),
    language        TEXT NOT NULL DEFAULT 'en',
    status          TEXT NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED', 'HIDDEN')),
    endorsed_by     BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    verified_at     TIMESTAMPTZ,
    CONSTRAINT endorsement_member_has_organization CHECK ((kind = 'MEMBER') = (organization_id IS NOT NULL)),
    CONSTRAINT endorsement_others_have_email CHECK (kind = 'MEMBER' OR email IS NOT NULL)
);
CREATE UNIQUE INDEX endorsement_member_key ON endorsement (publication_id, organization_id) WHERE kind = 'MEMBER';
CREATE UNIQUE INDEX endorsement_organization_key ON endorsement (publication_id, lower(name), country) WHERE kind = 'ORGANIZATION';
CREATE UNIQUE INDEX endorsement_organization_contact_key ON endorsement (publication_id, lower(email)) WHERE kind = 'ORGANIZATION';
CREATE UNIQUE INDEX endorsement_individual_key ON endorsement (publication_id, lower(email)) WHERE kind = 'INDIVIDUAL';
CREATE INDEX endorsement_shown ON endorsement (publication_id, kind, verified_at DESC) WHERE status = 'VERIFIED';

-- The key that signs individuals' confirmation links (shared by every node).
CREATE TABLE sign_on_link_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
