"""Every documented example and pinned case of every API, the real catalog's and the edge
fixture's, decided by the package as the catalog records (and the Rust tests check)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from api_error_catalog import Api, Recovery, RecoveryKind, Request, RetryPolicy, TransportFailure, apis

ROOT = Path(__file__).resolve().parents[3]
# The edge fixture's APIs are not in the package: their data is loaded from its files.
DATA = sorted([*ROOT.glob("generated/recovery/*.json"), *ROOT.glob("codegen/tests/fixtures/edge/crate/recovery/*.json")])
NOW = datetime(2024, 12, 1, 8, 0, 0, tzinfo=timezone.utc)


def load(path: Path) -> tuple[Api[Any], dict[str, Any]]:
    return Api.from_file(path), json.loads(path.read_text(encoding="utf-8"))


CASES = [(path, case) for path in DATA for case in load(path)[1]["cases"]]
EXAMPLES = [(path, example) for path in DATA for example in load(path)[1]["examples"]]


def sent(example: dict[str, Any]) -> bytes:
    """An example's body as the server sends it: JSON, or the text of a plain-text body (a JSON
    body is an object or a list, never a string)."""
    body = example["body"]
    return (body if isinstance(body, str) else json.dumps(body)).encode()


def for_case(api: Api[Any], case: dict[str, Any]) -> Recovery:
    if case.get("transport"):
        found = api.transport_recovery(case["transport"])
    else:
        found = api.read(case["status"], case["headers"], case["body_text"]).recovery(NOW)
    request = case.get("request")
    if request is not None:
        found = found.for_request(Request.of_method(request["method"], request["idempotency_key"]))
    return found


@pytest.mark.parametrize("path,case", CASES, ids=[f"{p.stem}:{c['id']}" for p, c in CASES])
def test_every_pinned_case_leads_to_its_decision(path: Path, case: dict[str, Any]) -> None:
    api, _ = load(path)
    expected = case["decision"]
    found = for_case(api, case)
    assert (found.kind.value, found.rule.id) == (expected["kind"], expected["rule"])
    if "then" in expected:
        escalation = found.escalation()
        assert (escalation and escalation.kind.value) == expected["then"]
    if "retry_waits" in expected:
        pinned = expected["retry_waits"]
        asked = [found.next_attempt(n, api.client_policy, random=1.0) for n in range(1, len(pinned) + 2)]
        assert asked[:-1] == pytest.approx(pinned, abs=1e-9) and asked[-1] is None, asked
    if expected["wait_seconds"] is not None:
        assert found.wait == pytest.approx(expected["wait_seconds"], abs=1e-9)
    else:
        assert found.wait is None


@pytest.mark.parametrize("path,example", EXAMPLES, ids=[f"{p.stem}:{e['id']}" for p, e in EXAMPLES])
def test_every_documented_example_leads_to_its_decision(path: Path, example: dict[str, Any]) -> None:
    api, data = load(path)
    expected = example["decision"]
    statuses = [example["status"]] if example["status"] is not None else \
        sorted({s for r in data["rules"] for s in r["statuses"] if s >= 400} or {400})
    for status in statuses:
        error = api.read(status, example["headers"], sent(example))
        assert error.body_problem is None
        found = error.recovery(NOW)
        assert (found.kind.value, found.rule.id) == (expected["kind"], expected["rule"]), f"status {status}"
        if expected["wait_seconds"] is not None:
            assert found.wait == pytest.approx(expected["wait_seconds"], abs=1e-9)
        if expected["then"] is not None:
            escalation = found.escalation()
            assert escalation is not None and escalation.kind.value == expected["then"]


def test_every_api_of_the_catalog_is_packaged_with_the_data_rust_decides_from() -> None:
    packaged = {name: getattr(apis, name).API for name in apis.__all__}
    assert sorted(packaged) == sorted(p.stem for p in ROOT.glob("generated/recovery/*.json"))
    for name, api in packaged.items():
        assert api.data == json.loads((ROOT / "generated" / "recovery" / f"{name}.json").read_text(encoding="utf-8"))
        # `Request.of_method` knows the idempotent methods the Rust runtime exports, and the
        # default policy is the runtime's.
        assert list(Request.IDEMPOTENT_METHODS) == api.data["idempotent_methods"]
        assert RetryPolicy() == api.client_policy


def test_a_retry_loop_always_ends_within_the_policy() -> None:
    api = apis.ofauth.API
    error = api.read(503, {}, b'{"error": "Service unavailable", "type": "UNKNOWN_ERROR", "actionRequired": "try_again"}')
    recovery = error.recovery(NOW)
    waits = []
    attempts = 1
    while (wait := recovery.next_attempt(attempts, random=1.0)) is not None:
        waits.append(wait)
        attempts += 1
    assert attempts == api.client_policy.max_attempts and waits == [1.0, 2.0]
    escalation = recovery.escalation()
    assert escalation is not None and escalation.kind == RecoveryKind.CONTACT_SUPPORT
    assert escalation.quoted(api.read(503, {}, b'{"type": "UNKNOWN_ERROR", "requestId": "req_9"}')) == "req_9"


def test_a_post_that_may_have_taken_effect_is_not_resent_without_a_key() -> None:
    recovery = apis.stripe.API.transport_recovery(TransportFailure.TIMEOUT)
    assert recovery.may_have_taken_effect and recovery.should_retry
    held = recovery.for_request(Request.of_method("POST"))
    assert held.kind == RecoveryKind.CHECK_OUTCOME and held.escalation() is None
    assert "idempotency key" in held.advice
    keyed = recovery.for_request(Request.of_method("POST", idempotency_key=True))
    assert keyed.kind == recovery.kind


def test_a_body_in_a_documented_format_is_the_apis_typed_body_and_any_other_is_none() -> None:
    quota = b'{"error": {"code": 429, "message": "Quota", "status": "RESOURCE_EXHAUSTED", "details": []}}'
    body = apis.googleapis.API.read(429, {}, quota).body
    assert body is not None
    code: int = body["error"]["code"]
    assert code == 429 and body["error"].get("status") == apis.googleapis.CanonicalCode.RESOURCE_EXHAUSTED
    # The body is typed, not `Any`: mypy --strict refuses the code as text (and an ignore it
    # does not need).
    as_text: str = body["error"]["code"]  # type: ignore[assignment]
    assert isinstance(as_text, int)
    other = apis.googleapis.API.read(429, {}, b'{"error": "Quota"}')
    assert other.body is None and other.body_problem is not None
    assert other.body_problem.kind == "unexpected_shape" and other.json == {"error": "Quota"}
