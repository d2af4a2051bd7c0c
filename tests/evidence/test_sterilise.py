"""The pure step (workers/sterilise) on every format the form takes, made with the real tools:
each copy, read back with exiftool, carries nothing that names the person, the phone or the
place; a file that only looks like a format cannot be sterilised and says so."""

from __future__ import annotations

import json
import subprocess

import pytest

from intake.evidence.kinds import detect
from workers.sterilise import CannotSterilise, sterilise

from . import samples


def read_back(path) -> str:
    """Every tag exiftool finds (it does not know AMR: ffprobe's view is added for media)."""
    result = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", str(path)], capture_output=True, text=True
    )
    [tags] = json.loads(result.stdout)
    found = json.dumps({k: v for k, v in tags.items() if not k.startswith(("System", "File"))})
    if path.suffix not in (".jpg", ".png", ".pdf"):
        probe = subprocess.run(
            ["ffprobe", "-v", "error", "-of", "json", "-show_format", "-show_streams", str(path)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        found += probe.stdout
    return found


@pytest.mark.parametrize(
    ("name", "make", "removed"),
    [
        ("photo.heic", lambda d: samples.heic_with_gps(), {"gps", "device"}),
        ("shot.png", lambda d: samples.png_with_text(), {"text"}),
        ("photo.webp", lambda d: samples.webp_with_exif(), {"device", "owner"}),
        ("clip.mov", lambda d: samples.media(d, "mov"), {"gps", "owner"}),
        ("clip.3gp", lambda d: samples.media(d, "3gp"), {"gps"}),
        ("song.mp3", lambda d: samples.media(d, "mp3"), {"owner"}),
        ("memo.wav", lambda d: samples.media(d, "wav"), {"owner"}),
        ("note.amr", lambda d: samples.amr_voice_note(), set()),
    ],
)
def test_every_format_loses_its_metadata(tmp_path, name, make, removed):
    content = make(tmp_path)
    detected = detect(content[:64])
    assert detected is not None, name
    source = tmp_path / f"original-{name}"
    source.write_bytes(content)
    workdir = tmp_path / "work"
    workdir.mkdir()
    copy = sterilise(source, detected.media_type, workdir)
    assert removed <= {kind.value for kind in copy.removed}, (name, copy.removed)
    text = read_back(copy.path)
    for value in ("Rosa Ortega", "Samsung", "iPhone", "29.69", "+29.6911"):
        assert value not in text, (name, value, text)


def test_a_file_that_only_looks_like_a_video_stays_sealed(tmp_path):
    fake = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 500
    assert detect(fake[:64]).media_type == "video/mp4"
    source = tmp_path / "fake.mp4"
    source.write_bytes(fake)
    with pytest.raises(CannotSterilise):
        sterilise(source, "video/mp4", tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00program", b"<html><script>", b"PK\x03\x04zip", b"GIF89a", b""],
)
def test_what_is_not_evidence_is_not_detected(content):
    assert detect(content) is None
