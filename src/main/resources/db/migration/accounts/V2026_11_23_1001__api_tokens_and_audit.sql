-- Personal API tokens: only a SHA-256 hash of the token is stored; the token is shown once.
CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_account ON api_token (account_id);

-- What staff did, on which record. client_hash is a keyed hash of the truncated client address,
-- never the address itself.
CREATE TABLE audit_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id    BIGINT,
    actor_email TEXT,
    action      TEXT NOT NULL,
    record_type TEXT,
    record_id   TEXT,
    detail      TEXT,
    client_hash TEXT
);
CREATE INDEX audit_entry_at ON audit_entry (at DESC);
