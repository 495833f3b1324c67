"""What a Python client writes: the README's examples run as they are, and responses and
failures of httpx and requests are read without a line of mapping."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
from requests.structures import CaseInsensitiveDict

from api_error_catalog import RecoveryKind, TransportFailure
from api_error_catalog.adapters import from_response, transport_failure
from api_error_catalog.apis import fanfare, ofauth

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.S)


def test_the_readme_example_decides_as_it_says() -> None:
    exec(compile(EXAMPLES[0], "README.md", "exec"), {})


def test_the_readme_retry_loop_retries_to_success_and_gives_up_where_the_catalog_says() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(EXAMPLES[1], "README.md", "exec"), namespace)
    answers = [
        httpx.Response(429, headers={"Retry-After": "0"}, json={"error": "Too many requests"}),
        httpx.Response(200, json={"ok": True}),
    ]
    client = httpx.Client(transport=httpx.MockTransport(lambda request: answers.pop(0)))
    assert namespace["send"](client, client.build_request("GET", "https://api.test/")).status_code == 200
    # Fanfare's 404: fix the request, never retried.
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404, json={"error": "Not found"})))
    with pytest.raises(RuntimeError, match="fix_request"):
        namespace["send"](client, client.build_request("GET", "https://api.test/"))


def test_an_httpx_response_is_read_with_every_header() -> None:
    response = httpx.Response(
        429,
        headers=[("retry-after", "12"), ("Retry-After", "99"), ("X-Request-Id", "req_h")],
        content=b'{"error": "Slow down", "type": "RATE_LIMIT_EXCEEDED"}',
    )
    error = from_response(ofauth.API, response)
    assert (error.code, error.request_id) == ("RATE_LIMIT_EXCEEDED", None)
    recovery = error.recovery()
    # The first of repeated headers counts, as in Rust.
    assert recovery.kind == RecoveryKind.RETRY_AFTER_WAIT and recovery.wait == 12


def test_a_requests_response_is_read_too() -> None:
    response = requests.Response()
    response.status_code = 401
    response.headers = CaseInsensitiveDict({"Content-Type": "application/json"})
    response._content = b'{"error": "otp_invalid"}'
    recovery = from_response(fanfare.API, response).recovery()
    assert recovery.kind == RecoveryKind.USER_ACTION and recovery.rule.id == "otp-codes"


def test_transport_failures_are_named_from_the_exceptions_clients_raise() -> None:
    request = httpx.Request("GET", "https://api.test/")
    assert transport_failure(httpx.ReadTimeout("slow", request=request)) == TransportFailure.TIMEOUT
    assert transport_failure(httpx.ConnectTimeout("slow", request=request)) == TransportFailure.CONNECT
    assert transport_failure(httpx.RemoteProtocolError("closed", request=request)) == TransportFailure.CONNECTION_CLOSED
    dns = httpx.ConnectError("no such host", request=request)
    dns.__cause__ = socket.gaierror(-2, "Name or service not known")
    assert transport_failure(dns) == TransportFailure.DNS
    assert transport_failure(requests.exceptions.ReadTimeout()) == TransportFailure.TIMEOUT
    assert transport_failure(requests.exceptions.SSLError()) == TransportFailure.TLS
    assert transport_failure(requests.exceptions.ChunkedEncodingError()) == TransportFailure.BODY_INCOMPLETE
    assert transport_failure(ConnectionRefusedError()) == TransportFailure.CONNECT
    assert transport_failure(ValueError("not a transport failure")) is None
