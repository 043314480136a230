"""`ots site`: the record as a static website, written with Jinja2 (imported only by this command)."""
