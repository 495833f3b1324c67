"""What the Python interop checks share: the generated schemas and OpenAPI documents, found on
disk (every API, plus the edge-case fixture API), and the example bodies each schema carries."""

import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
# The real catalog's outputs, and the made-up API whose texts carry everything hard to escape.
OUTPUT_DIRS = [ROOT / "generated", ROOT / "codegen/tests/fixtures/edge/crate"]


def _files(subdir, pattern):
    found = sorted(p for d in OUTPUT_DIRS for p in (d / subdir).glob(pattern))
    assert found, f"no {subdir}/{pattern} found: run `cargo xtask generate`"
    return found


SCHEMA_FILES = _files("schemas", "*.schema.json")
OPENAPI_FILES = _files("openapi", "*.yaml")


def api_id(path):
    return path.name.split(".")[0]


def load_schema(path):
    return json.loads(path.read_text(encoding="utf-8"))


def load_openapi(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shape_examples(schema):
    """(shape name, example body) for every example the schema's `$defs` carry."""
    return [
        (name, example)
        for name, definition in schema["$defs"].items()
        for example in definition.get("examples", [])
    ]


def is_list_body(schema):
    """Whether the API's error body is a list of errors (its root is an array of one format)."""
    return schema.get("type") == "array"


def as_whole_body(schema, element):
    """A body that holds `element`, an example of its format: itself, or a list of it."""
    return [element] if is_list_body(schema) else element


def root_formats(schema):
    """The `$defs` names of the formats a whole body may have (none, of an API that documents no
    body: its `ErrorResponse` takes any value)."""
    branches = schema.get("allOf") or schema.get("anyOf") or schema.get("oneOf")
    if branches is None:
        branches = [schema["items"]] if "items" in schema else []
    return [referenced(branch) for branch in branches]


def takes_text(schema):
    """Whether the API sends bodies of plain text: a format that is a string, not an object."""
    return any("properties" not in schema["$defs"][name] for name in root_formats(schema))


def referenced(prop):
    """The `$defs` name a property refers to (a field's reference is wrapped in `allOf`)."""
    ref = prop.get("$ref") or next((p.get("$ref") for p in prop.get("allOf", [])), None)
    return ref.removeprefix("#/$defs/") if ref else None


def open_enum_fields(schema):
    """(shape, body, key, enum) for every example key whose value comes from an open enum."""
    enums = set(open_enums(schema))
    for shape, body in shape_examples(schema):
        # (A plain-text format has no members.)
        for key, prop in schema["$defs"][shape].get("properties", {}).items():
            if key in body and referenced(prop) in enums:
                yield shape, body, key, referenced(prop)


def added_later(schema, name):
    """A value of the open enum `name` that the catalog does not know, of the enum's own type and
    format (an integer code, a URI where its values are URIs), as a server might add one."""
    open_branch = next(b for b in schema["$defs"][name]["oneOf"] if "$ref" not in b)
    if open_branch["type"] == "integer":
        return max(open_branch["not"]["enum"]) + 1
    return {
        "uri": "https://example.com/a-value-added-later",
        "iri": "https://example.com/a-value-added-later",
        "uuid": "00000000-0000-4000-8000-000000000000",
        "email": "added-later@example.com",
        "date-time": "2030-01-01T00:00:00Z",
    }.get(open_branch.get("format"), "A_VALUE_ADDED_LATER")


def open_enums(schema):
    """Names of the open enums: the `$defs` with a `Known<Name>` list of documented values."""
    defs = schema["$defs"]
    return [name for name in defs if f"Known{name}" in defs]


@pytest.fixture(params=SCHEMA_FILES, ids=api_id)
def schema_file(request):
    return request.param


@pytest.fixture
def schema(schema_file):
    return load_schema(schema_file)
