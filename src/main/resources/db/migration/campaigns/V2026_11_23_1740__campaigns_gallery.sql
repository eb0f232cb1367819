-- The public gallery lists a campaign's approved footage, featured first then newest.
CREATE INDEX footage_gallery ON footage (campaign_id, featured DESC, submitted_at DESC) WHERE status = 'APPROVED';
