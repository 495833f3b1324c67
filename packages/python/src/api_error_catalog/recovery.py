"""What to do about an error: the catalog's rules as data, and the decision one of them makes
(`Recovery`), with the client's policy for what the catalog leaves open.

The rules and their order come from the recovery data `cargo xtask generate` writes; the logic
is the Rust runtime's (`runtime/src/recovery.rs`), and the tests hold the two to the same
decisions on every documented example, pinned case and a table of hostile responses.
"""

from __future__ import annotations

import random as _random
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Mapping, Sequence

from ._text import ascii_lower, rust_trim

#: The longest wait a decision gives, unless the caller sets another: 15 minutes.
DEFAULT_MAX_WAIT = 15 * 60.0


class RecoveryKind(str, Enum):
    """What to do about an error. New kinds may come: for one this version does not know, ask
    `Recovery.next_attempt` whether to send the request again and show `Recovery.advice`."""

    RETRY_AFTER_WAIT = "retry_after_wait"
    RETRY_WITH_BACKOFF = "retry_with_backoff"
    RETRY_NOW = "retry_now"
    REFRESH_CREDENTIALS = "refresh_credentials"
    REAUTHENTICATE = "reauthenticate"
    USER_ACTION = "user_action"
    FIX_REQUEST = "fix_request"
    FIX_CONFIGURATION = "fix_configuration"
    CHECK_PERMISSIONS = "check_permissions"
    CONTACT_SUPPORT = "contact_support"
    CHECK_OUTCOME = "check_outcome"
    GIVE_UP = "give_up"

    @property
    def retries(self) -> bool:
        """Does this kind send the request again (after refreshing credentials, for
        `REFRESH_CREDENTIALS`)?"""
        return self in _RETRYING


_RETRYING = frozenset(
    {RecoveryKind.RETRY_AFTER_WAIT, RecoveryKind.RETRY_WITH_BACKOFF, RecoveryKind.RETRY_NOW, RecoveryKind.REFRESH_CREDENTIALS}
)


class TransportFailure(str, Enum):
    """How a request failed without a response."""

    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    TIMEOUT = "timeout"
    CONNECTION_CLOSED = "connection_closed"
    BODY_INCOMPLETE = "body_incomplete"


class WaitSource(str, Enum):
    """Where a decision's wait comes from."""

    RETRY_AFTER_HEADER = "retry_after_header"
    BODY_FIELD = "body_field"
    RATE_LIMIT_RESET = "rate_limit_reset"
    DOCUMENTED_DEFAULT = "documented_default"
    BACKOFF = "backoff"
    IMMEDIATELY = "immediately"
    CLIENT_POLICY = "client_policy"


@dataclass(frozen=True)
class Backoff:
    """Delays that grow with each retry: `first_delay` seconds, times `multiplier` per retry,
    at most `max_delay`, randomised by `jitter` (`none`, `full`, `equal` or `additive`, the
    last adding up to `jitter_added` seconds)."""

    first_delay: float
    multiplier: float = 2.0
    max_delay: float | None = None
    jitter: str = "none"
    jitter_added: float = 0.0

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Backoff:
        max_ms, added_ms = data.get("max_delay_ms"), data.get("jitter_ms")
        return cls(
            first_delay=data["first_delay_ms"] / 1000,
            multiplier=data["multiplier"],
            max_delay=None if max_ms is None else max_ms / 1000,
            jitter=data["jitter"],
            jitter_added=0.0 if added_ms is None else added_ms / 1000,
        )

    def delay(self, retry: int) -> float:
        """The delay before retry number `retry` (0 for the first), without jitter."""
        multiplier = max(self.multiplier, 1.0)
        try:
            seconds = self.first_delay * multiplier**retry
        except OverflowError:
            seconds = float("inf")
        return seconds if self.max_delay is None else min(seconds, self.max_delay)

    def jittered(self, retry: int, random: float) -> float:
        """The delay before retry number `retry`, randomised with `random` (from 0 to 1; 1 gives
        the delay itself, plus all of an additive jitter)."""
        delay = self.delay(retry)
        random = 0.0 if random != random else min(max(random, 0.0), 1.0)
        if self.jitter == "full":
            return delay * random
        if self.jitter == "equal":
            return delay / 2 + delay / 2 * random
        if self.jitter == "additive":
            return delay + self.jitter_added * random
        return delay


@dataclass(frozen=True)
class RetryPolicy:
    """What a client decides where the catalog does not: attempts in all when a rule sets no
    cap, the longest wait worth waiting (seconds), and the delays when a rule gives none. The
    defaults, the AWS SDKs' standard mode, are the recovery data's `client_policy`."""

    max_attempts: int = 3
    max_wait: float = DEFAULT_MAX_WAIT
    backoff: Backoff = field(default_factory=lambda: Backoff(1.0, 2.0, 20.0, "full"))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RetryPolicy:
        return cls(data["max_attempts"], float(data["max_wait_seconds"]), Backoff.from_data(data["backoff"]))


@dataclass(frozen=True)
class Escalation:
    """What comes next when a recovery did not help: a kind, the advice, and the fact to quote
    (`request_id` or `support_reference`)."""

    kind: RecoveryKind
    advice: str
    quote: str | None = None

    def quoted(self, error: Any) -> str | None:
        """The text to quote, read off the error (an `ApiError`) the escalation is about."""
        return getattr(error, self.quote, None) if self.quote in ("request_id", "support_reference") else None


@dataclass(frozen=True)
class Rule:
    """One rule of an API's recovery, as its data gives it."""

    id: str
    level: str
    kind: RecoveryKind
    advice: str
    source: str
    inferred: bool
    hints: tuple[str, ...]
    errors: tuple[str, ...]
    statuses: tuple[int, ...]
    status_classes: tuple[str, ...]
    except_: tuple[str, ...]
    when: tuple[Mapping[str, str], ...]
    transport: tuple[TransportFailure, ...]
    safe_to_resend: bool
    backoff: Backoff | None
    client_backoff: bool
    max_attempts: int | None
    if_no_wait: RecoveryKind | None
    then: Escalation | None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Rule:
        backoff, then = data.get("backoff"), data.get("then")
        return cls(
            id=data["id"],
            level=data["level"],
            kind=RecoveryKind(data["kind"]),
            advice=data["advice"],
            source=data["source"],
            inferred=data["inferred"],
            hints=tuple(data["hints"]),
            errors=tuple(data["errors"]),
            statuses=tuple(data["statuses"]),
            status_classes=tuple(data["status_classes"]),
            except_=tuple(data["except"]),
            when=tuple(data["when"]),
            transport=tuple(TransportFailure(f) for f in data["transport"]),
            safe_to_resend=data["safe_to_resend"],
            backoff=Backoff.from_data(backoff) if isinstance(backoff, Mapping) else None,
            client_backoff=backoff == "client",
            max_attempts=data.get("max_attempts"),
            if_no_wait=RecoveryKind(data["if_no_wait"]) if data.get("if_no_wait") else None,
            then=None if then is None else Escalation(RecoveryKind(then["kind"]), then["advice"], then.get("quote")),
        )


@dataclass(frozen=True)
class Observed:
    """What a rule looks at in a response: its status, the headers the rules' conditions test,
    and each role's values (the body's fact first, then those of every element)."""

    status: int
    headers: Sequence[tuple[str, str]]
    facts: Mapping[str, Sequence[str]]

    def header(self, name: str) -> str | None:
        wanted = ascii_lower(name)
        return next((value for key, value in self.headers if ascii_lower(key) == wanted), None)


def status_class(status: int) -> str | None:
    return f"{status // 100}xx" if 100 <= status <= 599 else None


def _holds(condition: Mapping[str, str], observed: Observed) -> bool:
    """A rule's condition: a header's or a fact's value, trimmed, ASCII letters in any case."""
    def passes(value: str) -> bool:
        value = ascii_lower(rust_trim(value))
        if "equals" in condition:
            return value == ascii_lower(rust_trim(condition["equals"]))
        return ascii_lower(condition["contains"]) in value

    if "header" in condition:
        value = observed.header(condition["header"])
        return value is not None and passes(value)
    return any(passes(value) for value in observed.facts.get(condition["field"], ()))


def covers(rule: Rule, observed: Observed) -> bool:
    """Does `rule` cover the response?"""
    codes, hints = observed.facts.get("code", ()), observed.facts.get("hint", ())
    if rule.except_ and any(value in rule.except_ for value in (*codes, *hints)):
        return False
    if not all(_holds(condition, observed) for condition in rule.when):
        return False
    status = observed.status
    in_scope = not rule.statuses and not rule.status_classes or status in rule.statuses or status_class(status) in rule.status_classes
    if rule.level == "condition":
        return True
    if rule.level == "hint":
        return any(h in rule.hints for h in hints) and in_scope
    if rule.level == "error_value":
        return any(c in rule.errors for c in codes) and in_scope
    if rule.level == "status":
        return status in rule.statuses
    if rule.level == "status_class":
        return status_class(status) in rule.status_classes
    return rule.level == "fallback"


def rule_for(rules: Sequence[Rule], fallback: Rule, precedence: Sequence[str], observed: Observed) -> Rule:
    """The first rule of the highest level, in the catalog's precedence, that covers the
    response (within a level, rules with conditions first), else the fallback."""
    rank = {level: index for index, level in enumerate(precedence)}
    best, best_rank = fallback, (len(precedence), True)
    for rule in rules:
        ranked = (rank.get(rule.level, len(precedence)), not rule.when)
        if ranked < best_rank and covers(rule, observed):
            best, best_rank = rule, ranked
    return best


_HELD_BACK_ADVICE = (
    "The request may have taken effect and is not safe to send twice: find out whether it did "
    "before sending it again, or send it with an idempotency key."
)


@dataclass(frozen=True)
class Request:
    """What a decision needs to know of the request it is about: whether sending it again is
    harmless (its method is idempotent, or it carries an idempotency key)."""

    idempotent: bool

    IDEMPOTENT_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE")

    @classmethod
    def of_method(cls, method: str, idempotency_key: bool = False) -> Request:
        return cls(idempotency_key or method in cls.IDEMPOTENT_METHODS)


@dataclass(frozen=True)
class Recovery:
    """The decision for one error: what to do, whether and when to retry, and which rule of the
    catalog says so."""

    kind: RecoveryKind
    rule: Rule
    decided_by: str
    #: Seconds to wait before the next attempt; None when not retrying, or when the rule leaves
    #: the delays to the client (ask `next_attempt`).
    wait: float | None
    wait_source: WaitSource | None
    #: The wait asked for was longer than the maximum and was cut to it.
    wait_was_clamped: bool
    max_wait: float = DEFAULT_MAX_WAIT
    #: The server may have acted on the request (after a 5xx, or a failure that may have
    #: reached it), unless the rule says it did not.
    may_have_taken_effect: bool = False
    transport_failure: TransportFailure | None = None

    @property
    def should_retry(self) -> bool:
        return self.kind.retries

    @property
    def advice(self) -> str:
        """The documentation's advice, in words; for a retry `for_request` held back, why."""
        return _HELD_BACK_ADVICE if self._held_back else self.rule.advice

    @property
    def max_attempts(self) -> int | None:
        """Attempts in all where the catalog caps them; None where it sets no cap."""
        return self.rule.max_attempts if self.should_retry else 1

    @property
    def _held_back(self) -> bool:
        return self.kind == RecoveryKind.CHECK_OUTCOME and self.rule.kind != RecoveryKind.CHECK_OUTCOME

    def escalation(self) -> Escalation | None:
        """What to do when this recovery did not help: when `next_attempt` said stop after
        retries, or the error came back after the user acted."""
        return None if self._held_back else self.rule.then

    def for_request(self, request: Request) -> Recovery:
        """The decision for `request`: a retry of a request that may have taken effect and is
        not idempotent becomes `CHECK_OUTCOME`, so that a payment is not made twice."""
        if not self.should_retry or not self.may_have_taken_effect or request.idempotent:
            return self
        return replace(self, kind=RecoveryKind.CHECK_OUTCOME, wait=None, wait_source=None, wait_was_clamped=False)

    def next_attempt(self, attempts_made: int, policy: RetryPolicy | None = None, random: float | None = None) -> float | None:
        """The one retry question: after `attempts_made` attempts (the first included) have
        failed, this one among them, the seconds to wait before the next, or None to stop. It
        stops when the decision does not retry, at the rule's cap of attempts (the policy's
        where the rule has none), and when the wait would pass the policy's longest, so a loop
        on it always ends. `random` (0 to 1) draws the jitter; by default a random number."""
        policy = policy or RetryPolicy()
        if not self.should_retry or self.wait_was_clamped or self.wait_source is None:
            return None
        cap = policy.max_attempts if self.rule.max_attempts is None else self.rule.max_attempts
        if attempts_made >= cap:
            return None
        draw = _random.random() if random is None else random
        retry = max(attempts_made - 1, 0)
        if self.wait_source == WaitSource.CLIENT_POLICY:
            wait = policy.backoff.jittered(retry, draw)
        else:
            grown = self._grown_wait(retry, lambda backoff, n: backoff.jittered(n, draw))
            if grown is None:
                return None
            wait = grown
        return wait if wait <= policy.max_wait else None

    def wait_after(self, attempts_made: int) -> float | None:
        """The wait after `attempts_made` attempts, without jitter, at most the maximum wait."""
        grown = self._grown_wait(max(attempts_made - 1, 0), Backoff.delay)
        return None if grown is None else min(grown, self.max_wait)

    def _grown_wait(self, retry: int, delay: Any) -> float | None:
        if self.wait is None:
            return None
        backoff = self.rule.backoff
        if self.wait_source == WaitSource.BACKOFF and backoff is not None:
            return float(delay(backoff, retry))
        if self.wait_source == WaitSource.DOCUMENTED_DEFAULT and backoff is not None:
            return max(float(delay(backoff, retry)), self.wait)
        return self.wait


def decide(
    rule: Rule,
    decided_by: str,
    server_wait: tuple[float, WaitSource] | None,
    reset_wait: float | None,
    default_wait: float | None,
    max_wait: float,
) -> Recovery:
    """The decision of `rule` given the waits the response asks for: the server's wait wins over
    the rule's own delay; waits are at most `max_wait`."""
    immediately = (0.0, WaitSource.IMMEDIATELY)
    backoff_wait: tuple[float, WaitSource] | None = None
    if rule.backoff is not None:
        backoff_wait = (rule.backoff.delay(0), WaitSource.BACKOFF)
    elif rule.client_backoff:
        backoff_wait = (0.0, WaitSource.CLIENT_POLICY)

    def wait_for(kind: RecoveryKind) -> tuple[float, WaitSource] | None:
        if kind == RecoveryKind.RETRY_AFTER_WAIT:
            reset = None if reset_wait is None else (reset_wait, WaitSource.RATE_LIMIT_RESET)
            default = None if default_wait is None else (default_wait, WaitSource.DOCUMENTED_DEFAULT)
            return server_wait or reset or default or backoff_wait
        if kind == RecoveryKind.RETRY_WITH_BACKOFF:
            return server_wait or backoff_wait or immediately
        if kind in (RecoveryKind.RETRY_NOW, RecoveryKind.REFRESH_CREDENTIALS):
            return server_wait or immediately
        return None

    kind = rule.kind
    wait = wait_for(kind)
    if kind == RecoveryKind.RETRY_AFTER_WAIT and wait is None:
        kind = rule.if_no_wait or RecoveryKind.GIVE_UP
        wait = wait_for(kind)
        if kind.retries and wait is None:
            kind = RecoveryKind.GIVE_UP
    if not kind.retries:
        wait = None
    clamped = wait is not None and wait[0] > max_wait
    source = None if wait is None else wait[1]
    seconds = None if wait is None or source == WaitSource.CLIENT_POLICY else min(wait[0], max_wait)
    return Recovery(kind, rule, decided_by, seconds, source, clamped, max_wait)
