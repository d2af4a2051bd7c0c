"""Photos: decoded with Pillow (HEIC through pillow-heif) and written anew from the pixels
alone, so no metadata block of the original can travel into the copy."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .common import CannotSterilise, Removed, Sterilised, ordered

THUMBNAIL = (320, 320)
# Pillow's bomb limit is a warning up to twice this and an error above; a phone photo is
# 12-50 megapixels, so anything beyond this is not one.
MAX_PIXELS = 120_000_000

# EXIF tags (base IFD and the Exif sub-IFD) by what they say about the person or device.
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
TAGS = {
    0x010F: Removed.DEVICE,  # Make
    0x0110: Removed.DEVICE,  # Model
    0xA433: Removed.DEVICE,  # LensMake
    0xA434: Removed.DEVICE,  # LensModel
    0x013B: Removed.OWNER,  # Artist
    0x8298: Removed.OWNER,  # Copyright
    0x9C9D: Removed.OWNER,  # XPAuthor
    0xA430: Removed.OWNER,  # CameraOwnerName
    0xA431: Removed.SERIAL,  # BodySerialNumber
    0xA435: Removed.SERIAL,  # LensSerialNumber
    0xA420: Removed.SERIAL,  # ImageUniqueID
    0x0132: Removed.TIME,  # DateTime
    0x9003: Removed.TIME,  # DateTimeOriginal
    0x9004: Removed.TIME,  # DateTimeDigitized
    0x0131: Removed.SOFTWARE,  # Software
    0x010E: Removed.TEXT,  # ImageDescription
    0x9286: Removed.TEXT,  # UserComment
    0x9C9C: Removed.TEXT,  # XPComment
    0x927C: Removed.OTHER,  # MakerNote (vendor data, often serials)
}
STRUCTURAL = {0x0112, 0x011A, 0x011B, 0x0128, 0x0213, 0x8769, 0x8825, 0xA001, 0xA002, 0xA003}


def _register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # pragma: no cover - pillow-heif is a dependency; HEIC then unreadable
        return
    register_heif_opener()


def found_metadata(image: Image.Image) -> set[Removed]:
    found: set[Removed] = set()
    exif = image.getexif()
    if exif.get_ifd(GPS_IFD):
        found.add(Removed.GPS)
    tags = dict(exif)
    tags.update(exif.get_ifd(EXIF_IFD))
    for tag in tags:
        if tag in TAGS:
            found.add(TAGS[tag])
        elif tag not in STRUCTURAL:
            found.add(Removed.OTHER)
    info = {key.lower() if isinstance(key, str) else key for key in image.info}
    if info & {"xmp", "xml:com.adobe.xmp"}:
        found.add(Removed.XMP)
    if "photoshop" in info or getattr(image, "app", {}).get("APP13"):
        found.add(Removed.IPTC)
    if info & {"comment", "description", "author", "title", "software", "creation time"}:
        found.add(Removed.TEXT)
    return found


def sterilise_image(source: Path, workdir: Path) -> Sterilised:
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                image.load()
                found = found_metadata(image)
                upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise CannotSterilise(type(exc).__name__) from exc
    alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    mode = "RGBA" if alpha else "RGB"
    pixels = upright.convert(mode)
    # A new image from the raw pixels: no info dictionary, no EXIF, no ICC, no XMP.
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    if alpha:
        path, media_type, extension = workdir / "copy.png", "image/png", "png"
        clean.save(path, format="PNG", optimize=False)
    else:
        path, media_type, extension = workdir / "copy.jpg", "image/jpeg", "jpg"
        clean.save(path, format="JPEG", quality=90)
    thumb = clean.convert("RGB")
    thumb.thumbnail(THUMBNAIL)
    thumbnail = workdir / "thumbnail.jpg"
    thumb.save(thumbnail, format="JPEG", quality=80)
    return Sterilised(path, media_type, extension, ordered(found), thumbnail)
