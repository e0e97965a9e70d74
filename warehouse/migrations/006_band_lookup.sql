-- The near-duplicate lookup reads article_bands by bucket. The primary key (bucket, article_id) is
-- a compound key, which DuckDB does not scan by its first column; without this index every lookup
-- read the whole table, so its cost grew with the warehouse. With it, a lookup reads only the rows
-- of the buckets asked for (an index scan, checked by tests/tracking/test_duplicate_lookup.py).
CREATE INDEX article_bands_bucket ON article_bands (bucket);
