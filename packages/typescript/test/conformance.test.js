// One behaviour in three languages: the shared hostile responses and the Rust test's random ones
// (`packages/conformance/`), decided by this package exactly as the Rust runtime decided them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Api } from "api-error-catalog";
import * as apis from "api-error-catalog/apis";

/** @param {string} name */
const conformance = (name) => JSON.parse(readFileSync(new URL(`../../conformance/${name}`, import.meta.url), "utf8"));

/** @typedef {{id: string, status: number, headers: [string, string][], body: string}} SharedResponse */
/** @typedef {Record<string, unknown>} Decision */

// The pinned decisions, or another record the Rust test wrote of fresh random responses
// (`CONFORMANCE_OUT`, as packages/run does on every run).
const DECISIONS = process.env.CONFORMANCE_DECISIONS || new URL("../../conformance/decisions.json", import.meta.url);
const PINNED = /** @type {{seed: number, now: number, hostile: string[], random: SharedResponse[], decisions: Record<string, Decision[]>}} */ (
  JSON.parse(readFileSync(DECISIONS, "utf8"))
);
const HOSTILE = new Map(
  /** @type {{responses: SharedResponse[]}} */ (conformance("responses.json")).responses.map((r) => [r.id, r]),
);
const NOW = new Date(PINNED.now * 1000);
const RESPONSES = [
  ...PINNED.hostile.map((id) => ({ name: `hostile ${id}`, response: /** @type {SharedResponse} */ (HOSTILE.get(id)) })),
  ...PINNED.random.map((response, n) => ({ name: `random ${n}`, response })),
];

/** @param {string} text @returns {Uint8Array | string} */
function body(text) {
  if (!text.startsWith("hex:")) return text;
  const hex = text.slice(4);
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/**
 * The facts and decision of a response, as the Rust test records them (null, false and empty
 * members left out).
 * @param {import("api-error-catalog").ApiError} error
 * @returns {Decision}
 */
function record(error) {
  const recovery = error.recovery({ now: NOW });
  /** @type {number[]} */
  const waits = [];
  for (let attempts = 1; attempts <= 10; attempts += 1) {
    const wait = recovery.nextAttempt(attempts, { random: 1 });
    if (wait === null) break;
    waits.push(wait);
  }
  const full = {
    code: error.code,
    hint: error.hint,
    message: error.errorMessage,
    request_id: error.requestId,
    support_reference: error.supportReference,
    problem: error.bodyProblem?.kind,
    kind: recovery.kind,
    rule: recovery.rule.id,
    decided_by: recovery.decidedBy,
    wait: recovery.wait,
    wait_source: recovery.waitSource,
    clamped: recovery.waitWasClamped,
    may_have_taken_effect: recovery.mayHaveTakenEffect,
    retry_waits: waits,
    then: recovery.escalation()?.kind,
  };
  return Object.fromEntries(
    Object.entries(full).filter(([, v]) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)),
  );
}

/** Seconds as doubles: equal to the nanosecond Rust counts in. @param {unknown} a @param {unknown} b @returns {boolean} */
function closeEnough(a, b) {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-12);
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => closeEnough(x, b[i]));
}

const PACKAGED = /** @type {Record<string, {API: import("api-error-catalog").Api}>} */ (/** @type {unknown} */ (apis));

for (const apiId of Object.keys(PINNED.decisions).sort()) {
  test(`every shared response is decided for ${apiId} as Rust decides it`, () => {
    // The edge-case fixture's APIs decide too; their data is not in the package.
    const api =
      PACKAGED[apiId]?.API ??
      new Api(JSON.parse(readFileSync(new URL(`../../../codegen/tests/fixtures/edge/crate/recovery/${apiId}.json`, import.meta.url), "utf8")));
    const pinned = /** @type {Decision[]} */ (PINNED.decisions[apiId]);
    assert.equal(pinned.length, RESPONSES.length);
    const differences = [];
    for (const [index, { name, response }] of RESPONSES.entries()) {
      const error = api.read(response.status, response.headers, body(response.body));
      const found = record(error);
      let expected = { .../** @type {Decision} */ (pinned[index]) };
      // The Rust runtime checks all of a body, as this reader does: whether it is JSON is the same.
      if (found.problem === expected.problem) {
        delete found.problem;
        delete expected.problem;
      }
      for (const key of ["wait", "retry_waits"]) {
        if (key in found && key in expected && closeEnough(found[key], expected[key])) found[key] = expected[key];
      }
      try {
        assert.deepStrictEqual(found, expected);
      } catch {
        differences.push(`${name}:\n  typescript ${JSON.stringify(found)}\n  rust       ${JSON.stringify(expected)}`);
      }
    }
    assert.equal(differences.length, 0, `${differences.length} response(s) of ${DECISIONS} (seed ${PINNED.seed}) decided otherwise:\n${differences.slice(0, 10).join("\n")}`);
  });
}
