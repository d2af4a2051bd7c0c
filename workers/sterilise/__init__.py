"""The staff copy of an evidence file: what identifies the person who took it removed.

Plain functions on files (no database, nothing from `intake/`): `sterilise(source, media_type,
workdir)` returns the copy, its type, a thumbnail where one can be drawn, and what was removed,
as codes (`Removed`) that staff pages put in words. The original is never changed: it stays
sealed as evidence (its metadata is evidence too), and only the reveal shows it.

- images (Pillow, pillow-heif): EXIF, XMP, IPTC, comments and colour profiles dropped; the
  pixels re-encoded into a new file, turned upright as the EXIF orientation said.
- PDF (pikepdf): document information, XMP, scripts, embedded files and page metadata removed.
- video and audio (Debian's ffmpeg): re-muxed without any metadata (`-map_metadata -1`), without
  data tracks, chapters or cover pictures; the audio and video themselves are copied untouched.

A file the tools cannot read raises CannotSterilise: it stays sealed, with no staff copy.
"""

from __future__ import annotations

from pathlib import Path

from .common import CannotSterilise, Removed, Sterilised

__all__ = ["CannotSterilise", "Removed", "Sterilised", "sterilise"]


def sterilise(source: Path, media_type: str, workdir: Path) -> Sterilised:
    """The staff copy of `source` (of `media_type`, as found from its bytes), in `workdir`."""
    if media_type.startswith("image/"):
        from .images import sterilise_image

        return sterilise_image(source, workdir)
    if media_type == "application/pdf":
        from .pdf import sterilise_pdf

        return sterilise_pdf(source, workdir)
    if media_type.startswith(("video/", "audio/")):
        from .media import sterilise_media

        return sterilise_media(source, media_type, workdir)
    raise CannotSterilise(f"no tool for {media_type}")
