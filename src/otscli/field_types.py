"""The checked field types of the records (one-line text, prose, addresses, ids, language tags, ordinals,
coordinates): `Annotated` markers that pydantic reads when it validates (otscli.validation), and that cost
nothing when it does not."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, NamedTuple

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 and C1 controls (Unicode category Cc) and the bidirectional controls; prose may hold newlines and tabs.
_FORBIDDEN_IN_LINE = f"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}]"
_FORBIDDEN_IN_PROSE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]"
# Characters that print as nothing, so that "Ba\u200bku" would look like Baku: zero-width and joiner
# characters, the byte-order mark, the soft hyphen, line and paragraph separators, tag characters and
# the rest of Unicode's format category. Prose may keep the joiners that some scripts need.
# Blank letters and marks that Python counts as printable: the combining grapheme joiner, the Hangul fillers,
# the variation selectors (Mongolian, standard and supplementary) and the braille blank.
_BLANK_PRINTABLE = "\u034f\u115f\u1160\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef"
# Every character of Unicode's format category (Cf) as of Unicode 14, less the bidi controls refused above.
_FORMAT = ("\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff"
           "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
           "\U000e0001\U000e0020-\U000e007f")  # fmt: skip
_INVISIBLE = f"[{_FORMAT}{_BLANK_PRINTABLE}\u2028\u2029]"
_INVISIBLE_IN_PROSE = _INVISIBLE.replace("\u200b-\u200d", "\u200b")  # prose keeps the joiners some scripts need
_blank_printable: re.Pattern[str] | None = None


def _blank(text: str) -> re.Match[str] | None:
    global _blank_printable
    if _blank_printable is None:
        _blank_printable = re.compile(f"[{_BLANK_PRINTABLE}]")
    return _blank_printable.search(text)


def _forbid_control_characters(text: str, allow_newlines: bool) -> str:
    if text.isprintable() and not _blank(text):  # str.isprintable refuses the categories looked for below
        return text
    found = re.search(_FORBIDDEN_IN_PROSE if allow_newlines else _FORBIDDEN_IN_LINE, text)
    if found is not None:
        char, position = found.group(), found.start()
        what = "bidirectional control character" if char in _BIDI_CONTROLS else "control character"
        raise ValueError(f"{what} U+{ord(char):04X} at position {position}")
    found = re.search("[\ud800-\udfff]", text)
    if found is not None:
        raise ValueError(f"bytes that are not valid UTF-8 at position {found.start()}")
    found = re.search(_INVISIBLE_IN_PROSE if allow_newlines else _INVISIBLE, text)
    if found is not None:
        raise ValueError(f"invisible character U+{ord(found.group()):04X} at position {found.start()}")
    return text


def _check_line(text: str) -> str:
    if text.isprintable() and text.strip() and not _blank(text):  # the common case
        return text
    if not text.strip():
        raise ValueError("must not be empty")
    return _forbid_control_characters(text, allow_newlines=False)


def _check_prose(text: str) -> str:
    return _forbid_control_characters(text, allow_newlines=True)


def _check_url(text: str) -> str:
    if not re.fullmatch(r"https?://\S+", text):
        raise ValueError(f"{text!r} is not an http(s) address")
    return _check_line(text)


class Rules(NamedTuple):
    """`Annotated` metadata for pydantic: constraints merged into the type's own schema, then a check."""

    constraints: tuple[tuple[str, object], ...] = ()
    check: Callable[[str], str] | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        schema = {**handler(source), **dict(self.constraints)}
        if self.check is None:
            return schema
        return core_schema.no_info_after_validator_function(self.check, schema)


def rules(check: Callable[[str], str] | None = None, **constraints: object) -> Rules:
    return Rules(tuple(constraints.items()), check)


# TOML gives no bytes, so a lax string would be a strict one; booleans and integers must not be coerced.
Line = Annotated[str, rules(_check_line, strict=True)]
Prose = Annotated[str, rules(_check_prose, strict=True)]
Url = Annotated[str, rules(_check_url, strict=True)]
ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
Id = Annotated[str, rules(pattern=ID_REGEX, max_length=120, strict=True)]
# A BCP 47 tag of the common shape: a lowercase language, then optionally a script and a region ("en", "uz-Cyrl",
# "pt-BR", "es-419"); citation managers and pandoc read these, and a typo such as "EN" or "english" is refused.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
Language = Annotated[str, rules(pattern=LANGUAGE_PATTERN, strict=True)]
Flag = Annotated[bool, rules(strict=True)]
MAX_ORDINAL = 9999  # the 42nd session is the longest series so far; a bound keeps gaps in a series small
Ordinal = Annotated[int, rules(ge=1, le=MAX_ORDINAL, strict=True)]

Latitude = Annotated[float, rules(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, rules(ge=-180, le=180, allow_inf_nan=False)]
Count = Annotated[int, rules(ge=0, strict=True)]
