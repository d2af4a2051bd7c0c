"""The learned scorer: a logistic regression over the narrative's words and the rules' concepts.

It sits beside the rules (engine._signals): the rules' signals are what staff read; the scorer
catches narratives the concepts do not name yet and lifts them to check-now. Trained
reproducibly by `python bench/triage_train.py` (generated narratives, fixed seed) into
workers/route/data/scorer.json; loaded once per process. Pure Python: a few thousand weights,
no numerical library needed at run time.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .text import fold

SCORER_SIGNAL = "possible_urgency"
MODEL_PATH = Path(__file__).with_name("data") / "scorer.json"
_WORD = re.compile(r"[a-z0-9']+|\[[a-z _0-9]+\]")


# Function words say which language a report is in, not whether it is urgent: left out, so the
# scorer cannot learn "Spanish" as a reason. Negations and time words stay (they matter).
_STOPWORDS_TEXT = (
    "the a an and or of to in on at for with by from is are was were be been my his her their our "
    "your its it this that these those he she they we you i me him them us as so if then than "
    "el la los las un una unos unas y o de del al en con por para es son era fue mi mis su sus tu "
    "lo le les se me nos te que como pero porque este esta estos estas ese esa"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def features(narrative: str, urgency: Iterable[dict[str, Any]]) -> set[str]:
    """Content words, word pairs and the rules' concepts (with time and level) of a narrative."""
    words = [w for w in _WORD.findall(fold(narrative[:20_000])) if w not in STOPWORDS]
    out = {f"w:{w}" for w in words}
    out.update(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    for item in urgency:
        if item.get("source") == "narrative":
            out.add(f"c:{item['signal']}:{item['level']}")
            out.add(f"t:{item.get('time')}")
            out.add(f"l:{item['level']}")
    return out


@dataclass(frozen=True)
class Scorer:
    weights: dict[str, float]
    bias: float
    threshold: float  # at or above: check-now when the rules say normal
    version: str

    def probability(self, narrative: str, urgency: Iterable[dict[str, Any]]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(narrative, urgency))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def evidence(self, narrative: str, probability: float, top: int = 4) -> str:
        """The words that weighed most towards urgent, for staff: `0.83: “van”, “lo tienen”`."""
        present = [
            (self.weights[f], f) for f in features(narrative, ()) if self.weights.get(f, 0) > 0
        ]
        present.sort(reverse=True)
        words = [f[2:].replace("_", " ") for _, f in present[:top]]
        quoted = ", ".join(f"\u201c{w}\u201d" for w in words)
        return f"score {probability:.2f}" + (f", words {quoted}" if quoted else "")


@functools.cache
def get_scorer(path: Path = MODEL_PATH) -> Scorer | None:
    """The shipped scorer, loaded once; None when no model file exists (rules alone then)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Scorer(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        str(data.get("version", "")),
    )
