-- Tickets and door check-in. Every registration gets a random ticket code: 10 characters of
-- Crockford base32 (no I, L, O, U), 50 random bits from gen_random_uuid(), which draws from the
-- operating system's secure random source. The code is a column default, so registering costs no
-- extra statement. Byte 6 of the UUID (its version nibble) is skipped: its low 5 bits are not
-- all random. Shown grouped as ABCD-EFGH-JK; the QR code holds the same text.
CREATE FUNCTION events_ticket_code() RETURNS TEXT LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(b, i) & 31) + 1, 1), '' ORDER BY i)
    FROM (SELECT uuid_send(gen_random_uuid()) AS b) u, unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 8, 9, 10]) AS i
$$;

-- Existing registrations get their code here (a volatile default is evaluated once per row).
ALTER TABLE registration
    ADD COLUMN ticket_code TEXT NOT NULL DEFAULT events_ticket_code() CHECK (ticket_code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
    ADD COLUMN checked_in_at TIMESTAMPTZ,
    -- the staff account that checked the person in, and its name then (accounts owns the staff table)
    ADD COLUMN checked_in_by BIGINT,
    ADD COLUMN checked_in_by_name TEXT,
    ADD CONSTRAINT registration_checked_in_by_someone CHECK ((checked_in_at IS NULL) = (checked_in_by IS NULL));

-- Unique per event. The code comes first so that the same index also finds a code without its
-- event (the door says which event a code belongs to): one index fewer to write per registration.
CREATE UNIQUE INDEX registration_ticket_code ON registration (ticket_code, event_id);
