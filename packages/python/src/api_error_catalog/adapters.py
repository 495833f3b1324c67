"""The HTTP clients Python users have: an `ApiError` from an `httpx` or `requests` response, and
the transport failure of their exceptions. Neither library is imported: responses and
exceptions are read by what they have, so the package depends on neither."""

from __future__ import annotations

import socket
import ssl
from typing import Any, Iterator

from .catalog import Api, ApiError, Body
from .recovery import TransportFailure


def from_response(api: Api[Body], response: Any) -> ApiError[Body]:
    """Reads an `httpx.Response` or a `requests.Response` (its status, every header, its body's
    bytes) as an error of `api`. Never raises for what the response holds."""
    body = getattr(response, "content", b"")
    return api.read(int(response.status_code), getattr(response, "headers", None), body if isinstance(body, bytes) else b"")


# Exception classes by name, httpx's and requests', the most specific first: the first found in
# an exception's ancestry names the failure.
_BY_CLASS_NAME = (
    ("ConnectTimeout", TransportFailure.CONNECT),
    ("PoolTimeout", TransportFailure.CONNECT),
    ("ReadTimeout", TransportFailure.TIMEOUT),
    ("WriteTimeout", TransportFailure.TIMEOUT),
    ("TimeoutException", TransportFailure.TIMEOUT),
    ("Timeout", TransportFailure.TIMEOUT),
    ("SSLError", TransportFailure.TLS),
    ("ChunkedEncodingError", TransportFailure.BODY_INCOMPLETE),
    ("ContentDecodingError", TransportFailure.BODY_INCOMPLETE),
    ("RemoteProtocolError", TransportFailure.CONNECTION_CLOSED),
    ("ReadError", TransportFailure.CONNECTION_CLOSED),
    ("ConnectError", TransportFailure.CONNECT),
    ("ConnectionError", TransportFailure.CONNECT),
)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def transport_failure(error: BaseException) -> TransportFailure | None:
    """How a request failed without a response, from an httpx or requests exception or the
    standard library's socket errors (a TLS or name-resolution failure anywhere in its causes
    wins); None for anything else."""
    chain = list(_chain(error))
    names = [{cls.__name__ for cls in type(e).__mro__} for e in chain]
    if any(isinstance(e, ssl.SSLError) or "SSLError" in n for e, n in zip(chain, names)):
        return TransportFailure.TLS
    if any(isinstance(e, socket.gaierror) or "NameResolutionError" in n for e, n in zip(chain, names)):
        return TransportFailure.DNS
    for ancestry in names:
        for name, failure in _BY_CLASS_NAME:
            if name in ancestry:
                return failure
    for e in chain:
        if isinstance(e, (socket.timeout, TimeoutError)):
            return TransportFailure.TIMEOUT
        if isinstance(e, ConnectionRefusedError):
            return TransportFailure.CONNECT
        if isinstance(e, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return TransportFailure.CONNECTION_CLOSED
    return None
