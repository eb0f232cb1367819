-- What search finds: one row per public page and language (a statement's published translation, a
-- news post's, an event's title in one language, an organization's profile, a resource). The
-- modules that own the content put and remove their rows through SearchIndex; ref_id refers to
-- their tables, so no foreign key crosses a module boundary. config is the text-search
-- configuration of the row's language (english, spanish, ..., or simple where PostgreSQL has none);
-- the vector weighs the title A and the text B.
CREATE TABLE search_document (
    kind            TEXT NOT NULL CHECK (kind IN ('STATEMENT', 'NEWS', 'RESOURCE', 'EVENT', 'ORGANIZATION')),
    ref_id          BIGINT NOT NULL,
    language        TEXT NOT NULL,
    config          REGCONFIG NOT NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    url_path        TEXT NOT NULL CHECK (url_path LIKE '/%'),
    region_id       BIGINT,
    country         CHAR(2),
    organization_id BIGINT,
    published_at    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    tsv             TSVECTOR GENERATED ALWAYS AS
                        (setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, body), 'B')) STORED,
    PRIMARY KEY (kind, ref_id, language)
);
CREATE INDEX search_document_tsv ON search_document USING GIN (tsv);

-- How far the publishing module's search indexing job has come (the start of its last run).
CREATE TABLE search_sync_mark (
    source        TEXT PRIMARY KEY,
    indexed_until TIMESTAMPTZ NOT NULL
);
