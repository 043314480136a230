"""The JSON Schema (draft 2020-12) of every `--json` output, generated from the models and from the shapes of
the other outputs (render/output_types.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from otscli.kinds import REGISTRIES

if TYPE_CHECKING:
    from otscli.kinds import Kind

SCHEMA_ID = "urn:otscli:json-output:1"

# Which definition each command's --json output follows.
COMMANDS = {
    "timeline": "events",
    "list": "events",
    "next": "events",
    "search": "events",
    "show": "event_page",
    **{
        command: name
        for kind in REGISTRIES
        for command, name in ((kind.table, f"{kind.table}_page"), (kind.plural, kind.plural))
    },
    "stats": "counts",
    "on-this-day": "anniversaries",
    "coverage": "coverage",
    "kinds": "vocabularies",
    "validate": "problems",
}


DERIVED_EVENT_KEYS: dict[str, dict[str, Any]] = {
    "overdue": {
        "type": "boolean",
        "description": "A planned event whose last possible day is before today, with no report of it in the record.",
    },
    "origin": {
        "type": "string",
        "minLength": 1,
        "description": 'Where the event was read from: "bundled" (the record shipped with ots), or the path of one '
        "of your own data files as it was named (your data file, OTS_DATA, --data).",
    },
}


def output_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from otscli.kinds import TABLES
    from otscli.render.output_types import OUTPUT_TYPES
    from otscli.validation import RECORD_TYPES, adapter

    def ref(name: str) -> dict[str, str]:
        return {"$ref": f"#/$defs/{name}"}

    def array_of(name: str) -> dict[str, Any]:
        return {"type": "array", "items": ref(name)}

    def page(key: str, record: str, items: str) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {key: ref(record), items: array_of("Source" if items == "sources" else "Event")},
            "required": [key, items],
            "additionalProperties": False,
        }

    def registry_outputs(kind: Kind) -> list[tuple[str, dict[str, Any]]]:
        """`ots organs` and `ots organ NAME`, and so on for each registry."""
        record = kind.record_type.__name__
        one = page(kind.table, record, "events")
        if kind.table == "state":  # each event with the state's role in it
            one["properties"]["events"] = array_of("StateEvent")
        return [(kind.plural, array_of(record)), (f"{kind.table}_page", one)]

    event_page = page("event", "Event", "sources")
    event_page["properties"].update(parts=array_of("Event"), part_of={"anyOf": [ref("Event"), {"type": "null"}]})
    event_page["required"] += ["parts", "part_of"]

    records = {}
    for model in RECORD_TYPES.values():
        generated = adapter(model).json_schema(mode="serialization", ref_template="#/$defs/{model}")
        records.update(generated.pop("$defs", {}))
        records[model.__name__] = generated
    for name, shape in OUTPUT_TYPES.items():  # the shapes of the outputs that are not records
        generated = TypeAdapter(shape).json_schema(mode="serialization", ref_template="#/$defs/{model}")
        for nested, definition in generated.pop("$defs", {}).items():
            records.setdefault(nested, definition)
        records[name] = generated
    records["Problem"] = {
        "type": "object",
        "title": "Problem",
        "description": "A problem in the data files, as `ots validate` prints it on stderr.",
        "properties": {
            "file": {"type": "string"},
            "line": {"type": ["integer", "null"], "minimum": 1},
            "table": {"enum": [*TABLES, None], "description": "The kind of the record; null: none."},
            "id": {"type": ["string", "null"], "description": "The record's id; null: it has none."},
            "field": {"type": ["string", "null"], "description": "The key, dotted when nested."},
            "message": {"type": "string"},
        },
        "required": ["file", "line", "table", "id", "field", "message"],
    }
    for definition in records.values():
        if definition.get("type") == "object":
            definition["additionalProperties"] = False
    for name, derived in DERIVED_EVENT_KEYS.items():  # worked out from the record and today, not stored
        records["Event"]["properties"][name] = derived
        records["Event"]["required"].append(name)
    records["StateEvent"] = {**records["Event"], "title": "StateEvent",
                             "properties": {**records["Event"]["properties"], "role": ref("Role")},
                             "required": [*records["Event"]["required"], "role"]}  # fmt: skip
    # With --fields, each event holds exactly the fields named, in that order: any of the keys, none required.
    records["EventFields"] = {"type": "object", "title": "EventFields", "properties": records["Event"]["properties"],
                              "minProperties": 1, "additionalProperties": False}  # fmt: skip
    outputs = {
        "events": array_of("Event"),
        "events_with_fields": array_of("EventFields"),
        "event_page": event_page,
        **{name: definition for kind in REGISTRIES for name, definition in registry_outputs(kind)},
        "counts": array_of("Count"),
        "vocabularies": ref("Vocabularies"),
        "coverage": array_of("OrganCoverage"),
        "anniversaries": array_of("Anniversary"),
        "problems": array_of("Problem"),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ots --json output",
        "description": "Each command's --json output is one of the definitions; x-commands says which.",
        "x-commands": {command: f"#/$defs/{name}" for command, name in COMMANDS.items()},
        "x-fields": "#/$defs/events_with_fields",  # timeline, list, search, next and export with --fields
        "anyOf": [ref(name) for name in outputs],
        "$defs": {**outputs, **dict(sorted(records.items()))},
    }
