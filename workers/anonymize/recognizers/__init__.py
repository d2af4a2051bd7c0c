"""Presidio recognizers for complaint narratives, one module per kind of thing found:
contact details, government ids, home addresses, accountability data (agencies, badges,
dates), places, people (private persons and officers), identifiers said rather than written,
and words that are not names where a name detector would take them for one."""

from .accountability import AccountabilityRecognizer
from .addresses import AddressRecognizer
from .common import FUNCTION_WORDS, KEEP_LABELS, NAME_CONNECTORS, REDACT_LABELS, Ctx, ctx_of
from .contact import ContactRecognizer
from .government_ids import GovernmentIdRecognizer
from .not_names import NotNameRecognizer
from .people import PeopleRecognizer, merge_person_candidates
from .places import PlacesRecognizer
from .spelled_numbers import SpelledNumberRecognizer
from .spoken import SpokenRecognizer

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
    "NotNameRecognizer",
    "PeopleRecognizer",
    "PlacesRecognizer",
    "SpelledNumberRecognizer",
    "SpokenRecognizer",
    "ctx_of",
    "merge_person_candidates",
]
