"""Small text helpers shared by the summary steps."""

import re
import unicodedata

# Placeholders the anonymizer leaves in place of redacted values: "[PERSON 1]", "[PHONE]",
# "[STREET_ADDRESS 2]", and Presidio's default "<PERSON>".
PLACEHOLDER_RE = re.compile(r"\[[A-Z][A-Z_]*(?:[ _#-]?\d+)?\]|<[A-Z][A-Z_]+>")


def fold(text: str) -> str:
    """Lower-case, accent-free text for matching cue words ("Policía" -> "policia")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
