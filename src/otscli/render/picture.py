"""The drawn timeline as a picture: SVG or HTML through rich's recording console."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, Event

if TYPE_CHECKING:
    from rich.console import Console

WIDTH = 100


def recording() -> Console:
    import io

    from rich.console import Console

    return Console(
        record=True, width=WIDTH, file=io.StringIO(), color_system="truecolor", force_terminal=True, markup=False,
        emoji=False, highlight=False,
    )  # fmt: skip


def recorded(events: Sequence[Event], catalog: Catalog) -> Console:
    from otscli.render import timeline

    console = recording()
    timeline.draw(console, events, catalog)
    return console


def self_contained(svg: str) -> str:
    """The SVG without the web fonts rich links to: a picture for an article must not fetch anything. The text
    falls back to the reader's monospace font."""
    return re.sub(r"\n *@font-face \{[^{}]*\}", "", svg)


def export_svg(events: Sequence[Event], catalog: Catalog) -> str:
    return self_contained(recorded(events, catalog).export_svg(title="ots timeline"))


def chart_svg(draw: Callable[[Console], None], title: str) -> str:
    """What `draw` prints (the bar chart of `ots stats`), as a self-contained SVG picture."""
    console = recording()
    draw(console)
    return self_contained(console.export_svg(title=title))


def export_html(events: Sequence[Event], catalog: Catalog) -> str:
    return recorded(events, catalog).export_html(inline_styles=True)
