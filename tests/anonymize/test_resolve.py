"""`spans.resolve` finds the chosen spans a candidate overlaps by bisection; it must choose
exactly what the plain rule chooses: highest priority first, overlapping redactions merged into
the earliest chosen one, a keep only where nothing chosen overlaps it."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workers.anonymize.spans import Span, resolve


def plain_resolve(cands: list[Span]) -> list[Span]:
    """The rule written as directly as possible (quadratic): the reference."""
    chosen: list[Span] = []
    for c in sorted(cands, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if c.end <= c.start:
            continue
        over = [x for x in chosen if x.start < c.end and c.start < x.end]
        if not over:
            chosen.append(c)
            continue
        if c.action == "keep" or any(x.action == "keep" for x in over):
            continue
        start = min([c.start] + [x.start for x in over])
        end = max([c.end] + [x.end for x in over])
        chosen = [x for x in chosen if all(x is not o for o in over)] + [
            replace(over[0], start=start, end=end)
        ]
    return sorted(chosen, key=lambda s: s.start)


spans = st.builds(
    lambda start, length, label, score, why: Span(start, start + length, label, score, why),
    st.integers(0, 60),
    st.integers(-1, 15),
    st.sampled_from(["PERSON", "PHONE", "STREET_ADDRESS", "OFFICER", "PLACE", "DATE"]),
    st.sampled_from([0.3, 0.5, 0.62, 0.8, 0.95]),
    st.sampled_from(["a", "b", "c"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(spans, max_size=25))
def test_resolve_chooses_what_the_plain_rule_chooses(cands):
    assert resolve(cands) == plain_resolve(cands)


def test_a_long_text_of_chained_overlaps():
    """Redactions that overlap their neighbours merge into runs; the runs never overlap."""
    cands = [Span(i * 10, i * 10 + 6, "PERSON", 0.8) for i in range(1_000)]
    cands += [Span(i * 10 + 3, i * 10 + 12, "PHONE", 0.6) for i in range(0, 1_000, 2)]
    cands += [Span(i * 10 + 7, i * 10 + 9, "PLACE", 0.9) for i in range(1, 1_000, 4)]
    out = resolve(cands)
    assert out == plain_resolve(cands)
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))
