"""`ots site` writes a whole, cross-linked, escaped and reproducible website (the browser tests open it)."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import edges, ots

HOSTILE = """\
[[event]]
id = "2021-hostile"
date = "2021"
title = "<script>alert('title')</script>"
kind = "meeting"
summary = "\\"><img src=x onerror=alert(1)> & more"
outcomes = ["</li></ol><h1>forged</h1>"]
sources = ["test-source"]
"""


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.lang: str | None = None
        self.landmarks: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def build(folder: Path, *args: str) -> None:
    run = ots("site", "-o", str(folder), *args)
    assert run.code == 0, run.err
    assert run.out == "" and "pages" in run.err


@pytest.mark.slow
def test_the_site_has_a_page_for_every_event_and_record_and_every_link_resolves(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site)
    events = ots("list", "--json").json()
    assert sorted(page.stem for page in (site / "events").iterdir()) == sorted(event["id"] for event in events)
    for section in ("organs", "states", "cities", "sources"):
        assert (site / section / "index.html").is_file()
    external = 0
    for page in site.rglob("*.html"):
        links = parsed(page)
        assert links.lang == "en" and {"header", "nav", "main", "footer"} <= links.landmarks, page
        for link in links.links:
            if link.startswith(("http://", "https://")):
                external += 1
                continue
            assert not link.startswith(("/", "file:", "javascript:")), (page, link)
            if link.startswith("#"):
                assert f'id="{link[1:]}"' in page.read_text(encoding="utf-8"), (page, link)
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to missing {link}"
    assert external >= len(ots("sources", "--json").json())  # every source's own address, at least once


def test_an_event_page_links_its_organs_place_participants_and_sources(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site)
    page = ots("show", "2018-09-03-summit-cholpon-ata", "--json").json()
    links = parsed(site / "events" / "2018-09-03-summit-cholpon-ata.html").links
    event = page["event"]
    expected = [f"../organs/{o}.html" for o in event["organs"]] + [f"../states/{s}.html" for s in event["states"]]
    expected += [f"../cities/{event['city']}.html"] + [f"../sources/{s['id']}.html" for s in page["sources"]]
    expected += [source["url"] for source in page["sources"]] + [f"../events/{p['id']}.html" for p in page["parts"]]
    assert set(expected) <= set(links)
    hungary = (site / "states" / "HU.html").read_text(encoding="utf-8")
    assert "observer since 3 Sep 2018" in hungary and "events/2018-09-03-hu-observer.html" in hungary


@pytest.mark.slow
def test_the_same_data_writes_the_same_bytes(tmp_path: Path) -> None:
    build(tmp_path / "one")
    build(tmp_path / "two")
    one = {
        path.relative_to(tmp_path / "one"): path.read_bytes()
        for path in (tmp_path / "one").rglob("*")
        if path.is_file()
    }
    two = {
        path.relative_to(tmp_path / "two"): path.read_bytes()
        for path in (tmp_path / "two").rglob("*")
        if path.is_file()
    }
    assert one == two


def test_data_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(HOSTILE, encoding="utf-8")
    site = tmp_path / "site"
    run = edges("--data", str(hostile), "site", "-o", str(site))
    assert run.code == 0, run.err
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "<h1>forged" not in text, page
    event = (site / "events" / "2021-hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in event and "&amp; more" in event


def test_filters_choose_what_the_site_shows(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site, "--organ", "CoE", "--since", "2015")
    wanted = ots("list", "--organ", "CoE", "--since", "2015", "--json").json()
    assert sorted(page.stem for page in (site / "events").iterdir()) == sorted(event["id"] for event in wanted)
    organs = {organ for event in wanted for organ in event["organs"]}
    assert {page.stem for page in (site / "organs").iterdir()} == {*organs, "index"}


def test_a_folder_ots_did_not_write_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    run = ots("site", "-o", str(folder))
    assert (run.code, run.err) == (1, f"{folder}: holds files that ots did not write; give -o an empty or new folder\n")
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]
    build(tmp_path / "site")
    build(tmp_path / "site", "--year", "2019")  # its own site is rewritten, and what is no longer selected goes
    assert len(list((tmp_path / "site" / "events").iterdir())) == len(ots("list", "--year", "2019", "--json").json())


def test_commands_other_than_site_do_not_import_jinja2() -> None:
    probe = (
        "import sys; from otscli.cli import run; sys.argv = ['ots', 'timeline']\n"
        "run()\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout and done.stderr == ""


def test_the_index_carries_what_the_browser_filters_and_searches(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('<li class="event') == len(ots("list", "--json").json())
    assert 'data-text="' in index and '<form id="filters" class="filters" hidden' in index  # shown by the script
    years = {event["date"][:4] for event in ots("list", "--json").json()}
    assert index.count('<section class="year"') == len(years)


def test_a_rebuild_that_fails_part_way_leaves_the_old_site_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import otscli.site.folder

    site = tmp_path / "site"
    assert edges("site", "-o", str(site)).code == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    real_file = otscli.site.folder.Staging.file
    written: list[str] = []

    def fill_the_disk(self: otscli.site.folder.Staging, relative: str, content: bytes) -> int:
        written.append(relative)
        if len(written) > 5:
            raise OSError(28, "No space left on device")
        return real_file(self, relative, content)

    monkeypatch.setattr(otscli.site.folder.Staging, "file", fill_the_disk)
    run = edges("site", "-o", str(site))
    assert (run.code, run.err) == (1, f"{site}: cannot write the site: No space left on device; nothing was changed\n")
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


def test_a_record_whose_id_is_index_does_not_replace_the_registry_page(tmp_path: Path) -> None:
    data = tmp_path / "index.toml"
    data.write_text('[[organ]]\nid = "index"\nname = "An organ called index"\nkind = "mechanism"\n\n'
                    '[[event]]\nid = "2021-index-meets"\ndate = "2021"\ntitle = "Index meets"\nkind = "meeting"\n'
                    'organs = ["index"]\nsources = ["test-source"]\n', encoding="utf-8")  # fmt: skip
    site = tmp_path / "site"
    assert edges("--data", str(data), "site", "-o", str(site)).code == 0
    registry = (site / "organs" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Organs and mechanisms</h1>" in registry and 'href="_index.html"' in registry
    assert "An organ called index" in (site / "organs" / "_index.html").read_text(encoding="utf-8")
    assert 'href="../organs/_index.html"' in (site / "events" / "2021-index-meets.html").read_text(encoding="utf-8")


def test_a_title_in_another_language_is_marked_with_it_and_the_original_page_with_its_language(tmp_path: Path) -> None:
    """Screen readers speak a marked title in its own language (WCAG 3.1.2); English ones, the page's, are left."""
    site = tmp_path / "site"
    build(site, "--year", "2024", "--kind", "consultation")
    source = (site / "sources" / "24kg-2024-10-04.html").read_text(encoding="utf-8")
    assert '<h1 lang="ru">В Бишкеке пройдет 11-й саммит Организации тюркских государств</h1>' in source
    assert "<dt>Language</dt><dd>ru</dd>" in source
    assert 'hreflang="ru" rel="external noopener">https://24.kg/vlast/' in source
    event = (site / "events" / "2024-10-04-political-consultations-ankara.html").read_text(encoding="utf-8")
    assert 'href="../sources/24kg-2024-10-04.html" lang="ru">' in event
    assert 'href="../sources/mfa-trnc-2024-10-04-political-consultations.html">' in event  # English: no mark
    registry = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<a href="24kg-2024-10-04.html" lang="ru">' in registry


def test_a_plan_whose_date_has_passed_is_marked_on_its_page_and_in_the_index(tmp_path: Path) -> None:
    later = {"OTS_TODAY": "2031-01-05"}  # after the planned summit of 2030 in edges.toml
    assert edges("site", "-o", str(tmp_path / "site"), env=later).code == 0
    page = (tmp_path / "site" / "events" / "2030-planned-summit.html").read_text(encoding="utf-8")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<dd>planned · date passed, no report</dd>" in page
    assert "planned · date passed, no report" in index
    assert edges("site", "-o", str(tmp_path / "before"), env={"OTS_TODAY": "2029-12-31"}).code == 0
    before = (tmp_path / "before" / "events" / "2030-planned-summit.html").read_text(encoding="utf-8")
    assert "<dd>planned</dd>" in before and "date passed" not in before
