"""ots: the history of the Organization of Turkic States as a typed event store."""

from __future__ import annotations

__version__ = "0.1.0"
