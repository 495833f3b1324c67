"""One behaviour in three languages: the shared hostile responses and the Rust test's random
ones (`packages/conformance/`), decided by this package exactly as the Rust runtime decided
them."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from api_error_catalog import Api, ApiError, apis

CONFORMANCE = Path(__file__).resolve().parents[2] / "conformance"
# The edge-case fixture's APIs decide too; their data is not in the package.
FIXTURE = Path(__file__).resolve().parents[3] / "codegen/tests/fixtures/edge/crate/recovery"
# The pinned decisions, or another record the Rust test wrote of fresh random responses
# (`CONFORMANCE_OUT`, as packages/run does on every run).
DECISIONS = Path(os.environ.get("CONFORMANCE_DECISIONS") or CONFORMANCE / "decisions.json")
PINNED = json.loads(DECISIONS.read_text(encoding="utf-8"))
HOSTILE = {r["id"]: r for r in json.loads((CONFORMANCE / "responses.json").read_text(encoding="utf-8"))["responses"]}
NOW = datetime.fromtimestamp(PINNED["now"], tz=timezone.utc)
RESPONSES = [("hostile", id, HOSTILE[id]) for id in PINNED["hostile"]] + \
    [("random", str(n), r) for n, r in enumerate(PINNED["random"])]


def body(text: str) -> bytes:
    return bytes.fromhex(text[4:]) if text.startswith("hex:") else text.encode("utf-8")


def record(error: ApiError[Any]) -> dict[str, Any]:
    """The facts and decision of a response, as the Rust test records them (null, false and
    empty members left out)."""
    recovery = error.recovery(NOW)
    waits = []
    for attempts in range(1, 11):
        wait = recovery.next_attempt(attempts, random=1.0)
        if wait is None:
            break
        waits.append(wait)
    escalation = recovery.escalation()
    full = {
        "code": error.code,
        "hint": error.hint,
        "message": error.message,
        "request_id": error.request_id,
        "support_reference": error.support_reference,
        "problem": error.body_problem and error.body_problem.kind,
        "kind": recovery.kind.value,
        "rule": recovery.rule.id,
        "decided_by": recovery.decided_by,
        "wait": recovery.wait,
        "wait_source": recovery.wait_source and recovery.wait_source.value,
        "clamped": recovery.wait_was_clamped,
        "may_have_taken_effect": recovery.may_have_taken_effect,
        "retry_waits": waits,
        "then": escalation and escalation.kind.value,
    }
    return {k: v for k, v in full.items() if v is not None and v is not False and v != []}


@pytest.mark.parametrize("api_id", sorted(PINNED["decisions"]))
def test_every_shared_response_is_decided_as_rust_decides_it(api_id: str) -> None:
    api = getattr(apis, api_id).API if hasattr(apis, api_id) else Api.from_file(FIXTURE / f"{api_id}.json")
    pinned = PINNED["decisions"][api_id]
    assert len(pinned) == len(RESPONSES)
    differences = []
    for (table, id, response), expected in zip(RESPONSES, pinned):
        error = api.read(response["status"], [tuple(h) for h in response["headers"]], body(response["body"]))
        found = record(error)
        expected = dict(expected)
        # The Rust runtime checks all of a body, as this reader does: whether it is JSON is the same.
        problems = (found.pop("problem", None), expected.pop("problem", None))
        if problems[0] != problems[1]:
            found["problem"], expected["problem"] = problems
        for key in ("wait", "retry_waits"):
            # Seconds as floats: equal to the nanosecond Rust counts in.
            if key in found and key in expected:
                if found[key] == pytest.approx(expected[key], abs=1e-9, rel=1e-12):
                    found[key] = expected[key]
        if found != expected:
            differences.append(f"{table} {id}: python {found}\n{' ' * (len(table) + len(id) + 3)}rust   {expected}")
    assert not differences, f"{len(differences)} response(s) of {DECISIONS} (seed {PINNED['seed']}) decided otherwise:\n" + "\n".join(differences[:10])
