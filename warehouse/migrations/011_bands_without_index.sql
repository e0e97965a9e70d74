-- article_bands without its primary key and bucket index (migration 006). DuckDB writes an ART
-- index out whole at every checkpoint, and a track run checkpoints once per batch it stores: at
-- 18,000 articles (720,000 bands) that was 0.34-0.40 s of every batch, growing with the warehouse
-- (issue 13, docs/benchmarks.md). Without them a batch's bands cost 0.03 s to write and close,
-- and the lookup, now a scan of two narrow columns joined with the batch's buckets, took 18 ms
-- against 16-27 ms by index on the same warehouse. Keys stay unique the way the writer keeps
-- them: it deletes an article's bands before inserting them again, in one transaction.
CREATE TABLE article_bands_copy AS SELECT bucket, article_id FROM article_bands;
DROP TABLE article_bands;
CREATE TABLE article_bands (
    bucket     UBIGINT NOT NULL,               -- hash of (band number, the band's values)
    article_id VARCHAR NOT NULL
);
INSERT INTO article_bands SELECT bucket, article_id FROM article_bands_copy;
DROP TABLE article_bands_copy;
