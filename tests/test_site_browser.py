"""The generated site as a visitor meets it, in headless Chromium (Debian's chromium and chromium-driver).

Deselected by the README's test command; `.ci/run` installs Chromium, fetches axe-core into .venv/axe/ (or name
another axe.min.js in OTS_AXE) and runs `pytest -m browser`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, headless_chromium, ots

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "site"
    run = ots("site", "-o", str(folder))
    assert run.code == 0, run.err
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with headless_chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


def open_page(browser: Any, page: Path) -> None:
    browser.get(page.as_uri())
    assert not severe(browser), severe(browser)


def severe(browser: Any) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def visible(browser: Any) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('li.event')).filter(li => li.offsetParent !== null)"
        ".map(li => li.querySelector('a').getAttribute('href').slice(7, -5));"
    )


def choose(browser: Any, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.NAME, name)).select_by_value(value)


def test_the_index_lists_every_event(browser: Any, site: Path) -> None:
    open_page(browser, site / "index.html")
    assert sorted(visible(browser)) == sorted(event["id"] for event in ots("list", "--json").json())
    assert browser.find_element("id", "shown").text.startswith(f"{len(visible(browser))} of ")


def test_filters_narrow_the_timeline_as_the_command_line_does(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, site / "index.html")
    choose(browser, "organ", "CoE")
    assert sorted(visible(browser)) == sorted(e["id"] for e in ots("list", "--organ", "CoE", "--json").json())
    choose(browser, "organ", "")
    for name, value in (("since", "2019"), ("until", "2019")):
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    choose(browser, "state", "HU")
    expected = ots("list", "--year", "2019", "--state", "HU", "--json").json()
    assert sorted(visible(browser)) == sorted(event["id"] for event in expected) and expected
    browser.find_element(By.CSS_SELECTOR, "button[type=reset]").click()  # the form applies it a moment later
    everything = len(ots("list", "--json").json())
    WebDriverWait(browser, 5).until(lambda _: len(visible(browser)) == everything)


def test_search_finds_an_event_by_a_word_of_its_summary(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site / "index.html")
    event = ots("show", "2018-09-03-summit-cholpon-ata", "--json").json()["event"]
    assert "Ruh Ordo" in event["summary"] and "Ruh Ordo" not in event["title"]
    browser.find_element(By.NAME, "q").send_keys("RUH ordo")
    assert visible(browser) == ["2018-09-03-summit-cholpon-ata"]
    # hidden years go too
    assert browser.execute_script("return document.querySelectorAll('section.year:not([hidden])').length") == 1


def test_pages_open_without_errors_and_follow_their_links(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site / "events" / "2018-09-03-summit-cholpon-ata.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "6th Summit of the Council of Heads of State"
    for label in ("Council of Heads of State", "Cholpon-Ata", "Hungary"):
        browser.find_element(By.LINK_TEXT, label).click()
        assert not severe(browser)
        assert browser.find_element(By.TAG_NAME, "h1").text == label
        assert "2018-09-03-summit-cholpon-ata" in browser.page_source
        browser.back()
    for section in ("organs", "states", "cities", "sources"):
        open_page(browser, site / section / "index.html")
        first = browser.find_element(By.CSS_SELECTOR, "ul.registry a")
        title = first.text
        first.click()
        assert browser.find_element(By.TAG_NAME, "h1").text == title


def test_the_keyboard_reaches_the_content_and_the_filters(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site / "index.html")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to content" and focused.get_attribute("href").endswith("#main")
    browser.find_element(By.NAME, "q").send_keys("samarkand", Keys.ENTER)  # Enter does not reload the page
    assert "2022-11-11-summit-samarkand" in visible(browser)


def test_every_internal_link_opens_a_page_with_a_heading(browser: Any, site: Path) -> None:
    """Follows every relative link of every page once, as a visitor clicking through would."""
    from selenium.webdriver.common.by import By

    seen: set[str] = set()
    queue = [(site / "index.html").as_uri()]
    while queue:
        address = queue.pop()
        if address in seen:
            continue
        seen.add(address)
        browser.get(address)
        assert browser.find_element(By.TAG_NAME, "h1").text, address
        assert not severe(browser), (address, severe(browser))
        links = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
            ".filter(h => h.startsWith('file:')).map(h => h.split('#')[0]);"
        )
        queue += [link for link in links if link not in seen]
    assert len(seen) == sum(1 for _ in site.rglob("*.html"))  # every page is reachable from the index


@pytest.mark.parametrize("width", [320, 390])
def test_every_kind_of_page_reflows_without_sideways_scrolling(browser: Any, site: Path, width: int) -> None:
    """WCAG 1.4.10: at 320 CSS px nothing widens the page (the organ menu, a long address, a long name)."""
    longest_source = max(site.joinpath("sources").glob("*.html"), key=lambda page: page.stat().st_size)
    pages = [site / "index.html", site / "events" / "2018-09-03-summit-cholpon-ata.html", site / "organs" / "CHS.html",
             site / "states" / "HU.html", site / "cities" / "baku.html", longest_source,
             site / "sources" / "index.html"]  # fmt: skip
    browser.set_window_size(width, 800)
    try:
        for page in pages:
            open_page(browser, page)
            inner = browser.execute_script("return document.documentElement.clientWidth")
            scrolled = browser.execute_script("return document.documentElement.scrollWidth")
            assert scrolled <= inner, (page.name, width, scrolled, inner)
    finally:
        browser.set_window_size(1200, 900)


def test_the_search_knows_other_names_and_a_filtered_view_has_an_address(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site / "index.html")
    browser.find_element(By.NAME, "q").send_keys("Şuşa")
    found = visible(browser)
    assert found and sorted(found) == sorted(
        e["id"] for e in ots("search", "Şuşa", "--json").json() if e["id"] in found
    )
    assert "q=" in browser.current_url
    choose(browser, "organ", "CHS")
    shared = browser.current_url
    assert "organ=CHS" in shared
    browser.get(shared)  # the same view, opened from the address
    assert browser.find_element(By.NAME, "organ").get_attribute("value") == "CHS"
    expected = {event["id"] for event in ots("search", "Şuşa", "--organ", "CHS", "--json").json()}
    assert set(visible(browser)) == expected and expected


def axe_violations(browser: Any, page: Path) -> list[str]:
    """axe-core's WCAG 2 A/AA and best-practice rules on the open page, each violation as readable lines."""
    script = Path(os.environ.get("OTS_AXE") or ROOT / ".venv" / "axe" / "axe.min.js")
    assert script.is_file(), f"no axe-core at {script}: .ci/run fetches it with npm pack axe-core, or set OTS_AXE"
    open_page(browser, page)
    browser.execute_script(script.read_text(encoding="utf-8"))
    browser.set_script_timeout(120)
    # No preload: axe would fetch the stylesheets again by XMLHttpRequest, which file:// pages refuse (and log);
    # only css-orientation-lock reads them, and the stylesheet sets no orientation.
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {preload: false}).then(result => done(result.violations), error => done(String(error)));"
    )
    assert not isinstance(result, str), result
    lines = []
    for violation in result:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])}]")
        for node in violation["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return lines


@pytest.mark.parametrize(
    "page",
    ["index.html", "events/2018-09-03-summit-cholpon-ata.html", "events/2024-07-06-informal-summit-shusha.html",
     "organs/index.html", "organs/CHS.html", "states/index.html", "states/HU.html", "cities/index.html",
     "cities/baku.html", "sources/index.html", "sources/24kg-2024-10-04.html", "sources/dipam-analysis-55-2025.html"],
)  # fmt: skip
def test_axe_finds_no_violation_on_any_kind_of_page(browser: Any, site: Path, page: str) -> None:
    violations = axe_violations(browser, site / page)
    assert not violations, f"{page}:\n" + "\n".join(violations)


def test_axe_finds_no_violation_in_the_html_export(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    run = ots("export", "-o", str(page))
    assert run.code == 0, run.err
    violations = axe_violations(browser, page)
    assert not violations, "\n".join(violations)
