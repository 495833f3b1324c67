// Every documented example and pinned case of every API, the real catalog's and the edge
// fixture's, decided by the package as the catalog records (and the Rust tests check).

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { Api, RecoveryKind, RetryPolicy, SentRequest, TransportFailure } from "api-error-catalog";
import * as apis from "api-error-catalog/apis";

const ROOT = new URL("../../../", import.meta.url);
// The edge fixture's APIs are not in the package: their data is loaded from its files.
const DIRS = ["generated/recovery/", "codegen/tests/fixtures/edge/crate/recovery/"];
const NOW = new Date(Date.UTC(2024, 11, 1, 8, 0, 0));

/**
 * @typedef {{kind: string, rule: string, wait_seconds: number | null, then?: string | null, retry_waits?: number[]}} Expected
 * @typedef {{id: string, status: number, headers: Record<string, string>, body_text: string, transport?: import("api-error-catalog").TransportFailure, request?: {method: string, idempotency_key: boolean}, decision: Expected}} Case
 * @typedef {{id: string, status: number | null, headers: Record<string, string>, body: unknown, decision: Expected & {then: string | null}}} Example
 * @typedef {import("api-error-catalog").RecoveryData & {cases: Case[], examples: Example[]}} Data
 */

/** @type {{file: string, data: Data}[]} */
const DATA = DIRS.flatMap((dir) =>
  readdirSync(new URL(dir, ROOT))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ file: `${dir}${name}`, data: JSON.parse(readFileSync(new URL(`${dir}${name}`, ROOT), "utf8")) })),
);

/**
 * An example's body as the server sends it: JSON, or the text of a plain-text body (a JSON body
 * is an object or a list, never a string).
 * @param {Example} example
 */
function sent(example) {
  return typeof example.body === "string" ? example.body : JSON.stringify(example.body);
}

/** @param {number | null} found @param {number | null} expected @param {string} what */
function sameWait(found, expected, what) {
  if (expected === null || found === null) assert.equal(found, expected, what);
  else assert.ok(Math.abs(found - expected) <= 1e-9, `${what}: ${found} is not ${expected}`);
}

/** @param {Api} api @param {Case} pinned */
function forCase(api, pinned) {
  const found =
    pinned.transport !== undefined
      ? api.transportRecovery(pinned.transport)
      : api.read(pinned.status, pinned.headers, pinned.body_text).recovery({ now: NOW });
  const request = pinned.request;
  return request === undefined ? found : found.forRequest(SentRequest.ofMethod(request.method, { idempotencyKey: request.idempotency_key }));
}

test("every pinned case leads to its decision", () => {
  let checked = 0;
  for (const { file, data } of DATA) {
    const api = new Api(data);
    for (const pinned of data.cases) {
      const what = `${file} case ${pinned.id}`;
      const expected = pinned.decision;
      const found = forCase(api, pinned);
      assert.deepEqual([found.kind, found.rule.id], [expected.kind, expected.rule], what);
      if (expected.then !== undefined) assert.equal(found.escalation()?.kind ?? null, expected.then, what);
      if (expected.retry_waits !== undefined) {
        const asked = expected.retry_waits.map((_, n) => found.nextAttempt(n + 1, { policy: api.clientPolicy, random: 1 }));
        asked.forEach((wait, n) => sameWait(wait, /** @type {number} */ (expected.retry_waits?.[n]), what));
        assert.equal(found.nextAttempt(asked.length + 1, { policy: api.clientPolicy, random: 1 }), null, what);
      }
      sameWait(found.wait, expected.wait_seconds, what);
      checked += 1;
    }
  }
  assert.ok(checked > 50, `only ${checked} cases`);
});

test("every documented example leads to its decision", () => {
  let checked = 0;
  for (const { file, data } of DATA) {
    const api = new Api(data);
    const documented = [...new Set(data.rules.flatMap((rule) => rule.statuses.filter((s) => s >= 400)))].sort();
    for (const example of data.examples) {
      const expected = example.decision;
      const statuses = example.status !== null ? [example.status] : documented.length > 0 ? documented : [400];
      for (const status of statuses) {
        const what = `${file} example ${example.id} as ${status}`;
        const error = api.read(status, example.headers, sent(example));
        assert.equal(error.bodyProblem, null, what);
        const found = error.recovery({ now: NOW });
        assert.deepEqual([found.kind, found.rule.id], [expected.kind, expected.rule], what);
        if (expected.wait_seconds !== null) sameWait(found.wait, expected.wait_seconds, what);
        if (expected.then !== null) assert.equal(found.escalation()?.kind, expected.then, what);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} examples`);
});

test("every API of the catalog is packaged with the data Rust decides from", () => {
  const packaged = Object.entries(apis);
  const generated = DATA.filter(({ file }) => file.startsWith(DIRS[0] ?? ""));
  assert.deepEqual(
    packaged.map(([id]) => id).sort(),
    generated.map(({ file }) => file.slice(file.lastIndexOf("/") + 1, -".json".length)),
  );
  for (const [id, module] of packaged) {
    const data = generated.find(({ file }) => file.endsWith(`/${id}.json`))?.data;
    assert.deepEqual(module.API.data, data, id);
    // `SentRequest.ofMethod` knows the idempotent methods the Rust runtime exports, and the
    // default policy is the runtime's.
    assert.deepEqual([...SentRequest.IDEMPOTENT_METHODS], module.API.data.idempotent_methods);
    assert.deepEqual(new RetryPolicy(), module.API.clientPolicy);
  }
});

test("a retry loop always ends within the policy", () => {
  const api = apis.ofauth.API;
  const recovery = api
    .read(503, {}, '{"error": "Service unavailable", "type": "UNKNOWN_ERROR", "actionRequired": "try_again"}')
    .recovery({ now: NOW });
  const waits = [];
  let attempts = 1;
  for (let wait; (wait = recovery.nextAttempt(attempts, { random: 1 })) !== null; attempts += 1) waits.push(wait);
  assert.equal(attempts, api.clientPolicy.maxAttempts);
  assert.deepEqual(waits, [1, 2]);
  const escalation = recovery.escalation();
  assert.equal(escalation?.kind, RecoveryKind.CONTACT_SUPPORT);
  assert.equal(escalation?.quoted(api.read(503, {}, '{"type": "UNKNOWN_ERROR", "requestId": "req_9"}')), "req_9");
});

test("a POST that may have taken effect is not resent without a key", () => {
  const recovery = apis.stripe.API.transportRecovery(TransportFailure.TIMEOUT);
  assert.ok(recovery.mayHaveTakenEffect && recovery.shouldRetry);
  const held = recovery.forRequest(SentRequest.ofMethod("POST"));
  assert.equal(held.kind, RecoveryKind.CHECK_OUTCOME);
  assert.equal(held.escalation(), null);
  assert.match(held.advice, /idempotency key/);
  assert.equal(recovery.forRequest(SentRequest.ofMethod("POST", { idempotencyKey: true })).kind, recovery.kind);
});

test("the body's JSON keeps every digit and every key", () => {
  const error = apis.twilio.API.read(400, [], '{"code": 20429, "big": 18446744073709551615, "__proto__": {"x": 1}, "f": 1.5}');
  const json = /** @type {Record<string, unknown>} */ (error.json);
  assert.equal(json.code, 20429);
  assert.equal(json.big, 18446744073709551615n);
  assert.deepEqual(Object.keys(json), ["code", "big", "__proto__", "f"]);
  assert.equal(Object.getPrototypeOf(json), Object.prototype);
  assert.equal(error.field("f"), 1.5);
  assert.equal(error.code, "20429");
});

test("a body in a documented format is the API's typed body, and any other is null", () => {
  const quota = '{"error": {"code": 429, "message": "Quota", "status": "RESOURCE_EXHAUSTED", "details": []}}';
  const body = apis.googleapis.API.read(429, [], quota).body;
  assert.ok(body !== null);
  assert.equal(body.error.code, 429);
  assert.equal(body.error.status, apis.googleapis.CanonicalCode.RESOURCE_EXHAUSTED);
  // @ts-expect-error: the format has no such member (the body is typed, not `any`)
  assert.equal(body.error.cause, undefined);
  const other = apis.googleapis.API.read(429, [], '{"error": "Quota"}');
  assert.equal(other.body, null);
  assert.equal(other.bodyProblem?.kind, "unexpected_shape");
  assert.deepEqual(other.json, { error: "Quota" });
});
