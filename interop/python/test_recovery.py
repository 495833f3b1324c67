"""The recovery data (`generated/recovery/<api>.json`) as the OpenAPI documents carry it
(`x-error-recovery`, and the examples), read by a YAML 1.1 reader. Deciding from the data is the
Python package's job (`packages/python`), whose tests decide every documented example, pinned
case and shared hostile response as the Rust runtime does."""

import json

import pytest
import yaml

from conftest import ROOT

RECOVERY = sorted([*ROOT.glob("generated/recovery/*.json"), *ROOT.glob("codegen/tests/fixtures/edge/crate/recovery/*.json")])


@pytest.mark.parametrize("path", RECOVERY, ids=lambda p: p.stem)
def test_the_openapi_extension_holds_the_same_data(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    openapi = yaml.safe_load((path.parent.parent / "openapi" / f"{path.stem}.yaml").read_text(encoding="utf-8"))
    extension = openapi["x-error-recovery"]
    # The body formats are the document's schemas; the recovery data states them for readers
    # without a schema validator (the packages), and its examples and cases for their tests.
    assert extension == {k: v for k, v in data.items() if k not in ("$comment", "body", "examples", "cases")}


@pytest.mark.parametrize("path", RECOVERY, ids=lambda p: p.stem)
def test_the_openapi_examples_read_by_a_yaml_1_1_reader_are_the_catalog_bodies(path):
    """PyYAML reads YAML 1.1, where an unquoted timestamp is a date and `yes` a boolean."""
    # Every example body, as JSON: the schema's `examples` (the recovery data has only the
    # examples that pin a decision).
    schema = json.loads((path.parent.parent / "schemas" / f"{path.stem}.schema.json").read_text(encoding="utf-8"))
    openapi = yaml.safe_load((path.parent.parent / "openapi" / f"{path.stem}.yaml").read_text(encoding="utf-8"))
    in_openapi = sorted(json.dumps(e["value"], sort_keys=True) for e in openapi["components"].get("examples", {}).values())
    in_catalog = sorted(json.dumps(body, sort_keys=True) for body in schema.get("examples", []))
    assert in_openapi == in_catalog
