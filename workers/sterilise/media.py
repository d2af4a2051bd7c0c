"""Video and audio: ffprobe says what metadata the file carries, ffmpeg copies its audio and
video streams into a new file of the same format with none of it (`-map_metadata -1`), no
data tracks (phones keep location in them too), no chapters and no cover picture."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .common import CannotSterilise, Removed, Sterilised, ordered

TIMEOUT = 600  # seconds: a long video is copied, not re-encoded, so this is plenty

# The muxer and file extension of the copy, by the original's type (found from its bytes).
FORMATS = {
    "video/mp4": ("mp4", "mp4"),
    "video/quicktime": ("mov", "mov"),
    "video/3gpp": ("3gp", "3gp"),
    "audio/mp4": ("ipod", "m4a"),
    "audio/mpeg": ("mp3", "mp3"),
    "audio/ogg": ("ogg", "ogg"),
    "audio/amr": ("amr", "amr"),
    "audio/amr-wb": ("amr", "awb"),
    "audio/wav": ("wav", "wav"),
}

# Tag names (lower case; Apple's and Android's prefixes stripped) by what they tell.
TAGS = {
    "location": Removed.GPS,
    "location-eng": Removed.GPS,
    "location.iso6709": Removed.GPS,
    "xyz": Removed.GPS,
    "make": Removed.DEVICE,
    "model": Removed.DEVICE,
    "manufacturer": Removed.DEVICE,
    "artist": Removed.OWNER,
    "author": Removed.OWNER,
    "album_artist": Removed.OWNER,
    "composer": Removed.OWNER,
    "copyright": Removed.OWNER,
    "owner": Removed.OWNER,
    "creation_time": Removed.TIME,
    "creationdate": Removed.TIME,
    "date": Removed.TIME,
    "encoder": Removed.SOFTWARE,
    "software": Removed.SOFTWARE,
    "version": Removed.SOFTWARE,
    "title": Removed.TEXT,
    "comment": Removed.TEXT,
    "description": Removed.TEXT,
    "album": Removed.TEXT,
}
# Container bookkeeping, not about anyone.
STRUCTURAL = {
    "major_brand", "minor_version", "compatible_brands", "handler_name", "vendor_id",
    "language", "duration",
}  # fmt: skip
PREFIXES = ("com.apple.quicktime.", "com.android.", "com.samsung.android.", "\u00a9")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise CannotSterilise(f"{name} is not installed (apt-get install ffmpeg)")
    return path


def probe(path: Path) -> dict:
    """ffprobe's JSON view of the file: format, streams and their tags."""
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments, our own temporary path
            [
                _tool("ffprobe"), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", str(path),
            ],
            capture_output=True, timeout=TIMEOUT, check=True,
        )  # fmt: skip
        found = json.loads(result.stdout)
    except (subprocess.SubprocessError, ValueError) as exc:
        raise CannotSterilise(type(exc).__name__) from exc
    if not found.get("streams"):
        raise CannotSterilise("no audio or video stream")
    return found


def tag_kind(name: str) -> Removed | None:
    key = name.lower()
    for prefix in PREFIXES:
        key = key.removeprefix(prefix)
    if key in STRUCTURAL:
        return None
    return TAGS.get(key, Removed.OTHER)


def found_metadata(probed: dict) -> set[Removed]:
    found: set[Removed] = set()
    tag_sets = [probed.get("format", {}).get("tags", {})]
    tag_sets += [stream.get("tags", {}) for stream in probed["streams"]]
    for tags in tag_sets:
        for name in tags:
            if kind := tag_kind(name):
                found.add(kind)
    for stream in probed["streams"]:
        # A data track (timed metadata: phones write location there) or a cover picture.
        cover = stream.get("disposition", {}).get("attached_pic")
        if cover or stream.get("codec_type") not in ("audio", "video"):
            found.add(Removed.TRACKS)
    if probed.get("chapters"):
        found.add(Removed.TEXT)
    return found


def sterilise_media(source: Path, media_type: str, workdir: Path) -> Sterilised:
    muxer, extension = FORMATS.get(media_type, (None, None))
    if muxer is None:
        raise CannotSterilise(f"no format for {media_type}")
    found = found_metadata(probe(source))
    path = workdir / f"copy.{extension}"
    command = [
        _tool("ffmpeg"), "-nostdin", "-v", "error", "-y", "-i", str(source),
        # Video (not cover pictures: capital V) and audio only; data tracks stay behind.
        "-map", "0:V?", "-map", "0:a?",
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-c", "copy",
        # No "encoder=Lavf..." tag, no random ids: the same input gives the same copy.
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
    ]  # fmt: skip
    if muxer == "mp3":
        command += ["-id3v2_version", "0", "-write_id3v1", "0"]
    command += ["-f", muxer, str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=True)  # noqa: S603
    except subprocess.SubprocessError as exc:
        raise CannotSterilise(type(exc).__name__) from exc
    copy = probe(path)
    thumbnail = None
    if any(stream.get("codec_type") == "video" for stream in copy["streams"]):
        thumbnail = _video_thumbnail(path, workdir)
    return Sterilised(path, _copy_type(media_type), extension, ordered(found), thumbnail)


def _copy_type(media_type: str) -> str:
    return "audio/amr" if media_type == "audio/amr-wb" else media_type


def _video_thumbnail(path: Path, workdir: Path) -> Path | None:
    """The first frame, 320 px wide, as JPEG; None if it cannot be drawn (no harm done)."""
    thumbnail = workdir / "thumbnail.jpg"
    try:
        subprocess.run(  # noqa: S603
            [
                _tool("ffmpeg"), "-nostdin", "-v", "error", "-y", "-i", str(path),
                "-frames:v", "1", "-vf", "scale=320:-2", "-map_metadata", "-1",
                "-f", "image2", str(thumbnail),
            ],
            capture_output=True, timeout=TIMEOUT, check=True,
        )  # fmt: skip
    except subprocess.SubprocessError:
        return None
    return thumbnail if thumbnail.exists() else None
