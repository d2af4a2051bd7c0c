"""`python -m workers.route`: JSON lines in, the contract's JSON lines out, errors as lines."""

import io
import json
import subprocess
import sys

from workers.route.__main__ import MAX_LINE_BYTES, run

KEYS = {"id", "urgent", "level", "priority", "queue", "deadline_hours", "signals", "rules"}


def batch(*lines: bytes) -> list[dict]:
    out = io.StringIO()
    assert run(io.BytesIO(b"".join(line + b"\n" for line in lines)), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def line(**item) -> bytes:
    return json.dumps(item, ensure_ascii=False).encode()


def test_each_line_routed_in_order_with_the_contract_keys():
    results = batch(
        line(id="a", language="es", text="lo tienen en el condado desde el viernes"),
        line(id="b", language="en", text="They stopped us last year because we look Latino."),
        line(id="c", language="en", text="", detained_now="unknown"),
        line(id="d", language="es", text="nadie está en la cárcel", categories=["profiling"]),
    )
    assert [r["id"] for r in results] == ["a", "b", "c", "d"]
    assert all(set(r) == KEYS for r in results)
    assert results[0]["level"] == "urgent" and results[0]["urgent"] is True
    assert results[0]["deadline_hours"] == 2 and results[0]["queue"] == "rapid-response"
    assert results[0]["signals"] == [{
        "signal": "in_custody_now", "source": "narrative",
        "evidence": "lo tienen en el condado desde el viernes", "level": "urgent", "time": "now",
    }]  # fmt: skip
    assert "urgent-signals" in results[0]["rules"]
    assert (results[1]["level"], results[1]["urgent"]) == ("normal", False)
    assert (results[2]["level"], results[2]["priority"], results[2]["deadline_hours"]) == (
        "check-now", "check-now", 4
    )  # fmt: skip
    assert results[3]["level"] == "normal"


def test_bad_lines_get_an_error_line_and_the_batch_goes_on():
    huge = b'{"id": 1, "text": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}'
    results = batch(
        b"not json",
        b"",
        b"[1, 2]",
        huge,
        line(id=5, text="a\u0000b"),
        line(id=6, language="fr", text="x"),
        line(id=7, text=None),
        b"\xff\xfe",
        line(id=9, language="en", text="he is in jail right now"),
    )
    assert [r.get("error", "").split(": ", 1)[0] for r in results[:-1]] == [
        f"line {n}" for n in range(1, 9)
    ]
    assert "invalid JSON" in results[0]["error"]
    assert "empty line" in results[1]["error"]
    assert "JSON object" in results[2]["error"]
    assert "longer than" in results[3]["error"]
    assert "NUL" in results[4]["error"] and results[4]["id"] == 5
    assert "language" in results[5]["error"] and results[5]["id"] == 6
    assert "'text' must be a string" in results[6]["error"]
    assert "UTF-8" in results[7]["error"]
    assert results[8]["id"] == 9 and results[8]["level"] == "urgent"


def test_the_module_runs_as_a_command():
    done = subprocess.run(
        [sys.executable, "-m", "workers.route"],
        input=line(id=1, language="en", text="ICE is picking him up tomorrow") + b"\n",
        capture_output=True,
        check=True,
        timeout=120,
    )
    result = json.loads(done.stdout)
    assert result["level"] == "urgent" and result["signals"][0]["signal"] == "transfer_imminent"
