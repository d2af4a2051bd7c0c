"""spaCy pipelines, loaded once per process and shared by every pipeline step.

Which models: the process's settings (`SpacyModels`: SPACY_MODEL_EN / SPACY_MODEL_ES, parsed once
at start with every other setting, intake/config.py), handed here by `use_models` when the app
is made (intake/__init__.py), or by a command line of its own (`python -m workers.anonymize`);
until then the defaults, the small models that install from PyPI. spaCy itself is imported with
the first model, so the web app, which never parses, does not import it.
"""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING

from .settings import SPACY_MODEL_VARIABLES, SpacyModels

if TYPE_CHECKING:
    from spacy.language import Language

SUPPORTED_LANGUAGES = tuple(SPACY_MODEL_VARIABLES)  # ("en", "es")


class ModelMissing(RuntimeError):
    """A configured spaCy model cannot be loaded; the message names its variable."""


_models = SpacyModels()  # this process's, once `use_models` has been given them


def use_models(models: SpacyModels) -> None:
    """The models this process loads from now on: call it at start, before the first report
    (a pipeline already loaded stays in the steps that hold it)."""
    global _models
    _models = models


def model_name(language: str) -> str:
    """The model `get_nlp(language)` loads (this process's settings, `use_models`)."""
    return _models.for_language(language)


def get_nlp(language: str) -> Language:
    """The spaCy pipeline for `language` ("en" or "es"), loaded on first use."""
    return _load(language, model_name(language))


@functools.cache
def _load(language: str, model: str) -> Language:
    import spacy

    with warnings.catch_warnings():
        # W095: the Spanish model was trained on spaCy 3.1; it is known to work on 3.8.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            return spacy.load(model)
        except OSError as exc:  # spaCy's "[E050] Can't find model ..."
            variable = SPACY_MODEL_VARIABLES[language]
            raise ModelMissing(
                f"the spaCy model {model!r} for {language!r} ({variable}) cannot be loaded: "
                "install it, or set the variable to an installed one"
            ) from exc
