"""Urgency triage benchmark: recall and precision per level and language.

    python bench/triage.py [--heldout bench/data/triage-heldout.jsonl] [--no-generated]
                           [--write bench/RESULTS-triage.md] [--show-misses]

Scores, side by side in one run, the phrase-list design that shipped before (baseline,
bench/data/rules-phrase-baseline.yaml) and the shipped router (the concept reader; the learned
scorer was removed in round 4, see bench/triage_train.py), on:
- the generated `eval` and `blind` partitions (bench/triage_corpus.py: templates and vocabulary
  disjoint from the training partition and from each other);
- a held-out file of hand-written narratives, when given (one JSON object a line: id, language,
  text, urgent); `--no-generated` scores only those files (a blind set, scored once).
Targets: recall of urgent-or-check-now >= 0.95 over the truly urgent, precision of the urgent
level >= 0.90, in English and in Spanish.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from scratch import write_results  # noqa: E402
from triage_corpus import generate  # noqa: E402

from workers.route import complete_sample, load_rules, route  # noqa: E402

EVAL_COUNT = 1200
SEED = 13
BASELINE = ROOT / "bench" / "data" / "rules-phrase-baseline.yaml"


def levels(items: list[dict], rules) -> list[str]:  # noqa: ANN001
    """The level the router gives each item."""
    return [
        route(complete_sample({"language": it["language"], "narrative_redacted": it["text"]}),
              rules).level
        for it in items
    ]  # fmt: skip


def score(items: list[dict], predicted: list[str]) -> dict[str, dict]:
    table = {}
    for language in ("en", "es", "all"):
        pairs = [
            (item["urgent"], level)
            for item, level in zip(items, predicted, strict=True)
            if language == "all" or item["language"] == language
        ]
        urgent = [level for truth, level in pairs if truth]
        calm = [level for truth, level in pairs if not truth]
        said_urgent = [truth for truth, level in pairs if level == "urgent"]
        table[language] = {
            "n": len(pairs),
            "urgent": len(urgent),
            "recall_urgent_or_check": _ratio(sum(lv != "normal" for lv in urgent), len(urgent)),
            "recall_urgent_level": _ratio(sum(lv == "urgent" for lv in urgent), len(urgent)),
            "precision_urgent": _ratio(sum(said_urgent), len(said_urgent)),
            "false_alarms_urgent": sum(lv == "urgent" for lv in calm),
            "calm_check_now": sum(lv == "check-now" for lv in calm),
            "urgent_check_now": sum(lv == "check-now" for lv in urgent),
            "calm": len(calm),
        }
    return table


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def render(name: str, results: dict[str, dict]) -> list[str]:
    lines = [
        f"### {name}",
        "",
        "| design | language | n (urgent) | urgent-or-check-now recall | urgent-level recall "
        "| urgent precision | false alarms (urgent) | check-now (truly urgent + not) "
        "| not urgent sent to check-now |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for design, table in results.items():
        for language, row in table.items():
            lines.append(
                f"| {design} | {language} | {row['n']} ({row['urgent']}) | "
                f"{row['recall_urgent_or_check']} | {row['recall_urgent_level']} | "
                f"{row['precision_urgent']} | {row['false_alarms_urgent']} | "
                f"{row['urgent_check_now'] + row['calm_check_now']} "
                f"({row['urgent_check_now']} + {row['calm_check_now']}) | "
                f"{row['calm_check_now']}/{row['calm']} |"
            )
    return [*lines, ""]


def misses(items: list[dict], predicted: list[str], limit: int = 12) -> list[str]:
    out = []
    for item, level in zip(items, predicted, strict=True):
        wrong = (item["urgent"] and level == "normal") or (not item["urgent"] and level == "urgent")
        if wrong and len(out) < limit:
            truth = "urgent" if item["urgent"] else "not urgent"
            out.append(
                f"- {item['id']} ({item['language']}, truly {truth}, routed {level}): "
                f"{item['text'][:160]}"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--heldout",
        type=Path,
        action="append",
        default=[],
        help="hand-written set (JSON lines: id, language, text, urgent)",
    )
    parser.add_argument("--count", type=int, default=EVAL_COUNT)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--no-generated", action="store_true", help="score only the --heldout files"
    )
    args = parser.parse_args()

    shipped = load_rules()
    baseline = load_rules(BASELINE)
    sets = []
    if not args.no_generated:
        sets += [
            ("generated eval partition", generate("eval", args.count, SEED)),
            ("generated blind partition", generate("blind", args.count, SEED)),
        ]
    for path in args.heldout:
        lines = path.read_text("utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        sets.append((f"hand-written ({path.name})", rows))
    out = []
    for name, items in sets:
        results = {}
        for design, rules in (
            ("phrase lists (before)", baseline),
            ("concepts (shipped)", shipped),
        ):
            predicted = levels(items, rules)
            results[design] = score(items, predicted)
            if args.show_misses and rules is shipped:
                print("\n".join(misses(items, predicted, 40)))
        out.extend(render(name, results))
    write_results(args.write, "Urgency triage", "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
