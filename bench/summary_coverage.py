"""Do summaries carry the key facts? `python bench/summary_coverage.py [--write PATH]`

For each report: the router's narrative signals (their evidence clause) and the key facts the
narrative tells (workers/summarize/cues.KEY_FACTS: detainer, transfer, medical, children,
force, status questioning, retaliation, each found in a sentence by its word beginnings). A
fact is covered when a sentence of the summary carries it. Reported: the share of reports whose
summary covers every signal / every key fact, and per fact, on the generated eval partition and
the development corpus (tests/anonymize/data/dev.jsonl), side by side with the summarizer as it
was (most central sentences, no key facts), in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from scratch import write_results  # noqa: E402
from triage_corpus import generate  # noqa: E402

import workers.summarize.extractive as extractive  # noqa: E402
from workers.route import complete_sample, load_rules, route  # noqa: E402
from workers.summarize.cues import key_fact_prefixes  # noqa: E402
from workers.summarize.text import fold  # noqa: E402

DEV = ROOT / "tests" / "anonymize" / "data" / "dev.jsonl"
PREFIXES = key_fact_prefixes()


def facts_in(text: str) -> set[str]:
    words = fold(text).split()
    return {name for name, p in PREFIXES.items() if any(w.startswith(p) for w in words)}


def measure(items: list[dict], with_key_facts: bool) -> dict:
    rules = load_rules()
    saved = extractive._key_facts
    if not with_key_facts:
        extractive._key_facts = lambda: {}
    try:
        totals: Counter = Counter()
        for item in items:
            narrative = item["text"]
            decision = route(
                complete_sample({"language": item["language"], "narrative_redacted": narrative}),
                rules,
            )
            evidence = [s.evidence for s in decision.signals if s.source == "narrative"]
            must = evidence if with_key_facts else ()
            summary = extractive.extract(narrative, item["language"], must)
            chosen = [s["text"] for s in summary]
            spans = extractive.sentence_spans(narrative, item["language"])
            told = set().union(*(facts_in(narrative[a:b]) for a, b in spans)) if spans else set()
            said = set().union(*(facts_in(t) for t in chosen)) if chosen else set()
            covered_signals = [
                any(_carries(t, e) for t in chosen) for e in evidence
            ]  # fmt: skip
            totals["reports"] += 1
            if evidence:
                totals["with_signals"] += 1
                totals["signals_all_covered"] += all(covered_signals)
                totals["signals"] += len(evidence)
                totals["signals_covered"] += sum(covered_signals)
            if told:
                totals["with_facts"] += 1
                totals["facts_all_covered"] += told <= said
            for name in told:
                totals[f"told:{name}"] += 1
                totals[f"said:{name}"] += name in said
            totals["sentences"] += len(chosen)
        return totals
    finally:
        extractive._key_facts = saved


def _carries(sentence: str, words: str) -> bool:
    a, b = " ".join(fold(sentence).split()), " ".join(fold(words).split())
    return bool(b) and (b in a or (len(a) > 20 and a in b))


def _share(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def render(name: str, before: Counter, after: Counter) -> list[str]:
    lines = [
        f"### {name} ({after['reports']} reports)",
        "",
        "| | before (central sentences only) | now (key facts first) |",
        "|---|---|---|",
        f"| reports whose summary carries every urgency signal's sentence | "
        f"{_share(before['signals_all_covered'], before['with_signals'])} | "
        f"{_share(after['signals_all_covered'], after['with_signals'])} |",
        f"| signals whose sentence is in the summary | "
        f"{_share(before['signals_covered'], before['signals'])} | "
        f"{_share(after['signals_covered'], after['signals'])} |",
        f"| reports whose summary carries every key fact told | "
        f"{_share(before['facts_all_covered'], before['with_facts'])} | "
        f"{_share(after['facts_all_covered'], after['with_facts'])} |",
    ]
    for fact in PREFIXES:
        told = after[f"told:{fact}"]
        if told:
            lines.append(
                f"| {fact.replace('_', ' ')} told, in the summary | "
                f"{_share(before[f'said:{fact}'], told)} | {_share(after[f'said:{fact}'], told)} |"
            )
    lines.append(
        f"| sentences per summary | {before['sentences'] / max(before['reports'], 1):.2f} | "
        f"{after['sentences'] / max(after['reports'], 1):.2f} |"
    )
    return [*lines, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    dev = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    sets = [
        ("generated eval partition", generate("eval", args.count, 13)),
        ("development corpus (tests/anonymize/data/dev.jsonl)", dev),
    ]
    out = []
    for name, items in sets:
        out.extend(render(name, measure(items, False), measure(items, True)))
    write_results(args.write, "Summary key-fact coverage", "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
