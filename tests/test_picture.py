"""`ots export -f html|svg` (render/picture.py): the drawn timeline as a page or a picture."""

from __future__ import annotations

from conftest import edges


def test_html_carries_its_styles_on_each_span_so_a_piece_can_be_pasted_alone() -> None:
    run = edges("export", "-f", "html")
    assert run.code == 0, run.err
    assert '<span style="font-weight: bold">Founding agreement signed</span>' in run.out
    assert "class=" not in run.out
