-- Statements and news posts ("publications"): one row each, with a translation row per language.
-- The original language's translation is written first; every translation has its own workflow
-- status and translator. A publication is public when it is PUBLISHED and its publish_at (a
-- scheduled publication) has come; a language is offered when its translation is PUBLISHED.
-- organization and region ids refer to the directory, campaign and event ids to their modules;
-- no foreign key crosses a module boundary.
CREATE TABLE publication (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('STATEMENT', 'NEWS')),
    slug              TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    original_language TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    publish_at        TIMESTAMPTZ,
    published_at      TIMESTAMPTZ,
    dated             DATE NOT NULL,
    cover_image       TEXT,
    tags              TEXT[] NOT NULL DEFAULT '{}',
    campaign_id       BIGINT,
    event_id          BIGINT,
    organization_ids  BIGINT[] NOT NULL DEFAULT '{}',
    category          TEXT,
    region_id         BIGINT,
    country           CHAR(2) CHECK (country ~ '^[A-Z]{2}$'),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX publication_public ON publication (kind, published_at DESC) WHERE status = 'PUBLISHED';

CREATE TABLE publication_translation (
    publication_id BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    language       TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    summary        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
    status         TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    translator     TEXT,
    published_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (publication_id, language)
);

-- Named signatories printed under a statement (e.g. "Amina Diallo, chairperson").
CREATE TABLE publication_signatory (
    publication_id BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    position       INT NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (publication_id, position)
);
