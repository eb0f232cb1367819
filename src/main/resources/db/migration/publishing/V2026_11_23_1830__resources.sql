-- The resource library: toolkits and dossiers as files (stored by the media module's Documents,
-- file_name is its server-made name) or as links to elsewhere (http/https only). Title and
-- description are translated texts ({"fallback":"en","values":{...}}); languages are those the
-- document itself is written in. downloads counts downloads and click-throughs, never who.
-- campaign and organization ids refer to their modules; no foreign key crosses a module boundary.
CREATE TABLE resource (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    kind            TEXT NOT NULL CHECK (kind IN ('DOCUMENT', 'IMAGE', 'LINK')),
    title           JSONB NOT NULL,
    description     JSONB NOT NULL,
    languages       TEXT[] NOT NULL DEFAULT '{}',
    tags            TEXT[] NOT NULL DEFAULT '{}',
    campaign_id     BIGINT,
    organization_id BIGINT,
    published_on    DATE NOT NULL,
    status          TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    file_name       TEXT UNIQUE,
    file_type       TEXT,
    file_size       BIGINT,
    url             TEXT CHECK (url ~ '^https?://'),
    downloads       BIGINT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'LINK') = (url IS NOT NULL)),
    CHECK ((kind = 'LINK') = (file_name IS NULL))
);
CREATE INDEX resource_public ON resource (published_on DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX resource_tags ON resource USING gin (tags);
CREATE INDEX resource_languages ON resource USING gin (languages);
