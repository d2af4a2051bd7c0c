"""The summary carries what routing and the categories rely on, not only central sentences."""

from workers.contracts import ReportFacts
from workers.summarize import summarize
from workers.summarize.extractive import extract

# The status question is short and shares few words with the rest: centrality alone left it out.
TRAFFIC_STOP = (
    "I was driving home from work on Tuesday evening on the highway near the river. "
    "A deputy from the sheriff office pulled me over and said my tail light was out. "
    "The deputy took my license and registration and went back to the patrol car. "
    "A second deputy came in another patrol car and the deputies searched my car. "
    "The deputies searched the trunk of my car and the seats of my car for a long time. "
    "Also wanted to know where I was born. "
    "The deputy wrote me a ticket for the tail light and the deputies left in their patrol cars."
)


def test_the_status_question_is_in_the_summary():
    texts = [s["text"] for s in extract(TRAFFIC_STOP, "en")]
    assert any("where I was born" in t for t in texts), texts


def test_the_routers_evidence_is_in_the_summary():
    narrative = (
        "Buenas tardes. Les escribo por mi familia. Ayer fuimos a la tienda y todo estaba normal. "
        "Mi esposo trabaja en la construcción desde hace años. "
        "Ahora lo tienen en el condado desde el viernes. Los niños preguntan por él."
    )
    facts = ReportFacts(language="es", key_evidence=("lo tienen en el condado desde el viernes",))
    summary = summarize(facts, narrative, llm=None)
    assert any("en el condado desde el viernes" in s.text for s in summary.sentences)
    for s in summary.sentences:
        assert narrative[s.start : s.end] == s.text
