-- Every name found in the coverage: which entity (or candidate) it was taken for, where, the
-- role the text gave a person there, and whether it is attributed (`accepted`) or awaits review
-- (`needs_review`: a weak alias nothing in the article confirms; `review_reason` says why).
CREATE OR REPLACE VIEW v_mentions AS
SELECT
    m.mention_id,
    m.article_id,
    m.entity_id,
    e.name,
    e.entity_type,
    e.status AS entity_status,
    m.surface,
    m.field,
    m.start_offset,
    m.end_offset,
    coalesce(m.status, 'accepted') AS status,
    m.review_reason,
    m.role
FROM mentions AS m
LEFT JOIN entities AS e USING (entity_id);
