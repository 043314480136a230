"""Name folding (Turkish-aware), alias indexes and "did you mean" for organs, states and cities."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

from otscli.errors import UnknownName, UsageError

# Dotted and dotless i fold to plain i, so İstanbul = istanbul = ISTANBUL and Naxçıvan = naxcivan;
# Azerbaijani schwa folds to e (Azərbaycan = Azerbaycan). The rest is done by NFKD below.
_TURKIC_LETTERS = (("İ", "i"), ("I", "i"), ("ı", "i"), ("Ə", "e"), ("ə", "e"))
# Apostrophes go (O'zbekiston = Ozbekiston). Every other character that is not a letter or a digit separates
# words, "_" too, but for "+", which is kept: "OTS+" (a format of the organization) is not "OTS".
_APOSTROPHES = frozenset("'’ʻʼ`´")
# ASCII in one bytes.translate of the UTF-8 text: letters to lower case, digits and "+" kept, the rest a space;
# the bytes of other characters pass (those are dealt with first, by _plain_run).
_FOLD_BYTES = bytes(
    byte if byte >= 0x80 else ord(chr(byte).lower()) if chr(byte).isalnum() or byte == ord("+") else ord(" ")
    for byte in range(256)
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _plain_run(run: re.Match[str]) -> str:
    """Characters beyond ASCII, decomposed: letters and digits stay, accents and apostrophes go, the rest a space."""
    return "".join(
        "" if char in _APOSTROPHES or unicodedata.combining(char) else char if char.isalnum() else " "
        for char in run.group()
    )


def fold(text: str) -> str:
    """The key names are compared by: no case, no accents, words joined by one space."""
    if not text.isascii():
        for letter, plain in _TURKIC_LETTERS:  # str.replace: a dict for str.translate costs a lookup a character
            text = text.replace(letter, plain)
        decomposed = unicodedata.normalize("NFKD", text)
        text = _NON_ASCII_RUN.sub(_plain_run, decomposed).casefold()
    return " ".join(text.encode("utf-8").translate(_FOLD_BYTES, b"'`").decode("utf-8").split())


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...


class NameIndex:
    """Finds the id of a record from its id, name or any alias."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.ids_by_key: dict[str, str] = {}
        self.label_by_id: dict[str, str] = {}

    def add(self, record_id: str, name: str, aliases: Iterable[str]) -> list[str]:
        """Index one record; returns the names already taken by another record."""
        self.label_by_id[record_id] = name
        clashes = []
        for text in (record_id, name, *aliases):
            key = fold(text)
            if not key:
                continue
            owner = self.ids_by_key.setdefault(key, record_id)
            if owner != record_id:
                clashes.append(text)
        return clashes

    def find(self, query: str) -> str | None:
        return self.ids_by_key.get(fold(query))

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Up to `limit` display names close to the query, best first."""
        key = fold(query)
        close = difflib.get_close_matches(key, self.ids_by_key, n=limit * 4, cutoff=0.6)
        close += [other for other in self.ids_by_key if key and len(key) >= 3 and key in other]
        names: list[str] = []
        for match in close:
            label = self.label_by_id[self.ids_by_key[match]]
            if label not in names:
                names.append(label)
        return names[:limit]

    def resolve(self, query: str) -> str:
        """The id the query names; an unknown name is a UsageError with suggestions."""
        if not query.strip():
            raise UsageError(f"empty {self.what} name")
        found = self.find(query)
        if found is not None:
            return found
        raise UnknownName(self.what, query, self.suggest(query))


def build_index(what: str, records: Iterable[Named]) -> NameIndex:
    index = NameIndex(what)
    for record in records:
        index.add(record.id, record.name, record.aliases)
    return index
