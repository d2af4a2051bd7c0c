"""Settings of the workers' pure steps, parsed from the environment: nothing heavy is imported
here, so the web app's configuration (intake/config.py, Settings) can parse them at start too
and a malformed value stops every process with a message naming its variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True)
class LlmConfig:
    """Where the language model is: `url` is the base URL, e.g. http://127.0.0.1:8080/v1."""

    url: str
    model: str = ""
    timeout: float = DEFAULT_TIMEOUT
    api_key: str | None = None


def llm_config_from_env(environ: Mapping[str, str] | None = None) -> LlmConfig | None:
    """The LLM backend configured by `SUMMARY_LLM_*` variables, or None when it is off.

    A timeout that is not a number of seconds above 0 raises ValueError naming the variable:
    the app and the worker read this once at start (intake/config.py, Settings) and refuse to
    start, rather than quietly using another timeout."""
    env = os.environ if environ is None else environ
    url = (env.get("SUMMARY_LLM_URL") or "").strip()
    if not url:
        return None
    raw = (env.get("SUMMARY_LLM_TIMEOUT") or "").strip()
    try:
        timeout = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        timeout = -1.0
    if not timeout > 0:
        raise ValueError(f"SUMMARY_LLM_TIMEOUT must be a number of seconds above 0, not {raw!r}")
    return LlmConfig(
        url=url,
        model=(env.get("SUMMARY_LLM_MODEL") or "").strip(),
        timeout=timeout,
        api_key=(env.get("SUMMARY_LLM_API_KEY") or "").strip() or None,
    )
