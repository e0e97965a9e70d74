-- What a parser could not trust about an article (a date dropped for an impossible offset or an
-- implausible year, a page cut off inside a character, a field it could not find), kept with the
-- article so a person can see why a value is missing instead of guessing.
ALTER TABLE articles ADD COLUMN problems VARCHAR[];

-- Dates that could never be true were stored by earlier versions (feedparser's fallback let a
-- `9999-12-31` through, and tracking then failed on every run): drop them, say so, keep the row.
UPDATE articles
SET problems = list_append(coalesce(problems, []), 'published_at dropped: outside 1990..2100'),
    published_at = NULL
WHERE published_at IS NOT NULL
  AND (published_at < TIMESTAMPTZ '1990-01-01 00:00:00+00'
       OR published_at > TIMESTAMPTZ '2100-12-31 23:59:59+00');
UPDATE articles
SET problems = list_append(coalesce(problems, []), 'updated_at dropped: outside 1990..2100'),
    updated_at = NULL
WHERE updated_at IS NOT NULL
  AND (updated_at < TIMESTAMPTZ '1990-01-01 00:00:00+00'
       OR updated_at > TIMESTAMPTZ '2100-12-31 23:59:59+00');
