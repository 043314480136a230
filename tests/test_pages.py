"""One record drawn whole (otscli.render.pages): the lines of an event's, organ's, state's, city's and source's page,
text and styles, on the small stores and on a store of a meeting with two acts done at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, EDGES, MORE
from otscli.models import Catalog, Event
from otscli.render import pages, timeline
from otscli.render.drawing import Canvas, Styled
from otscli.store import load

ASTANA = """\
format = 1

[[state]]
id = "KZ"
name = "Kazakhstan"

[[state]]
id = "KG"
name = "Kyrgyzstan"
aliases = ["Kirgiziya", "Kyrgyz Republic"]
membership = [
  { status = "founding-member", since = "2009-10-03" },
  { status = "observer", since = "2024-10-01", event = "2024-10-01-act-one" },
]

[[organ]]
id = "CMFA"
name = "Council of Foreign Ministers"
kind = "principal"
aliases = ["CFM", "Ministers"]
summary = "The foreign ministers."

[[city]]
id = "astana"
name = "Astana"
state = "KZ"

[[source]]
id = "full-source"
title = "A full source"
author = "A. Writer"
publisher = "A House"
language = "en"
date = "2020-02"
url = "https://example.org/full"
note = "Read in print."

[[event]]
id = "2024-10-01-meeting"
date = "2024-10-01"
title = "A meeting in Astana"
kind = "meeting"
city = "astana"
tags = ["alpha", "beta"]
outcomes = ["First", "Second"]
organs = ["CMFA"]
sources = ["full-source"]

[[event]]
id = "2024-10-01-act-one"
date = "2024-10-01"
title = "Act one"
kind = "document"
part_of = "2024-10-01-meeting"
sources = ["test-source"]

[[event]]
id = "2024-10-01-act-two"
date = "2024-10-01"
title = "Act two"
kind = "document"
part_of = "2024-10-01-meeting"
sources = ["test-source"]
"""

ACTS = ("2024-10-01-meeting", "2024-10-01-act-one", "2024-10-01-act-two")


@pytest.fixture(scope="module")
def small() -> Catalog:
    """edges.toml, more.toml and sources.toml."""
    return load([EDGES, MORE, DATA / "sources.toml"], bundled=False, user=False, cache=False)


@pytest.fixture(scope="module")
def astana_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("astana") / "astana.toml"
    path.write_text(ASTANA, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def astana(astana_file: Path) -> Catalog:
    """edges.toml with a meeting in Astana, two acts done at it, and two states: one with no standing, one whose
    standing changed at an act that has no place."""
    return load([EDGES, astana_file], bundled=False, user=False, cache=False)


def bold(text: str, label_width: int) -> Styled:
    return Styled(text, ((0, label_width, "bold"),))


def test_fields_leave_out_empty_values_and_align_the_rest_past_the_longest_label_shown() -> None:
    rows = [("a", "x https://e.org/a y"), ("longlabel", ""), ("bb", "two\nlines")]
    assert pages.fields(rows, 40) == [
        Styled("a   x https://e.org/a y", ((0, 4, "bold"), (6, 21, "link https://e.org/a"))),
        bold("bb  two", 4),
        Styled("    lines"),
    ]
    assert pages.fields([("empty", "")], 40) == []


def test_a_heading_is_bold_and_underlined_its_subtitle_dim_and_it_wraps_to_the_width() -> None:
    assert pages.heading("Short", 24) == [Styled("Short", ((0, 5, "bold underline"),))]
    assert pages.heading("Short", 24, "S-1") == [Styled("Short  S-1", ((0, 10, "bold underline"), (5, 10, "dim")))]
    assert pages.heading("A long title of many words", 24, "ID") == [
        Styled("A long title of many", ((0, 20, "bold underline"),)),
        Styled("words  ID", ((0, 9, "bold underline"), (5, 9, "dim"))),
    ]


def test_an_event_page_gives_each_field_its_sources_and_disputes_and_where_it_was_read(small: Catalog) -> None:
    summit = small.event_by_id["2019-summit"]
    page = pages.event_page(summit, small, Canvas(60))
    assert page[:13] == [
        Styled("A summit known only by its year", ((0, 31, "bold underline"),)),
        bold("id        2019-summit", 10),
        bold("date      2019", 10),
        bold("kind      summit no. 7", 10),
        bold("status    held", 10),
        bold("organs    Council of Heads of State", 10),
        bold("place     Baku, Azerbaijan", 10),
        bold("summary   Held [bold]somewhere[/] in :smile: Baku.", 10),
        Styled(
            "outcomes  • Vision [link=https://x]adopted[/link]",
            ((0, 10, "bold"), (25, 34, "link https://x")),  # square brackets end an address
        ),
        bold("disputed  ⚑ date = 2018 per test-source: Another account", 10),
        Styled("          puts it a year earlier."),
        bold("sources   [test-source] A source for the tests, ots tests, 1", 10),
        Styled("          Jan 2024 <https://example.org/ots-tests>", ((20, 49, "link https://example.org/ots-tests"),)),
    ]
    assert " ".join(line.plain for line in page[13:]).split() == ["from", "your", "file", summit.origin]
    assert summit.origin.endswith("edges.toml")  # as the path was given, or from the folder the tests run in


def test_disputes_without_a_note_and_sources_without_an_address_are_a_line_each(small: Catalog) -> None:
    assert pages.event_page(small.event_by_id["2020-05-06-two-sources"], small, Canvas(80))[5:11] == [
        bold("disputed  ⚑ date = 2020-05-07 per test-source", 10),
        Styled("          ⚑ date = 2020-05-08 per bare-source"),
        Styled("          ⚑ kind = summit per bare-source"),
        bold("sources   [test-source] A source for the tests, ots tests, 1 Jan 2024", 10),
        Styled("          <https://example.org/ots-tests>", ((11, 40, "link https://example.org/ots-tests"),)),
        Styled("          [bare-source] Annual report, volume X"),
    ]


def test_a_meeting_lists_its_outcomes_tags_and_parts_and_an_act_names_its_meeting(
    astana: Catalog, astana_file: Path
) -> None:
    meeting, act, _ = (astana.event_by_id[name] for name in ACTS)
    page = pages.event_page(meeting, astana, Canvas(80))
    assert page[:14] == [
        Styled("A meeting in Astana", ((0, 19, "bold underline"),)),
        bold("id        2024-10-01-meeting", 10),
        bold("date      1 Oct 2024", 10),
        bold("kind      meeting", 10),
        bold("status    held", 10),
        bold("organs    Council of Foreign Ministers", 10),
        bold("place     Astana, Kazakhstan", 10),
        bold("outcomes  • First", 10),
        Styled("          • Second"),
        bold("tags      alpha, beta", 10),
        bold("parts     2024-10-01-act-one: Act one", 10),
        Styled("          2024-10-01-act-two: Act two"),
        bold("sources   [full-source] A full source, A. Writer, A House, Feb 2020", 10),
        Styled("          <https://example.org/full>", ((11, 35, "link https://example.org/full"),)),
    ]
    assert page[14].spans == ((0, 10, "bold"),)  # the file's path, whose length depends on where tests run
    assert " ".join(line.plain for line in page[14:]).split() == ["from", "your", "file", str(astana_file)]
    assert pages.event_page(act, astana, Canvas(80))[5] == bold("part of  2024-10-01-meeting: A meeting in Astana", 9)


def test_an_event_of_the_bundled_record_says_so() -> None:
    made = Event(id="x", date="2019", title="T", kind="meeting", sources=["test-source"])
    assert pages.origin_line(made) == "the bundled record"


def test_the_count_of_events_says_one_or_many_and_counts_acts_with_their_meeting(astana: Catalog) -> None:
    meeting, act, other = (astana.event_by_id[name] for name in ACTS)
    assert pages.event_count([]) == "0 events in the record"
    assert pages.event_count([act]) == "1 event in the record"
    assert pages.event_count([meeting, act]) == "1 event in the record, and 1 act done at them"
    assert pages.event_count([meeting, act, other]) == "1 event in the record, and 2 acts done at them"
    founded, elders = (astana.event_by_id[name] for name in ("2009-10-03-founded", "2017-11-elders"))
    assert pages.event_count([founded, elders, act]) == "3 events in the record"


def test_an_organ_page_is_its_heading_fields_count_and_timeline(small: Catalog) -> None:
    elders = next(organ for organ in small.organs if organ.id == "CoE")
    events = [small.event_by_id["2017-11-elders"]]
    assert pages.organ_page(elders, events, small, Canvas(60)) == [
        Styled("Council of Elders  CoE", ((0, 22, "bold underline"), (17, 22, "dim"))),
        bold("id    CoE", 6),
        bold("kind  principal", 6),
        bold("also  Aksakals Council", 6),
        Styled(""),
        Styled("1 event in the record", ((0, 21, "bold"),)),
        Styled("2017 " + "─" * 55, ((0, 5, "bold"), (5, 60, "dim"))),
        Styled("Nov 2017 ● Elders meet in November", ((0, 8, "cyan"), (11, 34, "bold"))),
        Styled("           İstanbul, Türkiye · Council of Elders · meeting", ((11, 58, "dim"),)),
    ]
    assert pages.organ_page(elders, [], small, Canvas(60))[-1] == Styled("0 events in the record", ((0, 22, "bold"),))


def test_a_state_page_gives_its_history_with_the_event_behind_each_standing_and_its_role_beside_each_event(
    small: Catalog,
) -> None:
    azerbaijan = next(state for state in small.states if state.id == "AZ")
    events = [small.event_by_id["2009-10-03-founded"]]
    assert pages.state_page(azerbaijan, events, small, Canvas(80)) == [
        Styled("Azerbaijan  AZ", ((0, 14, "bold underline"), (10, 14, "dim"))),
        bold("id          AZ", 12),
        bold("also        Azərbaycan", 12),
        bold("membership  founding member since 3 Oct 2009 (Founding agreement signed,", 12),
        Styled("            Nakhchivan, Azerbaijan)"),
        bold("roles       beside each event: host if it was held in Azerbaijan, and", 12),
        Styled("            Azerbaijan's standing in the organization that day (— for neither)"),
        Styled(""),
        Styled("1 event in the record", ((0, 21, "bold"),)),
        Styled("2009 " + "─" * 67, ((0, 5, "bold"), (5, 72, "dim"))),
        Styled(
            "3 Oct 2009 ● host · founding member Founding agreement signed",
            ((0, 10, "cyan"), (13, 36, "blue"), (36, 61, "bold")),
        ),
        Styled("                                    Nakhchivan, Azerbaijan · Council of Heads of", ((36, 80, "dim"),)),
        Styled("                                    State · agreement", ((36, 53, "dim"),)),
    ]


def test_a_state_with_no_standing_says_none_recorded_and_one_whose_act_has_no_place_gives_its_date(
    astana: Catalog,
) -> None:
    kazakhstan, kyrgyzstan = (next(state for state in astana.states if state.id == name) for name in ("KZ", "KG"))
    assert pages.state_page(kazakhstan, [], astana, Canvas(80))[2] == bold("membership  none recorded", 12)
    assert pages.state_page(kyrgyzstan, [], astana, Canvas(80))[3:5] == [
        bold("membership  founding member since 3 Oct 2009", 12),
        Styled("            observer since 1 Oct 2024 (Act one, 1 Oct 2024)"),
    ]


def test_a_states_role_is_host_its_standing_both_or_a_dash(small: Catalog, astana: Catalog) -> None:
    def role(catalog: Catalog, state_id: str, event_id: str) -> str:
        state = next(state for state in catalog.states if state.id == state_id)
        return pages.role_cell(state, catalog)(catalog.event_by_id[event_id])

    assert role(small, "AZ", "2009-10-03-founded") == "host · founding member"
    assert role(small, "AZ", "2017-11-elders") == "founding member"
    assert role(small, "HU", "2018-12-30-new-year-forum") == "observer"
    assert role(small, "XK", "2022-11-11-samarkand-summit") == "—"
    assert role(astana, "KZ", "2024-10-01-meeting") == "host"


def test_a_city_page_names_its_state_and_other_names(small: Catalog) -> None:
    nakhchivan = next(city for city in small.cities if city.id == "nakhchivan")
    events = [small.event_by_id["2009-10-03-founded"]]
    drawn = pages.city_page(nakhchivan, events, small, Canvas(80))
    assert drawn[:6] == [
        Styled("Nakhchivan, Azerbaijan  nakhchivan", ((0, 34, "bold underline"), (22, 34, "dim"))),
        bold("id     nakhchivan", 7),
        bold("state  Azerbaijan", 7),
        bold("also   Naxçıvan, Nakhichevan", 7),
        Styled(""),
        Styled("1 event in the record", ((0, 21, "bold"),)),
    ]
    assert drawn[6:] == timeline.drawing(events, small, Canvas(80))


def test_a_source_page_gives_every_field_it_has_and_its_address_as_a_link(astana: Catalog) -> None:
    full = next(source for source in astana.sources if source.id == "full-source")
    assert pages.source_page(full, [], astana, Canvas(80)) == [
        Styled("A full source", ((0, 13, "bold underline"),)),
        bold("id         full-source", 11),
        bold("language   en", 11),
        bold("publisher  A House", 11),
        bold("author     A. Writer", 11),
        bold("date       Feb 2020", 11),
        Styled("address    https://example.org/full", ((0, 11, "bold"), (11, 35, "link https://example.org/full"))),
        bold("note       Read in print.", 11),
        Styled(""),
        Styled("0 events in the record", ((0, 22, "bold"),)),
    ]


def test_a_bare_source_has_its_id_alone(small: Catalog) -> None:
    bare = next(source for source in small.sources if source.id == "bare-source")
    assert pages.source_page(bare, [], small, Canvas(80)) == [
        Styled("Annual report, volume X", ((0, 23, "bold underline"),)),
        bold("id  bare-source", 4),
        Styled(""),
        Styled("0 events in the record", ((0, 22, "bold"),)),
    ]
    assert pages.source_line(bare) == "[bare-source] Annual report, volume X"


def test_an_event_page_names_the_states_taking_part(small: Catalog) -> None:
    assert pages.event_page(small.event_by_id["2009-10-03-founded"], small, Canvas(80))[5:8] == [
        bold("organs   Council of Heads of State", 9),
        bold("place    Nakhchivan, Azerbaijan", 9),
        bold("states   Azerbaijan, Türkiye", 9),
    ]


def test_a_plan_whose_day_has_passed_says_so_in_its_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTS_TODAY", "2031-06-01")
    catalog = load([EDGES], bundled=False, user=False, cache=False)
    page = pages.event_page(catalog.event_by_id["2030-planned-summit"], catalog, Canvas(80))
    assert page[4] == bold("status   planned · date passed, no report", 9)


def test_on_a_narrow_screen_every_field_and_the_count_wrap_from_the_left_edge(astana: Catalog) -> None:
    ministers = next(organ for organ in astana.organs if organ.id == "CMFA")
    assert pages.organ_page(ministers, [astana.event_by_id[name] for name in ACTS], astana, Canvas(24))[:13] == [
        Styled("Council of Foreign", ((0, 18, "bold underline"),)),
        Styled("Ministers  CMFA", ((0, 15, "bold underline"), (9, 15, "dim"))),
        bold("id", 2),  # too narrow for a value beside its label: the value under it
        Styled("  CMFA"),
        bold("kind", 4),
        Styled("  principal"),
        bold("also", 4),
        Styled("  CFM, Ministers"),
        bold("about", 5),
        Styled("  The foreign ministers."),
        Styled(""),
        Styled("1 event in the record,", ((0, 22, "bold"),)),
        Styled("and 2 acts done at them", ((0, 23, "bold"),)),
    ]


def test_a_state_with_two_other_names_gives_both(astana: Catalog) -> None:
    kyrgyzstan = next(state for state in astana.states if state.id == "KG")
    assert pages.state_page(kyrgyzstan, [], astana, Canvas(80))[2] == bold("also        Kirgiziya, Kyrgyz Republic", 12)


def test_a_source_page_ends_with_the_timeline_of_the_events_citing_it(astana: Catalog) -> None:
    full = next(source for source in astana.sources if source.id == "full-source")
    meeting = astana.event_by_id["2024-10-01-meeting"]
    drawn = pages.source_page(full, [meeting], astana, Canvas(80))
    assert drawn[9:] == [
        Styled("1 event in the record", ((0, 21, "bold"),)),
        *timeline.drawing([meeting], astana, Canvas(80)),
    ]
    assert drawn[-1].plain == "             Astana, Kazakhstan · Council of Foreign Ministers · meeting"
