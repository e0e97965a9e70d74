-- Failures of ingest runs other than HTTP attempts (see v_fetches for those), newest first.
CREATE OR REPLACE VIEW v_ingest_errors AS
SELECT
    e.occurred_at,
    e.run_id,
    e.stage,
    e.source_id,
    e.url,
    e.error_class,
    e.error
FROM ingest_errors AS e
ORDER BY e.occurred_at DESC, e.stage, e.source_id, e.url;
