-- What tracking knows about its own certainty, and events that live across re-clustering.
--
-- mentions.status: `accepted`, or `needs_review` when the name matched only through a weak alias
-- ("TDC", "John Lee", "Mrs Lam") that nothing else in the article confirms; `review_reason` says
-- why. A mention needing review keeps the entity it would have meant, so a reviewer sees the guess,
-- but it is not counted as that entity's mention. `role` is the title the text gives the person
-- there ("deputy secretary of ...", 杭州市委副书记).
ALTER TABLE mentions ADD COLUMN status VARCHAR DEFAULT 'accepted';
ALTER TABLE mentions ADD COLUMN review_reason VARCHAR;
ALTER TABLE mentions ADD COLUMN role VARCHAR;

-- Who the text credits a figure to ("according to the Hangzhou Venture Capital Association").
ALTER TABLE figures ADD COLUMN source VARCHAR;

-- agreements.status: `signed`, or `planned` for a signing the article announces ("will sign ...
-- on Friday", 将签署); a planned one has no signed_on, and `planned_on` when the text dates it.
ALTER TABLE agreements ADD COLUMN status VARCHAR DEFAULT 'signed';
ALTER TABLE agreements ADD COLUMN planned_on DATE;

-- An event whose coverage was found to be the same happening as another's: its id lives on here,
-- pointing at the event that holds the coverage now (always a live event: chains are followed).
CREATE TABLE event_merges (
    event_id    VARCHAR PRIMARY KEY,
    merged_into VARCHAR NOT NULL,
    merged_at   TIMESTAMPTZ NOT NULL
);
