-- Events and their registrations. organization_id refers to the directory's member organization
-- (null: the network itself organizes); the directory owns that table, so no foreign key crosses
-- the module boundary.
CREATE TABLE event (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug                   TEXT NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title                  JSONB NOT NULL,
    description            JSONB NOT NULL,
    organization_id        BIGINT,
    format                 TEXT NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    starts_at              TIMESTAMPTZ NOT NULL,
    ends_at                TIMESTAMPTZ NOT NULL,
    time_zone              TEXT NOT NULL,
    venue_name             TEXT,
    venue_address          TEXT,
    venue_directions       TEXT,
    accessibility          TEXT,
    capacity               INT NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    registration_opens_at  TIMESTAMPTZ,
    registration_closes_at TIMESTAMPTZ,
    status                 TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT event_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT event_window_in_order CHECK (registration_closes_at IS NULL OR registration_opens_at IS NULL
                                            OR registration_closes_at > registration_opens_at)
);
CREATE INDEX event_upcoming ON event (ends_at) WHERE status = 'PUBLISHED';
CREATE INDEX event_organization ON event (organization_id);

-- One registration per person and event: a second attempt with the same e-mail finds the first
-- (unique index below, used by INSERT ... ON CONFLICT DO NOTHING). A cancelled registration no
-- longer blocks registering again.
CREATE SEQUENCE registration_waitlist_order;
CREATE TABLE registration (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       BIGINT NOT NULL REFERENCES event (id),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email          TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    attendance     TEXT NOT NULL CHECK (attendance IN ('IN_PERSON', 'ONLINE')),
    status         TEXT NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_order BIGINT,
    language       TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    cancelled_at   TIMESTAMPTZ,
    CONSTRAINT registration_waitlisted_in_order CHECK ((status = 'WAITLISTED') = (waitlist_order IS NOT NULL))
);
CREATE UNIQUE INDEX registration_one_per_email ON registration (event_id, lower(email)) WHERE status <> 'CANCELLED';
CREATE INDEX registration_waitlist ON registration (event_id, waitlist_order) WHERE status = 'WAITLISTED';

-- The in-person seats of an event, one row each, created with the capacity. A registration holds
-- a seat by writing its id into a free row (FOR UPDATE SKIP LOCKED), so concurrent registrations
-- never queue behind one hot counter row, and the seat count can never be exceeded.
CREATE TABLE event_seat (
    event_id        BIGINT NOT NULL REFERENCES event (id),
    seat_no         INT NOT NULL,
    registration_id BIGINT UNIQUE REFERENCES registration (id),
    PRIMARY KEY (event_id, seat_no)
);
CREATE INDEX event_seat_free ON event_seat (event_id, seat_no) WHERE registration_id IS NULL;

-- The key that signs registrants' personal links (an HMAC of the registration id), created by the
-- first node that needs it and shared by all nodes.
CREATE TABLE registration_link_key (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL CHECK (length(secret) >= 32)
);
