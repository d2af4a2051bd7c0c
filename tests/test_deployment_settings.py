"""Settings that fail fast and name the variable (INTAKE_ENV, SECRET_KEY, TRUSTED_PROXIES),
`setup` in production printing no password, TRUSTED_PROXIES through ProxyFix for the rate-limit
key, a daily random salt held only in Redis, keyed receipt hashes, and claims that go stale
within a minute once their worker is gone."""

from __future__ import annotations

import hashlib
from dataclasses import FrozenInstanceError, fields
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from intake.config import ConfigError, Settings, _on_call, _text, from_environment
from intake.extensions import db
from intake.models import Report
from intake.public.receipts import keyed, receipt_hash
from intake.ratelimit import anonymous_client_key, daily_salt
from intake.timeutil import utcnow
from workers import claims, tasks

from .conftest import REPO, submit_report
from .robustness.conftest import RedisServer
from .staff.helpers import make_report

PRODUCTION = {
    "INTAKE_ENV": "production",
    "SECRET_KEY": "k" * 40,
    "DATABASE_URL": "postgresql://db/intake",
    "REDIS_URL": "redis://redis:6379/0",
    "INTAKE_ENCRYPTION_KEYS": "x",
}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"INTAKE_ENV": "prod"}, "INTAKE_ENV"),
        ({"SECRET_KEY": "x"}, "SECRET_KEY"),
        ({"TRUSTED_PROXIES": "one"}, "TRUSTED_PROXIES"),
        ({"PIPELINE_STUCK_AFTER": "-5"}, "PIPELINE_STUCK_AFTER"),
        ({"MAIL_PORT": "x"}, "MAIL_PORT"),
        ({"MAIL_USE_TLS": "maybe"}, "MAIL_USE_TLS"),
        ({"INTAKE_RETENTION_DAYS": "0"}, "INTAKE_RETENTION_DAYS"),
        ({"EVIDENCE_MAX_FILE_MB": "lots"}, "EVIDENCE_MAX_FILE_MB"),
        ({"PORT": "http"}, "PORT"),
        (
            {"SUMMARY_LLM_URL": "http://127.0.0.1:8080/v1", "SUMMARY_LLM_TIMEOUT": "soon"},
            "SUMMARY_LLM_TIMEOUT",
        ),
        ({"SPACY_MODEL_EN": "en_core_web_lgg"}, "SPACY_MODEL_EN"),
        ({"SPACY_MODEL_ES": "es_core_news_md_not_installed"}, "SPACY_MODEL_ES"),
    ],
)
def test_a_wrong_setting_is_refused_by_name(change, named, tmp_path):
    with pytest.raises(ConfigError, match=named):
        from_environment({**PRODUCTION, **change}, instance=tmp_path)
    assert not (tmp_path / "secrets.json").exists()  # no development mode by mistake


def test_every_typed_setting_names_its_variable_when_malformed(tmp_path):
    typed = [
        spec.metadata["env"]
        for spec in fields(Settings)
        if "env" in spec.metadata and spec.metadata["parse"] not in (_text, _on_call)
    ]
    assert len(typed) > 10
    for name in typed:
        with pytest.raises(ConfigError, match=f"^{name}"):
            Settings.from_environment({**PRODUCTION, name: "not-a-value"}, instance=tmp_path)


def test_settings_are_parsed_once_and_frozen(tmp_path):
    settings = Settings.from_environment({**PRODUCTION, "MAIL_PORT": "587"}, instance=tmp_path)
    assert settings.mail_port == 587 and settings.flask_config()["MAIL_PORT"] == 587
    with pytest.raises(FrozenInstanceError):
        settings.mail_port = 25  # type: ignore[misc]
    defaults = Settings.from_environment(PRODUCTION, instance=tmp_path).flask_config()
    assert defaults["QUICK_EXIT_URL"].startswith("https://")
    assert defaults["RATELIMIT_SUBMIT"] and defaults["PIPELINE_STUCK_AFTER"] == 60


def test_setup_in_production_prints_no_password(build_app, service_env):
    app = build_app({"INTAKE_ENV": "production", "REDIS_URL": "redis://127.0.0.1:1/0"})
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    assert "users create EMAIL --role admin" in result.output
    assert "password:" not in result.output.lower().replace("asks for the password", "")


def test_trusted_proxies_give_each_visitor_their_own_key(build_app):
    for proxies, distinct in ((0, 1), (1, 2)):
        app = build_app(TRUSTED_PROXIES=proxies)
        keys: set[str] = set()
        app.before_request(lambda keys=keys: keys.add(anonymous_client_key()))
        for visitor in ("203.0.113.7", "198.51.100.9"):
            app.test_client().get(
                "/report",
                environ_base={"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": visitor},
            )
        assert len(keys) == distinct, proxies


def test_the_rate_limit_salt_is_random_daily_and_lives_only_in_redis(tmp_path, app):
    server = RedisServer(tmp_path)
    server.start()
    try:
        salt = daily_salt._from_redis(server.url, "2030-01-01")
        again = daily_salt._from_redis(server.url, "2030-01-01")
        assert salt == again and len(salt) == 32  # every process gets the same one
        assert salt not in app.config["SECRET_KEY"].encode()
        ttl = server.client().ttl("intake:ratelimit-salt:2030-01-01")
        assert 0 < ttl <= 2 * 86400
        assert daily_salt._from_redis(server.url, "2030-01-02") != salt
    finally:
        server.stop()
    assert not list(tmp_path.glob("*.rdb"))  # nothing written to disk


def test_receipt_hashes_are_keyed(app, ctx):
    receipt = submit_report(app.test_client())
    stored = db.session.scalar(select(Report.receipt_hash))
    plain = hashlib.sha256(receipt.replace("-", "").encode()).hexdigest()
    assert stored != plain  # a database copy and a code alone do not find the report
    assert stored == keyed(plain, app.config["SECRET_KEY"]) == receipt_hash(receipt)


def test_a_dead_workers_claim_is_swept_within_two_minutes(app, ctx):
    report, _ = make_report(pipeline_state="received")
    db.session.execute(
        update(Report)
        .where(Report.id == report.id)
        .values(pipeline_state="processing", claimed_at=utcnow() - timedelta(seconds=61))
    )
    db.session.commit()
    assert claims.stuck_after() <= timedelta(minutes=1)  # plus the every-minute sweep: 2 minutes
    assert tasks.sweep_unprocessed.run() == 1


def test_a_live_worker_keeps_renewing_its_claim(build_app, service_env):
    from .robustness.conftest import wait_until

    app = build_app({**service_env, "PIPELINE_STUCK_AFTER": "3"})
    with app.app_context():
        report, _ = make_report(pipeline_state="received")
        assert claims.claim(report.id)
        first = db.session.get(Report, report.id).claimed_at

        def renewed() -> bool:
            db.session.remove()
            return db.session.get(Report, report.id).claimed_at > first

        with claims.claim_kept(report.id):  # a long step: the claim does not go stale
            wait_until(renewed, 30, "the claim to be renewed")
        db.session.remove()


def test_the_migration_keys_existing_receipts_as_receipt_hash_does(app):
    import importlib.util

    path = next((REPO / "migrations" / "versions").glob("*keyed_receipt_hashes.py"))
    spec = importlib.util.spec_from_file_location("keyed_receipts", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    plain = hashlib.sha256(b"ABCDEFGHJKMNPQRS").hexdigest()
    secret = app.config["SECRET_KEY"]
    assert migration.keyed(plain, secret) == keyed(plain, secret)
    with app.test_request_context():
        assert migration.keyed(plain, secret) == receipt_hash("ABCD-EFGH-JKMN-PQRS")
