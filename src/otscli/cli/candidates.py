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
        from otscli.names import fold

        try:
            catalog = store.load()
        except OtsError:
            return []
        wanted, found = fold(incomplete), []
        for record in getattr(catalog, table):
            label = getattr(record, "name", None) or record.title
            texts = [record.id, label, *getattr(record, "aliases", [])]
            match = next((text for text in texts if fold(text).startswith(wanted)), None)
            if match is not None:
                found.append((shell_word(match), label))
        return found

    return complete


def choices(values: Sequence[str] | Callable[[], Sequence[str]]) -> Candidates:
    """A closed vocabulary: the values that start like what was typed (any case)."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        listed = values() if callable(values) else values
        return [(shell_word(value), "") for value in listed if value.lower().startswith(incomplete.lower())]

    return complete


def kind_labels() -> list[str]:
    from otscli.models import KIND_LABELS

    return list(KIND_LABELS)


def export_formats() -> list[str]:
    from otscli.render.exports import EXPORTERS

    return list(EXPORTERS)
