"""The generated JSON Schemas with the `jsonschema` package (draft 2020-12): each is a valid
schema, every example validates, and bodies that break the documented format are rejected."""

import copy

import pytest
from jsonschema import Draft202012Validator

from conftest import (
    SCHEMA_FILES,
    added_later,
    as_whole_body,
    is_list_body,
    load_schema,
    open_enum_fields,
    root_formats,
    shape_examples,
    takes_text,
)


def validator_for(schema, definition=None):
    """A validator for the whole schema, or for one of its `$defs`."""
    if definition is not None:
        schema = {k: v for k, v in schema.items() if k not in ("allOf", "anyOf", "oneOf", "type", "items", "examples")}
        schema["$ref"] = f"#/$defs/{definition}"
    return Draft202012Validator(schema)


def test_is_a_valid_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_example_validates_as_its_shape_and_as_any_error_body(schema):
    examples = shape_examples(schema)
    if not examples:
        pytest.skip("this API documents no example")
    whole = validator_for(schema)
    for shape, body in examples:
        assert not list(whole.iter_errors(as_whole_body(schema, body))), (shape, body)
        assert not list(validator_for(schema, shape).iter_errors(body)), (shape, body)
    # The root lists every example too (of a list body, the format's are its elements).
    listed = [e for body in schema["examples"] for e in (body if is_list_body(schema) else [body])]
    assert sorted(map(repr, listed)) == sorted(repr(body) for _, body in examples)


def wrong_bodies(schema):
    """Bodies derived from the examples that break their format, with the format they break
    (None: every format): a required key removed, a value of the wrong JSON type, or no object
    (nor, unless the API sends plain text, string) at all."""
    # (An empty list is a body that is a list of errors; an object is none.)
    yield ("an object", None, {}) if is_list_body(schema) else ("an array", None, [])
    # (Any text is a plain-text body.)
    if not takes_text(schema):
        yield "a string", None, "error"
    yield "null", None, None
    yield "a number", None, 42
    for shape, body in shape_examples(schema):
        definition = schema["$defs"][shape]
        for key in definition.get("required", []):
            broken = copy.deepcopy(body)
            del broken[key]
            yield f"{shape} without {key}", shape, broken
        for key, prop in definition.get("properties", {}).items():
            # A free-form (`any`) member accepts every value.
            constrained = any(k in prop for k in ("type", "$ref", "allOf", "anyOf")) and \
                not (isinstance(prop.get("type"), list) and "object" in prop["type"] and "boolean" in prop["type"])
            if key in body and constrained:
                broken = copy.deepcopy(body)
                broken[key] = "yes" if prop.get("type") == "boolean" else True
                yield f"{shape}.{key} of the wrong type", shape, broken


def test_bodies_that_break_the_format_are_rejected(schema):
    if not root_formats(schema):
        pytest.skip("this API documents no body: no format to break")
    # A body that breaks its own format may still be another one (a format with nothing
    # required takes any object): each is checked against the format it breaks.
    tried = 0
    for what, shape, body in wrong_bodies(schema):
        validator = validator_for(schema, shape) if shape else validator_for(schema)
        assert not validator.is_valid(body), f"accepted {what}: {body}"
        tried += 1
    assert tried >= 3


def test_values_added_after_the_catalog_are_accepted(schema):
    """Vocabularies are open, as the Rust enums are: a new error type must not fail validation."""
    validator = validator_for(schema)
    replaced = 0
    for shape, body, key, name in open_enum_fields(schema):
        changed = dict(body, **{key: added_later(schema, name)})
        assert validator.is_valid(as_whole_body(schema, changed)), (shape, key)
        replaced += 1
    if not replaced:
        pytest.skip("no example carries a vocabulary value")


def test_status_codes_are_open_too(schema):
    status = validator_for(schema, "HttpStatus")
    assert status.is_valid(418) and status.is_valid(429)
    assert not status.is_valid(99) and not status.is_valid("429")
