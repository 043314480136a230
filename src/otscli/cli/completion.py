"""Shell completion of names from the data."""

from __future__ import annotations

from collections.abc import Callable

from otscli.errors import OtsError


def completions(table: str) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion from the data: ids, names and aliases that start like what was typed (in any case or
    accent), completed from the typed prefix so the shell keeps them; quiet when the data does not load."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        from otscli import store
        from otscli.names import fold

        try:
            catalog = store.load()
        except OtsError:
            return []
        wanted, size = fold(incomplete), len(incomplete)
        found = []
        for record in getattr(catalog, table):
            label = getattr(record, "name", None) or record.title
            texts = [record.id, label, *getattr(record, "aliases", [])]
            match = next((text for text in texts if fold(text[:size]) == wanted), None)
            if match is not None:
                found.append((incomplete + match[size:], label))
        return found

    return complete
