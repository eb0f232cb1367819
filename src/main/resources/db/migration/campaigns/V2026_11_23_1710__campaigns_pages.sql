-- What the campaign page shows besides the call: the background (translated), the slogans (an
-- ordered list of translated texts), the suggested action types (each with translated guidance and
-- toolkit links), the official hashtags and social handles, a contact address and a cover image
-- (a name from media's Images, served at /media/{name}).
ALTER TABLE campaign
    ADD COLUMN background     JSONB NOT NULL DEFAULT '{"fallback":"en","values":{}}',
    ADD COLUMN slogans        JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN action_types   JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN hashtags       TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN social_handles TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN contact_email  TEXT,
    ADD COLUMN cover_image    TEXT;

-- A toolkit file for one of a campaign's action types, stored under convene.media.dir/toolkit with
-- a server-generated name; the type comes from the content, never from the name sent.
CREATE TABLE campaign_toolkit_file (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaign (id),
    action_type  TEXT NOT NULL CHECK (action_type IN ('RALLY', 'PHOTO_ACTION', 'BOYCOTT', 'EDUCATION', 'STATEMENT', 'OTHER')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    stored_name  TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    byte_size    BIGINT NOT NULL CHECK (byte_size > 0),
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX campaign_toolkit_file_campaign ON campaign_toolkit_file (campaign_id, action_type);
