"""Benchmark the anonymizer against an annotated corpus, and stock Presidio in the same run.

    .venv/bin/python bench/anonymizer.py [--corpus PATH ...] [--repeat N] [--errors]

With several --corpus options every corpus is scored and timed in the same process and run.

Corpus format: JSON lines {"id", "language", "text", "known", "spans": [{start, end, label,
action}]} (see ../shared/data/narratives/README.md). Prints a markdown report:
- per label and language: gold redact spans caught (every letter/digit of the span removed);
- keep rate: keep spans (officer, badge, agency, place, date) with none of their letters or
  digits removed;
- over-redaction: share of the letters/digits outside every gold span that were removed;
- time for the whole corpus: ours (anonymize_batch) vs stock Presidio (AnalyzerEngine with
  default recognizers + AnonymizerEngine, same spaCy models, same texts).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "narratives" / "dev.jsonl"


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def removed_mask(text: str, spans) -> list[bool]:
    mask = [False] * len(text)
    for s, e in spans:
        for i in range(max(0, s), min(len(text), e)):
            mask[i] = True
    return mask


def score(items: list[dict], predicted: list[list[tuple[int, int]]]) -> dict:
    caught = defaultdict(lambda: [0, 0])  # (lang, label) -> [caught, total]
    kept = defaultdict(lambda: [0, 0])
    other = defaultdict(lambda: [0, 0])  # lang -> [removed, total]
    misses = []
    for item, pred in zip(items, predicted, strict=True):
        text, lang = item["text"], item["language"]
        mask = removed_mask(text, pred)
        gold = [0] * len(text)
        for sp in item.get("spans", []):
            for i in range(sp["start"], sp["end"]):
                gold[i] = 1
            alnum = [i for i in range(sp["start"], sp["end"]) if text[i].isalnum()]
            if sp["action"] == "redact":
                ok = all(mask[i] for i in alnum)
                c = caught[(lang, sp["label"])]
                c[0] += ok
                c[1] += 1
                if not ok:
                    misses.append(
                        (item["id"], "MISSED", sp["label"], text[sp["start"] : sp["end"]])
                    )
            else:
                ok = not any(mask[i] for i in alnum)
                k = kept[(lang, sp["label"])]
                k[0] += ok
                k[1] += 1
                if not ok:
                    misses.append((item["id"], "LOST", sp["label"], text[sp["start"] : sp["end"]]))
        for i, ch in enumerate(text):
            if ch.isalnum() and not gold[i]:
                other[lang][1] += 1
                other[lang][0] += mask[i]
    return {"caught": caught, "kept": kept, "other": other, "misses": misses}


def over_text(items, predicted):
    out = []
    for item, pred in zip(items, predicted, strict=True):
        text = item["text"]
        gold = removed_mask(text, [(s["start"], s["end"]) for s in item.get("spans", [])])
        for s, e in pred:
            if not any(gold[i] for i in range(s, e)):
                out.append((item["id"], text[s:e]))
    return out


def run_ours(items):
    from workers.anonymize import get_anonymizer

    anon = get_anonymizer()
    res = anon.anonymize_batch(items)
    return [[(s["start"], s["end"]) for s in r["spans"] if s["action"] == "redact"] for r in res]


def run_stock(items):
    from presidio_anonymizer import AnonymizerEngine

    from workers.anonymize.engine import stock_analyzer

    analyzer = stock_analyzer()
    anonymizer = AnonymizerEngine()
    out = []
    for item in items:
        results = analyzer.analyze(text=item["text"], language=item["language"])
        anonymizer.anonymize(text=item["text"], analyzer_results=results)
        out.append([(r.start, r.end) for r in results])
    return out


def timed(fn, items, repeat):
    fn(items[:2])  # warm up: models and engines loaded
    times = []
    pred = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        pred = fn(items)
        times.append(time.perf_counter() - t0)
    return pred, times


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "n/a"


def report(items, ours, stock, t_ours, t_stock) -> str:
    so, ss = score(items, ours), score(items, stock)
    langs = sorted({i["language"] for i in items})
    labels = sorted({lab for (_, lab) in so["caught"]})
    lines = [f"Corpus: {len(items)} narratives ({', '.join(langs)}).", ""]
    head = "| label | " + " | ".join(f"{lg} ours | {lg} stock" for lg in langs) + " |"
    lines += [head, "|---" * (1 + 2 * len(langs)) + "|"]

    def row(name, getter):
        cells = []
        for lg in langs:
            for s in (so, ss):
                a, b = getter(s, lg)
                cells.append(f"{a}/{b} ({pct(a, b)})" if b else "-")
        return f"| {name} | " + " | ".join(cells) + " |"

    for lab in labels:
        lines.append(row(lab, lambda s, lg, lab=lab: tuple(s["caught"][(lg, lab)])))

    def total_redact(s, lg):
        vals = [v for (lang, _), v in s["caught"].items() if lang == lg]
        return sum(v[0] for v in vals), sum(v[1] for v in vals)

    def total_keep(s, lg):
        vals = [v for (lang, _), v in s["kept"].items() if lang == lg]
        return sum(v[0] for v in vals), sum(v[1] for v in vals)

    lines.append(row("**all identifiers removed**", total_redact))
    for lab in ("OFFICER", "BADGE", "AGENCY", "PLACE", "DATE"):
        lines.append(row(f"keep {lab}", lambda s, lg, lab=lab: tuple(s["kept"][(lg, lab)])))
    lines.append(row("**all keep spans kept**", total_keep))
    lines.append(row("other letters/digits removed", lambda s, lg: tuple(s["other"][lg])))
    mo, ms = statistics.median(t_ours), statistics.median(t_stock)
    lines += [
        "",
        f"Time for the corpus (median of {len(t_ours)} runs, same process): ours {mo:.2f} s "
        f"({len(items) / mo:.1f} texts/s), stock Presidio {ms:.2f} s "
        f"({len(items) / ms:.1f} texts/s); ours is {ms / mo:.2f}x stock's throughput.",
    ]
    return "\n".join(lines), so


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="repeatable; default: dev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list missed and lost spans")
    ap.add_argument("--no-stock", action="store_true")
    args = ap.parse_args(argv)
    for n, path in enumerate(args.corpus or [DEFAULT_CORPUS]):
        if n:
            print()
        print(f"### {path.name}\n")
        run_corpus(load(path), args)


def run_corpus(items, args):
    ours, t_ours = timed(run_ours, items, args.repeat)
    if args.no_stock:
        stock, t_stock = ours, t_ours
    else:
        stock, t_stock = timed(run_stock, items, args.repeat)
    text, so = report(items, ours, stock, t_ours, t_stock)
    print(text)
    if args.errors:
        print("\n## Errors (ours)")
        for m in so["misses"]:
            print("-", *m)
        print("\n## Removed outside gold spans (ours)")
        for m in over_text(items, ours):
            print("-", *m)


if __name__ == "__main__":
    main()
