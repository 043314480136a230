"""`ots schema` describes exactly what `--json` prints; a golden file catches unnoticed contract changes.

After a deliberate change to the JSON contract: OTS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_schema.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import edges, ots

GOLDEN = Path(__file__).parent / "golden" / "schema.json"

EXAMPLES = {
    "timeline": ["timeline", "--json"],
    "list": ["list", "--year", "2019", "--json"],
    "next": ["next", "--json"],
    "search": ["search", "summit", "--json"],
    "show": ["show", "2019-summit", "--json"],
    "organ": ["organ", "CHS", "--json"],
    "organs": ["organs", "--json"],
    "state": ["state", "AZ", "--json"],
    "states": ["states", "--json"],
    "city": ["city", "baku", "--json"],
    "cities": ["cities", "--json"],
    "source": ["source", "test-source", "--json"],
    "sources": ["sources", "--json"],
    "stats": ["stats", "--by", "state", "--json"],
    "on-this-day": ["on-this-day", "--date", "10-03", "--json"],
    "coverage": ["coverage", "--json"],
    "kinds": ["kinds", "--json"],
    "validate": ["validate", "--json"],
}


def current_schema() -> dict[str, Any]:
    run = ots("schema")
    assert run.code == 0, run.err
    schema: dict[str, Any] = json.loads(run.out)
    return schema


def validator_for(command: str) -> Draft202012Validator:
    schema = current_schema()
    part = {"$ref": schema["x-commands"][command], "$defs": schema["$defs"]}
    return Draft202012Validator(part)


def test_schema_matches_the_golden_file() -> None:
    text = ots("schema").out
    if os.environ.get("OTS_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "JSON contract changed: see this file's docstring"


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = current_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["x-commands"]) == set(EXAMPLES)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_every_json_output_follows_the_schema(command: str) -> None:
    runs = [edges(*EXAMPLES[command])]
    if command in ("timeline", "organs", "states", "cities", "sources", "coverage"):
        runs.append(ots(command, "--json"))  # the whole bundled data too
    for run in runs:
        assert run.code == 0, run.err
        errors = list(validator_for(command).iter_errors(run.json()))
        assert errors == [], errors[0].message if errors else ""


def test_every_event_key_is_required_and_nothing_else_is_allowed() -> None:
    event = current_schema()["$defs"]["Event"]
    assert event["required"] == list(event["properties"])
    assert event["additionalProperties"] is False
    extra = {**edges("list", "--json").json()[0], "colour": "red"}
    assert list(validator_for("list").iter_errors([extra]))


def test_output_with_fields_follows_the_schema() -> None:
    schema = current_schema()
    part = {"$ref": schema["x-fields"], "$defs": schema["$defs"]}
    for args in (["list", "--fields", "id,title,overdue"], ["timeline", "--fields", "date,organs,part_of"]):
        data = edges(*args, "--json").json()
        assert data and list(data[0]) == args[2].split(",")
        assert list(Draft202012Validator(part).iter_errors(data)) == []
    assert list(Draft202012Validator(part).iter_errors([{"colour": "red"}]))  # only event fields


def test_the_problems_validate_prints_follow_the_schema(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[event]]\nid = "2020-x"\ndate = "2020"\ntitle = "X"\nkind = "party"\nsources = ["nowhere"]\n')
    run = edges("validate", "--json", str(bad), str(tmp_path / "missing.toml"))
    assert run.code == 1 and run.err == ""
    assert len(run.json()) == 3
    assert list(validator_for("validate").iter_errors(run.json())) == []
