"""What the global options chose for drawing: colour and paging, made once a run and handed to what draws."""

from typing import Literal, NamedTuple

ColourChoice = Literal["auto", "always", "never"]
COLOUR_CHOICES: dict[str, ColourChoice] = {"auto": "auto", "always": "always", "never": "never"}


class Display(NamedTuple):
    colour: ColourChoice = "auto"
    pager: bool = True
