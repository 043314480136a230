"""Each command's drawn and JSON output, on the small test store."""

from __future__ import annotations

import re

from conftest import edges, ots
from otscli.paths import bundled_as_of

ANSI = re.compile(r"\x1b\[")


def test_timeline_groups_by_year_and_shows_dates_at_stored_precision() -> None:
    run = edges("timeline")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert [line.split()[0] for line in lines if "───" in line] == ["2009", "2017", "2018", "2019", "2030"]
    assert any(line.startswith("Nov 2017 ") for line in lines)
    assert any(line.startswith("30 Dec 2018 – 2 Jan 2019 ") for line in lines)
    assert not any(line.startswith(("1 Nov 2017", "1 Jan 2019")) for line in lines)


def test_timeline_marks_planned_events_and_disputed_facts() -> None:
    out = edges("timeline").out
    assert "A summit announced for 2030  [planned]" in out
    assert "⚑ disputed: date (ots show 2019-summit)" in out


def test_markup_in_data_is_printed_literally() -> None:
    out = edges("show", "2019-summit").out
    assert "Held [bold]somewhere[/] in :smile: Baku." in out
    assert "Vision [link=https://x]adopted[/link]" in out


def test_list_is_a_table_with_ids() -> None:
    run = edges("list", "--year", "2017", env={"FORCE_COLOR": "1"})  # drawn, as on a terminal
    assert run.code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", run.out)
    header, *rows = [line for line in plain.splitlines() if line.strip() and not set(line) <= set("━─┼╇ ")]
    assert header.split() == ["Date", "┃", "Event", "┃", "Kind", "┃", "Place", "┃", "Id"]
    assert "Elders meet in November" in rows[0] and "2017-11-elders" in rows[0]


def test_a_table_in_a_pipe_is_tab_separated_with_a_header() -> None:
    run = edges("list", "--year", "2017")
    assert run.out.splitlines() == [
        "Date\tEvent\tKind\tPlace\tId",
        "Nov 2017\tElders meet in November\tmeeting\tİstanbul, Türkiye\t2017-11-elders",
    ]
    assert all(line == line.rstrip(" ") and "│" not in line for line in ots("sources").out.splitlines())


def test_show_prints_the_whole_event_with_sources_and_disputes() -> None:
    run = edges("show", "2019-summit")
    assert run.code == 0
    assert "summit no. 7" in run.out
    assert "date = 2018 per test-source: Another account puts it a year earlier." in run.out
    assert "[test-source] A source for the tests, ots tests, 1 Jan 2024 <https://example.org/ots-tests>" in run.out


def test_show_accepts_a_unique_prefix_and_suggests_otherwise() -> None:
    assert edges("show", "2017-11", "--json").json()["event"]["id"] == "2017-11-elders"
    run = edges("show", "2019-sumit")
    assert (run.code, run.err) == (2, "ots: unknown event '2019-sumit'; did you mean 2019-summit?\n")


def test_show_json_has_the_event_and_its_sources() -> None:
    page = edges("show", "2019-summit", "--json").json()
    assert set(page) == {"event", "sources", "parts", "part_of"}
    assert page["event"]["date"] == "2019"
    assert page["event"]["disputed"] == [
        {"field": "date", "value": "2018", "source": "test-source", "note": "Another account puts it a year earlier."}
    ]
    assert [source["id"] for source in page["sources"]] == ["test-source"]


def test_organ_page_lists_its_events() -> None:
    run = edges("organ", "CoE")
    assert run.code == 0
    assert run.out.startswith("Council of Elders  CoE\n")
    assert "1 event in the record\n" in run.out and "Elders meet in November" in run.out
    page = edges("organ", "coe", "--json").json()
    assert page["organ"]["name"] == "Council of Elders"
    assert [event["id"] for event in page["events"]] == ["2017-11-elders"]


def test_state_page_shows_membership_history() -> None:
    out = edges("state", "Azerbaijan").out
    assert "membership  founding member since 3 Oct 2009 (Founding agreement signed, Nakhchivan, Azerbaijan)" in out
    page = edges("state", "HU", "--json").json()
    assert page["state"]["membership"] == [{"status": "observer", "since": "2018-09-03", "until": None, "event": None}]
    assert [event["id"] for event in page["events"]] == ["2018-12-30-new-year-forum"]


def test_city_page_and_json_lookup_is_one_object() -> None:
    page = edges("city", "Baku", "--json").json()
    assert set(page) == {"city", "events"}
    assert [event["id"] for event in page["events"]] == ["2018-12-30-new-year-forum", "2019-summit"]
    assert "Baku, Azerbaijan  baku" in edges("city", "baku").out


def test_source_page_lists_citing_events() -> None:
    page = edges("source", "test-source", "--json").json()
    assert page["source"]["url"] == "https://example.org/ots-tests"
    assert len(page["events"]) == 5
    assert "A source for the tests" in edges("source", "A source for the tests").out


def test_registry_listings() -> None:
    assert [organ["id"] for organ in edges("organs", "--json").json()] == ["CHS", "CoE"]
    assert [state["id"] for state in edges("states", "--json").json()] == ["AZ", "TR", "HU"]
    assert [city["id"] for city in edges("cities", "--json").json()] == ["istanbul", "nakhchivan", "baku"]
    assert [source["id"] for source in edges("sources", "--json").json()] == ["test-source"]
    assert "HU\tHungary\tobserver\t1" in edges("states").out.splitlines()
    assert "CHS\tCouncil of Heads of State\tprincipal\t3" in edges("organs").out.splitlines()


def test_event_json_keys_are_stable() -> None:
    event = edges("list", "--json").json()[0]
    assert list(event) == [
        "id", "date", "end", "title", "kind", "status", "format", "number", "organs", "city",
        "online", "states", "summary", "outcomes", "tags", "sources", "disputed", "part_of", "overdue", "origin",
    ]  # fmt: skip


def test_no_colour_or_escape_codes_when_not_a_terminal() -> None:
    for command in (["timeline"], ["list"], ["show", "2019-summit"], ["state", "AZ"], ["organs"]):
        run = edges(*command)
        assert run.code == 0
        assert not ANSI.search(run.out), command


def test_version_and_help() -> None:
    run = ots("--version")
    assert (run.code, run.out) == (0, f"ots 0.1.0 (record as of {bundled_as_of()})\n")
    help_text = ots("--help").out
    for command in ("timeline", "list", "show", "search", "organ", "state", "city", "source"):
        assert re.search(rf"^\s+{command}\s", help_text, re.MULTILINE), command


def test_every_command_help_carries_an_example() -> None:
    for command in ("timeline", "list", "show", "search", "organ", "organs", "state", "states", "city", "cities"):
        run = ots(command, "--help")
        assert run.code == 0
        assert re.search(rf"Example: ots {command}\b", run.out), command


def test_unknown_command_and_option_exit_2() -> None:
    run = ots("timelin")
    assert run.code == 2 and run.err.startswith("ots: No such command 'timelin'")
    run = ots("timeline", "--frobnicate")
    assert run.code == 2 and "No such option: --frobnicate" in run.err
    assert len(run.err.splitlines()) == 1


def test_a_states_page_gives_its_role_in_each_event() -> None:
    """Host when held in the state; its standing in the organization on the event's first day."""
    page = edges("state", "Azerbaijan", "--json").json()
    roles = {event["id"]: event["role"] for event in page["events"]}
    assert roles["2009-10-03-founded"] == {"host": True, "status": "founding-member"}  # in Nakhchivan, that day
    assert roles["2019-summit"] == {"host": True, "status": "founding-member"}
    hungary = {event["id"]: event["role"] for event in edges("state", "HU", "--json").json()["events"]}
    assert hungary == {"2018-12-30-new-year-forum": {"host": False, "status": "observer"}}  # observer from Sep 2018
    drawn = edges("state", "AZ", env={"COLUMNS": "120"}).out
    assert re.search(r"\n3 Oct 2009 +● host · founding member Founding agreement signed\n", drawn), drawn


def test_host_keeps_the_events_held_in_a_state_and_state_keeps_host_or_participant() -> None:
    held_in = [event["id"] for event in edges("list", "--host", "Azerbaijan", "--json").json()]
    involving = [event["id"] for event in edges("list", "--state", "Hungary", "--json").json()]
    assert held_in == ["2009-10-03-founded", "2018-12-30-new-year-forum", "2019-summit"]
    assert involving == ["2018-12-30-new-year-forum"]  # held in Baku, Hungary taking part
    assert [event["id"] for event in edges("list", "--host", "Hungary", "--json").json()] == []


def test_a_lookup_takes_the_filters_of_a_listing() -> None:
    page = edges("state", "AZ", "--since", "2019", "--kind", "summit", "--json").json()
    assert [event["id"] for event in page["events"]] == ["2019-summit"]
    assert edges("organ", "CHS", "--year", "2009", "--json").json()["events"][0]["id"] == "2009-10-03-founded"


def test_the_list_of_commands_is_the_commands_that_exist() -> None:
    """registry.COMMANDS names each command once, with the module that defines it, in the order of `--help`."""
    import importlib

    from otscli.cli.registry import COMMANDS

    defined = {name for module in set(COMMANDS.values()) for name in importlib.import_module(module).APPS}
    assert defined == set(COMMANDS)
    for name, module in COMMANDS.items():
        assert name in importlib.import_module(module).APPS, name
    listed = re.findall(r"^  ([a-z-]+)\s", ots("--help").out, re.MULTILINE)
    assert [name for name in listed if name in COMMANDS] == list(COMMANDS)


def test_every_commands_help_ends_with_an_example_that_runs() -> None:
    from otscli.cli.registry import COMMANDS

    for name in COMMANDS:
        text = ots(name, "--help").out
        example = re.search(r"^\s*Example: (ots .*)$", text, re.MULTILINE)
        assert example is not None and example.group(1).split()[1] == name, name
