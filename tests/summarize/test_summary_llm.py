"""The optional language-model backend, against a fake OpenAI-compatible endpoint."""

import logging
import socket

import pytest

from workers.i18n import translator
from workers.summarize import FROM_ENV, LlmConfig, llm_config_from_env, summarize
from workers.summarize.llm import MAX_ANSWER_CHARS

NARRATIVE = (
    "El 3 de marzo un deputy del sheriff de Harris paró a mi esposo [PERSON 1] en la Spencer Hwy. "
    "Le preguntó si tenía papeles y lo esposó. Se lo llevaron a la cárcel con un hold de ICE."
)
ANSWER = (
    "A Harris County deputy stopped [PERSON 1] on Spencer Hwy on March 3, asked whether he had "
    "papers, handcuffed him and took him to jail, where ICE placed a hold."
)


def config(fake_llm, timeout: float = 5.0) -> LlmConfig:
    return LlmConfig(url=fake_llm.url, model="local-test", timeout=timeout)


def test_happy_path_sends_only_redacted_text(fake_llm, facts):
    fake_llm.answer(ANSWER)
    summary = summarize(facts, NARRATIVE, llm=config(fake_llm))
    assert summary.method == "llm"
    assert summary.machine_generated is True
    assert summary.text == (
        summary.structured
        + "\n\nNarrative summary (written by a language model from the redacted Spanish narrative,"
        " machine-generated):\n" + ANSWER
    )
    # The key sentences stay linked to the narrative even when the model writes the summary.
    assert summary.sentences
    for sentence in summary.sentences:
        assert NARRATIVE[sentence.start : sentence.end] == sentence.text

    (request,) = fake_llm.requests
    assert request["path"] == "/v1/chat/completions"
    body = request["json"]
    assert body["model"] == "local-test"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    user = body["messages"][1]["content"]
    assert NARRATIVE in user
    assert summary.structured in user
    assert "Authorization" not in request["headers"]


def test_spanish_staff_prompt(fake_llm, facts):
    fake_llm.answer("Un deputy paró a [PERSON 1] y lo llevó a la cárcel.")
    summary = summarize(facts, NARRATIVE, translator("es"), llm=config(fake_llm))
    assert summary.method == "llm"
    assert "Resumen del relato" in summary.text
    system = fake_llm.requests[0]["json"]["messages"][0]["content"]
    assert "en español" in system


def check_fallback(summary, caplog) -> None:
    assert summary.method == "extractive"
    assert "From the narrative (Spanish, machine-extracted):" in summary.text
    (record,) = [r for r in caplog.records if r.name.startswith("workers.summarize")]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert "report 12" in message
    # The log says that it failed, never what the report says.
    for fragment in ("Spencer", "papeles", "[PERSON 1]", "Harris", "deputy"):
        assert fragment not in message


@pytest.mark.parametrize(
    "status,body",
    [
        (500, b'{"error": "model crashed"}'),
        (200, b"<html>not json</html>"),
        (200, b'{"choices": []}'),
        (200, b'{"choices": [{"message": {"content": null}}]}'),
        (404, b""),
    ],
    ids=["http-500", "garbage", "no-choices", "null-content", "http-404"],
)
def test_falls_back_on_bad_responses(fake_llm, facts, caplog, status, body):
    fake_llm.status, fake_llm.body = status, body
    with caplog.at_level(logging.WARNING):
        summary = summarize(facts, NARRATIVE, llm=config(fake_llm))
    check_fallback(summary, caplog)


@pytest.mark.parametrize(
    "answer",
    ["   ", "x" * (MAX_ANSWER_CHARS + 1), "The deputy called [PERSON 1] at 713-555-0142."],
    ids=["empty", "oversized", "invented-number"],
)
def test_falls_back_on_unusable_answers(fake_llm, facts, caplog, answer):
    fake_llm.answer(answer)
    with caplog.at_level(logging.WARNING):
        summary = summarize(facts, NARRATIVE, llm=config(fake_llm))
    check_fallback(summary, caplog)


def test_falls_back_on_timeout(fake_llm, facts, caplog):
    fake_llm.hang = True
    with caplog.at_level(logging.WARNING):
        summary = summarize(facts, NARRATIVE, llm=config(fake_llm, timeout=0.2))
    check_fallback(summary, caplog)


def test_falls_back_when_nothing_listens(facts, caplog):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with caplog.at_level(logging.WARNING):
        summary = summarize(facts, NARRATIVE, llm=LlmConfig(f"http://127.0.0.1:{port}/v1"))
    check_fallback(summary, caplog)


def test_rejects_non_http_url(facts, caplog):
    with caplog.at_level(logging.WARNING):
        summary = summarize(facts, NARRATIVE, llm=LlmConfig("file:///etc/passwd"))
    check_fallback(summary, caplog)


def test_no_narrative_does_not_call_the_model(fake_llm, facts):
    summary = summarize(facts, "", llm=config(fake_llm))
    assert summary.method == "extractive"
    assert fake_llm.requests == []


def test_environment_turns_it_on_and_none_turns_it_off(fake_llm, facts, monkeypatch):
    fake_llm.answer(ANSWER)
    monkeypatch.setenv("SUMMARY_LLM_URL", fake_llm.url)
    monkeypatch.setenv("SUMMARY_LLM_MODEL", "from-env")
    assert summarize(facts, NARRATIVE).method == "llm"
    assert summarize(facts, NARRATIVE, llm=FROM_ENV).method == "llm"
    assert fake_llm.requests[0]["json"]["model"] == "from-env"
    assert summarize(facts, NARRATIVE, llm=None).method == "extractive"
    assert len(fake_llm.requests) == 2


def test_config_from_environment():
    assert llm_config_from_env({}) is None
    assert llm_config_from_env({"SUMMARY_LLM_URL": "  "}) is None
    assert llm_config_from_env({"SUMMARY_LLM_URL": "http://127.0.0.1:8080/v1"}) == LlmConfig(
        url="http://127.0.0.1:8080/v1", model="", timeout=20.0
    )
    env = {
        "SUMMARY_LLM_URL": "http://127.0.0.1:8080/v1/",
        "SUMMARY_LLM_MODEL": "qwen2.5-7b-instruct",
        "SUMMARY_LLM_TIMEOUT": "7.5",
    }
    assert llm_config_from_env(env) == LlmConfig(
        "http://127.0.0.1:8080/v1/", "qwen2.5-7b-instruct", 7.5
    )
    for bad in ("soon", "0", "-3"):
        with pytest.raises(ValueError, match="SUMMARY_LLM_TIMEOUT must be a number of seconds"):
            llm_config_from_env(dict(env, SUMMARY_LLM_TIMEOUT=bad))


def test_the_worker_uses_the_backend_its_settings_parsed_at_start(fake_llm, build_app):
    """The pipeline takes SUMMARY_LLM from the app's settings, read once at start."""
    from sqlalchemy import select

    from intake.extensions import db
    from intake.models import Report
    from workers import tasks

    from ..conftest import submit_report

    fake_llm.answer(ANSWER)
    app = build_app({"SUMMARY_LLM_URL": fake_llm.url, "SUMMARY_LLM_MODEL": "at-start"})
    assert app.config["SUMMARY_LLM"] == LlmConfig(url=fake_llm.url, model="at-start")
    with app.app_context():
        submit_report(app.test_client(), narrative=NARRATIVE)
        report_id = db.session.scalar(select(Report.id))
        assert tasks.process_report.run(report_id) == "processed"
        db.session.expire_all()
        assert db.session.get(Report, report_id).summary_detail["method"] == "llm"
        assert fake_llm.requests[0]["json"]["model"] == "at-start"
        db.session.remove()
