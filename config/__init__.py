"""Configuration as typed data: the TOML files in this folder and the models that read them.

Each file has one pydantic model (`extra="forbid"`: a typo is an error, not a silently ignored
key) and every problem is one `ConfigError` naming file, key and reason. `settings.py` reads
settings.toml (with environment and command-line overrides), `source_list.py` sources.toml,
`knowledge.py` the term lists, gazetteers and event kinds tracking receives (tracking never opens
a file). A config folder given with `--config` holds the same files.
"""
