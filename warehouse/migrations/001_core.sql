-- The whole product's tables. Keys are natural or hashed (no sequences) and there are no foreign
-- keys, so the same statements can later run on DuckLake; every write is a MERGE from a
-- deduplicated batch (see warehouse/*.py). Times are TIMESTAMPTZ, stored in UTC.

CREATE TABLE sources (
    source_id             VARCHAR PRIMARY KEY,
    name                  VARCHAR NOT NULL,
    kind                  VARCHAR NOT NULL,   -- rss, atom, google_news, gdelt_doc, govhk_press, investhk_json, sitemap, html_list
    url                   VARCHAR,
    query                 VARCHAR,
    language              VARCHAR,            -- en, zh-Hans, zh-Hant
    publisher             VARCHAR,
    official              BOOLEAN NOT NULL DEFAULT false,
    poll_interval_minutes INTEGER,
    enabled               BOOLEAN NOT NULL DEFAULT true,
    updated_at            TIMESTAMPTZ
);

-- Orchestrated runs (ingest, track, digest, run): what each did, so a run explains itself in SQL.
CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    flow        VARCHAR NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status      VARCHAR NOT NULL,             -- running, completed, failed
    counts      JSON,
    error       VARCHAR
);

-- One row per HTTP attempt, successful or not.
CREATE TABLE fetches (
    fetch_id       VARCHAR PRIMARY KEY,
    run_id         VARCHAR,
    url            VARCHAR NOT NULL,
    final_url      VARCHAR,
    source_id      VARCHAR,
    attempt        INTEGER NOT NULL DEFAULT 1,
    status         INTEGER,                   -- HTTP status; NULL when no response came
    outcome        VARCHAR NOT NULL,          -- stored, not_modified, http_error, network_error, refused, ...
    error_class    VARCHAR,
    error          VARCHAR,
    bytes          BIGINT,
    elapsed_ms     DOUBLE,
    content_sha256 VARCHAR,
    fetched_at     TIMESTAMPTZ NOT NULL
);

-- The raw page archive's index: the body itself sits compressed under data/archive/<sha256>.
CREATE TABLE raw_pages (
    content_sha256 VARCHAR PRIMARY KEY,
    url            VARCHAR NOT NULL,
    final_url      VARCHAR NOT NULL,
    status         INTEGER,
    content_type   VARCHAR,
    charset        VARCHAR,
    headers        JSON,
    bytes          BIGINT NOT NULL,
    stored_bytes   BIGINT,
    archive_key    VARCHAR NOT NULL,
    fetched_at     TIMESTAMPTZ NOT NULL
);

-- What a conditional GET needs to remember per URL.
CREATE TABLE url_state (
    url            VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    last_status    INTEGER,
    content_sha256 VARCHAR,
    last_fetched_at TIMESTAMPTZ
);

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,    -- first 16 hex of sha256(canonical_url)
    url               VARCHAR NOT NULL,
    canonical_url     VARCHAR NOT NULL,
    external_id       VARCHAR,                -- the publisher's own id where its URLs carry one
    source_id         VARCHAR,
    publisher         VARCHAR,
    title             VARCHAR,
    subtitle          VARCHAR,
    authors           VARCHAR[],
    published_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ,
    first_seen_at     TIMESTAMPTZ NOT NULL,
    language          VARCHAR,                -- en, zh-Hans, zh-Hant
    section           VARCHAR,
    body              VARCHAR,                -- paragraphs separated by a blank line
    captions          VARCHAR[],              -- photo captions, kept out of the body
    images            JSON,
    access            VARCHAR,                -- free, paywalled, unknown
    parser            VARCHAR,
    content_sha256    VARCHAR,                -- the raw page it was parsed from, if any
    body_sha256       VARCHAR,
    relevance         DOUBLE,
    relevance_reasons JSON,
    is_relevant       BOOLEAN,
    duplicate_of      VARCHAR
);

CREATE TABLE entities (
    entity_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    entity_type   VARCHAR NOT NULL,           -- person, organization, place
    name_zh_hans  VARCHAR,
    name_zh_hant  VARCHAR,
    aliases       VARCHAR[],
    status        VARCHAR NOT NULL DEFAULT 'known',  -- known, candidate (proposed, awaiting review)
    description   VARCHAR
);

CREATE TABLE mentions (
    mention_id   VARCHAR PRIMARY KEY,
    article_id   VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    surface      VARCHAR NOT NULL,
    field        VARCHAR NOT NULL,            -- title, body
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL
);

CREATE TABLE figures (
    figure_id    VARCHAR PRIMARY KEY,
    article_id   VARCHAR NOT NULL,
    subject      VARCHAR,
    value        DOUBLE NOT NULL,
    unit         VARCHAR,
    currency     VARCHAR,
    qualifier    VARCHAR,                     -- about, more than, at least, ...
    as_of        DATE,
    sentence     VARCHAR,
    start_offset INTEGER
);

CREATE TABLE agreements (
    agreement_id    VARCHAR PRIMARY KEY,
    event_id        VARCHAR,
    article_id      VARCHAR NOT NULL,
    signed_on       DATE,
    agreement_count INTEGER,
    kind            VARCHAR,                  -- agreement, memorandum of understanding, ...
    fields          VARCHAR[],
    parties         VARCHAR[],
    sentence        VARCHAR
);

CREATE TABLE topics (
    article_id VARCHAR NOT NULL,
    topic      VARCHAR NOT NULL,
    weight     DOUBLE,
    PRIMARY KEY (article_id, topic)
);

CREATE TABLE events (
    event_id   VARCHAR PRIMARY KEY,
    title      VARCHAR NOT NULL,
    event_type VARCHAR,                       -- agreement_signing, visit, forum_expo, investment_project, policy
    event_date DATE,
    place      VARCHAR,
    status     VARCHAR,                       -- new, continuing
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ
);

CREATE TABLE event_articles (
    event_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    similarity DOUBLE,
    joined_at  TIMESTAMPTZ,
    PRIMARY KEY (event_id, article_id)
);

CREATE TABLE digests (
    period       VARCHAR PRIMARY KEY,         -- ISO week, e.g. 2026-W48
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    path_md      VARCHAR,
    path_html    VARCHAR,
    path_json    VARCHAR,
    figures      JSON
);
