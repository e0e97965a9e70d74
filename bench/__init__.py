"""Benchmarks: measured figures with baselines from the same run, never timed test assertions."""
