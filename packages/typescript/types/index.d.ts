export { Api, ApiError } from "./catalog.js";
export { fromResponse, transportFailure } from "./fetch.js";
export { BodyProblem } from "./reading.js";
export { DEFAULT_MAX_WAIT, Backoff, Escalation, Recovery, RecoveryKind, RetryPolicy, Rule, SentRequest, TransportFailure, WaitSource, retries, } from "./recovery.js";
export type RecoveryData = import("./catalog.js").RecoveryData;
export type BodyInput = import("./catalog.js").BodyInput;
export type HeadersInput = import("./reading.js").HeadersInput;
export type Wait = import("./waits.js").Wait;
export type ResponseLike = import("./fetch.js").ResponseLike;
/**
 * @typedef {import("./catalog.js").RecoveryData} RecoveryData
 * @typedef {import("./catalog.js").BodyInput} BodyInput
 * @typedef {import("./reading.js").HeadersInput} HeadersInput
 * @typedef {import("./waits.js").Wait} Wait
 * @typedef {import("./fetch.js").ResponseLike} ResponseLike
 */
