"""Generate Presidio's own benchmark (presidio-evaluator's bundled templates) as a corpus file.

presidio-evaluator pulls in pandas, scikit-learn, transformers and plotly, so it is not a
project dependency. Run this once in a throwaway virtualenv; the output is committed:

    python3 -m venv /tmp/pe && /tmp/pe/bin/pip install presidio-evaluator==0.3.2
    /tmp/pe/bin/python bench/make_presidio_benchmark.py bench/data/presidio-benchmark.jsonl

600 sentences, seed 42, en_US, 5% lower-case names (the library's defaults in its notebooks).
Entity types that name a person or a way to reach or identify them are "redact" spans
(IDENTIFIER_TYPES); the others (cities, dates, organisations, titles, nationalities, ages,
zip codes) are "ignore" spans: neither scored as identifiers nor counted as other text.
"""

from __future__ import annotations

import json
import sys

IDENTIFIER_TYPES = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "STREET_ADDRESS",
        "CREDIT_CARD",
        "IBAN_CODE",
        "US_SSN",
        "IP_ADDRESS",
        "US_DRIVER_LICENSE",
        "DOMAIN_NAME",
        "US_PASSPORT",
        "US_BANK_NUMBER",
    }
)


def main(out: str) -> int:
    from presidio_evaluator.data_generator import PresidioSentenceFaker

    faker = PresidioSentenceFaker("en_US", lower_case_ratio=0.05, random_seed=42)
    samples = faker.generate_new_fake_sentences(600)
    with open(out, "w", encoding="utf-8") as fh:
        for i, s in enumerate(samples):
            spans = [
                {
                    "start": sp.start_position,
                    "end": sp.end_position,
                    "label": sp.entity_type,
                    "action": "redact" if sp.entity_type in IDENTIFIER_TYPES else "ignore",
                }
                for sp in sorted(s.spans, key=lambda sp: sp.start_position)
            ]
            item = {
                "id": f"presidio-{i:03d}",
                "language": "en",
                "text": s.full_text,
                "known": {},
                "spans": spans,
            }
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {out}: {len(samples)} sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(sys.argv[1] if len(sys.argv) > 1 else "bench/data/presidio-benchmark.jsonl")
    )
