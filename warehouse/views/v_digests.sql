CREATE OR REPLACE VIEW v_digests AS
SELECT period, generated_at, path_md, path_html, path_json, period_start, period_end
FROM digests;
