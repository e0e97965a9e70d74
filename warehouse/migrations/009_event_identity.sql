-- What a reader sees of an event, and why (issue 14).
--
-- title_zh: the event's title from its Chinese coverage (title stays the English one, or the
-- Chinese one when there is no English coverage). place is a city; place_detail the district,
-- park or venue inside it the coverage names ("Binjiang district", "Cyberport"). parts: the
-- happenings the event holds (the signing at a forum, the meeting during a promotion trip).
ALTER TABLE events ADD COLUMN title_zh VARCHAR;
ALTER TABLE events ADD COLUMN place_detail VARCHAR;
ALTER TABLE events ADD COLUMN parts VARCHAR[];

-- Why an event got its title, type, date and place: every candidate value each member article
-- offered (the happening it reports, and the ones it recalls or names in passing), with the
-- reason, the sentence it was read in, its score, and whether it was chosen. Rewritten whole for
-- an event each time the event is re-clustered; `position` orders an event's reasons.
CREATE TABLE event_reasons (
    event_id   VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    attribute  VARCHAR NOT NULL,              -- title, title_zh, type, date, place, detail
    value      VARCHAR,
    reason     VARCHAR,
    article_id VARCHAR,
    sentence   VARCHAR,
    score      DOUBLE,
    chosen     BOOLEAN,
    PRIMARY KEY (event_id, position)
);
