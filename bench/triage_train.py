"""The learned scorer, tried and measured: `python bench/triage_train.py` (reproducible).

Issue 13 asked for a learned scorer beside the rules, lifting to check-now what the rules call
normal. This fits one (logistic regression, stochastic gradient descent with L2, fixed seed) on
the generated `train` partition (bench/triage_corpus.py) in four variants of features and
training rows, chooses each one's threshold on a held-back fifth of `train` (the lowest score
that lifts at most MAX_LIFTED of the not-urgent reports the rules call normal), and counts, on
the `eval` and `blind` partitions (templates disjoint from `train` and from each other), how
many of the reports the rules call normal each variant lifts: truly urgent and not.

The features that carry over from one way of writing to another are the reader's findings
(each concept with its level and time; each concept set aside with the kind of reason: negated,
over, resolved, asked about, nobody held). Words and character n-grams learned from templates
do not. The figures (bench/RESULTS-triage.md, round 4) showed no variant worth shipping:
findings lift nothing on `eval`, and their few lifts on `blind` come from how the generator
composes narratives (a calm past story prepended to urgent ones), not from urgency; words or
n-grams lift one urgent report of 4 on `eval` for 29 of 614 calm ones. So the router ships
without a scorer; this file stays so that the claim can be checked and the study rerun when
the reader changes.
"""

from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from triage_corpus import generate  # noqa: E402

from workers.route import complete_sample, default_rules_path, load_rules  # noqa: E402
from workers.route.levels import NORMAL, strongest  # noqa: E402
from workers.route.text import fold  # noqa: E402
from workers.route.urgency import detect  # noqa: E402

SEED = 13
COUNT = 3000
EPOCHS = 8
RATE = 0.1
L2 = 1e-3
# The share of not-urgent reports the rules call normal that the scorer may lift to check-now.
MAX_LIFTED = 0.03
MIN_THRESHOLD = 0.05  # a lift needs some evidence: never on the bias alone


# "over: “ya salió”" is ended by words said; "over (“hace dos años”)" by the time told.
_REASONS = (
    ("over:", "resolved"),
    ("over", "over"),
    ("negated", "negated"),
    ("asked", "asked"),
    ("nobody", "nobody held"),
    ("the abuser", "abuser held"),
    ("cancelled", "cancelled"),
)


def reason_kind(reason: str) -> str:
    """`over: “ya salió”` -> `resolved`; the words stay out of the features."""
    return next((kind for prefix, kind in _REASONS if reason.startswith(prefix)), "other")


def findings(urgency: list[dict], suppressed: list[dict]) -> set[str]:
    """The reader's findings as features: `f:` found (signal, level, time), `x:` set aside
    (signal, reason kind), and every pair of them (`p:`)."""
    found = {
        f"f:{u['signal']}:{u['level']}:{u.get('time')}"
        for u in urgency
        if u.get("source") == "narrative"
    }
    aside = {f"x:{s['signal']}:{reason_kind(s['reason'])}" for s in suppressed}
    single = sorted(found | aside)
    pairs = {f"p:{a}|{b}" for i, a in enumerate(single) for b in single[i + 1 :]}
    return set(single) | pairs


def featurize(items: list[dict]) -> list[tuple[set[str], bool]]:
    """(the reader's findings as features, whether the rules alone call it normal) per item."""
    rules = load_rules(default_rules_path())
    out = []
    for item in items:
        facts = complete_sample({"narrative_redacted": item["text"], "language": item["language"]})
        urgency, suppressed = detect(facts, rules.urgency)
        normal = strongest(u["level"] for u in urgency) == NORMAL
        out.append((findings(urgency, suppressed), normal))
    return out


def _p(weights: dict[str, float], bias: float, row: set[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in row)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def fit(rows: list[set[str]], labels: list[bool], seed: int) -> tuple[dict[str, float], float]:
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            g = _p(weights, bias, rows[i]) - (1.0 if labels[i] else 0.0)
            bias -= rate * g
            for f in rows[i]:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (g + L2 * w)
    return weights, bias


def choose_threshold(scores: list[tuple[float, bool]]) -> tuple[float, int, int]:
    """(threshold, urgent lifted, not urgent lifted) over held-back rules-normal reports."""
    calm = sorted((p for p, urgent in scores if not urgent), reverse=True)
    allowed = int(MAX_LIFTED * len(calm))
    # Just above the (allowed+1)-th highest not-urgent score: at most `allowed` are lifted.
    threshold = max(MIN_THRESHOLD, calm[allowed] + 1e-4 if len(calm) > allowed else 0.0)
    lifted = [urgent for p, urgent in scores if p >= threshold]
    return threshold, sum(lifted), len(lifted) - sum(lifted)


_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> set[str]:
    """The round-3 scorer's features: words and word pairs (for comparison only)."""
    ws = _WORD.findall(fold(text))
    return {f"w:{w}" for w in ws} | {f"b:{a}_{b}" for a, b in zip(ws, ws[1:], strict=False)}


def grams(text: str) -> set[str]:
    """Character 4-grams inside words: what survives a phone typo ("hloding", "nadei")."""
    out = set()
    for w in _WORD.findall(fold(text)):
        padded = f"<{w}>"
        out.update(f"g:{padded[i : i + 4]}" for i in range(max(1, len(padded) - 3)))
    return out


VARIANTS = {
    "findings, all train rows": (lambda f, t: f, False),
    "findings, rules-normal rows only": (lambda f, t: f, True),
    "findings + words, rules-normal rows": (lambda f, t: f | words(t), True),
    "findings + character 4-grams, rules-normal rows": (lambda f, t: f | grams(t), True),
}


HEADER = (
    "| variant | threshold | held-back train: urgent lifted | held-back train: not urgent "
    "lifted | eval: urgent lifted | eval: not urgent lifted | blind: urgent lifted "
    "| blind: not urgent lifted |\n|---|---|---|---|---|---|---|---|"
)


def _lifted(scored: list[tuple[bool, bool]]) -> list[str]:
    """`lifted/of` for the truly urgent and the not urgent among the rules-normal reports."""
    urgent = [lifted for lifted, y in scored if y]
    calm = [lifted for lifted, y in scored if not y]
    return [f"{sum(urgent)}/{len(urgent)}", f"{sum(calm)}/{len(calm)}"]


def variant_row(name: str, data: dict) -> str:
    make, normal_only = VARIANTS[name]
    train_items, train_rows = data["train"]
    rows = [
        (make(f, it["text"]), normal, it["urgent"])
        for it, (f, normal) in zip(train_items, train_rows, strict=True)
    ]
    cut = len(rows) * 4 // 5
    fit_rows = [r for r in rows[:cut] if r[1] or not normal_only]
    weights, bias = fit([r[0] for r in fit_rows], [r[2] for r in fit_rows], SEED)
    held = [(_p(weights, bias, f), y) for f, normal, y in rows[cut:] if normal]
    threshold, _, _ = choose_threshold(held)
    cells = [name, f"{threshold:.3f}", *_lifted([(p >= threshold, y) for p, y in held])]
    for partition in ("eval", "blind"):
        items, feats = data[partition]
        scored = [
            (_p(weights, bias, make(f, it["text"])) >= threshold, it["urgent"])
            for it, (f, normal) in zip(items, feats, strict=True)
            if normal
        ]
        cells += _lifted(scored)
    return "| " + " | ".join(cells) + " |"


def main() -> int:
    data = {}
    for partition, count in (("train", COUNT), ("eval", 1200), ("blind", 1200)):
        items = generate(partition, count, SEED)
        data[partition] = (items, featurize(items))
    print(HEADER)
    for name in VARIANTS:
        print(variant_row(name, data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
