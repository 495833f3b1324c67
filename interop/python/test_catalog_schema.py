"""`spec/catalog.schema.json` with an implementation other than the Rust tests' (`jsonschema`),
as an editor's validator would use it: the checked-in catalogs pass and structural mistakes
are flagged."""

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT

CATALOG_SCHEMA = json.loads((ROOT / "spec/catalog.schema.json").read_text(encoding="utf-8"))
CATALOGS = sorted(
    [*ROOT.glob("spec/*.yaml"), *ROOT.glob("codegen/tests/fixtures/edge/spec/*.yaml"),
     *ROOT.glob("codegen/tests/fixtures/lint/*/*.yaml")]
)


def test_the_catalog_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(CATALOG_SCHEMA)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_catalog_validates(path):
    catalog = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in Draft202012Validator(CATALOG_SCHEMA).iter_errors(catalog)]
    assert not errors


@pytest.mark.parametrize(
    "fixture",
    ["unknown_key", "unknown_field_type", "field_type_two_keys", "missing_field", "wrong_field_type", "unknown_inconsistency_kind"],
)
def test_structural_mistakes_are_flagged(fixture):
    catalog = yaml.safe_load((ROOT / f"codegen/tests/fixtures/bad/{fixture}.yaml").read_text(encoding="utf-8"))
    assert not Draft202012Validator(CATALOG_SCHEMA).is_valid(catalog)
