"""The records every layer exchanges, at the bottom of the house: plain dataclasses, stdlib only.

A type that two layers pass between them lives here, never in the layer that happens to produce
it: parsers produce `ArticleRecord`s the warehouse stores, the fetcher produces `FetchResult`s the
warehouse logs, tracking produces facts, relevance and events the warehouse writes. With the types
here, imports run one way (`flows -> tracking | warehouse -> parsers -> records | config`), which
`.importlinter` states and CI checks.
"""
