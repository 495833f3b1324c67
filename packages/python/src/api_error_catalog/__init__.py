"""What to do about an HTTP API's error response, decided from the API error catalog.

Each API of the catalog is a module of `api_error_catalog.apis` with its `API`; read a response
with it, then ask the error what to do::

    from api_error_catalog.apis import ofauth

    error = ofauth.API.read(429, {"Retry-After": "3"}, b'{"error": "Slow down", "type": "RATE_LIMIT_EXCEEDED"}')
    recovery = error.recovery()
    wait = recovery.next_attempt(attempts_made=1)  # seconds to wait, or None: stop

The decisions are the Rust crate's (`api-error-catalog`), from the same generated data.
"""

from .catalog import Api, ApiError
from .reading import BodyProblem
from .recovery import (
    DEFAULT_MAX_WAIT,
    Backoff,
    Escalation,
    Recovery,
    RecoveryKind,
    Request,
    RetryPolicy,
    Rule,
    TransportFailure,
    WaitSource,
)
from .waits import At, Delay

__all__ = [
    "DEFAULT_MAX_WAIT",
    "Api",
    "ApiError",
    "At",
    "Backoff",
    "BodyProblem",
    "Delay",
    "Escalation",
    "Recovery",
    "RecoveryKind",
    "Request",
    "RetryPolicy",
    "Rule",
    "TransportFailure",
    "WaitSource",
]
