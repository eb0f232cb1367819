-- The key personal links sent by e-mail are signed with (SignedLinks). One row; created on first use.
CREATE TABLE signed_link_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL CHECK (length(secret) = 32)
);
