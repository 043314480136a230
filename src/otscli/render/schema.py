"""The JSON Schema (draft 2020-12) of every `--json` output, generated from the models."""

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


ROLE: dict[str, Any] = {
    "type": "object",
    "description": "The state's part in the event: held there, and its standing in the organization that day.",
    "properties": {
        "host": {"type": "boolean"},
        "status": {"enum": ["founding-member", "member", "observer", None]},
    },
    "required": ["host", "status"],
    "additionalProperties": False,
}


def output_schema() -> dict[str, Any]:
    from otscli.models import City, Claim, Event, Organ, Source, State
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
    for definition in records.values():
        if definition.get("type") == "object":
            definition["additionalProperties"] = False
    for name, derived in DERIVED_EVENT_KEYS.items():  # worked out from the record and today, not stored
        records["Event"]["properties"][name] = derived
        records["Event"]["required"].append(name)
    records["StateEvent"] = {**records["Event"], "title": "StateEvent",
                             "properties": {**records["Event"]["properties"], "role": ROLE},
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
        "counts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "key": {"type": ["string", "null"], "description": "The id, year or kind; null: none."},
                    "label": {"type": "string"},
                    "count": {"type": "integer", "minimum": 1},
                },
                "required": ["key", "label", "count"],
                "additionalProperties": False,
            },
        },
        "vocabularies": {
            "type": "object",
            "properties": {
                name: {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"value": {"type": "string"}, "events": {"type": "integer", "minimum": 0}},
                        "required": ["value", "events"],
                        "additionalProperties": False,
                    },
                }
                for name in ("kinds", "statuses", "tags")
            },
            "required": ["kinds", "statuses", "tags"],
            "additionalProperties": False,
        },
        "coverage": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "organ": ref("Organ"),
                    "events": {"type": "integer", "minimum": 0},
                    "first": {"type": ["string", "null"], "description": "Date of the first held event."},
                    "last": {"type": ["string", "null"], "description": "Last day of the latest held event."},
                    "claims": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "claim": ref("Claim"),
                                "held": {"type": "integer", "minimum": 0},
                                "met": {"type": "boolean"},
                            },
                            "required": ["claim", "held", "met"],
                            "additionalProperties": False,
                        },
                    },
                    "gaps": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "format": {"type": "string"},
                                "highest": {"type": "integer", "minimum": 1},
                                "missing": {"type": "array", "items": {"type": "integer", "minimum": 1}},
                                "series": {"type": "string"},
                                "kind": {"type": "string"},
                                "missing_ranges": {
                                    "type": "array",
                                    "items": {
                                        "type": "array",
                                        "items": {"type": "integer", "minimum": 1},
                                        "minItems": 2,
                                        "maxItems": 2,
                                    },
                                },
                            },
                            "required": ["format", "highest", "missing", "missing_ranges", "series", "kind"],
                            "additionalProperties": False,
                        },
                    },
                },
                "required": ["organ", "events", "first", "last", "claims", "gaps"],
                "additionalProperties": False,
            },
        },
        "anniversaries": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"years_ago": {"type": "integer", "minimum": 1}, "event": ref("Event")},
                "required": ["years_ago", "event"],
                "additionalProperties": False,
            },
        },
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
