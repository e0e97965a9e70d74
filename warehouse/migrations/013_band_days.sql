-- article_bands gains `day`: the UTC day its article was published (else first seen), and is
-- rewritten in day order. The near-duplicate lookup only wants stored articles published within
-- days of the batch's, yet read every band (40 rows an article) to find its buckets: a scan that
-- grew with the warehouse, at 100,000 articles the largest step of a batch after assessing it,
-- and +101 MB of a run's peak memory (issue 13, docs/benchmarks.md). With the day, the lookup
-- filters on it, and DuckDB skips each row group whose days lie outside the window (its min/max
-- statistics): a track run stores batches in publication order, so the groups stay ordered.
CREATE TABLE article_bands_copy AS
    SELECT b.bucket, b.article_id,
           (coalesce(a.published_at, a.first_seen_at) AT TIME ZONE 'UTC')::DATE AS day
    FROM article_bands AS b LEFT JOIN articles AS a USING (article_id)
    ORDER BY day, b.article_id;
DROP TABLE article_bands;
CREATE TABLE article_bands (
    bucket     UBIGINT NOT NULL,               -- hash of (band number, the band's values)
    article_id VARCHAR NOT NULL,
    day        DATE                            -- the article's publication day, UTC
);
INSERT INTO article_bands SELECT bucket, article_id, day FROM article_bands_copy;
DROP TABLE article_bands_copy;
