CREATE OR REPLACE VIEW v_figures AS
SELECT
    f.article_id,
    ea.event_id,
    f.subject,
    f.value,
    f.unit,
    f.currency,
    f.as_of,
    f.sentence,
    f.qualifier,
    f.source,  -- whom the sentence credits: "according to ...", "... said"
    f.measure  -- the measure it reports (config/measures.toml), as in v_measures
FROM figures AS f
LEFT JOIN (
    SELECT article_id, min(event_id) AS event_id FROM event_articles GROUP BY article_id
) AS ea USING (article_id);
