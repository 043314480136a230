"""JSON Lines: one event per line, for streaming tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.indented import separators_escaped
from otscli.render.json import record


def export(events: Sequence[Event], catalog: Catalog) -> str:
    return separators_escaped("".join(json.dumps(record(event), ensure_ascii=False) + "\n" for event in events))
