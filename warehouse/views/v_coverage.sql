-- Every article as a reader's coverage: outlet, whether the source is official, the event it was
-- tracked into, and when it appeared (its publication time, else when it was first seen).
CREATE OR REPLACE VIEW v_coverage AS
SELECT
    a.article_id,
    coalesce(a.title, a.url) AS title,
    a.canonical_url AS url,
    coalesce(a.publisher, s.publisher, s.name, a.source_id) AS outlet,
    a.language,
    coalesce(a.published_at, a.first_seen_at) AS appeared_at,
    coalesce(s.official, false) AS official,
    a.is_relevant,
    a.relevance,
    a.duplicate_of,
    ea.event_id
FROM articles AS a
LEFT JOIN sources AS s USING (source_id)
LEFT JOIN (
    SELECT article_id, min(event_id) AS event_id FROM event_articles GROUP BY article_id
) AS ea USING (article_id);
