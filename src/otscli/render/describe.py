"""Short descriptions of events and records for people: place, organs, membership. No rich."""

from __future__ import annotations

from collections.abc import Sequence

from otscli.models import Catalog, City, Event, Membership, State
from otscli.models import kind_label as models_kind_label


def place(event: Event, catalog: Catalog) -> str:
    """ "Astana, Kazakhstan", "online", "Baku, Azerbaijan and online", or ""."""
    city = catalog.city_by_id.get(event.city or "")
    where = city_label(city, catalog) if city else ""
    if event.online:
        return f"{where} and online" if where else "online"
    return where


def city_label(city: City, catalog: Catalog) -> str:
    state = catalog.state_by_id.get(city.state)
    return f"{city.name}, {state.name}" if state else city.name


def organ_names(event: Event, catalog: Catalog) -> str:
    return ", ".join(catalog.organ_by_id[organ_id].name for organ_id in event.organs)


def state_names(ids: Sequence[str], catalog: Catalog) -> str:
    return ", ".join(catalog.state_by_id[state_id].name for state_id in ids)


def kind_label(event: Event) -> str:
    """ "summit", "informal summit", "meeting no. 3"."""
    label = models_kind_label(event.kind, event.format)
    return f"{label} no. {event.number}" if event.number else label


def membership_line(entry: Membership) -> str:
    span = (
        f"since {entry.since.display()}"
        if entry.until is None
        else f"{entry.since.display()} – {entry.until.display()}"
    )
    return f"{entry.status.replace('-', ' ')} {span}"


def status_label(event: Event, catalog: Catalog) -> str:
    """The status as recorded; a plan whose last possible day has passed says so and claims no more than the
    record holds: "planned · date passed, no report as of 2026-03-16" (the day the record was checked to)."""
    if not event.overdue:
        return event.status
    checked = f" as of {catalog.as_of}" if catalog.as_of is not None else ""
    return f"planned · date passed, no report{checked}"


def overdue_sentence(event: Event, catalog: Catalog) -> str:
    """The same fact as a sentence, for calendars and pages: "" unless the plan is overdue."""
    if not event.overdue:
        return ""
    checked = f" (checked up to {catalog.as_of})" if catalog.as_of is not None else ""
    return f"Planned; its date has passed and the record holds no report that it took place{checked}."


def provenance(catalog: Catalog) -> str:
    """One sentence on what an output rests on: the day the record was checked to, and the user's own files
    (every data file read besides the bundled record: the user file, OTS_DATA, --data)."""
    from otscli.errors import printable
    from otscli.paths import bundled_path

    bundled = printable(str(bundled_path()))
    own = [name for name in catalog.files if name != bundled]
    if bundled not in catalog.files:
        checked = f" (as of {catalog.as_of})" if catalog.as_of is not None else ""
        return f"From your own files only{checked}: {', '.join(own)}." if own else "No data files were read."
    said = f"Record as of {catalog.as_of}" if catalog.as_of is not None else 'Record with no "as of" date'
    return said + (f", with events from your own files: {', '.join(own)}." if own else ".")


def current_status(state: State) -> str:
    current = [entry for entry in state.membership if entry.until is None]
    return current[-1].status.replace("-", " ") if current else "—"
