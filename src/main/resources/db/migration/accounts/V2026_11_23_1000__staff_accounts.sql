-- Staff accounts: network admins, and admins and editors of one member organization.
-- organization_id refers to the directory's organization; the directory owns that table,
-- so no foreign key crosses the module boundary.
CREATE TABLE staff_account (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('NETWORK_ADMIN', 'ORG_ADMIN', 'ORG_EDITOR')),
    organization_id BIGINT,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT staff_scoped_to_organization CHECK ((role = 'NETWORK_ADMIN') = (organization_id IS NULL))
);
CREATE UNIQUE INDEX staff_account_email_key ON staff_account (lower(email));

-- The one-time link printed on the console to create the first network admin.
CREATE TABLE setup_token (
    token_hash TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
