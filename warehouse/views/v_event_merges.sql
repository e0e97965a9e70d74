-- Event ids that live on after their coverage was found to be another event's: a saved link to
-- `event_id` now means `merged_into` (always a live event).
CREATE OR REPLACE VIEW v_event_merges AS
SELECT event_id, merged_into, merged_at
FROM event_merges;
