"""The JSON Schema (draft 2020-12) of every `--json` output, generated from the models and from the shapes of
the other outputs (render/output_types.py)."""

from __future__ import annotations

from typing import Any

SCHEMA_ID = "urn:otscli:json-output:1"

# Which definition each command's --json output follows.
COMMANDS = {
    "timeline": "events",
    "list": "events",
    "next": "events",
    "search": "events",
    "show": "event_page",
    "organ": "organ_page",
    "organs": "organs",
    "state": "state_page",
    "states": "states",
    "city": "city_page",
    "cities": "cities",
    "source": "source_page",
    "sources": "sources",
    "stats": "counts",
    "on-this-day": "anniversaries",
    "coverage": "coverage",
    "kinds": "vocabularies",
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

    from otscli.models import City, Claim, Event, Organ, Source, State
    from otscli.render.output_types import OUTPUT_TYPES
    from otscli.validation import adapter

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

    state_page = page("state", "State", "events")
    state_page["properties"]["events"] = array_of("StateEvent")
    event_page = page("event", "Event", "sources")
    event_page["properties"].update(parts=array_of("Event"), part_of={"anyOf": [ref("Event"), {"type": "null"}]})
    event_page["required"] += ["parts", "part_of"]

    records = {}
    for model in (Event, Organ, State, City, Source, Claim):
        generated = adapter(model).json_schema(mode="serialization", ref_template="#/$defs/{model}")
        records.update(generated.pop("$defs", {}))
        records[model.__name__] = generated
    for name, shape in OUTPUT_TYPES.items():  # the shapes of the outputs that are not records
        generated = TypeAdapter(shape).json_schema(mode="serialization", ref_template="#/$defs/{model}")
        for nested, definition in generated.pop("$defs", {}).items():
            records.setdefault(nested, definition)
        records[name] = generated
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
        "organs": array_of("Organ"),
        "organ_page": page("organ", "Organ", "events"),
        "states": array_of("State"),
        "state_page": state_page,
        "cities": array_of("City"),
        "city_page": page("city", "City", "events"),
        "sources": array_of("Source"),
        "source_page": page("source", "Source", "events"),
        "counts": array_of("Count"),
        "vocabularies": ref("Vocabularies"),
        "coverage": array_of("OrganCoverage"),
        "anniversaries": array_of("Anniversary"),
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
