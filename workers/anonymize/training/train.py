"""Train the name detector (a small spaCy NER: PERSON and OFFICER) on the training partition.

    .venv/bin/python -m workers.anonymize.training.train --lang en
    .venv/bin/python -m workers.anonymize.training.train --lang es

Writes workers/anonymize/models/names_<lang>/ (loaded by workers.anonymize.learned). CPU only,
a fixed seed, a fixed number of examples and epochs: ~10 minutes per language on one core.
The eval partition is never read here.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch

from .corpus import generate

MODELS = Path(__file__).resolve().parent.parent / "models"
LABELS = ("PERSON", "OFFICER")
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 96,
        "depth": 4,
        "embed_size": 4000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    },
}


def to_examples(nlp, items: list[dict]) -> list[Example]:
    out = []
    for it in items:
        doc = nlp.make_doc(it["text"])
        ents = []
        taken: set[int] = set()
        for sp in it["spans"]:
            if sp["label"] not in LABELS:
                continue
            # A name inside a token ("#JusticiaParaMinh", "chuys") makes the whole token a name.
            span = doc.char_span(sp["start"], sp["end"], label=sp["label"], alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            ents.append((span.start_char, span.end_char, sp["label"]))
        out.append(Example.from_dict(doc, {"entities": ents}))
    return out


def evaluate(nlp, examples: list[Example]) -> dict:
    scores = nlp.evaluate(examples)
    return {k: round(v, 3) for k, v in scores.items() if k in ("ents_p", "ents_r", "ents_f")}


def train(lang: str, n: int, epochs: int, seed: int, out: Path) -> None:
    fix_random_seed(seed)
    nlp = spacy.blank(lang)
    ner = nlp.add_pipe("ner", config={"model": NER_MODEL})
    for label in LABELS:
        ner.add_label(label)
    train_ex = to_examples(nlp, generate("train", lang, n, seed))
    dev_ex = to_examples(nlp, generate("train", lang, 300, seed + 1))
    optimizer = nlp.initialize(lambda: train_ex)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    for epoch in range(epochs):
        rng.shuffle(train_ex)
        losses: dict = {}
        for batch in minibatch(train_ex, size=compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.35, losses=losses)
        print(
            f"[{lang}] epoch {epoch + 1}/{epochs} loss {losses.get('ner', 0):.0f} "
            f"dev {evaluate(nlp, dev_ex)} {time.perf_counter() - t0:.0f}s",
            flush=True,
        )
    nlp.meta["name"] = f"names_{lang}"
    nlp.meta["description"] = (
        "Name detector for complaint narratives (issue 12), trained by "
        "workers.anonymize.training.train on generated text."
    )
    nlp.meta["version"] = "1.0.0"
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"[{lang}] wrote {out}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("en", "es"), required=True)
    ap.add_argument("--n", type=int, default=6000, help="training narratives")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    train(args.lang, args.n, args.epochs, args.seed, args.out or MODELS / f"names_{args.lang}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
