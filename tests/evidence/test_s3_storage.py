"""The S3-compatible store (STORAGE_URL), against moto's standalone server: a real S3 HTTP
endpoint on a free port, as MinIO would be. Files go in sealed; the worker reads them back."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import boto3
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from intake.crypto import build_fernet, fernet
from intake.evidence.rotation import reseal_all
from intake.evidence.sealing import pieces
from intake.evidence.storage import S3Store, StorageError, store
from intake.extensions import db
from intake.models import Attachment
from workers.evidence_tasks import make_staff_copy

from ..robustness.conftest import free_port, wait_until
from .helpers import post_report, receipt_fingerprints


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: _accepts(port), 30, "moto_server to listen")
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_reports_files_live_sealed_in_the_bucket(s3_endpoint, build_app, evidence, tmp_path):
    url = f"s3+http://testing:secret-key@{s3_endpoint}/intake-evidence"
    other = build_app(env={"STORAGE_URL": url})
    assert isinstance(other.extensions["intake.storage"], S3Store)
    client = other.test_client()
    body = post_report(client, {"photo.jpg": evidence["photo.jpg"]}).get_data(as_text=True)
    [(kind, sha256)] = receipt_fingerprints(body).values()

    with other.app_context():
        row = db.session.scalar(select(Attachment))
        assert row.sha256 == sha256
        # In the bucket, seen with a plain S3 client: only sealed bytes.
        s3 = boto3.client(
            "s3",
            endpoint_url=f"http://{s3_endpoint}",
            aws_access_key_id="testing",
            aws_secret_access_key="secret-key",
            region_name="us-east-1",
        )
        raw = s3.get_object(Bucket="intake-evidence", Key=row.original_key)["Body"].read()
        assert raw.startswith(b"INTAKE-SEALED-1") and b"Samsung" not in raw
        with closing(store().open(row.original_key)) as sealed:
            assert b"".join(pieces(fernet(), sealed)) == evidence["photo.jpg"]

        # The worker (here in-process, with the same STORAGE_URL) makes the copy from the bucket.
        make_staff_copy(row, tmp_path)
        db.session.commit()
        assert row.state == "safe" and "gps" in row.removed
        listed = s3.list_objects_v2(Bucket="intake-evidence")["Contents"]
        assert {row.original_key, row.safe_key, row.thumbnail_key} <= {o["Key"] for o in listed}

        # A key rotation re-seals the bucket's objects in place (intake/evidence/rotation.py).
        new_key = Fernet.generate_key().decode()
        listed_keys = new_key + "," + other.config["INTAKE_ENCRYPTION_KEYS"]
        other.extensions["intake.fernet"] = build_fernet(listed_keys)
        assert reseal_all().files == 3 and not reseal_all().failed
        with closing(store().open(row.original_key)) as sealed:
            assert b"".join(pieces(build_fernet(new_key), sealed)) == evidence["photo.jpg"]

        store().delete(row.original_key)
        with pytest.raises(StorageError):
            store().open(row.original_key)


def test_a_store_that_is_down_keeps_the_report(build_app, evidence):
    other = build_app(env={"STORAGE_URL": f"s3+http://k:s@127.0.0.1:{free_port()}/nowhere"})
    client = other.test_client()
    response = post_report(client, {"photo.jpg": evidence["photo.jpg"]})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "not saved because of a problem on our side" in body
    with other.app_context():
        assert db.session.scalar(select(Attachment)) is None
