"""The warehouse: schema, migrations and every SQL statement of the project."""
