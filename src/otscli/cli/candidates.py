"""Shell completion: names from the data, and the closed vocabularies of options, in their own spelling and
quoted as the shell needs (bash is given backslash escapes; zsh and fish quote what they insert)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

from otscli.errors import OtsError

Candidates = Callable[[str], list[tuple[str, str]]]


def shell_word(value: str) -> str:
    """`value` as bash must see it to insert one word: spaces and shell characters escaped."""
    if not os.environ.get("_OTS_COMPLETE", "").endswith("bash"):
        return value
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value)


def completions(table: str) -> Candidates:
    """Ids, names and aliases of the data that start like what was typed (in any case or accent), each in its
    own spelling; quiet when the data does not load."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        from otscli import store

        try:
            catalog = store.load()
        except OtsError:
            return []
        found: list[tuple[int, str, str]] = []
        for record in getattr(catalog, table):
            label = getattr(record, "name", None) or record.title
            texts = [record.id, label, *getattr(record, "aliases", [])]
            matches = [(closeness, text) for text in texts if (closeness := how_close(text, incomplete)) is not None]
            if matches:
                closeness, text = min(matches, key=lambda match: match[0])
                found.append((closeness, text, label))
        return [(shell_word(text), label) for text, label in insertable(found, incomplete)]

    return complete


EXACT, ANY_CASE, FOLDED = 0, 1, 2


def how_close(text: str, typed: str) -> int | None:
    """How `text` starts like `typed`: as typed, in another case, or only with accents and case folded away."""
    from otscli.names import fold

    if text.startswith(typed):
        return EXACT
    if text.casefold().startswith(typed.casefold()):
        return ANY_CASE
    return FOLDED if fold(text).startswith(fold(typed)) else None


def insertable(found: Sequence[tuple[int, str, str]], typed: str) -> list[tuple[str, str]]:
    """The texts (with their labels) that a shell may put in place of `typed`. A shell replaces the typed word
    with what all candidates share, so candidates that share less than was typed would erase it ("Türk" offered
    Türkiye and Turkmenistan becomes "T"): the loosest matches are kept only while they share all that was
    typed, else the closer ones alone."""
    from otscli.names import fold

    for loosest in (FOLDED, ANY_CASE):
        kept = [(text, label) for closeness, text, label in found if closeness <= loosest]
        shared = os.path.commonprefix([text for text, _ in kept])  # noqa: RUF071 - the shell compares characters
        if len(kept) <= 1 or fold(shared).startswith(fold(typed)):
            return kept
    return [(text, label) for closeness, text, label in found if closeness == EXACT]


def choices(values: Sequence[str] | Callable[[], Sequence[str]]) -> Candidates:
    """A closed vocabulary: the values that start like what was typed (any case)."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        listed = values() if callable(values) else values
        return [(shell_word(value), "") for value in listed if value.lower().startswith(incomplete.lower())]

    return complete


def statuses() -> Sequence[str]:
    from otscli.models import STATUSES

    return STATUSES


def groupings() -> Sequence[str]:
    from otscli.counting import GROUPINGS

    return GROUPINGS


def colour_choices() -> Sequence[str]:
    from otscli.render.display import COLOUR_CHOICES

    return list(COLOUR_CHOICES)


def citation_styles() -> Sequence[str]:
    from otscli.cli.reports import CITATION_STYLES

    return CITATION_STYLES


def tags() -> list[str]:
    """The tags the record's events carry; none when the data does not load."""
    from otscli import store

    try:
        catalog = store.load()
    except OtsError:
        return []
    return sorted({tag for event in catalog.events for tag in event.tags})


def publishers() -> list[str]:
    """The publishers of the record's sources, for a new source of one of them; none when the data does not load."""
    from otscli import store

    try:
        catalog = store.load()
    except OtsError:
        return []
    return sorted({source.publisher for source in catalog.sources if source.publisher})


def kind_labels() -> list[str]:
    from otscli.models import KIND_LABELS

    return list(KIND_LABELS)


def export_formats() -> list[str]:
    from otscli.render.exports import EXPORTERS

    return list(EXPORTERS)
