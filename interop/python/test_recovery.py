"""The recovery data (`generated/recovery/<api>.json`, and `x-error-recovery` in the OpenAPI
documents) is enough for a client in another language to decide what to do: this module
decides every documented example and every pinned case from the data alone, by the precedence
the README states, and must reach the decision the catalog records (which the Rust tests check
too)."""

import json
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import pytest
import yaml

from conftest import ROOT

RECOVERY = sorted([*ROOT.glob("generated/recovery/*.json"), *ROOT.glob("codegen/tests/fixtures/edge/crate/recovery/*.json")])
NOW = datetime(2024, 12, 1, 8, 0, 0, tzinfo=timezone.utc)
MAX_WAIT = 15 * 60
RETRYING = {"retry_after_wait", "retry_with_backoff", "retry_now", "refresh_credentials"}


def at_path(body, path):
    """The string or number at `path`: each key an object's member, and `[]` or `[*]` (in an
    array) the first element where the rest of the path reaches one, as the Rust runtime reads a
    body."""
    return next(iter(all_at(body, path, first_only=True)), None)


def all_at(body, path, first_only=False):
    """Every string or number at `path`: at `[*]` those of each element, at `[]` those of the
    first element that has any (with `first_only`, the first found alone)."""
    if not path:
        return [body] if isinstance(body, (str, int, float)) and not isinstance(body, bool) else []
    key, rest = path[0], path[1:]
    if key in ("[]", "[*]") and isinstance(body, list):
        found = [values for values in (all_at(element, rest, first_only) for element in body) if values]
        if key == "[*]" and not first_only:
            return [value for values in found for value in values]
        return found[0] if found else []
    if isinstance(body, dict) and key in body:
        return all_at(body[key], rest, first_only)
    return []


def text(value):
    # A whole number within 64 bits is its digits however it is written (`20429.0` is 20429).
    if isinstance(value, float) and value.is_integer() and -(2**63) <= value < 2**63:
        return str(int(value))
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def status_class(status):
    return {1: "1xx", 2: "2xx", 3: "3xx", 4: "4xx", 5: "5xx"}.get(status // 100)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def holds(condition, headers, facts):
    """A rule's condition: a header's or a body fact's value, trimmed, ASCII letters in any case;
    a code or hint read in every element passes when any element's does."""
    if "header" in condition:
        values = [v for k, v in headers.items() if k.lower() == condition["header"].lower()][:1]
    else:
        values = facts[condition["field"]]

    def passes(value):
        value = value.strip().translate(ASCII_LOWER)
        if "equals" in condition:
            return value == condition["equals"].strip().translate(ASCII_LOWER)
        return condition["contains"].translate(ASCII_LOWER) in value
    return any(passes(value) for value in values)


def covers(rule, status, headers, facts):
    """`facts`: each role's values, the body's fact first, then those of every element (`[*]`)."""
    if any(value in rule["except"] for value in facts["code"] + facts["hint"]):
        return False
    if not all(holds(condition, headers, facts) for condition in rule["when"]):
        return False
    in_scope = (not rule["statuses"] and not rule["status_classes"]) or status in rule["statuses"] \
        or status_class(status) in rule["status_classes"]
    level = rule["level"]
    if level == "condition":
        return True
    if level == "hint":
        return any(hint in rule["hints"] for hint in facts["hint"]) and in_scope
    if level == "error_value":
        return any(code in rule["errors"] for code in facts["code"]) and in_scope
    if level == "status":
        return status in rule["statuses"]
    if level == "status_class":
        return status_class(status) in rule["status_classes"]
    return True


UNITS = {"h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "\u00b5s": 1e-6, "ns": 1e-9}


def until(moment):
    return max(0, int((moment - NOW).total_seconds()))


def wait_in(value, fmt):
    """Seconds to wait, from text in one format, or None when the text is not in it."""
    value = value.strip()
    if fmt in ("delay_seconds", "delay_milliseconds", "epoch_seconds"):
        if not (value.isascii() and value.isdigit()):
            return None
        number = int(value)
        return {"delay_seconds": number, "delay_milliseconds": number / 1000,
                "epoch_seconds": max(0, number - int(NOW.timestamp()))}[fmt]
    if fmt == "duration":
        parts = re.findall(r"([0-9.]+)(h|ms|m|s|us|\u00b5s|ns)", value)
        if not value or "".join(n + u for n, u in parts) != value:
            return None
        try:
            return sum(float(n) * UNITS[u] for n, u in parts)
        except ValueError:
            return None
    if fmt == "http_date":
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return until(moment) if moment is not None and moment.tzinfo is not None else None
    if fmt == "iso8601":
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return until(moment) if moment.tzinfo is not None else None
    raise AssertionError(f"a format this decider does not know: {fmt}")


def header_wait(value, formats):
    """The header's wait in the first of its formats that reads it (as the recovery data lists them)."""
    return next((w for w in (wait_in(value, f) for f in formats) if w is not None), None)


def body_seconds(value, formats):
    """A body field's wait: a number (of seconds, milliseconds or epoch seconds, as its formats
    say; fractions too) at least zero, or text in one of its formats."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        for fmt in formats:
            if fmt == "delay_seconds":
                return value
            if fmt == "delay_milliseconds":
                return value / 1000
            if fmt == "epoch_seconds" and float(value).is_integer():
                return max(0, int(value) - int(NOW.timestamp()))
        return None
    if isinstance(value, str):
        return header_wait(value, formats)
    return None


def decide(data, status, headers, body):
    """(kind, rule id, wait in seconds) for a response, as the Rust runtime decides it."""
    found = decision(data, status, headers, body)
    return found["kind"], found["rule"]["id"], found["wait"]


def decision(data, status, headers, body):
    """The decision for a response: its kind, rule, wait (at most MAX_WAIT), where the wait
    comes from and the wait before it was cut to MAX_WAIT (which `next_attempt` reads)."""
    fields = {role: [at_path(body, path) for path in paths] for role, paths in data["fields"].items()}
    first = lambda role: next((text(v) for v in fields.get(role, []) if text(v) is not None), None)
    # Every value of a role at its paths through any element (`[*]`), in body order.
    every = lambda role: [text(v) for path in data["fields"].get(role, []) if "[*]" in path for v in all_at(body, path)]
    known = lambda value: [] if value is None else [value]
    facts = {"code": known(first("code")) + every("code"), "hint": known(first("hint")) + every("hint"),
             "message": known(first("message"))}
    # Level by level; within a level, the rules with conditions first.
    rule = next((r for level in data["precedence"][:-1] for conditional in (True, False) for r in data["rules"]
                 if r["level"] == level and bool(r["when"]) == conditional
                 and covers(r, status, headers, facts)), data["fallback"])
    kind = rule["kind"]
    header = data["headers"].get("retry_after")
    sent = next((v for k, v in headers.items() if header and k.lower() == header.lower()), None)
    server = header_wait(sent, data["retry_after"]["formats"]) if sent is not None else None
    if server is None:
        body_formats = data["retry_after"]["body_formats"]
        waits = (body_seconds(v, body_formats) for v in fields.get("retry_after", []))
        server = next((w for w in waits if w is not None), None)
    reset_header = data["headers"].get("rate_limit_reset")
    reset_sent = next((v for k, v in headers.items() if reset_header and k.lower() == reset_header.lower()), None)
    reset_formats = data["retry_after"]["reset_formats"]
    reset = header_wait(reset_sent, reset_formats) if reset_sent is not None and reset_formats else None
    # Not while the response says requests are left in the window.
    remaining_header = data["headers"].get("rate_limit_remaining")
    remaining = next((v.strip() for k, v in headers.items()
                      if remaining_header and k.lower() == remaining_header.lower()), None)
    # As Rust reads a count: `u64` digits, a `+` allowed.
    if remaining is not None and re.fullmatch(r"\+?[0-9]+", remaining) and 0 < int(remaining) < 2**64:
        reset = None
    backoff = rule.get("backoff")
    # `"client"`: the document gives no numbers; the client's policy chooses the delay (no wait).
    client = (0, "client") if backoff == "client" else None
    own = (backoff["first_delay_ms"] / 1000, "backoff") if isinstance(backoff, dict) else None
    sourced = lambda value, source: None if value is None else (value, source)
    server = sourced(server, "server")
    at_once = (0, "immediately")
    wait = None
    if kind == "retry_after_wait":
        default = sourced(data["retry_after"]["default_seconds"], "default")
        wait = next((w for w in (server, sourced(reset, "reset"), default, own, client) if w is not None), None)
        if wait is None:
            kind = rule.get("if_no_wait", "give_up")
            wait = own if kind == "retry_with_backoff" else (at_once if kind in RETRYING else None)
    elif kind == "retry_with_backoff":
        wait = server or own or client or at_once
    elif kind in ("retry_now", "refresh_credentials"):
        wait = server or at_once
    return settled(rule, kind, wait)


def settled(rule, kind, wait):
    """The decision of `rule` with this kind and (wait, source): no wait unless it retries, and
    none of its own when the client's policy chooses it."""
    if kind not in RETRYING or wait is None:
        return {"kind": kind, "rule": rule, "wait": None, "source": None, "raw": None}
    value, source = wait
    return {"kind": kind, "rule": rule, "wait": None if source == "client" else min(value, MAX_WAIT),
            "source": source, "raw": value}


def delay(backoff, retry):
    """A backoff's delay before retry number `retry` (0 for the first), in seconds, as the
    runtime's `Backoff::jittered` gives it with a random number of 1 (the delay itself, plus all
    of an additive jitter)."""
    multiplier = max(backoff["multiplier"], 1)
    seconds = backoff["first_delay_ms"] / 1000 * multiplier ** retry
    if backoff["max_delay_ms"] is not None:
        seconds = min(seconds, backoff["max_delay_ms"] / 1000)
    return seconds + ((backoff["jitter_ms"] or 0) / 1000 if backoff["jitter"] == "additive" else 0)


def next_attempt(data, found, attempts_made):
    """The one retry question, as the runtime's `Recovery::next_attempt` answers it with the
    default policy and a random number of 1: the wait before the next attempt, or None to stop."""
    policy = data["client_policy"]
    if found["kind"] not in RETRYING or found["raw"] > MAX_WAIT:
        return None
    rule = found["rule"]
    if attempts_made >= (rule.get("max_attempts") or policy["max_attempts"]):
        return None
    retry = attempts_made - 1
    backoff = rule.get("backoff")
    if found["source"] == "client":
        wait = delay(policy["backoff"], retry)
    elif found["source"] == "backoff":
        wait = delay(backoff, retry)
    elif found["source"] == "default" and isinstance(backoff, dict):
        wait = max(delay(backoff, retry), found["raw"])
    else:
        wait = found["wait"]
    return wait if wait <= policy["max_wait_seconds"] else None


def escalation(found):
    """What comes next when the decision's recovery did not help: its rule's `then`, unless the
    retry was held back (`check_outcome` in place of the rule's kind)."""
    held_back = found["kind"] == "check_outcome" and found["rule"]["kind"] != "check_outcome"
    then = found["rule"].get("then")
    return None if held_back or then is None else then["kind"]


def decide_transport(data, failure):
    """(kind, rule id, wait) for a request that got no response."""
    found = transport_decision(data, failure)
    return found["kind"], found["rule"]["id"], found["wait"]


def transport_decision(data, failure):
    """A request that got no response: the rule naming its failure, else the runtime's default.
    No server says how long to wait, so a retry waits by the rule's backoff."""
    rule = next((r for r in [*data["rules"], *data["transport_defaults"]] if failure in r["transport"]))
    backoff = rule.get("backoff")
    if rule["kind"] == "retry_with_backoff":
        wait = (backoff["first_delay_ms"] / 1000, "backoff") if isinstance(backoff, dict) else \
            (0, "client") if backoff == "client" else (0, "immediately")
    else:
        wait = (0, "immediately")
    return settled(rule, rule["kind"], wait)


def for_request(data, decided, case):
    """The decision for the case's request: a retry of a request that may have taken effect (after
    a 5xx or a failure that may have reached the server, the rule not `safe_to_resend`) and is
    not idempotent (by its method or an idempotency key) is `check_outcome`, without a wait."""
    request = case.get("request")
    if request is None or decided["kind"] not in RETRYING:
        return decided
    failure = case.get("transport")
    acted = failure in data["may_have_reached_server"] if failure else 500 <= case["status"] <= 599
    idempotent = request["idempotency_key"] or request["method"] in data["idempotent_methods"]
    if acted and not decided["rule"]["safe_to_resend"] and not idempotent:
        return settled(decided["rule"], "check_outcome", None)
    return decided


CASES = [(path, example) for path in RECOVERY for example in json.loads(path.read_text(encoding="utf-8"))["examples"]]
PINNED = [(path, case) for path in RECOVERY for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]


def parsed(body_text):
    """The body as JSON, or None where it is not JSON (a page, broken JSON, nothing)."""
    try:
        return json.loads(body_text)
    except ValueError:
        return None


@pytest.mark.parametrize("path,case", PINNED, ids=[f"{p.stem}:{c['id']}" for p, c in PINNED])
def test_every_pinned_case_leads_to_its_decision(path, case):
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = case["decision"]
    if case.get("transport"):
        found = transport_decision(data, case["transport"])
    else:
        found = decision(data, case["status"], case["headers"], parsed(case["body_text"]))
    found = for_request(data, found, case)
    kind, rule, wait = found["kind"], found["rule"]["id"], found["wait"]
    assert (kind, rule) == (expected["kind"], expected["rule"])
    if "then" in expected:
        assert escalation(found) == expected["then"]
    # The retries it makes with the default policy, then the stop, where the case pins them.
    if "retry_waits" in expected:
        pinned = expected["retry_waits"]
        asked = [next_attempt(data, found, n) for n in range(1, len(pinned) + 2)]
        assert asked[:-1] == pytest.approx(pinned, abs=1e-9) and asked[-1] is None, asked
    # A case pins its wait exactly, no wait included (as the generated Rust test does); an
    # example's wait is checked where it states one.
    if expected["wait_seconds"] is not None:
        assert wait == pytest.approx(expected["wait_seconds"], abs=1e-9)
    else:
        assert wait is None


@pytest.mark.parametrize("path,example", CASES, ids=[f"{p.stem}:{e['id']}" for p, e in CASES])
def test_every_documented_example_leads_to_its_decision(path, example):
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = example["decision"]
    statuses = [example["status"]] if example["status"] is not None else \
        sorted({s for r in data["rules"] for s in r["statuses"] if s >= 400} or {400})
    for status in statuses:
        found = decision(data, status, example["headers"], example["body"])
        assert (found["kind"], found["rule"]["id"]) == (expected["kind"], expected["rule"]), f"status {status}"
        if expected["wait_seconds"] is not None:
            assert found["wait"] == pytest.approx(expected["wait_seconds"], abs=1e-9)
        if expected["then"] is not None:
            assert escalation(found) == expected["then"]


@pytest.mark.parametrize("path", RECOVERY, ids=lambda p: p.stem)
def test_the_openapi_extension_holds_the_same_data(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    openapi = yaml.safe_load((path.parent.parent / "openapi" / f"{path.stem}.yaml").read_text(encoding="utf-8"))
    extension = openapi["x-error-recovery"]
    assert extension == {k: v for k, v in data.items() if k not in ("$comment", "examples", "cases")}


@pytest.mark.parametrize("path", RECOVERY, ids=lambda p: p.stem)
def test_the_openapi_examples_read_by_a_yaml_1_1_reader_are_the_catalog_bodies(path):
    """PyYAML reads YAML 1.1, where an unquoted timestamp is a date and `yes` a boolean."""
    data = json.loads(path.read_text(encoding="utf-8"))
    openapi = yaml.safe_load((path.parent.parent / "openapi" / f"{path.stem}.yaml").read_text(encoding="utf-8"))
    in_openapi = sorted(json.dumps(e["value"], sort_keys=True) for e in openapi["components"].get("examples", {}).values())
    in_catalog = sorted(json.dumps(e["body"], sort_keys=True) for e in data["examples"])
    assert in_openapi == in_catalog


@pytest.mark.parametrize("path", RECOVERY, ids=lambda p: p.stem)
def test_hostile_bodies_decide_by_status(path):
    """A body that is not an object, or none at all, carries no code or hint: the status decides."""
    data = json.loads(path.read_text(encoding="utf-8"))
    statuses = {s for r in data["rules"] for s in r["statuses"]} | {400, 429, 503}
    for status in sorted(statuses):
        by_status = decide(data, status, {}, {})
        for body in (None, ["not", "an", "object"], "text", 42):
            assert decide(data, status, {}, body) == by_status, (status, body)
