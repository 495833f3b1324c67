// The package with the HTTP client every JavaScript runtime has: Node's fetch against a real
// server on 127.0.0.1 answering with the documented responses, retried to success or given up
// on as the catalog says, and each way a request fails without a response.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

import { RecoveryKind, TransportFailure, fromResponse, transportFailure } from "api-error-catalog";
import { ofauth } from "api-error-catalog/apis";

/** @type {Map<string, number>} */
const asked = new Map();
const RATE_LIMITED = JSON.stringify({ error: "Slow down", type: "RATE_LIMIT_EXCEEDED", requestId: "req_1" });
const SESSION_EXPIRED = JSON.stringify({ error: "Session expired", type: "SESSION_EXPIRED", requestId: "req_2" });

const server = createServer((request, response) => {
  const path = request.url ?? "/";
  const seen = (asked.get(path) ?? 0) + 1;
  asked.set(path, seen);
  if (path === "/rate-limited-twice" && seen <= 2) {
    response.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end(RATE_LIMITED);
  } else if (path === "/session-expired") {
    response.writeHead(401, { "content-type": "application/json" }).end(SESSION_EXPIRED);
  } else if (path === "/cut-short") {
    response.writeHead(503, { "content-length": "100" }).write('{"error": "Ser');
    setTimeout(() => response.socket?.destroy(), 20);
  } else if (path === "/huge") {
    response.writeHead(502, { "content-type": "text/html" }).end("x".repeat(3 << 20));
  } else if (path === "/silent") {
    // Never answers: the client's timeout ends the request.
  } else {
    response.writeHead(200, { "content-type": "application/json" }).end('{"ok": true}');
  }
});
let base = "";

before(async () => {
  await new Promise((listening) => server.listen(0, "127.0.0.1", () => listening(undefined)));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

/**
 * The loop a client writes: send, and on an error response ask the catalog whether and when to
 * send again.
 * @param {string} url
 * @returns {Promise<{response: Response, attempts: number} | {error: import("api-error-catalog").ApiError, attempts: number}>}
 */
async function getWithRetries(url) {
  for (let attempts = 1; ; attempts += 1) {
    const response = await fetch(url);
    if (response.ok) return { response, attempts };
    const error = await fromResponse(ofauth.API, response);
    const wait = error.recovery().nextAttempt(attempts);
    if (wait === null) return { error, attempts };
    await new Promise((resume) => setTimeout(resume, wait * 1000));
  }
}

test("a rate-limited request is retried after the wait the server asks for, to success", async () => {
  const outcome = await getWithRetries(`${base}/rate-limited-twice`);
  assert.ok("response" in outcome);
  assert.equal(outcome.attempts, 3);
  assert.deepEqual(await outcome.response.json(), { ok: true });
});

test("an expired session is not retried: the user signs in again", async () => {
  const outcome = await getWithRetries(`${base}/session-expired`);
  assert.ok("error" in outcome);
  assert.equal(outcome.attempts, 1);
  assert.equal(outcome.error.code, "SESSION_EXPIRED");
  assert.equal(outcome.error.requestId, "req_2");
  assert.equal(outcome.error.recovery().kind, RecoveryKind.REAUTHENTICATE);
  assert.equal(asked.get("/session-expired"), 1);
});

test("a body larger than any error body is not read whole, and is still decided", async () => {
  const error = await fromResponse(ofauth.API, await fetch(`${base}/huge`));
  assert.equal(error.bodyProblem?.kind, "too_large");
  assert.ok(error.bodyLength <= (1 << 20) + (1 << 17), `${error.bodyLength} bytes kept`);
  assert.equal(error.status, 502);
  assert.ok(error.recovery().shouldRetry);
});

/** @param {() => Promise<unknown>} request */
async function failureOf(request) {
  try {
    await request();
  } catch (error) {
    return transportFailure(error);
  }
  assert.fail("the request did not fail");
}

test("each way a request fails without a response is named", async () => {
  const closed = createServer();
  await new Promise((listening) => closed.listen(0, "127.0.0.1", () => listening(undefined)));
  const address = closed.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise((done) => closed.close(() => done(undefined)));

  assert.equal(await failureOf(() => fetch(`http://127.0.0.1:${port}/`)), TransportFailure.CONNECT);
  assert.equal(await failureOf(() => fetch("http://no-such-host.invalid/")), TransportFailure.DNS);
  assert.equal(await failureOf(() => fetch(`${base}/silent`, { signal: AbortSignal.timeout(100) })), TransportFailure.TIMEOUT);
  assert.equal(await failureOf(() => fetch(`${base.replace("http:", "https:")}/`)), TransportFailure.TLS);
  const cut = await fetch(`${base}/cut-short`);
  assert.equal(await failureOf(() => fromResponse(ofauth.API, cut)), TransportFailure.BODY_INCOMPLETE);
  assert.equal(transportFailure(new DOMException("the caller gave up", "AbortError")), null);
  assert.equal(transportFailure("not an error"), null);

  const recovery = ofauth.API.transportRecovery(TransportFailure.BODY_INCOMPLETE);
  assert.ok(recovery.shouldRetry && recovery.mayHaveTakenEffect);
  assert.equal(ofauth.API.transportRecovery(TransportFailure.TLS).kind, RecoveryKind.FIX_CONFIGURATION);
});
