-- Search ranks the newest matches: for a common word, walking this index newest first and checking each
-- document against the query stops after the matches ranked, where the GIN index would fetch every match.
CREATE INDEX search_document_published ON search_document (published_at DESC NULLS LAST);
