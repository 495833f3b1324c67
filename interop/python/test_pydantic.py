"""pydantic models generated from each schema with datamodel-code-generator: they are named
after the schema's `$defs` (no `Model`, no `ErrorType1`), known values become enum members named
as in Rust, every example parses and serializes back unchanged, and unknown values survive."""

import enum
import importlib.util
import json
import keyword
import subprocess
import sys

import pydantic
import pytest
from jsonschema import Draft202012Validator

from conftest import (
    added_later,
    api_id,
    as_whole_body,
    is_list_body,
    load_schema,
    open_enum_fields,
    open_enums,
    root_formats,
    shape_examples,
    takes_text,
)

# String formats kept as `str`: the models then hold what the server sent and write it back byte
# for byte, as the Rust crate does (pydantic would write a date-time's milliseconds as
# microseconds, `.412Z` as `.412000Z`, and normalise URLs); a client checks formats with the
# JSON Schema where it needs to.
STRING_FORMATS = ["date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri",
                  "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "regex"]

# The options a Python client would use: `left_to_right` makes pydantic try the documented
# `Known*` enum before the open `str` branch (its default "smart" mode prefers the exact `str`).
CODEGEN_OPTIONS = [
    "--type-mappings", *(f"string+{f}=string" for f in STRING_FORMATS),
    "--input-file-type", "jsonschema",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--union-mode", "left_to_right",
    "--use-schema-description",
    "--use-field-description",
    "--disable-timestamp",
    "--formatters", "builtin",
]


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """Generated modules by schema file, so each schema is generated once per session."""
    return {}


@pytest.fixture
def models(schema_file, generated, tmp_path_factory):
    """The generated module for one schema, imported."""
    if schema_file not in generated:
        output = tmp_path_factory.mktemp("models") / f"{api_id(schema_file)}_models.py"
        subprocess.run(
            [sys.executable, "-m", "datamodel_code_generator", "--input", str(schema_file),
             "--output", str(output), *CODEGEN_OPTIONS],
            check=True,
        )
        spec = importlib.util.spec_from_file_location(output.stem, output)
        module = importlib.util.module_from_spec(spec)
        sys.modules[output.stem] = module  # pydantic resolves generic models through it
        spec.loader.exec_module(module)
        generated[schema_file] = module
    return generated[schema_file]


def test_every_definition_becomes_a_class_of_the_same_name(models, schema_file):
    schema = load_schema(schema_file)
    expected = set(schema["$defs"]) | {schema["title"]}
    defined = {
        name for name, value in vars(models).items()
        # (pydantic also registers its parametrized generics, e.g. `RootModel[Body]`)
        if isinstance(value, type) and value.__module__ == models.__name__ and name.isidentifier()
    }
    assert defined == expected, f"unexpected names {defined - expected}, missing {expected - defined}"


def test_known_values_are_enum_members_named_like_the_rust_variants(models, schema_file):
    schema = load_schema(schema_file)
    for name in [*open_enums(schema)]:
        known = schema["$defs"][f"Known{name}"]
        members = getattr(models, f"Known{name}")
        assert issubclass(members, enum.Enum)
        # As in Rust, a name that is a keyword of the language gets a trailing `_` (`None_`).
        expected = [f"{n}_" if keyword.iskeyword(n) else n for n in known["x-enum-varnames"]]
        assert [m.name for m in members] == expected
        assert [m.value for m in members] == known["enum"]


def test_every_example_parses_and_round_trips(models, schema_file):
    schema = load_schema(schema_file)
    examples = shape_examples(schema)
    if not examples:
        pytest.skip("this API documents no example")
    root = getattr(models, schema["title"])
    for shape, body in examples:
        for model, whole in ((getattr(models, shape), body), (root, as_whole_body(schema, body))):
            parsed = model.model_validate_json(json.dumps(whole))
            assert parsed.model_dump(mode="json", exclude_unset=True, by_alias=True) == whole, (shape, model)


def test_known_values_decode_to_members_and_unknown_ones_stay_strings(models, schema_file):
    schema = load_schema(schema_file)
    fields = list(open_enum_fields(schema))
    if not fields:
        pytest.skip("no example carries a vocabulary value")
    for shape, body, key, name in fields:
        model = getattr(models, shape)
        # The member's attribute: its name, or the one that aliases it (`__type` is no attribute).
        attribute = next(n for n, f in model.model_fields.items() if (f.alias or n) == key)
        value = getattr(model.model_validate(body), attribute).root
        if body[key] in schema["$defs"][f"Known{name}"]["enum"]:
            assert isinstance(value, getattr(models, f"Known{name}")), (shape, key, value)
        probe = added_later(schema, name)
        added = model.model_validate(dict(body, **{key: probe}))
        assert getattr(added, attribute).root == probe
    status = models.HttpStatus.model_validate(429).root
    assert status == 429
    assert models.HttpStatus.model_validate(418).root == 418


def test_wrong_bodies_are_rejected(models, schema_file):
    schema = load_schema(schema_file)
    if not root_formats(schema):
        pytest.skip("this API documents no body: any value is one")
    root = getattr(models, schema["title"])
    # (An empty list is a body that is a list of errors; an object is none; any text is a
    # plain-text body.)
    wrong = ({} if is_list_body(schema) else [], None) + (() if takes_text(schema) else ("error",))
    for body in wrong:
        with pytest.raises(pydantic.ValidationError):
            root.model_validate(body)
    # `{}` is a body only where a format requires nothing (RFC 9457 problem details): pydantic
    # agrees with the schema either way.
    if Draft202012Validator(schema).is_valid({}):
        root.model_validate({})
    else:
        with pytest.raises(pydantic.ValidationError):
            root.model_validate({})
