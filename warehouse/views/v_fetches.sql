CREATE OR REPLACE VIEW v_fetches AS
SELECT
    url,
    source_id,
    status,
    error,
    fetched_at,
    elapsed_ms,
    bytes,
    outcome,
    error_class,
    attempt,
    final_url,
    run_id
FROM fetches;
