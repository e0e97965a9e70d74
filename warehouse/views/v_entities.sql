CREATE OR REPLACE VIEW v_entities AS
SELECT
    e.entity_id,
    e.name,
    e.entity_type,
    e.name_zh_hans,
    e.name_zh_hant,
    count(m.mention_id) AS mention_count,
    min(coalesce(a.published_at, a.first_seen_at)) AS first_seen,
    e.status,
    e.aliases
FROM entities AS e
LEFT JOIN mentions AS m USING (entity_id)
LEFT JOIN articles AS a ON a.article_id = m.article_id
GROUP BY ALL;
