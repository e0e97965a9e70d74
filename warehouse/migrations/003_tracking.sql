-- Tracking's own state. `article_tracking` says which version of each article was tracked (so a
-- run only redoes new or changed articles) and keeps its MinHash signature (NUM_PERM uint32
-- values, little-endian; NULL when the text is too short to judge). `article_bands` is the LSH
-- index: an article lands in one bucket per band, and two articles are candidate near-duplicates
-- when they share a bucket. A lookup joins the batch's buckets against this table, so its cost
-- follows the matches, not the size of the warehouse.
CREATE TABLE article_tracking (
    article_id  VARCHAR PRIMARY KEY,
    body_sha256 VARCHAR,                       -- the article version that was tracked
    tracked_at  TIMESTAMPTZ NOT NULL,
    shingling   VARCHAR,                       -- word5 (Latin script) or char3 (Chinese)
    signature   BLOB
);

CREATE TABLE article_bands (
    bucket     UBIGINT NOT NULL,               -- hash of (band number, the band's values)
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (bucket, article_id)
);
