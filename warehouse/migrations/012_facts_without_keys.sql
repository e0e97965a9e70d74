-- mentions, figures and event_reasons without primary keys, as article_bands (migration 011).
-- Every batch a track run stores deletes and re-inserts these rows, and DuckDB writes a table's
-- ART index out whole at each checkpoint: on a 26,000-article warehouse the close after 200
-- articles' rows cost 0.083 s (mentions), 0.066 s (event_reasons) and 0.037 s (figures), growing
-- with the tables (issue 13, docs/benchmarks.md). Their writers already keep each key once (they
-- delete an article's or an event's rows before inserting them, in one transaction), and
-- nothing reads them by key. A DuckLake target holds them without keys anyway. article_tracking
-- keeps its key: signatures are read by it.
CREATE TABLE mentions_copy AS SELECT * FROM mentions;
DROP TABLE mentions;
CREATE TABLE mentions (
    mention_id    VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL,
    surface       VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,            -- title, body
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    status        VARCHAR DEFAULT 'accepted',
    review_reason VARCHAR,
    role          VARCHAR
);
INSERT INTO mentions BY NAME SELECT * FROM mentions_copy;
DROP TABLE mentions_copy;

CREATE TABLE figures_copy AS SELECT * FROM figures;
DROP TABLE figures;
CREATE TABLE figures (
    figure_id    VARCHAR NOT NULL,
    article_id   VARCHAR NOT NULL,
    subject      VARCHAR,
    value        DOUBLE NOT NULL,
    unit         VARCHAR,
    currency     VARCHAR,
    qualifier    VARCHAR,                     -- about, more than, at least, ...
    as_of        DATE,
    sentence     VARCHAR,
    start_offset INTEGER,
    source       VARCHAR,
    measure      VARCHAR
);
INSERT INTO figures BY NAME SELECT * FROM figures_copy;
DROP TABLE figures_copy;

CREATE TABLE event_reasons_copy AS SELECT * FROM event_reasons;
DROP TABLE event_reasons;
CREATE TABLE event_reasons (
    event_id   VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    attribute  VARCHAR NOT NULL,              -- title, title_zh, type, date, place, detail
    value      VARCHAR,
    reason     VARCHAR,
    article_id VARCHAR,
    sentence   VARCHAR,
    score      DOUBLE,
    chosen     BOOLEAN
);
INSERT INTO event_reasons BY NAME SELECT * FROM event_reasons_copy;
DROP TABLE event_reasons_copy;
