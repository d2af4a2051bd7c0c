"""Where sealed evidence files live: a folder under instance/ (embedded default), or an
S3-compatible store (MinIO, Ceph, AWS) when STORAGE_URL is set, so that web and workers on
different hosts share the files.

STORAGE_URL forms:
  s3+http://ACCESS_KEY:SECRET_KEY@minio:9000/bucket   an endpoint over plain HTTP (a local MinIO)
  s3+https://ACCESS_KEY:SECRET_KEY@host/bucket        an endpoint over TLS
  s3://bucket                                         AWS, credentials from boto3's usual chain
Add ?region=eu-west-1 if the store needs one. Every object holds a sealed (encrypted) file:
the store never sees a plaintext byte, so it needs no trust beyond keeping what it is given.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from flask import Flask, current_app


class StorageError(Exception):
    """The store refused or could not be reached; the message names no file content."""


class Store(Protocol):
    def put(self, key: str, source: BinaryIO) -> None: ...
    def open(self, key: str) -> BinaryIO: ...
    def delete(self, key: str) -> None: ...


@dataclass(frozen=True)
class LocalStore:
    """Files in a folder, written to a temporary name and renamed, so a crash leaves no
    half-written file under a real key."""

    root: Path

    def _path(self, key: str) -> Path:
        if not key or ".." in key.split("/") or key.startswith("/"):
            raise StorageError("bad key")
        return self.root / key

    def put(self, key: str, source: BinaryIO) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                shutil.copyfileobj(source, handle)
            os.replace(temporary, path)
        except OSError as exc:
            Path(temporary).unlink(missing_ok=True)
            raise StorageError(type(exc).__name__) from exc

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except OSError as exc:
            raise StorageError(type(exc).__name__) from exc

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class S3Store:
    """An S3-compatible bucket through boto3; the bucket is made on first use if missing."""

    def __init__(self, url: str) -> None:
        import boto3
        from botocore.config import Config

        parts = urlsplit(url)
        scheme = parts.scheme.partition("+")[2]
        self.bucket = parts.path.strip("/") if scheme else parts.netloc
        region = parse_qs(parts.query).get("region", ["us-east-1"])[0]
        options: dict[str, object] = {
            "region_name": region,
            "config": Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=5,
                read_timeout=60,
            ),
        }
        if scheme:
            options["endpoint_url"] = f"{scheme}://{parts.hostname}" + (
                f":{parts.port}" if parts.port else ""
            )
            if parts.username:
                options["aws_access_key_id"] = unquote(parts.username)
                options["aws_secret_access_key"] = unquote(parts.password or "")
        if not self.bucket:
            raise ValueError("STORAGE_URL must name a bucket, e.g. s3+http://key:secret@host/b")
        self.client = boto3.client("s3", **options)
        self._bucket_ready = False

    def _ensure_bucket(self) -> None:
        from botocore.exceptions import ClientError

        if self._bucket_ready:
            return
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)
        self._bucket_ready = True

    @contextmanager
    def _errors(self):  # noqa: ANN202
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            yield
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(type(exc).__name__) from exc

    def put(self, key: str, source: BinaryIO) -> None:
        with self._errors():
            self._ensure_bucket()
            self.client.upload_fileobj(source, self.bucket, key)

    def open(self, key: str) -> BinaryIO:
        with self._errors():
            return self.client.get_object(Bucket=self.bucket, Key=key)["Body"]

    def delete(self, key: str) -> None:
        with self._errors():
            self.client.delete_object(Bucket=self.bucket, Key=key)


def build_store(config: dict) -> Store:
    url = config.get("STORAGE_URL")
    if url:
        return S3Store(url)
    return LocalStore(Path(config["INTAKE_INSTANCE"]) / "evidence")


def init_storage(app: Flask) -> None:
    app.extensions["intake.storage"] = build_store(app.config)


def store() -> Store:
    return current_app.extensions["intake.storage"]
