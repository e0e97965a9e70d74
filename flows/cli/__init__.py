"""The `hzhk` command line, one module per group of commands over one app (flows/cli/app.py).

Importing this package registers every command; `hzhk` is `flows.cli:main`. The modules are
imported in the order their panels should appear in `hzhk --help`.
"""

# isort: skip_file
from flows.cli import flow_commands  # noqa: F401  (registers its commands)
from flows.cli import schedule_commands  # noqa: F401
from flows.cli import maintenance_commands  # noqa: F401
from flows.cli import warehouse_commands  # noqa: F401
from flows.cli import source_commands  # noqa: F401
from flows.cli import extract_command  # noqa: F401
from flows.cli import export_command  # noqa: F401
from flows.cli.app import app, main

__all__ = ["app", "main"]
