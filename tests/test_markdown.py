"""`ots export -f md` (render/markdown.py): the whole text on the test stores, so that a missing or extra mark,
line or separator shows."""

from __future__ import annotations

from conftest import DATA, MORE, edges
from otscli.render.markdown import escape, link_destination

SOURCES = DATA / "sources.toml"
LINK = "[A source for the tests](<https://example.org/ots-tests>), ots tests"


def markdown(*args: str) -> str:
    run = edges("--data", str(MORE), "--data", str(SOURCES), "export", "-f", "md", *args)
    assert run.code == 0, run.err
    return run.out


def test_the_timeline_reads_by_year_with_marks_for_planned_cancelled_and_disputed() -> None:
    assert markdown() == "\n".join(
        [
            "## 2009",
            "",
            "- **3 Oct 2009** — Founding agreement signed (Nakhchivan, Azerbaijan; Council of Heads of State)",
            "  The founders sign the agreement.",
            f"  - Sources: {LINK}",
            "",
            "## 2017",
            "",
            "- **Nov 2017** — Elders meet in November (İstanbul, Türkiye; Council of Elders)",
            f"  - Sources: {LINK}",
            "",
            "## 2018",
            "",
            "- **30 Dec 2018 – 2 Jan 2019** — Forum across the new year (Baku, Azerbaijan)",
            f"  - Sources: {LINK}",
            "",
            "## 2019",
            "",
            "- **2019** — A summit known only by its year (Baku, Azerbaijan; Council of Heads of State)"
            " ⚑ disputed: date",
            "  Held \\[bold\\]somewhere\\[/\\] in :smile: Baku.",
            "  - Outcome: Vision \\[link=https\\://x\\]adopted\\[/link\\]",
            f"  - Sources: {LINK}",
            "",
            "## 2020",
            "",
            "- **6 May 2020** — A meeting with two sources ⚑ disputed: date, kind",
            f"  - Sources: {LINK}; Annual report, volume X",
            "",
            "## 2021",
            "",
            "- **11 Nov 2021** — A forum called off \\[cancelled\\]",
            f"  - Sources: {LINK}",
            "",
            "## 2022",
            "",
            "- **11 Nov 2022** — A summit in Samarkand (Samarkand, Uzbekistan; Council of Heads of State)",
            "  Leaders meet in Uzbekistan.",
            f"  - Sources: {LINK}",
            "",
            "## 2023",
            "",
            "- **5–6 Jul 2023** — A summit in Shusha (Shusha, Azerbaijan; Council of Heads of State)",
            f"  - Sources: {LINK}; Annual report, volume X",
            "",
            "## 2024",
            "",
            "- **Jul 2024** — A meeting in Shusha (Shusha, Azerbaijan)",
            "  - Sources: Annual report, volume X",
            "",
            "## 2030",
            "",
            "- **2030** — A summit announced for 2030 (İstanbul, Türkiye; Council of Heads of State) \\[planned\\]",
            f"  - Sources: {LINK}",
            "",
        ]
    )


def test_a_text_that_ends_in_a_source_without_address_keeps_its_last_letter() -> None:
    assert markdown("--year", "2020").endswith("; Annual report, volume X\n")


def test_text_that_would_open_a_block_or_a_link_is_escaped() -> None:
    assert escape("1. first") == "1\\. first"
    assert escape("- item") == "\\- item"
    assert escape("= rule") == "\\= rule"
    assert escape("see www.example.org") == "see www\\.example.org"
    assert escape("https://example.org") == "https\\://example.org"
    assert escape("a@example.org") == "a<!-- -->@example.org"


def test_an_address_is_a_link_destination_that_nothing_in_it_can_end() -> None:
    assert link_destination("https://x.org/X a b<c>\\d\ne") == "<https://x.org/X%20a%20b%3Cc%3E%5Cd%0Ae>"
