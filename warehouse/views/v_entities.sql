-- One row per entity. mention_count counts the mentions attributed to it; review_count the
-- mentions that only a weak alias ties to it ("TDC", "John Lee") and that await review; roles
-- lists every title the coverage gave a person ("deputy secretary of ...", 杭州市委副书记).
CREATE OR REPLACE VIEW v_entities AS
SELECT
    e.entity_id,
    e.name,
    e.entity_type,
    e.name_zh_hans,
    e.name_zh_hant,
    count(m.mention_id) FILTER (WHERE coalesce(m.status, 'accepted') = 'accepted') AS mention_count,
    min(coalesce(a.published_at, a.first_seen_at))
        FILTER (WHERE coalesce(m.status, 'accepted') = 'accepted') AS first_seen,
    e.status,
    e.aliases,
    coalesce(
        list(DISTINCT m.role ORDER BY m.role) FILTER (WHERE m.role IS NOT NULL
                                                     AND coalesce(m.status, 'accepted') = 'accepted'),
        []
    ) AS roles,
    count(m.mention_id) FILTER (WHERE m.status = 'needs_review') AS review_count
FROM entities AS e
LEFT JOIN mentions AS m USING (entity_id)
LEFT JOIN articles AS a ON a.article_id = m.article_id
GROUP BY ALL;
