-- An event's parts as records, not strings (issue 14, follow-up): one per happening the event
-- holds besides its own (the signing at a forum, a visit during a week), merged across articles
-- and scripts by kind and day, in order of day:
--   kind     one of the event types (agreement_signing, conference, forum, expo, promotion,
--            launch, visit, investment_project, policy)
--   day      when it took place, when the coverage says
--   name     its distinctive name (English when the coverage gives one, else Chinese), or for a
--            signing what was signed ("signing of 8 memoranda of understanding"); NULL when it
--            has none
--   name_zh  its Chinese name, from the Chinese coverage
-- so SQL can filter and unnest them (`FROM v_events, unnest(parts) AS p(part) WHERE
-- part.kind = 'agreement_signing'`) and the digest can print each day its own way.
--
-- A DuckLake cannot change a column's type by an expression, so the column is dropped and added
-- again on both targets: the parts of stored events are empty until tracking writes the event
-- again (every event a run re-clusters; `hzhk track --since DAY` re-clusters those of the days
-- since DAY). They were derived text, rebuilt from the articles, so nothing is lost.
ALTER TABLE events DROP COLUMN parts;
ALTER TABLE events ADD COLUMN parts STRUCT(kind VARCHAR, day DATE, name VARCHAR, name_zh VARCHAR)[];
