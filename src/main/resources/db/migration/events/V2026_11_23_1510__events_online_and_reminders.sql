-- Online participation: the meeting rooms of an event, each open during a window. A null window
-- end means the default (from convene.events.join-opens-before before the start until the end),
-- computed when read, so that moving the event moves its default window along. Windows of one
-- event never overlap (checked by the application under a lock on the event row).
CREATE TABLE event_meeting_link (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES event (id),
    url         TEXT NOT NULL CHECK (length(url) BETWEEN 10 AND 2000),
    valid_from  TIMESTAMPTZ,
    valid_until TIMESTAMPTZ,
    CONSTRAINT event_meeting_link_window CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX event_meeting_link_event ON event_meeting_link (event_id);

-- Who joined online through their personal join link: one row per registration, counted.
CREATE TABLE online_attendance (
    registration_id BIGINT PRIMARY KEY REFERENCES registration (id),
    event_id        BIGINT NOT NULL REFERENCES event (id),
    first_joined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_joined_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    join_count      INT NOT NULL DEFAULT 1 CHECK (join_count >= 1)
);
CREATE INDEX online_attendance_event ON online_attendance (event_id);

-- Each reminder (an ISO-8601 duration before the start, such as PT24H) goes to a registration at
-- most once: the reminder job inserts this row and queues the mail in one transaction, and a
-- second run or node finds the row and writes nothing.
CREATE TABLE registration_reminder (
    registration_id BIGINT NOT NULL REFERENCES registration (id),
    reminder        TEXT NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (registration_id, reminder)
);

-- Set when an in-person registrant confirms, from the day-before reminder, that they are coming.
ALTER TABLE registration ADD COLUMN attendance_confirmed_at TIMESTAMPTZ;

-- The reminder job looks for published events starting soon.
-- Also the public lists' order (upcoming soonest first, past latest first) and the month filter's range.
CREATE INDEX event_published_start ON event (starts_at) WHERE status = 'PUBLISHED';
