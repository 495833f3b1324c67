"""Every generated module of `api_error_catalog.apis`, as a client imports it: its `API` loads the
data shipped beside it and decides each documented example as recorded, with the body typed as a
documented format; its vocabularies are enums of the values the catalog lists. `packages/run`
also runs this against a copy of the package holding the edge fixture's modules (odd names,
keywords, nine APIs nobody would write), which `cargo xtask generate` writes too."""

from __future__ import annotations

import enum
import importlib
import json
from datetime import datetime, timezone
from typing import Any

import pytest

from api_error_catalog import Api, apis

NOW = datetime(2024, 12, 1, 8, 0, 0, tzinfo=timezone.utc)
MODULES = [importlib.import_module(f"api_error_catalog.apis.{name}") for name in apis.__all__]


@pytest.mark.parametrize("module", MODULES, ids=apis.__all__)
def test_each_module_decides_its_examples_with_a_typed_body(module: Any) -> None:
    api = module.API
    assert isinstance(api, Api) and api.data["api"] == api.name
    documented = sorted({s for r in api.data["rules"] for s in r["statuses"] if s >= 400} or {400})
    for example in api.data["examples"]:
        status = example["status"] if example["status"] is not None else documented[0]
        # As the server sends it: JSON, or the text of a plain-text body (never a JSON string).
        body = example["body"] if isinstance(example["body"], str) else json.dumps(example["body"])
        error = api.read(status, example["headers"], body.encode())
        assert error.body_problem is None and error.body == example["body"], example["id"]
        recovery = error.recovery(NOW)
        if example["status"] is not None:
            assert (recovery.kind.value, recovery.rule.id) == (example["decision"]["kind"], example["decision"]["rule"])
    vocabularies = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, enum.Enum) and v.__module__ == module.__name__]
    for vocabulary in vocabularies:
        values = [member.value for member in vocabulary]
        # (A vocabulary whose document lists none of its values has no member: every value is
        # kept as sent.)
        assert all(isinstance(v, (str, int)) for v in values) and len(set(values)) == len(values)
