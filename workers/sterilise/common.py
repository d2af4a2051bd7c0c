from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class CannotSterilise(Exception):
    """The tools could not read the file; the message never quotes its content."""


class Removed(StrEnum):
    """Kinds of identifying data a staff copy no longer has."""

    GPS = "gps"
    DEVICE = "device"
    SERIAL = "serial"
    OWNER = "owner"
    TIME = "time"
    SOFTWARE = "software"
    TEXT = "text"
    XMP = "xmp"
    IPTC = "iptc"
    SCRIPTS = "scripts"
    TRACKS = "tracks"
    OTHER = "other"


@dataclass(frozen=True)
class Sterilised:
    path: Path
    media_type: str
    extension: str
    removed: tuple[Removed, ...]  # in a fixed order, each once
    thumbnail: Path | None = None


def ordered(found: set[Removed]) -> tuple[Removed, ...]:
    return tuple(kind for kind in Removed if kind in found)
