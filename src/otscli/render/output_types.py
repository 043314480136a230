"""The shapes of the `--json` outputs that are not records (counts, vocabularies, coverage, anniversaries, a
state's role): the JSON writers are typed by them, and `ots schema` is generated from them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads the fields of this one on Python 3.11

from otscli.models import Claim, Event, Organ

Positive = Annotated[int, Field(ge=1)]
NonNegative = Annotated[int, Field(ge=0)]


class Count(TypedDict):
    """`ots stats`: how many events share one value of the grouping."""

    key: Annotated[str | None, Field(description="The id, year or kind; null: none.")]
    label: str
    count: Positive


class VocabularyValue(TypedDict):
    value: str
    events: NonNegative


class Vocabularies(TypedDict):
    """`ots kinds`: each closed vocabulary of the filters, with how many events use each value."""

    kinds: list[VocabularyValue]
    statuses: list[VocabularyValue]
    tags: list[VocabularyValue]


class ClaimCheck(TypedDict):
    claim: Claim
    held: NonNegative
    met: bool


class Gap(TypedDict):
    format: str
    highest: Positive
    missing: list[Positive]
    missing_ranges: list[Annotated[list[Positive], Field(min_length=2, max_length=2)]]
    series: str
    kind: str


class OrganCoverage(TypedDict):
    """`ots coverage`: an organ's events in the record, the claims of the sources, and the numbers missing."""

    organ: Organ
    events: NonNegative
    first: Annotated[str | None, Field(description="Date of the first held event.")]
    last: Annotated[str | None, Field(description="Last day of the latest held event.")]
    claims: list[ClaimCheck]
    gaps: list[Gap]


class Anniversary(TypedDict):
    """`ots on-this-day`: an event that fell on this day, and how many years ago."""

    years_ago: Positive
    event: Event


class Role(TypedDict):
    """The state's part in the event: held there, and its standing in the organization that day."""

    host: bool
    status: Literal["founding-member", "member", "observer"] | None


# The definition name of each, in `ots schema`.
OUTPUT_TYPES: dict[str, type] = {
    "Count": Count,
    "Vocabularies": Vocabularies,
    "OrganCoverage": OrganCoverage,
    "Anniversary": Anniversary,
    "Role": Role,
}
