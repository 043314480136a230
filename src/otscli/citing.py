"""A source named on `ots add` by its address: the source the record already has for that address, else a new
[[source]] whose id is made as the record's ids are (site, date, title: `astanatimes-2025-05-27-central-banks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from otscli.errors import UsageError, printable
from otscli.models import Catalog, Source

# Second-level names under a country's domain that say what kind of site it is, not whose: mfa.gov.tr is "mfa".
GENERIC_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})


@dataclass(frozen=True)
class SourceDraft:
    """A source as the user gave it on the command line: an address, and what to record if it is new."""

    url: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None

    def choose(self, catalog: Catalog) -> tuple[Source, bool]:
        """The known source with this address (reused as it is), else a new one; and whether it is new."""
        wanted = same_address(self.url)
        for source in catalog.sources:
            if source.url is not None and same_address(source.url) == wanted:
                return source, False
        return self.new_source(catalog), True

    def new_source(self, catalog: Catalog) -> Source:
        from pydantic import ValidationError

        from otscli import validation
        from otscli.criteria import parse_date

        if not self.title:
            raise UsageError(f"add: no source has the address {printable(self.url)!r} yet; give --source-title too")
        fields: dict[str, Any] = {"url": self.url, "title": self.title}
        date = parse_date("source-date", self.date) if self.date is not None else None
        if date is not None:
            fields["date"] = str(date)
        if self.publisher is not None:
            fields["publisher"] = self.publisher
        fields["id"] = free_id(source_id(self.url, fields.get("date"), self.title), catalog)
        try:
            source: Source = validation.adapter(Source).validate_python(fields)
        except ValidationError as error:
            first = error.errors()[0]
            where = "--source-" + str(first["loc"][0]) if first["loc"] else "--source-url"
            raise UsageError(f"add: {where}: {printable(str(first['msg']).removeprefix('Value error, '))}") from None
        return source


def same_address(url: str) -> str:
    """An address as compared with the record's: scheme and host in lower case, no trailing slash on the path."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment))


def site_name(url: str) -> str:
    """The name a site goes by in the record's ids: en.inform.kz is "inform", www.mfa.gov.tr "mfa", 24.kg "24"."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    labels = [label for label in host.split(".") if label and label != "www"]
    if len(labels) > 2 and labels[-2] in GENERIC_SECOND_LEVEL:
        labels = labels[:-2]
    elif len(labels) > 1:
        labels = labels[:-1]
    return re.sub(r"[^a-z0-9]+", "-", labels[-1] if labels else "source").strip("-") or "source"


def source_id(url: str, date: str | None, title: str) -> str:
    """`<site>-<date>-<title as a slug>`, as the record's sources are named; without a date, `<site>-<title>`."""
    from otscli.append import default_id

    named = default_id(date or "", title).lstrip("-")
    return f"{site_name(url)}-{named}".rstrip("-")


def free_id(wanted: str, catalog: Catalog) -> str:
    """`wanted`, or with -2, -3, ... after it when a source already has that id."""
    taken = set(catalog.source_by_id)
    number = 2
    chosen = wanted
    while chosen in taken:
        chosen = f"{wanted}-{number}"
        number += 1
    return chosen
