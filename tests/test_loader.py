"""The loader on real files: every problem at once, each located as file:line, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EDGES, ONE_EVENT, edges, ids, ots

EVENT = """
[[event]]
id = "{id}"
date = "{date}"
title = "{title}"
kind = "meeting"
sources = ["test-source"]
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_all_problems_reported_at_once_with_file_line_id_and_field(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.toml",
        """\
[[event]]
id = "2020-one"
date = "2023-02-30"
title = "Impossible date"
kind = "meeting"
sources = ["test-source"]

[[event]]
id = "2020-two"
date = "2020-05"
end = "2020-04"
title = "Ends before it starts"
kind = "meeting"
sources = ["test-source"]

[[event]]
id = "2020-three"
date = "2020"
title = "Unknown key and kind"
kind = "party"
colour = "red"
sources = ["test-source"]
""",
    )
    run = edges("--data", str(bad), "list")
    assert run.code == 1
    assert run.out == ""
    assert run.err.splitlines() == [
        f"{bad}:3: event 2020-one: date: 2023-02-30 does not exist: Feb 2023 has 28 days",
        f"{bad}:8: event 2020-two: end 2020-04 is before date 2020-05",
        f"{bad}:20: event 2020-three: kind: unknown kind 'party'; one of summit, meeting, consultation, training, "
        "observation, agreement, document, membership, renaming, institution, designation, award, chairmanship, "
        "appointment, conference, publication",
        f"{bad}:21: event 2020-three: colour: unknown key",
    ]


def test_validate_reports_schema_duplicate_and_reference_problems_in_one_pass(tmp_path: Path) -> None:
    """A file with a schema error still has its other records checked against every file, in the same run."""
    bad = write(
        tmp_path / "bad.toml",
        """\
[[event]]
id = "2019-summit"
date = "2019"
title = "Duplicate of the test store's"
kind = "summit"
sources = ["test-source"]

[[event]]
id = "2020-bad"
date = "2020"
title = "Misspelt kind"
kind = "sumit"
sources = []

[[event]]
id = "2020-ref"
date = "2020"
title = "Misspelt references"
kind = "meeting"
organs = ["CHz"]
sources = ["test-sourc"]
""",
    )
    run = edges("validate", str(bad))
    first = EDGES.read_text(encoding="utf-8").splitlines().index('id = "2019-summit"')  # the line of its [[event]]
    assert (run.code, run.out) == (1, "")
    assert run.err.splitlines() == [
        f"{bad}:12: event 2020-bad: kind: unknown kind 'sumit'; did you mean summit?",
        f"{bad}:13: event 2020-bad: sources: needs at least one value",
        f"{bad}:1: event 2019-summit: id: duplicate id, first defined at {EDGES}:{first}",
        f"{bad}:20: event 2020-ref: organs: unknown organ 'CHz'; did you mean CHS?",
        f"{bad}:21: event 2020-ref: sources: unknown source 'test-sourc'; did you mean test-source?",
    ]


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    bad = write(tmp_path / "syntax.toml", '[[event]]\nid = "x"\ntitle = "no end\n')
    run = edges("--data", str(bad), "list")
    assert run.code == 1
    assert run.err.startswith(f"{bad}:3:")
    assert "TOML syntax" in run.err
    assert len(run.err.splitlines()) == 1


def test_dangling_references_are_located(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "refs.toml",
        EVENT.format(id="2020-refs", date="2020", title="Refs") + 'city = "atlantis"\norgans = ["XYZ"]\n',
    )
    run = edges("--data", str(bad), "list")
    assert run.code == 1
    assert f"{bad}:9: event 2020-refs: organs: unknown organ 'XYZ'" in run.err
    assert f"{bad}:8: event 2020-refs: city: unknown city 'atlantis'" in run.err


def test_duplicate_ids_across_files_name_both(tmp_path: Path) -> None:
    clash = write(tmp_path / "clash.toml", EVENT.format(id="2019-summit", date="2019", title="Again"))
    run = edges("--data", str(clash), "list")
    first = EDGES.read_text(encoding="utf-8").splitlines().index('id = "2019-summit"')  # the header is above it
    assert run.code == 1
    assert run.err == f"{clash}:2: event 2019-summit: id: duplicate id, first defined at {EDGES}:{first}\n"


def test_control_and_bidi_characters_are_rejected(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "ctl.toml",
        EVENT.format(id="2020-ctl", date="2020", title="Bell \\u0007 here")
        + EVENT.format(id="2020-bidi", date="2020", title="Evil \u202e reversed"),
    )
    run = edges("--data", str(bad), "list")
    assert run.code == 1
    assert "event 2020-ctl: title: control character U+0007 at position 5" in run.err
    assert "event 2020-bidi: title: bidirectional control character U+202E at position 5" in run.err


def test_user_file_and_ots_data_are_loaded(tmp_path: Path) -> None:
    user_file = Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"
    user_file.parent.mkdir(parents=True)
    write(user_file, EVENT.format(id="2021-mine", date="2021-04", title="Mine"))
    extra_a = write(tmp_path / "a.toml", EVENT.format(id="2021-a", date="2021-05", title="A"))
    extra_b = write(tmp_path / "b.toml", EVENT.format(id="2021-b", date="2021-06", title="B"))
    env = {"OTS_DATA": os.pathsep.join([str(extra_a), str(extra_b)])}
    assert ids(edges("list", "--year", "2021", "--json", env=env)) == ["2021-mine", "2021-a", "2021-b"]


def test_missing_file_is_one_line_exit_1(tmp_path: Path) -> None:
    run = ots("--data", str(tmp_path / "nope.toml"), "list")
    assert (run.code, run.err) == (1, f"{tmp_path / 'nope.toml'}: no such file\n")


def test_toml_dates_are_accepted(tmp_path: Path) -> None:
    dated = write(
        tmp_path / "dates.toml",
        EVENT.format(id="2022-x", date="2022-01-02", title="X").replace('date = "2022-01-02"', "date = 2022-01-02"),
    )
    assert edges("--data", str(dated), "show", "2022-x", "--json").json()["event"]["date"] == "2022-01-02"


def test_a_file_of_many_problems_lists_a_hundred_and_counts_the_rest(tmp_path: Path) -> None:
    """8,000 empty [[event]] tables: every problem is found, in linear time, and the terminal gets a hundred
    lines and a count, not forty thousand."""
    import time

    path = write(tmp_path / "empty.toml", "[[event]]\n" * 8000)
    started = time.perf_counter()
    run = edges("validate", str(path))
    assert time.perf_counter() - started < 10
    lines = run.err.splitlines()
    assert run.code == 1 and len(lines) == 101
    assert lines[0] == f"{path}:1: event #1: id: required" and lines[-1] == "… and 39,900 more problems"


def test_suggestions_stop_after_the_first_few_references_that_lead_nowhere(tmp_path: Path) -> None:
    text = "".join(f'[[event]]\nid = "2020-e{n}"\ndate = "2020"\ntitle = "X"\nkind = "meeting"\n'
                   f'sources = ["test-sourc"]\n\n' for n in range(20))  # fmt: skip
    run = edges("validate", str(write(tmp_path / "refs.toml", text)))
    hinted = [line for line in run.err.splitlines() if "did you mean test-source?" in line]
    assert run.code == 1 and len(run.err.splitlines()) == 20 and len(hinted) == 10


def test_validate_reports_an_events_references_with_its_schema_errors_in_one_run(tmp_path: Path) -> None:
    """An event refused for a schema error still has its references checked: one run shows all its problems."""
    bad = write(
        tmp_path / "bad.toml",
        """\
[[event]]
id = "2020-both"
date = "2020"
title = "A misspelt kind and references that lead nowhere"
kind = "sumit"
organs = ["CHz"]
states = ["AZ", "Atlantis"]
city = "Gotham"
sources = ["test-sourc"]
""",
    )
    run = edges("validate", str(bad))
    assert (run.code, run.out) == (1, "")
    assert run.err.splitlines() == [
        f"{bad}:5: event 2020-both: kind: unknown kind 'sumit'; did you mean summit?",
        f"{bad}:6: event 2020-both: organs: unknown organ 'CHz'; did you mean CHS?",
        f"{bad}:8: event 2020-both: city: unknown city 'Gotham'",
        f"{bad}:7: event 2020-both: states: unknown state 'Atlantis'",
        f"{bad}:9: event 2020-both: sources: unknown source 'test-sourc'; did you mean test-source?",
    ]


def test_a_refused_record_without_an_id_is_named_by_its_place(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", EVENT.format(id="2020-fine", date="2020", title="Fine")
                + '\n[[event]]\ndate = "2020"\ntitle = "No id"\nkind = "meeting"\nsources = ["nowhere"]\n')  # fmt: skip
    run = edges("validate", str(bad))
    assert run.err.splitlines() == [
        f"{bad}:9: event #2: id: required",
        f"{bad}:13: event #2: sources: unknown source 'nowhere'",
    ]


def test_validate_json_lists_the_problems_for_scripts_with_the_same_exit_code(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.toml", EVENT.format(id="2020-x", date="2020", title="X") + 'organs = ["XYZ"]\n')
    run = edges("validate", "--json", str(bad))
    assert (run.code, run.err) == (1, "")
    assert run.json() == [
        {"file": str(bad), "line": 8, "table": "event", "id": "2020-x", "field": "organs",
         "message": "unknown organ 'XYZ'"},
    ]  # fmt: skip
    assert edges("validate", str(bad)).err == f"{bad}:8: event 2020-x: organs: unknown organ 'XYZ'\n"
    clean = edges("validate", "--json")
    assert (clean.code, clean.out, clean.err) == (0, "[]\n", "")


def test_validate_json_gives_a_whole_file_problem_no_line_or_record(tmp_path: Path) -> None:
    run = edges("validate", "--json", str(tmp_path / "nope.toml"))
    assert run.code == 1
    assert run.json() == [{"file": str(tmp_path / "nope.toml"), "line": None, "table": None, "id": None,
                           "field": None, "message": "no such file"}]  # fmt: skip


def test_a_record_that_is_no_table_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    bad = write(tmp_path / "odd.toml", 'event = [1, { id = "2020-x", date = "2020", title = "X", kind = "meeting", '
                                       'sources = ["nowhere"] }]\n')  # fmt: skip
    run = edges("validate", str(bad))
    assert (run.code, run.err) == (1, f"{bad}:1: event #1: Input should be a dictionary or an instance of Event\n"
                                      f"{bad}:1: event 2020-x: sources: unknown source 'nowhere'\n")  # fmt: skip


def test_a_file_named_twice_is_read_once() -> None:
    assert edges("--data", str(EDGES), "list", "--json").json() == edges("list", "--json").json()


def test_the_library_loads_the_bundled_record_by_default() -> None:
    from otscli import paths, store

    assert paths.data_paths([]) == [paths.bundled_path()]
    assert [event.id for event in store.load().events] == [event["id"] for event in ots("list", "--json").json()]


def test_a_file_that_cannot_be_read_does_not_hide_the_problems_of_the_next(tmp_path: Path) -> None:
    unreadable, wrong = tmp_path / "syntax.toml", tmp_path / "wrong.toml"
    unreadable.write_text("a = [\n", encoding="utf-8")
    wrong.write_text(ONE_EVENT.replace('"T"', "5"), encoding="utf-8")
    run = edges("--data", str(unreadable), "--data", str(wrong), "validate")
    assert run.err.splitlines() == [
        f"{unreadable}: TOML syntax: Invalid value (at end of document)",
        f"{wrong}:4: event x: title: should be text in quotes",
    ]


def test_equal_ids_and_words_in_a_file_are_one_object(tmp_path: Path) -> None:
    """What keeps the cache and the memory small: every event of a large file names the same few records."""
    from otscli import store

    path = tmp_path / "many.toml"
    named = ONE_EVENT.replace('kind = "meeting"', 'kind = "meeting"\norgans = ["CHS"]\ncity = "baku"\nstates = ["AZ"]')
    path.write_text("\n".join(named.replace('id = "x"', f'id = "e{number}"') for number in range(3)), encoding="utf-8")
    catalog = store.load([EDGES, path], bundled=False, cache=False)
    first, second = (event for event in catalog.events if event.id in ("e0", "e1"))
    for field in ("kind", "city", "date"):
        assert getattr(first, field) is getattr(second, field)
    for field in ("organs", "states", "sources"):
        assert getattr(first, field)[0] is getattr(second, field)[0]


def test_the_library_reads_the_personal_file_and_the_cache_by_default(tmp_path: Path) -> None:
    import os

    from otscli import store

    personal = Path(os.environ["XDG_DATA_HOME"]) / "otscli" / "events.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(ONE_EVENT.replace('id = "x"', 'id = "mine"').replace('"test-source"', '"2019-summit-source"'),
                        encoding="utf-8")  # fmt: skip
    with pytest.raises(Exception, match="unknown source"):
        store.load()  # the personal file is read (and checked against the bundled record)
    personal.unlink()
    store.load()
    assert any(path.name.endswith(".marshal") for path in (Path(os.environ["XDG_CACHE_HOME"]) / "otscli").iterdir())
