"""The narrative part: key sentences of the redacted narrative, with their offsets."""

import pytest

from workers.summarize.extractive import MAX_PARSE_CHARS, extract, sentence_spans


def assert_offsets(narrative: str, sentences: list[dict]) -> None:
    for sentence in sentences:
        assert narrative[sentence["start"] : sentence["end"]] == sentence["text"]
    starts = [s["start"] for s in sentences]
    assert starts == sorted(starts)


SPANISH = (
    "Buenas tardes, me llamo [PERSON 1] y quiero reportar lo que le pasó a mi esposo. "
    "El 15 de abril un deputy del sheriff del condado Harris lo paró en la Richey St en Pasadena. "
    "Le pidió licencia y le preguntó de dónde era y si tenía papeles. "
    "[PERSON 2] y [PERSON 3] [PERSON 4]. "
    "Se lo llevaron a la cárcel y ahí le pusieron un hold de ICE. "
    "Yo no sé qué hacer. "
    "Mi cel es [PHONE 1], por favor llámenme. "
    "Dios los bendiga."
)

ENGLISH = (
    "Hello, my name is [PERSON 1] and I am writing about my brother.\n"
    "On March 3 around 9:40 pm a deputy from the Harris County Sheriff's Office pulled him over "
    "on Spencer Hwy in Pasadena.\n"
    "[PERSON 2], [PERSON 3], [PERSON 4].\n"
    "The deputy, badge 5127, asked where he was born and if he had papers, then arrested him.\n"
    "They held him three more days on an ICE detainer.\n"
    "Thank you, please call me at [PHONE 1] or [EMAIL 1]."
)


@pytest.mark.parametrize("narrative,language", [(SPANISH, "es"), (ENGLISH, "en")])
def test_picks_incident_sentences_not_greetings_or_placeholders(narrative, language):
    sentences = extract(narrative, language)
    assert len(sentences) == 3
    assert_offsets(narrative, sentences)
    joined = " ".join(s["text"] for s in sentences)
    for filler in ("Buenas tardes", "llámenme", "bendiga", "Hello", "Thank you", "[PHONE 1]"):
        assert filler not in joined
    assert "[PERSON 2]" not in joined  # the placeholders-only sentence
    assert ("papeles" in joined) if language == "es" else ("papers" in joined)


def test_empty_and_blank_narrative():
    assert extract("", "en") == []
    assert extract("  \n\t ", "es") == []


def test_one_sentence_narrative_is_kept_whole():
    narrative = "  They took my son at the jail.  "
    assert extract(narrative, "en") == [
        {"text": "They took my son at the jail.", "start": 2, "end": 31}
    ]


def test_short_narrative_gives_all_its_real_sentences():
    narrative = "The deputy stopped us on I-10. He asked for papers."
    sentences = extract(narrative, "en")
    assert [s["text"] for s in sentences] == [
        "The deputy stopped us on I-10.",
        "He asked for papers.",
    ]


def test_only_placeholders_still_returns_something():
    narrative = "[PERSON 1]. [PHONE 1]."
    sentences = extract(narrative, "en")
    assert 1 <= len(sentences) <= 2
    assert_offsets(narrative, sentences)


def test_false_breaks_are_mended():
    narrative = (
        "On January 16 at approx. 7:15 a.m. she was stopped by a deputy on Buford Hwy.\n"
        "She was booked, booking no. [ID_NUMBER 1], and asked where she was born.\n"
        "The deputy had my neighbor\n[PERSON 3] on the ground and was told by Cpl. Rhodes to go."
        " He said 'why?' and the deputy laughed.\n\nA new paragraph without a full stop\n\n"
        "a last one"
    )
    assert [narrative[a:b] for a, b in sentence_spans(narrative, "en")] == [
        "On January 16 at approx. 7:15 a.m. she was stopped by a deputy on Buford Hwy.",
        "She was booked, booking no. [ID_NUMBER 1], and asked where she was born.",
        "The deputy had my neighbor\n[PERSON 3] on the ground and was told by Cpl. Rhodes to go.",
        "He said 'why?' and the deputy laughed.",
        "A new paragraph without a full stop",
        "a last one",
    ]


def test_unsupported_language_uses_rule_based_sentences():
    narrative = (
        "Le shérif a arrêté mon frère sur la route. Il a demandé ses papiers. "
        "Ensuite ils l'ont emmené à la prison du comté. Merci."
    )
    sentences = extract(narrative, "fr")
    assert 2 <= len(sentences) <= 3
    assert_offsets(narrative, sentences)


def test_long_unpunctuated_sentence_is_clipped_at_a_word():
    narrative = "the deputy stopped us " + "and asked for papers " * 60
    (sentence,) = extract(narrative, "en")
    assert sentence["start"] == 0
    assert 0 < len(sentence["text"]) <= 400
    assert narrative[sentence["start"] : sentence["end"]] == sentence["text"]
    assert narrative[sentence["end"]] == " "


def test_huge_narrative_is_capped():
    block = (
        "On March 3 a deputy of the Harris County Sheriff's Office stopped my husband. "
        "He asked for papers and took him to the jail. "
        "We waited all day. [PERSON 1] called many times. "
    )
    narrative = block * (100_000 // len(block) + 1)
    assert len(narrative) > 100_000
    sentences = extract(narrative, "en")
    assert 2 <= len(sentences) <= 3
    assert_offsets(narrative, sentences)
    assert all(s["end"] <= MAX_PARSE_CHARS for s in sentences)
    # Near-duplicates of the same sentence are not picked twice.
    assert len({s["text"] for s in sentences}) == len(sentences)
