-- The directory: the network's profile, its regions, member organizations, bodies and partner projects.
-- Translatable texts are jsonb documents {"fallback":"en","values":{"en":"..."}} (TranslatedText).

CREATE TABLE network_profile (
    id             BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    JSONB NOT NULL DEFAULT '{"fallback":"en","values":{}}',
    logo           TEXT,
    contact_email  TEXT CHECK (length(contact_email) <= 254),
    website        TEXT CHECK (length(website) <= 300),
    social_handles TEXT CHECK (length(social_handles) <= 1000),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE region (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       JSONB NOT NULL,
    slug       TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    sort_order INT NOT NULL DEFAULT 0,
    active     BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE organization (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    short_name     TEXT CHECK (length(short_name) <= 50),
    slug           TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    country        CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region_id      BIGINT REFERENCES region (id),
    languages      TEXT[] NOT NULL DEFAULT '{}',
    website        TEXT CHECK (length(website) <= 300),
    social_handles TEXT CHECK (length(social_handles) <= 1000),
    description    JSONB NOT NULL DEFAULT '{"fallback":"en","values":{}}',
    logo           TEXT,
    status         TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    joined_on      DATE NOT NULL DEFAULT current_date,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organization_name_key ON organization (lower(name));
CREATE INDEX organization_region ON organization (region_id);
CREATE INDEX organization_country ON organization (country);

CREATE TABLE body (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug        TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description JSONB NOT NULL DEFAULT '{"fallback":"en","values":{}}',
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE UNIQUE INDEX body_name_key ON body (lower(name));

CREATE TABLE body_member (
    body_id         BIGINT NOT NULL REFERENCES body (id) ON DELETE CASCADE,
    organization_id BIGINT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'TREASURER', 'MEMBER', 'OBSERVER')),
    PRIMARY KEY (body_id, organization_id)
);

CREATE TABLE partner_project (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug        TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description JSONB NOT NULL DEFAULT '{"fallback":"en","values":{}}',
    website     TEXT CHECK (length(website) <= 300),
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE UNIQUE INDEX partner_project_name_key ON partner_project (lower(name));

CREATE TABLE partner_project_organization (
    project_id      BIGINT NOT NULL REFERENCES partner_project (id) ON DELETE CASCADE,
    organization_id BIGINT NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, organization_id)
);
