-- Pages that failed in a way asking again soon will not change: gone (404/410), unparsable,
-- too large, refused by the address guard. Discovery skips a URL here until not_before, so a
-- page that is gone is not fetched again every time its feed changes; each new failure doubles
-- the hold (up to a cap), and a successful fetch removes the row. `hzhk fetch URL` ignores it.
CREATE TABLE url_holds (
    url             VARCHAR PRIMARY KEY,
    outcome         VARCHAR NOT NULL,         -- http_error, parse_error, too_large, refused_address, invalid_url
    status          INTEGER,                  -- HTTP status of the last failure, if any
    error           VARCHAR,
    failures        INTEGER NOT NULL,         -- permanent failures in a row
    first_failed_at TIMESTAMPTZ NOT NULL,
    last_failed_at  TIMESTAMPTZ NOT NULL,
    not_before      TIMESTAMPTZ NOT NULL      -- discovery leaves the URL alone until then
);
