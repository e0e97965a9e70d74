-- Why tracking judged each article relevant or not: one row per contribution to its score.
-- Traps ("杭州湾", "港口", "Hong Kong-listed", ...) show as negative contributions.
CREATE OR REPLACE VIEW v_relevance_reasons AS
SELECT
    a.article_id,
    a.title,
    a.relevance,
    a.is_relevant,
    r.reason.term,
    r.reason."group" AS term_group,
    r.reason.field,
    r.reason.sentence,
    r.reason.contribution
FROM articles AS a,
    unnest(from_json(
        a.relevance_reasons,
        '[{"term": "VARCHAR", "group": "VARCHAR", "field": "VARCHAR", "sentence": "INTEGER",
           "contribution": "DOUBLE"}]'
    )) AS r(reason)
WHERE a.relevance_reasons IS NOT NULL;
