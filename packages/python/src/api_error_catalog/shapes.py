"""Whether a JSON body is one of an API's documented formats, as the Rust crate's typed decoder
decides it, from the `body` section of the recovery data (`codegen/src/render/decoding.rs` writes
it): members typed as the catalog types them, open vocabularies, tagged unions, the formats
read in one pass or in turn, a list of the one format, and plain text.

The typed models themselves are the generated `TypedDict`s of each API's module; this is what
stands behind them at run time, without a dependency: pydantic's lax mode would take `"20429"`
for an integer and its strict mode `20429.0` for a float-typed member differently from serde, and
the decision must be the same in every language.
"""

from __future__ import annotations

from typing import Any, Mapping

_I64 = (-(2**63), 2**63)


class _Unfit(Exception):
    """A body that no documented format fits, and where."""


def unfit(body: object, data: Mapping[str, Any]) -> str | None:
    """Why `body` (parsed JSON) is none of the documented formats, or None when it is one."""
    formats: list[str] = data["formats"]
    try:
        if data["decoding"] == "one_pass":
            _one_pass(body, formats, data)
        elif data["decoding"] == "list":
            _list(body, formats[0], data)
        else:
            _in_turn(body, formats, data)
    except _Unfit as error:
        return str(error)
    return None


def _in_turn(body: object, formats: list[str], data: Mapping[str, Any]) -> None:
    reasons = []
    for name in formats:
        try:
            _shape(body, name, data, name)
            return
        except _Unfit as error:
            reasons.append(str(error))
    raise _Unfit("; ".join(reasons) if len(reasons) == 1 else f"no format of the error body fits: {'; '.join(reasons)}")


def _list(body: object, name: str, data: Mapping[str, Any]) -> None:
    # A body that is a list of errors: every element of the one format.
    if not isinstance(body, list):
        raise _Unfit(f"expected an array of {name}, found {_kind(body)}")
    for index, element in enumerate(body):
        _shape(element, name, data, f"[{index}]")


def _one_pass(body: object, formats: list[str], data: Mapping[str, Any]) -> None:
    if not isinstance(body, dict):
        raise _Unfit(f"expected an object, found {_kind(body)}")
    shapes = data["shapes"]
    # Every member any format declares, read once: `null` or of the type its formats give it.
    for name in formats:
        for field in shapes[name]["fields"]:
            key = field["key"]
            if key in body and body[key] is not None:
                _value(body[key], field["type"], data, key)
    for name in formats:
        if all(_present(body, field) for field in shapes[name]["fields"] if _must_be_present(field)):
            return
    needs = "; ".join(
        f"{name} needs {', '.join(f['key'] for f in shapes[name]['fields'] if _must_be_present(f))}" for name in formats
    )
    raise _Unfit(f"no format of the error body fits: {needs}")


def _must_be_present(field: Mapping[str, Any]) -> bool:
    # A required member that may be `null` may also be absent, as serde's derive reads it.
    return bool(field["required"]) and not (field["nullable"] and field["type"] != "any")


def _present(body: dict[str, object], field: Mapping[str, Any]) -> bool:
    key = field["key"]
    return key in body and (body[key] is not None or field["type"] == "any")


def _shape(value: object, name: str, data: Mapping[str, Any], where: str) -> None:
    if "text" in data["shapes"][name]:
        # A plain-text body, as the JSON string of its text: any text is one (vocabularies are open).
        if not isinstance(value, str):
            raise _Unfit(f"expected the text of {name}, found {_kind(value)}")
        return
    if not isinstance(value, dict):
        raise _Unfit(f"`{where}`: expected an object ({name}), found {_kind(value)}")
    for field in data["shapes"][name]["fields"]:
        key = field["key"]
        at = key if where == name else f"{where}.{key}"
        if key not in value:
            if _must_be_present(field):
                raise _Unfit(f"{name}: missing field `{key}`")
        elif value[key] is None:
            # `null` is a value of an optional member, and of one that may be `null`.
            if field["required"] and not field["nullable"] and field["type"] != "any":
                raise _Unfit(f"`{at}`: expected {_expected(field['type'])}, found null")
        else:
            _value(value[key], field["type"], data, at)


def _value(value: object, kind: Any, data: Mapping[str, Any], where: str) -> None:
    if isinstance(kind, str):
        if not _scalar_fits(value, kind):
            raise _Unfit(f"`{where}`: expected {_expected(kind)}, found {_kind(value)}")
    elif "object" in kind:
        _shape(value, kind["object"], data, where)
    elif "union" in kind:
        union = data["unions"][kind["union"]]
        if not isinstance(value, dict):
            raise _Unfit(f"`{where}`: expected an object with a `{union['tag']}` member, found {_kind(value)}")
        tag = value.get(union["tag"])
        # An object of a tag the catalog does not list is kept as it came.
        if isinstance(tag, str) and tag in union["variants"]:
            _shape(value, union["variants"][tag], data, where)
    elif "array" in kind:
        if not isinstance(value, list):
            raise _Unfit(f"`{where}`: expected an array, found {_kind(value)}")
        for index, element in enumerate(value):
            _value(element, kind["array"], data, f"{where}[{index}]")
    elif "map" in kind:
        if not isinstance(value, dict):
            raise _Unfit(f"`{where}`: expected an object, found {_kind(value)}")
        for key, member in value.items():
            _value(member, kind["map"], data, f"{where}.{key}")


def _scalar_fits(value: object, kind: str) -> bool:
    if kind == "any":
        return True
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind == "integer":
        # An `i64`: a whole number written without a fraction or exponent, within 64 bits.
        return isinstance(value, int) and _I64[0] <= value < _I64[1]
    return kind == "number" and isinstance(value, (int, float))


def _expected(kind: Any) -> str:
    return kind if isinstance(kind, str) else next(iter(kind))


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
