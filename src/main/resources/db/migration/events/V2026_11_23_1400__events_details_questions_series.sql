-- The rest of an event's details: co-organizing member organizations (directory ids, no foreign
-- key across the module boundary), doors opening, practical notes, an optional online capacity,
-- whether registration is required, custom questions, a cover image, the message sent to
-- registrants on cancellation, the hosting body and who may see the event, and the series a
-- recurring meeting's occurrence belongs to.
ALTER TABLE event
    ADD COLUMN co_organizer_ids      BIGINT[] NOT NULL DEFAULT '{}',
    ADD COLUMN doors_open_at         TIMESTAMPTZ,
    ADD COLUMN practical_notes       TEXT,
    ADD COLUMN online_capacity       INT CHECK (online_capacity >= 0),
    ADD COLUMN registration_required BOOLEAN NOT NULL DEFAULT TRUE,
    -- [{"key":"diet","kind":"TEXT|CHOICE|CONSENT","label":{TranslatedText},"choices":[{TranslatedText}],"required":true}]
    ADD COLUMN questions             JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(questions) = 'array'),
    ADD COLUMN cover_image           TEXT,
    ADD COLUMN cancellation_message  TEXT,
    ADD COLUMN body_id               BIGINT,
    ADD COLUMN visibility            TEXT NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'BODY_STAFF')),
    ADD COLUMN series_id             BIGINT,
    ADD CONSTRAINT event_body_staff_needs_body CHECK (visibility = 'PUBLIC' OR body_id IS NOT NULL),
    ADD CONSTRAINT event_doors_before_end CHECK (doors_open_at IS NULL OR doors_open_at < ends_at);
CREATE INDEX event_body ON event (body_id) WHERE body_id IS NOT NULL;
CREATE INDEX event_co_organizers ON event USING gin (co_organizer_ids);

-- Answers to the custom questions, by question key; a consent answer holds the time it was given.
ALTER TABLE registration ADD COLUMN answers JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object');

-- Online seats, when an event limits online participation, are rows like the in-person ones.
ALTER TABLE event_seat ADD COLUMN attendance TEXT NOT NULL DEFAULT 'IN_PERSON' CHECK (attendance IN ('IN_PERSON', 'ONLINE'));
ALTER TABLE event_seat DROP CONSTRAINT event_seat_pkey;
ALTER TABLE event_seat ADD PRIMARY KEY (event_id, attendance, seat_no);
DROP INDEX event_seat_free;
CREATE INDEX event_seat_free ON event_seat (event_id, attendance, seat_no) WHERE registration_id IS NULL;

-- A recurring meeting: its first event is the template; later occurrences are copies of it, each
-- a whole event with its own registrations and attendance, created ahead by a daily job. The
-- unique (series_id, starts_at) makes that job safe to run on several nodes at once.
CREATE TABLE event_series (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_event_id BIGINT NOT NULL UNIQUE REFERENCES event (id),
    rule              TEXT NOT NULL CHECK (rule IN ('WEEKLY', 'MONTHLY_WEEKDAY', 'MONTHLY_DATE')),
    until_date        DATE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE event ADD CONSTRAINT event_series_fk FOREIGN KEY (series_id) REFERENCES event_series (id);
CREATE UNIQUE INDEX event_one_occurrence_per_start ON event (series_id, starts_at) WHERE series_id IS NOT NULL;

-- Waitlists are per attendance type now: places in line are counted within one type.
DROP INDEX registration_waitlist;
CREATE INDEX registration_waitlist ON registration (event_id, attendance, waitlist_order) WHERE status = 'WAITLISTED';
