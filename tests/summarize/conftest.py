"""Fixtures for the summarizer: report facts, the annotated corpus, a fake language model."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workers.contracts import ReportFacts

CORPUS = Path(__file__).resolve().parents[1] / "anonymize" / "data" / "dev.jsonl"


@pytest.fixture(autouse=True)
def _no_llm_from_env(monkeypatch):
    """Tests choose the language-model backend explicitly; the host's environment does not."""
    for name in ("SUMMARY_LLM_URL", "SUMMARY_LLM_MODEL", "SUMMARY_LLM_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def facts():
    return ReportFacts.from_mapping({
        "id": 12,
        "language": "es",
        "incident_date": "2024-03-03",
        "incident_time": "21:40",
        "date_approximate": True,
        "city": "Pasadena",
        "county": "Harris",
        "state": "TX",
        "location_detail": "Spencer Hwy and Red Bluff",
        "agency": {
            "name": "Harris County Sheriff's Office",
            "state": "TX",
            "models": ["JEM", "TFM"],
            "status": "former",
        },
        "agency_choice": "listed",
        "categories": ["traffic_stop", "detainer_hold"],
        "category_labels": [
            "Pretextual or prolonged traffic stop",
            "Held on an ICE detainer past release",
        ],
        "affected_role_label": "A family member",
        "affected_minor": False,
        "detained_now": "yes",
        "facility": "Joint Processing Center",
        "transfer_expected": "unknown",
        "urgent": True,
        "urgency_labels": ["Someone is in custody right now"],
        "help_wanted_labels": ["Help from a lawyer"],
        "evidence_labels": ["Video"],
    })


def redact(record: dict) -> str:
    """The corpus text with every `redact` span replaced by a numbered placeholder, the way the
    anonymizer writes them ("[PERSON 1]")."""
    text, out, pos, counts = record["text"], [], 0, {}
    for span in sorted(record["spans"], key=lambda s: s["start"]):
        if span["action"] != "redact" or span["start"] < pos:
            continue
        counts[span["label"]] = counts.get(span["label"], 0) + 1
        out += [text[pos : span["start"]], f"[{span['label']} {counts[span['label']]}]"]
        pos = span["end"]
    out.append(text[pos:])
    return "".join(out)


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    """The annotated corpus, each record with `redacted`: its text as the anonymizer leaves it."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [dict(record, redacted=redact(record)) for record in records if record]


class FakeLlm:
    """An OpenAI-compatible /chat/completions endpoint on 127.0.0.1 that answers as told."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        self.body: bytes = b""
        self.hang = False
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                fake.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "json": json.loads(raw)}
                )
                if fake.hang:
                    fake.release.wait(10)
                    return
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.body)))
                self.end_headers()
                self.wfile.write(fake.body)

            def log_message(self, format, *args):  # noqa: A002 - quiet test output
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def answer(self, content: str) -> None:
        self.status = 200
        self.body = json.dumps(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
            }
        ).encode()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def fake_llm():
    server = FakeLlm()
    yield server
    server.close()
