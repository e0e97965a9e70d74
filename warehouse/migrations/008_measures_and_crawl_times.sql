-- The measure a figure reports (config/measures.toml): the key that lets one quantity be followed
-- across articles, outlets and languages (v_measures, the digests' figure timelines).
ALTER TABLE figures ADD COLUMN measure VARCHAR;

-- When an aggregator's crawler saw the page (GDELT's seendate): "published no later than", kept
-- apart from published_at, which is the page's own date.
ALTER TABLE articles ADD COLUMN crawled_at TIMESTAMPTZ;
