"""`python -m flows.cli`: the same as the `hzhk` command."""

from flows.cli import main

main()
