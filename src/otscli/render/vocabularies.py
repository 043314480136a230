"""`ots kinds`: the closed vocabularies of the filters, with how many events use each value."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from otscli.models import KINDS, STATUSES, Catalog, kind_label

if TYPE_CHECKING:
    from otscli.render.drawing import Canvas, Drawing
    from otscli.render.output_types import Vocabularies, VocabularyValue


def collect(catalog: Catalog) -> Vocabularies:
    """Each vocabulary as [{"value", "events"}], most used first; every kind and status, used or not."""

    def counted(counts: Counter[str], every: tuple[str, ...] = ()) -> list[VocabularyValue]:
        values = sorted({*every, *counts}, key=lambda value: (-counts[value], value))
        return [{"value": value, "events": counts[value]} for value in values]

    labels = Counter(kind_label(event.kind, event.format) for event in catalog.events)
    return {
        "kinds": counted(labels, KINDS),
        "statuses": counted(Counter(event.status for event in catalog.events), STATUSES),
        "tags": counted(Counter(tag for event in catalog.events for tag in event.tags)),
    }


def drawing(found: Vocabularies, canvas: Canvas) -> Drawing:
    from otscli.render.tables import table

    listed = {"kinds": found["kinds"], "statuses": found["statuses"], "tags": found["tags"]}
    rows = [(name, item["value"], str(item["events"])) for name, items in listed.items() for item in items]
    return table(("Filter", "Value", "Events"), rows, canvas)
