-- Why each event is named, typed, dated and placed as it is: one row per candidate value of an
-- attribute (title, title_zh, type, date, place, detail) that a member article offered, with the
-- reason, the sentence it comes from and its score; `chosen` marks the values the event took.
-- A happening an article only recalls or names in passing shows here with a low score.
-- attribute `part`: each happening a member reports inside the event ("agreement signing,
-- 2019-06-13: signing of 8 memoranda of understanding"), chosen when it is one of the event's
-- parts, else with why it is not (the event's own happening, the week that holds it, another
-- happening on other days).
CREATE OR REPLACE VIEW v_event_reasons AS
SELECT
    r.event_id,
    r.attribute,
    r.value,
    r.reason,
    r.article_id,
    r.sentence,
    r.score,
    r.chosen,
    r.position
FROM event_reasons AS r;
