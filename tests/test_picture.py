"""`ots export -f html|svg` (render/picture.py): the drawn timeline as a page or a picture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EDGES, edges
from otscli.render import picture
from otscli.render.drawing import Canvas, Drawing, Styled
from otscli.store import load


def test_html_carries_its_styles_on_each_span_so_a_piece_can_be_pasted_alone() -> None:
    run = edges("export", "-f", "html")
    assert run.code == 0, run.err
    assert '<span style="font-weight: bold">Founding agreement signed</span>' in run.out
    assert "class=" not in run.out


MARKED = """\
[[event]]
id = "2021-05-marked"
date = "2021-05-04"
title = "[bold]Marked[/] :smile: summit 2021"
kind = "summit"
sources = ["test-source"]
"""


def test_a_title_is_drawn_as_written_neither_markup_nor_emoji_nor_highlighted(tmp_path: Path) -> None:
    store = tmp_path / "marked.toml"
    store.write_text(MARKED, encoding="utf-8")
    run = edges("--data", str(store), "export", "-f", "html", "--year", "2021")
    assert run.code == 0, run.err
    assert '<span style="font-weight: bold">[bold]Marked[/] :smile: summit 2021</span>' in run.out


@pytest.mark.parametrize("environment", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "30"}, {"FORCE_COLOR": "1"}])
def test_a_picture_is_the_same_whatever_the_terminal_says(environment: dict[str, str]) -> None:
    for form in ("html", "svg"):
        alone = edges("export", "-f", form)
        assert alone.code == 0, alone.err
        assert "Founding agreement signed" in alone.out.replace("&#160;", " ")
        assert edges("export", "-f", form, env=environment).out == alone.out


# The pieces (otscli.render.picture), called directly.

EDGES_CATALOG = [EDGES]


def test_the_recording_console_is_as_wide_as_a_picture_in_colour_and_draws_text_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    console = picture.recording()
    assert (console.width, console.color_system, console.record, console.no_color) == (100, "truecolor", True, False)
    console.print("[b]x[/b] :smile: 12 True", style="cyan")
    assert console.export_text(styles=True) == "\x1b[36m[b]x[/b] :smile: 12 True\x1b[0m\n"  # no markup, emoji, numbers
    assert capsys.readouterr().out == ""  # kept, not written


def test_what_is_recorded_is_drawn_for_a_canvas_a_hundred_columns_wide() -> None:
    canvases: list[Canvas] = []

    def draw(canvas: Canvas) -> Drawing:
        canvases.append(canvas)
        return [Styled("a", ((0, 1, "bold"),)), Styled("b")]

    assert picture.recorded(draw).export_text(styles=True) == "\x1b[1ma\x1b[0m\nb\n"
    assert canvases == [Canvas(100)]


def test_a_self_contained_svg_loses_only_its_font_faces() -> None:
    svg = "<style>\n    @font-face {\n        src: url(x);\n    }\n    @font-face {a: b}\n    .r1 {fill: red}\n</style>"
    assert picture.self_contained(svg) == "<style>\n    .r1 {fill: red}\n</style>"


def test_the_svg_pictures_are_titled_and_fetch_nothing() -> None:
    catalog = load(EDGES_CATALOG, bundled=False, user=False, cache=False)
    timeline_svg = picture.export_svg(catalog.events, catalog)
    assert ">ots&#160;timeline</text>" in timeline_svg
    assert "Founding&#160;agreement&#160;signed" in timeline_svg
    assert "@font-face" not in timeline_svg
    assert 'width="1220"' in timeline_svg  # a hundred columns
    chart = picture.chart_svg(lambda canvas: [Styled(f"{canvas.width} columns")], "A chart")
    assert ">A&#160;chart</text>" in chart
    assert "100&#160;columns" in chart
    assert "@font-face" not in chart


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(colour: tuple[int, int, int]) -> float:
        linear = [(value / 255) / 12.92 if value <= 10 else ((value / 255 + 0.055) / 1.055) ** 2.4 for value in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_colour_of_the_page_and_its_dimmed_text_stand_out_from_it_as_wcag_aa_asks() -> None:
    theme = picture.html_theme()
    page = tuple(theme.background_color)
    assert page == (18, 18, 18)  # near-black, as a terminal
    for colour in [theme.foreground_color, *theme.ansi_colors]:
        assert contrast(tuple(colour), page) >= 4.5, colour
    assert len(list(theme.ansi_colors)) == 16
    catalog = load(EDGES_CATALOG, bundled=False, user=False, cache=False)
    html = picture.export_html(catalog.events, catalog)
    used = {tuple(bytes.fromhex(code)) for code in re.findall(r"(?<!-)color: #([0-9a-f]{6})", html)}
    assert (242, 242, 242) in used  # the text
    assert (130, 130, 130) in used  # dimmed text, halfway to the page
    assert (86, 212, 221) in used  # cyan dates
    for colour in used - {page}:
        assert contrast(colour, page) >= 4.5, colour


def test_the_html_page_has_its_language_title_heading_and_main_landmark() -> None:
    catalog = load(EDGES_CATALOG, bundled=False, user=False, cache=False)
    html = picture.export_html(catalog.events, catalog)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n')
    assert "<title>ots timeline: the Organization of Turkic States</title>" in html
    assert "body { color: #f2f2f2; background-color: #121212; margin: 1em; }" in html
    assert "<main>\n<h1>ots timeline: the Organization of Turkic States</h1>\n<pre><code>" in html
    assert html.endswith("</code></pre>\n</main>\n</body>\n</html>\n")
    assert '<span style="color: #56d4dd; text-decoration-color: #56d4dd">3 Oct 2009' in html


def test_each_bright_colour_is_brighter_than_its_normal_one() -> None:
    colours = [tuple(colour) for colour in picture.html_theme().ansi_colors]
    assert len(colours) == 16
    for normal, bright in zip(colours[:8], colours[8:], strict=True):
        assert contrast(bright, (0, 0, 0)) > contrast(normal, (0, 0, 0)), (normal, bright)


def test_the_palette_is_the_one_chosen_for_the_page() -> None:
    """The palette on record, as the page's CSS writes it: a change of shade shows in this diff, to be checked
    against the contrast test above."""
    theme = picture.html_theme()
    hexes = ["#{:02x}{:02x}{:02x}".format(*colour) for colour in [theme.background_color, theme.foreground_color]]
    assert hexes == ["#121212", "#f2f2f2"]
    assert ["#{:02x}{:02x}{:02x}".format(*colour) for colour in theme.ansi_colors] == [
        "#8c8c8c", "#ff7878", "#5fd75f", "#e5c07b", "#6cb6ff", "#e08ae0", "#56d4dd", "#e5e5e5",  # black … white
        "#aaaaaa", "#ff9696", "#87eb87", "#f5d78c", "#96c8ff", "#f0a5f0", "#82e6eb", "#ffffff",  # the bright ones
    ]  # fmt: skip
