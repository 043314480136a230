"""The drawn timeline as a picture: SVG or HTML through rich's recording console."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from otscli.models import Catalog, Event

if TYPE_CHECKING:
    from rich.console import Console
    from rich.terminal_theme import TerminalTheme

    from otscli.render.drawing import Canvas, Drawing

WIDTH = 100
HTML_TITLE = "ots timeline: the Organization of Turkic States"


def recording() -> Console:
    """A console that keeps what is printed on it, in colour, as wide as a picture: a picture is no terminal, so
    neither NO_COLOR nor TERM (a dumb terminal is 80 columns to rich) changes it."""
    import io

    from rich.console import Console

    return Console(
        record=True, width=WIDTH, file=io.StringIO(), color_system="truecolor", no_color=False, markup=False,
        emoji=False, highlight=False,
    )  # fmt: skip


def recorded(draw: Callable[[Canvas], Drawing]) -> Console:
    """A console that holds what `draw` made for a canvas as wide as a picture."""
    from otscli.render.drawing import Canvas, print_drawing

    console = recording()
    print_drawing(console, draw(Canvas(WIDTH)))
    return console


def drawn_timeline(events: Sequence[Event], catalog: Catalog) -> Callable[[Canvas], Drawing]:
    from otscli.render import timeline

    return lambda canvas: timeline.drawing(events, catalog, canvas)


def self_contained(svg: str) -> str:
    """The SVG without the web fonts rich links to: a picture for an article must not fetch anything. The text
    falls back to the reader's monospace font."""
    return re.sub(r"\n *@font-face \{[^{}]*\}", "", svg)


def export_svg(events: Sequence[Event], catalog: Catalog) -> str:
    return self_contained(recorded(drawn_timeline(events, catalog)).export_svg(title="ots timeline"))


def chart_svg(draw: Callable[[Canvas], Drawing], title: str) -> str:
    """What `draw` makes (the bar chart of `ots stats`), as a self-contained SVG picture."""
    return self_contained(recorded(draw).export_svg(title=title))


# A page of its own: its language, a title, a heading and a main landmark, as screen readers and validators
# expect. Light text on a near-black page, as in a terminal: rich draws `dim` text halfway between the text and the
# page colours, which on white can never reach WCAG AA's 4.5:1; here it gives #828282 on #121212, 4.9:1.
_HTML_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{{stylesheet}}
body {{{{ color: {{foreground}}; background-color: {{background}}; margin: 1em; }}}}
h1 {{{{ font-size: 1em; }}}}
pre, code {{{{ font-family: Menlo, 'DejaVu Sans Mono', consolas, 'Courier New', monospace; }}}}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<pre><code>{{code}}</code></pre>
</main>
</body>
</html>
"""


def html_theme() -> TerminalTheme:
    """Colours that each stand at least 4.5:1 against the page, dimmed text included."""
    from rich.terminal_theme import TerminalTheme

    normal = [(140, 140, 140), (255, 120, 120), (95, 215, 95), (229, 192, 123), (108, 182, 255), (224, 138, 224),
              (86, 212, 221), (229, 229, 229)]  # fmt: skip
    bright = [(170, 170, 170), (255, 150, 150), (135, 235, 135), (245, 215, 140), (150, 200, 255), (240, 165, 240),
              (130, 230, 235), (255, 255, 255)]  # fmt: skip
    return TerminalTheme((18, 18, 18), (242, 242, 242), normal, bright)


def export_html(events: Sequence[Event], catalog: Catalog) -> str:
    from html import escape

    page = _HTML_PAGE.format(title=escape(HTML_TITLE))
    console = recorded(drawn_timeline(events, catalog))
    return console.export_html(theme=html_theme(), code_format=page, inline_styles=True)
