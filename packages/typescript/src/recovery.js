// What to do about an error: the catalog's rules as data, and the decision one of them makes
// (`Recovery`), with the client's policy for what the catalog leaves open.
//
// The rules and their order come from the recovery data `cargo xtask generate` writes; the logic
// is the Rust runtime's (`runtime/src/recovery.rs`), and the tests hold the two to the same
// decisions on every documented example, pinned case and a table of hostile responses.

import { asciiLower, rustTrim } from "./text.js";

/** The longest wait a decision gives, unless the caller sets another: 15 minutes, in seconds. */
export const DEFAULT_MAX_WAIT = 15 * 60;

/**
 * What to do about an error. New kinds may come: for one this version does not know, ask
 * `Recovery.nextAttempt` whether to send the request again and show `Recovery.advice`.
 */
export const RecoveryKind = Object.freeze({
  RETRY_AFTER_WAIT: "retry_after_wait",
  RETRY_WITH_BACKOFF: "retry_with_backoff",
  RETRY_NOW: "retry_now",
  REFRESH_CREDENTIALS: "refresh_credentials",
  REAUTHENTICATE: "reauthenticate",
  USER_ACTION: "user_action",
  FIX_REQUEST: "fix_request",
  FIX_CONFIGURATION: "fix_configuration",
  CHECK_PERMISSIONS: "check_permissions",
  CONTACT_SUPPORT: "contact_support",
  CHECK_OUTCOME: "check_outcome",
  GIVE_UP: "give_up",
});
/** @typedef {(typeof RecoveryKind)[keyof typeof RecoveryKind]} RecoveryKind */

/** How a request failed without a response. */
export const TransportFailure = Object.freeze({
  DNS: "dns",
  CONNECT: "connect",
  TLS: "tls",
  TIMEOUT: "timeout",
  CONNECTION_CLOSED: "connection_closed",
  BODY_INCOMPLETE: "body_incomplete",
});
/** @typedef {(typeof TransportFailure)[keyof typeof TransportFailure]} TransportFailure */

/** Where a decision's wait comes from. */
export const WaitSource = Object.freeze({
  RETRY_AFTER_HEADER: "retry_after_header",
  BODY_FIELD: "body_field",
  RATE_LIMIT_RESET: "rate_limit_reset",
  DOCUMENTED_DEFAULT: "documented_default",
  BACKOFF: "backoff",
  IMMEDIATELY: "immediately",
  CLIENT_POLICY: "client_policy",
});
/** @typedef {(typeof WaitSource)[keyof typeof WaitSource]} WaitSource */

/** @type {ReadonlySet<string>} */
const RETRYING = new Set([
  RecoveryKind.RETRY_AFTER_WAIT,
  RecoveryKind.RETRY_WITH_BACKOFF,
  RecoveryKind.RETRY_NOW,
  RecoveryKind.REFRESH_CREDENTIALS,
]);

/**
 * Does this kind send the request again (after refreshing credentials, for
 * `refresh_credentials`)?
 * @param {RecoveryKind} kind
 * @returns {boolean}
 */
export function retries(kind) {
  return RETRYING.has(kind);
}

/**
 * A rule's data, as `generated/recovery/<api>.json` writes it.
 * @typedef {object} BackoffData
 * @property {number} first_delay_ms
 * @property {number} multiplier
 * @property {number | null} [max_delay_ms]
 * @property {"none" | "full" | "equal" | "additive"} jitter
 * @property {number | null} [jitter_ms]
 *
 * @typedef {{header: string, field?: undefined} | {field: string, header?: undefined}} ConditionSubject
 * @typedef {ConditionSubject & ({equals: string, contains?: undefined} | {contains: string, equals?: undefined})} Condition
 *
 * @typedef {object} RuleData
 * @property {string} id
 * @property {string} level
 * @property {RecoveryKind} kind
 * @property {boolean} retries
 * @property {string} advice
 * @property {string} source
 * @property {boolean} inferred
 * @property {string[]} hints
 * @property {string[]} errors
 * @property {number[]} statuses
 * @property {string[]} status_classes
 * @property {string[]} except
 * @property {Condition[]} when
 * @property {TransportFailure[]} transport
 * @property {boolean} safe_to_resend
 * @property {BackoffData | "client" | null} [backoff]
 * @property {number | null} [max_attempts]
 * @property {RecoveryKind | null} [if_no_wait]
 * @property {{kind: RecoveryKind, advice: string, quote?: "request_id" | "support_reference" | null} | null} [then]
 *
 * @typedef {object} PolicyData
 * @property {number} max_attempts
 * @property {number} max_wait_seconds
 * @property {BackoffData} backoff
 */

/**
 * Delays that grow with each retry: `firstDelay` seconds, times `multiplier` per retry, at most
 * `maxDelay`, randomised by `jitter` (`none`, `full`, `equal` or `additive`, the last adding up
 * to `jitterAdded` seconds).
 */
export class Backoff {
  /**
   * @param {number} firstDelay
   * @param {{multiplier?: number, maxDelay?: number | null, jitter?: BackoffData["jitter"], jitterAdded?: number}} [options]
   */
  constructor(firstDelay, { multiplier = 2, maxDelay = null, jitter = "none", jitterAdded = 0 } = {}) {
    /** Seconds before the first retry. @readonly */
    this.firstDelay = firstDelay;
    /** @readonly */
    this.multiplier = multiplier;
    /** Seconds. @readonly */
    this.maxDelay = maxDelay;
    /** @readonly */
    this.jitter = jitter;
    /** Seconds. @readonly */
    this.jitterAdded = jitterAdded;
  }

  /** @param {BackoffData} data @returns {Backoff} */
  static fromData(data) {
    return new Backoff(data.first_delay_ms / 1000, {
      multiplier: data.multiplier,
      maxDelay: data.max_delay_ms == null ? null : data.max_delay_ms / 1000,
      jitter: data.jitter,
      jitterAdded: data.jitter_ms == null ? 0 : data.jitter_ms / 1000,
    });
  }

  /**
   * The delay before retry number `retry` (0 for the first), without jitter, in seconds.
   * @param {number} retry
   * @returns {number}
   */
  delay(retry) {
    const seconds = this.firstDelay * Math.max(this.multiplier, 1) ** retry;
    return this.maxDelay === null ? seconds : Math.min(seconds, this.maxDelay);
  }

  /**
   * The delay before retry number `retry`, randomised with `random` (from 0 to 1; 1 gives the
   * delay itself, plus all of an additive jitter).
   * @param {number} retry
   * @param {number} random
   * @returns {number}
   */
  jittered(retry, random) {
    const delay = this.delay(retry);
    const draw = Number.isNaN(random) ? 0 : Math.min(Math.max(random, 0), 1);
    switch (this.jitter) {
      case "full":
        return delay * draw;
      case "equal":
        return delay / 2 + (delay / 2) * draw;
      case "additive":
        return delay + this.jitterAdded * draw;
      default:
        return delay;
    }
  }
}

/**
 * What a client decides where the catalog does not: attempts in all when a rule sets no cap, the
 * longest wait worth waiting (seconds), and the delays when a rule gives none. The defaults, the
 * AWS SDKs' standard mode, are the recovery data's `client_policy`.
 */
export class RetryPolicy {
  /** @param {{maxAttempts?: number, maxWait?: number, backoff?: Backoff}} [options] */
  constructor({
    maxAttempts = 3,
    maxWait = DEFAULT_MAX_WAIT,
    backoff = new Backoff(1, { multiplier: 2, maxDelay: 20, jitter: "full" }),
  } = {}) {
    /** @readonly */
    this.maxAttempts = maxAttempts;
    /** Seconds. @readonly */
    this.maxWait = maxWait;
    /** @readonly */
    this.backoff = backoff;
  }

  /** @param {PolicyData} data @returns {RetryPolicy} */
  static fromData(data) {
    return new RetryPolicy({
      maxAttempts: data.max_attempts,
      maxWait: data.max_wait_seconds,
      backoff: Backoff.fromData(data.backoff),
    });
  }
}

/**
 * What comes next when a recovery did not help: a kind, the advice, and the fact to quote
 * (`request_id` or `support_reference`).
 */
export class Escalation {
  /**
   * @param {RecoveryKind} kind
   * @param {string} advice
   * @param {"request_id" | "support_reference" | null} [quote]
   */
  constructor(kind, advice, quote = null) {
    /** @readonly */
    this.kind = kind;
    /** @readonly */
    this.advice = advice;
    /** @readonly */
    this.quote = quote;
  }

  /**
   * The text to quote, read off the error the escalation is about.
   * @param {{requestId: string | null, supportReference: string | null}} error
   * @returns {string | null}
   */
  quoted(error) {
    if (this.quote === "request_id") return error.requestId;
    if (this.quote === "support_reference") return error.supportReference;
    return null;
  }
}

/** One rule of an API's recovery, as its data gives it. */
export class Rule {
  /** @param {RuleData} data */
  constructor(data) {
    /** The rule's data, as the recovery data gives it. @readonly */
    this.data = data;
    /** @readonly */
    this.id = data.id;
    /** @readonly */
    this.level = data.level;
    /** @readonly */
    this.kind = data.kind;
    /** @readonly */
    this.advice = data.advice;
    /** @readonly */
    this.backoff = data.backoff != null && data.backoff !== "client" ? Backoff.fromData(data.backoff) : null;
    /** The rule leaves its delays to the client's policy. @readonly */
    this.clientBackoff = data.backoff === "client";
    /** Attempts in all, where the catalog caps them. @readonly */
    this.maxAttempts = data.max_attempts ?? null;
    /** @readonly */
    this.ifNoWait = data.if_no_wait ?? null;
    /** @readonly */
    this.then = data.then == null ? null : new Escalation(data.then.kind, data.then.advice, data.then.quote ?? null);
  }
}

/**
 * What a rule looks at in a response: its status, the headers the rules' conditions test, and
 * each role's values (the body's fact first, then those of every element).
 * @typedef {object} Observed
 * @property {number} status
 * @property {readonly (readonly [string, string])[]} headers
 * @property {{code: readonly string[], hint: readonly string[], message: readonly string[]}} facts
 */

/** @param {number} status @returns {string | null} */
export function statusClass(status) {
  return status >= 100 && status <= 599 ? `${Math.floor(status / 100)}xx` : null;
}

/**
 * A rule's condition: a header's or a fact's value, trimmed, ASCII letters in any case.
 * @param {Condition} condition
 * @param {Observed} observed
 */
function holds(condition, observed) {
  /** @param {string} value */
  const passes = (value) => {
    const seen = asciiLower(rustTrim(value));
    if (condition.equals !== undefined) return seen === asciiLower(rustTrim(condition.equals));
    return seen.includes(asciiLower(condition.contains));
  };
  if (condition.header !== undefined) {
    const wanted = asciiLower(condition.header);
    const found = observed.headers.find(([name]) => asciiLower(name) === wanted);
    return found !== undefined && passes(found[1]);
  }
  const facts = /** @type {Record<string, readonly string[] | undefined>} */ (observed.facts);
  return (facts[condition.field] ?? []).some(passes);
}

/**
 * Does `rule` cover the response?
 * @param {Rule} rule
 * @param {Observed} observed
 * @returns {boolean}
 */
export function covers(rule, observed) {
  const { code, hint } = observed.facts;
  const data = rule.data;
  if (data.except.length > 0 && [...code, ...hint].some((value) => data.except.includes(value))) return false;
  if (!data.when.every((condition) => holds(condition, observed))) return false;
  const status = observed.status;
  const ofClass = statusClass(status);
  const inClass = ofClass !== null && data.status_classes.includes(ofClass);
  const inScope = (data.statuses.length === 0 && data.status_classes.length === 0) || data.statuses.includes(status) || inClass;
  switch (data.level) {
    case "condition":
      return true;
    case "hint":
      return hint.some((value) => data.hints.includes(value)) && inScope;
    case "error_value":
      return code.some((value) => data.errors.includes(value)) && inScope;
    case "status":
      return data.statuses.includes(status);
    case "status_class":
      return inClass;
    default:
      return data.level === "fallback";
  }
}

/**
 * The first rule of the highest level, in the catalog's precedence, that covers the response
 * (within a level, rules with conditions first), else the fallback.
 * @param {readonly Rule[]} rules
 * @param {Rule} fallback
 * @param {readonly string[]} precedence
 * @param {Observed} observed
 * @returns {Rule}
 */
export function ruleFor(rules, fallback, precedence, observed) {
  /** @param {Rule} rule */
  const rankOf = (rule) => {
    const level = precedence.indexOf(rule.level);
    return 2 * (level < 0 ? precedence.length : level) + (rule.data.when.length === 0 ? 1 : 0);
  };
  let best = fallback;
  let bestRank = 2 * precedence.length + 1;
  for (const rule of rules) {
    const rank = rankOf(rule);
    if (rank < bestRank && covers(rule, observed)) {
      best = rule;
      bestRank = rank;
    }
  }
  return best;
}

const HELD_BACK_ADVICE =
  "The request may have taken effect and is not safe to send twice: find out whether it did " +
  "before sending it again, or send it with an idempotency key.";

/**
 * What a decision needs to know of the request it is about: whether sending it again is harmless
 * (its method is idempotent, or it carries an idempotency key).
 */
export class SentRequest {
  /** The methods RFC 9110 makes idempotent, as the recovery data's `idempotent_methods`. */
  static IDEMPOTENT_METHODS = Object.freeze(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

  /** @param {boolean} idempotent */
  constructor(idempotent) {
    /** @readonly */
    this.idempotent = idempotent;
  }

  /**
   * @param {string} method the request's method, as sent (`GET`, `POST`)
   * @param {{idempotencyKey?: boolean}} [options] whether the request carries an idempotency key
   * @returns {SentRequest}
   */
  static ofMethod(method, { idempotencyKey = false } = {}) {
    return new SentRequest(idempotencyKey || SentRequest.IDEMPOTENT_METHODS.includes(method));
  }
}

/**
 * @typedef {object} RecoveryFields
 * @property {RecoveryKind} kind
 * @property {Rule} rule
 * @property {string} decidedBy
 * @property {number | null} wait
 * @property {WaitSource | null} waitSource
 * @property {boolean} waitWasClamped
 * @property {number} maxWait
 * @property {boolean} mayHaveTakenEffect
 * @property {TransportFailure | null} transportFailure
 */

/**
 * The decision for one error: what to do, whether and when to retry, and which rule of the
 * catalog says so.
 */
export class Recovery {
  /** @param {RecoveryFields} fields */
  constructor(fields) {
    /** What to do. @readonly */
    this.kind = fields.kind;
    /** The catalog's rule that decided. @readonly */
    this.rule = fields.rule;
    /** The level of that rule (`hint`, `status`, ...), `fallback` or `transport`. @readonly */
    this.decidedBy = fields.decidedBy;
    /**
     * Seconds to wait before the next attempt; null when not retrying, or when the rule leaves
     * the delays to the client (ask `nextAttempt`).
     * @readonly
     */
    this.wait = fields.wait;
    /** @readonly */
    this.waitSource = fields.waitSource;
    /** The wait asked for was longer than the maximum and was cut to it. @readonly */
    this.waitWasClamped = fields.waitWasClamped;
    /** Seconds. @readonly */
    this.maxWait = fields.maxWait;
    /**
     * The server may have acted on the request (after a 5xx, or a failure that may have reached
     * it), unless the rule says it did not.
     * @readonly
     */
    this.mayHaveTakenEffect = fields.mayHaveTakenEffect;
    /** @readonly */
    this.transportFailure = fields.transportFailure;
  }

  /** @returns {RecoveryFields} */
  fields() {
    return { ...this };
  }

  /** Does the decision send the request again? */
  get shouldRetry() {
    return retries(this.kind);
  }

  /** The documentation's advice, in words; for a retry `forRequest` held back, why. */
  get advice() {
    return this.#heldBack ? HELD_BACK_ADVICE : this.rule.advice;
  }

  /** Attempts in all where the catalog caps them; null where it sets no cap. */
  get maxAttempts() {
    return this.shouldRetry ? this.rule.maxAttempts : 1;
  }

  get #heldBack() {
    return this.kind === RecoveryKind.CHECK_OUTCOME && this.rule.kind !== RecoveryKind.CHECK_OUTCOME;
  }

  /**
   * What to do when this recovery did not help: when `nextAttempt` said stop after retries, or
   * the error came back after the user acted.
   * @returns {Escalation | null}
   */
  escalation() {
    return this.#heldBack ? null : this.rule.then;
  }

  /**
   * The decision for `request`: a retry of a request that may have taken effect and is not
   * idempotent becomes `check_outcome`, so that a payment is not made twice.
   * @param {SentRequest} request
   * @returns {Recovery}
   */
  forRequest(request) {
    if (!this.shouldRetry || !this.mayHaveTakenEffect || request.idempotent) return this;
    return new Recovery({
      ...this.fields(),
      kind: RecoveryKind.CHECK_OUTCOME,
      wait: null,
      waitSource: null,
      waitWasClamped: false,
    });
  }

  /**
   * The one retry question: after `attemptsMade` attempts (the first included) have failed, this
   * one among them, the seconds to wait before the next, or null to stop. It stops when the
   * decision does not retry, at the rule's cap of attempts (the policy's where the rule has
   * none), and when the wait would pass the policy's longest, so a loop on it always ends.
   * `random` (0 to 1) draws the jitter; by default `Math.random()`.
   * @param {number} attemptsMade
   * @param {{policy?: RetryPolicy, random?: number}} [options]
   * @returns {number | null}
   */
  nextAttempt(attemptsMade, { policy = new RetryPolicy(), random } = {}) {
    if (!this.shouldRetry || this.waitWasClamped || this.waitSource === null) return null;
    const cap = this.rule.maxAttempts ?? policy.maxAttempts;
    if (attemptsMade >= cap) return null;
    const draw = random ?? Math.random();
    const retry = Math.max(attemptsMade - 1, 0);
    let wait;
    if (this.waitSource === WaitSource.CLIENT_POLICY) {
      wait = policy.backoff.jittered(retry, draw);
    } else {
      wait = this.#grownWait(retry, (backoff, n) => backoff.jittered(n, draw));
      if (wait === null) return null;
    }
    return wait <= policy.maxWait ? wait : null;
  }

  /**
   * The wait after `attemptsMade` attempts, without jitter, at most the maximum wait.
   * @param {number} attemptsMade
   * @returns {number | null}
   */
  waitAfter(attemptsMade) {
    const grown = this.#grownWait(Math.max(attemptsMade - 1, 0), (backoff, n) => backoff.delay(n));
    return grown === null ? null : Math.min(grown, this.maxWait);
  }

  /**
   * @param {number} retry
   * @param {(backoff: Backoff, retry: number) => number} delay
   * @returns {number | null}
   */
  #grownWait(retry, delay) {
    if (this.wait === null) return null;
    const backoff = this.rule.backoff;
    if (this.waitSource === WaitSource.BACKOFF && backoff !== null) return delay(backoff, retry);
    if (this.waitSource === WaitSource.DOCUMENTED_DEFAULT && backoff !== null) {
      return Math.max(delay(backoff, retry), this.wait);
    }
    return this.wait;
  }
}

/**
 * The decision of `rule` given the waits the response asks for: the server's wait wins over the
 * rule's own delay; waits are at most `maxWait`.
 * @param {Rule} rule
 * @param {string} decidedBy
 * @param {{seconds: number, source: WaitSource} | null} serverWait
 * @param {number | null} resetWait
 * @param {number | null} defaultWait
 * @param {number} maxWait
 * @returns {Recovery}
 */
export function decide(rule, decidedBy, serverWait, resetWait, defaultWait, maxWait) {
  /** @typedef {{seconds: number, source: WaitSource}} SourcedWait */
  /** @type {SourcedWait} */
  const immediately = { seconds: 0, source: WaitSource.IMMEDIATELY };
  /** @type {SourcedWait | null} */
  let backoffWait = null;
  if (rule.backoff !== null) backoffWait = { seconds: rule.backoff.delay(0), source: WaitSource.BACKOFF };
  else if (rule.clientBackoff) backoffWait = { seconds: 0, source: WaitSource.CLIENT_POLICY };

  /** @param {RecoveryKind} kind @returns {SourcedWait | null} */
  const waitFor = (kind) => {
    switch (kind) {
      case RecoveryKind.RETRY_AFTER_WAIT: {
        const reset = resetWait === null ? null : { seconds: resetWait, source: WaitSource.RATE_LIMIT_RESET };
        const fallback = defaultWait === null ? null : { seconds: defaultWait, source: WaitSource.DOCUMENTED_DEFAULT };
        return serverWait ?? reset ?? fallback ?? backoffWait;
      }
      case RecoveryKind.RETRY_WITH_BACKOFF:
        return serverWait ?? backoffWait ?? immediately;
      case RecoveryKind.RETRY_NOW:
      case RecoveryKind.REFRESH_CREDENTIALS:
        return serverWait ?? immediately;
      default:
        return null;
    }
  };

  let kind = rule.kind;
  let wait = waitFor(kind);
  if (kind === RecoveryKind.RETRY_AFTER_WAIT && wait === null) {
    kind = rule.ifNoWait ?? RecoveryKind.GIVE_UP;
    wait = waitFor(kind);
    if (retries(kind) && wait === null) kind = RecoveryKind.GIVE_UP;
  }
  if (!retries(kind)) wait = null;
  const source = wait === null ? null : wait.source;
  return new Recovery({
    kind,
    rule,
    decidedBy,
    wait: wait === null || source === WaitSource.CLIENT_POLICY ? null : Math.min(wait.seconds, maxWait),
    waitSource: source,
    waitWasClamped: wait !== null && wait.seconds > maxWait,
    maxWait,
    mayHaveTakenEffect: false,
    transportFailure: null,
  });
}
