-- What ingest needs beyond the core schema.
-- sources.options: the kind-specific settings (Google News edition, GDELT timespan, list-page
-- selector) so the table describes a source as completely as sources.toml does.
ALTER TABLE sources ADD COLUMN options JSON;

-- Google News items are stored as headline-only articles whose url is the aggregator's opaque
-- link; publisher_url keeps the publisher's own address from the feed's <source url>.
ALTER TABLE articles ADD COLUMN publisher_url VARCHAR;

-- What went wrong in a run that is not an HTTP attempt (those are in `fetches`): a source whose
-- feed could not be read or parsed, a page that could not be parsed, a batch of pages whose
-- fetch task failed as a whole. One row per problem, so a run explains its failures in SQL.
CREATE TABLE ingest_errors (
    error_id    VARCHAR PRIMARY KEY,          -- stable_id(run_id, stage, source_id, url)
    run_id      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,             -- discover, fetch, parse
    source_id   VARCHAR,
    url         VARCHAR,
    error_class VARCHAR,
    error       VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
