"""Each cross-file rule alone, on tiny files checked as the loader checks them: what it finds, and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import KIND_ONE_OF, ONE_EVENT, edges
from otscli import checks
from otscli.locator import LoadedFile
from otscli.problems import Problem
from otscli.store import check_file

SOURCE = '[[source]]\nid = "s"\ntitle = "S"\n'
ORGAN = '[[organ]]\nid = "{id}"\nname = "{name}"\nkind = "principal"\n'
EVENT = '[[event]]\nid = "{id}"\ndate = "2020"\ntitle = "T"\nkind = "meeting"\nsources = ["s"]\n'


def loaded(*texts: str) -> list[LoadedFile]:
    files = []
    for number, text in enumerate(texts, 1):
        checked, _ = check_file(f"f{number}.toml", text)
        assert checked is not None
        files.append(checked)
    return files


def lines(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def test_duplicate_ids_names_both_places_across_files() -> None:
    found = checks.duplicate_ids(loaded(SOURCE, "\n" + SOURCE + ORGAN.format(id="s", name="Not a source")))
    assert lines(found) == ["f2.toml:2: source s: id: duplicate id, first defined at f1.toml:1"]
    assert (found[0].table, found[0].id, found[0].field) == ("source", "s", "id")


def test_shared_names_catches_a_name_folded_alike_in_the_same_kind_only() -> None:
    files = loaded(ORGAN.format(id="A", name="Council"), ORGAN.format(id="B", name="COUNCIL") + SOURCE)
    assert lines(checks.shared_names(files)) == ["f2.toml:1: organ B: aliases: 'COUNCIL' already names another organ"]
    city = '[[city]]\nid = "Council"\nname = "Council"\nstate = "x"\n'  # another kind may share it
    assert checks.shared_names(loaded(ORGAN.format(id="A", name="Council"), city)) == []


def test_unknown_references_point_at_the_field_and_suggest_the_closest_id() -> None:
    event = EVENT.format(id="e") + 'organs = ["CHz"]\npart_of = "f"\n'
    found = checks.unknown_references(loaded(SOURCE + ORGAN.format(id="CHS", name="Heads"), event))
    assert lines(found) == [
        "f2.toml:7: event e: organs: unknown organ 'CHz'; did you mean CHS?",
        "f2.toml:8: event e: part_of: unknown event 'f'",
    ]
    assert checks.unknown_references(loaded(SOURCE, EVENT.format(id="e"))) == []


def test_unknown_references_follow_nested_records() -> None:
    state = '[[state]]\nid = "X"\nname = "X"\nmembership = [{ status = "member", since = "2020", event = "nope" }]\n'
    dispute = '[[event.disputed]]\nfield = "date"\nvalue = "2021"\nsource = "gone"\n'
    found = checks.unknown_references(loaded(SOURCE + state + EVENT.format(id="e") + dispute))
    assert lines(found) == [
        "f1.toml:7: state X: membership: unknown event 'nope'",
        "f1.toml:17: event e: source: unknown source 'gone'",
    ]


def test_unknown_references_of_a_record_refused_by_validation_are_still_found() -> None:
    refused = EVENT.format(id="e").replace('"meeting"', '"party"') + 'organs = ["nope", 7, "bad\\n"]\n'
    checked, schema_problems = check_file("f1.toml", SOURCE + refused)  # what is no id is a schema problem only
    assert checked is not None and checked.data.event == [] and len(schema_problems) == 3
    assert lines(checks.unknown_references([checked])) == ["f1.toml:10: event e: organs: unknown organ 'nope'"]


def test_coordinates_apart_wants_lat_lon_and_their_source_together() -> None:
    city = '[[city]]\nid = "c"\nname = "C"\nstate = "x"\n'
    assert lines(checks.coordinates_apart(loaded(city + "lat = 1.0\n"))) == [
        "f1.toml:5: city c: lat: lat, lon and location_source go together"
    ]
    assert checks.coordinates_apart(loaded(SOURCE + city + 'lat = 1.0\nlon = 2.0\nlocation_source = "s"\n')) == []
    assert checks.coordinates_apart(loaded(city)) == []


def test_parts_of_themselves() -> None:
    found = checks.parts_of_themselves(loaded(SOURCE + EVENT.format(id="e") + 'part_of = "e"\n'))
    assert lines(found) == ["f1.toml:10: event e: part_of: an event cannot be part of itself"]


def test_part_of_loops_are_reported_once_at_their_first_event() -> None:
    text = SOURCE + "".join(EVENT.format(id=name) + f'part_of = "{parent}"\n'
                            for name, parent in (("a", "b"), ("b", "c"), ("c", "a")))  # fmt: skip
    assert lines(checks.part_of_loops(loaded(text))) == ["f1.toml:10: event a: part_of: a loop of parts: a → b → c → a"]
    assert checks.part_of_loops(loaded(SOURCE + EVENT.format(id="a") + 'part_of = "a"\n')) == []  # reported apart


@pytest.mark.parametrize("rule", checks.RULES, ids=lambda rule: rule.__name__)
def test_every_rule_finds_nothing_in_clean_files(rule: checks.Rule) -> None:
    assert rule(loaded(SOURCE + ORGAN.format(id="o", name="O"), EVENT.format(id="e") + 'organs = ["o"]\n')) == []


def test_cross_check_is_every_rule_in_turn() -> None:
    text = SOURCE + SOURCE + EVENT.format(id="e") + 'part_of = "e"\norgans = ["x"]\n'
    files = loaded(text)
    assert checks.cross_check(files) == [problem for rule in checks.RULES for problem in rule(files)]
    assert {problem.field for problem in checks.cross_check(files)} == {"id", "organs", "part_of"}


def test_a_name_taken_by_two_records_is_reported_and_a_name_of_punctuation_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cities.toml"
    path.write_text('[[city]]\nid = "ganja"\nname = "Ganja"\nstate = "AZ"\naliases = ["—", "Gandzha", "Baku"]\n',
                    encoding="utf-8")  # fmt: skip
    run = edges("--data", str(path), "validate")
    assert run.code == 1
    assert run.err.endswith(": city ganja: aliases: 'Baku' already names another city\n")
    path.write_text('[[city]]\nid = "ganja"\nname = "Ganja"\nstate = "AZ"\naliases = ["—", "Gandzha"]\n',
                    encoding="utf-8")  # fmt: skip
    assert edges("--data", str(path), "city", "Gandzha", "--json").json()["city"]["id"] == "ganja"


CITY_AT = '[[city]]\nid = "c"\nname = "C"\nstate = "AZ"\n'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (CITY_AT.replace('"AZ"', '"AZZ"'), ["4: city c: state: unknown state 'AZZ'; did you mean AZ?"]),
        (CITY_AT + 'lat = 1.0\nlon = 2.0\nlocation_source = "nowhere"\n',
         ["7: city c: location_source: unknown source 'nowhere'"]),
        (CITY_AT + "lat = 1.0\n", ["5: city c: lat: lat, lon and location_source go together"]),
        (CITY_AT + "lat = 1.0\nlon = 2.0\n", ["5: city c: lat: lat, lon and location_source go together"]),
        ('[[claim]]\nid = "k"\norgan = "CHZ"\nwhat = "summits"\ncount = 3\nsource = "test-sourc"\n',
         ["3: claim k: organ: unknown organ 'CHZ'; did you mean CHS?",
          "6: claim k: source: unknown source 'test-sourc'; did you mean test-source?"]),
        ('[[state]]\nid = "KZ"\nname = "Kazakhstan"\n[[state.membership]]\nstatus = "member"\nsince = "2009"\n'
         'event = "2009-10-03-foundd"\n',
         ["4: state KZ: membership: unknown event '2009-10-03-foundd'; did you mean 2009-10-03-founded?"]),
        (ONE_EVENT.replace('kind = "meeting"', 'kind = "meeting"\norgans = ["CHZ"]\ncity = "bak"\nstates = ["AZZ"]\n'
                       'part_of = "x"').replace('["test-source"]', '["test-sourc"]')
         + '[[event.disputed]]\nfield = "date"\nvalue = "2018"\nsource = "nowhere-at-all"\n',
         ["6: event x: organs: unknown organ 'CHZ'; did you mean CHS?",
          "7: event x: city: unknown city 'bak'; did you mean baku?",
          "8: event x: states: unknown state 'AZZ'; did you mean AZ?",
          "10: event x: sources: unknown source 'test-sourc'; did you mean test-source?",
          "14: event x: source: unknown source 'nowhere-at-all'",
          "9: event x: part_of: an event cannot be part of itself"]),
        ('[[colour]]\nname = "red"\n\n[[colour]]\nname = "blue"\n\n' + ONE_EVENT.replace('"meeting"', '"zzz"'),
         ["1: unknown table 'colour'; expected one of format, as_of, source, organ, state, city, event, claim",
          f"11: event x: kind: {KIND_ONE_OF}"]),
        ('[[organ]]\nid = "XO"\nname = "Some Council"\nkind = "related"\naliases = ["Summit"]\n',
         ["1: organ XO: aliases: 'Summit' already names another organ"]),
    ],
)  # fmt: skip
def test_references_that_lead_nowhere_are_named_on_their_lines(tmp_path: Path, text: str, problems: list[str]) -> None:
    path = tmp_path / "refs.toml"
    path.write_text(text, encoding="utf-8")
    run = edges("--data", str(path), "validate")
    assert (run.code, run.err.splitlines()) == (1, [f"{path}:{problem}" for problem in problems])


def test_a_meeting_that_is_not_there_is_named_with_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "part.toml"
    path.write_text(ONE_EVENT + 'part_of = "2030-summit"\n', encoding="utf-8")
    assert edges("--data", str(path), "validate").err == (
        f"{path}:7: event x: part_of: unknown event '2030-summit'; did you mean 2019-summit, 2030-planned-summit?\n"
    )
