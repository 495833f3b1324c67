/** The longest wait a decision gives, unless the caller sets another: 15 minutes, in seconds. */
export declare const DEFAULT_MAX_WAIT: number;
/**
 * What to do about an error. New kinds may come: for one this version does not know, ask
 * `Recovery.nextAttempt` whether to send the request again and show `Recovery.advice`.
 */
export declare const RecoveryKind: Readonly<{
    RETRY_AFTER_WAIT: "retry_after_wait";
    RETRY_WITH_BACKOFF: "retry_with_backoff";
    RETRY_NOW: "retry_now";
    REFRESH_CREDENTIALS: "refresh_credentials";
    REAUTHENTICATE: "reauthenticate";
    USER_ACTION: "user_action";
    FIX_REQUEST: "fix_request";
    FIX_CONFIGURATION: "fix_configuration";
    CHECK_PERMISSIONS: "check_permissions";
    CONTACT_SUPPORT: "contact_support";
    CHECK_OUTCOME: "check_outcome";
    GIVE_UP: "give_up";
}>;
export type RecoveryKind = (typeof RecoveryKind)[keyof typeof RecoveryKind];
/** @typedef {(typeof RecoveryKind)[keyof typeof RecoveryKind]} RecoveryKind */
/** How a request failed without a response. */
export declare const TransportFailure: Readonly<{
    DNS: "dns";
    CONNECT: "connect";
    TLS: "tls";
    TIMEOUT: "timeout";
    CONNECTION_CLOSED: "connection_closed";
    BODY_INCOMPLETE: "body_incomplete";
}>;
export type TransportFailure = (typeof TransportFailure)[keyof typeof TransportFailure];
/** @typedef {(typeof TransportFailure)[keyof typeof TransportFailure]} TransportFailure */
/** Where a decision's wait comes from. */
export declare const WaitSource: Readonly<{
    RETRY_AFTER_HEADER: "retry_after_header";
    BODY_FIELD: "body_field";
    RATE_LIMIT_RESET: "rate_limit_reset";
    DOCUMENTED_DEFAULT: "documented_default";
    BACKOFF: "backoff";
    IMMEDIATELY: "immediately";
    CLIENT_POLICY: "client_policy";
}>;
export type WaitSource = (typeof WaitSource)[keyof typeof WaitSource];
/**
 * Does this kind send the request again (after refreshing credentials, for
 * `refresh_credentials`)?
 * @param {RecoveryKind} kind
 * @returns {boolean}
 */
export declare function retries(kind: RecoveryKind): boolean;
export type BackoffData = {
    first_delay_ms: number;
    multiplier: number;
    max_delay_ms?: number | null;
    jitter: "none" | "full" | "equal" | "additive";
    jitter_ms?: number | null;
};
export type ConditionSubject = {
    header: string;
    field?: undefined;
} | {
    field: string;
    header?: undefined;
};
export type Condition = ConditionSubject & ({
    equals: string;
    contains?: undefined;
} | {
    contains: string;
    equals?: undefined;
});
export type RuleData = {
    id: string;
    level: string;
    kind: RecoveryKind;
    retries: boolean;
    advice: string;
    source: string;
    inferred: boolean;
    hints: string[];
    errors: string[];
    statuses: number[];
    status_classes: string[];
    except: string[];
    when: Condition[];
    transport: TransportFailure[];
    safe_to_resend: boolean;
    backoff?: BackoffData | "client" | null;
    max_attempts?: number | null;
    if_no_wait?: RecoveryKind | null;
    then?: {
        kind: RecoveryKind;
        advice: string;
        quote?: "request_id" | "support_reference" | null;
    } | null;
};
export type PolicyData = {
    max_attempts: number;
    max_wait_seconds: number;
    backoff: BackoffData;
};
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
export declare class Backoff {
    /** Seconds before the first retry. @readonly */
    firstDelay: number;
    /** @readonly */
    multiplier: number;
    /** Seconds. @readonly */
    maxDelay: number | null;
    /** @readonly */
    jitter: "additive" | "equal" | "full" | "none";
    /** Seconds. @readonly */
    jitterAdded: number;
    /**
     * @param {number} firstDelay
     * @param {{multiplier?: number, maxDelay?: number | null, jitter?: BackoffData["jitter"], jitterAdded?: number}} [options]
     */
    constructor(firstDelay: number, { multiplier, maxDelay, jitter, jitterAdded }?: {
        multiplier?: number;
        maxDelay?: number | null;
        jitter?: BackoffData["jitter"];
        jitterAdded?: number;
    });
    /** @param {BackoffData} data @returns {Backoff} */
    static fromData(data: BackoffData): Backoff;
    /**
     * The delay before retry number `retry` (0 for the first), without jitter, in seconds.
     * @param {number} retry
     * @returns {number}
     */
    delay(retry: number): number;
    /**
     * The delay before retry number `retry`, randomised with `random` (from 0 to 1; 1 gives the
     * delay itself, plus all of an additive jitter).
     * @param {number} retry
     * @param {number} random
     * @returns {number}
     */
    jittered(retry: number, random: number): number;
}
/**
 * What a client decides where the catalog does not: attempts in all when a rule sets no cap, the
 * longest wait worth waiting (seconds), and the delays when a rule gives none. The defaults, the
 * AWS SDKs' standard mode, are the recovery data's `client_policy`.
 */
export declare class RetryPolicy {
    /** @readonly */
    maxAttempts: number;
    /** Seconds. @readonly */
    maxWait: number;
    /** @readonly */
    backoff: Backoff;
    /** @param {{maxAttempts?: number, maxWait?: number, backoff?: Backoff}} [options] */
    constructor({ maxAttempts, maxWait, backoff, }?: {
        maxAttempts?: number;
        maxWait?: number;
        backoff?: Backoff;
    });
    /** @param {PolicyData} data @returns {RetryPolicy} */
    static fromData(data: PolicyData): RetryPolicy;
}
/**
 * What comes next when a recovery did not help: a kind, the advice, and the fact to quote
 * (`request_id` or `support_reference`).
 */
export declare class Escalation {
    /** @readonly */
    kind: RecoveryKind;
    /** @readonly */
    advice: string;
    /** @readonly */
    quote: "request_id" | "support_reference" | null;
    /**
     * @param {RecoveryKind} kind
     * @param {string} advice
     * @param {"request_id" | "support_reference" | null} [quote]
     */
    constructor(kind: RecoveryKind, advice: string, quote?: "request_id" | "support_reference" | null);
    /**
     * The text to quote, read off the error the escalation is about.
     * @param {{requestId: string | null, supportReference: string | null}} error
     * @returns {string | null}
     */
    quoted(error: {
        requestId: string | null;
        supportReference: string | null;
    }): string | null;
}
/** One rule of an API's recovery, as its data gives it. */
export declare class Rule {
    /** The rule's data, as the recovery data gives it. @readonly */
    data: RuleData;
    /** @readonly */
    id: string;
    /** @readonly */
    level: string;
    /** @readonly */
    kind: RecoveryKind;
    /** @readonly */
    advice: string;
    /** @readonly */
    backoff: Backoff | null;
    /** The rule leaves its delays to the client's policy. @readonly */
    clientBackoff: boolean;
    /** Attempts in all, where the catalog caps them. @readonly */
    maxAttempts: number | null;
    /** @readonly */
    ifNoWait: RecoveryKind | null;
    /** @readonly */
    then: Escalation | null;
    /** @param {RuleData} data */
    constructor(data: RuleData);
}
export type Observed = {
    status: number;
    headers: readonly (readonly [string, string])[];
    facts: {
        code: readonly string[];
        hint: readonly string[];
        message: readonly string[];
    };
};
/**
 * What a rule looks at in a response: its status, the headers the rules' conditions test, and
 * each role's values (the body's fact first, then those of every element).
 * @typedef {object} Observed
 * @property {number} status
 * @property {readonly (readonly [string, string])[]} headers
 * @property {{code: readonly string[], hint: readonly string[], message: readonly string[]}} facts
 */
/** @param {number} status @returns {string | null} */
export declare function statusClass(status: number): string | null;
/**
 * Does `rule` cover the response?
 * @param {Rule} rule
 * @param {Observed} observed
 * @returns {boolean}
 */
export declare function covers(rule: Rule, observed: Observed): boolean;
/**
 * The first rule of the highest level, in the catalog's precedence, that covers the response
 * (within a level, rules with conditions first), else the fallback.
 * @param {readonly Rule[]} rules
 * @param {Rule} fallback
 * @param {readonly string[]} precedence
 * @param {Observed} observed
 * @returns {Rule}
 */
export declare function ruleFor(rules: readonly Rule[], fallback: Rule, precedence: readonly string[], observed: Observed): Rule;
/**
 * What a decision needs to know of the request it is about: whether sending it again is harmless
 * (its method is idempotent, or it carries an idempotency key).
 */
export declare class SentRequest {
    /** @readonly */
    idempotent: boolean;
    /** The methods RFC 9110 makes idempotent, as the recovery data's `idempotent_methods`. */
    static IDEMPOTENT_METHODS: readonly string[];
    /** @param {boolean} idempotent */
    constructor(idempotent: boolean);
    /**
     * @param {string} method the request's method, as sent (`GET`, `POST`)
     * @param {{idempotencyKey?: boolean}} [options] whether the request carries an idempotency key
     * @returns {SentRequest}
     */
    static ofMethod(method: string, { idempotencyKey }?: {
        idempotencyKey?: boolean;
    }): SentRequest;
}
export type RecoveryFields = {
    kind: RecoveryKind;
    rule: Rule;
    decidedBy: string;
    wait: number | null;
    waitSource: WaitSource | null;
    waitWasClamped: boolean;
    maxWait: number;
    mayHaveTakenEffect: boolean;
    transportFailure: TransportFailure | null;
};
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
export declare class Recovery {
    #private;
    /** What to do. @readonly */
    kind: RecoveryKind;
    /** The catalog's rule that decided. @readonly */
    rule: Rule;
    /** The level of that rule (`hint`, `status`, ...), `fallback` or `transport`. @readonly */
    decidedBy: string;
    /**
     * Seconds to wait before the next attempt; null when not retrying, or when the rule leaves
     * the delays to the client (ask `nextAttempt`).
     * @readonly
     */
    wait: number | null;
    /** @readonly */
    waitSource: WaitSource | null;
    /** The wait asked for was longer than the maximum and was cut to it. @readonly */
    waitWasClamped: boolean;
    /** Seconds. @readonly */
    maxWait: number;
    /**
     * The server may have acted on the request (after a 5xx, or a failure that may have reached
     * it), unless the rule says it did not.
     * @readonly
     */
    mayHaveTakenEffect: boolean;
    /** @readonly */
    transportFailure: TransportFailure | null;
    /** @param {RecoveryFields} fields */
    constructor(fields: RecoveryFields);
    /** @returns {RecoveryFields} */
    fields(): RecoveryFields;
    /** Does the decision send the request again? */
    get shouldRetry(): boolean;
    /** The documentation's advice, in words; for a retry `forRequest` held back, why. */
    get advice(): string;
    /** Attempts in all where the catalog caps them; null where it sets no cap. */
    get maxAttempts(): number | null;
    /**
     * What to do when this recovery did not help: when `nextAttempt` said stop after retries, or
     * the error came back after the user acted.
     * @returns {Escalation | null}
     */
    escalation(): Escalation | null;
    /**
     * The decision for `request`: a retry of a request that may have taken effect and is not
     * idempotent becomes `check_outcome`, so that a payment is not made twice.
     * @param {SentRequest} request
     * @returns {Recovery}
     */
    forRequest(request: SentRequest): Recovery;
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
    nextAttempt(attemptsMade: number, { policy, random }?: {
        policy?: RetryPolicy;
        random?: number;
    }): number | null;
    /**
     * The wait after `attemptsMade` attempts, without jitter, at most the maximum wait.
     * @param {number} attemptsMade
     * @returns {number | null}
     */
    waitAfter(attemptsMade: number): number | null;
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
export declare function decide(rule: Rule, decidedBy: string, serverWait: {
    seconds: number;
    source: WaitSource;
} | null, resetWait: number | null, defaultWait: number | null, maxWait: number): Recovery;
