-- Every save of a translation keeps a revision (restoring one saves it again as a new revision).
CREATE TABLE publication_revision (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    language       TEXT NOT NULL,
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    translator     TEXT,
    author         TEXT NOT NULL,
    restored_from  BIGINT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX publication_revision_by_translation ON publication_revision (publication_id, language, id DESC);
-- the public news list filters by these
CREATE INDEX publication_public_dated ON publication (kind, dated DESC, id DESC) WHERE status = 'PUBLISHED';
