"""Reading an error response leniently: the JSON of its body, the facts at the paths the API's
data gives (code, hint, message, request id, wait, support reference), and the headers it names.

Reading never raises. Where Python's own JSON reader is more lenient than the Rust runtime's
(`NaN`, lone surrogates, numbers past 64 bits, nesting past 127 levels), this module refuses or
converts the same way, so that Python and Rust find the same facts in the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, Mapping, Sequence, Tuple, Union

from . import shapes, waits
from ._text import U64_END, ascii_lower, ascii_number, rust_trim

#: Bodies longer than this are not read (no error body is; a 5 MB page is not one).
MAX_BODY_BYTES = 1 << 20
#: A body longer than this has the facts of its array elements beyond the first left unread.
VALUE_BYTES = 64 << 10
#: How much of the raw body `ApiError.excerpt` keeps.
EXCERPT_BYTES = 2048
#: Path steps over an array: `[]` the first element that has the fact, `[*]` every element.
EACH_ELEMENT, ANY_ELEMENT = "[]", "[*]"
#: How deep JSON may nest before the Rust runtime's reader gives up (serde_json's limit).
MAX_DEPTH = 127

_BOM = b"\xef\xbb\xbf"
# Rust's `u8::is_ascii_whitespace`: JSON's white space and the form feed.
_ASCII_WHITE_SPACE = b" \t\n\r\x0c"

HeaderPairs = Union[Mapping[str, Union[str, bytes]], Iterable[Tuple[str, Union[str, bytes]]]]


@dataclass(frozen=True)
class BodyProblem:
    """Why a body could not be read as the API's error body: `empty`, `too_large`, `not_json` or
    `unexpected_shape`. The response is still an `ApiError`, with whatever was salvaged."""

    kind: str
    message: str = ""


class _Refused(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not JSON")


def _integer(text: str) -> int | float:
    # serde_json keeps integers within 64 bits and reads the others as a float.
    number = int(text)
    if -(2**63) <= number < 2**64:
        return number
    return _float(text)


def _float(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise _Refused("number out of range")
    return number


def _check(value: object, depth: int = 0) -> None:
    """Refuses what serde_json refuses and Python's reader takes: nesting past its limit and
    lone surrogates (from `\\ud800` escapes)."""
    if isinstance(value, (dict, list)):
        if depth >= MAX_DEPTH:
            raise _Refused("recursion limit exceeded")
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str):
                _check(key, depth)
            _check(item, depth + 1)
    elif isinstance(value, str) and any("\ud800" <= c <= "\udfff" for c in value):
        raise _Refused("lone surrogate in hex escape")


def parse_json(body: bytes) -> object:
    """The body as JSON, as strictly as the Rust runtime reads it; raises ValueError."""
    try:
        text = body.decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant, parse_int=_integer, parse_float=_float)
    except RecursionError:
        raise _Refused("recursion limit exceeded") from None
    except UnicodeDecodeError as error:
        raise _Refused(f"invalid UTF-8: {error.reason}") from None
    _check(value)
    return value


def scalar_at(body: object, path: Sequence[str]) -> object:
    """The string or number at `path` (through the first element that has one, at `[]` or
    `[*]`), or None."""
    if not path:
        return body if _is_scalar(body) else None
    key, rest = path[0], path[1:]
    if key in (EACH_ELEMENT, ANY_ELEMENT) and isinstance(body, list):
        return next((found for found in (scalar_at(element, rest) for element in body) if found is not None), None)
    if isinstance(body, dict) and key in body:
        return scalar_at(body[key], rest)
    return None


def scalars_at(body: object, path: Sequence[str], out: list[object]) -> None:
    """Every string or number at `path`: each element's at `[*]`, the first element's that has
    any at `[]`."""
    if not path:
        if _is_scalar(body):
            out.append(body)
        return
    key, rest = path[0], path[1:]
    if key == ANY_ELEMENT and isinstance(body, list):
        for element in body:
            scalars_at(element, rest, out)
    elif key == EACH_ELEMENT and isinstance(body, list):
        for element in body:
            before = len(out)
            scalars_at(element, rest, out)
            if len(out) > before:
                return
    elif isinstance(body, dict) and key in body:
        scalars_at(body[key], rest, out)


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def text(value: object) -> str | None:
    """A fact's text, as the Rust runtime writes it: a string as sent; a whole number within 64
    bits as its digits however it is written (`20429.0` is `20429`); any other number as
    serde_json writes it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and -(2.0**63) <= value < 2.0**63:
        return str(int(value))
    return _float_text(value)


def _float_text(value: float) -> str:
    """serde_json's text of a float: plain from 1e-5 up to 1e16, otherwise scientific (`1e-7`,
    `1.5e+300`), with the fewest digits that read back the same."""
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    assert isinstance(exponent, int)
    shown = "".join(map(str, digits))
    leading = len(shown) + exponent - 1
    minus = "-" if sign else ""
    if -5 <= leading < 16:
        if exponent >= 0:
            return f"{minus}{shown}{'0' * exponent}.0"
        point = len(shown) + exponent
        whole = shown[:point] if point > 0 else "0"
        return f"{minus}{whole}.{'0' * max(0, -point)}{shown[max(0, point):]}"
    mantissa = shown[0] + (f".{shown[1:]}" if len(shown) > 1 else "")
    return f"{minus}{mantissa}e{'+' if leading > 0 else '-'}{abs(leading)}"


@dataclass
class BodyFacts:
    """The facts of a body: each role's value, and the codes and hints of every element."""

    code: str | None = None
    hint: str | None = None
    message: str | None = None
    request_id: str | None = None
    support_reference: str | None = None
    retry_after: waits.Wait | None = None
    every_code: list[str] = field(default_factory=list)
    every_hint: list[str] = field(default_factory=list)


def body_facts(body: object, fields: Mapping[str, Sequence[Sequence[str]]], wait_formats: Sequence[str], every: bool) -> BodyFacts:
    """The facts at each role's paths, the first path that has one winning; with `every`, the
    codes and hints of every element too (their paths through `[*]`)."""
    facts = BodyFacts()
    for role, paths in fields.items():
        for path in paths:
            value = scalar_at(body, path)
            if value is None:
                continue
            if role == "retry_after":
                if facts.retry_after is None:
                    facts.retry_after = waits.body_wait(value, wait_formats)
            elif role in ("code", "hint", "message", "request_id", "support_reference") and getattr(facts, role) is None:
                setattr(facts, role, text(value))
    if every:
        for role, slot in (("code", facts.every_code), ("hint", facts.every_hint)):
            for path in fields.get(role, []):
                if ANY_ELEMENT in path:
                    found: list[object] = []
                    scalars_at(body, path, found)
                    slot.extend(t for t in map(text, found) if t is not None)
    return facts


@dataclass(frozen=True)
class Body:
    """A body as read: its JSON (when it is JSON), its facts, and why it is not a documented
    error body, if it is not."""

    json: object
    facts: BodyFacts
    problem: BodyProblem | None


def read_body(
    raw: bytes,
    fields: Mapping[str, Sequence[Sequence[str]]],
    wait_formats: Sequence[str],
    formats: Mapping[str, Any] | None = None,
) -> Body:
    """Reads a body's JSON and facts, and whether it is one of the documented `formats` (the
    recovery data's `body`); never raises."""
    raw = raw[len(_BOM) :] if raw.startswith(_BOM) else raw
    if len(raw) > MAX_BODY_BYTES:
        return Body(None, BodyFacts(), BodyProblem("too_large", f"the body is {len(raw)} bytes, too large to read"))
    if not raw.strip(_ASCII_WHITE_SPACE):
        return Body(None, BodyFacts(), BodyProblem("empty", "the body is empty"))
    value: object = None
    not_json: ValueError | None = None
    try:
        value = parse_json(raw)
    except ValueError as error:
        not_json = error
    if formats is not None and "text" in formats and not isinstance(value, dict):
        # Of an API that sends plain text, a body that is no JSON object is such a text: without
        # the white space around it, its one value, as a JSON string of it would be.
        value = raw.strip(_ASCII_WHITE_SPACE).decode("utf-8", "replace")
    elif not_json is not None:
        return Body(None, BodyFacts(), BodyProblem("not_json", f"the body is not JSON: {not_json}"))
    # The Rust runtime reads every element's facts only in bodies of at most VALUE_BYTES.
    facts = body_facts(value, fields, wait_formats, every=len(raw) <= VALUE_BYTES)
    why = None if formats is None else shapes.unfit(value, formats)
    return Body(value, facts, None if why is None else BodyProblem("unexpected_shape", f"the body is not a documented error body: {why}"))


def header_pairs(headers: HeaderPairs | None) -> list[tuple[str, str]]:
    """Headers as (name, text) pairs in the order sent: from a mapping (`dict`, httpx's and
    requests' header types) or pairs, values as text or bytes (invalid UTF-8 replaced)."""
    if headers is None:
        return []
    multi = getattr(headers, "multi_items", None)  # httpx.Headers: every value of a repeated name
    items: Iterable[tuple[str, str | bytes]]
    if callable(multi):
        items = multi()
    elif isinstance(headers, Mapping):
        items = headers.items()
    else:
        items = headers
    pairs = []
    for name, value in items:
        name = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        value = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        pairs.append((name, value))
    return pairs


def first_header(pairs: Sequence[tuple[str, str]], name: str | None) -> str | None:
    """The value of the first header named `name` (in any ASCII case), trimmed as Rust trims."""
    if name is None:
        return None
    wanted = ascii_lower(name)
    return next((rust_trim(value) for key, value in pairs if ascii_lower(key) == wanted), None)


def header_code(value: str | None) -> str | None:
    """The error code of a header's value, as Rust reads it: up to its first `:`, trimmed (AWS's
    `x-amzn-ErrorType` writes an address after it); None when empty."""
    if value is None:
        return None
    code = rust_trim(value.split(":", 1)[0])
    return code or None


def count(value: str | None) -> int | None:
    """A rate-limit count as Rust's `u64` parse reads one: digits, a leading `+` allowed."""
    if value is None:
        return None
    number = ascii_number(value[1:] if value.startswith("+") else value)
    return number if number is not None and number < U64_END else None


def excerpt(raw: bytes) -> str:
    """The start of the raw body as text (invalid UTF-8 replaced), for logs."""
    cut = raw[:EXCERPT_BYTES].decode("utf-8", "replace")
    return cut + ("\u2026" if len(raw) > EXCERPT_BYTES else "")
