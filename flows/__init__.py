"""Wiring: Prefect flows, the HTTP client and the `hzhk` command line."""
