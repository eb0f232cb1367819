-- Files sent with a mail (such as a QR-code ticket), written with it in the same statement.
CREATE TABLE mail_attachment (
    mail_id      BIGINT NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     INT NOT NULL,
    file_name    TEXT NOT NULL CHECK (file_name ~ '^[A-Za-z0-9._-]{1,100}$'),
    content_type TEXT NOT NULL,
    content      BYTEA NOT NULL,
    PRIMARY KEY (mail_id, position)
);
