"""JSON Lines: one event per line, for streaming tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.json_output import records


def export(events: Sequence[Event], catalog: Catalog, fields: Sequence[str] | None = None) -> str:
    rows = records(events, fields)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")  # as in indented.separators_escaped
