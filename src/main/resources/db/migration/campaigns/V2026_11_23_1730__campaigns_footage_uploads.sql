-- Resumable footage uploads in progress. The id a client holds is a random token; only its SHA-256
-- is stored (token_hash), and the bytes received so far live in convene.media.dir/incoming under
-- that hash. A session ends when it is completed (footage row written), refused or abandoned.
CREATE TABLE footage_upload (
    token_hash  TEXT PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    byte_size   BIGINT NOT NULL CHECK (byte_size > 0),
    chunk_size  INT NOT NULL CHECK (chunk_size > 0),
    received    BIGINT NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= byte_size),
    kind        TEXT CHECK (kind IN ('PHOTO', 'VIDEO')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX footage_upload_updated ON footage_upload (updated_at);

-- The key that signs submitters' personal links (/footage/submissions/{token}); one row, made on first use.
CREATE TABLE footage_link_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
