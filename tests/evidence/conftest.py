"""Evidence test files, made once per session with the real libraries and ffmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import samples


@pytest.fixture(scope="session")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    workdir: Path = tmp_path_factory.mktemp("evidence")
    return {
        "photo.jpg": samples.jpeg_with_gps(),
        "citation.pdf": samples.pdf_with_author(),
        "stop.mp4": samples.mp4_with_location(workdir),
        "note.ogg": samples.voice_note(workdir, "ogg"),
        "memo.m4a": samples.voice_note(workdir, "m4a"),
    }
