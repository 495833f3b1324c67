// What to do about an HTTP API's error response, decided from the API error catalog.
//
// Each API of the catalog is a module of `api-error-catalog/apis` with its `API`; read a response
// with it, then ask the error what to do:
//
//     import { ofauth } from "api-error-catalog/apis";
//     const error = ofauth.API.read(429, { "Retry-After": "3" }, '{"type": "RATE_LIMIT_EXCEEDED"}');
//     const wait = error.recovery().nextAttempt(1); // seconds to wait, or null: stop
//
// The decisions are the Rust crate's (`api-error-catalog`), from the same generated data.

export { Api, ApiError } from "./catalog.js";
export { fromResponse, transportFailure } from "./fetch.js";
export { BodyProblem } from "./reading.js";
export {
  DEFAULT_MAX_WAIT,
  Backoff,
  Escalation,
  Recovery,
  RecoveryKind,
  RetryPolicy,
  Rule,
  SentRequest,
  TransportFailure,
  WaitSource,
  retries,
} from "./recovery.js";

/**
 * @typedef {import("./catalog.js").RecoveryData} RecoveryData
 * @typedef {import("./catalog.js").BodyInput} BodyInput
 * @typedef {import("./reading.js").HeadersInput} HeadersInput
 * @typedef {import("./waits.js").Wait} Wait
 * @typedef {import("./fetch.js").ResponseLike} ResponseLike
 */
