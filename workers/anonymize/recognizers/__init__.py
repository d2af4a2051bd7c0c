"""Presidio recognizers for complaint narratives, one module per kind of thing found:
contact details, government ids, home addresses, accountability data (agencies, badges,
dates), places, and people (private persons and officers)."""

from .accountability import AccountabilityRecognizer
from .addresses import AddressRecognizer
from .common import FUNCTION_WORDS, KEEP_LABELS, NAME_CONNECTORS, REDACT_LABELS, Ctx, ctx_of
from .contact import ContactRecognizer
from .government_ids import GovernmentIdRecognizer
from .people import PeopleRecognizer, merge_person_candidates
from .places import PlacesRecognizer
from .spelled_numbers import SpelledNumberRecognizer

__all__ = [
    "FUNCTION_WORDS",
    "KEEP_LABELS",
    "NAME_CONNECTORS",
    "REDACT_LABELS",
    "AccountabilityRecognizer",
    "AddressRecognizer",
    "ContactRecognizer",
    "Ctx",
    "GovernmentIdRecognizer",
    "PeopleRecognizer",
    "PlacesRecognizer",
    "SpelledNumberRecognizer",
    "ctx_of",
    "merge_person_candidates",
]
