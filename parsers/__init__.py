"""Pure parsing: bytes (and the URL they came from) in, typed records out. No I/O, no clock."""
