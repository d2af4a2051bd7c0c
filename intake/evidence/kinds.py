"""What a file is, from its first bytes: never from its name or the type the browser claims.

A file whose bytes are none of the formats below is refused at upload. The worker then opens
each accepted file with the library that decodes it (Pillow, pikepdf, ffprobe): a file that
starts like a JPEG but does not decode stays sealed and is shown as "could not be made safe to
preview".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from flask_babel import lazy_gettext as _l

# Enough for every signature below (an ISO BMFF brand sits at bytes 8-12).
HEAD_BYTES = 64


class Kind(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    AUDIO = "audio"
    DOCUMENT = "document"


KIND_LABELS = {
    Kind.PHOTO: _l("photo"),
    Kind.VIDEO: _l("video"),
    Kind.AUDIO: _l("voice note or audio"),
    Kind.DOCUMENT: _l("document"),
}


@dataclass(frozen=True)
class Detected:
    kind: Kind
    media_type: str
    extension: str  # for the name of a downloaded copy


HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
THREE_GP_BRANDS = {b"3gp4", b"3gp5", b"3gp6", b"3gp7", b"3gg6", b"3ge6", b"3g2a", b"3g2b"}
M4A_BRANDS = {b"M4A ", b"M4B "}
# QuickTime files older than the ftyp box start with one of these atoms.
QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}


def _iso_media(head: bytes) -> Detected | None:
    """MP4, MOV, 3GP, M4A and HEIC are all ISO base media files: a box named `ftyp` whose
    major brand says which."""
    if head[4:8] != b"ftyp":
        if head[4:8] in QUICKTIME_ATOMS:
            return Detected(Kind.VIDEO, "video/quicktime", "mov")
        return None
    brand = head[8:12]
    if brand in HEIF_BRANDS:
        return Detected(Kind.PHOTO, "image/heic", "heic")
    if brand == b"qt  ":
        return Detected(Kind.VIDEO, "video/quicktime", "mov")
    if brand in THREE_GP_BRANDS:
        return Detected(Kind.VIDEO, "video/3gpp", "3gp")
    if brand in M4A_BRANDS:
        return Detected(Kind.AUDIO, "audio/mp4", "m4a")
    return Detected(Kind.VIDEO, "video/mp4", "mp4")


def _mpeg_audio(head: bytes) -> bool:
    """An MP3 file: an ID3 tag, or an MPEG audio frame (11 sync bits, a layer that is not the
    reserved 00, which is what AAC's ADTS frames carry)."""
    if head.startswith(b"ID3"):
        return True
    return (
        len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and (head[1] >> 1) & 3 != 0
    )


def detect(head: bytes) -> Detected | None:
    """The format of a file whose first bytes are `head` (HEAD_BYTES of them), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return Detected(Kind.PHOTO, "image/jpeg", "jpg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Detected(Kind.PHOTO, "image/png", "png")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Detected(Kind.PHOTO, "image/webp", "webp")
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return Detected(Kind.AUDIO, "audio/wav", "wav")
    if head.startswith(b"%PDF-"):
        return Detected(Kind.DOCUMENT, "application/pdf", "pdf")
    if head.startswith(b"OggS"):
        return Detected(Kind.AUDIO, "audio/ogg", "ogg")
    if head.startswith(b"#!AMR-WB\n"):
        return Detected(Kind.AUDIO, "audio/amr-wb", "awb")
    if head.startswith(b"#!AMR\n"):
        return Detected(Kind.AUDIO, "audio/amr", "amr")
    if found := _iso_media(head):
        return found
    if _mpeg_audio(head):
        return Detected(Kind.AUDIO, "audio/mpeg", "mp3")
    return None


# The extension of a downloaded file, by its type (originals and staff copies).
EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic",
    "application/pdf": "pdf", "video/mp4": "mp4", "video/quicktime": "mov", "video/3gpp": "3gp",
    "audio/mp4": "m4a", "audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/amr": "amr",
    "audio/amr-wb": "awb", "audio/wav": "wav",
}  # fmt: skip
