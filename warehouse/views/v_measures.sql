-- Every value reported for a measure (config/measures.toml): what it is, as of when, who reported
-- it and whom the sentence credits; one row per figure, so disagreements show as two rows.
CREATE OR REPLACE VIEW v_measures AS
SELECT
    f.measure,
    f.as_of,
    f.value,
    coalesce(f.currency, f.unit) AS unit,
    f.qualifier,
    c.outlet AS source,
    f.source AS credited,
    f.article_id AS article,
    c.title,
    c.url,
    c.appeared_at AS reported_at,
    c.event_id,
    f.sentence
FROM figures AS f
JOIN v_coverage AS c USING (article_id)
WHERE f.measure IS NOT NULL;
