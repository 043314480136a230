"""Lets `python -m otscli` run the `ots` command."""

from otscli.cli import main

main()
