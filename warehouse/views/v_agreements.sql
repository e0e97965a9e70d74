-- status: signed (signed_on), or planned (announced, "will sign on Friday": planned_on).
CREATE OR REPLACE VIEW v_agreements AS
SELECT
    coalesce(g.event_id, ea.event_id) AS event_id,
    g.article_id,
    g.signed_on,
    g.agreement_count,
    g.fields,
    g.parties,
    g.kind,
    g.sentence,
    coalesce(g.status, 'signed') AS status,
    g.planned_on
FROM agreements AS g
LEFT JOIN (
    SELECT article_id, min(event_id) AS event_id FROM event_articles GROUP BY article_id
) AS ea USING (article_id);
