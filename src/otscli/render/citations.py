"""Sources as citations: CSL-JSON (Zotero, pandoc), BibTeX (LaTeX), and `ots cite` for one event."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from otscli.models import Catalog, Event, Source
from otscli.render.describe import place

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# BibTeX counts braces whether or not a backslash precedes them, so braces become commands with balanced ones.
_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&",
                  "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}"}  # fmt: skip
# biblatex's `langid` takes the language names of babel and polyglossia, not BCP 47 tags; a language without a
# name here gets no langid rather than a guessed one (biblatex would stop on an unknown language).
_BIBLATEX_LANGUAGES = {"ar": "arabic", "az": "azerbaijani", "ba": "bashkir", "de": "german", "en": "english",
                       "es": "spanish", "fa": "persian", "fr": "french", "hu": "hungarian", "hy": "armenian",
                       "it": "italian", "kk": "kazakh", "ky": "kyrgyz", "pl": "polish", "ru": "russian",
                       "tk": "turkmen", "tr": "turkish", "tt": "tatar", "uk": "ukrainian", "uz": "uzbek"}  # fmt: skip
RECORD_LANGUAGE = "en"  # the record's own entries: titles and notes written in English


def cited_sources(events: Sequence[Event], catalog: Catalog) -> list[Source]:
    """The sources the events cite, each once, in the order first cited."""
    ids = dict.fromkeys(source_id for event in events for source_id in event.sources)
    return [catalog.source_by_id[source_id] for source_id in ids]


def person(name: str) -> dict[str, str]:
    """A CSL name: "Ali Furkan Tokgöz" -> given "Ali Furkan", family "Tokgöz"."""
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def csl_item(source: Source) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": source.id,
        "type": "entry-encyclopedia" if source.publisher == "Wikipedia" else "webpage",
        "title": source.title,
    }
    if source.language:  # CSL styles change the case of titles only in English ones
        item["language"] = source.language
    if source.author:
        item["author"] = [person(source.author)]
    if source.publisher:  # not also as container-title: styles would print the name twice
        item["publisher"] = source.publisher
    if source.date:
        parts = [source.date.year, source.date.month, source.date.day]
        item["issued"] = {"date-parts": [[part for part in parts if part is not None]]}
    if source.url:
        item["URL"] = source.url
    if source.note:
        item["note"] = source.note
    return item


def export_csl_json(events: Sequence[Event], catalog: Catalog) -> str:
    from otscli.render.indented import dumps

    return dumps([csl_item(source) for source in cited_sources(events, catalog)]) + "\n"


def latex(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(char, char) for char in " ".join(text.split()))


def balanced(value: str) -> bool:
    """Whether every brace in `value` closes, as BibTeX counts them (a backslash does not escape a brace)."""
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def biblatex_language(tag: str) -> str | None:
    """The babel/polyglossia name for a BCP 47 tag, by its language subtag: "uz-Cyrl" -> "uzbek"."""
    return _BIBLATEX_LANGUAGES.get(tag.partition("-")[0])


def bibtex_entry(source: Source) -> str:
    fields = [("title", "{" + latex(source.title) + "}")]
    if source.author:
        given, _, family = source.author.rpartition(" ")
        fields.append(("author", latex(f"{family}, {given}" if given else source.author)))
    if source.publisher:  # biblatex drops `organization` on @misc; braces keep "… and …" one name
        publisher = latex(source.publisher)
        fields.append(("publisher", "{" + publisher + "}" if re.search(r"\band\b", publisher) else publisher))
    if source.date:
        fields.append(("year", str(source.date.year)))
        if source.date.month:
            fields.append(("month", _MONTHS[source.date.month - 1]))
        fields.append(("date", str(source.date)))
    if source.url:
        fields.append(("url", source.url.replace("{", "%7B").replace("}", "%7D")))  # once: the styles print it
    langid = biblatex_language(source.language) if source.language else None
    if langid:
        fields.append(("langid", langid))
    unbalanced = [name for name, value in fields if not balanced(value)]
    if unbalanced:  # the escaping above makes this impossible; never write an entry that would swallow the next
        raise ValueError(f"source {source.id}: unbalanced braces in {', '.join(unbalanced)}")
    key = re.sub(r"[^A-Za-z0-9:_.-]", "-", source.id)
    body = ",\n".join(f"  {name} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def export_bibtex(events: Sequence[Event], catalog: Catalog) -> str:
    return "\n".join(bibtex_entry(source) for source in cited_sources(events, catalog))


def reference(source: Source, markdown: bool = False) -> str:
    """ "Publisher (2024-07-26). Title. URL" in the way of author–date styles; Markdown links the title."""
    who = source.author or source.publisher or "Anonymous"
    when = f" ({source.date})" if source.date else " (n.d.)"
    title = source.title
    if markdown:
        from otscli.render.markdown import escape, link_destination

        title = escape(title)
        title = f"[{title}]({link_destination(source.url)})" if source.url else f"*{title}*"
        publisher = f" {escape(source.publisher)}." if source.author and source.publisher else ""
        return f"{escape(who)}{when}. {title}.{publisher}"
    tail = f" {source.publisher}." if source.author and source.publisher else ""
    return f"{who}{when}. {title}.{tail}" + (f" {source.url}" if source.url else "")


RECORD_NAME = "ots: the record of the Organization of Turkic States"


def record_reference(event: Event, catalog: Catalog) -> str:
    """The record's own entry for the event, as a work to cite: its title, the day the record was checked to,
    and where the entry is (its id in the bundled data file)."""
    as_of = f", as of {catalog.as_of}" if catalog.as_of is not None else ""
    return f"{RECORD_NAME}{as_of}. Entry {event.id}, {event.title}. data/events.toml."


def record_csl_item(event: Event, catalog: Catalog) -> dict[str, Any]:
    where = f"Entry {event.id} in data/events.toml"
    item: dict[str, Any] = {
        "id": f"ots-{event.id}",
        "type": "dataset",
        "title": event.title,
        "container-title": RECORD_NAME,
        "note": where,
        "language": RECORD_LANGUAGE,
    }
    if catalog.as_of is not None:
        item["issued"] = {"date-parts": [[catalog.as_of.year, catalog.as_of.month, catalog.as_of.day]]}
    return item


def record_bibtex_entry(event: Event, catalog: Catalog) -> str:
    fields = [("title", "{" + latex(event.title) + "}"), ("organization", latex(RECORD_NAME)),
              ("note", latex(f"Entry {event.id} in data/events.toml"))]  # fmt: skip
    fields.append(("langid", _BIBLATEX_LANGUAGES[RECORD_LANGUAGE]))
    if catalog.as_of is not None:
        fields += [("year", str(catalog.as_of.year)), ("date", str(catalog.as_of))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{ots-{event.id},\n{body}\n}}\n"


def ris(event: Event, catalog: Catalog, sources: Sequence[Source]) -> str:
    """RIS (Zotero, EndNote, Mendeley): the record's entry, then each source, CRLF lines."""
    entry = [("TY", "DATA"), ("TI", event.title), ("T2", RECORD_NAME), ("N1", f"Entry {event.id} in data/events.toml"),
             ("LA", RECORD_LANGUAGE)]  # fmt: skip
    entry += [("DA", str(catalog.as_of).replace("-", "/"))] if catalog.as_of is not None else []
    records = [[*entry, ("ID", f"ots-{event.id}")]]
    for source in sources:
        lines = [("TY", "ELEC"), ("TI", source.title)]
        lines += [("AU", source.author)] if source.author else []
        lines += [("PB", source.publisher)] if source.publisher else []
        lines += [("DA", str(source.date).replace("-", "/"))] if source.date else []
        lines += [("UR", source.url)] if source.url else []
        lines += [("LA", source.language)] if source.language else []
        records.append([*lines, ("ID", source.id)])
    return "".join("".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines) + "ER  - \r\n\r\n"
                   for lines in records)  # fmt: skip


def cite(event: Event, catalog: Catalog, style: str) -> str:
    """One event: the record's own entry for it, then its sources, as plain text, Markdown, BibTeX, CSL-JSON or
    RIS, ready to paste."""
    sources = catalog.sources_of(event)
    if style == "bibtex":
        return "\n".join([record_bibtex_entry(event, catalog), *(bibtex_entry(source) for source in sources)])
    if style == "csl-json":
        from otscli.render.indented import dumps

        return dumps([record_csl_item(event, catalog), *(csl_item(source) for source in sources)]) + "\n"
    if style == "ris":
        return ris(event, catalog, sources)
    where = place(event, catalog)
    headline = f"{event.title} ({event.display_date}{', ' + where if where else ''})"
    if style == "markdown":
        from otscli.render.markdown import escape

        lines = [f"**{escape(headline)}**", "", f"- {escape(record_reference(event, catalog))}",
                 *(f"- {reference(source, markdown=True)}" for source in sources)]  # fmt: skip
        return "\n".join(lines) + "\n"
    lines = [headline, f"  [0] {record_reference(event, catalog)}",
             *(f"  [{number}] {reference(source)}" for number, source in enumerate(sources, 1))]  # fmt: skip
    return "\n".join(lines) + "\n"
