"""How the anonymizer's time grows with a narrative's length (up to the 200 KB limit).

    .venv/bin/python bench/long_text.py [--sizes 12500,25000,50000,100000]

One process, the shipped anonymizer, the same repeated paragraph (a deputy, a badge, a person,
a road, a phone) at each size; a time that doubles with the size is linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script

from workers.anonymize import get_anonymizer  # noqa: E402

PARAGRAPH = (
    "On May 2 Deputy Ramsey (badge 5127) stopped my husband Miguel on Spencer Hwy. "
    "Call me at 713-555-0142. "
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="12500,25000,50000,100000")
    args = parser.parse_args()
    anon = get_anonymizer()
    anon.anonymize(PARAGRAPH, "en", {})  # load the models first
    print("| characters | seconds |\n|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        text = PARAGRAPH * (size // len(PARAGRAPH) + 1)
        start = time.perf_counter()
        anon.anonymize(text, "en", {"reporter_name": "Rosa Delgado", "phone": "7135550142"})
        print(f"| {len(text):,} | {time.perf_counter() - start:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
