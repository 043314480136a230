"""Which module holds each subcommand, in the order `ots --help` lists them. A module is imported only when
one of its commands runs (or when the help lists them all)."""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "timeline": "otscli.cli.listings",
    "list": "otscli.cli.listings",
    "next": "otscli.cli.listings",
    "search": "otscli.cli.listings",
    "show": "otscli.cli.lookups",
    "organ": "otscli.cli.lookups",
    "organs": "otscli.cli.lookups",
    "state": "otscli.cli.lookups",
    "states": "otscli.cli.lookups",
    "city": "otscli.cli.lookups",
    "cities": "otscli.cli.lookups",
    "source": "otscli.cli.lookups",
    "sources": "otscli.cli.lookups",
    "export": "otscli.cli.publishing",
    "stats": "otscli.cli.listings",
    "on-this-day": "otscli.cli.listings",
    "schema": "otscli.cli.publishing",
    "site": "otscli.cli.publishing",
    "coverage": "otscli.cli.reports",
    "cite": "otscli.cli.reports",
    "kinds": "otscli.cli.reports",
    "completion": "otscli.cli.reports",
    "validate": "otscli.cli.files",
    "add": "otscli.cli.files",
    "edit": "otscli.cli.files",
    "remove": "otscli.cli.files",
}
