"""Scoring an anonymizer run against an annotated corpus (the shape of the shared dev corpus)."""


def score(items: list[dict], results: list[dict]) -> dict:
    """Per language: redact spans caught, keep spans kept, other letters/digits removed."""
    stats = {}
    for item, res in zip(items, results, strict=True):
        assert res["id"] == item["id"]
        text = item["text"]
        mask = [False] * len(text)
        for s in res["spans"]:
            if s["action"] == "redact":
                for i in range(s["start"], s["end"]):
                    mask[i] = True
        gold = [False] * len(text)
        st = stats.setdefault(
            item["language"],
            {"caught": 0, "redact": 0, "kept": 0, "keep": 0, "other_removed": 0, "other": 0},
        )
        for sp in item["spans"]:
            alnum = [i for i in range(sp["start"], sp["end"]) if text[i].isalnum()]
            for i in range(sp["start"], sp["end"]):
                gold[i] = True
            if sp["action"] == "redact":
                st["redact"] += 1
                st["caught"] += all(mask[i] for i in alnum)
            else:
                st["keep"] += 1
                st["kept"] += not any(mask[i] for i in alnum)
        for i, ch in enumerate(text):
            if ch.isalnum() and not gold[i]:
                st["other"] += 1
                st["other_removed"] += mask[i]
    return stats


def assert_floor(stats: dict) -> None:
    """The issue's floor: >=97% of identifiers removed, >=95% kept, <=3% other text removed."""
    for lang, st in stats.items():
        assert st["caught"] / st["redact"] >= 0.97, (lang, st)
        assert st["kept"] / st["keep"] >= 0.95, (lang, st)
        assert st["other_removed"] / st["other"] <= 0.03, (lang, st)
