"""Receiving evidence files in a multipart POST without ever losing the report they came with.

Limits are applied while the bytes arrive (`CappedFile`), file by file: a file over the per-file
limit, or one that would take the report over its total, is dropped there and then (its bytes
are not kept) and the rest of the form, narrative included, is parsed and stored as usual; the
reporter is told which file was not accepted and why. Only a request larger than the per-report
limit plus one file is refused whole (413), before anything is read.

Views that take files say so with `@accepts_evidence`; everywhere else the request size limit
stays MAX_CONTENT_LENGTH (text only), and a multipart text field is never larger than that either.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any, TypeVar

from flask import current_app, request
from werkzeug.datastructures import FileStorage

from ..untrusted import CleanedRequest
from .kinds import HEAD_BYTES, Detected, detect

FIELD = "files"  # the form field name (the public form, the follow-up page, volunteers)
MB = 1024 * 1024
SPOOL_IN_MEMORY = 512 * 1024
FORM_OVERHEAD = MB  # what the other fields of a form with files may take besides the files
MAX_PARTS = 300  # fields and files of one form; the report form has about 60

F = TypeVar("F", bound=Callable[..., Any])


def accepts_evidence(view: F) -> F:
    view.accepts_evidence = True  # type: ignore[attr-defined]
    return view


def file_limit() -> int:
    return current_app.config["EVIDENCE_MAX_FILE_BYTES"]


def report_limit() -> int:
    return current_app.config["EVIDENCE_MAX_REPORT_BYTES"]


def request_limit() -> int:
    """The largest multipart request an evidence view reads: the report's total, one more file
    (which would be refused as over the total, the narrative still stored) and the fields."""
    return report_limit() + file_limit() + FORM_OVERHEAD


class Refused(StrEnum):
    TOO_LARGE = "too_large"  # over the per-file limit
    OVER_TOTAL = "over_total"  # would take the report over its total
    NOT_EVIDENCE = "not_evidence"  # not one of the formats we take (by its bytes)
    NOT_SAVED = "not_saved"  # the store refused it (tell us later on the follow-up page)


class CappedFile:
    """A spooled temporary file that stops keeping bytes past the per-file limit or the
    request's remaining budget, and remembers why."""

    def __init__(self, budget: UploadBudget) -> None:
        self.budget = budget
        self.size = 0
        self.refused: Refused | None = None
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115

    def write(self, data: bytes) -> int:
        if self.refused is None:
            if self.size + len(data) > self.budget.per_file:
                self._refuse(Refused.TOO_LARGE)
            elif not self.budget.take(len(data)):
                self._refuse(Refused.OVER_TOTAL)
            else:
                self.size += len(data)
                self._file.write(data)
        return len(data)

    def _refuse(self, why: Refused) -> None:
        self.refused = why
        self.budget.give_back(self.size)
        self._file.close()
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
        self.size = 0

    def __getattr__(self, name: str) -> Any:  # read, seek, tell, close...
        return getattr(self._file, name)


@dataclass
class UploadBudget:
    per_file: int
    left: int

    def take(self, count: int) -> bool:
        if count > self.left:
            return False
        self.left -= count
        return True

    def give_back(self, count: int) -> None:
        self.left += count


class IntakeRequest(CleanedRequest):
    """The cleaned request (intake/untrusted.py), with the limits above for views marked
    `@accepts_evidence`."""

    _budget: UploadBudget | None = None

    def _takes_files(self) -> bool:
        if self.mimetype != "multipart/form-data" or not current_app:
            return False
        view = current_app.view_functions.get(self.endpoint or "")
        return bool(getattr(view, "accepts_evidence", False))

    @property
    def max_content_length(self) -> int | None:
        if self._takes_files():
            return request_limit()
        return super().max_content_length

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value

    @property
    def max_form_memory_size(self) -> int | None:
        if self._takes_files():
            return current_app.config["MAX_CONTENT_LENGTH"]  # a text field: as without files
        return super().max_form_memory_size

    @max_form_memory_size.setter
    def max_form_memory_size(self, value: int | None) -> None:
        self._max_form_memory_size = value

    @property  # type: ignore[override]
    def max_form_parts(self) -> int | None:
        if self._takes_files():
            return MAX_PARTS
        return super().max_form_parts

    @max_form_parts.setter
    def max_form_parts(self, value: int | None) -> None:
        self._max_form_parts = value

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        if self._budget is None:
            self._budget = UploadBudget(per_file=file_limit(), left=report_limit())
        return CappedFile(self._budget)  # type: ignore[return-value]


@dataclass(frozen=True)
class Upload:
    """One file as received: its bytes (in a temporary file) and what they are, or why it
    was not accepted. `number` counts every file the person chose, accepted or not."""

    number: int
    stream: IO[bytes] | None
    detected: Detected | None
    size: int
    refused: Refused | None


def received_files(already: int = 0) -> list[Upload]:
    """The files of this request's FIELD in the order sent, each checked by its content.
    `already` is how many bytes the report holds from earlier uploads (the follow-up page):
    they count against the per-report total."""
    chosen: list[FileStorage] = [
        f for f in request.files.getlist(FIELD) if f.filename or _size(f) > 0
    ]
    uploads = []
    room = report_limit() - already
    for number, storage in enumerate(chosen, start=1):
        stream = storage.stream
        refused = getattr(stream, "refused", None)
        size = _size(storage)
        detected = None
        if refused is None:
            stream.seek(0)
            detected = detect(stream.read(HEAD_BYTES))
            stream.seek(0)
            if detected is None:
                refused = Refused.NOT_EVIDENCE
            elif size > room:
                refused = Refused.OVER_TOTAL
            else:
                room -= size
        uploads.append(Upload(number, stream if refused is None else None, detected, size, refused))
    return uploads


def _size(storage: FileStorage) -> int:
    stream = storage.stream
    if isinstance(stream, CappedFile):
        return stream.size
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(position)
    return size
