// The recovery data (`recovery/<api>.json`) decides every documented example in JavaScript,
// from the data alone, by the precedence the README states, and reaches the decision the
// catalog records (which the Rust and Python tests check too).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const DIRS = ["../../../generated/recovery/", "../../../codegen/tests/fixtures/edge/crate/recovery/"];
const NOW = Date.UTC(2024, 11, 1, 8, 0, 0);
const MAX_WAIT = 15 * 60;
const RETRYING = new Set(["retry_after_wait", "retry_with_backoff", "retry_now", "refresh_credentials"]);

// The string or number at `path`: each key an object's member, and `[]` or `[*]` (in an array)
// the first element where the rest of the path reaches one, as the Rust runtime reads a body.
function atPath(body, path) {
  return allAt(body, path, true)[0];
}

// Every string or number at `path`: at `[*]` those of each element, at `[]` those of the first
// element that has any (with `firstOnly`, the first found alone).
function allAt(body, path, firstOnly = false) {
  if (path.length === 0) return typeof body === "string" || typeof body === "number" ? [body] : [];
  const [key, ...rest] = path;
  if ((key === "[]" || key === "[*]") && Array.isArray(body)) {
    const found = body.map((element) => allAt(element, rest, firstOnly)).filter((values) => values.length);
    return key === "[*]" && !firstOnly ? found.flat() : found[0] ?? [];
  }
  return body && typeof body === "object" && !Array.isArray(body) && Object.hasOwn(body, key) ? allAt(body[key], rest, firstOnly) : [];
}
const text = (v) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const statusClass = (status) => ({ 1: "1xx", 2: "2xx", 3: "3xx", 4: "4xx", 5: "5xx" })[Math.floor(status / 100)];

// ASCII letters only, as the Rust runtime compares (`toLowerCase` would fold others too).
const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

// A rule's condition: a header's or a body fact's value, trimmed, ASCII letters in any case; a
// code or hint read in every element passes when any element's does.
function holds(condition, headers, facts) {
  const values =
    "header" in condition
      ? [Object.entries(headers).find(([k]) => k.toLowerCase() === condition.header.toLowerCase())?.[1]].filter((v) => v !== undefined)
      : facts[condition.field];
  const passes = (value) => {
    const folded = asciiLower(value.trim());
    return "equals" in condition ? folded === asciiLower(condition.equals.trim()) : folded.includes(asciiLower(condition.contains));
  };
  return values.some(passes);
}

// `facts`: each role's values, the body's fact first, then those of every element (`[*]`).
function covers(rule, status, headers, facts) {
  if ([...facts.code, ...facts.hint].some((value) => rule.except.includes(value))) return false;
  if (!rule.when.every((condition) => holds(condition, headers, facts))) return false;
  const inScope = (!rule.statuses.length && !rule.status_classes.length) || rule.statuses.includes(status) || rule.status_classes.includes(statusClass(status));
  switch (rule.level) {
    case "condition": return true;
    case "hint": return facts.hint.some((hint) => rule.hints.includes(hint)) && inScope;
    case "error_value": return facts.code.some((code) => rule.errors.includes(code)) && inScope;
    case "status": return rule.statuses.includes(status);
    case "status_class": return rule.status_classes.includes(statusClass(status));
    default: return true;
  }
}

const UNITS = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, "\u00b5s": 1e-6, ns: 1e-9 };
const until = (moment) => Math.max(0, Math.floor((moment - NOW) / 1000));

// Seconds to wait, from text in one format, or undefined when the text is not in it.
function waitIn(value, format) {
  value = value.trim();
  switch (format) {
    case "delay_seconds":
    case "delay_milliseconds":
    case "epoch_seconds": {
      if (!/^[0-9]+$/.test(value)) return undefined;
      const n = Number(value);
      return format === "delay_seconds" ? n : format === "delay_milliseconds" ? n / 1000 : Math.max(0, n - NOW / 1000);
    }
    case "duration": {
      const parts = [...value.matchAll(/([0-9.]+)(h|ms|m|s|us|\u00b5s|ns)/g)];
      if (!value || parts.map((p) => p[0]).join("") !== value) return undefined;
      const numbers = parts.map((p) => Number(p[1]));
      return numbers.some(Number.isNaN) ? undefined : parts.reduce((sum, p, i) => sum + numbers[i] * UNITS[p[2]], 0);
    }
    case "http_date": {
      if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
      const moment = Date.parse(value);
      return Number.isNaN(moment) ? undefined : until(moment);
    }
    case "iso8601": {
      if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/i.test(value)) return undefined;
      const moment = Date.parse(value);
      return Number.isNaN(moment) ? undefined : until(moment);
    }
    default:
      throw new Error(`a format this decider does not know: ${format}`);
  }
}

// The header's wait in the first of its formats that reads it (as the recovery data lists them).
const headerWait = (value, formats) => formats.map((f) => waitIn(value, f)).find((w) => w !== undefined);

// A body field's wait: a number (of seconds, milliseconds or epoch seconds, as its formats say;
// fractions too) at least zero, or text in one of its formats.
function bodySeconds(v, formats) {
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) {
    for (const format of formats) {
      if (format === "delay_seconds") return v;
      if (format === "delay_milliseconds") return v / 1000;
      if (format === "epoch_seconds" && Number.isInteger(v)) return Math.max(0, v - NOW / 1000);
    }
    return undefined;
  }
  return typeof v === "string" ? headerWait(v, formats) : undefined;
}

export function decide(data, status, headers, body) {
  const first = (role) => (data.fields[role] ?? []).map((p) => text(atPath(body, p))).find((v) => v !== undefined);
  // Every value of a role at its paths through any element (`[*]`), in body order.
  const every = (role) => (data.fields[role] ?? []).filter((p) => p.includes("[*]")).flatMap((p) => allAt(body, p).map(text));
  const known = (value) => (value === undefined ? [] : [value]);
  const facts = { code: [...known(first("code")), ...every("code")], hint: [...known(first("hint")), ...every("hint")], message: known(first("message")) };
  const levels = data.precedence.slice(0, -1);
  // Level by level; within a level, the rules with conditions first.
  const ranked = levels.flatMap((level) => [true, false].flatMap((conditional) => data.rules.filter((r) => r.level === level && r.when.length > 0 === conditional)));
  const rule = ranked.find((r) => covers(r, status, headers, facts)) ?? data.fallback;
  let kind = rule.kind;
  const header = data.headers.retry_after;
  const sent = Object.entries(headers).find(([k]) => header && k.toLowerCase() === header.toLowerCase())?.[1];
  let server = sent === undefined ? undefined : headerWait(sent, data.retry_after.formats);
  if (server === undefined) server = (data.fields.retry_after ?? []).map((p) => bodySeconds(atPath(body, p), data.retry_after.body_formats)).find((v) => v !== undefined);
  const resetHeader = data.headers.rate_limit_reset;
  const resetSent = Object.entries(headers).find(([k]) => resetHeader && k.toLowerCase() === resetHeader.toLowerCase())?.[1];
  const resetFormats = data.retry_after.reset_formats;
  const remainingHeader = data.headers.rate_limit_remaining;
  const remaining = Object.entries(headers).find(([k]) => remainingHeader && k.toLowerCase() === remainingHeader.toLowerCase())?.[1]?.trim();
  // Not while the response says requests are left in the window.
  // As Rust reads a count: `u64` digits, a `+` allowed.
  const left = remaining !== undefined && /^\+?[0-9]+$/.test(remaining) ? BigInt(remaining.replace("+", "")) : undefined;
  const windowSpent = !(left !== undefined && left > 0n && left < 2n ** 64n);
  const reset = resetSent === undefined || resetFormats.length === 0 || !windowSpent ? undefined : headerWait(resetSent, resetFormats);
  // `"client"`: the document gives no numbers; the client's policy chooses the delay (no wait).
  const client = rule.backoff === "client" ? [0, "client"] : undefined;
  const own = rule.backoff && rule.backoff !== "client" ? [rule.backoff.first_delay_ms / 1000, "backoff"] : undefined;
  const sourced = (value, source) => (value === undefined || value === null ? undefined : [value, source]);
  const fromServer = sourced(server, "server");
  const atOnce = [0, "immediately"];
  let wait;
  if (kind === "retry_after_wait") {
    const candidates = [fromServer, sourced(reset, "reset"), sourced(data.retry_after.default_seconds, "default"), own, client];
    wait = candidates.find((w) => w !== undefined);
    if (wait === undefined) {
      kind = rule.if_no_wait ?? "give_up";
      wait = kind === "retry_with_backoff" ? own : RETRYING.has(kind) ? atOnce : undefined;
    }
  } else if (kind === "retry_with_backoff") wait = fromServer ?? own ?? client ?? atOnce;
  else if (kind === "retry_now" || kind === "refresh_credentials") wait = fromServer ?? atOnce;
  return settled(rule, kind, wait);
}

// The decision of `rule` with this kind and [wait, source]: no wait unless it retries, and none
// of its own when the client's policy chooses it. `raw` is the wait before it was cut to MAX_WAIT.
function settled(rule, kind, wait) {
  if (!RETRYING.has(kind) || wait === undefined) return { kind, rule: rule.id, wait: undefined, source: undefined, raw: undefined, data: rule };
  const [value, source] = wait;
  return { kind, rule: rule.id, wait: source === "client" ? undefined : Math.min(value, MAX_WAIT), source, raw: value, data: rule };
}

// A backoff's delay before retry number `retry` (0 for the first), in seconds, as the runtime's
// `Backoff::jittered` gives it with a random number of 1 (the delay, plus all of an additive jitter).
function delay(backoff, retry) {
  let seconds = (backoff.first_delay_ms / 1000) * Math.max(backoff.multiplier, 1) ** retry;
  if (backoff.max_delay_ms !== null) seconds = Math.min(seconds, backoff.max_delay_ms / 1000);
  return seconds + (backoff.jitter === "additive" ? (backoff.jitter_ms ?? 0) / 1000 : 0);
}

// The one retry question, as the runtime's `Recovery::next_attempt` answers it with the default
// policy and a random number of 1: the wait before the next attempt, or undefined to stop.
export function nextAttempt(data, found, attemptsMade) {
  const policy = data.client_policy;
  if (!RETRYING.has(found.kind) || found.raw > MAX_WAIT) return undefined;
  const rule = found.data;
  if (attemptsMade >= (rule.max_attempts ?? policy.max_attempts)) return undefined;
  const retry = attemptsMade - 1;
  let wait;
  if (found.source === "client") wait = delay(policy.backoff, retry);
  else if (found.source === "backoff") wait = delay(rule.backoff, retry);
  else if (found.source === "default" && rule.backoff && rule.backoff !== "client") wait = Math.max(delay(rule.backoff, retry), found.raw);
  else wait = found.wait;
  return wait <= policy.max_wait_seconds ? wait : undefined;
}

// What comes next when the decision's recovery did not help: its rule's `then`, unless the retry
// was held back (`check_outcome` in place of the rule's kind).
export function escalation(found) {
  const heldBack = found.kind === "check_outcome" && found.data.kind !== "check_outcome";
  return heldBack || !found.data.then ? null : found.data.then.kind;
}

// A request that got no response: the rule naming its failure, else the runtime's default.
// No server says how long to wait, so a retry waits by the rule's backoff.
export function decideTransport(data, failure) {
  const names = (r) => r.transport.includes(failure);
  const rule = data.rules.find(names) ?? data.transport_defaults.find(names);
  let wait = [0, "immediately"];
  if (rule.kind === "retry_with_backoff" && rule.backoff === "client") wait = [0, "client"];
  else if (rule.kind === "retry_with_backoff" && rule.backoff) wait = [rule.backoff.first_delay_ms / 1000, "backoff"];
  return settled(rule, rule.kind, wait);
}

// The decision for the case's request: a retry of a request that may have taken effect (after a
// 5xx or a failure that may have reached the server, the rule not `safe_to_resend`) and is not
// idempotent (by its method or an idempotency key) is `check_outcome`, without a wait.
export function forRequest(data, decided, pinned) {
  const request = pinned.request;
  if (!request || !RETRYING.has(decided.kind)) return decided;
  const rule = decided.data;
  const acted = pinned.transport ? data.may_have_reached_server.includes(pinned.transport) : pinned.status >= 500 && pinned.status <= 599;
  const idempotent = request.idempotency_key || data.idempotent_methods.includes(request.method);
  return acted && !rule.safe_to_resend && !idempotent ? settled(rule, "check_outcome", undefined) : decided;
}

for (const dir of DIRS) {
  const url = new URL(dir, import.meta.url);
  for (const file of readdirSync(url).filter((f) => f.endsWith(".json"))) {
    const data = JSON.parse(readFileSync(new URL(file, url), "utf8"));
    for (const example of data.examples) {
      test(`${file}: ${example.id} leads to ${example.decision.kind}`, () => {
        const fromRules = [...new Set(data.rules.flatMap((r) => r.statuses).filter((s) => s >= 400))].sort();
        const statuses = example.status !== null ? [example.status] : fromRules.length ? fromRules : [400];
        for (const status of statuses) {
          const got = decide(data, status, example.headers, example.body);
          assert.deepEqual([got.kind, got.rule], [example.decision.kind, example.decision.rule], `status ${status}`);
          if (example.decision.wait_seconds !== null) assert.ok(Math.abs(got.wait - example.decision.wait_seconds) < 1e-9, `wait ${got.wait}`);
          if (example.decision.then !== null) assert.equal(escalation(got), example.decision.then);
        }
      });
    }
  }
}

// Pinned cases: bodies given as text, which may not be JSON at all.
const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

for (const dir of DIRS) {
  const url = new URL(dir, import.meta.url);
  for (const file of readdirSync(url).filter((f) => f.endsWith(".json"))) {
    const data = JSON.parse(readFileSync(new URL(file, url), "utf8"));
    for (const pinned of data.cases) {
      test(`${file}: case ${pinned.id} leads to ${pinned.decision.kind}`, () => {
        const decided = pinned.transport ? decideTransport(data, pinned.transport) : decide(data, pinned.status, pinned.headers, parsed(pinned.body_text));
        const got = forRequest(data, decided, pinned);
        assert.deepEqual([got.kind, got.rule], [pinned.decision.kind, pinned.decision.rule]);
        if (pinned.decision.wait_seconds !== null) assert.ok(Math.abs(got.wait - pinned.decision.wait_seconds) < 1e-9, `wait ${got.wait}`);
        // A case pins its wait exactly, no wait included (as the generated Rust test does).
        else assert.equal(got.wait, undefined, `wait ${got.wait}`);
        if (pinned.decision.then !== undefined) assert.equal(escalation(got), pinned.decision.then);
        // The retries it makes with the default policy, then the stop, where the case pins them.
        const pinnedRetries = pinned.decision.retry_waits;
        if (pinnedRetries !== undefined) {
          const asked = pinnedRetries.map((_, n) => nextAttempt(data, got, n + 1));
          asked.forEach((wait, n) => assert.ok(Math.abs(wait - pinnedRetries[n]) < 1e-9, `retry ${n + 1}: ${wait}`));
          assert.equal(nextAttempt(data, got, pinnedRetries.length + 1), undefined, "then stop");
        }
      });
    }
  }
}

// A body that is not an object, or none at all, carries no code or hint: the decision is the
// one the status alone gives, for every API and every status its rules name.
for (const dir of DIRS) {
  const url = new URL(dir, import.meta.url);
  for (const file of readdirSync(url).filter((f) => f.endsWith(".json"))) {
    test(`${file}: hostile bodies decide by status`, () => {
      const data = JSON.parse(readFileSync(new URL(file, url), "utf8"));
      const statuses = [...new Set([...data.rules.flatMap((r) => r.statuses), 400, 429, 503])];
      for (const status of statuses) {
        const byStatus = decide(data, status, {}, {});
        for (const body of [null, ["not", "an", "object"], "text", 42]) {
          assert.deepEqual(decide(data, status, {}, body), byStatus, `status ${status}, body ${JSON.stringify(body)}`);
        }
      }
    });
  }
}
