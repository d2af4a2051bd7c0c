"""Train the learned urgency scorer: `python bench/triage_train.py` (reproducible: fixed seed).

Generates the `train` partition (bench/triage_corpus.py), reads each narrative with the rules'
concept reader (its signals become features), fits a logistic regression by stochastic
gradient descent with L2, and writes workers/route/data/scorer.json (weights rounded, tiny ones
dropped). The `eval` partition is never seen here.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from triage_corpus import generate  # noqa: E402

from workers.route import complete_sample, default_rules_path, load_rules  # noqa: E402
from workers.route.scorer import MODEL_PATH, features  # noqa: E402
from workers.route.urgency import detect  # noqa: E402

SEED = 13
COUNT = 3000
EPOCHS = 6
RATE = 0.1
L2 = 1e-3
# Lifts a report the rules call normal to check-now: high, since each lift costs a coordinator
# a look; the rules carry recall, the scorer only catches what they do not name.
THRESHOLD = 0.8


def featurize(items: list[dict]) -> list[set[str]]:
    rules = load_rules(default_rules_path())
    out = []
    for item in items:
        facts = complete_sample({"narrative_redacted": item["text"], "language": item["language"]})
        urgency, _ = detect(facts, rules.urgency)
        out.append(features(item["text"], urgency))
    return out


def fit(rows: list[set[str]], labels: list[bool], seed: int) -> tuple[dict[str, float], float]:
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            z = bias + sum(weights.get(f, 0.0) for f in rows[i])
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - (1.0 if labels[i] else 0.0)
            bias -= rate * g
            for f in rows[i]:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (g + L2 * w)
    return weights, bias


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    items = generate("train", args.count, args.seed)
    rows = featurize(items)
    labels = [item["urgent"] for item in items]
    weights, bias = fit(rows, labels, args.seed)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
    model = {
        "version": f"triage-train-{args.count}-seed{args.seed}",
        "bias": round(bias, 4),
        "threshold": THRESHOLD,
        "weights": kept,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    correct = sum(
        (1 / (1 + math.exp(-(bias + sum(weights.get(f, 0) for f in r)))) >= THRESHOLD) == y
        for r, y in zip(rows, labels, strict=True)
    )
    print(f"trained on {len(items)} narratives: {len(kept)} weights, "
          f"training accuracy {correct / len(items):.3f} -> {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
