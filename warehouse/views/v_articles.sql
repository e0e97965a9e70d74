-- One row per article. event_id is the event the article was tracked into (NULL until tracking).
CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_id,
    a.url,
    a.canonical_url,
    a.source_id,
    a.publisher,
    a.title,
    a.published_at,
    a.language,
    a.relevance,
    a.is_relevant,
    ea.event_id,
    a.body,
    a.external_id,
    a.authors,
    a.captions,
    a.first_seen_at,
    a.duplicate_of,
    a.problems,
    a.crawled_at
FROM articles AS a
LEFT JOIN (
    SELECT article_id, min(event_id) AS event_id FROM event_articles GROUP BY article_id
) AS ea USING (article_id);
