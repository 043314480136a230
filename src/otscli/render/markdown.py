"""Markdown: the timeline grouped by year, each event with its summary, outcomes and sources, ready to paste into
notes; data never becomes markup."""

from __future__ import annotations

import re
from collections.abc import Sequence

from otscli.models import Catalog, Event
from otscli.render.describe import organ_names, place, status_label

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
# What would open a block at the start of a line: a list item ("- ", "1. "), a rule or a heading underline.
_LEADING_MARK = re.compile(r"^[-=]")
_LEADING_NUMBER = re.compile(r"^([0-9]+)\.")
# What GitHub's renderer would turn into a link by itself: a scheme's "://" and "www." (an escape stops those),
# and an e-mail address, which no escape stops (GitHub joins escaped text back up first): an empty comment,
# which every renderer hides, splits it.
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<![A-Za-z0-9])(?i:www)\.")


def escape(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML, blocks or autolinks."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    escaped = _AUTOLINK.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], escaped).replace("@", "<!-- -->@")
    return _LEADING_NUMBER.sub(r"\1\\.", _LEADING_MARK.sub(r"\\\g<0>", escaped))


def link_destination(url: str) -> str:
    """An address as a link destination: in angle brackets, with what could end it percent-encoded."""
    encoded = "".join(f"%{ord(char):02X}" if char in "<>\\ \n" else char for char in url)
    return f"<{encoded}>"


def source_link(catalog: Catalog, source_id: str) -> str:
    """ "[Title](<address>), Publisher": the title linked where the source has an address."""
    source = catalog.source_by_id[source_id]
    title = escape(source.title)
    linked = f"[{title}]({link_destination(source.url)})" if source.url else title
    return linked + (f", {escape(source.publisher)}" if source.publisher else "")


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
        line += f" \\[{escape(status_label(event, catalog))}\\]" if event.is_planned else ""
        line += " \\[cancelled\\]" if event.status == "cancelled" else ""
        if event.is_disputed:
            line += " ⚑ disputed: " + escape(", ".join(dict.fromkeys(item.field for item in event.disputed)))
        lines.append(line)
        if event.summary:
            lines.append(f"  {escape(event.summary)}")
        lines += [f"  - Outcome: {escape(outcome)}" for outcome in event.outcomes]
        lines.append("  - Sources: " + "; ".join(source_link(catalog, source_id) for source_id in event.sources))
    return "\n".join(lines).strip("\n") + "\n"
