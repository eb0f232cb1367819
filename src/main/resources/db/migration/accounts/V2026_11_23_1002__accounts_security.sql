-- Failed logins per e-mail address, known or not (so a lockout never tells whether an account
-- exists). Only a SHA-256 hash of the lower-cased address is kept; a row goes once a login succeeds.
CREATE TABLE login_failure (
    email_hash   TEXT PRIMARY KEY,
    failures     INT NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until TIMESTAMPTZ,
    last_failure TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- TOTP two-factor authentication: the secret, and the last time step used (a code works once).
ALTER TABLE staff_account
    ADD COLUMN totp_secret    TEXT,
    ADD COLUMN totp_last_step BIGINT,
    ADD COLUMN updated_at     TIMESTAMPTZ NOT NULL DEFAULT now();

-- One-time recovery codes for a lost authenticator, stored hashed.
CREATE TABLE recovery_code (
    account_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- Password reset links: single use, expiring; only the token's SHA-256 hash is stored.
CREATE TABLE password_reset (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX password_reset_account ON password_reset (account_id);

-- Invitations to join the staff: single use, expiring; only the token's SHA-256 hash is stored.
CREATE TABLE staff_invitation (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      TEXT NOT NULL UNIQUE,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('NETWORK_ADMIN', 'ORG_ADMIN', 'ORG_EDITOR')),
    organization_id BIGINT,
    invited_by      BIGINT REFERENCES staff_account (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    accepted_at     TIMESTAMPTZ,
    account_id      BIGINT REFERENCES staff_account (id) ON DELETE SET NULL,
    CONSTRAINT invitation_scoped_to_organization CHECK ((role = 'NETWORK_ADMIN') = (organization_id IS NULL)),
    CHECK (expires_at > created_at)
);

CREATE INDEX audit_entry_action ON audit_entry (action, at DESC);
