-- One row per event; counts and first/last seen are derived from its articles, never stored twice.
-- title_zh, place_detail and parts come after the first columns (columns are only ever added);
-- v_event_reasons says why each attribute has its value. parts: the happenings the event holds
-- besides its own, one record each (kind, day, name, name_zh), in order of day (migration 010).
CREATE OR REPLACE VIEW v_events AS
SELECT
    e.event_id,
    e.title,
    e.event_type,
    e.event_date,
    e.place,
    min(coalesce(a.published_at, a.first_seen_at)) AS first_seen,
    max(coalesce(a.published_at, a.first_seen_at)) AS last_seen,
    count(DISTINCT ea.article_id) AS article_count,
    count(DISTINCT coalesce(a.publisher, a.source_id)) AS outlet_count,
    e.status,
    e.title_zh,
    e.place_detail,
    e.parts
FROM events AS e
LEFT JOIN event_articles AS ea USING (event_id)
LEFT JOIN articles AS a USING (article_id)
GROUP BY ALL;
