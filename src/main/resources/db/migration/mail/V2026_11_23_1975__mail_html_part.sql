-- An optional HTML alternative to a mail's text (newsletters); sent as multipart/alternative.
ALTER TABLE mail_outbox ADD COLUMN body_html TEXT;
