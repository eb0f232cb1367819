-- Organizer views, referral links and Idempotency-Key.

-- The member organization whose link a registrant followed (/events/{slug}?via={organization id});
-- no foreign key, the directory owns organizations. referral_consent_at: when the registrant agreed
-- to share name and e-mail with that organization (null: not agreed).
ALTER TABLE registration
    ADD COLUMN referral_organization_id BIGINT,
    ADD COLUMN referral_consent_at      TIMESTAMPTZ,
    ADD CONSTRAINT registration_consent_needs_referral CHECK (referral_consent_at IS NULL OR referral_organization_id IS NOT NULL);

-- The organizer's list pages through an event's registrations in the order they came in (by id), and
-- a message to registrants goes through them in the same order.
CREATE INDEX registration_event_order ON registration (event_id, id);
CREATE INDEX registration_referral ON registration (referral_organization_id, event_id)
    WHERE referral_organization_id IS NOT NULL;

-- Idempotency-Key of POST /api/v1/events/{id}/registrations: a retry with the same key gets the
-- stored answer without writing anything; the same key with another request body is refused.
CREATE TABLE registration_request_key (
    event_id        BIGINT NOT NULL REFERENCES event (id),
    key             TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash    TEXT NOT NULL,
    response_status INT NOT NULL,
    registration_id BIGINT NOT NULL REFERENCES registration (id),
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, key)
);
CREATE INDEX registration_request_key_expiry ON registration_request_key (expires_at);

-- A message from the organizers to an event's registrants. The request stores it and schedules a
-- durable job that queues one e-mail per recipient in batches, one transaction each, recording
-- its progress here (sent_up_to: the last registration id done), so a crash resumes where it
-- stopped and nobody gets the message twice. Recipients are registrations up to up_to_registration
-- (the newest when it was sent) that match the audience when their batch runs.
CREATE TABLE registrant_message (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id           BIGINT NOT NULL REFERENCES event (id),
    audience           TEXT NOT NULL CHECK (audience IN ('ALL_ACTIVE', 'CONFIRMED_IN_PERSON', 'WAITLISTED', 'ONLINE')),
    subject            TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body               TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    recipients         INT NOT NULL,
    up_to_registration BIGINT NOT NULL,
    sent_up_to         BIGINT NOT NULL DEFAULT 0,
    queued             INT NOT NULL DEFAULT 0,
    created_by         BIGINT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at        TIMESTAMPTZ
);
CREATE INDEX registrant_message_event ON registrant_message (event_id, id);
