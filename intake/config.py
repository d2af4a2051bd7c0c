"""Settings read once from the environment, failing fast where production needs a value.

Two shapes (see README "Configuration"):
- embedded (default, `make run` on a laptop): SQLite under instance/ for data and for the Celery
  broker; secrets are generated once into instance/secrets.json (never committed, mode 0600).
- production (`INTAKE_ENV=production`): DATABASE_URL, REDIS_URL, SECRET_KEY and
  INTAKE_ENCRYPTION_KEYS must come from the environment, or the app refuses to start.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from celery.schedules import crontab
from cryptography.fernet import Fernet

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = REPO_ROOT / "instance"
AGENCY_SEED = REPO_ROOT / "data" / "ice-287g" / "participatingAgencies07182025pm.xlsx"


class ConfigError(RuntimeError):
    """A required setting is missing or malformed; the message says which and how to fix it."""


def _local_secrets(instance: Path) -> dict[str, str]:
    """Secrets of an embedded install, made once and kept in instance/ (never in the repo)."""
    path = instance / "secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    instance.mkdir(parents=True, exist_ok=True)
    made = {
        "SECRET_KEY": secrets.token_urlsafe(48),
        "INTAKE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(made, handle)
    return made


def _postgres_url(url: str) -> str:
    # psycopg 3 is the driver we ship; plain postgres:// URLs (Heroku style) name psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"INTAKE_TIMEZONE={name!r} is not a time zone; use a name such as America/Chicago"
        ) from exc
    return name


def parse_on_call(value: str) -> dict[str, list[str]]:
    """ONCALL_EMAILS: "a@x.org,b@x.org" (the on-call list) or "on-call:a@x.org;legal:c@x.org"."""
    lists: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        name, _, addresses = part.rpartition(":") if ":" in part else ("on-call", "", part)
        lists[name.strip()] = [a.strip() for a in addresses.split(",") if a.strip()]
    return lists


ENVIRONMENTS = ("development", "production")
MIN_SECRET_KEY_BYTES = 32


def _whole_number(env: dict[str, str], name: str, default: int) -> int:
    """`env[name]` as a whole number >= 0; a ConfigError naming the variable otherwise."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(f"{name} must be a whole number (0 or more), not {raw!r}")
    return value


def _checked_secret_key(env: dict[str, str]) -> None:
    key = env.get("SECRET_KEY")
    if key and len(key.encode()) < MIN_SECRET_KEY_BYTES:
        # A short key lets anyone who guesses it sign sessions and recompute receipts.
        raise ConfigError(
            f"SECRET_KEY is {len(key.encode())} bytes; use at least {MIN_SECRET_KEY_BYTES} "
            "random bytes, for example: "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )


def from_environment(
    env: dict[str, str] | None = None, instance: str | Path | None = None
) -> dict[str, Any]:
    """The Flask config mapping for this process, from `env` (default: os.environ).

    `instance` (or INTAKE_INSTANCE) is the folder for the embedded database, broker and secrets.
    """
    env = dict(os.environ if env is None else env)
    environment = env.get("INTAKE_ENV", "").strip() or "development"
    if environment not in ENVIRONMENTS:
        # A typo ("prod") must not silently run the development mode, which writes secrets
        # to instance/.
        raise ConfigError(
            f"INTAKE_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}"
        )
    production = environment == "production"
    _checked_secret_key(env)
    instance = Path(instance or env.get("INTAKE_INSTANCE") or DEFAULT_INSTANCE)

    if production:
        missing = [
            name
            for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "INTAKE_ENCRYPTION_KEYS")
            if not env.get(name)
        ]
        if missing:
            raise ConfigError(
                "INTAKE_ENV=production needs these environment variables: " + ", ".join(missing)
            )
        local: dict[str, str] = {}
    else:
        local = _local_secrets(instance)

    database_url = env.get("DATABASE_URL") or f"sqlite:///{instance / 'intake.sqlite'}"
    redis_url = env.get("REDIS_URL")
    visibility = int(env.get("CELERY_VISIBILITY_TIMEOUT", 3600))
    broker_url = redis_url or f"sqla+sqlite:///{instance / 'broker.sqlite'}"

    return {
        "INTAKE_ENV": "production" if production else "development",
        "INTAKE_INSTANCE": str(instance),
        "SECRET_KEY": env.get("SECRET_KEY") or local["SECRET_KEY"],
        "INTAKE_ENCRYPTION_KEYS": env.get("INTAKE_ENCRYPTION_KEYS")
        or local["INTAKE_ENCRYPTION_KEYS"],
        "SQLALCHEMY_DATABASE_URI": _postgres_url(database_url),
        # hide_parameters: SQL logs and errors would show values before they are encrypted.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        # Redis down must never refuse a report: the limits go on counting in this process's
        # memory until Redis answers again, and any other limiter error lets the request through.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        # How many proxies in front of us set X-Forwarded-For (README "Configuration").
        "TRUSTED_PROXIES": _whole_number(env, "TRUSTED_PROXIES", 0),
        # Flask-Limiter syntax. Receipt codes carry 78 bits, so guessing is hopeless anyway;
        # the lookup limit keeps a flood of guesses from costing us anything.
        "RATELIMIT_SUBMIT": env.get("RATELIMIT_SUBMIT", "10 per hour;30 per day"),
        "RATELIMIT_LOOKUP": env.get("RATELIMIT_LOOKUP", "20 per hour;50 per day"),
        "RATELIMIT_LOGIN": env.get("RATELIMIT_LOGIN", "30 per hour;100 per day"),
        # Failed sign-in steps (auth/throttle.py): per account and client; per account.
        "RATELIMIT_LOGIN_FAILURES": env.get(
            "RATELIMIT_LOGIN_FAILURES", "5 per 15 minutes;20 per day"
        ),
        "RATELIMIT_ACCOUNT_FAILURES": env.get("RATELIMIT_ACCOUNT_FAILURES", "50 per day"),
        "RETENTION_DAYS": int(env.get("INTAKE_RETENTION_DAYS", 90)),
        "STAFF_IDLE_MINUTES": int(env.get("STAFF_IDLE_MINUTES", 30)),
        "QUICK_EXIT_URL": env.get("QUICK_EXIT_URL", "https://www.google.com/"),
        # Where staff open the app: the links in alerts and digests start with it.
        "PUBLIC_BASE_URL": env.get("PUBLIC_BASE_URL")
        or f"http://127.0.0.1:{env.get('PORT') or '5000'}",
        # The organisation's time zone: staff pages show times and deadlines in it.
        "INTAKE_TIMEZONE": _time_zone(env.get("INTAKE_TIMEZONE") or "UTC"),
        # Big enough for a long narrative, small enough that nobody can fill the disk. Forms
        # with evidence files take the limits below instead (intake/evidence/uploads.py).
        "MAX_CONTENT_LENGTH": int(env.get("MAX_CONTENT_LENGTH", 256 * 1024)),
        "EVIDENCE_MAX_FILE_BYTES": int(float(env.get("EVIDENCE_MAX_FILE_MB", 50)) * 1024 * 1024),
        "EVIDENCE_MAX_REPORT_BYTES": int(
            float(env.get("EVIDENCE_MAX_REPORT_MB", 200)) * 1024 * 1024
        ),
        # Unset: sealed evidence files under instance/evidence; else an S3-compatible store.
        "STORAGE_URL": env.get("STORAGE_URL"),
        # An account entering more reports for people than this in an hour is flagged to admins.
        "VOLUNTEER_FLAG_PER_HOUR": int(env.get("VOLUNTEER_FLAG_PER_HOUR", 20)),
        "SESSION_COOKIE_SAMESITE": "Strict",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": 4 * 3600,  # a reporter may take a long time to write
        # Who is alerted at once about urgent reports; unset: every active admin.
        "ONCALL_EMAILS": parse_on_call(env.get("ONCALL_EMAILS", "")),
        "ONCALL_WEBHOOK_URL": env.get("ONCALL_WEBHOOK_URL"),
        "MAIL_SERVER": env.get("MAIL_SERVER"),
        "MAIL_PORT": int(env.get("MAIL_PORT", 25)),
        "MAIL_USE_TLS": env.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes"),
        "MAIL_USERNAME": env.get("MAIL_USERNAME"),
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD"),
        "MAIL_DEFAULT_SENDER": env.get("MAIL_DEFAULT_SENDER", "intake@localhost"),
        # Patterns (intake/patterns/alerts.py): supervisors are alerted when one officer is in
        # reports from this many different reporters within this many days.
        "PATTERN_ALERT_REPORTERS": int(env.get("PATTERN_ALERT_REPORTERS", 3)),
        "PATTERN_ALERT_DAYS": int(env.get("PATTERN_ALERT_DAYS", 180)),
        # A referral packet with no answer recorded after this many days comes back as a reminder.
        "REFERRAL_REMINDER_DAYS": int(env.get("REFERRAL_REMINDER_DAYS", 30)),
        # The public statistics page (intake/publication/): off unless PUBLIC_STATS=1; cells
        # under PUBLIC_STATS_K are hidden (intake/suppression.py).
        "PUBLIC_STATS": env.get("PUBLIC_STATS", "") == "1",
        "PUBLIC_STATS_K": max(2, int(env.get("PUBLIC_STATS_K", 5))),
        # A claim older than this belongs to a dead worker (workers/tasks.py); seconds.
        # A working worker renews its claim every PIPELINE_STUCK_AFTER / 3 seconds.
        "PIPELINE_STUCK_AFTER": _whole_number(env, "PIPELINE_STUCK_AFTER", 60),
        "CELERY": {
            "broker_url": broker_url,
            "task_ignore_result": True,
            # JSON only: pickle would let anyone who can write to the broker run code here.
            "task_serializer": "json",
            "accept_content": ["json"],
            "result_serializer": "json",
            # A task is acknowledged after it finishes, so a killed worker's report is redone.
            "task_acks_late": True,
            "task_reject_on_worker_lost": True,
            "worker_prefetch_multiplier": 1,
            "broker_connection_retry_on_startup": True,
            # A submit must not hang while the broker is down: fail fast, the sweep retries.
            "broker_transport_options": {
                "max_retries": 0,
                "socket_connect_timeout": 2,
                # An unacknowledged message (its worker died) is delivered again after this;
                # kombu looks for such messages every quarter of it (at most every minute).
                "visibility_timeout": visibility,
                "unacked_restore_interval": max(1, min(60, visibility // 4)),
                "unacked_restore_throttle": 1,
            }
            if redis_url
            else {},
            "beat_schedule_filename": str(instance / "celerybeat-schedule"),
            "beat_schedule": {
                "sweep-unprocessed-reports": {"task": "sweep_unprocessed", "schedule": 60.0},
                "purge-closed-originals": {"task": "purge_closed_originals", "schedule": 3600.0},
                "sweep-evidence-files": {"task": "sweep_attachments", "schedule": 60.0},
                # Digests (workers/digests.py): once per period and recipient, however
                # often beat fires; the period is the last complete day or Monday-to-Monday week.
                # Issue 17: officer patterns, referral reminders, the public statistics.
                "check-patterns": {"task": "check_patterns", "schedule": 900.0},
                "referral-reminders": {"task": "remind_referrals", "schedule": 3600.0},
                "public-stats": {"task": "compute_public_stats", "schedule": crontab(minute=30)},
                "digest-daily": {
                    "task": "send_digests",
                    "schedule": crontab(hour=6, minute=0),
                    "args": ["daily"],
                },
                "digest-weekly": {
                    "task": "send_digests",
                    "schedule": crontab(hour=6, minute=10, day_of_week="mon"),
                    "args": ["weekly"],
                },
            },
            "include": [
                "workers.tasks",
                "workers.accountability_tasks",
                "workers.evidence_tasks",
                "workers.volunteer_tasks",
            ],
        },
    }
