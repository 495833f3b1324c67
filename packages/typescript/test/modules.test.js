// Every generated module of `api-error-catalog/apis`, as a client imports it: its `API` decides
// each documented example as recorded, with the body typed as a documented format; its
// vocabularies are frozen objects of the values the catalog lists. `packages/run` also runs this
// against a copy of the package holding the edge fixture's modules (odd names, keywords, nine APIs
// nobody would write), which `cargo xtask generate` writes too.

import assert from "node:assert/strict";
import { test } from "node:test";

import { Api } from "api-error-catalog";
import * as apis from "api-error-catalog/apis";

const NOW = new Date(Date.UTC(2024, 11, 1, 8, 0, 0));

/** @typedef {{id: string, status: number | null, headers: Record<string, string>, body: unknown, decision: {kind: string, rule: string}}} Example */

for (const [id, module] of Object.entries(apis)) {
  test(`${id}: its API decides its examples, with a typed body`, () => {
    const api = /** @type {Api<unknown>} */ (module.API);
    assert.ok(api instanceof Api);
    assert.equal(api.name, api.data.api);
    const documented = api.data.rules.flatMap((rule) => rule.statuses.filter((status) => status >= 400)).sort();
    for (const example of /** @type {Example[]} */ (api.data.examples)) {
      // As the server sends it: JSON, or the text of a plain-text body (never a JSON string).
      const body = typeof example.body === "string" ? example.body : JSON.stringify(example.body);
      const error = api.read(example.status ?? documented[0] ?? 400, example.headers, body);
      assert.equal(error.bodyProblem, null, example.id);
      assert.deepEqual(error.body, example.body, example.id);
      const recovery = error.recovery({ now: NOW });
      if (example.status !== null) assert.deepEqual([recovery.kind, recovery.rule.id], [example.decision.kind, example.decision.rule]);
    }
    for (const [name, vocabulary] of Object.entries(module)) {
      if (name === "API") continue;
      assert.ok(Object.isFrozen(vocabulary), name);
      const values = Object.values(vocabulary);
      // (A vocabulary whose document lists none of its values is empty: every value is kept as sent.)
      assert.ok(values.every((v) => typeof v === "string" || typeof v === "number"), name);
      assert.equal(new Set(values).size, values.length, name);
    }
  });
}
