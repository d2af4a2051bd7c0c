"""Presidio engines built on the project's shared spaCy pipelines (loaded once per process)."""

from __future__ import annotations

import functools
import logging
import re

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    UsLicenseRecognizer,
    UsPassportRecognizer,
)

from workers.nlp import SUPPORTED_LANGUAGES, get_nlp, model_name

from .recognizers import (
    AccountabilityRecognizer,
    AddressRecognizer,
    ContactRecognizer,
    GovernmentIdRecognizer,
    NotNameRecognizer,
    PeopleRecognizer,
    PlacesRecognizer,
    SpelledNumberRecognizer,
    SpokenRecognizer,
)

log = logging.getLogger(__name__)


def make_tldextract_offline() -> None:
    """Presidio's email recognizer calls tldextract, which downloads the public suffix list on
    first use. Point it at the snapshot bundled with tldextract so no network call is made."""
    try:
        import tldextract
    except ImportError:  # pragma: no cover
        return
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline
    tldextract.tldextract.TLD_EXTRACTOR = offline


class _NoDebugText(logging.Filter):
    """Drops Presidio's DEBUG records: its context enhancer logs the words around every value
    it found ("Context list is: ..."), which would put names and numbers in the logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def quiet_presidio_debug() -> None:
    presidio_log = logging.getLogger("presidio-analyzer")
    if not any(isinstance(f, _NoDebugText) for f in presidio_log.filters):
        presidio_log.addFilter(_NoDebugText())


class SharedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, but using `workers.nlp.get_nlp` (one copy of each model)."""

    def __init__(self, languages=SUPPORTED_LANGUAGES, ner_model_configuration=None):
        super().__init__(
            models=[{"lang_code": lg, "model_name": model_name(lg)} for lg in languages],
            ner_model_configuration=ner_model_configuration,
        )
        self.languages = tuple(languages)

    def load(self) -> None:
        self.nlp = {lg: get_nlp(lg) for lg in self.languages}


IGNORED_NER_LABELS = (
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "EVENT",
    "PRODUCT",
    "MISC",
    "NORP",
    "DATE",
    "TIME",
    "ORG",
)


@functools.cache
def nlp_engine() -> SharedSpacyNlpEngine:
    """Stock configuration (used by the stock-Presidio baseline)."""
    make_tldextract_offline()
    engine = SharedSpacyNlpEngine()
    engine.load()
    return engine


@functools.cache
def domain_nlp_engine() -> SharedSpacyNlpEngine:
    """Same spaCy pipelines; only the entity labels our recognizers read are passed on."""
    make_tldextract_offline()
    engine = SharedSpacyNlpEngine(
        ner_model_configuration=NerModelConfiguration(labels_to_ignore=list(IGNORED_NER_LABELS))
    )
    engine.load()
    return engine


# Where our reporters' phones come from (phonenumbers validates each number for a region),
# and the regions stock Presidio checks, so that no phone stock finds is missed here.
PHONE_REGIONS = ("US", "MX", "GT", "HN", "SV", "NI", "CO", "VE", "CU", "DO", "HT", "BR")
PHONE_REGIONS += ("GB", "DE", "IL", "IN", "CA")
STOCK_CONTEXT_ES = {
    "PHONE_NUMBER": [
        "telefono",
        "teléfono",
        "numero",
        "número",
        "celular",
        "cel",
        "llamar",
        "llama",
        "whatsapp",
        "tel",
    ],
    "US_DRIVER_LICENSE": ["licencia", "manejar", "conducir", "licencia de manejo"],
    "US_PASSPORT": ["pasaporte"],
}


class RegionalPhoneRecognizer(PhoneRecognizer):
    """Presidio's phone recognizer, run only where digits could make a phone number: its
    matcher scans the whole text once per region, which is most of the analysis time."""

    CANDIDATE_RE = re.compile(r"\+?\(?\d[\d\s().\-/]{5,24}\d")

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for m in self.CANDIDATE_RE.finditer(text):
            lo, hi = max(0, m.start() - 2), min(len(text), m.end() + 2)
            for r in super().analyze(text[lo:hi], entities, nlp_artifacts):
                r.start, r.end = r.start + lo, r.end + lo
                results.append(r)
        return EntityRecognizer.remove_duplicates(results)


def stock_recognizers(language: str) -> list[EntityRecognizer]:
    """Presidio's own recognizers that apply to our reporters, beside ours (their results are
    relabelled and given a priority in `spans.STOCK_LABELS`)."""
    recs: list[EntityRecognizer] = [
        RegionalPhoneRecognizer(supported_language=language, supported_regions=PHONE_REGIONS),
        IpRecognizer(supported_language=language),
        CreditCardRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        UsLicenseRecognizer(supported_language=language),
        UsPassportRecognizer(supported_language=language),
    ]
    if language == "es":
        for rec in recs:
            extra = STOCK_CONTEXT_ES.get(rec.supported_entities[0], [])
            rec.context = list(rec.context or []) + extra
    return recs


def domain_recognizers(language: str):
    return stock_recognizers(language) + [
        ContactRecognizer(language),
        GovernmentIdRecognizer(language),
        AddressRecognizer(language),
        AccountabilityRecognizer(language),
        PlacesRecognizer(language),
        SpelledNumberRecognizer(language),
        SpokenRecognizer(language),
        PeopleRecognizer(language),
        NotNameRecognizer(language),
    ]


@functools.cache
def domain_analyzer() -> AnalyzerEngine:
    quiet_presidio_debug()
    registry = RecognizerRegistry(supported_languages=list(SUPPORTED_LANGUAGES))
    for lg in SUPPORTED_LANGUAGES:
        for rec in domain_recognizers(lg):
            registry.add_recognizer(rec)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=domain_nlp_engine(),
        supported_languages=list(SUPPORTED_LANGUAGES),
        default_score_threshold=0.0,
    )


@functools.cache
def stock_analyzer() -> AnalyzerEngine:
    """Stock Presidio (default recognizers) on the same spaCy models: the benchmark baseline."""
    make_tldextract_offline()
    registry = RecognizerRegistry(supported_languages=list(SUPPORTED_LANGUAGES))
    registry.load_predefined_recognizers(
        languages=list(SUPPORTED_LANGUAGES), nlp_engine=nlp_engine()
    )
    return AnalyzerEngine(
        registry=registry, nlp_engine=nlp_engine(), supported_languages=list(SUPPORTED_LANGUAGES)
    )
