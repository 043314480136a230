"""The `ots` command: the app and its error boundary, the shared options, and the commands by group."""

from otscli.cli.app import app, run

__all__ = ["app", "run"]
