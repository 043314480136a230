"""Markdown: the timeline grouped by year, ready to paste into notes; data never becomes markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.describe import organ_names, place

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
# What would open a block at the start of a line: a list item ("- ", "1. "), a rule or a heading underline.
_LEADING_MARK = re.compile(r"^[-=]")
_LEADING_NUMBER = re.compile(r"^([0-9]+)\.")


def escape(text: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LEADING_NUMBER.sub(r"\1\\.", _LEADING_MARK.sub(r"\\\g<0>", escaped))


def export(events: Sequence[Event], catalog: Catalog) -> str:
    lines: list[str] = []
    year: int | None = None
    for event in events:
        if event.first_day.year != year:
            year = event.first_day.year
            lines += [*([""] if lines else []), f"## {year}", ""]
        where = "; ".join(part for part in (place(event, catalog), organ_names(event, catalog)) if part)
        line = f"- **{escape(event.display_date)}** — {escape(event.title)}"
        line += f" ({escape(where)})" if where else ""
        line += " \\[planned\\]" if event.is_planned else ""
        line += " \\[cancelled\\]" if event.status == "cancelled" else ""
        if event.is_disputed:
            line += " ⚑ disputed: " + escape(", ".join(dict.fromkeys(item.field for item in event.disputed)))
        lines.append(line)
        if event.summary:
            lines.append(f"  {escape(event.summary)}")
    return "\n".join(lines).strip("\n") + "\n"
