// One API's error catalog, from the recovery data `cargo xtask generate` writes
// (`generated/recovery/<api>.json`, written into this package as each API's module): read a
// response into an `ApiError`, then ask it what to do.

import { plain } from "./json.js";
import * as reading from "./reading.js";
import {
  DEFAULT_MAX_WAIT,
  Recovery,
  RetryPolicy,
  Rule,
  TransportFailure,
  WaitSource,
  decide,
  ruleFor,
} from "./recovery.js";
import * as waits from "./waits.js";

/**
 * An API's recovery data, as `generated/recovery/<api>.json` holds it.
 * @typedef {object} RecoveryData
 * @property {string} [$comment]
 * @property {string} api the API's name
 * @property {string[]} precedence
 * @property {reading.Fields} fields
 * @property {string | null} [code_namespace] what ends a namespace the wire may write before the code
 * @property {Partial<Record<"retry_after" | "request_id" | "rate_limit_limit" | "rate_limit_remaining" | "rate_limit_reset" | "code", string>>} headers
 * @property {{formats: waits.WaitFormat[], body_formats: waits.WaitFormat[], reset_formats: waits.WaitFormat[], default_seconds: number | null}} retry_after
 * @property {import("./recovery.js").RuleData[]} rules
 * @property {import("./recovery.js").RuleData} fallback
 * @property {import("./recovery.js").RuleData[]} transport_defaults
 * @property {TransportFailure[]} may_have_reached_server
 * @property {string[]} idempotent_methods
 * @property {import("./recovery.js").PolicyData} client_policy
 * @property {import("./shapes.js").BodyFormats} [body] the body formats (older data has none)
 * @property {unknown[]} examples
 * @property {unknown[]} cases
 */

/**
 * A response body as a client has it: bytes, text (encoded as UTF-8), or nothing.
 * @typedef {Uint8Array | ArrayBuffer | string | null | undefined} BodyInput
 */

/**
 * An API's error catalog: its rules, fields and headers, as its recovery data gives them.
 *
 * The generated modules in `api-error-catalog/apis` hold one each (`ofauth.API`, typed with
 * its body formats); `new Api(data)` takes any other catalog's data.
 * @template [Body=unknown] the API's documented body formats (its module's `ErrorResponse`)
 */
export class Api {
  /** @param {RecoveryData} data */
  constructor(data) {
    /** @readonly */
    this.data = data;
    /** @readonly */
    this.name = data.api;
    /** @readonly */
    this.rules = data.rules.map((rule) => new Rule(rule));
    /** @readonly */
    this.fallback = new Rule(data.fallback);
    /** @readonly */
    this.transportDefaults = data.transport_defaults.map((rule) => new Rule(rule));
    /** The client policy the Rust crate defaults to; `nextAttempt` uses it when given none. @readonly */
    this.clientPolicy = RetryPolicy.fromData(data.client_policy);
    /** The headers the rules' conditions test. @readonly */
    this.testedHeaders = [
      ...new Set(data.rules.flatMap((rule) => rule.when.flatMap((c) => (c.header === undefined ? [] : [c.header])))),
    ];
  }

  /**
   * Reads an error response: its status, its headers (fetch's `Headers`, pairs, or an object;
   * names in any case) and its body. Never throws.
   * @param {number} status
   * @param {reading.HeadersInput | null} [headers]
   * @param {BodyInput} [body]
   * @returns {ApiError<Body>}
   */
  read(status, headers = null, body = null) {
    /** @type {Uint8Array} */
    let raw;
    if (typeof body === "string") raw = new TextEncoder().encode(body);
    else if (body instanceof ArrayBuffer) raw = new Uint8Array(body);
    else raw = body ?? new Uint8Array();
    return new ApiError(this, status, reading.headerPairs(headers), raw);
  }

  /**
   * What to do when a request failed without a response: the catalog's rule for the failure,
   * else the runtime's default (retry with the client's backoff; fix the configuration after a
   * TLS failure).
   * @param {TransportFailure} failure
   * @returns {Recovery}
   */
  transportRecovery(failure) {
    const rule =
      [...this.rules, ...this.transportDefaults].find((r) => r.data.transport.includes(failure)) ??
      /** @type {Rule} */ (this.transportDefaults[0]);
    const decided = decide(rule, "transport", null, null, null, DEFAULT_MAX_WAIT);
    return acted(decided, this.data.may_have_reached_server.includes(failure), failure);
  }
}

/**
 * @param {Recovery} recovery
 * @param {boolean} mayHaveActed
 * @param {TransportFailure | null} [failure]
 */
function acted(recovery, mayHaveActed, failure = null) {
  return new Recovery({
    ...recovery.fields(),
    mayHaveTakenEffect: mayHaveActed && !recovery.rule.data.safe_to_resend,
    transportFailure: failure,
  });
}

/**
 * An error response of one API, read leniently: building one never throws, whatever the status,
 * headers and body. `recovery()` says what to do next.
 * @template [Body=unknown] the API's documented body formats
 */
export class ApiError extends Error {
  /** @type {import("./json.js").JsonValue | undefined} */
  #parsed;
  /** @type {reading.BodyFacts} */
  #facts;
  /** @type {string | null} */
  #headerRequestId;

  /**
   * @param {Api<Body>} api
   * @param {number} status
   * @param {reading.HeaderPair[]} headers
   * @param {Uint8Array} raw
   */
  constructor(api, status, headers, raw) {
    super();
    this.name = "ApiError";
    /** @readonly */
    this.api = api;
    /** @readonly */
    this.status = status;
    /** Every header, in the order sent. @readonly */
    this.headers = headers;
    /** The body's bytes (its start only, when it was too large to read). @readonly */
    this.raw = raw.length > reading.MAX_BODY_BYTES ? raw.slice(0, reading.EXCERPT_BYTES) : raw;
    /** @readonly */
    this.bodyLength = raw.length;
    const body = reading.readBody(raw, api.data.fields, api.data.retry_after.body_formats, api.data.body);
    this.#parsed = body.json;
    const names = api.data.headers;
    // A header's code where the body gives none (Azure's `x-ms-error-code`).
    if (body.facts.code === null) body.facts.code = reading.headerCode(reading.firstHeader(headers, names.code));
    this.#facts = withoutNamespace(body.facts, api.data.code_namespace ?? null);
    /** Why the body is no documented error body, if it is not. @readonly */
    this.bodyProblem = body.problem;
    /** The `Retry-After` header (or the API's own wait header) as sent. @readonly */
    this.retryAfterHeader = reading.firstHeader(headers, names.retry_after);
    /** The wait that header asks for. @readonly */
    this.retryAfter =
      this.retryAfterHeader === null || names.retry_after === undefined
        ? null
        : waits.readHeader(names.retry_after, this.retryAfterHeader, api.data.retry_after.formats);
    this.#headerRequestId = reading.firstHeader(headers, names.request_id) || null;
    /** @readonly */
    this.rateLimitLimit = reading.count(reading.firstHeader(headers, names.rate_limit_limit));
    /** @readonly */
    this.rateLimitRemaining = reading.count(reading.firstHeader(headers, names.rate_limit_remaining));
    const reset = reading.firstHeader(headers, names.rate_limit_reset);
    /** When the rate-limit window resets. @readonly */
    this.rateLimitResets = reset === null ? null : waits.parse(reset, api.data.retry_after.reset_formats);
    this.message = this.#describe();
  }

  #describe() {
    let text = `${this.api.name} error ${this.status}`;
    if (this.code !== null) text += ` ${this.code}`;
    if (this.errorMessage !== null && this.errorMessage !== this.code) text += `: ${this.errorMessage}`;
    if (this.requestId !== null) text += ` (request ${this.requestId})`;
    return text;
  }

  /** The error type or code, as sent. */
  get code() {
    return this.#facts.code;
  }

  /** The body's hint on how to resolve the error, as sent. */
  get hint() {
    return this.#facts.hint;
  }

  /** The body's message (`message` is the whole error's, as every `Error` has). */
  get errorMessage() {
    return this.#facts.message;
  }

  /** The request id: the body's, else the header's. */
  get requestId() {
    return this.#facts.request_id ?? this.#headerRequestId;
  }

  get supportReference() {
    return this.#facts.support_reference;
  }

  /** The wait a body field asks for. */
  get bodyRetryAfter() {
    return this.#facts.retry_after;
  }

  /**
   * The body, when it is one of the API's documented formats (null when it is not: `bodyProblem`
   * says why), with integers past 2^53 as `bigint`.
   * @returns {Body | null}
   */
  get body() {
    return this.bodyProblem === null && this.#parsed !== undefined ? /** @type {Body} */ (plain(this.#parsed)) : null;
  }

  /**
   * The body's JSON, whatever its shape (undefined when it is not JSON), with integers past 2^53
   * as `bigint`.
   * @returns {unknown}
   */
  get json() {
    return this.#parsed === undefined ? undefined : plain(this.#parsed);
  }

  /** The start of the raw body, as text, for logs. */
  get excerpt() {
    return reading.excerpt(this.raw);
  }

  /**
   * One top-level member of the body, even when the whole body is no documented one.
   * @param {string} key
   * @returns {unknown}
   */
  field(key) {
    const body = this.#parsed;
    if (body === null || typeof body !== "object" || Array.isArray(body) || !Object.hasOwn(body, key)) return undefined;
    return plain(/** @type {import("./json.js").JsonValue} */ (body[key]));
  }

  /**
   * What to do about this response, as the API's catalog says, with waits of at most `maxWait`
   * seconds; a moment the server names counts from `now` (by default, now).
   * @param {{now?: Date, maxWait?: number}} [options]
   * @returns {Recovery}
   */
  recovery({ now = new Date(), maxWait = DEFAULT_MAX_WAIT } = {}) {
    const nowSeconds = now.getTime() / 1000;
    const facts = this.#facts;
    /** @type {[string, string][]} */
    const tested = [];
    for (const name of this.api.testedHeaders) {
      const value = reading.firstHeader(this.headers, name);
      if (value !== null) tested.push([name, value]);
    }
    /** @param {string | null} first @param {string[]} every */
    const all = (first, every) => (first === null ? every : [first, ...every]);
    const observed = {
      status: this.status,
      headers: tested,
      facts: {
        code: all(facts.code, facts.everyCode),
        hint: all(facts.hint, facts.everyHint),
        message: all(facts.message, []),
      },
    };
    const api = this.api;
    const rule = ruleFor(api.rules, api.fallback, api.data.precedence, observed);
    const decidedBy = rule === api.fallback ? "fallback" : rule.level;
    /** @type {{seconds: number, source: WaitSource} | null} */
    let serverWait = null;
    if (this.retryAfter !== null) {
      serverWait = { seconds: waits.delayFrom(this.retryAfter, nowSeconds), source: WaitSource.RETRY_AFTER_HEADER };
    } else if (facts.retry_after !== null) {
      serverWait = { seconds: waits.delayFrom(facts.retry_after, nowSeconds), source: WaitSource.BODY_FIELD };
    }
    const windowSpent = !(this.rateLimitRemaining !== null && this.rateLimitRemaining > 0);
    const resetWait =
      this.rateLimitResets !== null && windowSpent ? waits.delayFrom(this.rateLimitResets, nowSeconds) : null;
    const defaultWait = api.data.retry_after.default_seconds;
    const decided = decide(rule, decidedBy, serverWait, resetWait, defaultWait, maxWait);
    return acted(decided, this.status >= 500 && this.status <= 599);
  }
}

/**
 * The facts with each code as rules name it: the text after the last `separator` of a namespace
 * the wire may write before it (`aws.example#Throttled`).
 * @param {reading.BodyFacts} facts
 * @param {string | null} separator
 * @returns {reading.BodyFacts}
 */
function withoutNamespace(facts, separator) {
  if (separator === null) return facts;
  /** @param {string} code */
  const bare = (code) => code.slice(code.lastIndexOf(separator) + separator.length);
  if (facts.code !== null) facts.code = bare(facts.code);
  facts.everyCode = facts.everyCode.map(bare);
  return facts;
}
