"""Benchmark the anonymizer against annotated corpora, and stock Presidio in the same run.

    .venv/bin/python bench/anonymizer.py [--corpus NAME|PATH ...] [--repeat N] [--errors]
        [--generated-n N] [--write bench/RESULTS-anonymizer.md]

Corpora (default: all of them, scored and timed in the same process and run):
- dev: tests/anonymize/data/dev.jsonl (the rules were written against it);
- heldout: tests/anonymize/data/heldout.jsonl (written by the project, issue 3);
- heldout2: tests/anonymize/data/heldout2.jsonl (written after the design froze, issue 12);
- heldout3: tests/anonymize/data/heldout3.jsonl (written blind by someone who read none of the
  anonymizer's code, after round 3 froze; scored once on 2026-12-03);
- heldout4: tests/anonymize/data/heldout4.jsonl (written blind the same way, after round 5
  froze; scored once on 2026-12-04);
- heldout5: tests/anonymize/data/heldout5.jsonl (a second blind writer, after round 6 froze;
  scored once on 2026-12-04);
- heldout6: tests/anonymize/data/heldout6.jsonl (a third blind writer, after round 7 froze;
  scored once on 2026-12-04);
- heldout7: tests/anonymize/data/heldout7.jsonl (a fourth blind writer, after round 8 froze;
  scored once on 2026-12-04);
- heldout8: tests/anonymize/data/heldout8.jsonl (a fifth blind writer, after round 9 froze;
  scored once on 2026-12-04);
- generated: the evaluation partition of workers/anonymize/training/corpus.py (templates,
  styles and names disjoint from the training partition), generated here with a fixed seed;
- presidio: bench/data/presidio-benchmark.jsonl, Presidio's own generated benchmark
  (bench/make_presidio_benchmark.py; its non-identifier spans are "ignore").
Any other value is a path to a corpus file (JSON lines {"id", "language", "text", "known",
"spans": [{start, end, label, action}]}, optionally "style").

Metrics, as before:
- identifiers removed: gold redact spans with every letter and digit removed;
- keep spans kept: gold keep spans (officer, badge, agency, place, date) with none removed;
- other removed: share of letters/digits outside every gold span that were removed.
Per label and language, and per style where the corpus has styles. Time: ours
(anonymize_batch) vs stock Presidio (AnalyzerEngine with default recognizers +
AnonymizerEngine, same spaCy models, same texts) in texts/s and kchar/s. Peak memory: the
worker (`python -m workers.anonymize`) and a stock-Presidio process, each on the dev corpus.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: import the project from the repo

DATA = REPO / "tests" / "anonymize" / "data"
CORPORA = {
    "dev": DATA / "dev.jsonl",
    "heldout": DATA / "heldout.jsonl",
    "heldout2": DATA / "heldout2.jsonl",
    "heldout3": DATA / "heldout3.jsonl",
    "heldout4": DATA / "heldout4.jsonl",
    "heldout5": DATA / "heldout5.jsonl",
    "heldout6": DATA / "heldout6.jsonl",
    "heldout7": DATA / "heldout7.jsonl",
    "heldout8": DATA / "heldout8.jsonl",
    "generated": None,  # generated in memory
    "presidio": REPO / "bench" / "data" / "presidio-benchmark.jsonl",
}
GENERATED_SEED = 2026
KEEP_ORDER = ("OFFICER", "BADGE", "AGENCY", "PLACE", "DATE")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_corpus(name: str, generated_n: int) -> list[dict]:
    if name == "generated":
        from workers.anonymize.training.corpus import generate

        return [
            it for lg in ("en", "es") for it in generate("eval", lg, generated_n, GENERATED_SEED)
        ]
    return load(CORPORA.get(name) or Path(name))


def removed_mask(text: str, spans) -> list[bool]:
    mask = [False] * len(text)
    for s, e in spans:
        for i in range(max(0, s), min(len(text), e)):
            mask[i] = True
    return mask


def score(items: list[dict], predicted: list[list[tuple[int, int]]]) -> dict:
    """Counts keyed by (group, label) where group is a language or a style."""
    caught = defaultdict(lambda: [0, 0])
    kept = defaultdict(lambda: [0, 0])
    other = defaultdict(lambda: [0, 0])
    misses = []
    for item, pred in zip(items, predicted, strict=True):
        text = item["text"]
        groups = [item["language"]] + ([f"style:{item['style']}"] if item.get("style") else [])
        mask = removed_mask(text, pred)
        gold = [0] * len(text)
        for sp in item.get("spans", []):
            for i in range(sp["start"], sp["end"]):
                gold[i] = 1
            if sp["action"] == "ignore":
                continue
            alnum = [i for i in range(sp["start"], sp["end"]) if text[i].isalnum()]
            value = text[sp["start"] : sp["end"]]
            if sp["action"] == "redact":
                ok = all(mask[i] for i in alnum)
                table, tag = caught, "MISSED"
            else:
                ok = not any(mask[i] for i in alnum)
                table, tag = kept, "LOST"
            for g in groups:
                c = table[(g, sp["label"])]
                c[0] += ok
                c[1] += 1
            if not ok:
                misses.append((item["id"], item.get("style", ""), tag, sp["label"], value))
        n_other = [i for i, ch in enumerate(text) if ch.isalnum() and not gold[i]]
        for g in groups:
            other[g][1] += len(n_other)
            other[g][0] += sum(mask[i] for i in n_other)
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
    return _redact_spans(anon, items)


def run_rules(items):
    """The rules alone, without the learned name detector: a diagnostic."""
    from workers.anonymize import Anonymizer

    return _redact_spans(_rules_only(Anonymizer), items)


@functools.cache
def _rules_only(cls):
    return cls()


def _redact_spans(anon, items):
    res = anon.anonymize_batch(items)
    return [[(s["start"], s["end"]) for s in r["spans"] if s["action"] == "redact"] for r in res]


def run_learned(items):
    """The learned name detector alone (PERSON hits): a diagnostic, not the anonymizer."""
    from workers.anonymize.learned import NameLabel, find_names

    out: list[list[tuple[int, int]]] = [[] for _ in items]
    for lg in sorted({i["language"] for i in items}):
        idx = [n for n, i in enumerate(items) if i["language"] == lg]
        for n, hits in zip(idx, find_names([items[n]["text"] for n in idx], lg), strict=True):
            out[n] = [(h.start, h.end) for h in hits if h.label is NameLabel.PERSON]
    return out


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


def _sum(table, group):
    vals = [v for (g, _), v in table.items() if g == group]
    return sum(v[0] for v in vals), sum(v[1] for v in vals)


def _cell(a, b):
    return f"{a}/{b} ({pct(a, b)})" if b else "-"


def label_table(so, ss, groups, title="label") -> list[str]:
    labels = sorted({lab for (g, lab) in so["caught"] if g in groups})
    keep_labels = [lab for lab in KEEP_ORDER if any((g, lab) in so["kept"] for g in groups)]
    head = f"| {title} | " + " | ".join(f"{g} ours | {g} stock" for g in groups) + " |"
    lines = [head, "|---" * (1 + 2 * len(groups)) + "|"]

    def row(name, getter):
        return (
            f"| {name} | "
            + " | ".join(_cell(*getter(s, g)) for g in groups for s in (so, ss))
            + " |"
        )

    for lab in labels:
        lines.append(row(lab, lambda s, g, lab=lab: tuple(s["caught"][(g, lab)])))
    lines.append(row("**all identifiers removed**", lambda s, g: _sum(s["caught"], g)))
    for lab in keep_labels:
        lines.append(row(f"keep {lab}", lambda s, g, lab=lab: tuple(s["kept"][(g, lab)])))
    if keep_labels:
        lines.append(row("**all keep spans kept**", lambda s, g: _sum(s["kept"], g)))
    lines.append(row("other letters/digits removed", lambda s, g: tuple(s["other"][g])))
    return lines


def style_table(so, ss) -> list[str]:
    styles = sorted({g for g in so["other"] if g.startswith("style:")})
    if not styles:
        return []
    lines = [
        "",
        "Per writing style (both languages):",
        "",
        "| style | identifiers removed, ours | stock | keep spans kept, ours | stock "
        "| other removed, ours | stock |",
        "|---|---|---|---|---|---|---|",
    ]
    for st in styles:
        cells = []
        for s in (so, ss):
            cells.append(
                (_cell(*_sum(s["caught"], st)), _cell(*_sum(s["kept"], st)), _cell(*s["other"][st]))
            )
        cells = [c for pair in zip(*cells, strict=True) for c in pair]
        lines.append(f"| {st.removeprefix('style:')} | " + " | ".join(cells) + " |")
    return lines


def report(items, ours, stock, t_ours, t_stock):
    so, ss = score(items, ours), score(items, stock)
    langs = sorted({i["language"] for i in items})
    lines = [
        f"Corpus: {len(items)} texts ({', '.join(langs)}), "
        f"{sum(len(i['text']) for i in items)} characters.",
        "",
    ]
    lines += label_table(so, ss, langs)
    lines += style_table(so, ss)
    mo, ms = statistics.median(t_ours), statistics.median(t_stock)
    kchar = sum(len(i["text"]) for i in items) / 1000
    lines += [
        "",
        f"Time for the corpus (median of {len(t_ours)} runs, same process): ours {mo:.2f} s "
        f"({len(items) / mo:.1f} texts/s, {kchar / mo:.1f} kchar/s), stock Presidio {ms:.2f} s "
        f"({len(items) / ms:.1f} texts/s, {kchar / ms:.1f} kchar/s); "
        f"ours is {ms / mo:.2f}x stock's throughput.",
    ]
    return "\n".join(lines), so


# Each runs in its own process and prints its own peak RSS (ru_maxrss of RUSAGE_SELF, in KB).
WORKER_PROCESS = """
import resource, runpy, sys
try:
    runpy.run_module("workers.anonymize", run_name="__main__")
except SystemExit:
    pass
print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""
STOCK_PROCESS = """
import json, resource, sys
sys.path.insert(0, {repo!r})
from bench.anonymizer import run_stock
items = [json.loads(l) for l in sys.stdin if l.strip()]
run_stock(items)
print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def peak_memory_mb(corpus: Path) -> tuple[float, float]:
    """Peak RSS of the worker and of a stock-Presidio process, each run on `corpus`."""
    peaks = []
    for code in (WORKER_PROCESS, STOCK_PROCESS.format(repo=str(REPO))):
        with corpus.open("rb") as fh:
            done = subprocess.run(
                [sys.executable, "-c", code],
                stdin=fh,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=True,
                cwd=REPO,
            )
        line = [ln for ln in done.stderr.decode().splitlines() if ln.startswith("MAXRSS")][-1]
        peaks.append(int(line.split()[1]) / 1024)  # KB -> MB
    return peaks[0], peaks[1]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", help="repeatable; default: every corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--generated-n", type=int, default=1200, help="generated texts per language")
    ap.add_argument("--errors", action="store_true", help="list missed and lost spans")
    ap.add_argument("--no-stock", action="store_true")
    ap.add_argument(
        "--ours",
        choices=("full", "rules", "learned"),
        default="full",
        help="what 'ours' is: the anonymizer, its rules alone, or the learned detector alone",
    )
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--write", type=Path, help="also write the report to this file")
    args = ap.parse_args(argv)
    names = args.corpus or [n for n, p in CORPORA.items() if p is None or p.exists()]
    out: list[str] = []
    memory = None
    if not args.no_memory:
        # First, while this process is small: a child's peak RSS starts at its parent's at fork.
        memory = peak_memory_mb(CORPORA["dev"])
    for name in names:
        items = load_corpus(name, args.generated_n)
        out.append(f"### {Path(name).name}\n")
        out.append(run_corpus(items, args))
        out.append("")
        print("\n".join(out[-3:]), flush=True)
    if memory is not None:
        line = (
            f"Peak memory (RSS) on the dev corpus: worker `python -m workers.anonymize` "
            f"{memory[0]:.0f} MB; a stock Presidio process {memory[1]:.0f} MB."
        )
        out.append(line)
        print(line)
    if args.write:
        args.write.write_text("\n".join(out) + "\n", encoding="utf-8")


def run_corpus(items, args) -> str:
    system = {"full": run_ours, "rules": run_rules, "learned": run_learned}[args.ours]
    ours, t_ours = timed(system, items, args.repeat)
    if args.no_stock:
        stock, t_stock = ours, t_ours
    else:
        stock, t_stock = timed(run_stock, items, args.repeat)
    text, so = report(items, ours, stock, t_ours, t_stock)
    if args.errors:
        text += "\n\n## Errors (ours)\n" + "\n".join("- " + " | ".join(m) for m in so["misses"])
        text += "\n\n## Removed outside gold spans (ours)\n"
        text += "\n".join(f"- {i} | {t}" for i, t in over_text(items, ours))
    return text


if __name__ == "__main__":
    main()
