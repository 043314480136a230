"""The kinds of record are declared once (otscli.kinds): every place that needs them agrees with the
declaration, every declared kind loads, validates and caches, and no other module spells out the list."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

from conftest import ROOT, ots
from otscli import cache, kinds, store, validation
from otscli.models import Catalog

ONE_OF_EACH = """\
[[source]]
id = "s"
title = "S"

[[organ]]
id = "o"
name = "O"
kind = "principal"

[[state]]
id = "st"
name = "St"
membership = [{ status = "member", since = "2020", event = "e" }]

[[city]]
id = "c"
name = "C"
state = "st"

[[event]]
id = "e"
date = "2020"
title = "E"
kind = "meeting"
organs = ["o"]
city = "c"
sources = ["s"]

[[claim]]
id = "cl"
organ = "o"
what = "meetings"
count = 1
source = "s"
"""


def test_every_kind_is_a_table_of_a_data_file_and_a_list_and_an_index_of_the_catalog() -> None:
    data_file = kinds.data_file_type()
    files = [field.name for field in dataclasses.fields(data_file)]
    catalog = {field.name for field in dataclasses.fields(Catalog)}
    hints = typing.get_type_hints(data_file)
    for kind in kinds.KINDS:
        assert hints[kind.table] == list[kind.record_type], kind
        assert kind.plural in catalog
        assert getattr(Catalog(), kind.index) == {}
    assert files == ["format", "as_of", *kinds.TABLES]
    assert data_file() == data_file(format=1, as_of=None, **{table: [] for table in kinds.TABLES})
    assert kinds.data_file_type() is data_file  # made once
    assert catalog - {kind.plural for kind in kinds.KINDS} == {"as_of", "files"}
    assert {kind.table: kind.record_type for kind in kinds.KINDS} == validation.RECORD_TYPES


def test_a_file_with_one_record_of_every_kind_loads_validates_and_caches(tmp_path: Path) -> None:
    path = tmp_path / "all.toml"
    path.write_text(ONE_OF_EACH, encoding="utf-8")
    assert ots("--no-bundled", "--data", str(path), "validate").code == 0
    loaded = store.load_files([path])
    for kind in kinds.KINDS:
        records = getattr(loaded, kind.plural)
        assert len(records) == 1 and getattr(loaded, kind.index) == {records[0].id: records[0]}, kind
    assert cache.decode_catalog(cache.encode_catalog(loaded)) == loaded


def test_every_reference_is_a_field_of_its_record_and_names_a_declared_kind() -> None:
    for kind in kinds.KINDS:
        for reference in kind.references:
            assert reference.target in kinds.BY_TABLE
            assert reference.field in {field.name for field in dataclasses.fields(kind.record_type)}


def test_an_unknown_table_is_told_the_declared_ones_in_order(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text("[[meeting]]\nid = 1\n", encoding="utf-8")
    run = ots("--no-bundled", "--data", str(path), "validate")
    assert run.err == (f"{path}:1: unknown table 'meeting'; expected one of format, as_of, source, organ, state, "
                       "city, event, claim\n")  # fmt: skip


def test_each_registry_has_its_commands_its_json_schema_and_its_site_section() -> None:
    from otscli.cli.lookups import REGISTRIES
    from otscli.cli.registry import COMMANDS
    from otscli.render.schema import COMMANDS as SCHEMA_COMMANDS
    from otscli.site.build import SECTIONS, TITLES

    assert [registry.kind for registry in REGISTRIES] == list(kinds.REGISTRIES)
    assert [kind.table for kind in kinds.REGISTRIES] == ["organ", "state", "city", "source"]
    for kind in kinds.REGISTRIES:
        assert {kind.table, kind.plural} <= set(COMMANDS) & set(SCHEMA_COMMANDS)
        assert kind.plural in SECTIONS and kind.table in TITLES
    assert [kind.table for kind in kinds.NAMED] == ["organ", "state", "city"]


# A run of quoted words, as a tuple, list or Literal writes them.
WORD_RUN = re.compile(r'"[a-z_]+"(?:\s*,\s*"[a-z_]+")+')
GROUPINGS = {"year", "kind"}  # `--by year|organ|city|state|kind` groups events; it lists no kinds of record


def test_no_module_but_kinds_spells_out_the_kinds() -> None:
    lists = [set(kinds.TABLES), {kind.plural for kind in kinds.KINDS}]
    for group in (kinds.REGISTRIES, kinds.NAMED):
        lists += [{kind.table for kind in group}, {kind.plural for kind in group}]
    found = []
    for path in sorted((ROOT / "src" / "otscli").rglob("*.py")):
        if path.name == "kinds.py":
            continue
        for run in WORD_RUN.finditer(path.read_text(encoding="utf-8")):
            words = set(re.findall(r'"([a-z_]+)"', run.group()))
            if any(listed <= words for listed in lists) and not words & GROUPINGS:
                found.append(f"{path.relative_to(ROOT)}: {run.group()}")
    assert found == []
