"""Real evidence files made for the tests, each carrying what a phone would put in it: a JPEG
with GPS, camera and owner in its EXIF (Pillow), a PDF with an author and XMP (pikepdf), an MP4
with a location atom, phone model and creation time (ffmpeg), and voice notes (OGG/Opus as
WhatsApp sends them, M4A as an iPhone records them) with an artist tag."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
from PIL import Image

GPS_IFD = 0x8825
LOCATION = "+29.6911-095.2091/"  # ISO 6709, as phones write it (Pasadena, TX)


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (180, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "Samsung"  # Make
    exif[0x0110] = "SM-A125U"  # Model
    exif[0x013B] = "Rosa Ortega"  # Artist
    exif[0x0112] = 1  # Orientation
    exif[0x0132] = "2025:03:03 21:14:00"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (29.0, 41.0, 28.0)
    gps[3] = "W"
    gps[4] = (95.0, 12.0, 33.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=85)
    return out.getvalue()


def pdf_with_author() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Rosa Ortega"]
    # After the XMP, whose closing would rewrite the document information from it.
    pdf.docinfo["/Author"] = "Rosa Ortega"
    pdf.docinfo["/Creator"] = "Microsoft Word for Android"
    pdf.docinfo["/Title"] = "Citation from Deputy Cole"
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _ffmpeg(args: list[str], out: Path) -> bytes:
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", *args, str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def mp4_with_location(workdir: Path) -> bytes:
    """One second of video and sound, with the location atom (©xyz), make and model."""
    return _ffmpeg(
        [
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
            "-c:v", "mpeg4", "-c:a", "aac", "-shortest",
            "-metadata", f"location={LOCATION}",
            "-metadata", "make=Apple", "-metadata", "model=iPhone 11",
            "-metadata", "artist=Rosa Ortega",
            "-metadata", "creation_time=2025-03-03T21:14:00Z",
            "-movflags", "+use_metadata_tags",
        ],
        workdir / "stop.mp4",
    )  # fmt: skip


def voice_note(workdir: Path, extension: str = "ogg") -> bytes:
    """A second of speech-like tone as a phone's voice note, tagged with the owner's name."""
    codec = {"ogg": ["-c:a", "libopus"], "m4a": ["-c:a", "aac"]}[extension]
    return _ffmpeg(
        [
            "-f", "lavfi", "-i", "sine=frequency=300:duration=1",
            *codec,
            "-metadata", "artist=Rosa Ortega", "-metadata", "title=Nota de voz 3 marzo",
        ],
        workdir / f"note.{extension}",
    )  # fmt: skip


def heic_with_gps() -> bytes:
    """An iPhone-style HEIC photo with GPS and camera in its EXIF (pillow-heif)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 12"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (29.0, 41.0, 28.0)
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(out, format="HEIF", exif=exif.tobytes())
    return out.getvalue()


def png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Rosa Ortega")
    info.add_text("Comment", "Screenshot of the deputy's message")
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 0, 128)).save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def webp_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x013B] = "Samsung", "Rosa Ortega"
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 200, 0)).save(out, format="WEBP", exif=exif.tobytes())
    return out.getvalue()


def media(workdir: Path, extension: str) -> bytes:
    """MOV, 3GP, MP3 and WAV files as phones and recorders make them, tagged with a name."""
    video = ["-f", "lavfi", "-i", "testsrc=size=176x144:rate=10:duration=1"]
    audio = ["-f", "lavfi", "-i", "sine=frequency=300:duration=1"]
    tags = ["-metadata", "artist=Rosa Ortega", "-metadata", f"location={LOCATION}"]
    args = {
        "mov": [*video, *audio, "-c:v", "mpeg4", "-c:a", "aac", "-f", "mov"],
        "3gp": [*video, *audio, "-c:v", "h263", "-c:a", "aac", "-ar", "8000", "-ac", "1",
                "-f", "3gp"],
        "mp3": [*audio, "-c:a", "libmp3lame", "-f", "mp3"],
        "wav": [*audio, "-c:a", "pcm_s16le", "-f", "wav"],
    }[extension]  # fmt: skip
    return _ffmpeg([*args, *tags], workdir / f"sample.{extension}")


def amr_voice_note() -> bytes:
    """An AMR-NB voice note (old Android phones): the magic, then 12.2 kbit/s silent frames
    (Debian's ffmpeg decodes AMR but cannot encode it)."""
    return b"#!AMR\n" + (b"\x3c" + b"\x00" * 31) * 50
