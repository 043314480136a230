"""The drawn timeline as a picture: SVG or HTML through rich's recording console."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, Event

if TYPE_CHECKING:
    from rich.console import Console

WIDTH = 100


def recorded(events: Sequence[Event], catalog: Catalog) -> Console:
    import io

    from rich.console import Console

    from otscli.render import timeline

    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), color_system="truecolor", force_terminal=True, markup=False,
        emoji=False, highlight=False,
    )  # fmt: skip
    timeline.draw(console, events, catalog)
    return console


def export_svg(events: Sequence[Event], catalog: Catalog) -> str:
    return recorded(events, catalog).export_svg(title="ots timeline")


def export_html(events: Sequence[Event], catalog: Catalog) -> str:
    return recorded(events, catalog).export_html(inline_styles=True)
