"""Optional summary by a local language model behind an OpenAI-compatible HTTP endpoint.

Off unless the deployment sets `SUMMARY_LLM_URL`. The model only ever receives the redacted
narrative and the structured facts; any failure (connection, HTTP error, timeout, unreadable or
empty or oversized answer) makes the caller fall back to the extractive summary.
"""

import json
import logging
import re
import urllib.error
import urllib.request

from workers.settings import LlmConfig

logger = logging.getLogger(__name__)

# What the model is given and may give back, in characters.
MAX_NARRATIVE_CHARS = 12_000
MAX_ANSWER_CHARS = 1_500
MAX_RESPONSE_BYTES = 256 * 1024
_NUMBER_RE = re.compile(r"\d{3,}")


class LlmError(Exception):
    """The language model gave no usable summary."""


def _endpoint(config: LlmConfig) -> str:
    base = config.url.rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise LlmError("SUMMARY_LLM_URL must be an http(s) URL")
    return base if base.endswith("/chat/completions") else f"{base}/chat/completions"


# No proxies: a narrative must go to the configured endpoint and nowhere else.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def complete(config: LlmConfig, system: str, user: str) -> str:
    """Ask the model once; return its answer text or raise LlmError."""
    body = {
        "model": config.model,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        "temperature": 0,
        "max_tokens": 400,
        "stream": False,
    }
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    request = urllib.request.Request(  # noqa: S310 - scheme checked in _endpoint
        _endpoint(config), data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with _OPENER.open(request, timeout=config.timeout) as response:
            raw = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise LlmError(f"HTTP {exc.code}") from None
    except (OSError, ValueError) as exc:  # URLError, timeouts, connection resets
        raise LlmError(type(exc).__name__) from None
    if len(raw) > MAX_RESPONSE_BYTES:
        raise LlmError("response too large")
    try:
        answer = json.loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LlmError("unreadable response") from None
    if not isinstance(answer, str) or not answer.strip():
        raise LlmError("empty answer")
    answer = answer.strip()
    if len(answer) > MAX_ANSWER_CHARS:
        raise LlmError("answer too long")
    return answer


def check_grounded(answer: str, sources: str) -> None:
    """Refuse an answer with numbers (phones, IDs, badges) that appear nowhere in its sources."""
    known = set(_NUMBER_RE.findall(sources))
    invented = set(_NUMBER_RE.findall(answer)) - known
    if invented:
        raise LlmError("answer contains a number not in the report")
