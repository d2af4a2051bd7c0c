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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from celery.schedules import crontab
from cryptography.fernet import Fernet

from workers.settings import LlmConfig, SpacyModels, llm_config_from_env, spacy_models_from_env

from .paths import PACKAGE

# Files the app reads ship inside the package (a wheel has them too; intake/paths.py says where
# the templates and migrations are); what it writes goes to the instance folder, by default
# instance/ under the working directory (never the package).
AGENCY_SEED = PACKAGE / "data" / "ice-287g" / "participatingAgencies07182025pm.xlsx"


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


def parse_on_call(value: str) -> dict[str, list[str]]:
    """ONCALL_EMAILS: "a@x.org,b@x.org" (the on-call list) or "on-call:a@x.org;legal:c@x.org"."""
    lists: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        name, _, addresses = part.rpartition(":") if ":" in part else ("on-call", "", part)
        lists[name.strip()] = [a.strip() for a in addresses.split(",") if a.strip()]
    return lists


ENVIRONMENTS = ("development", "production")
MIN_SECRET_KEY_BYTES = 32
PRODUCTION_NEEDS = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "INTAKE_ENCRYPTION_KEYS")
MB = 1024 * 1024


def _whole(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(f"{name} must be a whole number (0 or more), not {raw!r}")
    return value


def _days(name: str, raw: str) -> int:
    value = _whole(name, raw)
    if value < 1:
        raise ConfigError(f"{name} must be at least 1 (days), not {raw!r}")
    return value


def _megabytes(name: str, raw: str) -> int:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ConfigError(f"{name} must be a number of megabytes above 0, not {raw!r}")
    return int(value * MB)


def _flag(name: str, raw: str) -> bool:
    words = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
    if raw.lower() not in words:
        raise ConfigError(f"{name} must be 1 or 0 (true/false, yes/no), not {raw!r}")
    return words[raw.lower()]


def _text(name: str, raw: str) -> str:
    return raw


def _zone(name: str, raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"{name}={raw!r} is not a time zone; use a name such as America/Chicago"
        ) from exc
    return raw


def _on_call(name: str, raw: str) -> dict[str, list[str]]:
    return parse_on_call(raw)


def _variable(name: str, default: Any, parse: Callable[[str, str], Any] = _text) -> Any:
    """A setting read from environment variable `name`; `default` when unset or blank."""
    return field(default=default, metadata={"env": name, "parse": parse})


@dataclass(frozen=True)
class Settings:
    """Every setting of a process, parsed once from the environment (README "Configuration").

    Each field that comes from a variable names it (`_variable`), with its one default; a
    malformed value raises ConfigError naming the variable. `flask_config()` is the mapping
    the app and the Celery worker are configured with."""

    environment: str
    instance: Path
    secret_key: str
    encryption_keys: str
    database_url: str
    redis_url: str | None
    public_base_url: str
    # How many proxies in front of us set X-Forwarded-For (README "Configuration").
    trusted_proxies: int = _variable("TRUSTED_PROXIES", 0, _whole)
    # Flask-Limiter syntax. Receipt codes carry 78 bits, so guessing is hopeless anyway;
    # the lookup limit keeps a flood of guesses from costing us anything.
    ratelimit_submit: str = _variable("RATELIMIT_SUBMIT", "10 per hour;30 per day")
    ratelimit_lookup: str = _variable("RATELIMIT_LOOKUP", "20 per hour;50 per day")
    # Staff sign-in steps (password, then code), per client: one client must not try a
    # password on every account in turn.
    ratelimit_login: str = _variable("RATELIMIT_LOGIN", "30 per hour;100 per day")
    # Failed sign-in steps (auth/throttle.py): per account and client; per account.
    ratelimit_login_failures: str = _variable(
        "RATELIMIT_LOGIN_FAILURES", "5 per 15 minutes;20 per day"
    )
    ratelimit_account_failures: str = _variable("RATELIMIT_ACCOUNT_FAILURES", "50 per day")
    retention_days: int = _variable("INTAKE_RETENTION_DAYS", 90, _days)
    staff_idle_minutes: int = _variable("STAFF_IDLE_MINUTES", 30, _whole)
    staff_session_hours: int = _variable("STAFF_SESSION_HOURS", 12, _whole)
    quick_exit_url: str = _variable("QUICK_EXIT_URL", "https://www.google.com/")
    # The organisation's time zone: staff pages show times and deadlines in it.
    time_zone: str = _variable("INTAKE_TIMEZONE", "UTC", _zone)
    # Big enough for a long narrative, small enough that nobody can fill the disk. Forms
    # with evidence files take the limits below instead (intake/evidence/uploads.py).
    max_content_length: int = _variable("MAX_CONTENT_LENGTH", 256 * 1024, _whole)
    evidence_max_file_bytes: int = _variable("EVIDENCE_MAX_FILE_MB", 50 * MB, _megabytes)
    evidence_max_report_bytes: int = _variable("EVIDENCE_MAX_REPORT_MB", 200 * MB, _megabytes)
    # Unset: sealed evidence files under instance/evidence; else an S3-compatible store.
    storage_url: str | None = _variable("STORAGE_URL", None)
    # An account entering more reports for people than this in an hour is flagged to admins.
    volunteer_flag_per_hour: int = _variable("VOLUNTEER_FLAG_PER_HOUR", 20, _whole)
    # Who is alerted at once about urgent reports; unset: every active admin.
    on_call_emails: dict[str, list[str]] | None = _variable("ONCALL_EMAILS", None, _on_call)
    on_call_webhook_url: str | None = _variable("ONCALL_WEBHOOK_URL", None)
    mail_server: str | None = _variable("MAIL_SERVER", None)
    mail_port: int = _variable("MAIL_PORT", 25, _whole)
    mail_use_tls: bool = _variable("MAIL_USE_TLS", False, _flag)
    mail_username: str | None = _variable("MAIL_USERNAME", None)
    mail_password: str | None = _variable("MAIL_PASSWORD", None)
    mail_default_sender: str = _variable("MAIL_DEFAULT_SENDER", "intake@localhost")
    # Patterns (intake/patterns/alerts.py): supervisors are alerted when one officer is in
    # reports from this many different reporters within this many days.
    pattern_alert_reporters: int = _variable("PATTERN_ALERT_REPORTERS", 3, _whole)
    pattern_alert_days: int = _variable("PATTERN_ALERT_DAYS", 180, _whole)
    # A referral packet with no answer recorded after this many days comes back as a reminder.
    referral_reminder_days: int = _variable("REFERRAL_REMINDER_DAYS", 30, _whole)
    # The public statistics page (intake/publication/): off unless PUBLIC_STATS=1; cells
    # under PUBLIC_STATS_K (at least 2) are hidden (intake/suppression.py).
    public_stats: bool = _variable("PUBLIC_STATS", False, _flag)
    public_stats_k: int = _variable("PUBLIC_STATS_K", 5, _whole)
    # The optional language model for summaries (SUMMARY_LLM_*, workers/summarize/llm.py):
    # parsed once here and handed to the worker's pipeline; None when it is off.
    summary_llm: LlmConfig | None = None
    # The spaCy models of the worker's steps (SPACY_MODEL_EN / SPACY_MODEL_ES, workers/nlp.py):
    # parsed once here, handed to workers.nlp when the app is made.
    spacy_models: SpacyModels = SpacyModels()
    # A claim older than this belongs to a dead worker (workers/claims.py); seconds.
    # A working worker renews its claim every PIPELINE_STUCK_AFTER / 3 seconds.
    pipeline_stuck_after: int = _variable("PIPELINE_STUCK_AFTER", 60, _whole)
    # An unacknowledged broker message (its worker died) is delivered again after this.
    celery_visibility_timeout: int = _variable("CELERY_VISIBILITY_TIMEOUT", 3600, _whole)

    @property
    def production(self) -> bool:
        return self.environment == "production"

    @classmethod
    def from_environment(
        cls, env: Mapping[str, str] | None = None, instance: str | Path | None = None
    ) -> Settings:
        """The settings of this process, from `env` (default: os.environ).

        `instance` (or INTAKE_INSTANCE) is the folder for the embedded database, broker and
        secrets. Production (INTAKE_ENV=production) refuses to start without its secrets."""
        env = {k: v for k, v in (os.environ if env is None else env).items() if v.strip()}
        environment = env.get("INTAKE_ENV", "development").strip()
        if environment not in ENVIRONMENTS:
            # A typo ("prod") must not silently run the development mode, which writes
            # secrets to instance/.
            raise ConfigError(
                f"INTAKE_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}"
            )
        _checked_secret_key(env)
        read = {
            spec.name: spec.metadata["parse"](spec.metadata["env"], env[spec.metadata["env"]])
            for spec in fields(cls)
            if "env" in spec.metadata and spec.metadata["env"] in env
        }
        folder = Path(instance or env.get("INTAKE_INSTANCE") or Path.cwd() / "instance")
        if environment == "production":
            missing = [name for name in PRODUCTION_NEEDS if not env.get(name)]
            if missing:
                raise ConfigError(
                    "INTAKE_ENV=production needs these environment variables: " + ", ".join(missing)
                )
            local: dict[str, str] = {}
        else:
            local = _local_secrets(folder)
        return cls(
            environment=environment,
            instance=folder,
            secret_key=env.get("SECRET_KEY") or local["SECRET_KEY"],
            encryption_keys=env.get("INTAKE_ENCRYPTION_KEYS") or local["INTAKE_ENCRYPTION_KEYS"],
            database_url=_postgres_url(
                env.get("DATABASE_URL") or f"sqlite:///{folder / 'intake.sqlite'}"
            ),
            redis_url=env.get("REDIS_URL"),
            # Where staff open the app: the links in alerts and digests start with it.
            public_base_url=env.get("PUBLIC_BASE_URL")
            or f"http://127.0.0.1:{_whole('PORT', env.get('PORT', '5000'))}",
            summary_llm=_summary_llm(env),
            spacy_models=_spacy_models(env),
            **read,
        )

    def flask_config(self) -> dict[str, Any]:
        """The Flask config mapping (Flask-SQLAlchemy, Flask-Limiter, Flask-Mail, Celery)."""
        production = self.production
        return {
            "INTAKE_ENV": self.environment,
            "INTAKE_INSTANCE": str(self.instance),
            "SECRET_KEY": self.secret_key,
            "INTAKE_ENCRYPTION_KEYS": self.encryption_keys,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            # hide_parameters: SQL logs and errors would show values before they are encrypted.
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
            "REDIS_URL": self.redis_url,
            "SUMMARY_LLM": self.summary_llm,
            "SPACY_MODELS": self.spacy_models,
            "RATELIMIT_STORAGE_URI": self.redis_url or "memory://",
            # Redis down must never refuse a report: the limits go on counting in this
            # process's memory until Redis answers again, and any other limiter error lets the
            # request through.
            "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
            "RATELIMIT_SWALLOW_ERRORS": True,
            "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            "TRUSTED_PROXIES": self.trusted_proxies,
            "RATELIMIT_SUBMIT": self.ratelimit_submit,
            "RATELIMIT_LOOKUP": self.ratelimit_lookup,
            "RATELIMIT_LOGIN": self.ratelimit_login,
            "RATELIMIT_LOGIN_FAILURES": self.ratelimit_login_failures,
            "RATELIMIT_ACCOUNT_FAILURES": self.ratelimit_account_failures,
            "RETENTION_DAYS": self.retention_days,
            "STAFF_IDLE_MINUTES": self.staff_idle_minutes,
            "STAFF_SESSION_HOURS": self.staff_session_hours,
            "QUICK_EXIT_URL": self.quick_exit_url,
            "PUBLIC_BASE_URL": self.public_base_url,
            "INTAKE_TIMEZONE": self.time_zone,
            "MAX_CONTENT_LENGTH": self.max_content_length,
            "EVIDENCE_MAX_FILE_BYTES": self.evidence_max_file_bytes,
            "EVIDENCE_MAX_REPORT_BYTES": self.evidence_max_report_bytes,
            "STORAGE_URL": self.storage_url,
            "VOLUNTEER_FLAG_PER_HOUR": self.volunteer_flag_per_hour,
            "SESSION_COOKIE_SAMESITE": "Strict",
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SECURE": production,
            "REMEMBER_COOKIE_SECURE": production,
            "WTF_CSRF_TIME_LIMIT": 4 * 3600,  # a reporter may take a long time to write
            "ONCALL_EMAILS": self.on_call_emails or {},
            "ONCALL_WEBHOOK_URL": self.on_call_webhook_url,
            "MAIL_SERVER": self.mail_server,
            "MAIL_PORT": self.mail_port,
            "MAIL_USE_TLS": self.mail_use_tls,
            "MAIL_USERNAME": self.mail_username,
            "MAIL_PASSWORD": self.mail_password,
            "MAIL_DEFAULT_SENDER": self.mail_default_sender,
            "PATTERN_ALERT_REPORTERS": self.pattern_alert_reporters,
            "PATTERN_ALERT_DAYS": self.pattern_alert_days,
            "REFERRAL_REMINDER_DAYS": self.referral_reminder_days,
            "PUBLIC_STATS": self.public_stats,
            "PUBLIC_STATS_K": max(2, self.public_stats_k),
            "PIPELINE_STUCK_AFTER": self.pipeline_stuck_after,
            "CELERY": self._celery(),
        }

    def _celery(self) -> dict[str, Any]:
        visibility = self.celery_visibility_timeout
        return {
            "broker_url": self.redis_url or f"sqla+sqlite:///{self.instance / 'broker.sqlite'}",
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
            if self.redis_url
            else {},
            "beat_schedule_filename": str(self.instance / "celerybeat-schedule"),
            "beat_schedule": BEAT_SCHEDULE,
            "include": WORKER_MODULES,
        }


def _summary_llm(env: Mapping[str, str]) -> LlmConfig | None:
    try:
        return llm_config_from_env(env)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _spacy_models(env: Mapping[str, str]) -> SpacyModels:
    try:
        return spacy_models_from_env(env)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _checked_secret_key(env: Mapping[str, str]) -> None:
    key = env.get("SECRET_KEY")
    if key and len(key.encode()) < MIN_SECRET_KEY_BYTES:
        # A short key lets anyone who guesses it sign sessions and recompute receipts.
        raise ConfigError(
            f"SECRET_KEY is {len(key.encode())} bytes; use at least {MIN_SECRET_KEY_BYTES} "
            "random bytes, for example: "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )


BEAT_SCHEDULE: dict[str, dict[str, Any]] = {
    "sweep-unprocessed-reports": {"task": "sweep_unprocessed", "schedule": 60.0},
    "purge-closed-originals": {"task": "purge_closed_originals", "schedule": 3600.0},
    "sweep-evidence-files": {"task": "sweep_attachments", "schedule": 60.0},
    # Deliveries (digests, alerts) a dead sender left claimed: workers/delivery.py.
    "sweep-deliveries": {"task": "sweep_deliveries", "schedule": 60.0},
    # Digests (workers/digests.py): once per period and recipient, however often beat
    # fires; the period is the last complete day or Monday-to-Monday week.
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
}
WORKER_MODULES = [
    "workers.tasks",
    "workers.accountability_tasks",
    "workers.evidence_tasks",
    "workers.volunteer_tasks",
]


def from_environment(
    env: Mapping[str, str] | None = None, instance: str | Path | None = None
) -> dict[str, Any]:
    """The Flask config mapping for this process (`Settings.from_environment`)."""
    return Settings.from_environment(env, instance).flask_config()
