-- Mail waiting to be delivered, written in the transaction that caused it.
CREATE TABLE mail_outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient    TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body_text    TEXT NOT NULL,
    headers      JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    status       TEXT NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'HELD')),
    attempts     INT NOT NULL DEFAULT 0,
    next_attempt TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error   TEXT,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt) WHERE status = 'QUEUED';
