"""One API's error catalog, from the recovery data `cargo xtask generate` writes
(`generated/recovery/<api>.json`, copied into this package for each API of the catalog): read a
response into an `ApiError`, then ask it what to do."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Mapping, TypeVar, Union, cast

from . import reading, waits
from .reading import BodyFacts, BodyProblem, HeaderPairs
from .recovery import (
    DEFAULT_MAX_WAIT,
    Recovery,
    RetryPolicy,
    Rule,
    Observed,
    TransportFailure,
    WaitSource,
    decide,
    rule_for,
)

BodyInput = Union[bytes, bytearray, memoryview, str, None]

#: An API's documented body formats (its module's `ErrorResponse`).
Body = TypeVar("Body")


class Api(Generic[Body]):
    """An API's error catalog: its rules, fields and headers, as its recovery data gives them.

    The generated modules in `api_error_catalog.apis` hold one each (`apis.ofauth.API`, typed
    with its body formats); `Api.from_file` loads any other catalog's data.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.name: str = data["api"]
        self.fields: Mapping[str, list[list[str]]] = data["fields"]
        self.headers: Mapping[str, str] = data["headers"]
        self.precedence: tuple[str, ...] = tuple(data["precedence"])
        self.rules: tuple[Rule, ...] = tuple(Rule.from_data(rule) for rule in data["rules"])
        self.fallback = Rule.from_data(data["fallback"])
        self.transport_defaults: tuple[Rule, ...] = tuple(Rule.from_data(r) for r in data["transport_defaults"])
        self.may_have_reached_server = frozenset(TransportFailure(f) for f in data["may_have_reached_server"])
        #: The client policy the Rust crate defaults to; `next_attempt` uses it when given none.
        self.client_policy = RetryPolicy.from_data(data["client_policy"])
        retry_after = data["retry_after"]
        self._wait_formats: tuple[str, ...] = tuple(retry_after["formats"])
        self._body_wait_formats: tuple[str, ...] = tuple(retry_after["body_formats"])
        self._reset_formats: tuple[str, ...] = tuple(retry_after["reset_formats"])
        default = retry_after["default_seconds"]
        self._default_wait: float | None = None if default is None else float(default)
        self._tested_headers = tuple(
            dict.fromkeys(c["header"] for rule in self.rules for c in rule.when if "header" in c)
        )

    @classmethod
    def from_file(cls, path: str | Path) -> Api[Any]:
        """The API whose recovery data is the JSON file at `path`."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def packaged(cls, api_id: str) -> Api[Any]:
        """The API `api_id` of the catalog this package was generated from."""
        data = resources.files("api_error_catalog").joinpath("apis", f"{api_id}.json").read_text(encoding="utf-8")
        return cls(json.loads(data))

    def __repr__(self) -> str:
        return f"Api({self.name!r})"

    def read(self, status: int, headers: HeaderPairs | None = None, body: BodyInput = b"") -> ApiError[Body]:
        """Reads an error response: its status, its headers (a mapping or pairs; names in any
        case; values as text or bytes) and its body. Never raises."""
        if isinstance(body, str):
            raw = body.encode("utf-8", "surrogatepass")
        elif body is None:
            raw = b""
        else:
            raw = bytes(body)
        return ApiError(self, status, reading.header_pairs(headers), raw)

    def transport_recovery(self, failure: TransportFailure | str) -> Recovery:
        """What to do when a request failed without a response: the catalog's rule for the
        failure, else the runtime's default (retry with the client's backoff; fix the
        configuration after a TLS failure)."""
        failure = TransportFailure(failure)
        rule = next((r for r in (*self.rules, *self.transport_defaults) if failure in r.transport), self.transport_defaults[0])
        decided = decide(rule, "transport", None, None, None, DEFAULT_MAX_WAIT)
        return _acted(decided, failure in self.may_have_reached_server, failure)


def _without_namespace(facts: BodyFacts, separator: str | None) -> BodyFacts:
    """The facts with each code as rules name it: the text after the last `separator` of a
    namespace the wire may write before it (`aws.example#Throttled`)."""
    if separator is None:
        return facts
    code = None if facts.code is None else facts.code.rpartition(separator)[2]
    return replace(facts, code=code, every_code=[c.rpartition(separator)[2] for c in facts.every_code])


def _acted(recovery: Recovery, may_have_acted: bool, failure: TransportFailure | None = None) -> Recovery:
    return replace(
        recovery,
        may_have_taken_effect=may_have_acted and not recovery.rule.safe_to_resend,
        transport_failure=failure,
    )


class ApiError(Exception, Generic[Body]):
    """An error response of one API, read leniently: building one never raises, whatever the
    status, headers and body. `recovery()` says what to do next."""

    def __init__(self, api: Api[Body], status: int, headers: list[tuple[str, str]], raw: bytes) -> None:
        self.api = api
        self.status = status
        self.headers = headers
        self.raw = raw[: reading.EXCERPT_BYTES] if len(raw) > reading.MAX_BODY_BYTES else raw
        self.body_len = len(raw)
        body = reading.read_body(raw, api.fields, api._body_wait_formats, api.data.get("body"))
        self.json: object = body.json
        names = api.headers
        facts = body.facts
        if facts.code is None:
            # A header's code where the body gives none (Azure's `x-ms-error-code`).
            facts = replace(facts, code=reading.header_code(reading.first_header(headers, names.get("code"))))
        self._facts: BodyFacts = _without_namespace(facts, api.data.get("code_namespace"))
        self.body_problem: BodyProblem | None = body.problem
        sent_retry_after = reading.first_header(headers, names.get("retry_after"))
        self.retry_after_header: str | None = sent_retry_after
        self.retry_after: waits.Wait | None = None
        if sent_retry_after is not None:
            self.retry_after = waits.read_header(names["retry_after"], sent_retry_after, api._wait_formats)
        self.header_request_id = reading.first_header(headers, names.get("request_id")) or None
        self.rate_limit_limit = reading.count(reading.first_header(headers, names.get("rate_limit_limit")))
        self.rate_limit_remaining = reading.count(reading.first_header(headers, names.get("rate_limit_remaining")))
        reset = reading.first_header(headers, names.get("rate_limit_reset"))
        self.rate_limit_resets = None if reset is None else waits.parse(reset, api._reset_formats)
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.api.name} error {self.status}"
        if self.code is not None:
            text += f" {self.code}"
        if self.message is not None and self.message != self.code:
            text += f": {self.message}"
        if self.request_id is not None:
            text += f" (request {self.request_id})"
        return text

    @property
    def code(self) -> str | None:
        """The error type or code, as sent."""
        return self._facts.code

    @property
    def hint(self) -> str | None:
        """The body's hint on how to resolve the error, as sent."""
        return self._facts.hint

    @property
    def message(self) -> str | None:
        return self._facts.message

    @property
    def request_id(self) -> str | None:
        """The request id: the body's, else the header's."""
        return self.header_request_id if self._facts.request_id is None else self._facts.request_id

    @property
    def support_reference(self) -> str | None:
        return self._facts.support_reference

    @property
    def body_retry_after(self) -> waits.Wait | None:
        """The wait a body field asks for."""
        return self._facts.retry_after

    @property
    def excerpt(self) -> str:
        """The start of the raw body, as text, for logs."""
        return reading.excerpt(self.raw)

    @property
    def body(self) -> Body | None:
        """The body, when it is one of the API's documented formats (None when it is not:
        `body_problem` says why)."""
        return cast(Body, self.json) if self.body_problem is None and self.json is not None else None

    def field(self, key: str) -> Any:
        """One top-level member of the body, even when the whole body is no documented one."""
        return self.json.get(key) if isinstance(self.json, dict) else None

    def recovery(self, now: datetime | None = None, max_wait: float = DEFAULT_MAX_WAIT) -> Recovery:
        """What to do about this response, as the API's catalog says, with waits of at most
        `max_wait` seconds; a moment the server names counts from `now` (by default, now)."""
        now = now or datetime.now(timezone.utc)
        facts = self._facts
        tested = ((name, reading.first_header(self.headers, name)) for name in self.api._tested_headers)
        observed = Observed(
            self.status,
            [(name, value) for name, value in tested if value is not None],
            {
                "code": [v for v in (facts.code,) if v is not None] + facts.every_code,
                "hint": [v for v in (facts.hint,) if v is not None] + facts.every_hint,
                "message": [v for v in (facts.message,) if v is not None],
            },
        )
        rule = rule_for(self.api.rules, self.api.fallback, self.api.precedence, observed)
        decided_by = "fallback" if rule is self.api.fallback else rule.level
        server_wait: tuple[float, WaitSource] | None = None
        if self.retry_after is not None:
            server_wait = (waits.delay_from(self.retry_after, now), WaitSource.RETRY_AFTER_HEADER)
        elif facts.retry_after is not None:
            server_wait = (waits.delay_from(facts.retry_after, now), WaitSource.BODY_FIELD)
        window_spent = not (self.rate_limit_remaining is not None and self.rate_limit_remaining > 0)
        reset_wait = None
        if self.rate_limit_resets is not None and window_spent:
            reset_wait = waits.delay_from(self.rate_limit_resets, now)
        decided = decide(rule, decided_by, server_wait, reset_wait, self.api._default_wait, max_wait)
        return _acted(decided, 500 <= self.status <= 599)
